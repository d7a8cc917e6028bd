"""Element-wise operations: arithmetic, powers and the activation functions, each with its derivative.

Binary operations broadcast; the engine sums gradients back to each input's shape (autograd._fit_to_input),
so the backward rules here are written as if shapes matched.
"""

from __future__ import annotations

import math
import operator

import numpy as np

from engine import dtypes, zero_dim
from engine.function import Function
from engine.functions.power import PowBackward0, PowBackward1, PowBackward2, ReciprocalBackward0
from engine.functions.promotion import Operand, as_operand, binary, promoted  # noqa: F401 - pw.promoted
from engine.tensor import Tensor


def nonzero_finite(x: float) -> bool:
    return 0 < abs(x) < math.inf


def checked_alpha(alpha: float, dtype: np.dtype) -> np.generic:
    """``alpha`` in the operands' dtype (True for bools), refused as a float for integer operands."""
    if dtype.kind in "iu" and isinstance(alpha, float):
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating point number.")
    return dtype.type(alpha)


# -- arithmetic -----------------------------------------------------------------------------------
# _ZERO_DIM_FLOATS: both operands 0-d floats of one dtype (as binary() passes them): on numpy scalars the
# same operation gives the same bits, faster. Integers stay on arrays: scalar integer overflow warns.
class AddBackward0(Function):
    symbol, rule = "+", "∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1"
    scalar_forward, alpha = operator.add, 1

    def forward(self, a, b, alpha=1):
        if alpha == 1:
            if not a.ndim and not b.ndim and a.dtype.kind == "f":
                return a[()] + b[()]  # speed: _ZERO_DIM_FLOATS
            return a + b
        self.alpha = alpha = checked_alpha(alpha, a.dtype)
        return a + alpha * b

    def backward(self, grad):
        return grad, (grad if self.alpha == 1 else grad * self.alpha)


class AddBackward1(Function):
    """A tensor plus a number inside one of PyTorch's own functions (``pairwise_distance``'s ``+ eps``): one
    edge. Python's ``x + 1`` records AddBackward0, as in PyTorch."""

    symbol, rule = "+", "∂(a+c)/∂a = 1"

    def forward(self, a, other=0):
        if a.dtype.kind != "f" and isinstance(other, float):  # an integer tensor plus a double: float32
            a = a.astype(np.float32)
        return a + (a.dtype.type(other) if a.dtype.kind == "f" else other)

    def backward(self, grad):
        return (grad,)


class SubBackward0(Function):
    symbol, rule = "-", "∂(a-b)/∂a = 1, ∂(a-b)/∂b = -1"
    scalar_forward, alpha = operator.sub, 1

    def forward(self, a, b, alpha=1):
        if alpha == 1:
            return a - b
        self.alpha = alpha = checked_alpha(alpha, a.dtype)
        return a - alpha * b

    def backward(self, grad):
        return grad, -grad if self.alpha == 1 else -grad * self.alpha


class RsubBackward1(Function):
    """A number minus a tensor (times ``alpha``, from ``torch.rsub``): one edge, as in PyTorch (the number is
    kept on the node as ``other``)."""

    symbol, rule = "-", "∂(c-α·a)/∂a = -α"
    alpha = 1

    def forward(self, a, other=0, alpha=1):
        self.other = other
        if alpha == 1:
            return other - a
        self.alpha = alpha = checked_alpha(alpha, a.dtype)
        return other - alpha * a

    def backward(self, grad):
        return (-grad if self.alpha == 1 else -grad * self.alpha,)


class _SavesWhatIsNeeded(Function):
    """Saves only the operands the wanted gradients read, as PyTorch does.

    So ``x * 2`` keeps no reference to ``x``, and changing ``x`` in place afterwards is no error.
    ``saves_inputs`` holds when both operands want gradients; ``when_only_a``/``when_only_b`` otherwise.
    """

    saves_inputs = (0, 1)
    when_only_a: tuple[int, ...] = (1,)
    when_only_b: tuple[int, ...] = (0, 1)

    def record(self, inputs: tuple, arrays: list, result: Tensor) -> None:
        b = inputs[1]
        if not (isinstance(b, Tensor) and b._requires_grad):
            self.saves_inputs = self.when_only_a
        else:
            a = inputs[0]
            if not (isinstance(a, Tensor) and a._requires_grad):
                self.saves_inputs = self.when_only_b
        Function.record(self, inputs, arrays, result)  # looked up at call time (trace_record wraps it)


class MulBackward0(_SavesWhatIsNeeded):
    symbol, rule = "*", "∂(a·b)/∂a = b, ∂(a·b)/∂b = a"
    scalar_forward = operator.mul

    when_only_b = (0,)

    def forward(self, a, b):
        if not a.ndim and not b.ndim and a.dtype.kind == "f":
            return a[()] * b[()]  # speed: _ZERO_DIM_FLOATS
        return a * b

    def backward(self, grad):
        saved = self.saved_data()  # (a, b), (b,) or (a,): b is last when a's gradient is wanted
        (node_a, _), (node_b, _) = self.next_functions  # needs_grad(0), needs_grad(1), inline
        grad_a = grad * saved[-1] if node_a is not None else None
        grad_b = grad * saved[0] if node_b is not None else None
        return grad_a, grad_b


class DivBackward0(_SavesWhatIsNeeded):
    symbol, rule = "/", "∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = -a/b²"
    scalar_forward = operator.truediv
    scalar_domain = nonzero_finite  # x/0 warns on numpy scalars: the general path silences it

    def forward(self, a, b):
        if not b.ndim and 0 < abs(b[()]) < math.inf:  # speed: a nonzero finite divisor: nothing to silence
            return a / b
        with np.errstate(divide="ignore", invalid="ignore"):  # x/0 is inf or nan, silently, as in PyTorch
            return a / b

    def backward(self, grad):
        saved = self.saved_data()  # (a, b) when b's gradient is wanted, else (b,)
        b = saved[-1]
        if type(b) is not np.ndarray and not self.needs_grad(1) and 0 < abs(b) < math.inf:
            return grad / b, None  # speed: as in forward
        with np.errstate(divide="ignore", invalid="ignore"):
            grad_a = grad / b if self.needs_grad(0) else None
            grad_b = -grad * saved[0] / (b * b) if self.needs_grad(1) else None
        return grad_a, grad_b


class NegBackward0(Function):
    symbol, rule = "-x", "∂(-x)/∂x = -1"
    scalar_forward = operator.neg

    def forward(self, a):
        if a.dtype == np.bool_:
            raise RuntimeError(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
                "invert a mask, use the `~` or `logical_not()` operator instead."
            )
        return -a

    def backward(self, grad):
        return (-grad,)


# -- the user-facing functions --------------------------------------------------------------------
def add(a: Operand, b: Operand, *, alpha: float = 1) -> Tensor:
    if type(alpha) is int and alpha == 1:  # speed: forward's default alpha, without passing keywords along
        if (type(b) is float or type(b) is int) and type(a) is Tensor:  # speed: binary's scalar lane, inline
            data = a._data
            metas = zero_dim.BINARY_METAS.get(data.dtype)  # a float dtype the lane takes
            if metas is not None and not data.ndim and zero_dim.ENABLED:
                return zero_dim.made(AddBackward0, a, data[()] + b, b, metas)
        return binary(AddBackward0, a, b)
    return binary(AddBackward0, a, b, alpha=alpha)


def _is_bool(value: Operand) -> bool:
    return isinstance(value, bool) or isinstance(value, Tensor) and value._data.dtype == np.bool_


def _refuse_bool_subtraction(a: Operand, b: Operand) -> None:
    """PyTorch's answer to ``mask - x`` and ``1 - mask``: bools cannot be subtracted."""
    if _is_bool(a) and _is_bool(b) and isinstance(a, Tensor) and isinstance(b, Tensor):
        raise RuntimeError(
            "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
            "`logical_xor()` operator instead."
        )
    if _is_bool(a) or _is_bool(b):
        raise RuntimeError(
            "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert "
            "a mask, use the `~` or `logical_not()` operator instead."
        )


def sub(a: Operand, b: Operand, *, alpha: float = 1) -> Tensor:
    _refuse_bool_subtraction(a, b)
    if type(alpha) is int and alpha == 1:  # speed: as in add
        return binary(SubBackward0, a, b)
    return binary(SubBackward0, a, b, alpha=alpha)


def rsub(a: Tensor, other: Operand, alpha: float = 1) -> Tensor:
    """``other - alpha·a`` for a Python number ``other``."""
    if isinstance(other, Tensor):
        return sub(other, a)
    _refuse_bool_subtraction(other, a)
    a, other, arrays = promoted(a, other)
    if type(alpha) is int and alpha == 1:
        return RsubBackward1.apply_to_arrays((a,), [arrays[0]], other=arrays[1])
    return RsubBackward1.apply_to_arrays((a,), [arrays[0]], other=arrays[1], alpha=alpha)


def mul(a: Operand, b: Operand) -> Tensor:
    if (type(b) is float or type(b) is int) and type(a) is Tensor:  # speed: as in add
        data = a._data
        metas = zero_dim.BINARY_METAS.get(data.dtype)
        if metas is not None and not data.ndim and zero_dim.ENABLED:
            return zero_dim.made(MulBackward0, a, data[()] * b, b, metas)
    return binary(MulBackward0, a, b)


class DivBackward2(Function):
    """``div`` with a ``rounding_mode``: a step function of its inputs, so no gradient flows (zeros), as in
    PyTorch. Integers stay integers; "trunc" rounds toward zero, "floor" down."""

    symbol, rule = "÷", "a rounded quotient is a step function: zero gradient"

    def forward(self, a, b, mode="trunc"):
        self.shapes = (np.shape(a), np.shape(b))
        with np.errstate(divide="ignore", invalid="ignore"):
            if mode == "floor":
                return np.floor_divide(a, b)
            if np.result_type(a, b).kind in "iu":  # toward zero: floor, one up where the signs differ
                return np.floor_divide(a, b) + ((np.remainder(a, b) != 0) & ((a < 0) != (b < 0)))
            return np.trunc(a / b)

    def backward(self, grad):
        return tuple(np.zeros(shape, grad.dtype) for shape in self.shapes)


def div(a: Operand, b: Operand, *, rounding_mode: str | None = None) -> Tensor:
    if rounding_mode is None:
        return binary(DivBackward0, a, b, floating=True)
    if rounding_mode not in ("floor", "trunc"):
        raise RuntimeError(
            f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{rounding_mode}'"
        )
    a, b, arrays = promoted(a, b)
    return DivBackward2.apply_to_arrays((a, b), arrays, mode=rounding_mode)


def rdiv(a: Tensor, other: Operand) -> Tensor:
    """``other / a``: PyTorch computes it as ``reciprocal(a) * other``."""
    if isinstance(other, Tensor):
        return div(other, a)
    if not a.is_floating_point():
        a = a.float()
    return mul(ReciprocalBackward0.apply(a), other)


def pow(a: Operand, exponent: Operand) -> Tensor:  # noqa: A001 - PyTorch's name
    number = type(exponent) is int or type(exponent) is float
    if number and isinstance(a, Tensor) and a._data.dtype.kind == "f":
        # speed: a floating tensor to a Python number power needs no promotion (same as below)
        if not a._data.ndim:
            result = zero_dim.square(a, exponent)
            if result is not None:
                return result
        return PowBackward0.apply_to_arrays((a,), [a._data], exponent=exponent)
    a, exponent = as_operand(a), as_operand(exponent)
    if not isinstance(a, Tensor):
        return _constant_pow(a, exponent)
    if isinstance(exponent, Tensor):
        return binary(PowBackward1, a, exponent)
    if not a.is_floating_point() and isinstance(exponent, int) and exponent < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    a, _, arrays = promoted(a, exponent)
    return PowBackward0.apply_to_arrays((a,), [arrays[0]], exponent=exponent)


def _constant_pow(base: int | float, exponent: Tensor) -> Tensor:
    """``2 ** x``: the result has the promoted dtype of the number and the tensor (bool -> int64)."""
    target = dtypes.result_type([exponent, base])
    if target is not exponent.dtype:
        exponent = (
            Tensor._wrap(exponent._data.astype(target.numpy))
            if not exponent._requires_grad
            else exponent.to(target)
        )
    return PowBackward2.apply_to_arrays((exponent,), [exponent._data], base=base)


def neg(a: Tensor) -> Tensor:
    data = a._data
    if not data.ndim and data.dtype.kind == "f":
        result = zero_dim.unary(NegBackward0, a)
        if result is not None:
            return result
    return NegBackward0.apply(a)


def compare(ufunc: np.ufunc, a: Operand, b: Operand) -> Tensor:
    """Comparisons give bool tensors and never record a graph."""
    _, _, arrays = promoted(a, b)
    return Tensor._wrap(ufunc(*arrays))


def logical(ufunc: np.ufunc, a: Operand, b: Operand) -> Tensor:
    """``& | ^`` on bool or integer tensors."""
    _, _, arrays = promoted(a, b)
    if arrays[0].dtype.kind == "f":
        kind = dtypes.BY_NUMPY[arrays[0].dtype].scalar_name
        raise NotImplementedError(f"\"{ufunc.__name__}_cpu\" not implemented for '{kind}'")
    return Tensor._wrap(ufunc(*arrays))
