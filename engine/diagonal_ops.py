"""``torch.diag`` (a vector to a diagonal matrix, or a matrix's diagonal to a vector) and ``torch.diagonal``
(a view of a diagonal), with their methods."""

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


METHODS: dict[str, Callable] = {"diag": diag, "diagonal": diagonal}
