"""``scatter``, ``scatter_add`` and ``gather``: writing to and reading from the places an index names.

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
    taken = _read(grad, node.places, node.index_shape)
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
