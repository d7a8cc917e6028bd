"""The margin losses PyTorch records as one node each (soft margin, multi-label margin, multi-class margin),
and ``SubBackward1``: a tensor minus a number inside one of PyTorch's own functions."""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.loss import _reduce


class SubBackward1(Function):
    """``cos - margin`` inside ``cosine_embedding_loss``: one edge (Python's ``x - 1`` is SubBackward0)."""

    symbol, rule = "-", "∂(a-c)/∂a = 1"

    def forward(self, a, other=0):
        return a - (a.dtype.type(other) if a.dtype.kind == "f" else other)

    def backward(self, grad):
        return (grad,)


class SoftMarginLossBackward0(Function):
    """log(1 + e^(-y·x)) per element, in the input's dtype (the target broadcasts onto the input)."""

    symbol, rule = "soft_margin", "∂L/∂x = -y·e^(-yx)/(1 + e^(-yx)) (÷n for the mean)"
    saves_inputs = (0, 1)

    def forward(self, x, target, reduction="mean"):
        self.reduction = reduction
        exponent = (-x * target).astype(x.dtype, copy=False)
        with np.errstate(over="ignore"):  # in double: nearer PyTorch's float32 kernel than numpy's float32
            loss = np.log1p(np.exp(exponent.astype(np.float64))).astype(x.dtype)
        return _reduce(loss, reduction)

    def backward(self, grad):
        x, target = self.saved_data()
        scale = 1 / x.size if self.reduction == "mean" else 1.0
        with np.errstate(over="ignore", invalid="ignore"):
            z = np.exp((-target * x).astype(x.dtype, copy=False))
            local = (target * z).astype(x.dtype, copy=False) * x.dtype.type(-scale) / (z + 1)
        return (local * grad).astype(x.dtype, copy=False), None


def _frames(x: np.ndarray) -> np.ndarray:
    """The input as (samples, classes): a vector is one sample, a 0-d input one sample of one class."""
    return x.reshape(1, -1) if x.ndim < 2 else x


class MultilabelMarginLossBackward0(Function):
    """Each sample's targets are its first class indices up to a -1; every (target, non-target) pair adds
    max(0, 1 - (x[target] - x[other])), divided by the number of classes."""

    symbol, rule = "multilabel_margin", "∂L/∂x: -1/C at the target, +1/C at the other, for each active pair"
    saves_inputs = (0,)

    def forward(self, x, target=None, reduction="mean"):
        self.reduction, self.shape = reduction, x.shape
        rows, targets = _frames(x), _frames(np.asarray(target))
        self.pairs = []  # per sample: (target class, other class) of each pair inside the margin
        sums = []
        for row, labels in zip(rows, targets, strict=True):
            chosen = []
            for label in labels:
                if label < 0:
                    break
                chosen.append(int(label))
            others = [d for d in range(len(row)) if d not in chosen]
            total, active = 0.0, []
            for label in chosen:
                for other in others:
                    z = x.dtype.type(1) - row[label] + row[other]
                    if z > 0:
                        total += float(z)  # summed in double, as PyTorch's accumulator
                        active.append((label, other))
            self.pairs.append(active)
            sums.append(total)
        count = x.dtype.type(rows.shape[1])
        if reduction == "none":  # each double sum rounded to the input's dtype, then divided
            losses = [x.dtype.type(total) / count for total in sums]
            return np.array(losses, dtype=x.dtype) if x.ndim > 1 else np.asarray(losses[0], dtype=x.dtype)
        total = 0.0
        for value in sums:  # each sample's sum rounded to the input's dtype, their total in double
            total += float(x.dtype.type(value))
        total /= rows.shape[1]
        if reduction == "mean":  # no samples: nan (PyTorch returns whatever its unset memory holds)
            total = total / len(sums) if sums else np.nan
        return np.asarray(total, dtype=x.dtype)

    def backward(self, grad):
        self.saved_data()  # the pairs were found in forward; this refuses a second backward, as PyTorch does
        samples, classes = _frames(np.empty(self.shape)).shape
        step = 1 / (samples * classes) if self.reduction == "mean" else 1 / classes
        step = grad.dtype.type(step)
        full = np.zeros((samples, classes), dtype=grad.dtype)
        for row, active in zip(full, self.pairs, strict=True):
            for label, other in active:
                row[label] -= step
                row[other] += step
        return ((full * _per_sample(grad, samples)).reshape(self.shape),)


class MultiMarginLossBackward0(Function):
    """Each sample adds max(0, margin - x[y] + x[i])ᵖ for every other class i (times ``weight[y]``),
    divided by the number of classes."""

    symbol, rule = "multi_margin", "∂L/∂xᵢ = p·zᵖ⁻¹·w/C for each active class i, minus their sum at y"
    saves_inputs = (0,)

    def forward(self, x, target=None, p=1, margin=1.0, weight=None, reduction="mean"):
        self.reduction, self.shape, self.p, self.margin, self.weight = reduction, x.shape, p, margin, weight
        self.target = np.asarray(target).reshape(-1)
        losses = []
        for row, label in zip(_frames(x), self.target, strict=True):
            z = x.dtype.type(margin) - row[label] + row
            z[label] = 0
            h = np.where(z > 0, z if p == 1 else z * z, 0).astype(x.dtype, copy=False)
            if weight is not None:
                h = h * weight[label]
            total = x.dtype.type(0)
            for value in h:  # one by one in the input's dtype, as PyTorch sums a sample's shortfalls
                total += value
            losses.append(float(total / x.dtype.type(len(row))))
        return _reduced(losses, reduction, x)

    def backward(self, grad):
        x = _frames(self.saved_data()[0])
        samples, classes = x.shape
        step = grad.dtype.type(1 / (samples * classes) if self.reduction == "mean" else 1 / classes)
        full = np.zeros((samples, classes), dtype=grad.dtype)
        for row, values, label in zip(full, x, self.target, strict=True):
            z = x.dtype.type(self.margin) - values[label] + values
            h = np.where(z > 0, step if self.p == 1 else 2 * step * z, 0).astype(grad.dtype, copy=False)
            if self.weight is not None:
                h = h * self.weight[label]
            h[label] = 0
            row[:] = h
            for value in h:  # one by one, in the gradient's dtype, as PyTorch subtracts them
                row[label] -= value
        return ((full * _per_sample(grad, samples)).reshape(self.shape),)


def _reduced(losses: list[float], reduction: str, x: np.ndarray) -> np.ndarray:
    """Per-sample losses (double sums) as PyTorch returns them: one per sample, their sum or their mean."""
    if reduction == "none" and x.ndim > 1:
        return np.array(losses, dtype=x.dtype)
    if reduction == "none":
        return np.asarray(losses[0], dtype=x.dtype)
    total = 0.0
    for loss in losses:
        total += loss
    if reduction == "mean":  # no samples: nan (PyTorch returns whatever its unset memory holds)
        total = total / len(losses) if losses else np.nan
    return np.asarray(total, dtype=x.dtype)


def _per_sample(grad: np.ndarray, samples: int) -> np.ndarray:
    """The incoming gradient as a column: one value per sample, or the same one for all."""
    return grad.reshape(-1, 1) if grad.ndim and grad.size == samples else grad
