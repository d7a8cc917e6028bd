"""``torch.diag`` and ``Tensor.diag``: a vector to a diagonal matrix, or a matrix's diagonal to a vector."""

from __future__ import annotations

from collections.abc import Callable

from engine.functions.diagonal import DiagEmbedBackward0, DiagonalBackward0_copy
from engine.tensor import Tensor


def diag(input: Tensor, diagonal: int = 0) -> Tensor:  # noqa: A002 - PyTorch's names
    """A 1-d input becomes the square matrix with it on diagonal ``diagonal`` (0: the main one, positive:
    above it); a 2-d input gives that diagonal of it as a new vector (a copy, not a view)."""
    if input.ndim == 1:
        return DiagEmbedBackward0.apply(input, offset=int(diagonal))
    if input.ndim == 2:
        return DiagonalBackward0_copy.apply(input, offset=int(diagonal))
    raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {input.ndim}D")


METHODS: dict[str, Callable] = {"diag": diag}
