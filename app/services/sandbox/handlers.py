"""``try`` / ``except`` / ``else`` / ``finally`` and ``raise`` for user code (mixed into ``Interpreter``).

The tutorials show PyTorch's errors this way (``except RuntimeError as e: print(e)``). A handler catches only
``Exception``s that code raised: the interpreter's own stops (limits, refusals, the wall clock) and its
control flow are ``BaseException``s, and running out of memory or of stack is a limit too, so no ``except``,
not even a bare one, can swallow them and carry on. For the same reason ``raise`` raises ``Exception``s only:
Python's ordinary classes (the ones user code can name) and errors it caught.
"""

from __future__ import annotations

import ast
from typing import Any

from app.services.sandbox import values
from app.services.sandbox.errors import UnsupportedError, attach_position
from app.services.sandbox.functions import Scope

NEVER_CAUGHT = (MemoryError, RecursionError)  # reported as the limits they are


class Handlers:
    """The exception-handling half of the interpreter."""

    block: Any  # the interpreter's: runs statements
    eval: Any  # the interpreter's: evaluates an expression
    handling: list[Exception]  # the interpreter's: the errors whose handlers are running, innermost last

    def exec_Try(self, node: ast.Try, scope: Scope) -> None:
        try:
            self.block(node.body, scope)
        except NEVER_CAUGHT:
            raise
        except Exception as error:
            handler = self._handler_for(error, node.handlers, scope)
            if handler is None:
                raise
            self._handle(error, handler, scope)
        else:
            self.block(node.orelse, scope)
        finally:
            self.block(node.finalbody, scope)

    def _handler_for(self, error: Exception, handlers: list[ast.ExceptHandler], scope: Scope) -> Any:
        """The first handler whose class (or tuple of classes) ``error`` is an instance of; a bare one takes
        any. A handler naming something that is not an exception class is a TypeError, as in Python."""
        for handler in handlers:
            if handler.type is None:
                return handler
            wanted = self.eval(handler.type, scope)
            classes = wanted if isinstance(wanted, tuple) else (wanted,)
            if not all(isinstance(kind, type) and issubclass(kind, BaseException) for kind in classes):
                raise TypeError("catching classes that do not inherit from BaseException is not allowed")
            if isinstance(error, classes):
                return handler
        return None

    def _handle(self, error: Exception, handler: ast.ExceptHandler, scope: Scope) -> None:
        """Run the handler with ``as name`` bound to the error, unbound afterwards (as Python does)."""
        if handler.name is not None:
            scope.names[handler.name] = values.admit(error)
        self.handling.append(error)  # what a bare ``raise`` raises again, in the handler or a call from it
        try:
            self.block(handler.body, scope)
        finally:
            self.handling.pop()
            if handler.name is not None:
                scope.names.pop(handler.name, None)

    def exec_Raise(self, node: ast.Raise, scope: Scope) -> None:
        """``raise``: bare, the error being handled again (from where it was first raised); else an
        exception, or a class called without arguments, reported at this line; ``from`` sets its cause."""
        if node.exc is None:
            if not self.handling:
                raise RuntimeError("No active exception to reraise")
            raise self.handling[-1]
        error = _raisable(self.eval(node.exc, scope))
        if node.cause is not None:
            cause = self.eval(node.cause, scope)
            error.__cause__ = None if cause is None else _raisable(cause)
        if getattr(error, "sandbox_position", None) is not None:  # raised before and caught: now it is here
            error.sandbox_position = None  # type: ignore[attr-defined]
        attach_position(error, node)
        raise error


def _raisable(value: Any) -> Exception:
    """What ``raise value`` raises: an Exception, or an Exception class called without arguments.

    Python's TypeError for anything else; other BaseExceptions are the sandbox's own kind of stop, refused.
    """
    if isinstance(value, type) and issubclass(value, Exception):
        value = value()
    if isinstance(value, Exception):
        return value
    if isinstance(value, BaseException) or (isinstance(value, type) and issubclass(value, BaseException)):
        raise UnsupportedError("only exceptions derived from Exception can be raised in the playground")
    raise TypeError("exceptions must derive from BaseException")
