"""Vector norms of any order and ``amin``, with their derivatives: the pieces ``torch.linalg.norm`` uses.

The gradients follow PyTorch's case by case (order 0, 1, 2, ±inf, below 1, between 1 and 2, above 2), so a
zero input or a zero norm gives the same numbers as there rather than NaN.
"""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function
from engine.functions.reduction import AmaxBackward0, _axes, _expand_back


def vector_norm_array(a: np.ndarray, order: float, axes: tuple[int, ...] | None, keepdim: bool) -> np.ndarray:
    """``(Σ|x|ᵖ)^(1/p)`` over ``axes``; order 0 counts the nonzero entries, ±inf the extreme |x|."""
    size = np.abs(a)
    if order == 0:
        result = np.sum(a != 0, axis=axes, keepdims=keepdim)
    elif order == math.inf:
        result = np.max(size, axis=axes, keepdims=keepdim, initial=0)
    elif order == -math.inf:
        result = np.min(size, axis=axes, keepdims=keepdim)
    elif order == 1:
        result = np.sum(size, axis=axes, keepdims=keepdim)
    elif order == 2:
        result = np.sqrt(np.sum(a * a, axis=axes, keepdims=keepdim))
    else:
        with np.errstate(divide="ignore"):  # a negative order at a zero: |0|⁻¹ = inf, and the norm is 0
            result = np.sum(size**order, axis=axes, keepdims=keepdim) ** (1 / order)
    return np.asarray(result, dtype=a.dtype)


class LinalgVectorNormBackward0(Function):
    symbol, rule = "norm", "∂‖x‖ₚ/∂x = sign(x)·|x|ᵖ⁻¹/‖x‖ₚᵖ⁻¹ (x/‖x‖ for p = 2, sign(x) for p = 1)"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, order=2, dim=None, keepdim=False):
        self.order, self.axes, self.keepdim = order, _axes(dim, a.ndim), keepdim
        return vector_norm_array(a, order, self.axes, keepdim)

    def backward(self, grad):
        a, norm = self.saved_data()
        return (vector_norm_gradient(a, norm, grad, self.order, self.axes, self.keepdim),)


def vector_norm_gradient(
    a: np.ndarray, norm: np.ndarray, grad: np.ndarray, order: float, axes, keepdim: bool
):  # noqa: E501
    """∂‖a‖ₚ/∂a times ``grad``, case by case as PyTorch's norm_backward (see the module's docstring)."""
    grad = _expand_back(grad, a.shape, axes, keepdim)
    if not keepdim and axes is not None:
        norm = np.expand_dims(norm, axes)
    with np.errstate(divide="ignore", invalid="ignore"):
        if order == 0:
            return np.zeros_like(a)
        if order == 1:
            return np.sign(a) * grad
        if order == 2:
            return np.where(norm == 0, 0, grad * a / norm).astype(a.dtype)
        if math.isinf(order):  # the gradient is split between the entries that reach the norm
            hits = (np.abs(a) == norm) | np.isnan(a)
            return np.sign(a) * grad / hits.sum(axis=axes, keepdims=True) * hits
        if order < 1:
            scaled = np.where(a == 0, 0, np.sign(a) * np.abs(a) ** (order - 1))
            return (scaled * grad * norm ** (1 - order)).astype(a.dtype)
        scaled = np.sign(a) * np.abs(a) ** (order - 1)
        scale = np.where(norm == 0, 0, grad / norm ** (order - 1))
        return (scaled * scale).astype(a.dtype)


class DistBackward0(Function):
    """``torch.dist(a, b, p)``: the p-norm of a - b (broadcast), as one node."""

    symbol, rule = "dist", "∂‖a-b‖ₚ/∂a = the norm's slope at a - b;  ∂/∂b = minus that"
    saves_output = True

    def forward(self, a, b, order=2.0):
        self.order, self.difference = order, a - b
        return vector_norm_array(self.difference, order, None, False)

    def backward(self, grad):
        (norm,) = self.saved_data()
        slope = vector_norm_gradient(self.difference, norm, grad, self.order, None, False)
        return slope, -slope


class NormBackward1(LinalgVectorNormBackward0):
    """``at::norm`` with an order and dims, which ``pairwise_distance`` calls: the same derivative."""


class AminBackward0(AmaxBackward0):
    symbol, rule = "amin", "the gradient is split between the smallest elements"

    def forward(self, a, dim=None, keepdim=False):
        self.axes, self.keepdim = _axes(dim, a.ndim), keepdim
        return np.min(a, axis=self.axes, keepdims=keepdim)
