"""Element-wise ops that bound or blend tensors: reciprocal, clamp_min/clamp_max, addcmul/addcdiv, lerp and
threshold, and the method form of ``where``.

Each is a ``torch.*`` function (with ``out=`` where PyTorch has it) and a Tensor method (``METHODS``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes, math_ops
from engine.argument_errors import must_be_tensor, no_form_matches, plain_forms
from engine.functions import pointwise as pw
from engine.functions import pointwise_more as nodes
from engine.functions import unary
from engine.functions.power import ReciprocalBackward0
from engine.functions.promotion import _check_broadcast
from engine.in_place_ops import in_place, in_place_method
from engine.out_arg import accepts_out
from engine.product_ops import _C_NAMES
from engine.tensor import Tensor


def reciprocal(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
    """1/x (integers give float32); ``1 / x`` records a product with it instead, as in PyTorch."""
    return unary.unary(ReciprocalBackward0, input)


def _where_method(self: Tensor, condition: Tensor, other: Any) -> Tensor:
    """``x.where(condition, y)``: ``torch.where(condition, x, y)``."""
    return math_ops.where(condition, self, other)


# -- clamp_min, clamp_max -----------------------------------------------------------------------------
def _bounded(by_number: type, by_tensor: type, input: Tensor, bound: Any) -> Tensor:  # noqa: A002
    if not isinstance(bound, Tensor | int | float):
        name, side = ("clamp_min", "min") if by_number is nodes.ClampMinBackward0 else ("clamp_max", "max")
        forms = tuple(f"Tensor input, {kind} {side}, *, Tensor out = None" for kind in ("Tensor", "Number"))
        raise no_form_matches(name, (input, bound), plain_forms(*forms))
    if isinstance(bound, Tensor):
        a, b, arrays = pw.promoted(input, bound)
        return by_tensor.apply_to_arrays((a, b), arrays)
    target = dtypes.result_type([input, bound])
    if target is not input.dtype:  # an integer tensor with a float bound gives floats, as in PyTorch
        input = math_ops.to(input, target)
    option = "low" if by_number is nodes.ClampMinBackward0 else "high"
    return by_number.apply(input, **{option: bound})


@accepts_out
def clamp_min(input: Tensor, min: Any) -> Tensor:  # noqa: A002
    """The larger of each element and ``min`` (a number or a tensor)."""
    return _bounded(nodes.ClampMinBackward0, nodes.ClampMinBackward1, input, min)


@accepts_out
def clamp_max(input: Tensor, max: Any) -> Tensor:  # noqa: A002
    """The smaller of each element and ``max`` (a number or a tensor)."""
    return _bounded(nodes.ClampMaxBackward0, nodes.ClampMaxBackward1, input, max)


def _clamp_in_place(function: Callable) -> Callable:
    """``x.clamp_(...)`` and kin, with PyTorch's message when number bounds would change an integer tensor's
    dtype (it names the C++ type: "long int")."""

    def method(self: Tensor, *bounds: Any, **named: Any) -> Tensor:
        numbers = [b for b in (*bounds, *named.values()) if isinstance(b, int | float)]
        target = dtypes.result_type([self, *numbers])
        if numbers and target.category > self.dtype.category:
            raise RuntimeError(
                f"result type {target.scalar_name} can't be cast to the desired output type "
                f"{_C_NAMES[self.dtype.name]}"
            )
        return in_place(self, function, *bounds, **named)

    return method


# -- addcmul, addcdiv, lerp ---------------------------------------------------------------------------
def _three(
    name: str, first: Tensor, second: Tensor, third: Tensor, names: tuple = ("input", "tensor1", "tensor2")
) -> tuple[dtypes.dtype, list[np.ndarray]]:
    """The result dtype of three tensors and their arrays in it, after PyTorch's type and shape checks."""
    for position, (argument, value) in enumerate(zip(names, (first, second, third), strict=True), start=1):
        must_be_tensor(name, argument, value, position)
    shape = first._data.shape
    for other in (second, third):
        _check_broadcast(np.broadcast_to(np.empty(()), shape), other._data)
        shape = np.broadcast_shapes(shape, other._data.shape)
    target = dtypes.result_type([first, second, third])
    return target, [t._data.astype(target.numpy, copy=False) for t in (first, second, third)]


@accepts_out
def addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value: Any = 1) -> Tensor:  # noqa: A002
    """input + value·tensor1·tensor2."""
    target, arrays = _three("addcmul", input, tensor1, tensor2)
    if target is dtypes.bool_:
        raise NotImplementedError("\"addcmul_cpu_out\" not implemented for 'Bool'")
    number = target.numpy.type(value)  # in the result's dtype: an integer result takes int(value)
    return nodes.AddcmulBackward0.apply_to_arrays((input, tensor1, tensor2), arrays, value=number)


ADDCDIV_OF_INTEGERS = (
    "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a "
    "true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + "
    "value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * "
    "tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: "
    "(input + value * tensor1 / tensor2), for all dtypes."
)


@accepts_out
def addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value: Any = 1) -> Tensor:  # noqa: A002
    """input + value·tensor1/tensor2 (a true division: integer tensor1 and tensor2 are refused)."""
    target, arrays = _three("addcdiv", input, tensor1, tensor2)
    if tensor1._data.dtype.kind in "biu" and tensor2._data.dtype.kind in "biu":
        raise RuntimeError(ADDCDIV_OF_INTEGERS)
    return nodes.AddcdivBackward0.apply_to_arrays(
        (input, tensor1, tensor2), arrays, value=target.numpy.type(value)
    )


def _same_dtype(input: Tensor, other: Tensor, name: str) -> None:  # noqa: A002
    if other.dtype is not input.dtype:
        wanted, got = _C_NAMES[input.dtype.name], _C_NAMES[other.dtype.name]
        raise RuntimeError(f"expected dtype {wanted} for `{name}` but got dtype {got}")


@accepts_out
def lerp(input: Tensor, end: Tensor, weight: Any) -> Tensor:  # noqa: A002
    """input + weight·(end - input); ``end`` (and a weight tensor of one or more dimensions) must have
    input's dtype, which must be floating."""
    if not (
        isinstance(input, Tensor) and isinstance(end, Tensor) and isinstance(weight, Tensor | int | float)
    ):
        forms = tuple(
            f"Tensor input, Tensor end, {kind} weight, *, Tensor out = None" for kind in ("Tensor", "Number")
        )
        raise no_form_matches("lerp", (input, end, weight), plain_forms(*forms))
    _same_dtype(input, end, "end")
    number = not isinstance(weight, Tensor)
    if not number and weight._data.ndim:
        _same_dtype(input, weight, "weight")
    if not input.is_floating_point():
        kernel = "lerp_kernel_scalar" if number else "lerp_kernel_tensor"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{input.dtype.scalar_name}'")
    if number:
        _check_broadcast(input._data, end._data)
        return nodes.LerpBackward0.apply(input, end, weight=weight)
    _three("lerp", input, end, weight, ("input", "end", "weight"))
    return nodes.LerpBackward1.apply(input, end, weight)


# -- threshold ------------------------------------------------------------------------------------------
def _thresholded(input: Tensor, threshold: float, value: float) -> Tensor:  # noqa: A002
    if input._data.dtype == np.bool_:
        raise NotImplementedError("\"threshold_cpu\" not implemented for 'Bool'")
    return nodes.ThresholdBackward0.apply(input, threshold=threshold, value=value)


def threshold(input: Tensor, threshold: float, value: float, inplace: bool = False) -> Tensor:  # noqa: A002
    """``input`` above ``threshold``, ``value`` elsewhere (``torch.threshold``, ``F.threshold``)."""
    if inplace:
        return in_place(input, _thresholded, threshold, value)
    return _thresholded(input, threshold, value)


def threshold_(input: Tensor, threshold: float, value: float) -> Tensor:  # noqa: A002
    return in_place(input, _thresholded, threshold, value)


METHODS: dict[str, Callable] = {
    "reciprocal": reciprocal,
    "reciprocal_": in_place_method(reciprocal),
    "where": _where_method,
    "clamp_min": clamp_min,
    "clamp_max": clamp_max,
    "clamp_min_": _clamp_in_place(clamp_min),
    "clamp_max_": _clamp_in_place(clamp_max),
    "clamp_": _clamp_in_place(math_ops.clamp),
    "clip_": _clamp_in_place(math_ops.clamp),
    "addcmul": addcmul,
    "addcmul_": in_place_method(addcmul),
    "addcdiv": addcdiv,
    "addcdiv_": in_place_method(addcdiv),
    "lerp": lerp,
    "lerp_": in_place_method(lerp),
}
reciprocal = accepts_out(reciprocal)
reciprocal_, clamp_, clamp_min_, clamp_max_ = (
    METHODS[name] for name in ("reciprocal_", "clamp_", "clamp_min_", "clamp_max_")
)
clip_ = clamp_
