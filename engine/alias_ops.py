"""PyTorch's other names for ops the engine has (absolute, arccos, greater, fix, ...), and the in-place and
``torch.*`` forms it lacked (square_, negative_, frac_, ...). An alias records its original's node, as in
PyTorch: ``torch.absolute(x)`` gives AbsBackward0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import extra_ops, methods, special_ops, tensor_extra_ops, torch_functions
from engine.functions import pointwise as pw
from engine.in_place_ops import in_place_method
from engine.tensor import Tensor


def positive(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
    """The tensor itself (``+x``); refused for bools, as in PyTorch."""
    if input.dtype.name == "bool":
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return input


def _subtract(self: Tensor, other: Any, *, alpha: Any = 1) -> Tensor:
    return pw.sub(self, other, alpha=alpha)


def _method(name: str) -> Callable:
    """The Tensor method ``name``, as a function of the tensor (looked up when called)."""
    return lambda self, *args, **kwargs: getattr(self, name)(*args, **kwargs)


# other names of methods: each calls the original (so it records the original's node)
_RENAMED_METHODS = {
    "absolute": "abs",
    "absolute_": "abs_",
    "arccos": "acos",
    "arccos_": "acos_",
    "arcsin": "asin",
    "arcsin_": "asin_",
    "arctan": "atan",
    "arctan_": "atan_",
    "arctan2": "atan2",
    "arctan2_": "atan2_",
    "arccosh": "acosh",
    "arccosh_": "acosh_",
    "arcsinh": "asinh",
    "arcsinh_": "asinh_",
    "arctanh": "atanh",
    "arctanh_": "atanh_",
    "fix": "trunc",
    "fix_": "trunc_",
    "greater": "gt",
    "greater_equal": "ge",
    "less": "lt",
    "less_equal": "le",
    "not_equal": "ne",
    "multiply_": "mul_",
    "divide_": "div_",
    "true_divide_": "div_",
    "ger": "outer",  # deprecated in PyTorch, still in old tutorials
}
METHODS: dict[str, Callable] = {
    **{alias: _method(original) for alias, original in _RENAMED_METHODS.items()},
    "positive": positive,
    "__pos__": positive,
    "subtract": _subtract,
    "subtract_": in_place_method(_subtract),
    "square_": in_place_method(methods.METHODS["square"]),
    "negative_": in_place_method(pw.neg),
}

# the torch.* forms
absolute = torch_functions.abs
arccos, arcsin, arctan = extra_ops.acos, extra_ops.asin, extra_ops.atan
arctan2 = extra_ops.atan2
arccosh, arcsinh, arctanh = special_ops.acosh, special_ops.asinh, special_ops.atanh
arccos_, arcsin_, arctan_ = _method("acos_"), _method("asin_"), _method("atan_")
arccosh_, arcsinh_, arctanh_ = special_ops.acosh_, special_ops.asinh_, special_ops.atanh_
greater, greater_equal, less, less_equal = extra_ops.gt, extra_ops.ge, extra_ops.lt, extra_ops.le
not_equal = extra_ops.ne
ger = tensor_extra_ops.outer
fix, fix_ = extra_ops.trunc, _method("trunc_")
frac_, trunc_ = _method("frac_"), _method("trunc_")
square_, negative_ = _method("square_"), _method("negative_")
