"""Calls: user functions (``def``, ``lambda``), user classes (``class Net(nn.Module)``, ``class
Points(Dataset)``) and calls into the engine; a frame at each ``backward()``."""

from __future__ import annotations

import ast
from typing import Any

import engine
from app import config
from app.services.sandbox import values
from app.services.sandbox.allowlist import is_super_init
from app.services.sandbox.errors import LimitExceeded, UnsupportedError
from app.services.sandbox.functions import (
    REQUIRED,
    BreakLoop,
    ContinueLoop,
    ModeFunction,
    ReturnValue,
    Scope,
    UserFunction,
    bind_arguments,
)

GRAD_MODES = engine.grad_mode._GradModeContext  # no_grad(), enable_grad(), set_grad_enabled(...)
SUPER_CLASS = "__class__"  # in a method's scope: its class and its instance, for super()
SUPER_SELF = "__self__"
CLASS_BASES = (engine.nn.Module, engine.utils.data.Dataset)  # what user classes derive from


class Calls:
    """The call half of the interpreter (mixed into ``Interpreter``)."""

    budget: Any
    frames: Any
    globals: Scope
    depth: int

    def exec_FunctionDef(self, node: ast.FunctionDef, scope: Scope) -> None:
        """``def``, its decorators evaluated first and applied from the innermost, as Python does."""
        decorators = [self.eval(decorator, scope) for decorator in node.decorator_list]
        function: Any = self.make_function(node.name, node, scope)
        for decorator, expression in zip(reversed(decorators), reversed(node.decorator_list), strict=True):
            if isinstance(decorator, GRAD_MODES):
                decorator(function)  # what PyTorch's does at once (set_grad_enabled puts the mode back)
                function = ModeFunction(function, decorator)
            else:  # any other callable: @f is f(function)
                function = self.call(decorator, [function], {}, expression, scope)
        scope.names[node.name] = function

    def exec_ClassDef(self, node: ast.ClassDef, scope: Scope) -> None:
        """A model or dataset class, as PyTorch's tutorials write them: ``class Net(nn.Module)`` or
        ``class Points(Dataset)`` with its methods (a dataset's ``__len__`` and ``__getitem__`` among them).

        The allow-list has checked the shape (one base, methods and a docstring only); here the base must be
        ``nn.Module`` or ``Dataset``, or a class derived from one. The methods close over the defining scope,
        as Python's do; Python calls a dataset's for ``len(data)``, ``data[i]`` and a DataLoader's batches.
        """
        base = self.eval(node.bases[0], scope)
        if not (isinstance(base, type) and issubclass(base, CLASS_BASES)):
            raise UnsupportedError(
                f"class {node.name} must derive from nn.Module or Dataset (class {node.name}(nn.Module): "
                "...): the playground's classes are models and datasets",
                node,
            )
        methods = [
            self.make_function(statement.name, statement, scope)
            for statement in node.body
            if isinstance(statement, ast.FunctionDef)
        ]
        namespace: dict[str, Any] = {method._name: method for method in methods}
        namespace.update({"__module__": "__main__", "__qualname__": node.name})
        cls = type(node.name, (base,), namespace)
        for method in methods:
            method._owner = cls
        values.USER_CLASSES.add(cls)
        scope.names[node.name] = cls

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
        if function._owner is not None and args:  # a method: what super() needs (names user code cannot use)
            local.names.update({SUPER_CLASS: function._owner, SUPER_SELF: args[0]})
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
        if is_super_init(node.func):
            function = self.super_init(node.func.value, scope)  # type: ignore[attr-defined]
        else:
            function = self.eval(node.func, scope)
        args = self.items(node.args, scope)
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                kwargs.update(self.eval(keyword.value, scope))
            else:
                kwargs[keyword.arg] = self.eval(keyword.value, scope)
        return self.call(function, args, kwargs, node, scope)

    def super_init(self, node: ast.Call, scope: Scope) -> Any:
        """``super().__init__`` (or ``super(Net, self).__init__``): the parent class's ``__init__``, bound."""
        if node.args:
            cls, instance = (self.eval(argument, scope) for argument in node.args)
        else:
            holder = scope.find(SUPER_CLASS)
            if holder is None:
                raise RuntimeError("super(): no arguments")
            cls, instance = holder.names[SUPER_CLASS], holder.names[SUPER_SELF]
        if cls not in values.USER_CLASSES:  # else an engine object (a shared one too) could be set up anew
            raise UnsupportedError("super(Class, self) is available for your own classes only", node)
        if not isinstance(instance, cls):
            raise TypeError("super(type, obj): obj must be an instance or subtype of type")
        return super(cls, instance).__init__

    def call(self, function: Any, args: list, kwargs: dict, node: ast.expr, scope: Scope) -> Any:
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
