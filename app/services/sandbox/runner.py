"""One run of a snippet, in the current process: parse, check, interpret, report.

Called inside a sandbox worker process (``worker.py``), never in the server; a worker runs many snippets
in turn, each from a fresh namespace and reset engine state (``reset``). ``emit`` receives the
events as they happen (stdout, step, frame); the returned dict is the run's result (see the package doc).
"""

from __future__ import annotations

import ast
import builtins
import collections
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

import engine
from app import config
from app.services.sandbox import allowlist, modules, reset, values
from app.services.sandbox.budgets import Budget
from app.services.sandbox.errors import LimitExceeded, SandboxStop, UnsupportedError, error_report
from app.services.sandbox.frames import FrameRecorder
from app.services.sandbox.functions import SandboxBuiltin, Scope
from app.services.sandbox.interpreter import Interpreter
from app.services.sandbox.torch_modules import TORCH_MODULES

SAFE_BUILTINS = (
    "range",
    "len",
    "enumerate",
    "zip",
    "min",
    "max",
    "sum",
    "abs",
    "round",
    "float",
    "int",
    "str",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "sorted",
    "reversed",
    "any",
    "all",
    "isinstance",
    "bool",
    "repr",
    "map",
    "filter",
    "iter",
    "next",
    "chr",
    "ord",
    "divmod",
    "callable",
    "slice",
    *sorted(exception.__name__ for exception in values.EXCEPTION_CLASSES),
)
values.SAFE_FUNCTIONS.update(id(getattr(builtins, name)) for name in SAFE_BUILTINS)
_MODULES: dict[str, values.ModuleProxy] = {}


def module_proxies() -> dict[str, values.ModuleProxy]:
    """The importable modules as read-only proxies, built once per process."""
    if not _MODULES:
        cache: dict[str, values.ModuleProxy] = {}
        for name, module in TORCH_MODULES.items():
            _MODULES[name] = modules.module_proxy(module, name, cache)
        _MODULES["math"] = modules.math_proxy()
    return _MODULES


_parsed: collections.OrderedDict[tuple, ast.Module] = collections.OrderedDict()


def parsed(code: str) -> ast.Module:
    """``allowlist.parse(code)``, remembered per process for short snippets (the tree is never changed).

    The key holds the limits the check applies, so a run under other limits checks the code again.
    """
    key = (code, config.SANDBOX_MAX_CODE_BYTES, config.SANDBOX_MAX_AST_NODES, config.SANDBOX_MAX_AST_DEPTH)
    tree = _parsed.get(key)
    if tree is not None:
        _parsed.move_to_end(key)
        return tree
    tree = allowlist.parse(code)  # a refused snippet raises: nothing is kept for it
    if len(code) <= config.SANDBOX_PARSE_CACHE_MAX_CHARS:
        _parsed[key] = tree
        while len(_parsed) > config.SANDBOX_PARSE_CACHE_ENTRIES:
            _parsed.popitem(last=False)
    return tree


def _builtins(budget: Budget, stdout: list[str], emit: Callable[[dict], None]) -> dict[str, Any]:
    def print_(*args: Any, sep: Any = " ", end: Any = "\n", file: Any = None, flush: bool = False) -> None:
        """``print`` for user code: to the run's stdout, within its budget."""
        if file is not None:
            raise UnsupportedError("print(file=...) is not available: output goes to the page")
        text = (" " if sep is None else str(sep)).join(str(arg) for arg in args) + (
            "\n" if end is None else str(end)
        )
        budget.output(text)
        stdout.append(text)
        emit({"type": "stdout", "text": text})

    def type_(*args: Any) -> Any:
        """``type(value)`` only; three-argument ``type`` would make a class."""
        if len(args) != 1:
            raise UnsupportedError("only type(value) with one argument is available (no new classes)")
        return values.admit(type(args[0]))

    table: dict[str, Any] = {name: getattr(builtins, name) for name in SAFE_BUILTINS}
    table["print"] = SandboxBuiltin("print", print_)
    table["type"] = SandboxBuiltin("type", type_)
    return table


def _short(text: str) -> str:
    limit = config.SANDBOX_MAX_REPR_CHARS
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe_repr(value: Any) -> str:
    """A short repr; a value too deep to print (a list nested 10,000 times) says so instead, and so does one
    whose repr fails (a model class's ``extra_repr`` is user code: it may return a number, or never end)."""
    try:
        return _short(repr(value))
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply to print>"
    except (Exception, SandboxStop) as exc:
        return _short(f"<{type(value).__name__} object: printing it failed: {type(exc).__name__}: {exc}>")


def describe(name: str, value: Any) -> dict[str, Any]:
    """One final variable: name, type, short repr, and for a tensor its shape, dtype, requires_grad, grad."""
    entry: dict[str, Any] = {"name": name, "type": type(value).__name__, "repr": _safe_repr(value)}
    if isinstance(value, engine.Tensor):
        grad = value.grad
        entry.update(
            shape=list(value.shape),
            dtype=repr(value.dtype),
            requires_grad=value.requires_grad,
            is_leaf=value.is_leaf,
            grad=None if grad is None else _safe_repr(grad),
        )
    return entry


def variables_of(scope: Scope) -> list[dict[str, Any]]:
    """The final variables of a scope (imported modules left out)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reading .grad of a non-leaf for the report is not the user's doing
        return [
            describe(name, value)
            for name, value in scope.names.items()
            if not isinstance(value, values.ModuleProxy)
        ]


def _as_limit(exc: BaseException) -> BaseException:
    """Python's own resource errors, reported as the budget they stand for."""
    if isinstance(exc, RecursionError):
        return LimitExceeded("SANDBOX_MAX_CALL_DEPTH", "the code nests calls or expressions too deeply")
    if isinstance(exc, MemoryError):
        megabytes = config.SANDBOX_MEMORY_BYTES // 2**20
        return LimitExceeded("SANDBOX_MEMORY_BYTES", f"the run ran out of its memory ({megabytes} MB)")
    return exc


def run_snippet(code: str, emit: Callable[[dict], None], *, lang: str = "en") -> dict[str, Any]:
    """Run ``code``; return the result dict of the package doc (errors are reported, not raised)."""
    reset.reset_engine(module_proxies())  # nothing an earlier run in this process did reaches this one
    budget = Budget()
    stdout: list[str] = []
    frames = FrameRecorder(emit, budget)
    table = _builtins(budget, stdout, emit)
    interpreter = Interpreter(budget, frames, table, module_proxies())
    error = None
    graph = None
    # numpy's floating-point warnings ("overflow encountered in multiply") are off: PyTorch makes inf and
    # nan silently, and a learner's diverging loop must print what it prints there
    with frames, warnings.catch_warnings(record=True) as caught, np.errstate(all="ignore"):
        warnings.simplefilter("always")
        try:
            interpreter.run(parsed(code))
        except (Exception, SandboxStop) as exc:
            error = error_report(_as_limit(exc), [*interpreter.globals.names, *table])
            if error["line"] is None and not isinstance(exc, SyntaxError):
                error["line"] = interpreter.line or None
        if error is None or error.get("limit") != "SANDBOX_WALL_SECONDS":  # out of time: no end frame
            try:
                graph = frames.finish(interpreter.line or None, interpreter.globals.names)
            except (Exception, SandboxStop) as exc:  # a graph that cannot be traced must not hide the run
                error = error or {**error_report(exc, []), "line": interpreter.line or None}
        variables = variables_of(interpreter.globals)
    return {
        "stdout": "".join(stdout),
        "error": error,
        "variables": variables,
        "frames": frames.frames,
        "graph": graph,
        "warnings": [*dict.fromkeys(str(warning.message) for warning in caught), *frames.notices],
        "stats": {
            "steps": budget.steps,
            "tensor_elements": budget.elements,
            "elapsed_ms": round((time.monotonic() - budget.started) * 1000, 3),
        },
    }
