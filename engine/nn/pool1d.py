"""Pooling layers for sequences (N, C, L): MaxPool1d, AvgPool1d, AdaptiveAvgPool1d."""

from __future__ import annotations

from typing import Any

from engine import pool1d_ops
from engine.nn.conv import AdaptiveAvgPool2d, AvgPool2d, MaxPool2d
from engine.tensor import Tensor


def _single(value: Any) -> tuple:
    """PyTorch's ``_single``: a sequence as a tuple, anything else alone in one."""
    return tuple(value) if isinstance(value, list | tuple) else (value,)


class MaxPool1d(MaxPool2d):
    """The largest element of each ``kernel_size`` window along the sequence, every ``stride`` (by default
    the kernel size). Printed with its arguments as given, as MaxPool2d is."""

    def forward(self, x: Tensor) -> Any:
        options = {"ceil_mode": self.ceil_mode, "return_indices": self.return_indices}
        return pool1d_ops.max_pool1d(x, self.kernel_size, self.stride, self.padding, self.dilation, **options)


class AvgPool1d(AvgPool2d):
    """The mean of each ``kernel_size`` window along the sequence, every ``stride`` (by default the kernel
    size). Its sizes are kept as one-element tuples, as PyTorch prints them."""

    def __init__(
        self,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
    ) -> None:
        stride = _single(kernel_size if stride is None else stride)
        super().__init__(_single(kernel_size), stride, _single(padding), ceil_mode, count_include_pad)

    def forward(self, x: Tensor) -> Tensor:
        options = {"ceil_mode": self.ceil_mode, "count_include_pad": self.count_include_pad}
        return pool1d_ops.avg_pool1d(x, self.kernel_size, self.stride, self.padding, **options)


class AdaptiveAvgPool1d(AdaptiveAvgPool2d):
    """Means over ``output_size`` windows along the sequence, whatever its length."""

    def forward(self, x: Tensor) -> Tensor:
        return pool1d_ops.adaptive_avg_pool1d(x, self.output_size)
