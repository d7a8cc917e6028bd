"""``torch.diag`` (a vector to a diagonal matrix, or a matrix's diagonal to a vector), ``torch.diagonal`` (a
view of a diagonal), ``diag_embed`` and ``diagflat``, as ``torch.*`` functions and methods."""

from __future__ import annotations

from collections.abc import Callable

from engine.functions.diagonal import DiagEmbedBackward0, DiagonalBackward0, DiagonalBackward0_copy
from engine.shape_ops import _dim, _shares_version
from engine.tensor import Tensor


def diag(input: Tensor, diagonal: int = 0) -> Tensor:  # noqa: A002 - PyTorch's names
    """A 1-d input becomes the square matrix with it on diagonal ``diagonal`` (0: the main one, positive:
    above it); a 2-d input gives that diagonal of it as a new vector (a copy, not a view)."""
    if input.ndim == 1:
        return DiagEmbedBackward0.apply(input, offset=int(diagonal))
    if input.ndim == 2:
        return DiagonalBackward0_copy.apply(input, offset=int(diagonal))
    raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {input.ndim}D")


def diagonal(input: Tensor, offset: int = 0, dim1: int = 0, dim2: int = 1) -> Tensor:  # noqa: A002
    """Diagonal ``offset`` of every matrix between ``dim1`` and ``dim2``, as a view (its last dimension)."""
    ndim = input.ndim
    axis1, axis2 = _dim(dim1, ndim), _dim(dim2, ndim)
    if axis1 == axis2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    result = DiagonalBackward0.apply(input, offset=int(offset), axis1=axis1, axis2=axis2)
    return _shares_version(result, input)


def diag_embed(input: Tensor, offset: int = 0, dim1: int = -2, dim2: int = -1) -> Tensor:  # noqa: A002
    """Each vector along the last dimension laid on a diagonal of the matrices spanned by dims ``dim1`` and
    ``dim2`` of the result (the last two by default)."""
    from engine.order_ops import _int_argument
    from engine.shape_ops import _dim

    offset, dim1, dim2 = (
        _int_argument("diag_embed", name, position, value)
        for name, position, value in (("offset", 2, offset), ("dim1", 3, dim1), ("dim2", 4, dim2))
    )
    ndim = input.dim() + 1
    if _dim(dim1, ndim) == _dim(dim2, ndim):
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    return DiagEmbedBackward0.apply(input, offset=offset, dim1=dim1, dim2=dim2)


def diagflat(input: Tensor, offset: int = 0) -> Tensor:  # noqa: A002
    """The flattened input on diagonal ``offset`` of a square matrix."""
    from engine.order_ops import _int_argument
    from engine.shape_ops import contiguous, view

    offset = _int_argument("diagflat", "offset", 2, offset)
    return DiagEmbedBackward0.apply(view(contiguous(input), -1), offset=offset)


METHODS: dict[str, Callable] = {
    "diag": diag,
    "diagonal": diagonal,
    "diag_embed": diag_embed,
    "diagflat": diagflat,
}
