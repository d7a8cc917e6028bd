"""What user code may contain, checked on the AST before it runs; a refusal names the construct and place."""

from __future__ import annotations

import ast

from app import config
from app.services.sandbox.errors import LimitExceeded, UnsupportedError
from app.services.sandbox.torch_modules import TORCH_MODULES

STATEMENTS = """Module Expr Assign AugAssign AnnAssign For While If Break Continue Pass FunctionDef
    ClassDef Return With withitem Assert Import ImportFrom alias Delete Try ExceptHandler Raise"""
EXPRESSIONS = """BoolOp BinOp UnaryOp Compare IfExp Call keyword Attribute Subscript Slice Starred Name
    Constant List Tuple Dict Set ListComp SetComp DictComp GeneratorExp comprehension JoinedStr
    FormattedValue Lambda arguments arg NamedExpr"""
OPERATORS = """Load Store Del And Or Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor BitAnd
    FloorDiv Invert Not UAdd USub Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn"""
ALLOWED_NODES = frozenset(getattr(ast, name) for name in f"{STATEMENTS} {EXPRESSIONS} {OPERATORS}".split())

CONSTRUCT_NAMES = {
    ast.Global: "global",
    ast.Nonlocal: "nonlocal",
    ast.Yield: "yield (generators)",
    ast.YieldFrom: "yield from",
    ast.AsyncFunctionDef: "async def",
    ast.Await: "await",
    ast.AsyncFor: "async for",
    ast.AsyncWith: "async with",
    ast.Match: "match",
    ast.TryStar: "try/except*",
}

# builtins and names that reach outside the interpreter: refused by name, whatever they are bound to
FORBIDDEN_NAMES = frozenset(
    {
        "exec",
        "eval",
        "open",
        "compile",
        "getattr",
        "setattr",
        "delattr",
        "hasattr",
        "globals",
        "locals",
        "vars",
        "dir",
        "__import__",
        "breakpoint",
        "exit",
        "quit",
        "help",
        "memoryview",
        "bytearray",
        "object",
        "super",
        "classmethod",
        "staticmethod",
        "property",
        "SystemExit",
        "KeyboardInterrupt",
        "BaseException",
        "__builtins__",
        "__loader__",
        "__spec__",
    }
)
# the methods with underscores a class may define: a model's constructor, and a dataset's (torch.utils.data's
# Dataset: its size and one example), which Python calls for len(data) and data[i]
SPECIAL_METHODS = frozenset({"__init__", "__len__", "__getitem__"})
# attributes refused on every object, besides any starting with "_"
NAME_ATTRIBUTE = "__name__"  # readable (not assignable) despite its underscores: ``readable_name``
FORBIDDEN_ATTRIBUTES = frozenset(
    {
        "format",
        "format_map",
        "mro",
        "numpy",
        "from_numpy",
        "saved",
        "saved_data",
        "saved_checks",
        "prehooks",
        "register_prehook",
        "observe_backward",
        "run_backward",
        "sequence_number",
        "release",
        "save",
        "load",
    }
)
ATTRIBUTE_ADVICE = {
    "numpy": "numpy arrays are not available in the playground; use .tolist() or .item()",
    "save": "the playground has no files; keep what you would save in a variable, "
    "as state = model.state_dict(), and later model.load_state_dict(state)",
    "load": "the playground has no files; model.load_state_dict(state) takes a state kept in a variable",
    "format": 'str.format is not available; use an f-string: f"{x:.3f}"',
    "format_map": "str.format_map is not available; use an f-string",
}
IMPORTABLE = frozenset({*TORCH_MODULES, "math"})


def _refuse(what: str, node: ast.AST) -> UnsupportedError:
    return UnsupportedError(what, node)


def _check_name(identifier: str, node: ast.AST) -> None:
    if identifier == "super":
        raise _refuse("'super' is available only as super().__init__(...), in a method of a class", node)
    if identifier in FORBIDDEN_NAMES:
        raise _refuse(f"'{identifier}' is not available in the playground", node)
    if identifier.startswith("__"):
        raise _refuse(f"names starting with '__' are not available: '{identifier}'", node)


def _check_import(node: ast.Import | ast.ImportFrom) -> None:
    modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    for module in modules:
        if module == "numpy" or module.startswith("numpy."):
            raise _refuse("numpy is not available in the playground: torch tensors do everything here", node)
        if module not in IMPORTABLE or (isinstance(node, ast.ImportFrom) and node.level):
            raise _refuse(
                f"import of '{module}' is not available: only torch (and its nn, optim, linalg, "
                "functional) and math can be imported",
                node,
            )
    for alias in node.names:
        if alias.name == "*":
            raise _refuse("'from ... import *' is not available: import the names you use", node)
        _check_name(alias.asname or alias.name.split(".")[0], node)
        if isinstance(node, ast.ImportFrom) and alias.name.startswith("_"):
            raise _refuse(f"names starting with '_' cannot be imported: '{alias.name}'", node)
        if isinstance(node, ast.ImportFrom) and alias.name in ATTRIBUTE_ADVICE:
            raise _refuse(f"'{alias.name}' is not available: {ATTRIBUTE_ADVICE[alias.name]}", node)


def _check_class(node: ast.ClassDef) -> None:
    """A model or dataset class as PyTorch's tutorials write them: one base (checked to be nn.Module or
    Dataset when it runs), then methods and maybe a docstring."""
    _check_name(node.name, node)
    if node.decorator_list:
        raise _refuse("decorators are not supported in the playground", node)
    if node.keywords:
        raise _refuse("class keywords (such as metaclass=) are not supported in the playground", node)
    if len(node.bases) != 1:
        raise _refuse(f"class {node.name} must derive from one class: class {node.name}(nn.Module):", node)
    for statement in node.body:
        docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        if not (isinstance(statement, (ast.FunctionDef, ast.Pass)) or docstring):
            raise _refuse("a class body here holds methods (def) and a docstring only", statement)


def is_super_init(node: ast.AST) -> bool:
    """Whether ``node`` is ``super().__init__`` or ``super(Class, self).__init__``."""
    if not (isinstance(node, ast.Attribute) and node.attr == "__init__" and isinstance(node.value, ast.Call)):
        return False
    call = node.value
    named = isinstance(call.func, ast.Name) and call.func.id == "super"
    return named and not call.keywords and len(call.args) in (0, 2)


def _checked_children(node: ast.AST) -> list[ast.AST]:
    """The nodes to check under ``node``: a call of ``super().__init__`` skips ``super`` and ``__init__``
    themselves (allowed there and nowhere else) but not its arguments."""
    if isinstance(node, ast.Call) and is_super_init(node.func):
        inner = node.func.value  # type: ignore[attr-defined]
        return [*inner.args, *node.args, *node.keywords]
    return list(ast.iter_child_nodes(node))


def readable_name(node: ast.Attribute) -> bool:
    """Whether the attribute is ``__name__``, read: the one name with underscores user code may use, as in
    ``type(e).__name__`` (a class's, function's or module's name is a string; see ``values.name_of``)."""
    return node.attr == NAME_ATTRIBUTE and isinstance(node.ctx, ast.Load)


def _check_node(node: ast.AST) -> None:
    """Refuse one node if it is not allowed on its own (its children are checked separately)."""
    kind = type(node)
    if kind not in ALLOWED_NODES:
        what = CONSTRUCT_NAMES.get(kind, kind.__name__)
        raise _refuse(f"{what} is not supported in the playground", node)
    if kind is ast.Name:
        _check_name(node.id, node)
    elif kind is ast.Attribute:
        if is_super_init(node):  # not called: a call of it skips this check (_checked_children)
            raise _refuse("super().__init__ is available only as a call: super().__init__(...)", node)
        if readable_name(node):
            return
        if node.attr.startswith("_") or node.attr in FORBIDDEN_ATTRIBUTES:
            advice = ATTRIBUTE_ADVICE.get(node.attr, "attributes starting with '_' and internals are hidden")
            raise _refuse(f"attribute '{node.attr}' is not available: {advice}", node)
    elif kind is ast.FunctionDef:
        if node.name not in SPECIAL_METHODS:  # a method's name (a plain function may bear it too: harmless)
            _check_name(node.name, node)
    elif kind is ast.ClassDef:
        _check_class(node)
    elif kind is ast.ExceptHandler and node.name is not None:
        _check_name(node.name, node)
    elif kind is ast.arg:
        _check_name(node.arg, node)
    elif kind is ast.keyword and node.arg is not None:
        _check_name(node.arg, node)
    elif kind in (ast.Import, ast.ImportFrom):
        _check_import(node)
    elif kind is ast.Delete:
        for target in node.targets:
            if not isinstance(target, (ast.Name, ast.Subscript)):
                raise _refuse("only 'del name' and 'del container[key]' are supported", node)


def parse(code: str) -> ast.Module:
    """Parse ``code`` and check it: size limits first, then every node against the allow-list."""
    if len(code.encode("utf-8", "surrogatepass")) > config.SANDBOX_MAX_CODE_BYTES:
        raise LimitExceeded(
            "SANDBOX_MAX_CODE_BYTES", f"the code is longer than {config.SANDBOX_MAX_CODE_BYTES} bytes"
        )
    try:
        tree = ast.parse(code, "<snippet>")
    except (RecursionError, MemoryError):
        raise LimitExceeded("SANDBOX_MAX_AST_DEPTH", "the code is nested too deeply for the parser") from None
    check(tree)
    return tree


def check(tree: ast.AST) -> None:
    """Walk ``tree`` without recursion, counting nodes and depth, refusing the first disallowed node."""
    count = 0
    pending: list[tuple[ast.AST, int]] = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        count += 1
        if count > config.SANDBOX_MAX_AST_NODES:
            raise LimitExceeded(
                "SANDBOX_MAX_AST_NODES",
                f"the code has more than {config.SANDBOX_MAX_AST_NODES} syntax nodes",
                node,
            )
        if depth > config.SANDBOX_MAX_AST_DEPTH:
            raise LimitExceeded(
                "SANDBOX_MAX_AST_DEPTH",
                f"expressions are nested more than {config.SANDBOX_MAX_AST_DEPTH} levels deep",
                node,
            )
        _check_node(node)
        pending.extend((child, depth + 1) for child in reversed(_checked_children(node)))
