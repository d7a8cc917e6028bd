"""Which values user code may hold: every value the interpreter produces passes ``admit`` first.

Allowed: Python's plain data (numbers, strings, containers, their iterators), the engine's objects and
functions, and the interpreter's own wrappers. Anything else — numpy arrays and types, modules, frames,
generators, other libraries' functions — is replaced by an ``Opaque`` placeholder that can be printed but
not used, so nothing outside the engine's public API is ever reachable.
"""

from __future__ import annotations

import types
from collections import OrderedDict
from typing import Any

import numpy as np

import engine
from app.services.sandbox.allowlist import FORBIDDEN_ATTRIBUTES, NAME_ATTRIBUTE
from app.services.sandbox.errors import UnsupportedError


class Opaque:
    """Stands for a value the playground does not hand out (a numpy array, a module ...)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"<{self.kind} (not available in the playground)>"


class SafeIterator:
    """An iterator without a frame to reach through (unlike a generator's gi_frame)."""

    __slots__ = ("_source",)

    def __init__(self, source: Any) -> None:
        self._source = iter(source)

    def __iter__(self) -> SafeIterator:
        return self

    def __next__(self) -> Any:
        return admit(next(self._source))

    def __repr__(self) -> str:
        return "<generator object>"


class ModuleProxy:
    """A read-only view of a module: its public members, nothing assignable."""

    __slots__ = ("name", "members")

    def __init__(self, name: str, members: dict[str, Any]) -> None:
        self.name = name
        self.members = members

    def __repr__(self) -> str:
        return f"<module '{self.name}'>"


_EMPTY: dict = {}
_ORDERED: OrderedDict = OrderedDict()  # a state_dict's: its keys(), values() and items() are views of its own
ITERATOR_TYPES = frozenset(
    type(value)
    for value in (
        iter(_ORDERED),
        _ORDERED.keys(),
        _ORDERED.values(),
        _ORDERED.items(),
        reversed(_ORDERED),
        iter([]),
        iter(()),
        iter(range(0)),
        iter(set()),
        iter(""),
        iter(_EMPTY),
        iter(_EMPTY.values()),
        iter(_EMPTY.items()),
        reversed([]),
        reversed(range(0)),
        reversed(_EMPTY),
        _EMPTY.keys(),
        _EMPTY.values(),
        _EMPTY.items(),
        iter(list, 0),
        enumerate(()),
        zip(),
        map(abs, ()),
        filter(None, ()),
    )
)
# Python's data classes: user code may hold their instances and call the classes themselves
DATA_CLASSES = frozenset(
    {bool, int, float, complex, str, list, tuple, dict, set, frozenset, range, slice, OrderedDict}
)
PLAIN_TYPES = DATA_CLASSES | {type(None), type(Ellipsis), Opaque, SafeIterator, ModuleProxy} | ITERATOR_TYPES
# the exceptions user code may name in ``except`` (and make, print, compare): Python's ordinary ones
EXCEPTION_CLASSES = frozenset(
    {
        Exception,
        ArithmeticError,
        AssertionError,
        AttributeError,
        ImportError,
        IndexError,
        KeyError,
        LookupError,
        NameError,
        NotImplementedError,
        OverflowError,
        RuntimeError,
        StopIteration,
        TypeError,
        ValueError,
        ZeroDivisionError,
    }
)
# type(None) too, so that print(type(x.grad)) shows <class 'NoneType'>: calling it only gives None
SAFE_CLASSES = DATA_CLASSES | EXCEPTION_CLASSES | {enumerate, zip, reversed, map, filter, type(None)}
SANDBOX_CALLABLE_TYPES: set[type] = (
    set()
)  # the interpreter's own callables (user functions), registered later
SAFE_FUNCTIONS: set[int] = set()  # ids of allowed C functions bound to a module (builtins, math)
USER_CLASSES: set[type] = set()  # the classes user code defined (models, datasets): their instances too


def _from_engine(thing: Any) -> bool:
    """Defined by the engine (whose public classes call their module "torch", as PyTorch's do)."""
    module = str(getattr(thing, "__module__", "") or "")
    return module.split(".")[0] in ("engine", "torch")


def admit(value: Any) -> Any:
    """``value`` itself when user code may hold it, else a placeholder (numpy scalars become numbers)."""
    kind = type(value)
    if kind in PLAIN_TYPES or kind in SANDBOX_CALLABLE_TYPES:
        return value
    if isinstance(value, np.generic) and isinstance(value, (np.bool_, np.integer, np.floating)):
        return value.item()
    if isinstance(value, types.ModuleType):
        return Opaque(f"module '{value.__name__}'")
    if isinstance(value, types.GeneratorType):
        return SafeIterator(value)
    if kind in USER_CLASSES or kind in EXCEPTION_CLASSES:
        return value
    if isinstance(value, type):
        if value in SAFE_CLASSES or value in USER_CLASSES or _from_engine(value):
            return value
        return Opaque(f"class {value.__name__}")
    if kind is types.FunctionType:
        return (
            value
            if _from_engine(value) or id(value) in SAFE_FUNCTIONS
            else Opaque(f"function {value.__qualname__}")
        )
    if kind is types.MethodType:
        return value if _from_engine(value.__func__) else Opaque("method")
    if kind is types.BuiltinFunctionType:
        bound = value.__self__
        return (
            value
            if id(value) in SAFE_FUNCTIONS or not isinstance(bound, types.ModuleType)
            else Opaque(f"function {value.__name__}")
        )
    if kind in (types.MethodDescriptorType, types.ClassMethodDescriptorType):
        return value if value.__objclass__ in SAFE_CLASSES else Opaque(f"method {value.__name__}")
    if _from_engine(kind):
        return value
    return Opaque(f"{kind.__module__}.{kind.__qualname__}")


def get_attribute(value: Any, name: str) -> Any:
    """``value.name`` for user code: public attributes only, of values it may hold, and ``__name__``."""
    if name == NAME_ATTRIBUTE:
        return name_of(value)
    if name.startswith("_") or name in FORBIDDEN_ATTRIBUTES:
        raise UnsupportedError(f"attribute '{name}' is not available in the playground")
    if isinstance(value, ModuleProxy):
        if name not in value.members:
            raise AttributeError(f"module '{value.name}' has no attribute '{name}'")
        return value.members[name]
    if isinstance(value, Opaque):
        raise UnsupportedError(f"{value!r} cannot be used")
    return admit(getattr(value, name))


def name_of(value: Any) -> str:
    """``value.__name__``: the name of a class, function or module user code holds, as Python gives it; an
    AttributeError, as Python's, for a value without one (a tensor, a number). Only ever a string."""
    if isinstance(value, ModuleProxy):
        return value.name
    if isinstance(value, Opaque):
        raise UnsupportedError(f"{value!r} cannot be used")
    name = getattr(value, NAME_ATTRIBUTE, None)
    if not isinstance(name, str):
        raise AttributeError(f"'{type(value).__name__}' object has no attribute '{NAME_ATTRIBUTE}'")
    return name


ASSIGNABLE = (engine.Tensor, engine.nn.Module, engine.optim.Optimizer, engine.utils.data.Dataset)


def set_attribute(target: Any, name: str, value: Any) -> None:
    """``target.name = value`` for user code: on tensors, modules, optimizers and datasets only."""
    if name.startswith("_") or name in FORBIDDEN_ATTRIBUTES:
        raise UnsupportedError(f"attribute '{name}' is not available in the playground")
    if not isinstance(target, ASSIGNABLE) or isinstance(target, type):
        raise UnsupportedError(
            f"attributes of {type(target).__name__} objects cannot be assigned "
            "(only those of tensors, modules, optimizers and datasets)"
        )
    setattr(target, name, value)
