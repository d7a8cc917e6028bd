"""``PixelShuffle`` and ``PixelUnshuffle``: ``F.pixel_shuffle`` and ``F.pixel_unshuffle`` as layers."""

from __future__ import annotations

from engine import pixel_shuffle_ops
from engine.nn.module import Module
from engine.tensor import Tensor


class PixelShuffle(Module):
    """Trades r² channels for an r × r block of pixels (sub-pixel upsampling)."""

    def __init__(self, upscale_factor: int) -> None:
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
        return pixel_shuffle_ops.pixel_shuffle(input, self.upscale_factor)

    def extra_repr(self) -> str:
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    """Stacks each r × r block of pixels into r² channels."""

    def __init__(self, downscale_factor: int) -> None:
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
        return pixel_shuffle_ops.pixel_unshuffle(input, self.downscale_factor)

    def extra_repr(self) -> str:
        return f"downscale_factor={self.downscale_factor}"
