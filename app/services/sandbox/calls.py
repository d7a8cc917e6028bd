"""Calls: user functions (``def``, ``lambda``) and calls into the engine; a frame at each ``backward()``."""

from __future__ import annotations

import ast
from typing import Any

import engine
from app import config
from app.services.sandbox import values
from app.services.sandbox.errors import LimitExceeded, UnsupportedError
from app.services.sandbox.functions import (
    REQUIRED,
    BreakLoop,
    ContinueLoop,
    ReturnValue,
    Scope,
    UserFunction,
    bind_arguments,
)


class Calls:
    """The call half of the interpreter (mixed into ``Interpreter``)."""

    budget: Any
    frames: Any
    globals: Scope
    depth: int

    def exec_FunctionDef(self, node: ast.FunctionDef, scope: Scope) -> None:
        scope.names[node.name] = self.make_function(node.name, node, scope)

    def eval_Lambda(self, node: ast.Lambda, scope: Scope) -> UserFunction:
        return self.make_function("<lambda>", node, scope)

    def make_function(self, name: str, node: ast.FunctionDef | ast.Lambda, scope: Scope) -> UserFunction:
        """A ``def`` or ``lambda`` as a closure over ``scope``, its defaults evaluated now."""
        defaults = [self.eval(default, scope) for default in node.args.defaults]
        kw_defaults = [REQUIRED if d is None else self.eval(d, scope) for d in node.args.kw_defaults]
        return UserFunction(name, node, scope, defaults, kw_defaults, self.call_user)

    def call_user(self, function: UserFunction, args: tuple, kwargs: dict) -> Any:
        """Run a user function (called from user code, or back from the engine: hooks, key=...)."""
        if self.depth >= config.SANDBOX_MAX_CALL_DEPTH:
            raise LimitExceeded(
                "SANDBOX_MAX_CALL_DEPTH",
                f"calls are nested more than {config.SANDBOX_MAX_CALL_DEPTH} deep (a recursion without end?)",
            )
        self.budget.step(function._node)
        local = Scope(function._scope)
        local.names.update(bind_arguments(function, args, kwargs))
        self.depth += 1
        try:
            if isinstance(function._node, ast.Lambda):
                return self.eval(function._node.body, local)
            self.block(function._node.body, local)
        except ReturnValue as returned:
            return returned.value
        except (BreakLoop, ContinueLoop):
            raise SyntaxError("'break' or 'continue' outside loop") from None
        finally:
            self.depth -= 1
        return None

    def eval_Call(self, node: ast.Call, scope: Scope) -> Any:
        function = self.eval(node.func, scope)
        args = self.items(node.args, scope)
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                kwargs.update(self.eval(keyword.value, scope))
            else:
                kwargs[keyword.arg] = self.eval(keyword.value, scope)
        return self.call(function, args, kwargs, node, scope)

    def call(self, function: Any, args: list, kwargs: dict, node: ast.Call, scope: Scope) -> Any:
        """Call anything user code holds: sizes checked first, the result admitted, frames recorded."""
        if isinstance(function, (values.Opaque, values.ModuleProxy)):
            raise UnsupportedError(f"{function!r} cannot be called", node)
        self.budget.before_call(function, tuple(args), kwargs, node)
        owner = getattr(function, "__self__", None) if not isinstance(function, UserFunction) else None
        name = getattr(function, "__name__", None)
        if name == "backward" and (isinstance(owner, engine.Tensor) or function is engine.autograd.backward):
            root = owner if owner is not None else (args[0] if args else None)
            namespace = {**self.globals.names, **(scope.names if scope is not self.globals else {})}
            result = self.frames.run_backward(lambda: function(*args, **kwargs), root, node.lineno, namespace)
        else:
            result = function(*args, **kwargs)
            if name == "step" and isinstance(owner, engine.optim.Optimizer):
                self.frames.optimizer_step(node.lineno)
        return self.produced(result, node)
