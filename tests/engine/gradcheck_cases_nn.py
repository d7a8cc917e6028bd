"""Gradient-check cases for the normalisation layers, the embedding lookup and the extra activations.

Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``, every array differentiated.
Normalised inputs are spread out (``distinct``) so no batch has a near-zero variance.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

import engine as torch
from engine.nn import functional as F
from tests.engine.gradcheck_cases import MAX_SIDE, away_from_zero, distinct, values


def _side(data, label: str, low: int = 1) -> int:
    return data.draw(st.integers(low, MAX_SIDE), label=label)


def batch_norm_training(data):
    """Batch statistics over (N, C) or (N, C, L), with weight and bias."""
    batch, channels = _side(data, "batch", 2), _side(data, "channels")
    shape = (batch, channels) + ((_side(data, "length"),) if data.draw(st.booleans(), label="3d") else ())
    arrays = [distinct(data, shape), values(data, (channels,), 0.5, 1.5), values(data, (channels,))]
    return arrays, lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True)


def batch_norm_plain(data):
    """Batch statistics with no weight or bias (``affine=False``)."""
    shape = (_side(data, "batch", 2), _side(data, "channels"), _side(data, "length"))
    return [distinct(data, shape)], lambda x: F.batch_norm(x, None, None, training=True)


def batch_norm_eval(data):
    """Fixed running statistics: the input's gradient is ``weight/√(var + eps)``."""
    batch, channels = _side(data, "batch"), _side(data, "channels")
    mean = torch.tensor(values(data, (channels,)))
    var = torch.tensor(values(data, (channels,), 0.2, 2.0))
    arrays = [values(data, (batch, channels)), values(data, (channels,)), values(data, (channels,))]
    return arrays, lambda x, w, b: F.batch_norm(x, mean, var, w, b, training=False)


def layer_norm(data):
    """Over the last one or two dimensions of a 2-D or 3-D input."""
    shape = tuple(_side(data, f"side{i}", 2) for i in range(data.draw(st.integers(2, 3), label="dims")))
    normalized = shape[-data.draw(st.integers(1, 2), label="normalized") :]
    arrays = [distinct(data, shape), values(data, normalized, 0.5, 1.5), values(data, normalized)]
    return arrays, lambda x, w, b: F.layer_norm(x, normalized, w, b)


def embedding(data):
    """Rows looked up (some repeatedly) by a drawn index tensor; with or without a padding row, which is
    never looked up here (its gradient is zero by rule, while the output does depend on it)."""
    rows, width = _side(data, "rows", 2), _side(data, "width")
    seed = data.draw(st.integers(0, 2**32 - 1), label="indices")
    drawn = np.random.default_rng(seed).integers(0, rows, size=(2, 3))
    padding = data.draw(st.one_of(st.none(), st.integers(0, rows - 1)), label="padding_idx")
    if padding is not None:
        drawn = np.where(drawn == padding, (padding + 1) % rows, drawn)
    indices = torch.tensor(drawn)
    return [values(data, (rows, width))], lambda w: F.embedding(indices, w, padding)


def elu(data):
    alpha = data.draw(st.floats(0.5, 2.0), label="alpha")
    return [away_from_zero(data, (_side(data, "a"), _side(data, "b")))], lambda x: F.elu(x, alpha)


def hardtanh(data):
    """Inputs are multiples of 0.1 (``distinct``), the limits 0.05 off them: no input sits on a kink."""
    return [distinct(data, (_side(data, "a"), _side(data, "b"), 3))], lambda x: F.hardtanh(x, -0.95, 1.05)


def selu(data):
    return [away_from_zero(data, (_side(data, "a"), _side(data, "b")))], F.selu


def celu(data):
    alpha = data.draw(st.floats(0.5, 2.0), label="alpha")
    return [away_from_zero(data, (_side(data, "a"), _side(data, "b")))], lambda x: F.celu(x, alpha)


def piecewise(function):
    """An activation with kinks (at ±3, or ±λ = ±0.4): inputs are multiples of 0.1 (``distinct``), spread
    by 2.5 and moved 0.05 off, so that none sits on a kink (k/4 + 0.05 is never ±3 or ±0.4 for a whole k)."""

    def draw(data):
        return [distinct(data, (_side(data, "a"), _side(data, "b"), 3))], lambda x: function(x * 2.5 + 0.05)

    return draw
