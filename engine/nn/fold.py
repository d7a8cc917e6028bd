"""``Fold`` and ``Unfold``: columns of sliding blocks from an image, and back."""

from __future__ import annotations

from typing import Any

from engine import fold_ops
from engine.nn.module import Module
from engine.tensor import Tensor


class Fold(Module):
    """Columns (N, C·KH·KW, L) added back into an ``output_size`` image, where overlapping blocks sum."""

    def __init__(
        self, output_size: Any, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1
    ) -> None:
        super().__init__()
        self.output_size, self.kernel_size = output_size, kernel_size
        self.dilation, self.padding, self.stride = dilation, padding, stride

    def forward(self, input: Tensor) -> Tensor:
        sizes = (self.output_size, self.kernel_size, self.dilation, self.padding, self.stride)
        return fold_ops.fold(input, *sizes)

    def extra_repr(self) -> str:
        return (
            f"output_size={self.output_size}, kernel_size={self.kernel_size}, dilation={self.dilation}, "
            f"padding={self.padding}, stride={self.stride}"
        )


class Unfold(Module):
    """Every ``kernel_size`` block of an image as a column: (N, C·KH·KW, number of blocks)."""

    def __init__(self, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1) -> None:
        super().__init__()
        self.kernel_size, self.dilation, self.padding, self.stride = kernel_size, dilation, padding, stride

    def forward(self, input: Tensor) -> Tensor:
        return fold_ops.unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, dilation={self.dilation}, padding={self.padding}, "
            f"stride={self.stride}"
        )
