"""Gradient-check cases of ``F.embedding_bag`` (its node: embedding_bag.py).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

import engine as torch
from engine.nn import functional as F
from tests.engine import gradcheck_cases as c


def _bags(data):
    """1 to 8 indices into a table of 1 to 4 rows, cut into bags (some empty) at drawn offsets."""
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="index seed"))
    rows, width = data.draw(st.integers(1, 4), label="rows"), data.draw(st.integers(1, 3), label="width")
    count = data.draw(st.integers(1, 8), label="count")
    indices = torch.tensor(rng.integers(0, rows, count))
    cuts = sorted(rng.integers(0, count + 1, data.draw(st.integers(0, 3), label="cuts")).tolist())
    offsets = torch.tensor([0, *cuts])
    padding = data.draw(st.sampled_from([None, 0, -1]), label="padding_idx")
    return rows, width, indices, offsets, padding


def pooled(data):
    """Sum, mean or max of each bag's rows (the padding row left out)."""
    rows, width, indices, offsets, padding = _bags(data)
    mode = data.draw(st.sampled_from(["sum", "mean", "max"]), label="mode")
    return [c.values(data, (rows, width))], lambda weight: F.embedding_bag(
        indices, weight, offsets, mode=mode, padding_idx=padding
    )


def weighted(data):
    """The sum of each bag's rows times their per-sample weights: gradients to both."""
    rows, width, indices, offsets, padding = _bags(data)
    arrays = [c.values(data, (rows, width)), c.values(data, (indices.numel(),))]
    return arrays, lambda weight, samples: F.embedding_bag(
        indices, weight, offsets, mode="sum", per_sample_weights=samples, padding_idx=padding
    )


CASES = {"EmbeddingBagBackward0": pooled, "EmbeddingBagBackward0 per_sample_weights": weighted}
