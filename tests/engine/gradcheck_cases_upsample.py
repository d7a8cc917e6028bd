"""Gradient-check cases for upsampling (``F.interpolate``'s nearest and linear modes, pixel shuffles).

Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``, every array differentiated.
"""

from __future__ import annotations

from hypothesis import strategies as st

from engine.nn import functional as F
from tests.engine.gradcheck_cases import values


def interpolated(mode: str, dims: int):
    """``F.interpolate`` of (N, C, L) or (N, C, H, W) input to a drawn size, or by a drawn scale factor
    (some of them not whole, recomputed or not); the interpolating modes with and without aligned corners;
    an unchanged size too (bicubic's gradient then passes straight through)."""

    def draw(data):
        shape = (data.draw(st.integers(1, 2), label="batch"), data.draw(st.integers(1, 2), label="channels"))
        shape += tuple(data.draw(st.integers(1, 4), label="side") for _ in range(dims))
        options = {"mode": mode}
        if mode in ("linear", "bilinear", "bicubic"):
            options["align_corners"] = data.draw(st.booleans(), label="align_corners")
        if data.draw(st.booleans(), label="by size"):
            options["size"] = [data.draw(st.integers(1, 7), label="size") for _ in range(dims)]
        else:
            factors = st.sampled_from([0.6, 1.0, 1.5, 2.0, 2.5, 3.0])
            options["scale_factor"] = [data.draw(factors, label="scale") for _ in range(dims)]
            options["recompute_scale_factor"] = data.draw(st.booleans(), label="recompute")
            sizes = [
                int(side * factor) for side, factor in zip(shape[2:], options["scale_factor"], strict=True)
            ]
            if min(sizes) < 1:  # a factor that leaves nothing: keep the input's size
                options["scale_factor"] = [1.0] * dims
        return [values(data, shape)], lambda x: F.interpolate(x, **options)

    return draw


def pixel_shuffled(unshuffle: bool):
    """``pixel_shuffle`` (``pixel_unshuffle``) by 1 to 3 of input with 0 to 2 batch dimensions."""

    def draw(data):
        factor = data.draw(st.integers(1, 3), label="factor")
        batch = tuple(
            data.draw(st.integers(1, 2), label="batch") for _ in range(data.draw(st.integers(0, 2)))
        )
        channels, height, width = (data.draw(st.integers(1, 2), label="side") for _ in range(3))
        if unshuffle:
            shape = (*batch, channels, height * factor, width * factor)
            return [values(data, shape)], lambda x: F.pixel_unshuffle(x, factor)
        shape = (*batch, channels * factor**2, height, width)
        return [values(data, shape)], lambda x: F.pixel_shuffle(x, factor)

    return draw
