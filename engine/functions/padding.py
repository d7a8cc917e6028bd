"""Padding, with its gradient: a constant border (or a crop, for negative widths), or borders that mirror or
repeat the input's edge, along the last 1, 2 or 3 axes.

``pad`` is PyTorch's tuple: (before, after) for the last axis first, then the one before it, and so on.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.shape_extra import taken_back


def widths_of(pad: tuple[int, ...], ndim: int) -> list[tuple[int, int]]:
    """``np.pad``'s (before, after) per axis from PyTorch's pad tuple."""
    widths = [(0, 0)] * ndim
    for index in range(len(pad) // 2):
        widths[ndim - 1 - index] = (pad[2 * index], pad[2 * index + 1])
    return widths


class ConstantPadNdBackward0(Function):
    """``value`` added around the padded axes; a negative width crops that side instead."""

    symbol, rule = "pad", "the gradient of the padding is dropped; cropped elements get 0"

    def forward(self, x, pad=(), value=0.0):
        self.shape, self.widths = x.shape, widths_of(pad, x.ndim)
        grown = [(max(before, 0), max(after, 0)) for before, after in self.widths]
        out = np.pad(x, grown, constant_values=value) if any(map(any, grown)) else x
        cropped = [
            slice(max(-before, 0), size - max(-after, 0))
            for size, (before, after) in zip(out.shape, self.widths, strict=True)
        ]
        return np.ascontiguousarray(out[tuple(cropped)])

    def _kept(self, shape: tuple[int, ...], output: bool) -> tuple[slice, ...]:
        """Where the input elements that survive lie, in the output (``output``) or in the input."""
        slices = []
        for size, (before, after) in zip(self.shape, self.widths, strict=True):
            kept = size - max(-before, 0) - max(-after, 0)
            start = max(before, 0) if output else max(-before, 0)
            slices.append(slice(start, start + kept))
        return tuple(slices)

    def backward(self, grad):
        if all(before >= 0 and after >= 0 for before, after in self.widths):
            return (grad[self._kept(grad.shape, output=True)],)
        full = np.zeros(self.shape, dtype=grad.dtype)
        full[self._kept(self.shape, output=False)] = grad[self._kept(grad.shape, output=True)]
        return (full,)


class _Copied(Function):
    """Borders whose elements copy input elements (``np.pad``'s ``mode`` says which), axis by axis."""

    symbol, rule = "pad", "each border element's gradient goes back to the element it copies"
    mode = "reflect"

    def forward(self, x, pad=()):
        self.sources = []  # (axis, the input index each output position copies, the input's size there)
        for axis, (before, after) in enumerate(widths_of(pad, x.ndim)):
            if before or after:
                size = x.shape[axis]
                self.sources.append((axis, np.pad(np.arange(size), (before, after), mode=self.mode), size))
        for axis, sources, _ in self.sources:
            x = np.take(x, sources, axis=axis)
        return x

    def backward(self, grad):
        for axis, sources, size in reversed(self.sources):
            grad = taken_back(grad, sources, axis, size)
        return (grad,)


class ReflectionPad1DBackward0(_Copied):
    """Borders that mirror the input without repeating its edge (``mode="reflect"``), on the last axis."""


class ReflectionPad2DBackward0(_Copied):
    """Mirrored borders on the last two axes (``padding_mode='reflect'`` of a convolution too)."""


class ReflectionPad3DBackward0(_Copied):
    """Mirrored borders on the last three axes."""


class ReplicationPad1DBackward0(_Copied):
    """Borders that repeat the edge element (``mode="replicate"``), on the last axis."""

    mode = "edge"


class ReplicationPad2DBackward0(_Copied):
    """Repeated edges on the last two axes (``padding_mode='replicate'`` of a convolution too)."""

    mode = "edge"


class ReplicationPad3DBackward0(_Copied):
    """Repeated edges on the last three axes."""

    mode = "edge"
