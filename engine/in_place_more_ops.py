"""The rest of PyTorch's in-place forms: comparisons (``x.gt_(0)``: 1 or 0 in x's own dtype, with a node of
zero gradient), logical and bitwise ops, ``tril_``, ``triu_``, ``cumsum_``, ``cumprod_``; and the ``torch.``
functions of in-place methods (``torch.neg_(x)`` is ``x.neg_()``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import extra_ops, tensor_extra_ops
from engine.functions import compare_in_place as nodes
from engine.functions import promotion
from engine.in_place_ops import in_place, in_place_method
from engine.tensor import Tensor

# each comparison's nodes: against a number, against a tensor
COMPARISONS = {
    "gt": (nodes.GtBackward0, nodes.GtBackward1),
    "ge": (nodes.GeBackward0, nodes.GeBackward1),
    "lt": (nodes.LtBackward0, nodes.LtBackward1),
    "le": (nodes.LeBackward0, nodes.LeBackward1),
    "eq": (nodes.EqBackward0, nodes.EqBackward1),
    "ne": (nodes.NeBackward0, nodes.NeBackward1),
}
ALIASES = {"greater": "gt", "greater_equal": "ge", "less": "lt", "less_equal": "le", "not_equal": "ne"}
# methods whose torch. function PyTorch also has (torch.neg_(x) and kin)
TORCH_IN_PLACE = (
    "abs_ acos_ asin_ atan_ ceil_ cos_ cosh_ detach_ erf_ exp_ expm1_ fill_ floor_ log_ log10_ log1p_ "
    "log2_ neg_ relu_ round_ rsqrt_ sigmoid_ sin_ sinh_ sqrt_ tan_ tanh_ zero_"
).split()


def _comparison(name: str) -> Callable:
    by_number, by_tensor = COMPARISONS[name]

    def compare(self: Tensor, other: Any) -> Tensor:
        """``self`` becomes 1 where the comparison holds, 0 elsewhere (a node of zero gradient)."""
        if isinstance(other, Tensor):
            promotion._check_broadcast(other._data, self._data)
            return in_place(self, lambda a, b: by_tensor.apply(a, b), other)
        return in_place(self, lambda a: by_number.apply(a, other=other))

    compare.__name__ = compare.__qualname__ = f"{name}_"
    return compare


def _torch_function(method: str) -> Callable:
    def function(input: Tensor, *args: Any, **kwargs: Any) -> Tensor:  # noqa: A002 - PyTorch's names
        return getattr(input, method)(*args, **kwargs)

    function.__name__ = function.__qualname__ = method
    return function


METHODS: dict[str, Callable] = {f"{name}_": _comparison(name) for name in COMPARISONS}
METHODS.update({f"{alias}_": METHODS[f"{name}_"] for alias, name in ALIASES.items()})
METHODS.update(
    {
        f"{name}_": in_place_method(getattr(extra_ops, name))
        for name in ("logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor")
    }
)
METHODS.update(
    {
        "tril_": in_place_method(tensor_extra_ops.tril),
        "triu_": in_place_method(tensor_extra_ops.triu),
        "cumsum_": in_place_method(extra_ops.cumsum),
        "cumprod_": in_place_method(extra_ops.cumprod),
    }
)
FUNCTIONS = {name: _torch_function(name) for name in TORCH_IN_PLACE}
