"""Gradient-check cases of the added pooling nodes (adaptive max pooling, ...).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
Max pooling's inputs are spread out (``distinct``) so each window has one clear winner.
"""

from __future__ import annotations

from hypothesis import strategies as st

from engine.nn import functional as F
from tests.engine.gradcheck_cases import distinct


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


CASES = {
    "AdaptiveMaxPool2DBackward0": adaptive_max_pooling,
    "AdaptiveMaxPool2DBackward0 1d": adaptive_max_pooling_1d,
}
