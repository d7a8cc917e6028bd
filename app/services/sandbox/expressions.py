"""Evaluating expressions: every value produced goes through ``values.admit`` and the run's budgets."""

from __future__ import annotations

import ast
import operator
from typing import Any

import engine
from app.services.sandbox import values
from app.services.sandbox.errors import UnsupportedError, attach_position
from app.services.sandbox.functions import Scope

BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.MatMult: operator.matmul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.LShift: operator.lshift,
    ast.RShift: operator.rshift,
    ast.BitOr: operator.or_,
    ast.BitXor: operator.xor,
    ast.BitAnd: operator.and_,
}
IN_PLACE = {
    ast.Add: operator.iadd,
    ast.Sub: operator.isub,
    ast.Mult: operator.imul,
    ast.MatMult: operator.imatmul,
    ast.Div: operator.itruediv,
    ast.FloorDiv: operator.ifloordiv,
    ast.Mod: operator.imod,
    ast.Pow: operator.ipow,
    ast.LShift: operator.ilshift,
    ast.RShift: operator.irshift,
    ast.BitOr: operator.ior,
    ast.BitXor: operator.ixor,
    ast.BitAnd: operator.iand,
}
UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg, ast.Not: operator.not_, ast.Invert: operator.invert}
COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
CONVERSIONS = {ord("r"): repr, ord("s"): str, ord("a"): ascii}


class Expressions:
    """The expression half of the interpreter (mixed into ``Interpreter``)."""

    budget: Any
    frames: Any
    builtins: dict[str, Any]

    def eval(self, node: ast.expr, scope: Scope) -> Any:
        """The value of one expression; errors remember the innermost node they passed."""
        try:
            return getattr(self, "eval_" + type(node).__name__)(node, scope)
        except BaseException as exc:
            attach_position(exc, node)
            raise

    def produced(self, value: Any, node: ast.AST, *, new: bool = True) -> Any:
        """Admit a value an operation produced; a tensor is checked against the element budgets."""
        value = values.admit(value)
        if isinstance(value, engine.Tensor):
            self.budget.tensor_elements(value.numel(), node, new=new)
            if new and value.grad_fn is None:
                self.frames.tensor_lines.add(value, node.lineno)  # where a leaf was made, for the graph
        elif isinstance(value, (str, list, tuple, dict, set)):
            self.budget.sequence(len(value), node)
        return value

    def eval_Constant(self, node: ast.Constant, scope: Scope) -> Any:
        return node.value

    def eval_Name(self, node: ast.Name, scope: Scope) -> Any:
        found = scope.find(node.id)
        if found is not None:
            return found.names[node.id]
        if node.id in self.builtins:
            return self.builtins[node.id]
        raise NameError(f"name '{node.id}' is not defined")

    def binary(self, op: type, left: Any, right: Any, node: ast.AST, *, in_place: bool = False) -> Any:
        """``left op right`` (or its in-place form), refused first if the result would be huge."""
        self.budget.before_binary(op, left, right, node)
        return self.produced((IN_PLACE if in_place else BINARY)[op](left, right), node)

    def eval_BinOp(self, node: ast.BinOp, scope: Scope) -> Any:
        return self.binary(type(node.op), self.eval(node.left, scope), self.eval(node.right, scope), node)

    def eval_UnaryOp(self, node: ast.UnaryOp, scope: Scope) -> Any:
        return self.produced(UNARY[type(node.op)](self.eval(node.operand, scope)), node)

    def eval_BoolOp(self, node: ast.BoolOp, scope: Scope) -> Any:
        value = None
        for operand in node.values:
            value = self.eval(operand, scope)
            if (not value) if isinstance(node.op, ast.And) else value:
                return value
        return value

    def eval_Compare(self, node: ast.Compare, scope: Scope) -> Any:
        left = self.eval(node.left, scope)
        result: Any = True
        last = len(node.ops) - 1
        for index, (op, comparator) in enumerate(zip(node.ops, node.comparators, strict=True)):
            right = self.eval(comparator, scope)
            if isinstance(left, engine.Tensor) or isinstance(right, engine.Tensor):
                self.budget.before_binary(ast.Add, left, right, node)
            result = self.produced(COMPARE[type(op)](left, right), node)
            if index < last and not result:  # a chain stops at its first false link, as in Python
                return result
            left = right
        return result

    def eval_IfExp(self, node: ast.IfExp, scope: Scope) -> Any:
        return self.eval(node.body if self.eval(node.test, scope) else node.orelse, scope)

    def eval_Attribute(self, node: ast.Attribute, scope: Scope) -> Any:
        value = values.get_attribute(self.eval(node.value, scope), node.attr)
        return self.produced(value, node, new=False)

    def eval_Subscript(self, node: ast.Subscript, scope: Scope) -> Any:
        container = self.eval(node.value, scope)
        if isinstance(container, (values.Opaque, values.ModuleProxy)):
            raise UnsupportedError(f"{container!r} cannot be indexed")
        return self.produced(container[self.eval(node.slice, scope)], node)

    def eval_Slice(self, node: ast.Slice, scope: Scope) -> slice:
        parts = (node.lower, node.upper, node.step)
        return slice(*(None if part is None else self.eval(part, scope) for part in parts))

    def items(self, elements: list[ast.expr], scope: Scope) -> list[Any]:
        """Evaluate display elements, expanding ``*iterable``."""
        result: list[Any] = []
        for element in elements:
            if isinstance(element, ast.Starred):
                for item in self.eval(element.value, scope):
                    result.append(values.admit(item))
                    self.budget.step(element)
            else:
                result.append(self.eval(element, scope))
        return result

    def eval_List(self, node: ast.List, scope: Scope) -> list:
        return self.produced(self.items(node.elts, scope), node)

    def eval_Tuple(self, node: ast.Tuple, scope: Scope) -> tuple:
        return self.produced(tuple(self.items(node.elts, scope)), node)

    def eval_Set(self, node: ast.Set, scope: Scope) -> set:
        return self.produced(set(self.items(node.elts, scope)), node)

    def eval_Dict(self, node: ast.Dict, scope: Scope) -> dict:
        result: dict = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                result.update(self.eval(value, scope))
            else:
                result[self.eval(key, scope)] = self.eval(value, scope)
        return self.produced(result, node)

    def eval_JoinedStr(self, node: ast.JoinedStr, scope: Scope) -> str:
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(part.value)
                continue
            value = self.eval(part.value, scope)
            if part.conversion != -1:
                value = CONVERSIONS[part.conversion](value)
            spec = self.eval(part.format_spec, scope) if part.format_spec is not None else ""
            self.budget.format_widths(spec, node)
            parts.append(format(value, spec))
        return self.produced("".join(parts), node)

    def eval_NamedExpr(self, node: ast.NamedExpr, scope: Scope) -> Any:
        value = self.eval(node.value, scope)
        scope.names[node.target.id] = value
        return value

    def eval_Starred(self, node: ast.Starred, scope: Scope) -> Any:
        raise SyntaxError("can't use starred expression here")

    # -- comprehensions: a new scope for the loop variables, as in Python 3 -------------------------
    def generate(self, generators: list[ast.comprehension], scope: Scope, index: int = 0):
        """Yield the inner scope once per combination of the comprehension's loops and conditions."""
        clause = generators[index]
        for item in self.eval(clause.iter, scope):
            self.budget.step(clause)
            inner = Scope(scope)
            self.assign(clause.target, values.admit(item), inner)
            if all(self.eval(condition, inner) for condition in clause.ifs):
                if index + 1 == len(generators):
                    yield inner
                else:
                    yield from self.generate(generators, inner, index + 1)

    def eval_ListComp(self, node: ast.ListComp, scope: Scope) -> list:
        return self.produced(
            [self.eval(node.elt, inner) for inner in self.generate(node.generators, scope)], node
        )

    def eval_SetComp(self, node: ast.SetComp, scope: Scope) -> set:
        return self.produced(
            {self.eval(node.elt, inner) for inner in self.generate(node.generators, scope)}, node
        )

    def eval_DictComp(self, node: ast.DictComp, scope: Scope) -> dict:
        return self.produced(
            {
                self.eval(node.key, inner): self.eval(node.value, inner)
                for inner in self.generate(node.generators, scope)
            },
            node,
        )

    def eval_GeneratorExp(self, node: ast.GeneratorExp, scope: Scope) -> values.SafeIterator:
        return values.SafeIterator(
            self.eval(node.elt, inner) for inner in self.generate(node.generators, scope)
        )
