"""Pooling layers beyond max and average: AdaptiveMaxPool1d/2d, MaxUnpool1d/2d, LPPool1d/2d."""

from __future__ import annotations

from typing import Any

from engine import adaptive_max_pool_ops, lp_pool_ops, max_unpool_ops
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


class MaxUnpool2d(Module):
    """Max pooling's values put back where its ``return_indices`` said they were, zeros elsewhere."""

    dims = 2  # how many trailing axes the windows span

    def __init__(self, kernel_size: Any, stride: Any = None, padding: Any = 0) -> None:
        super().__init__()
        count = self.dims
        self.kernel_size = max_unpool_ops._tuple(kernel_size, count)
        self.stride = max_unpool_ops._tuple(kernel_size if stride is None else stride, count)
        self.padding = max_unpool_ops._tuple(padding, count)

    def forward(self, input: Tensor, indices: Tensor, output_size: Any = None) -> Tensor:
        unpool = max_unpool_ops.max_unpool2d if self.dims == 2 else max_unpool_ops.max_unpool1d
        return unpool(input, indices, self.kernel_size, self.stride, self.padding, output_size)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class MaxUnpool1d(MaxUnpool2d):
    """Max pooling's values put back along the sequence where ``return_indices`` said they were."""

    dims = 1


class LPPool2d(Module):
    """The ``norm_type``-norm of each ``kernel_size`` window, every ``stride`` (by default the kernel)."""

    def __init__(
        self, norm_type: float, kernel_size: Any, stride: Any = None, ceil_mode: bool = False
    ) -> None:
        super().__init__()
        self.norm_type, self.kernel_size, self.stride, self.ceil_mode = (
            norm_type,
            kernel_size,
            stride,
            ceil_mode,
        )

    def forward(self, input: Tensor) -> Tensor:
        return lp_pool_ops.lp_pool2d(
            input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode
        )

    def extra_repr(self) -> str:
        return (
            f"norm_type={self.norm_type}, kernel_size={self.kernel_size}, stride={self.stride}, "
            f"ceil_mode={self.ceil_mode}"
        )


class LPPool1d(LPPool2d):
    """The ``norm_type``-norm of each ``kernel_size`` window along the sequence."""

    def forward(self, input: Tensor) -> Tensor:
        return lp_pool_ops.lp_pool1d(
            input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode
        )
