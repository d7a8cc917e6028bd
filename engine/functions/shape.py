"""Operations that move elements without changing them: views, transposes, indexing, cat and stack."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class ViewBackward0(Function):
    symbol, rule = "view", "the gradient is reshaped back"

    def forward(self, a, shape=()):
        self.shape = a.shape
        return a.reshape(shape)

    def backward(self, grad):
        return (grad.reshape(self.shape),)


class UnsafeViewBackward0(ViewBackward0):
    symbol = "reshape"


class ReshapeAliasBackward0(ViewBackward0):
    """``reshape`` of a non-contiguous tensor whose memory allows a view: a view, named apart by PyTorch."""

    symbol = "reshape"


class PermuteBackward0(Function):
    symbol, rule = "permute", "the gradient is permuted back"

    def forward(self, a, dims=()):
        self.dims = dims
        return np.transpose(a, dims)

    def backward(self, grad):
        return (np.transpose(grad, np.argsort(self.dims)),)


class TransposeBackward0(Function):
    symbol, rule = "transpose", "the gradient is transposed back"

    def forward(self, a, dim0=0, dim1=1):
        self.dim0, self.dim1 = dim0, dim1
        return np.swapaxes(a, dim0, dim1)

    def backward(self, grad):
        return (np.swapaxes(grad, self.dim0, self.dim1),)


class TBackward0(Function):
    symbol, rule = "T", "the gradient is transposed back"

    def forward(self, a):
        return a.T

    def backward(self, grad):
        return (grad.T,)


class SqueezeBackward0(ViewBackward0):
    symbol = "squeeze"


class SqueezeBackward1(ViewBackward0):
    symbol = "squeeze"


class SqueezeBackward4(ViewBackward0):
    """The row dropped after ``vector @ matrix`` (PyTorch computes that as a one-row mm)."""

    symbol = "squeeze"

    def forward(self, a, shape=None):
        self.shape = a.shape
        return a.reshape(a.shape[1:])


class UnsqueezeBackward0(ViewBackward0):
    symbol = "unsqueeze"


class ExpandBackward0(Function):
    symbol, rule = "expand", "the gradient is summed over the expanded dimensions"

    def forward(self, a, shape=()):
        return np.broadcast_to(a, shape)

    def backward(self, grad):
        return (grad,)  # the engine sums it back to the input's shape


class FlipBackward0(Function):
    symbol, rule = "flip", "the gradient is flipped back"

    def forward(self, a, dims=()):
        self.dims = dims
        return np.flip(a, dims).copy()  # a new tensor, as PyTorch's (numpy's flip is a view)

    def backward(self, grad):
        return (np.flip(grad, self.dims),)


class RepeatBackward0(Function):
    symbol, rule = "repeat", "the gradients of all copies add up"

    def forward(self, a, repeats=()):
        self.shape, self.repeats = a.shape, repeats
        return np.tile(a, repeats)

    def backward(self, grad):
        lead = len(self.repeats) - len(self.shape)
        shape = (1,) * lead + self.shape
        split = []
        for count, size in zip(self.repeats, shape, strict=True):
            split += [count, size]
        total = grad.reshape(split).sum(axis=tuple(range(0, 2 * len(shape), 2)))
        return (total.reshape(self.shape),)


class _Indexing(Function):
    """``x[index]``: the gradient is scattered back to the positions that were read (adding repeats)."""

    symbol, rule = "[ ]", "the gradient flows back to the selected elements; the rest get 0"

    def forward(self, a, index=None):
        self.shape, self.index = a.shape, index
        out = a[index]
        if type(out) is not np.ndarray:  # one element: numpy gives a scalar, PyTorch a 0-d view of it
            out = a[(*index, ...) if type(index) is tuple else (index, ...)]
        return out

    def backward(self, grad):
        full = np.zeros(self.shape, dtype=grad.dtype)
        np.add.at(full, self.index, grad)
        return (full,)


class SelectBackward0(_Indexing):
    pass


class SliceBackward0(_Indexing):
    pass


class IndexBackward0(_Indexing):
    pass


# x[None] and x[...] as PyTorch names them: indexing nodes (the index may also select and slice) whose class
# names are PyTorch's node names, UnsqueezeBackward0 (as the unsqueeze op's) and AliasBackward0; the
# gradient checks' cases "UnsqueezeBackward0 index" and "AliasBackward0" cover them
IndexUnsqueezeBackward0 = type("UnsqueezeBackward0", (_Indexing,), {"__module__": __name__})
IndexAliasBackward0 = type("AliasBackward0", (_Indexing,), {"__module__": __name__})


class SplitBackward0(_Indexing):
    symbol = "split"


class SplitWithSizesBackward0(SplitBackward0):
    """One piece of ``split`` by a list of sizes (``split_with_sizes``)."""


class UnsafeSplitBackward0(_Indexing):
    symbol = "split"


class UnbindBackward0(_Indexing):
    """One output of ``unbind`` (PyTorch records one node for all of them; each output here has its own)."""

    symbol = "unbind"


class CatBackward0(Function):
    symbol, rule = "cat", "each input gets its own slice of the gradient"

    def forward(self, *arrays, dim=0):
        """``arrays`` of one number of dimensions, but for 1-d empty ones (left out, as PyTorch does)."""
        joined = [a for a in arrays if a.shape != (0,)] or arrays[:1]
        self.axis = dim % joined[0].ndim
        self.left_out = [a.shape == (0,) and a is not joined[0] for a in arrays]
        self.bounds = np.cumsum([a.shape[self.axis] for a in joined])[:-1]
        return np.concatenate(joined, axis=self.axis)

    def backward(self, grad):
        pieces = iter(np.split(grad, self.bounds, axis=self.axis))
        return tuple(np.zeros(0, grad.dtype) if out else next(pieces) for out in self.left_out)


class StackBackward0(Function):
    symbol, rule = "stack", "each input gets its own slice of the gradient"

    def forward(self, *arrays, dim=0):
        self.axis = dim % (arrays[0].ndim + 1)
        return np.stack(arrays, axis=self.axis)

    def backward(self, grad):
        return tuple(np.moveaxis(grad, self.axis, 0))
