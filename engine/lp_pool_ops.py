"""``F.lp_pool1d``/``2d``: the p-norm of each window, ``(sum of x^p)^(1/p)``, composed as PyTorch composes
it (an average pool of ``x^p`` scaled back to a sum), so the graph shows the same steps."""

from __future__ import annotations

from typing import Any

from engine import pool1d_ops, pool_ops
from engine.tensor import Tensor


def _window_norms(pooled: Tensor, count: Any, norm_type: float) -> Tensor:
    """The pooled means of ``x^p`` times the window's size, negative ones made 0, to the power 1/p."""
    return (pooled.sign() * pooled.abs().relu()).mul(count).pow(1.0 / norm_type)


def lp_pool2d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    norm_type: float,
    kernel_size: Any,
    stride: Any = None,
    ceil_mode: bool = False,
) -> Tensor:
    """The ``norm_type``-norm of each ``kernel_size`` window; ±inf: the largest (smallest) magnitude."""
    width, height = kernel_size if isinstance(kernel_size, list | tuple) else (kernel_size, kernel_size)
    if norm_type == float("inf"):
        return pool_ops.max_pool2d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if norm_type == -float("inf"):
        return -pool_ops.max_pool2d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if stride is None:
        pooled = pool_ops.avg_pool2d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    else:
        pooled = pool_ops.avg_pool2d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _window_norms(pooled, width * height, norm_type)


def lp_pool1d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    norm_type: float,
    kernel_size: int,
    stride: Any = None,
    ceil_mode: bool = False,
) -> Tensor:
    """The ``norm_type``-norm of each ``kernel_size`` window along the last axis."""
    if norm_type == float("inf"):
        return pool1d_ops.max_pool1d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if norm_type == -float("inf"):
        return -pool1d_ops.max_pool1d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if stride is None:
        pooled = pool1d_ops.avg_pool1d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    else:
        pooled = pool1d_ops.avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _window_norms(pooled, kernel_size, norm_type)
