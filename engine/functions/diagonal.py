"""``torch.diag`` both ways: a vector onto a diagonal of a square matrix, and a diagonal of a matrix out."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _place_on_diagonal(vector: np.ndarray, offset: int) -> np.ndarray:
    """The square matrix holding ``vector`` on its diagonal ``offset`` (above the main one if positive)."""
    size = vector.shape[0] + abs(offset)
    matrix = np.zeros((size, size), dtype=vector.dtype)
    rows = np.arange(vector.shape[0]) + max(-offset, 0)
    matrix[rows, rows + offset] = vector
    return matrix


class DiagEmbedBackward0(Function):
    symbol, rule = "diag", "∂diag(v)/∂v: G ↦ the diagonal of G"

    def forward(self, vector, offset=0):
        self.offset = offset
        return _place_on_diagonal(vector, offset)

    def backward(self, grad):
        return (np.diagonal(grad, self.offset).copy(),)


class DiagonalBackward0_copy(Function):  # noqa: N801 - the name PyTorch 2.13 prints for torch.diag(matrix)
    symbol, rule = "diag", "∂diag(A)/∂A: g ↦ g on the diagonal, zeros elsewhere"

    def forward(self, matrix, offset=0):
        self.shape, self.offset = matrix.shape, offset
        return np.diagonal(matrix, offset).copy()

    def backward(self, grad):
        result = np.zeros(self.shape, dtype=grad.dtype)
        count = grad.shape[0]
        rows = np.arange(count) + max(-self.offset, 0)
        result[rows, rows + self.offset] = grad
        return (result,)
