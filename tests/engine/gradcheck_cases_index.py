"""Gradient-check cases of the shape, indexing and search additions (their nodes: extremes.py, ...).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
"""

from __future__ import annotations

from hypothesis import strategies as st

import engine as torch
from tests.engine import gradcheck_cases as c


def rot90(data):
    """Quarter turns (any number, negative too) in the plane of two distinct dimensions."""
    drawn = c.shape(data, min_dims=2)
    turns = data.draw(st.integers(-5, 5), label="k")
    dims = data.draw(st.permutations(range(len(drawn))), label="dims")[:2]
    return [c.values(data, drawn)], lambda x: torch.rot90(x, turns, dims)


CASES: dict = {
    # amin and aminmax (norms.py's AminBackward0, extremes.py)
    "AminBackward0 amin": c.along_dim(lambda x, d, k: torch.amin(x, d, k), c.distinct),
    "AminmaxBackward0": c.along_dim(lambda x, d, k: torch.aminmax(x, dim=d, keepdim=k).min, c.distinct),
    "AminmaxBackward0 max": c.along_dim(lambda x, d, k: x.aminmax(dim=d, keepdim=k)[1], c.distinct),
    "AminmaxBackward0 whole": c.whole(lambda x: sum(torch.aminmax(x)), c.distinct),
    # rot90 (arrange.py)
    "Rot90Backward0": rot90,
}
