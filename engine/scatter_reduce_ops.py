"""``scatter_reduce`` and its method forms (``scatter_reduce_`` in place): ``src``'s values reduced into the
places an index names, with ``sum``, ``prod``, ``mean``, ``amax`` or ``amin`` (``max``/``min`` as aliases, as
PyTorch takes them), ``self`` included or not; with ``scatter``'s checks, in its words.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.argument_errors import must_be_tensor
from engine.functions.scatter import ScatterReduceBackward0
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.scatter_ops import _check_dtypes, _check_scatter_shapes, _positions_in_bounds
from engine.shape_ops import _dim
from engine.tensor import Tensor

_MISSING: Any = object()
_ALIASES = {"max": "amax", "min": "amin"}


def _scatter_reduce(
    a: Tensor, dim: int, index: Any, src: Any, reduce: Any, include_self: bool, first_position: int
) -> Tensor:
    if reduce is _MISSING:
        raise TypeError('scatter_reduce() missing 1 required positional arguments: "reduce"')
    must_be_tensor("scatter_reduce", "index", index, first_position + 1)
    must_be_tensor("scatter_reduce", "src", src, first_position + 2)
    reduce = _ALIASES.get(reduce, reduce)
    if reduce not in ("sum", "prod", "mean", "amax", "amin"):
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")
    axis = _dim(dim, a._data.ndim)
    _check_dtypes("scatter", a, index, src)
    _check_scatter_shapes(a, axis, index, src)
    positions = _positions_in_bounds(a, axis, index)
    if reduce == "mean" and a._data.dtype == np.bool_:
        raise NotImplementedError("\"scatter_gather_tensor_cpu_reduce_mean\" not implemented for 'Bool'")
    return ScatterReduceBackward0.apply(
        a, src, dim=axis, index=positions, reduce=reduce, include_self=bool(include_self)
    )


@accepts_out
def scatter_reduce(
    input: Tensor,  # noqa: A002 - PyTorch's names
    dim: int,
    index: Tensor,
    src: Tensor,
    reduce: str = _MISSING,
    *,
    include_self: bool = True,
) -> Tensor:
    """A copy of ``input`` with ``src``'s values reduced into the places ``index`` names along ``dim``."""
    return _scatter_reduce(input, dim, index, src, reduce, include_self, first_position=2)


def scatter_reduce_method(
    self: Tensor, dim: int, index: Tensor, src: Tensor, reduce: str = _MISSING, *, include_self: bool = True
) -> Tensor:
    return _scatter_reduce(self, dim, index, src, reduce, include_self, first_position=1)


scatter_reduce_method.__name__ = scatter_reduce_method.__qualname__ = "scatter_reduce"

METHODS = {"scatter_reduce": scatter_reduce_method, "scatter_reduce_": in_place_method(scatter_reduce_method)}
