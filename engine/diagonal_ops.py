"""``torch.diag`` (a vector to a diagonal matrix, or a matrix's diagonal to a vector), ``torch.diagonal`` (a
view of a diagonal), ``diag_embed``, ``diagflat`` and ``fill_diagonal_``, as functions and methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def fill_diagonal_(input: Tensor, fill_value: Any, wrap: bool = False) -> Tensor:  # noqa: A002
    """``fill_value`` on the main diagonal (across every dimension, all of one length), through a diagonal
    view, so the graph records the write on the tensor (CopySlices); ``wrap`` continues down a tall matrix
    every ``width + 1`` elements of its rows read one after another."""
    if input.dim() < 2:
        raise RuntimeError("dimensions must larger than 1")
    height, width = input.shape[0], input.shape[1]
    if input.dim() > 2 and any(size != height for size in input.shape[1:]):
        raise RuntimeError("all dimensions of input must be of equal length")
    main = input
    while main.dim() > 1:
        main = diagonal(main, 0, 0, 1)
    main.fill_(fill_value)
    if wrap and input.dim() == 2 and height > width + 1:
        if not input._data.flags.c_contiguous:
            raise RuntimeError(
                "fill_diagonal_(wrap=True) of a non-contiguous tensor is not supported by this engine"
            )
        step = width + 1
        rest = -(-input.numel() // step) - min(height, width)
        input.view(-1)[width * step :: step][:rest].fill_(fill_value)
    return input


METHODS: dict[str, Callable] = {
    "diag": diag,
    "diagonal": diagonal,
    "diag_embed": diag_embed,
    "diagflat": diagflat,
    "fill_diagonal_": fill_diagonal_,
}
