"""Triangles, rolls, running maxima, einsum and index_select: ops that keep, move or combine elements by
position."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class _Triangle(Function):
    """Keeps one triangle of the last two dimensions (zeros elsewhere); the gradient keeps the same one."""

    numpy_function = staticmethod(np.tril)

    def forward(self, a, diagonal=0):
        self.diagonal = diagonal
        return self.numpy_function(a, diagonal)

    def backward(self, grad):
        return (self.numpy_function(grad, self.diagonal),)


class TrilBackward0(_Triangle):
    symbol, rule = "tril", "the gradient is kept on and below the diagonal"
    numpy_function = staticmethod(np.tril)


class TriuBackward0(_Triangle):
    symbol, rule = "triu", "the gradient is kept on and above the diagonal"
    numpy_function = staticmethod(np.triu)


class RollBackward0(Function):
    """Shifts along ``dims`` (None: the flattened tensor, reshaped back), wrapping around."""

    symbol, rule = "roll", "the gradient is rolled back by the opposite shifts"

    def forward(self, a, shifts=(), dims=None):
        self.shifts, self.dims = shifts, dims
        return np.roll(a, shifts, dims)

    def backward(self, grad):
        return (np.roll(grad, tuple(-shift for shift in self.shifts), self.dims),)


def _running_extreme(a: np.ndarray, axis: int, ufunc: np.ufunc) -> tuple[np.ndarray, np.ndarray]:
    """The running max (or min) along ``axis`` and where it was last reached; nan, once seen, stays."""
    values = ufunc.accumulate(a, axis=axis)
    shape = [1] * a.ndim
    shape[axis] = a.shape[axis]
    positions = np.arange(a.shape[axis]).reshape(shape)
    reached = (a == values) | (np.isnan(a) if a.dtype.kind == "f" else False)
    indices = np.maximum.accumulate(np.where(reached, positions, 0), axis=axis)
    return values, indices.astype(np.int64)


class CummaxBackward0(Function):
    """Running maximum: each output's gradient goes to the input that holds that maximum."""

    symbol, rule = "cummax", "∂/∂xⱼ = Σ of the gradients of the outputs whose maximum is xⱼ"
    ufunc = np.maximum

    def forward(self, a, axis=0):
        self.axis = axis
        if a.ndim == 0:
            self.indices = np.zeros((), np.int64)
            return a.copy()
        values, self.indices = _running_extreme(a, axis, self.ufunc)
        return values

    def backward(self, grad):
        if grad.ndim == 0:
            return (grad,)
        moved_grad = np.moveaxis(grad, self.axis, -1)
        moved_indices = np.moveaxis(self.indices, self.axis, -1)
        rows = moved_grad.reshape(-1, moved_grad.shape[-1])
        result = np.zeros_like(rows)
        np.add.at(result, (np.arange(rows.shape[0])[:, None], moved_indices.reshape(rows.shape)), rows)
        return (np.moveaxis(result.reshape(moved_grad.shape), -1, self.axis),)


class CumminBackward0(CummaxBackward0):
    symbol, rule = "cummin", "∂/∂xⱼ = Σ of the gradients of the outputs whose minimum is xⱼ"
    ufunc = np.minimum


def _subscripts_without(subscripts: str, missing: set[str]) -> str:
    return "".join(letter for letter in subscripts if letter not in missing)


class EinsumBackward0(Function):
    """``torch.einsum`` as one node (PyTorch records the bmm/permute/sum steps it lowers it to).

    Each operand's gradient is the einsum of the output's gradient with the other operands; a subscript
    only that operand has (summed away) comes back by broadcasting, and one it repeats (a diagonal) goes back
    onto that diagonal, zeros elsewhere.
    """

    symbol, rule = "einsum", "∂/∂Aₖ = einsum(grad, the other operands -> subscripts of Aₖ)"

    def forward(self, *arrays, subscripts=(), output=""):
        self.inputs, self.output = subscripts, output
        self.saves_inputs = tuple(range(len(arrays)))  # every operand, with its version check (record)
        return np.asarray(np.einsum(f"{','.join(subscripts)}->{output}", *arrays))

    def backward(self, grad):
        operands = self.saved_data()  # freed after backward, refused if changed in place since
        gradients = []
        for position, subscripts in enumerate(self.inputs):
            if not self.needs_grad(position):
                gradients.append(None)
                continue
            others = [s for index, s in enumerate(self.inputs) if index != position]
            arrays = [a for index, a in enumerate(operands) if index != position]
            seen = set(self.output).union(*others)
            missing = set(subscripts) - seen
            distinct = "".join(dict.fromkeys(subscripts))  # each letter once, in order
            target = _subscripts_without(distinct, missing)
            equation = f"{','.join([self.output, *others])}->{target}"
            partial = np.einsum(equation, grad, *arrays)
            operand = operands[position]
            sizes = dict(zip(subscripts, operand.shape, strict=True))
            expanded = [1 if letter in missing else sizes[letter] for letter in distinct]
            spread = np.broadcast_to(partial.reshape(expanded), [sizes[letter] for letter in distinct])
            if distinct == subscripts:
                gradients.append(spread.copy())
                continue
            result = np.zeros(operand.shape, dtype=spread.dtype)
            np.einsum(f"{subscripts}->{distinct}", result)[...] = spread  # a writeable view of the diagonal
            gradients.append(result)
        return tuple(gradients)


class IndexSelectBackward0(Function):
    """Slices picked along one axis by index, repeats allowed (``index_select``, ``repeat_interleave``)."""

    symbol, rule = "index_select", "each picked slice's gradient returns to its source, copies summed"

    def forward(self, a, axis=0, indices=None):
        self.axis, self.indices, self.shape = axis, indices, a.shape
        return np.take(a, indices, axis=axis)

    def backward(self, grad):
        return (taken_back(grad, self.indices, self.axis, self.shape[self.axis]),)


def taken_back(grad: np.ndarray, sources: np.ndarray, axis: int, size: int) -> np.ndarray:
    """The gradient of ``x.take(sources, axis)`` for an ``x`` of ``size`` along ``axis``: each source gets the
    sum of its copies' gradients, the others 0 (index_select, and the reflect and replicate paddings)."""
    moved = np.moveaxis(grad, axis, 0)
    result = np.zeros((size,) + moved.shape[1:], dtype=grad.dtype)
    np.add.at(result, sources, moved)
    return np.moveaxis(result, 0, axis)
