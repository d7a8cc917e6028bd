"""The interpreter's own errors, and the error dict a run reports (type, message, line, column, hint)."""

from __future__ import annotations

import ast
from typing import Any

from app import config
from app.services.sandbox import hints


class SandboxStop(BaseException):
    """The interpreter's own stops: BaseExceptions, so engine code catching Exception cannot swallow them."""

    def __init__(self, message: str, node: ast.AST | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = getattr(node, "lineno", None)
        self.column = getattr(node, "col_offset", None)


class UnsupportedError(SandboxStop):
    """A construct, name, module or attribute the playground does not allow."""


class LimitExceeded(SandboxStop):
    """A run went over one of its budgets (``limit`` names the constant in app/config.py)."""

    def __init__(self, limit: str, message: str, node: ast.AST | None = None) -> None:
        super().__init__(message, node)
        self.limit = limit


def position_of(exc: BaseException) -> tuple[int | None, int | None]:
    """The (line, column) the interpreter attached to ``exc``, 1-based line and column."""
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    if isinstance(exc, SyntaxError):
        line, column = exc.lineno, (exc.offset - 1 if exc.offset else None)
    if line is None:
        line, column = getattr(exc, "sandbox_position", (None, None))
    return line, (column + 1 if column is not None else None)


def attach_position(exc: BaseException, node: ast.AST) -> None:
    """Remember where ``exc`` was raised, the first (innermost) time it passes an AST node."""
    if getattr(exc, "sandbox_position", None) is None and getattr(exc, "line", None) is None:
        try:
            exc.sandbox_position = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            pass


def error_report(exc: BaseException, known_names: list[str] | None = None) -> dict[str, Any]:
    """The error dict of a run: Python's class name, the message, where, and a hint in ja and en."""
    line, column = position_of(exc)
    if isinstance(exc, SyntaxError):
        message = exc.msg
    elif isinstance(exc, SandboxStop):
        message = exc.message
    elif isinstance(exc, KeyError) and exc.args:
        message = repr(exc.args[0])
    else:
        message = str(exc)
    if len(message) > config.SANDBOX_MAX_MESSAGE_CHARS:
        message = message[: config.SANDBOX_MAX_MESSAGE_CHARS - 1] + "…"
    report: dict[str, Any] = {
        "type": type(exc).__name__,
        "message": message,
        "line": line,
        "column": column,
        "hint": hints.hint_for(exc, message, known_names or []),
    }
    if isinstance(exc, LimitExceeded):
        report["limit"] = exc.limit
    return report
