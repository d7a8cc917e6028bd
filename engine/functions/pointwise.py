"""Element-wise operations: arithmetic, powers and the activation functions, each with its derivative.

Binary operations broadcast; the engine sums gradients back to each input's shape (autograd._fit_to_input),
so the backward rules here are written as if shapes matched.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes
from engine.function import Function
from engine.tensor import Tensor

Operand = Tensor | int | float | bool


# -- arithmetic -----------------------------------------------------------------------------------
class AddBackward0(Function):
    symbol, rule = "+", "∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1"

    def forward(self, a, b, alpha=1):
        self.alpha = alpha
        return a + b if alpha == 1 else a + alpha * b

    def backward(self, grad):
        return grad, (grad if self.alpha == 1 else grad * self.alpha)


class SubBackward0(Function):
    symbol, rule = "-", "∂(a-b)/∂a = 1, ∂(a-b)/∂b = -1"

    def forward(self, a, b, alpha=1):
        self.alpha = alpha
        return a - b if alpha == 1 else a - alpha * b

    def backward(self, grad):
        return grad, -grad if self.alpha == 1 else -grad * self.alpha


class RsubBackward1(Function):
    symbol, rule = "-", "∂(c-a)/∂a = -1"

    def forward(self, a, other):
        return other - a

    def backward(self, grad):
        return -grad, None


class MulBackward0(Function):
    symbol, rule = "*", "∂(a·b)/∂a = b, ∂(a·b)/∂b = a"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return a * b

    def backward(self, grad):
        a, b = self.saved_data()
        return (grad * b if self.needs_grad(0) else None), (grad * a if self.needs_grad(1) else None)


class DivBackward0(Function):
    symbol, rule = "/", "∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = -a/b²"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return a / b

    def backward(self, grad):
        a, b = self.saved_data()
        grad_a = grad / b if self.needs_grad(0) else None
        grad_b = -grad * a / (b * b) if self.needs_grad(1) else None
        return grad_a, grad_b


class ReciprocalBackward0(Function):
    symbol, rule = "1/x", "∂(1/x)/∂x = -1/x²"
    saves_output = True

    def forward(self, a):
        return 1 / a

    def backward(self, grad):
        (out,) = self.saved_data()
        return (-grad * out * out,)


class PowBackward0(Function):
    """Tensor to a constant power."""

    symbol, rule = "**", "∂(xⁿ)/∂x = n·xⁿ⁻¹"
    saves_inputs = (0,)

    def forward(self, a, exponent):
        self.exponent = exponent
        return a**exponent

    def backward(self, grad):
        (a,) = self.saved_data()
        n = self.exponent
        if n == 0:
            return (np.zeros_like(grad),)
        return (grad * n * a ** (n - 1),)


class PowBackward1(Function):
    """Tensor to a tensor power."""

    symbol, rule = "**", "∂(aᵇ)/∂a = b·aᵇ⁻¹, ∂(aᵇ)/∂b = aᵇ·ln a"
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, a, b):
        return a**b

    def backward(self, grad):
        a, b, out = self.saved_data()
        grad_a = grad * b * a ** (b - 1) if self.needs_grad(0) else None
        grad_b = None
        if self.needs_grad(1):
            with np.errstate(divide="ignore", invalid="ignore"):
                grad_b = grad * np.where(out == 0, 0, out * np.log(np.where(a > 0, a, 1)))
        return grad_a, grad_b


class PowBackward2(Function):
    """A constant to a tensor power."""

    symbol, rule = "**", "∂(cˣ)/∂x = cˣ·ln c"
    saves_output = True

    def forward(self, base, b):
        self.base = base
        return np.power(np.asarray(base, dtype=b.dtype), b)

    def backward(self, grad):
        (out,) = self.saved_data()
        return None, grad * out * np.log(self.base)


class NegBackward0(Function):
    symbol, rule = "-x", "∂(-x)/∂x = -1"

    def forward(self, a):
        if a.dtype == np.bool_:
            raise RuntimeError(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
                "invert a mask, use the `~` or `logical_not()` operator instead."
            )
        return -a

    def backward(self, grad):
        return (-grad,)


# -- broadcasting and promotion, shared by every binary operation ---------------------------------
def _check_broadcast(a: np.ndarray, b: np.ndarray) -> None:
    """PyTorch's message when two shapes cannot broadcast."""
    for offset in range(1, min(a.ndim, b.ndim) + 1):
        size_a, size_b = a.shape[-offset], b.shape[-offset]
        if size_a != size_b and size_a != 1 and size_b != 1:
            raise RuntimeError(
                f"The size of tensor a ({size_a}) must match the size of tensor b ({size_b}) at "
                f"non-singleton dimension {max(a.ndim, b.ndim) - offset}"
            )


def as_operand(value: Any) -> Operand:
    """Numbers stay numbers (PyTorch's "wrapped numbers"); lists and arrays become tensors."""
    if isinstance(value, Tensor | bool | int | float):
        return value
    if isinstance(value, np.generic):
        return value.item()
    from engine.creation import tensor

    return tensor(value)


def promoted(a: Operand, b: Operand, floating: bool = False) -> tuple[Operand, Operand, list]:
    """The operands and their arrays, cast to PyTorch's result dtype for ``a op b``."""
    a, b = as_operand(a), as_operand(b)
    array_a = a._data if isinstance(a, Tensor) else a
    array_b = b._data if isinstance(b, Tensor) else b
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        if array_a.shape != array_b.shape:
            _check_broadcast(array_a, array_b)
        if array_a.dtype == array_b.dtype and (not floating or array_a.dtype.kind == "f"):
            return a, b, [array_a, array_b]
    target = dtypes.result_type([a, b])
    if floating and not target.is_floating_point:
        target = dtypes.float32
    if isinstance(a, Tensor) and array_a.dtype != target.numpy:
        array_a = array_a.astype(target.numpy)
    if isinstance(b, Tensor) and array_b.dtype != target.numpy:
        array_b = array_b.astype(target.numpy)
    if not isinstance(a, Tensor):
        array_a = np.asarray(array_a, dtype=target.numpy)
    if not isinstance(b, Tensor):
        array_b = np.asarray(array_b, dtype=target.numpy)
    return a, b, [array_a, array_b]


def binary(cls: type[Function], a: Operand, b: Operand, floating: bool = False, **options: Any) -> Tensor:
    a, b, arrays = promoted(a, b, floating)
    return cls.apply_to_arrays((a, b), arrays, **options)


# -- the user-facing functions --------------------------------------------------------------------
def add(a: Operand, b: Operand, *, alpha: float = 1) -> Tensor:
    return binary(AddBackward0, a, b, alpha=alpha)


def sub(a: Operand, b: Operand, *, alpha: float = 1) -> Tensor:
    return binary(SubBackward0, a, b, alpha=alpha)


def rsub(a: Tensor, other: Operand) -> Tensor:
    """``other - a`` for a Python number ``other``."""
    if isinstance(other, Tensor):
        return sub(other, a)
    return binary(RsubBackward1, a, other)


def mul(a: Operand, b: Operand) -> Tensor:
    return binary(MulBackward0, a, b)


def div(a: Operand, b: Operand, *, rounding_mode: str | None = None) -> Tensor:
    if rounding_mode == "floor":
        return floor_divide(a, b)
    if rounding_mode == "trunc":
        return Tensor._wrap(np.trunc(div(a, b)._data))
    return binary(DivBackward0, a, b, floating=True)


def rdiv(a: Tensor, other: Operand) -> Tensor:
    """``other / a``: PyTorch computes it as ``reciprocal(a) * other``."""
    if isinstance(other, Tensor):
        return div(other, a)
    if not a.is_floating_point():
        a = a.float()
    return mul(ReciprocalBackward0.apply(a), other)


def pow(a: Operand, exponent: Operand) -> Tensor:  # noqa: A001 - PyTorch's name
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
    if not exponent.is_floating_point() and isinstance(base, float):
        exponent = exponent.float()
    return PowBackward2.apply_to_arrays((base, exponent), [base, exponent._data])


def neg(a: Tensor) -> Tensor:
    return NegBackward0.apply(a)


def floor_divide(a: Operand, b: Operand) -> Tensor:
    """``a // b`` (not differentiable, as in PyTorch)."""
    _, _, arrays = promoted(a, b)
    return Tensor._wrap(np.floor_divide(*arrays))


def remainder(a: Operand, b: Operand) -> Tensor:
    _, _, arrays = promoted(a, b)
    return Tensor._wrap(np.remainder(*arrays))


def compare(ufunc: np.ufunc, a: Operand, b: Operand) -> Tensor:
    """Comparisons give bool tensors and never record a graph."""
    _, _, arrays = promoted(a, b)
    return Tensor._wrap(ufunc(*arrays))


def logical(ufunc: np.ufunc, a: Operand, b: Operand) -> Tensor:
    """``& | ^`` on bool or integer tensors."""
    _, _, arrays = promoted(a, b)
    if arrays[0].dtype.kind == "f":
        raise RuntimeError(f'"{ufunc.__name__}_cpu" not implemented for \'Float\'')
    return Tensor._wrap(ufunc(*arrays))
