"""Loss functions that PyTorch records as one node each (MSE, BCE, BCE with logits, NLL)."""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.reduction import mean_of_all


def _reduce(values: np.ndarray, reduction: str) -> np.ndarray:
    if reduction == "mean":
        return mean_of_all(values)
    if reduction == "sum":
        return np.sum(values, dtype=values.dtype)
    return values


def _scale(reduction: str, size: int) -> float:
    return 1 / size if reduction == "mean" and size else 1.0


class MseLossBackward0(Function):
    symbol, rule = "mse", "∂L/∂pred = 2(pred - target)/n"
    saves_inputs = (0, 1)

    def forward(self, pred, target, reduction="mean"):
        self.reduction = reduction
        diff = pred - target
        return _reduce(diff * diff, reduction)

    def backward(self, grad):
        pred, target = self.saved_data()
        size = pred.size if pred.shape == target.shape else np.broadcast(pred, target).size
        # (pred - target) * (2/n): the same bits as 2(pred - target) * (1/n), as doubling is exact
        local = (pred - target) * (2 * _scale(self.reduction, size))
        return grad * local, (-grad * local if self.needs_grad(1) else None)


class BinaryCrossEntropyBackward0(Function):
    symbol, rule = "bce", "∂L/∂p = (p - y)/(p(1 - p))/n"
    saves_inputs = (0, 1)

    def forward(self, p, target, weight=None, reduction="mean"):
        if np.any((p < 0) | (p > 1)):
            raise RuntimeError("all elements of input should be between 0 and 1")
        self.weight, self.reduction = weight, reduction
        log_p = np.maximum(np.log(p), -100)  # PyTorch clamps the logs at -100
        log_q = np.maximum(np.log1p(-p), -100)
        loss = -(target * log_p + (1 - target) * log_q)
        if weight is not None:
            loss = loss * weight
        return _reduce(loss.astype(p.dtype, copy=False), reduction)

    def backward(self, grad):
        p, target = self.saved_data()
        eps = 1e-12
        local = (p - target) / np.maximum(p * (1 - p), eps) * _scale(self.reduction, p.size)
        if self.weight is not None:
            local = local * self.weight
        return grad * local, None


class BinaryCrossEntropyWithLogitsBackward0(Function):
    symbol, rule = "bce_logits", "∂L/∂x = (σ(x) - y)/n"
    saves_inputs = (0, 1)

    def forward(self, x, target, weight=None, pos_weight=None, reduction="mean"):
        self.weight, self.pos_weight, self.reduction = weight, pos_weight, reduction
        log_sig = -np.logaddexp(0, -x)  # log σ(x), stable
        log_one_minus = -np.logaddexp(0, x)  # log(1 - σ(x))
        positive = target * log_sig * (1 if pos_weight is None else pos_weight)
        loss = -(positive + (1 - target) * log_one_minus)
        if weight is not None:
            loss = loss * weight
        return _reduce(loss.astype(x.dtype, copy=False), reduction)

    def backward(self, grad):
        x, target = self.saved_data()
        sig = 1 / (1 + np.exp(-x))
        if self.pos_weight is None:
            local = sig - target
        else:
            local = (self.pos_weight * target + 1 - target) * sig - self.pos_weight * target
        if self.weight is not None:
            local = local * self.weight
        return grad * local * _scale(self.reduction, x.size), None


class NllLossBackward0(Function):
    """The class indices are an option, not an input: PyTorch records one edge, to the log-probabilities."""

    symbol, rule = "nll", "∂L/∂xᵢ = -1/n at each target class, 0 elsewhere"

    def forward(self, log_probs, target=None, reduction="mean", ignore_index=-100, weight=None):
        self.shape, self.reduction = log_probs.shape, reduction
        rows = log_probs if log_probs.ndim > 1 else log_probs[None, :]
        classes = np.asarray(target).reshape(-1)
        if classes.size != rows.shape[0]:
            raise ValueError(
                f"Expected input batch_size ({rows.shape[0]}) to match target batch_size ({classes.size})."
            )
        keep = classes != ignore_index
        if np.any(keep & ((classes < 0) | (classes >= rows.shape[1]))):
            raise IndexError(f"Target {int(classes[keep].max())} is out of bounds.")
        self.rows, self.classes, self.keep = np.arange(rows.shape[0]), np.where(keep, classes, 0), keep
        # each row's share: 1 (0 if ignored), or its class's weight; a mean divides by the shares' total
        self.weights = None if weight is None else weight[self.classes] * keep
        picked = -rows[self.rows, self.classes] * (keep if weight is None else self.weights)
        if weight is None:
            self.divisor = max(int(keep.sum()), 1)
        else:
            self.divisor = picked.dtype.type(self.weights.sum())
        if reduction == "mean":
            return np.asarray(picked.sum() / self.divisor, dtype=log_probs.dtype)
        if reduction == "sum":
            return picked.sum()
        return picked if log_probs.ndim > 1 else picked[0]

    def backward(self, grad):
        full = np.zeros((len(self.rows), self.shape[-1]), dtype=grad.dtype)
        if self.weights is not None:
            scale = self.weights / self.divisor if self.reduction == "mean" else self.weights
            per_row = np.broadcast_to(grad, (len(self.rows),)) * scale
        elif self.reduction == "none":
            per_row = np.broadcast_to(grad, (len(self.rows),))
        else:
            divisor = self.divisor if self.reduction == "mean" else 1
            per_row = np.full(len(self.rows), grad / divisor, dtype=grad.dtype)
        full[self.rows, self.classes] = np.where(self.keep, -per_row, 0)  # an ignored row: 0, not -0.0
        return (full.reshape(self.shape),)


class _Piecewise(Function):
    """A loss quadratic near zero and linear beyond ``limit``: what SmoothL1 and Huber share."""

    saves_inputs = (0, 1)

    def forward(self, pred, target, reduction="mean", limit=1.0):
        self.reduction, self.limit = reduction, limit
        distance = np.abs(pred - target)
        return _reduce(self._loss(distance, pred.dtype.type(limit)).astype(pred.dtype, copy=False), reduction)

    def backward(self, grad):
        pred, target = self.saved_data()
        difference = pred - target
        size = difference.size
        local = self._slope(difference, pred.dtype.type(self.limit)) * pred.dtype.type(
            _scale(self.reduction, size)
        )
        return grad * local, (-grad * local if self.needs_grad(1) else None)


class SmoothL1LossBackward0(_Piecewise):
    symbol, rule = "smooth_l1", "∂L/∂pred = d/β inside |d| < β, sign(d) outside (÷n for the mean)"

    def _loss(self, distance, beta):
        if beta == 0:  # no quadratic part: L1
            return distance
        return np.where(
            distance < beta, distance * distance * beta.dtype.type(0.5) / beta, distance - beta / 2
        )

    def _slope(self, difference, beta):
        if beta == 0:
            return np.sign(difference)
        return np.where(difference < -beta, -1, np.where(difference > beta, 1, difference / beta))


class HuberLossBackward0(_Piecewise):
    symbol, rule = "huber", "∂L/∂pred = d inside |d| < δ, δ·sign(d) outside (÷n for the mean)"

    def _loss(self, distance, delta):
        half = delta.dtype.type(0.5)
        return np.where(distance < delta, half * distance * distance, delta * (distance - half * delta))

    def _slope(self, difference, delta):
        return np.where(difference < -delta, -delta, np.where(difference > delta, delta, difference))
