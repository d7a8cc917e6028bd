"""Element-wise checks and integer ops: isinf, isfinite, isposinf, isneginf, signbit, logical_not,
bitwise_not, gcd, lcm and heaviside (no gradients: bool or integer results, or PyTorch's NotImplemented
node), and nan_to_num, which records its node.

Each is a ``torch.*`` function and a Tensor method (``METHODS``, in place too where PyTorch has it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes
from engine.argument_errors import must_be_tensor
from engine.functions import pointwise as pw
from engine.functions.not_implemented import NotImplemented
from engine.functions.pointwise_more import NanToNumBackward0
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.tensor import Tensor


def _bool(data: np.ndarray) -> Tensor:
    return Tensor._wrap(np.asarray(data, dtype=np.bool_))


def isinf(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
    return _bool(np.isinf(input._data))


def isfinite(input: Tensor) -> Tensor:  # noqa: A002
    return _bool(np.isfinite(input._data))


def isposinf(input: Tensor) -> Tensor:  # noqa: A002
    return _bool(
        np.isposinf(input._data) if input._data.dtype.kind == "f" else np.zeros_like(input._data, bool)
    )


def isneginf(input: Tensor) -> Tensor:  # noqa: A002
    return _bool(
        np.isneginf(input._data) if input._data.dtype.kind == "f" else np.zeros_like(input._data, bool)
    )


def signbit(input: Tensor) -> Tensor:  # noqa: A002
    """Whether the sign bit is set: true for -0.0 and negative NaNs too."""
    data = input._data
    return _bool(np.signbit(data) if data.dtype.kind == "f" else data < 0)


def nan_to_num(
    input: Tensor,  # noqa: A002
    nan: float = 0.0,
    posinf: float | None = None,
    neginf: float | None = None,
) -> Tensor:
    """NaN, +inf and -inf replaced (by default with 0 and the dtype's largest and smallest finite values)."""
    if input._data.dtype.kind != "f":  # nothing to replace: a copy
        return Tensor._wrap(input._data.copy())
    return NanToNumBackward0.apply(input, nan=nan, posinf=posinf, neginf=neginf)


def logical_not(input: Tensor) -> Tensor:  # noqa: A002
    return _bool(np.logical_not(input._data))


def bitwise_not(input: Tensor) -> Tensor:  # noqa: A002
    data = input._data
    if data.dtype.kind == "f":
        raise NotImplementedError(f"\"bitwise_not_cpu\" not implemented for '{input.dtype.scalar_name}'")
    return Tensor._wrap(np.invert(data))


def _integer_pair(name: str, ufunc: np.ufunc) -> tuple[Callable, Callable]:
    """gcd and lcm: of integer tensors only (bools promote with integers, not with each other)."""

    def compute(a: Tensor, b: Tensor) -> Tensor:
        _, _, arrays = pw.promoted(a, b)
        kind = arrays[0].dtype
        if kind.kind not in "iu":
            scalar_name = dtypes.BY_NUMPY[kind].scalar_name
            raise NotImplementedError(f"\"{name}_cpu\" not implemented for '{scalar_name}'")
        return Tensor._wrap(np.asarray(ufunc(*arrays), dtype=kind))

    def function(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002
        must_be_tensor(name, "input", input, 1)
        must_be_tensor(name, "other", other, 2)
        return compute(input, other)

    def method(self: Tensor, other: Tensor) -> Tensor:
        must_be_tensor(name, "other", other, 1)
        return compute(self, other)

    function.__name__ = function.__qualname__ = method.__name__ = name
    return accepts_out(function), method


gcd, _gcd = _integer_pair("gcd", np.gcd)
lcm, _lcm = _integer_pair("lcm", np.lcm)


def _heaviside(a: Tensor, values: Tensor) -> Tensor:
    """0 where a < 0, ``values`` where a == 0, 1 where a > 0 (NaN: 0); no derivative in PyTorch."""
    if a.dtype is not values.dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    a, values, arrays = pw.promoted(a, values)
    x, at_zero = arrays

    def step() -> np.ndarray:
        return np.where(x == 0, at_zero, x > 0).astype(x.dtype)

    return NotImplemented.apply_to_arrays((a, values), arrays, compute=step, op="heaviside")


@accepts_out
def heaviside(input: Tensor, values: Tensor) -> Tensor:  # noqa: A002
    must_be_tensor("heaviside", "input", input, 1)
    must_be_tensor("heaviside", "values", values, 2)
    return _heaviside(input, values)


def _heaviside_method(self: Tensor, values: Any) -> Tensor:
    must_be_tensor("heaviside", "values", values, 1)
    return _heaviside(self, values)


_ONE_INPUT = {"logical_not": logical_not, "bitwise_not": bitwise_not, "nan_to_num": nan_to_num}
METHODS: dict[str, Callable] = {
    "isinf": isinf,
    "isfinite": isfinite,
    "isposinf": isposinf,
    "isneginf": isneginf,
    "signbit": signbit,
    **_ONE_INPUT,
    **{f"{name}_": in_place_method(function) for name, function in _ONE_INPUT.items()},
    "gcd": _gcd,
    "gcd_": in_place_method(_gcd),
    "lcm": _lcm,
    "lcm_": in_place_method(_lcm),
    "heaviside": _heaviside_method,
    "heaviside_": in_place_method(_heaviside_method),
}
# the torch.* forms: with out= where PyTorch has it; torch.nan_to_num_, gcd_ and lcm_ work in place
isposinf, isneginf, signbit, logical_not, bitwise_not = (
    accepts_out(function) for function in (isposinf, isneginf, signbit, logical_not, bitwise_not)
)
_nan_to_num_out = accepts_out(nan_to_num)


def nan_to_num(input: Tensor, *args: Any, out: Tensor | None = None, **kwargs: Any) -> Tensor:  # noqa: A002
    """``torch.nan_to_num``, whose ``out`` must have the input's dtype (no casting, unlike other ops)."""
    if out is not None and out.dtype is not input.dtype:
        scalar_names = out.dtype.scalar_name, input.dtype.scalar_name
        raise RuntimeError("nan_to_num: dtype of out: {} should be same as input: {}".format(*scalar_names))
    return _nan_to_num_out(input, *args, out=out, **kwargs)


nan_to_num_, gcd_, lcm_ = METHODS["nan_to_num_"], METHODS["gcd_"], METHODS["lcm_"]
