"""Scopes and the functions user code defines (``def``, ``lambda``, methods), callable by the engine too."""

from __future__ import annotations

import ast
from typing import Any

from app.services.sandbox.values import SANDBOX_CALLABLE_TYPES, admit


class BreakLoop(BaseException):
    """``break``: unwinds to the innermost loop."""


class ContinueLoop(BaseException):
    """``continue``: unwinds to the innermost loop."""


class ReturnValue(BaseException):
    """``return``: unwinds to the call, carrying the value."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class Scope:
    """One level of variables: the module's, or one call's; ``parent`` is where the function was defined."""

    __slots__ = ("names", "parent")

    def __init__(self, parent: Scope | None = None) -> None:
        self.names: dict[str, Any] = {}
        self.parent = parent

    def find(self, name: str) -> Scope | None:
        """The innermost scope that defines ``name``, or None."""
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope
            scope = scope.parent
        return None


class UserFunction:
    """A ``def`` or ``lambda`` of user code: a closure over its scope, run by the interpreter.

    A ``def`` in a class body is a method: ``_owner`` is its class (for ``super().__init__()``), and read
    from an instance it binds to it (``BoundMethod``), as Python's functions do.
    """

    __slots__ = ("_name", "_node", "_scope", "_defaults", "_kw_defaults", "_run", "_owner")

    def __init__(
        self,
        name: str,
        node: ast.FunctionDef | ast.Lambda,
        scope: Scope,
        defaults: list,
        kw_defaults: list,
        run: Any,
    ) -> None:
        self._name, self._node, self._scope = name, node, scope
        self._defaults, self._kw_defaults, self._run = defaults, kw_defaults, run
        self._owner: type | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._run(self, args, kwargs)

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        return self if instance is None else BoundMethod(self, instance)

    @property
    def __name__(self) -> str:
        """The function's name, as Python's functions have it (``f.__name__``)."""
        return self._name

    def __repr__(self) -> str:
        owner = "" if self._owner is None else f"{self._owner.__name__}."
        return f"<function {owner}{self._name}>"


class BoundMethod:
    """A user class's method read from an instance (``model.forward``): calling it passes the instance."""

    __slots__ = ("_function", "_instance")

    def __init__(self, function: UserFunction, instance: Any) -> None:
        self._function, self._instance = function, instance

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._function(self._instance, *args, **kwargs)

    @property
    def __name__(self) -> str:
        return self._function.__name__

    def __repr__(self) -> str:
        owner = self._function._owner
        name = self._function._name if owner is None else f"{owner.__name__}.{self._function._name}"
        return f"<bound method {name} of {self._instance!r}>"


class ModeFunction:
    """A user function under a grad-mode decorator (``@torch.no_grad()``): each call runs in that mode.

    The engine's own decorator would wrap it in a function the playground cannot hand out (it takes the
    user function's module), so the interpreter wraps it here, with the same effect.
    """

    __slots__ = ("_function", "_mode")

    def __init__(self, function: Any, mode: Any) -> None:
        self._function, self._mode = function, mode

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._mode.clone():
            return self._function(*args, **kwargs)

    @property
    def __name__(self) -> str:
        return self._function.__name__  # the decorated function's, as PyTorch's wrapper keeps it

    def __repr__(self) -> str:
        return repr(self._function)


class SandboxBuiltin:
    """A builtin the interpreter provides itself (print, type): a callable user code cannot look into."""

    __slots__ = ("_name", "_function")

    def __init__(self, name: str, function: Any) -> None:
        self._name, self._function = name, function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._function(*args, **kwargs)

    @property
    def __name__(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"<built-in function {self._name}>"


SANDBOX_CALLABLE_TYPES.update({UserFunction, BoundMethod, ModeFunction, SandboxBuiltin})


def bind_arguments(function: UserFunction, args: tuple, kwargs: dict) -> dict[str, Any]:
    """The call's local variables, bound as Python binds them; TypeError with Python's wording otherwise."""
    spec = function._node.args
    name = function._name
    positional = [a.arg for a in (*spec.posonlyargs, *spec.args)]
    bound: dict[str, Any] = {}
    for parameter, value in zip(positional, args, strict=False):
        bound[parameter] = admit(value)
    extra = args[len(positional) :]
    if extra and spec.vararg is None:
        raise TypeError(f"{name}() takes {len(positional)} positional arguments but {len(args)} were given")
    if spec.vararg is not None:
        bound[spec.vararg.arg] = tuple(admit(value) for value in extra)
    keywords = {a.arg for a in spec.kwonlyargs} | set(positional[len(spec.posonlyargs) :])
    rest: dict[str, Any] = {}
    for key, value in kwargs.items():
        if key in bound:
            raise TypeError(f"{name}() got multiple values for argument '{key}'")
        if key in keywords:
            bound[key] = admit(value)
        elif spec.kwarg is not None:
            rest[key] = admit(value)
        else:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
    first_default = len(positional) - len(function._defaults)
    for index, parameter in enumerate(positional):
        if parameter not in bound:
            if index < first_default:
                raise TypeError(f"{name}() missing required positional argument: '{parameter}'")
            bound[parameter] = function._defaults[index - first_default]
    for parameter, default in zip(spec.kwonlyargs, function._kw_defaults, strict=True):
        if parameter.arg not in bound:
            if default is _REQUIRED:
                raise TypeError(f"{name}() missing required keyword-only argument: '{parameter.arg}'")
            bound[parameter.arg] = default
    if spec.kwarg is not None:
        bound[spec.kwarg.arg] = rest
    return bound


_REQUIRED = object()  # a keyword-only parameter without a default
REQUIRED = _REQUIRED
