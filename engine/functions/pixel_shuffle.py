"""Pixel shuffles: channels traded for resolution (``pixel_shuffle``: r² channels become an r × r block of
pixels) and back (``pixel_unshuffle``), over the last three axes; each one's gradient is the other."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def shuffled(x: np.ndarray, factor: int) -> np.ndarray:
    """(*, C·r², H, W) → (*, C, H·r, W·r): channel c·r² + i·r + j lands at row h·r + i, column w·r + j."""
    *batch, channels, height, width = x.shape
    blocks = x.reshape(*batch, channels // factor**2, factor, factor, height, width)
    order = list(range(len(batch))) + [len(batch) + axis for axis in (0, 3, 1, 4, 2)]
    return np.ascontiguousarray(blocks.transpose(order)).reshape(
        *batch, channels // factor**2, height * factor, width * factor
    )


def unshuffled(x: np.ndarray, factor: int) -> np.ndarray:
    """(*, C, H·r, W·r) → (*, C·r², H, W): the inverse of ``shuffled``."""
    *batch, channels, height, width = x.shape
    blocks = x.reshape(*batch, channels, height // factor, factor, width // factor, factor)
    order = list(range(len(batch))) + [len(batch) + axis for axis in (0, 2, 4, 1, 3)]
    return np.ascontiguousarray(blocks.transpose(order)).reshape(
        *batch, channels * factor**2, height // factor, width // factor
    )


class PixelShuffleBackward0(Function):
    """Each group of r² channels spread over r × r blocks of pixels: the gradient is gathered back."""

    symbol, rule = "pixel_shuffle", "a rearrangement: the gradient is rearranged back (pixel_unshuffle of G)"

    def forward(self, x, factor=1):
        self.factor = factor
        return shuffled(x, factor)

    def backward(self, grad):
        return (unshuffled(grad, self.factor),)


class PixelUnshuffleBackward0(Function):
    """Each r × r block of pixels stacked into r² channels: the gradient is spread back."""

    symbol, rule = "pixel_unshuffle", "a rearrangement: the gradient is rearranged back (pixel_shuffle of G)"

    def forward(self, x, factor=1):
        self.factor = factor
        return unshuffled(x, factor)

    def backward(self, grad):
        return (shuffled(grad, self.factor),)
