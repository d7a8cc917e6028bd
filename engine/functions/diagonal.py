"""``torch.diag`` both ways: a vector onto a diagonal of a square matrix, and a diagonal of a matrix out."""

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
