"""Gradient-check cases of the margin and likelihood losses (their nodes: loss_margin.py, ...).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

import engine as torch
from engine.nn import functional as F
from tests.engine import gradcheck_cases as c

REDUCTIONS = st.sampled_from(["mean", "sum", "none"])


def _rng(data) -> np.random.Generator:
    return np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="target seed"))


def soft_margin(data):
    """Targets of ±1 (broadcast along the rows or not), each reduction."""
    shape = c.shape(data, min_dims=1)
    signs = np.where(_rng(data).random(shape[-1:] if data.draw(st.booleans()) else shape) < 0.5, -1.0, 1.0)
    reduction = data.draw(REDUCTIONS, label="reduction")
    target = torch.tensor(signs, dtype=torch.float64)
    return [c.values(data, shape)], lambda x: F.soft_margin_loss(x, target, reduction=reduction)


def multilabel_margin(data):
    """Samples of 1 to 5 classes, each with a few target classes ended by -1 (or filling the row)."""
    samples, classes = data.draw(st.integers(1, 3), label="samples"), data.draw(st.integers(1, 5), label="C")
    rng = _rng(data)
    rows = []
    for _ in range(samples):
        count = int(rng.integers(0, classes + 1))
        row = list(rng.permutation(classes)[:count]) + [-1] * (classes - count)
        rows.append(row)
    target = torch.tensor(rows)
    reduction = data.draw(REDUCTIONS, label="reduction")
    return [c.values(data, (samples, classes))], lambda x: F.multilabel_margin_loss(
        x, target, reduction=reduction
    )


def multi_margin(data):
    """A class per sample, p of 1 or 2, a margin, with class weights or without."""
    samples, classes = data.draw(st.integers(1, 3), label="samples"), data.draw(st.integers(1, 5), label="C")
    target = torch.tensor(_rng(data).integers(0, classes, samples))
    options = {"p": data.draw(st.sampled_from([1, 2]), label="p"), "reduction": data.draw(REDUCTIONS)}
    options["margin"] = data.draw(st.sampled_from([0.5, 1.0, 2.0]), label="margin")
    if data.draw(st.booleans(), label="weighted"):
        options["weight"] = torch.tensor(c.values(data, (classes,), 0.1, 2.0))
    return [c.values(data, (samples, classes))], lambda x: F.multi_margin_loss(x, target, **options)


def cosine_embedding(data):
    """Rows with targets ±1 and a margin: the ``cos - margin`` (SubBackward1) of the -1 rows."""
    rows = data.draw(st.integers(1, 3), label="rows")
    target = torch.tensor(np.where(_rng(data).random(rows) < 0.5, -1, 1))
    margin = data.draw(st.sampled_from([-0.5, 0.0, 0.3]), label="margin")
    arrays = [c.away_from_zero(data, (rows, 3), low=0.2), c.away_from_zero(data, (rows, 3), low=0.2)]
    return arrays, lambda a, b: F.cosine_embedding_loss(a, b, target, margin=margin, reduction="sum")


CASES = {
    "SoftMarginLossBackward0": soft_margin,
    "MultilabelMarginLossBackward0": multilabel_margin,
    "MultiMarginLossBackward0": multi_margin,
    "SubBackward1 cosine_embedding_loss": cosine_embedding,
}
