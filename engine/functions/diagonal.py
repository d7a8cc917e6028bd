"""``torch.diag`` both ways (a vector onto a diagonal of a square matrix, a diagonal of a matrix out as a
copy) and ``torch.diagonal``, a view of the diagonals between two dimensions."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _on_diagonal(vector: np.ndarray, offset: int, shape: tuple[int, int]) -> np.ndarray:
    """A matrix of ``shape`` holding ``vector`` on its diagonal ``offset`` (above the main one if positive),
    zeros elsewhere."""
    matrix = np.zeros(shape, dtype=vector.dtype)
    rows = np.arange(vector.shape[0]) + max(-offset, 0)
    matrix[rows, rows + offset] = vector
    return matrix


class DiagEmbedBackward0(Function):
    """The last dimension of the input laid on diagonal ``offset`` of two new dimensions ``dim1``, ``dim2``
    (of the result, already made non-negative), zeros elsewhere; ``diag`` of a vector is the 1-d case."""

    symbol, rule = "diag_embed", "∂diag_embed(v)/∂v: G ↦ the diagonal of G"

    def forward(self, vector, offset=0, dim1=-2, dim2=-1):
        self.offset = offset
        self.axes = (dim1 % (vector.ndim + 1), dim2 % (vector.ndim + 1))
        size = vector.shape[-1] + abs(offset)
        matrices = np.zeros(vector.shape[:-1] + (size, size), dtype=vector.dtype)
        rows = np.arange(vector.shape[-1]) + max(-offset, 0)
        matrices[..., rows, rows + offset] = vector
        return np.ascontiguousarray(np.moveaxis(matrices, (-2, -1), self.axes))

    def backward(self, grad):
        return (np.diagonal(grad, self.offset, *self.axes).copy(),)


class DiagonalBackward0_copy(Function):  # noqa: N801 - the name PyTorch 2.13 prints for torch.diag(matrix)
    symbol, rule = "diag", "∂diag(A)/∂A: g ↦ g on the diagonal, zeros elsewhere"

    def forward(self, matrix, offset=0):
        self.shape, self.offset = matrix.shape, offset
        return np.diagonal(matrix, offset).copy()

    def backward(self, grad):
        return (_on_diagonal(grad, self.offset, self.shape),)


def diagonal_view(a: np.ndarray, offset: int, axis1: int, axis2: int) -> np.ndarray:
    """A writable view of diagonal ``offset`` between ``axis1`` and ``axis2``, as the last dimension (numpy's
    own ``diagonal`` is read-only)."""
    moved = np.moveaxis(a, (axis1, axis2), (-2, -1))
    moved = moved[..., :, offset:] if offset >= 0 else moved[..., -offset:, :]
    length = max(min(moved.shape[-2], moved.shape[-1]), 0)
    strides = moved.strides[:-2] + (moved.strides[-2] + moved.strides[-1],)
    return np.lib.stride_tricks.as_strided(
        moved, moved.shape[:-2] + (length,), strides, writeable=a.flags.writeable
    )


class DiagonalBackward0(Function):
    """A diagonal as a view: its gradient goes back onto that diagonal, zeros elsewhere."""

    symbol, rule = "diagonal", "∂diagonal(A)/∂A: g ↦ g on the diagonal, zeros elsewhere"

    def forward(self, a, offset=0, axis1=0, axis2=1):
        self.shape, self.where = a.shape, (offset, axis1, axis2)
        return diagonal_view(a, offset, axis1, axis2)

    def backward(self, grad):
        full = np.zeros(self.shape, dtype=grad.dtype)
        diagonal_view(full, *self.where)[...] = grad
        return (full,)
