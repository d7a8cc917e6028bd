"""Two-input element-wise functions: hypot, logaddexp, logaddexp2, xlogy, copysign, float_power, fmax, fmin,
ldexp and nextafter, as ``torch.*`` functions (with ``out=``) and Tensor methods (``METHODS``, in place too).

Most take two tensors only, and refuse a number in PyTorch's words; xlogy and float_power take a number on
either side, copysign as its second argument. float_power computes in float64, as PyTorch does: it records
the conversions (ToCopyBackward0) and then a power.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import dtypes
from engine.argument_errors import must_be_tensor, no_form_matches, plain_forms
from engine.functions import binary_more as nodes
from engine.functions import pointwise as pw
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.tensor import Tensor

TENSOR_FORMS = (
    "Tensor input, Tensor other, *, Tensor out = None",
    "Number self, Tensor other, *, Tensor out = None",
    "Tensor input, Number other, *, Tensor out = None",
)


def _floating_kernel(name: str, arrays: list) -> None:
    """PyTorch's refusal of integer or bool operands for a function defined on floating types only."""
    kind = arrays[0].dtype
    if kind.kind != "f":
        raise NotImplementedError(f"\"{name}_cpu\" not implemented for '{dtypes.BY_NUMPY[kind].scalar_name}'")


def _two_tensors(name: str, compute: Callable, second: str = "other") -> tuple[Callable, Callable]:
    """The torch function and the method of an op that takes two tensors, each refusing a number."""

    def function(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
        must_be_tensor(name, "input", input, 1)
        must_be_tensor(name, second, other, 2)
        return compute(input, other)

    def method(self: Tensor, other: Tensor) -> Tensor:
        must_be_tensor(name, second, other, 1)
        return compute(self, other)

    function.__name__ = function.__qualname__ = method.__name__ = name
    return accepts_out(function), method


def _floating(cls: type, name: str) -> Callable:
    """An op of two tensors defined on floating types only (hypot, logaddexp, nextafter)."""

    def compute(a: Tensor, b: Tensor) -> Tensor:
        a, b, arrays = pw.promoted(a, b)
        _floating_kernel(name, arrays)
        return cls.apply_to_arrays((a, b), arrays)

    return compute


def _any_dtype(cls: type) -> Callable:
    def compute(a: Tensor, b: Tensor) -> Tensor:
        a, b, arrays = pw.promoted(a, b)
        return cls.apply_to_arrays((a, b), arrays)

    return compute


def _ldexp(a: Tensor, exponent: Tensor) -> Tensor:
    """a·2^exponent; integer operands give float32."""
    kind = exponent._data.dtype  # an integer exponent's 2ⁿ is an integer in the backward, as in PyTorch
    return pw.binary(nodes.LdexpBackward0, a, exponent, floating=True, exponent_kind=kind)


hypot, _hypot = _two_tensors("hypot", _floating(nodes.HypotBackward0, "hypot"))
logaddexp, _logaddexp = _two_tensors("logaddexp", _floating(nodes.LogaddexpBackward0, "logaddexp"))
logaddexp2, _logaddexp2 = _two_tensors("logaddexp2", _floating(nodes.Logaddexp2Backward0, "logaddexp2"))
nextafter, _nextafter = _two_tensors("nextafter", _floating(nodes.NextafterBackward0, "nextafter"))
fmax, _fmax = _two_tensors("fmax", _any_dtype(nodes.FmaxBackward0))
fmin, _fmin = _two_tensors("fmin", _any_dtype(nodes.FminBackward0))
ldexp, _ldexp_method = _two_tensors("ldexp", _ldexp)


def _number(value: Any) -> bool:
    return isinstance(value, bool | int | float)


@accepts_out
def xlogy(input: Any, other: Any) -> Tensor:  # noqa: A002
    """input·ln(other), 0 where input is 0 (unless other is NaN); integers give float32."""
    if _number(input) and isinstance(other, Tensor):
        x, y, arrays = pw.promoted(input, other, floating=True)
        return nodes.XlogyBackward1.apply_to_arrays((y,), [arrays[1]], x=input)
    if isinstance(input, Tensor) and _number(other):
        x, y, arrays = pw.promoted(input, other, floating=True)
        return nodes.XlogyBackward2.apply_to_arrays((x,), [arrays[0]], y=other)
    if not (isinstance(input, Tensor) and isinstance(other, Tensor)):
        raise no_form_matches("xlogy", (input, other), plain_forms(*TENSOR_FORMS))
    return pw.binary(nodes.XlogyBackward0, input, other, floating=True)


@accepts_out
def copysign(input: Tensor, other: Any) -> Tensor:  # noqa: A002
    """|input| with the sign of ``other`` (a tensor or a number); integers give float32."""
    if not isinstance(input, Tensor) or not (isinstance(other, Tensor) or _number(other)):
        raise no_form_matches("copysign", (input, other), plain_forms(TENSOR_FORMS[0], TENSOR_FORMS[2]))
    if isinstance(other, Tensor):
        return pw.binary(nodes.CopysignBackward0, input, other, floating=True)
    a, _, arrays = pw.promoted(input, other, floating=True)
    return nodes.CopysignBackward1.apply_to_arrays((a,), [arrays[0]], sign=other)


def _double(value: Any) -> Any:
    """A tensor in float64 (the conversion recorded, as PyTorch records it); a number as it is."""
    return value.to(dtypes.float64) if isinstance(value, Tensor) else value


@accepts_out
def float_power(input: Any, exponent: Any) -> Tensor:  # noqa: A002
    """input to the power ``exponent``, in float64 whatever the operands' dtypes."""
    if not isinstance(input, Tensor) and not isinstance(exponent, Tensor):
        forms = tuple(form.replace("other", "exponent") for form in TENSOR_FORMS)
        raise no_form_matches("float_power", (input, exponent), plain_forms(*forms))
    base = float(input) if _number(input) else _double(input)
    return pw.pow(base, float(exponent) if _number(exponent) else _double(exponent))


def _float_power_(self: Tensor, exponent: Any) -> Tensor:
    if self.dtype is not dtypes.float64:
        raise RuntimeError(
            f"the base given to float_power_ has dtype {self.dtype.scalar_name} but the operation's result "
            "requires dtype Double"
        )
    return in_place_method(float_power)(self, exponent)


_OUT_OF_PLACE = {
    "hypot": _hypot,
    "logaddexp": _logaddexp,
    "logaddexp2": _logaddexp2,
    "nextafter": _nextafter,
    "fmax": _fmax,
    "fmin": _fmin,
    "ldexp": _ldexp_method,
    "xlogy": xlogy,
    "copysign": copysign,
}
METHODS: dict[str, Callable] = {
    **_OUT_OF_PLACE,
    **{f"{name}_": in_place_method(_OUT_OF_PLACE[name]) for name in ("hypot", "nextafter", "ldexp")},
    **{f"{name}_": in_place_method(_OUT_OF_PLACE[name]) for name in ("xlogy", "copysign")},
    "float_power": float_power,
    "float_power_": _float_power_,
}
xlogy_ = METHODS["xlogy_"]
ldexp_ = METHODS["ldexp_"]
