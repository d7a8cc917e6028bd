"""Gradient-check cases of the added pooling nodes (adaptive max, max unpooling, fold, unfold), LP pooling.

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
Max pooling's inputs are spread out (``distinct``) so each window has one clear winner.
"""

from __future__ import annotations

from hypothesis import strategies as st

import engine as torch
from engine.nn import functional as F
from tests.engine.gradcheck_cases import distinct, values


def _side(data, label: str, low: int = 1, high: int = 5) -> int:
    return data.draw(st.integers(low, high), label=label)


def adaptive_max_pooling(data):
    """(C, H, W) or (N, C, H, W) inputs onto grids smaller or larger than them (windows then overlap)."""
    shape = tuple(_side(data, f"side{i}") for i in range(data.draw(st.integers(3, 4), label="dims")))
    out = (_side(data, "out height"), _side(data, "out width"))
    return [distinct(data, shape)], lambda x: F.adaptive_max_pool2d(x, out)


def adaptive_max_pooling_1d(data):
    """(N, C, L) inputs onto 1 to 5 windows."""
    shape = (_side(data, "batch"), _side(data, "channels"), _side(data, "length"))
    out = _side(data, "out")
    return [distinct(data, shape)], lambda x: F.adaptive_max_pool1d(x, out)


def max_unpooling(data):
    """Values put back at distinct positions of a 2-D plane (from max pooling's indices), or 1-D."""
    one_d = data.draw(st.booleans(), label="1d")
    shape = (_side(data, "batch"), _side(data, "channels")) + ((6,) if one_d else (4, 6))
    pooled, indices = (F.max_pool1d if one_d else F.max_pool2d)(
        torch.tensor(distinct(data, shape)), 2, return_indices=True
    )
    unpool = F.max_unpool1d if one_d else F.max_unpool2d
    return [values(data, tuple(pooled.shape))], lambda x: unpool(x, indices, 2)


def lp_pooling(data):
    """Positive (C, H, W) inputs (a fractional power of a negative is NaN), p-norms of 2×2 windows."""
    shape = (_side(data, "channels"), _side(data, "height", 2), _side(data, "width", 2))
    norm = data.draw(st.sampled_from([1.0, 1.5, 2.0, 3.0]), label="p")
    return [values(data, shape, 0.5, 2.0)], lambda x: F.lp_pool2d(x, norm, 2, stride=1)


def _block_options(data) -> dict:
    """Random kernel, dilation, padding and stride pairs for fold and unfold."""

    def pick(label: str, low: int, high: int) -> tuple[int, int]:
        return (_side(data, label + " h", low, high), _side(data, label + " w", low, high))

    ranges = {"kernel_size": (1, 2), "dilation": (1, 2), "padding": (0, 1), "stride": (1, 2)}
    return {name: pick(name, *bounds) for name, bounds in ranges.items()}


def unfolding(data):
    """(C, H, W) or (N, C, H, W) images into columns of blocks, any kernel, dilation, padding and stride."""
    options = _block_options(data)
    shape = tuple(_side(data, f"side{i}", 3) for i in range(data.draw(st.integers(3, 4), label="dims")))
    return [values(data, shape)], lambda x: F.unfold(x, **options)


def folding(data):
    """Columns of blocks added back into (C, H, W) or (N, C, H, W) images."""
    options = _block_options(data)
    size, channels = (_side(data, "height", 3), _side(data, "width", 3)), _side(data, "channels", 1, 2)
    (kh, kw), count = options["kernel_size"], F.unfold(torch.zeros(1, 1, *size), **options).shape[-1]
    batch = (_side(data, "batch", 1, 2),) if data.draw(st.booleans(), label="batched") else ()
    return [values(data, (*batch, channels * kh * kw, count))], lambda x: F.fold(x, size, **options)


CASES = {
    "AdaptiveMaxPool2DBackward0": adaptive_max_pooling,
    "AdaptiveMaxPool2DBackward0 1d": adaptive_max_pooling_1d,
    "MaxUnpool2DBackward0": max_unpooling,
    "AvgPool2DBackward0 lp_pool2d": lp_pooling,
    "Im2ColBackward0": unfolding,
    "Col2ImBackward0": folding,
}
