"""The AST walker: runs checked user code statement by statement, within its budgets.

Never ``exec``/``eval``: each statement and expression is carried out here, so user code can do what
this file implements and nothing more. Calls into the engine pass through ``call``, which checks sizes
before factories run, admits every result, and records a frame at each ``backward()``.
"""

from __future__ import annotations

import ast
from typing import Any

import engine
from app.services.sandbox import values
from app.services.sandbox.budgets import Budget
from app.services.sandbox.calls import Calls
from app.services.sandbox.errors import UnsupportedError, attach_position
from app.services.sandbox.expressions import Expressions
from app.services.sandbox.frames import FrameRecorder
from app.services.sandbox.functions import BreakLoop, ContinueLoop, ReturnValue, Scope
from app.services.sandbox.handlers import Handlers

# what a ``with`` statement may enter: the grad modes, the profiler's blocks and ranges, and fork_rng (each
# leaves the engine as it found it on exit, which the statement's ``finally`` makes sure of, also when a limit
# stops it)
CONTEXT_MANAGERS = (
    engine.grad_mode._GradModeContext,
    engine.profiler.profile,
    engine.profiler.record_function,
    engine.random_state.fork_rng,
)


class Interpreter(Calls, Expressions, Handlers):
    """Runs one snippet: its module scope, builtins, budget and frame recorder."""

    def __init__(
        self,
        budget: Budget,
        frames: FrameRecorder,
        builtins: dict[str, Any],
        modules: dict[str, values.ModuleProxy],
    ) -> None:
        self.budget, self.frames, self.builtins, self.modules = budget, frames, builtins, modules
        self.globals = Scope()
        self.depth = 0
        self.line = 0
        self.handling: list[Exception] = []  # errors whose except blocks are running (handlers.Handlers)

    # -- statements ---------------------------------------------------------------------------------
    def run(self, tree: ast.Module) -> None:
        """Run a checked module; stray break/continue/return become Python's SyntaxErrors."""
        try:
            self.block(tree.body, self.globals)
        except BreakLoop:
            raise SyntaxError("'break' outside loop") from None
        except ContinueLoop:
            raise SyntaxError("'continue' not properly in loop") from None
        except ReturnValue:
            raise SyntaxError("'return' outside function") from None

    def block(self, body: list[ast.stmt], scope: Scope) -> None:
        """Run statements in order, one step each, with the line known to the frame recorder."""
        for statement in body:
            self.budget.step(statement)
            self.line = statement.lineno
            self.frames.set_line(statement.lineno)
            try:
                getattr(self, "exec_" + type(statement).__name__)(statement, scope)
            except (BreakLoop, ContinueLoop, ReturnValue):
                raise
            except BaseException as exc:
                attach_position(exc, statement)
                raise

    def exec_Expr(self, node: ast.Expr, scope: Scope) -> None:
        self.eval(node.value, scope)

    def exec_Assign(self, node: ast.Assign, scope: Scope) -> None:
        value = self.eval(node.value, scope)
        for target in node.targets:
            self.assign(target, value, scope)

    def exec_AnnAssign(self, node: ast.AnnAssign, scope: Scope) -> None:
        if node.value is not None:
            self.assign(node.target, self.eval(node.value, scope), scope)

    def exec_AugAssign(self, node: ast.AugAssign, scope: Scope) -> None:
        target, op = node.target, type(node.op)
        if isinstance(target, ast.Name):
            scope.names[target.id] = self.binary(
                op, self.eval(target, scope), self.eval(node.value, scope), node, in_place=True
            )
        elif isinstance(target, ast.Subscript):
            container, key = self.eval(target.value, scope), self.eval(target.slice, scope)
            current = self.produced(container[key], node)
            container[key] = self.binary(op, current, self.eval(node.value, scope), node, in_place=True)
        else:
            owner = self.eval(target.value, scope)
            current = self.produced(values.get_attribute(owner, target.attr), node, new=False)
            result = self.binary(op, current, self.eval(node.value, scope), node, in_place=True)
            values.set_attribute(owner, target.attr, result)

    def assign(self, target: ast.expr, value: Any, scope: Scope) -> None:
        """Bind ``value`` to a target: a name, attribute, subscript, or tuple/list to unpack."""
        if isinstance(target, ast.Name):
            scope.names[target.id] = value
        elif isinstance(target, ast.Attribute):
            values.set_attribute(self.eval(target.value, scope), target.attr, value)
        elif isinstance(target, ast.Subscript):
            container = self.eval(target.value, scope)
            if isinstance(container, (values.Opaque, values.ModuleProxy)):
                raise UnsupportedError(f"{container!r} cannot be assigned to")
            container[self.eval(target.slice, scope)] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target.elts, value, scope)
        else:
            raise UnsupportedError(f"cannot assign to {type(target).__name__}", target)

    def unpack(self, targets: list[ast.expr], value: Any, scope: Scope) -> None:
        """Unpack an iterable into targets, with one starred target allowed, as Python does."""
        items = []
        for item in value:
            items.append(values.admit(item))
            self.budget.sequence(len(items))
        starred = [i for i, target in enumerate(targets) if isinstance(target, ast.Starred)]
        if not starred and len(items) != len(targets):
            few = len(items) < len(targets)
            raise ValueError(
                f"not enough values to unpack (expected {len(targets)}, got {len(items)})"
                if few
                else f"too many values to unpack (expected {len(targets)})"
            )
        if starred:
            index, after = starred[0], len(targets) - starred[0] - 1
            if len(items) < index + after:
                raise ValueError(
                    f"not enough values to unpack (expected at least {index + after}, got {len(items)})"
                )
            middle = items[index : len(items) - after]
            items = [*items[:index], middle, *items[len(items) - after :]]
            targets = [*targets[:index], targets[index].value, *targets[index + 1 :]]
        for target, item in zip(targets, items, strict=True):
            self.assign(target, item, scope)

    def exec_Delete(self, node: ast.Delete, scope: Scope) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                if target.id not in scope.names:
                    raise NameError(f"name '{target.id}' is not defined")
                del scope.names[target.id]
            else:
                del self.eval(target.value, scope)[self.eval(target.slice, scope)]

    def exec_If(self, node: ast.If, scope: Scope) -> None:
        self.block(node.body if self.eval(node.test, scope) else node.orelse, scope)

    def exec_For(self, node: ast.For, scope: Scope) -> None:
        for item in self.eval(node.iter, scope):
            self.budget.step(node)
            self.assign(node.target, values.admit(item), scope)
            if not self.loop_body(node, scope):
                return
        self.block(node.orelse, scope)

    def exec_While(self, node: ast.While, scope: Scope) -> None:
        while self.eval(node.test, scope):
            self.budget.step(node)
            if not self.loop_body(node, scope):
                return
        self.block(node.orelse, scope)

    def loop_body(self, node: ast.For | ast.While, scope: Scope) -> bool:
        """One pass of a loop's body; False when it ran ``break`` (``continue`` just ends the pass)."""
        try:
            self.block(node.body, scope)
        except BreakLoop:
            return False
        except ContinueLoop:
            pass
        return True

    def exec_Pass(self, node: ast.Pass, scope: Scope) -> None:
        pass

    def exec_Break(self, node: ast.Break, scope: Scope) -> None:
        raise BreakLoop

    def exec_Continue(self, node: ast.Continue, scope: Scope) -> None:
        raise ContinueLoop

    def exec_Return(self, node: ast.Return, scope: Scope) -> None:
        raise ReturnValue(None if node.value is None else self.eval(node.value, scope))

    def exec_Assert(self, node: ast.Assert, scope: Scope) -> None:
        if not self.eval(node.test, scope):
            raise AssertionError(*(() if node.msg is None else (self.eval(node.msg, scope),)))

    def exec_With(self, node: ast.With, scope: Scope) -> None:
        managers = []
        try:
            for item in node.items:
                manager = self.eval(item.context_expr, scope)
                if not isinstance(manager, CONTEXT_MANAGERS):
                    raise UnsupportedError(
                        "only torch.no_grad(), torch.enable_grad(), torch.set_grad_enabled(...), the "
                        "profiler's profile(...) and record_function(...) and torch.random.fork_rng() can be "
                        "used with 'with'",
                        item.context_expr,
                    )
                entered = type(manager).__enter__(manager)
                managers.append(manager)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, entered, scope)
            self.block(node.body, scope)
        finally:
            for manager in reversed(managers):
                type(manager).__exit__(manager, None, None, None)

    def exec_Import(self, node: ast.Import, scope: Scope) -> None:
        for alias in node.names:
            if alias.asname:
                scope.names[alias.asname] = self.modules[alias.name]
            else:
                top = alias.name.split(".")[0]
                scope.names[top] = self.modules[top]

    def exec_ImportFrom(self, node: ast.ImportFrom, scope: Scope) -> None:
        module = self.modules[node.module]
        for alias in node.names:
            if alias.name not in module.members:
                raise ImportError(f"cannot import name '{alias.name}' from '{node.module}'")
            scope.names[alias.asname or alias.name] = module.members[alias.name]

    # -- functions ------------------------------------------------------------------------------------
