"""``EmbeddingBagBackward0``: the sum, mean or max of each bag of looked-up rows, in PyTorch's order of
arithmetic (one row at a time, some multiply-adds fused into one rounding as its kernels fuse them), with
edges to the table and to the per-sample weights."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _fused(total: np.ndarray, row: np.ndarray, scale: float) -> np.ndarray:
    """total + row·scale rounded once, as a fused multiply-add: exactly in double for float32; for double,
    with the rounding errors of the product and the sum added back (Dekker's and Knuth's exact forms)."""
    if total.dtype == np.float32:
        return (total.astype(np.float64) + row.astype(np.float64) * np.float64(scale)).astype(np.float32)
    scale = np.float64(scale)
    product = row * scale
    row_high, row_low = _halves(row)
    scale_high, scale_low = _halves(scale)
    product_error = ((row_high * scale_high - product) + row_high * scale_low + row_low * scale_high) + (
        row_low * scale_low
    )
    rounded = product + total
    back = rounded - product
    sum_error = (product - (rounded - back)) + (total - back)
    return rounded + (sum_error + product_error)


def _halves(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x as a high part of 26 bits and the rest, so that products of parts are exact (Veltkamp's split)."""
    scaled = 134217729.0 * x  # 2^27 + 1
    high = scaled - (scaled - x)
    return high, x - high


class EmbeddingBagBackward0(Function):
    symbol, rule = "embedding_bag", "∂/∂weight[i]: each bag's gradient (÷ its size for the mean) at its rows"
    saves_inputs = (0, 1)

    def forward(self, weight, per_sample_weights=None, indices=None, bags=(), mode="mean", padding_idx=None):
        self.indices, self.bags, self.mode, self.padding = indices, bags, mode, padding_idx
        width = weight.shape[1]
        out = np.zeros((len(bags), width), dtype=weight.dtype)
        self.sizes = np.zeros(len(bags), dtype=np.int64)  # rows that count (the padding row does not)
        self.argmax = np.full((len(bags), width), -1, dtype=np.int64)
        # PyTorch's float32 kernel without a padding row fuses each weighted row's multiply-add; its others
        # multiply, then add
        fused = weight.dtype == np.float32 and padding_idx is None
        for bag, (start, end) in enumerate(bags):
            total = np.zeros(width, dtype=weight.dtype)
            for position in range(start, end):
                row = int(indices[position])
                if row == padding_idx:
                    continue
                if mode == "max":
                    values = weight[row]
                    better = values > total if self.sizes[bag] else np.ones(width, dtype=bool)
                    total = np.where(better, values, total)
                    self.argmax[bag] = np.where(better, row, self.argmax[bag])
                elif per_sample_weights is not None and fused:
                    total = _fused(total, weight[row], per_sample_weights[position])
                elif per_sample_weights is not None:
                    total = total + weight[row] * per_sample_weights[position]
                else:
                    total = total + weight[row]
                self.sizes[bag] += 1
            if mode == "mean" and self.sizes[bag]:
                total = total / weight.dtype.type(self.sizes[bag])
            out[bag] = total
        return out

    def backward(self, grad):
        weight, per_sample_weights = self.saved_data()
        bag_of = np.zeros(len(self.indices), dtype=np.int64)
        for bag, (start, end) in enumerate(self.bags):
            bag_of[start:end] = bag
        in_a_bag = np.zeros(len(self.indices), dtype=bool)
        for start, end in self.bags:
            in_a_bag[start:end] = True
        grad_weight = self._weight_grad(grad, weight, per_sample_weights, bag_of, in_a_bag)
        if per_sample_weights is None or not self.needs_grad(1):
            return grad_weight, None
        grad_samples = np.zeros(len(self.indices), dtype=grad.dtype)
        for position, row in enumerate(self.indices):
            if in_a_bag[position] and row != self.padding:
                grad_samples[position] = np.dot(grad[bag_of[position]], weight[row])
        return grad_weight, grad_samples

    def _weight_grad(self, grad, weight, per_sample_weights, bag_of, in_a_bag):
        """Each looked-up row's share; rows taken in the order of a stable sort of the indices, as PyTorch
        adds them (for a max, each bag's gradient goes to the row its maximum came from)."""
        if not self.needs_grad(0):
            return None
        grad_weight = np.zeros(weight.shape, dtype=grad.dtype)
        if self.mode == "max":
            columns = np.arange(weight.shape[1])
            for bag in range(len(self.bags)):
                taken = self.argmax[bag] >= 0
                np.add.at(grad_weight, (self.argmax[bag][taken], columns[taken]), grad[bag][taken])
            return grad_weight
        for position in np.argsort(self.indices, kind="stable"):
            row = int(self.indices[position])
            if not in_a_bag[position] or row == self.padding:
                continue
            bag = bag_of[position]
            scale = 1.0 if per_sample_weights is None else float(per_sample_weights[position])
            if self.mode == "mean" and self.sizes[bag]:
                scale /= int(self.sizes[bag])
            grad_weight[row] = _fused(grad_weight[row], grad[bag], grad.dtype.type(scale))
        return grad_weight
