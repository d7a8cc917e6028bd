"""Gradient-check cases of the shape, indexing and search additions (their nodes: extremes.py, ...).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

import engine as torch
from tests.engine import gradcheck_cases as c


def rot90(data):
    """Quarter turns (any number, negative too) in the plane of two distinct dimensions."""
    drawn = c.shape(data, min_dims=2)
    turns = data.draw(st.integers(-5, 5), label="k")
    dims = data.draw(st.permutations(range(len(drawn))), label="dims")[:2]
    return [c.values(data, drawn)], lambda x: torch.rot90(x, turns, dims)


def _rng(data) -> np.random.Generator:
    return np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="index seed"))


def take(data):
    """Positions of the flattened input, negative ones and repeats too, in an index of any shape."""
    drawn = c.shape(data)
    size = int(np.prod(drawn))
    index = torch.tensor(_rng(data).integers(-size, size, c.shape(data)))
    return [c.values(data, drawn)], lambda x: torch.take(x, index)


def slices(kind: str):
    """``index_add`` (repeats add up), ``index_copy`` (distinct positions: a repeat's copies would overwrite
    each other) or ``index_fill`` with a number or a 0-d tensor, along a random dim; the ``_`` form too."""

    def draw(data):
        drawn = c.shape(data, min_dims=1)
        dim = c.dim_of(data, len(drawn))
        axis = dim % len(drawn)
        size = drawn[axis]
        rng = _rng(data)
        count = data.draw(st.integers(1, size), label="count")
        distinct = kind.startswith("copy") or kind.startswith("fill")
        positions = rng.permutation(size)[:count] if distinct else rng.integers(0, size, count)
        index = torch.tensor(positions, dtype=torch.int64)
        source_shape = drawn[:axis] + (count,) + drawn[axis + 1 :]
        arrays = [c.values(data, drawn), c.values(data, source_shape)]
        function = {
            "add": lambda a, s: torch.index_add(a, dim, index, s, alpha=-1.5),
            "add in place": lambda a, s: (a * 1).index_add_(dim, index, s),
            "copy": lambda a, s: a.index_copy(dim, index, s),
            "copy in place": lambda a, s: (a * 1).index_copy_(dim, index, s),
            "fill": lambda a: torch.index_fill(a, dim, index, 0.5),
            "fill tensor": lambda a, v: a.index_fill(dim, index, v),
        }[kind]
        if kind == "fill":
            return arrays[:1], function
        if kind == "fill tensor":
            return [arrays[0], c.values(data, ())], function
        return arrays, function

    return draw


def index_put(accumulate: bool):
    """Integer indices for the leading dimensions (distinct places unless accumulating: a repeated place is
    overwritten), values broadcast against the indexed shape."""

    def draw(data):
        drawn = c.shape(data, min_dims=1)
        rng = _rng(data)
        leading = data.draw(st.integers(1, len(drawn)), label="indexed dims")
        count = data.draw(st.integers(1, int(np.prod(drawn[:leading]))), label="count")
        if accumulate:
            flat = rng.integers(0, int(np.prod(drawn[:leading])), count)
        else:
            flat = rng.permutation(int(np.prod(drawn[:leading])))[:count]
        places = tuple(torch.tensor(p) for p in np.unravel_index(flat, drawn[:leading]))
        values_shape = (count,) + drawn[leading:] if data.draw(st.booleans()) else drawn[leading:]
        arrays = [c.values(data, drawn), c.values(data, values_shape)]
        return arrays, lambda a, v: torch.index_put(a, places, v, accumulate=accumulate)

    return draw


def masked_scatter(data):
    """A random mask, broadcast against the input, and a source with elements to spare."""
    first, second = c.broadcast_shapes(data)
    mask = torch.tensor(_rng(data).random(second) < 0.5)
    needed = int(np.prod(np.broadcast_shapes(first, second)))
    source = (needed + data.draw(st.integers(0, 2), label="spare"),)
    return [c.values(data, first), c.values(data, source)], lambda a, s: torch.masked_scatter(a, mask, s)


def take_along_dim(data):
    """Positions along a random dim (any number of them, repeats and negatives too), broadcast against the
    input apart from that dim."""
    drawn = c.shape(data, min_dims=1)
    dim = c.dim_of(data, len(drawn))
    shape = [1 if data.draw(st.booleans()) else side for side in drawn]
    shape[dim] = data.draw(st.integers(1, c.MAX_SIDE + 1), label="count")
    index = torch.tensor(_rng(data).integers(-drawn[dim], drawn[dim], shape))
    return [c.values(data, drawn)], lambda x: torch.take_along_dim(x, index, dim)


def block_diag(data):
    """Two to three inputs of 0, 1 or 2 dimensions (numbers are 1x1 blocks, rows 1xn)."""
    count = data.draw(st.integers(1, 3), label="count")
    shapes = [c.shape(data, max_dims=2) for _ in range(count)]
    return [c.values(data, shape) for shape in shapes], torch.block_diag


def scatter_reduce(reduce: str, include_self: bool):
    """``scatter_reduce`` along a random dim with repeated places; amax/amin on distinct values (one winner
    per place), prod away from zero (its exact-zero paths are the parity cases')."""

    def draw(data):
        drawn = c.shape(data, min_dims=1)
        dim = c.dim_of(data, len(drawn))
        index = c._places(data, drawn, dim, distinct=False)
        spread = c.distinct if reduce in ("amax", "amin") else c.away_from_zero
        count = int(np.prod(drawn)) + int(np.prod(tuple(index.shape)))
        pool = spread(data, (count,))
        arrays = [
            pool[: int(np.prod(drawn))].reshape(drawn),
            pool[int(np.prod(drawn)) :].reshape(tuple(index.shape)),
        ]
        return arrays, lambda a, s: torch.scatter_reduce(a, dim, index, s, reduce, include_self=include_self)

    return draw


CASES: dict = {
    # amin and aminmax (norms.py's AminBackward0, extremes.py)
    "AminBackward0 amin": c.along_dim(lambda x, d, k: torch.amin(x, d, k), c.distinct),
    "AminmaxBackward0": c.along_dim(lambda x, d, k: torch.aminmax(x, dim=d, keepdim=k).min, c.distinct),
    "AminmaxBackward0 max": c.along_dim(lambda x, d, k: x.aminmax(dim=d, keepdim=k)[1], c.distinct),
    "AminmaxBackward0 whole": c.whole(lambda x: sum(torch.aminmax(x)), c.distinct),
    # rot90 (arrange.py)
    "Rot90Backward0": rot90,
    # take (arrange.py), take_along_dim (a gather), the writes by index (index_more.py)
    "TakeBackward0": take,
    "GatherBackward0 take_along_dim": take_along_dim,
    "IndexAddBackward0": slices("add"),
    "IndexAddBackward0 in place": slices("add in place"),
    "IndexCopyBackward0": slices("copy"),
    "IndexCopyBackward0 in place": slices("copy in place"),
    "IndexFillBackward0": slices("fill"),
    "IndexFillBackward1": slices("fill tensor"),
    "IndexPutBackward0": index_put(accumulate=False),
    "IndexPutBackward0 accumulate": index_put(accumulate=True),
    "MaskedScatterBackward0": masked_scatter,
    # block_diag (arrange.py)
    "BlockDiagBackward0": block_diag,
    # scatter_reduce (scatter.py)
    **{
        f"ScatterReduceBackward0 {reduce}{'' if include_self else ' without self'}": scatter_reduce(
            reduce, include_self
        )
        for reduce in ("sum", "prod", "mean", "amax", "amin")
        for include_self in (True, False)
    },
}
