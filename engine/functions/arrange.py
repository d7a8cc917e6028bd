"""Nodes that put each element somewhere new: ``rot90``, ``take`` and ``block_diag``."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class Rot90Backward0(Function):
    """A quarter turn ``k`` times in the plane of two dimensions, from the first towards the second."""

    symbol, rule = "rot90", "the gradient is turned back the other way"

    def forward(self, a, k=1, dims=(0, 1)):
        self.k, self.dims = k, dims
        return np.rot90(a, k, dims).copy()  # a new tensor, as PyTorch's (numpy's is a view)

    def backward(self, grad):
        return (np.rot90(grad, -self.k, self.dims),)


class TakeBackward0(Function):
    """Elements of the flattened input at ``positions`` (non-negative), shaped like the index."""

    symbol, rule = "take", "each element's gradient goes back to the place it was read from (repeats add up)"

    def forward(self, a, positions=None):
        self.positions = positions
        return a.reshape(-1)[positions]

    def backward(self, grad):
        shape = self.input_meta[0][0]
        flat = np.zeros(int(np.prod(shape)), dtype=grad.dtype)
        np.add.at(flat, self.positions, grad)
        return (flat.reshape(shape),)


class PutBackward0(Function):
    """``put``: ``source``'s elements written (or, with ``accumulate``, added) into the flattened input at
    ``positions`` (non-negative)."""

    symbol, rule = "put", "∂/∂input = G, 0 where overwritten;  ∂/∂source = G at the places written"

    def forward(self, a, source, positions=None, accumulate=False):
        self.positions, self.accumulate = positions, accumulate
        out = a.copy()
        flat = out.reshape(-1)
        if accumulate:
            np.add.at(flat, positions, source.reshape(-1))
        else:
            flat[positions] = source.reshape(-1)
        return out

    def backward(self, grad):
        grad_input = None
        if self.needs_grad(0):
            grad_input = grad.copy()
            if not self.accumulate:
                grad_input.reshape(-1)[self.positions] = 0
        grad_source = (
            grad.reshape(-1)[self.positions].reshape(self.input_meta[1][0]) if self.needs_grad(1) else None
        )
        return grad_input, grad_source


class BlockDiagBackward0(Function):
    """The inputs (as matrices: a number is 1×1, a row 1×n) placed corner to corner, zeros elsewhere."""

    symbol, rule = "block_diag", "each input gets the gradient of its own block"

    def forward(self, *arrays, dtype=None):
        blocks = [a.reshape(_as_matrix(a.shape)) for a in arrays]
        self.corners = np.cumsum([(0, 0)] + [block.shape for block in blocks], axis=0)
        result = np.zeros(tuple(self.corners[-1]), dtype=dtype)
        for (row, col), block in zip(self.corners[:-1], blocks, strict=True):
            result[row : row + block.shape[0], col : col + block.shape[1]] = block
        return result

    def backward(self, grad):
        gradients = []
        for (row, col), (end_row, end_col), (shape, _) in zip(
            self.corners[:-1], self.corners[1:], self.input_meta, strict=True
        ):
            gradients.append(grad[row:end_row, col:end_col].reshape(shape))
        return tuple(gradients)


def _as_matrix(shape: tuple) -> tuple[int, int]:
    return (1, 1) if not shape else (1, shape[0]) if len(shape) == 1 else shape
