"""The importable modules (torch and its parts, math) as read-only proxies of their public members."""

from __future__ import annotations

import math
import types
from typing import Any

from app.services.sandbox.torch_modules import TORCH_NAMES
from app.services.sandbox.values import SAFE_FUNCTIONS, ModuleProxy, Opaque, admit

# engine members no snippet may reach: the graph observers, the backward loop, numpy's memory, the
# notebook drawing helper (it reads its caller's frame; the playground draws graphs itself), and the engine's
# own helpers that its modules import (present_as renames a class for good: one snippet could make nn.Linear
# unusable for every later run in its process)
HIDDEN_MEMBERS = frozenset(
    {
        "present_as",
        "reduce_object",
        "accepts_out",
        "observe_backward",
        "observe_forward",
        "notify_forward",
        "run_backward",
        "sequence_number",
        "from_numpy",
        "draw",
        "save",  # files: refused by name, with advice (allowlist.ATTRIBUTE_ADVICE)
        "load",
    }
)


def module_proxy(module: types.ModuleType, name: str, cache: dict[str, ModuleProxy]) -> ModuleProxy:
    """The proxy of an engine module: public members admitted once; known submodules as proxies too."""
    if name in cache:
        return cache[name]
    members: dict[str, Any] = {}
    cache[name] = ModuleProxy(name, members)
    for member_name, member in vars(module).items():
        if member_name.startswith("_") or member_name in HIDDEN_MEMBERS:
            continue
        if isinstance(member, types.ModuleType):
            if member.__name__ in TORCH_NAMES:
                members[member_name] = module_proxy(member, TORCH_NAMES[member.__name__], cache)
            continue
        admitted = admit(member)
        if not isinstance(admitted, Opaque):
            members[member_name] = admitted
    return cache[name]


def _checked_factorial(n: int) -> int:
    if isinstance(n, int) and n > 2000:
        raise ValueError("factorial() argument is too large for the playground (at most 2000)")
    return math.factorial(n)


MATH_NAMES = (
    "pi",
    "e",
    "tau",
    "inf",
    "nan",
    "sqrt",
    "exp",
    "log",
    "log2",
    "log10",
    "log1p",
    "expm1",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "sinh",
    "cosh",
    "tanh",
    "floor",
    "ceil",
    "trunc",
    "fabs",
    "isclose",
    "isfinite",
    "isinf",
    "isnan",
    "pow",
    "hypot",
    "degrees",
    "radians",
    "copysign",
    "fsum",
    "gcd",
    "erf",
    "gamma",
    "lgamma",
)


def math_proxy() -> ModuleProxy:
    """The ``math`` module's numeric functions and constants (factorial bounded)."""
    members = {name: getattr(math, name) for name in MATH_NAMES}
    members["factorial"] = _checked_factorial
    SAFE_FUNCTIONS.update(id(value) for value in members.values() if callable(value))
    return ModuleProxy("math", members)
