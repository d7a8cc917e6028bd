"""Nodes of the writes by index: ``index_add``, ``index_copy``, ``index_fill``, ``index_put`` and
``masked_scatter``.

The slice ops work along one axis (``positions``: non-negative, already checked); a 0-d tensor counts as one
element along axis 0, as in PyTorch. What a write replaced passes no gradient back to ``self``; what was
written gets, from the output's gradient, the part at the places it went to.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.scatter import at_least_1d


def _along(array: np.ndarray, axis: int) -> np.ndarray:
    """A view of ``array`` (as at least 1-d) with ``axis`` first, so that ``view[positions]`` picks slices."""
    return np.moveaxis(at_least_1d(array), axis, 0)


def _slices_zeroed(grad: np.ndarray, axis: int, positions: np.ndarray) -> np.ndarray:
    """The gradient with the slices at ``positions`` set to 0: their old values were overwritten."""
    result = grad.copy()
    _along(result, axis)[positions] = 0
    return result


def _slices_read(grad: np.ndarray, axis: int, positions: np.ndarray, shape: tuple) -> np.ndarray:
    """The gradient's slices at ``positions`` (repeats read twice), shaped like the source they came from."""
    return np.moveaxis(_along(grad, axis)[positions], 0, axis if shape else 0).reshape(shape)


class IndexAddBackward0(Function):
    symbol, rule = "index_add", "∂/∂self = g; ∂/∂source = alpha · g at the slices it was added to"

    def forward(self, a, source, axis=0, positions=None, alpha=1):
        self.axis, self.positions, self.alpha = axis, positions, alpha
        result = a.copy()
        added = _along(source, axis) * np.asarray(alpha).astype(a.dtype)  # an int alpha for int tensors
        np.add.at(_along(result, axis), positions, added.astype(a.dtype))
        return result

    def backward(self, grad):
        if not self.needs_grad(1):
            return grad, None
        read = _slices_read(grad, self.axis, self.positions, self.input_meta[1][0])
        return grad, read * self.alpha


class IndexCopyBackward0(Function):
    symbol, rule = "index_copy", "∂/∂self = g, 0 on the copied slices; ∂/∂source = g at the slices it went to"

    def forward(self, a, source, axis=0, positions=None):
        self.axis, self.positions = axis, positions
        result = a.copy()
        _along(result, axis)[positions] = _along(source, axis)  # repeated positions: the last copy stays
        return result

    def backward(self, grad):
        grad_self = _slices_zeroed(grad, self.axis, self.positions) if self.needs_grad(0) else None
        if not self.needs_grad(1):
            return grad_self, None
        return grad_self, _slices_read(grad, self.axis, self.positions, self.input_meta[1][0])


class IndexFillBackward0(Function):
    symbol, rule = "index_fill", "∂/∂self = g, 0 on the filled slices"

    def forward(self, a, axis=0, positions=None, value=0):
        self.axis, self.positions = axis, positions
        result = a.copy()
        _along(result, axis)[positions] = np.asarray(value).astype(a.dtype)
        return result

    def backward(self, grad):
        return (_slices_zeroed(grad, self.axis, self.positions),)


class IndexFillBackward1(Function):
    """``index_fill`` with a 0-d tensor as the value: it gets the gradient of every place it filled."""

    symbol, rule = "index_fill", "∂/∂self = g, 0 on the filled slices; ∂/∂value = Σ g over the filled slices"

    def forward(self, a, value, axis=0, positions=None):
        self.axis, self.positions = axis, positions
        result = a.copy()
        _along(result, axis)[positions] = value.astype(a.dtype)
        return result

    def backward(self, grad):
        grad_self = _slices_zeroed(grad, self.axis, self.positions) if self.needs_grad(0) else None
        if not self.needs_grad(1):
            return grad_self, None
        filled = _along(grad, self.axis)[np.unique(self.positions)]  # each slice once, repeats or not
        return grad_self, np.asarray(filled.sum())


class IndexPutBackward0(Function):
    """``x[indices] = values`` (or ``+=``, with ``accumulate``) as a new tensor; ``places``: numpy's index."""

    symbol, rule = "index_put", "∂/∂self = g (0 where overwritten); ∂/∂values = g at the indexed places"

    def forward(self, a, values, places=(), accumulate=False):
        self.places, self.accumulate = places, accumulate
        result = a.copy()
        if accumulate:
            np.add.at(result, places, values)
        else:
            result[places] = values  # repeated places: the last value stays
        return result

    def backward(self, grad):
        grad_self = None
        if self.needs_grad(0):
            grad_self = grad if self.accumulate else grad.copy()
            if not self.accumulate:
                grad_self[self.places] = 0
        return grad_self, (grad[self.places] if self.needs_grad(1) else None)  # summed back to values' shape


class MaskedScatterBackward0(Function):
    """``source``'s elements, in order, written where a (broadcast) mask is true."""

    symbol, rule = (
        "masked_scatter",
        "∂/∂self = g, 0 where masked; ∂/∂source = g at the masked places, in order",
    )

    def forward(self, a, source, mask=None):
        self.mask = mask  # already broadcast to the result's shape
        result = np.broadcast_to(a, mask.shape).copy()
        result[mask] = source.reshape(-1)[: np.count_nonzero(mask)]
        return result

    def backward(self, grad):
        grad_self = np.where(self.mask, np.zeros((), grad.dtype), grad) if self.needs_grad(0) else None
        if not self.needs_grad(1):
            return grad_self, None
        shape = self.input_meta[1][0]
        grad_source = np.zeros(int(np.prod(shape)), dtype=grad.dtype)
        taken = grad[self.mask]
        grad_source[: taken.size] = taken
        return grad_self, grad_source.reshape(shape)
