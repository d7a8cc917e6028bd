"""Nodes of in-place overwrites: ``x[i] = v``, ``zero_``, ``fill_``, ``copy_``, and writes through a view.

PyTorch records a change through a view on the view's base (``CopySlices``) and regenerates the view from
it (``AsStridedBackward0``). Such a view is placed by ``positions``: for each of its elements, the flat
(C-order) index of the element of the base it shows (``memory_layout.positions``).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


class CopySlices(Function):
    """``x[index] = value`` on a tensor in the graph, or an in-place change of a view of ``x``
    (``positions``): the overwritten elements pass no gradient to the old values, and theirs to the value."""

    symbol, rule = "[ ]=", "overwritten elements pass no gradient to the old value; value gets their gradient"

    def name(self) -> str:
        return "torch::autograd::CopySlices"  # PyTorch's C++ name (its repr says CopySlices)

    def forward(self, a, value, index=None, positions=None):
        self.index, self.positions = index, positions
        if positions is not None:
            return a  # written through the view already: the base holds the new values
        out = a.copy()
        out[index] = value
        return out

    def backward(self, grad):
        old = np.array(grad, copy=True, order="C")  # C-ordered and writable, whatever arrived
        if self.positions is None:
            old[self.index] = 0
            return old, grad[self.index]
        flat = old.reshape(-1)
        taken = flat[self.positions]
        flat[self.positions] = 0
        return old, taken


class AsStridedBackward0(Function):
    """A view regenerated from its base after an in-place change: the gradient goes where it shows it."""

    symbol, rule = "view", "the gradient is placed back where the view shows its base"

    def forward(self, base, view=None, positions=None):
        self.base_shape, self.positions = base.shape, positions
        return view  # the view's own memory, which shows the base's new values

    def backward(self, grad):
        out = np.zeros(self.base_shape, dtype=grad.dtype)
        np.add.at(out.reshape(-1), self.positions, grad)  # an expanded view shows one element several times
        return (out,)


class ZeroBackward0(Function):
    """``x.zero_()`` on a tensor in the graph: nothing of the old values is left, so no gradient reaches
    them."""

    symbol, rule = "zero_", "the old values are gone: their gradient is 0"

    def forward(self, a):
        return np.zeros_like(a)

    def backward(self, grad):
        return (np.zeros_like(grad),)


class FillBackward2(ZeroBackward0):
    """``x.fill_(number)`` on a tensor in the graph."""

    symbol = "fill_"

    def forward(self, a, value=0):
        return np.full_like(a, value)


class FillBackward3(Function):
    """``x.fill_(t)`` with a 0-d tensor ``t``: every element is ``t``, so ``t`` gets their gradients' sum."""

    symbol, rule = "fill_", "the old values get 0; the fill value gets the sum of the gradient"

    def forward(self, a, value):
        return np.full_like(a, value)

    def backward(self, grad):
        return np.zeros_like(grad), (np.sum(grad) if self.needs_grad(1) else None)


class CopyBackwards(Function):
    """``x.copy_(src)`` in a graph, or from one: ``src`` (broadcast, cast) replaces the values."""

    symbol, rule = "copy_", "the old values get 0; src gets the gradient (summed where it was broadcast)"

    def name(self) -> str:
        return "torch::autograd::CopyBackwards"  # PyTorch's C++ name (its repr says CopyBackwards)

    def forward(self, a, src):
        return np.broadcast_to(src, a.shape).astype(a.dtype)

    def backward(self, grad):
        return np.zeros_like(grad), (grad if self.needs_grad(1) else None)
