"""Upsampling layers: ``Upsample`` (``F.interpolate`` as a layer) and its fixed-mode forms
``UpsamplingNearest2d`` and ``UpsamplingBilinear2d`` (corners aligned)."""

from __future__ import annotations

from typing import Any

from engine import interpolate_ops
from engine.nn.module import Module
from engine.tensor import Tensor


class Upsample(Module):
    """Resizes its input's spatial axes to ``size``, or by ``scale_factor``, in ``mode``."""

    def __init__(
        self,
        size: Any = None,
        scale_factor: Any = None,
        mode: str = "nearest",
        align_corners: bool | None = None,
        recompute_scale_factor: bool | None = None,
    ) -> None:
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        # as PyTorch's: a scale factor is kept as float(s) (a falsy one as None)
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(factor) for factor in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode, self.align_corners = mode, align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
        return interpolate_ops.interpolate(
            input,
            self.size,
            self.scale_factor,
            self.mode,
            self.align_corners,
            recompute_scale_factor=self.recompute_scale_factor,
        )

    def extra_repr(self) -> str:
        if self.scale_factor is not None:
            return f"scale_factor={self.scale_factor!r}, mode={self.mode!r}"
        return f"size={self.size!r}, mode={self.mode!r}"


class UpsamplingNearest2d(Upsample):
    """``Upsample`` in 'nearest' mode, for (N, C, H, W) images."""

    def __init__(self, size: Any = None, scale_factor: Any = None) -> None:
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    """``Upsample`` in 'bilinear' mode with the corners aligned, for (N, C, H, W) images."""

    def __init__(self, size: Any = None, scale_factor: Any = None) -> None:
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)
