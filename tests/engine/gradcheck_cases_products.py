"""Gradient-check cases for the products added to an input, vdot, diag_embed and the non-contiguous reshape.

Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``, every array differentiated. The
factors β and α are drawn too, so their place in each gradient is checked.
"""

from __future__ import annotations

from hypothesis import strategies as st

import engine as torch
from tests.engine.gradcheck_cases import MAX_SIDE, values


def _side(data, label: str) -> int:
    return data.draw(st.integers(1, MAX_SIDE), label=label)


def _factors(data) -> dict:
    return {
        "beta": data.draw(st.sampled_from([1, 0.5, -2.0]), label="beta"),
        "alpha": data.draw(st.sampled_from([1, 1.5, -0.5]), label="alpha"),
    }


def _input_shape(data, full: tuple) -> tuple:
    """The added input: the product's shape, or a shape that broadcasts to it."""
    return data.draw(st.sampled_from([full, full[1:], (1,) * len(full), ()]), label="input shape")


def addmv(data):
    rows, columns = _side(data, "rows"), _side(data, "columns")
    factors = _factors(data)
    arrays = [
        values(data, _input_shape(data, (rows,))),
        values(data, (rows, columns)),
        values(data, (columns,)),
    ]
    return arrays, lambda x, m, v: torch.addmv(x, m, v, **factors)


def addr(data):
    rows, columns = _side(data, "rows"), _side(data, "columns")
    factors = _factors(data)
    arrays = [
        values(data, _input_shape(data, (rows, columns))),
        values(data, (rows,)),
        values(data, (columns,)),
    ]
    return arrays, lambda x, u, v: torch.addr(x, u, v, **factors)


def baddbmm(data):
    batch, rows, inner, columns = (_side(data, label) for label in ("batch", "rows", "inner", "columns"))
    factors = _factors(data)
    arrays = [
        values(data, _input_shape(data, (batch, rows, columns))),
        values(data, (batch, rows, inner)),
        values(data, (batch, inner, columns)),
    ]
    return arrays, lambda x, b1, b2: torch.baddbmm(x, b1, b2, **factors)


def addbmm(data):
    batch, rows, inner, columns = (_side(data, label) for label in ("batch", "rows", "inner", "columns"))
    factors = _factors(data)
    arrays = [
        values(data, _input_shape(data, (rows, columns))),
        values(data, (batch, rows, inner)),
        values(data, (batch, inner, columns)),
    ]
    return arrays, lambda x, b1, b2: torch.addbmm(x, b1, b2, **factors)


def vdot(data):
    size = _side(data, "size")
    return [values(data, (size,)), values(data, (size,))], torch.vdot


def diag_embed(data):
    """Batches of vectors onto any pair of dimensions of the result, any offset."""
    shape = (_side(data, "batch"), _side(data, "length"))
    offset = data.draw(st.integers(-2, 2), label="offset")
    dims = data.draw(st.permutations(range(3)), label="dims")[:2]
    return [values(data, shape)], lambda x: torch.diag_embed(x, offset, dims[0], dims[1] - 3)


def reshape_alias(data):
    """A transpose given a size-1 dimension more: a view of non-contiguous memory."""
    rows, columns = _side(data, "rows") + 1, _side(data, "columns") + 1
    return [values(data, (rows, columns))], lambda x: x.t().reshape(columns, 1, rows)
