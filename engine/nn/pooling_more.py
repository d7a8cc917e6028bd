"""Pooling layers beyond max and average: AdaptiveMaxPool1d/2d."""

from __future__ import annotations

from typing import Any

from engine import adaptive_max_pool_ops
from engine.nn.module import Module
from engine.tensor import Tensor


class AdaptiveMaxPool2d(Module):
    """Maxima over a grid of ``output_size`` windows, whatever the input's size; or also where."""

    def __init__(self, output_size: Any, return_indices: bool = False) -> None:
        super().__init__()
        self.output_size, self.return_indices = output_size, return_indices

    def forward(self, input: Tensor) -> Any:
        return adaptive_max_pool_ops.adaptive_max_pool2d(input, self.output_size, self.return_indices)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class AdaptiveMaxPool1d(AdaptiveMaxPool2d):
    """Maxima over ``output_size`` windows along the sequence, whatever its length."""

    def forward(self, input: Tensor) -> Any:
        return adaptive_max_pool_ops.adaptive_max_pool1d(input, self.output_size, self.return_indices)
