"""``try`` / ``except`` / ``else`` / ``finally`` for user code (mixed into ``Interpreter``).

The tutorials show PyTorch's errors this way (``except RuntimeError as e: print(e)``). A handler catches only
``Exception``s that code raised: the interpreter's own stops (limits, refusals, the wall clock) and its
control flow are ``BaseException``s, and running out of memory or of stack is a limit too, so no ``except``,
not even a bare one, can swallow them and carry on.
"""

from __future__ import annotations

import ast
from typing import Any

from app.services.sandbox import values
from app.services.sandbox.functions import Scope

NEVER_CAUGHT = (MemoryError, RecursionError)  # reported as the limits they are


class Handlers:
    """The exception-handling half of the interpreter."""

    block: Any  # the interpreter's: runs statements
    eval: Any  # the interpreter's: evaluates an expression

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
        try:
            self.block(handler.body, scope)
        finally:
            if handler.name is not None:
                scope.names.pop(handler.name, None)
