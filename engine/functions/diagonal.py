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
    symbol, rule = "diag", "∂diag(v)/∂v: G ↦ the diagonal of G"

    def forward(self, vector, offset=0):
        self.offset = offset
        size = vector.shape[0] + abs(offset)
        return _on_diagonal(vector, offset, (size, size))

    def backward(self, grad):
        return (np.diagonal(grad, self.offset).copy(),)


class DiagonalBackward0_copy(Function):  # noqa: N801 - the name PyTorch 2.13 prints for torch.diag(matrix)
    symbol, rule = "diag", "∂diag(A)/∂A: g ↦ g on the diagonal, zeros elsewhere"

    def forward(self, matrix, offset=0):
        self.shape, self.offset = matrix.shape, offset
        return np.diagonal(matrix, offset).copy()

    def backward(self, grad):
        return (_on_diagonal(grad, self.offset, self.shape),)
