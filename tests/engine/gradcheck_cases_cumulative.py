"""Gradient-check cases for logcumsumexp and the trapezoid rule (whose numbers are MulBackward1 and
DivBackward1 steps). Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``."""

from __future__ import annotations

from hypothesis import strategies as st

import engine as torch
from tests.engine.gradcheck_cases import dim_of, shape, values


def logcumsumexp(data):
    """Along any dim, values spread wide enough that some terms dominate others."""
    drawn = shape(data, min_dims=1)
    dim = dim_of(data, len(drawn))
    return [values(data, drawn, -5.0, 5.0)], lambda x: torch.logcumsumexp(x, dim)


def _samples(data) -> tuple[tuple, int]:
    drawn = shape(data, min_dims=1)
    return drawn, dim_of(data, len(drawn))


def trapezoid_by_spacing(data):
    """``trapezoid`` and ``cumulative_trapezoid`` at a drawn spacing (MulBackward1)."""
    drawn, dim = _samples(data)
    dx = data.draw(st.sampled_from([1, 0.5, -2.0]), label="dx")
    cumulative = data.draw(st.booleans(), label="cumulative")
    rule = torch.cumulative_trapezoid if cumulative else torch.trapezoid
    return [values(data, drawn)], lambda y: rule(y, dx=dx, dim=dim)


def trapezoid_by_positions(data):
    """Both differentiated: the samples and their positions, 1-d along ``dim`` or of y's own shape
    (DivBackward1)."""
    drawn, dim = _samples(data)
    positions = data.draw(st.sampled_from([(drawn[dim],), drawn]), label="x shape")
    cumulative = data.draw(st.booleans(), label="cumulative")
    rule = torch.cumulative_trapezoid if cumulative else torch.trapezoid
    return [values(data, drawn), values(data, positions)], lambda y, x: rule(y, x, dim=dim)
