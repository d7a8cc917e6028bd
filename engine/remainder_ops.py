"""``remainder`` (``%``), ``floor_divide`` (``//``) and ``torch.rsub``, with their reflected and in-place
operators, as PyTorch records them.

``x % y`` has a gradient (RemainderBackward0/1); ``number % x`` and any ``//`` record PyTorch's
NotImplemented node, through which backward fails. Integer division by zero is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes
from engine.argument_errors import no_form_matches, plain_forms
from engine.functions import pointwise as pw
from engine.functions import pointwise_more as nodes
from engine.functions.not_implemented import NotImplemented
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.tensor import Tensor


def _integer_checks(kernel: str, arrays: list) -> None:
    """PyTorch refuses bool operands and an integer divisor of zero."""
    kind = arrays[0].dtype
    if kind == np.bool_:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dtypes.BY_NUMPY[kind].scalar_name}'")
    if kind.kind in "iu" and not np.all(arrays[1]):
        raise RuntimeError("ZeroDivisionError")


def _without_derivative(op: str, ufunc: np.ufunc, a: Any, b: Any, arrays: list) -> Tensor:
    """``ufunc`` of the operands, recorded (when a tensor operand wants a gradient) as PyTorch's
    NotImplemented node, with an edge to each tensor operand."""

    def compute() -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):  # x // 0.0 is ±inf or NaN, silently
            return ufunc(*arrays)

    tensors = tuple(value for value in (a, b) if isinstance(value, Tensor))
    given = [array for value, array in zip((a, b), arrays, strict=True) if isinstance(value, Tensor)]
    return NotImplemented.apply_to_arrays(tensors, given, compute=compute, op=op)


def remainder(input: Any, other: Any) -> Tensor:  # noqa: A002 - PyTorch's argument name
    """The remainder of a division rounded down, so with the divisor's sign (Python's ``%``)."""
    a, b, arrays = pw.promoted(input, other)
    _integer_checks("remainder_cpu", arrays)
    if not isinstance(a, Tensor):  # number % tensor: no derivative in PyTorch
        return _without_derivative("remainder", nodes.remainder, a, b, arrays)
    if isinstance(b, Tensor):
        return nodes.RemainderBackward1.apply_to_arrays((a, b), arrays)
    return nodes.RemainderBackward0.apply_to_arrays((a,), [arrays[0]], divisor=arrays[1])


def floor_divide(input: Any, other: Any) -> Tensor:  # noqa: A002
    """The quotient rounded down; no derivative in PyTorch (its NotImplemented node)."""
    a, b, arrays = pw.promoted(input, other)
    _integer_checks("div_floor_cpu", arrays)
    return _without_derivative("floor_divide", np.floor_divide, a, b, arrays)


def rsub(input: Tensor, other: Any, *, alpha: Any = 1) -> Tensor:  # noqa: A002
    """other - alpha·input (``torch.rsub``; ``number - x`` records the node of ``torch.rsub(x, number)``)."""
    if not isinstance(input, Tensor):
        forms = (
            "Tensor input, Tensor other, *, Number alpha = 1",
            "Tensor input, Number other, Number alpha = 1",
        )
        raise no_form_matches("rsub", (input, other), plain_forms(*forms))
    if not isinstance(other, Tensor):
        return pw.rsub(input, other, alpha=alpha)
    pw._refuse_bool_subtraction(input, other)
    a, b, arrays = pw.promoted(input, other)
    return nodes.RsubBackward0.apply_to_arrays((a, b), arrays, alpha=alpha)


def _reflected(function: Callable) -> Callable:
    return lambda self, other: function(other, self)


METHODS: dict[str, Callable] = {
    "remainder": remainder,
    "remainder_": in_place_method(remainder),
    "floor_divide": floor_divide,
    "floor_divide_": in_place_method(floor_divide),
    "__mod__": remainder,
    "__rmod__": _reflected(remainder),
    "__imod__": in_place_method(remainder),
    "__floordiv__": floor_divide,
    "__rfloordiv__": _reflected(floor_divide),
    "__ifloordiv__": in_place_method(floor_divide),
}
remainder = accepts_out(remainder)
floor_divide = accepts_out(floor_divide)
