"""``scatter``, ``scatter_add``, ``scatter_reduce`` and ``gather``: writing to and reading from the places an
index names.

Along ``dim``, element ``j`` of the index names a position; along every other dimension the index's own
coordinates are used, so an index smaller than the tensor touches only its corner. A 0-d tensor counts as
one element along dimension 0, and an empty index names no place at all, as in PyTorch.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


def at_least_1d(array: np.ndarray) -> np.ndarray:
    return array.reshape(1) if array.ndim == 0 else array


def positions(index: np.ndarray, dim: int) -> tuple[np.ndarray, ...] | None:
    """The fancy index of the places ``index`` names: its values along ``dim``, its coordinates elsewhere."""
    if not index.size:
        return None
    index = at_least_1d(index)
    places = []
    for axis, size in enumerate(index.shape):
        shape = [1] * index.ndim
        shape[axis] = size
        places.append(index if axis == dim else np.arange(size).reshape(shape))
    return tuple(places)


def _written(a: np.ndarray, places: tuple | None, values: np.ndarray | None, add: bool = False) -> np.ndarray:
    """A copy of ``a`` with ``values`` put (or, with ``add``, added) at ``places``."""
    result = at_least_1d(a).copy()
    if places is not None:
        if add:
            np.add.at(result, places, values)
        else:
            result[places] = values
    return result.reshape(a.shape)


def _read(a: np.ndarray, places: tuple | None, shape: tuple) -> np.ndarray:
    """The values of ``a`` at ``places``, shaped like the index."""
    if places is None:
        return np.zeros(shape, dtype=a.dtype)
    return at_least_1d(a)[places].reshape(shape)


def _corner(src: np.ndarray, shape: tuple) -> np.ndarray:
    """The leading block of ``src`` the index covers (``src`` may be larger in any dimension)."""
    return at_least_1d(src)[tuple(slice(0, size) for size in shape or (1,))]


def _expandable(shape: tuple, target: tuple) -> bool:
    """Whether a tensor of ``shape`` broadcasts to ``target`` (its gradient can then be summed back)."""
    try:
        return np.broadcast_shapes(shape, target) == target
    except ValueError:
        return False


def _read_back(node: Function, grad: np.ndarray) -> np.ndarray:
    """The gradient of ``src``: the incoming gradient at the places it went to, shaped like the index.

    PyTorch returns exactly that, so a ``src`` larger than the index fails in backward, in its words.
    """
    return checked_source_gradient(node, _read(grad, node.places, node.index_shape))


def checked_source_gradient(node: Function, taken: np.ndarray) -> np.ndarray:
    """``taken`` (shaped like the index) as the gradient of ``src``, refused in PyTorch's words when ``src``
    is larger than the index."""
    src_shape = node.input_meta[1][0]
    if taken.shape != src_shape and not _expandable(src_shape, taken.shape):
        raise RuntimeError(
            f"Function {node.name()} returned an invalid gradient at index 1 - got {list(taken.shape)} "
            f"but expected shape compatible with {list(src_shape)}"
        )
    return taken


def _overwritten_zeroed(grad: np.ndarray, places: tuple | None) -> np.ndarray:
    """The incoming gradient with the places the scatter wrote set to 0: their old values are gone."""
    return _written(grad, places, np.zeros((), dtype=grad.dtype))


class ScatterBackward0(Function):
    symbol, rule = "scatter", "∂/∂self: g with the written places zeroed; ∂/∂src: g read at the index"

    def forward(self, a, src, dim=0, index=None):
        self.places, self.index_shape = positions(index, dim), index.shape
        return _written(a, self.places, None if self.places is None else _corner(src, index.shape))

    def backward(self, grad):
        grad_self = _overwritten_zeroed(grad, self.places) if self.needs_grad(0) else None
        return grad_self, (_read_back(self, grad) if self.needs_grad(1) else None)


class ScatterBackward1(Function):
    symbol, rule = "scatter", "the written places pass no gradient; the others pass it unchanged"

    def forward(self, a, dim=0, index=None, value=0):
        self.places = positions(index, dim)
        return _written(a, self.places, np.asarray(value).astype(a.dtype))

    def backward(self, grad):
        return (_overwritten_zeroed(grad, self.places),)


class ScatterAddBackward0(Function):
    symbol, rule = "scatter_add", "∂/∂self: g unchanged; ∂/∂src: g read at the index"

    def forward(self, a, src, dim=0, index=None):
        self.places, self.index_shape = positions(index, dim), index.shape
        values = None if self.places is None else _corner(src, index.shape)
        return _written(a, self.places, values, add=True)

    def backward(self, grad):
        return grad, (_read_back(self, grad) if self.needs_grad(1) else None)


class GatherBackward0(Function):
    symbol, rule = "gather", "each gradient goes back to the place it was read from (repeats add up)"

    def forward(self, a, dim=0, index=None):
        self.places = positions(index, dim)
        return _read(a, self.places, index.shape)

    def backward(self, grad):
        full = np.zeros(self.input_meta[0][0], dtype=grad.dtype)
        return (_written(full, self.places, at_least_1d(grad), add=True),)


_REDUCERS = {"sum": np.add, "prod": np.multiply, "mean": np.add, "amax": np.maximum, "amin": np.minimum}


def _identity(reduce: str, dtype: np.dtype) -> np.ndarray:
    """The value a reduction starts from where ``include_self=False`` leaves ``self`` out."""
    if reduce in ("amax", "amin"):
        low = reduce == "amax"
        if dtype.kind == "f":
            return np.asarray(-np.inf if low else np.inf, dtype)
        if dtype.kind == "b":
            return np.asarray(not low)
        limits = np.iinfo(dtype)
        return np.asarray(limits.min if low else limits.max, dtype)
    return np.asarray(1 if reduce == "prod" else 0, dtype)


def scatter_reduced(a, src, places, reduce, include_self) -> tuple[np.ndarray, np.ndarray]:
    """``a`` with ``src``'s values reduced into ``places`` (``src`` cut to the index's corner); and how many
    values each place holds (``self`` counted when included), which a mean divides by."""
    result = at_least_1d(a).copy()
    counts = np.full(result.shape, int(include_self), dtype=np.int64)
    if places is not None:
        np.add.at(counts, places, 1)
        if not include_self:
            result[places] = _identity(reduce, a.dtype)
        _REDUCERS[reduce].at(result, places, src)
    if reduce == "mean":
        spread = np.maximum(counts, 1)
        if a.dtype.kind == "f":
            result = np.where(counts > 0, result / spread.astype(a.dtype), result).astype(a.dtype)
        else:  # integers round down, as PyTorch's kernel divides them
            result = np.where(counts > 0, result // spread, result).astype(a.dtype)
    return result.reshape(a.shape), counts.reshape(a.shape)


class ScatterReduceBackward0(Function):
    """``src`` reduced (sum, prod, mean, amax, amin) into ``self`` at the places the index names; the
    gradients follow PyTorch's formulas, ties of amax/amin sharing theirs evenly."""

    symbol, rule = (
        "scatter_reduce",
        "∂ by reduction: sum 1, prod the other factors, mean 1/n, amax/amin the ties",
    )
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, a, src, dim=0, index=None, reduce="sum", include_self=True):
        self.places, self.index_shape = positions(index, dim), index.shape
        self.reduce, self.include_self = reduce, include_self
        values = None if self.places is None else _corner(src, index.shape)
        result, self.counts = scatter_reduced(a, values, self.places, reduce, include_self)
        return result

    def backward(self, grad):
        a, src, result = self.saved_data()
        src = np.zeros(self.index_shape, a.dtype) if self.places is None else _corner(src, self.index_shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            grad_self, grad_src = getattr(self, f"_{self.reduce}")(grad, a, src, result)
        if not self.include_self:
            grad_self = _overwritten_zeroed(grad_self, self.places)
        return grad_self, (checked_source_gradient(self, grad_src) if self.needs_grad(1) else None)

    def _sum(self, grad, a, src, result):
        return grad, _read(grad, self.places, self.index_shape)

    def _mean(self, grad, a, src, result):
        spread = np.maximum(self.counts, 1).astype(grad.dtype)
        return grad / spread, _read(grad / spread, self.places, self.index_shape)

    def _prod(self, grad, a, src, result):
        """Each factor's gradient is the product of the others, worked out without dividing by a zero."""
        ones = np.ones((), a.dtype)
        masked_self = np.where(a == 0, ones, a)
        masked_result, _ = scatter_reduced(masked_self, src, self.places, "prod", self.include_self)
        grad_self = grad * masked_result / masked_self
        zero = src == 0
        zeros_there = _read(
            _written(np.zeros(a.shape), self.places, zero.astype(float), add=True), self.places, src.shape
        )
        single = zero & (zeros_there == 1)
        others, _ = scatter_reduced(a, np.where(single, ones, src), self.places, "prod", self.include_self)
        through_others = _read(grad * others, self.places, src.shape)
        plain = _read(grad * result, self.places, src.shape) / np.where(zero, ones, src)
        return grad_self, np.where(single, through_others, plain)

    def _amax(self, grad, a, src, result):
        value = _read(result, self.places, src.shape)
        self_wins, src_wins = (a == result).astype(grad.dtype), (src == value).astype(grad.dtype)
        shared = grad / _written(self_wins, self.places, src_wins, add=True)
        return self_wins * shared, src_wins * _read(shared, self.places, src.shape)

    _amin = _amax
