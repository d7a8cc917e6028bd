"""Whether autograd records operations: ``no_grad``, ``enable_grad``, ``set_grad_enabled``.

The switch is thread-local, as in PyTorch, so one thread's ``no_grad`` never leaks into another.
Each works as a context manager and as a decorator.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

_state = threading.local()
# the threads that have recording switched off right now. While there are none, an operation knows that
# recording is on without reading its thread's own switch (reading a thread-local costs ~2% of a scalar op).
# Adding to a set and discarding from it need no lock, and either may be repeated. A thread that ends with
# recording off stays in it: operations then only read their own switch, as they must
OFF_THREADS: set[int] = set()
_thread_id = threading.get_ident


def is_grad_enabled() -> bool:
    """True when new operations are recorded into the graph (the default)."""
    return getattr(_state, "enabled", True)


def _set_enabled(mode: bool) -> None:
    """Switch recording on or off for the calling thread (the only way it is switched)."""
    if mode:
        _state.enabled = True
        OFF_THREADS.discard(_thread_id())
    else:
        _state.enabled = False
        OFF_THREADS.add(_thread_id())


class _GradModeContext:
    """Base: set a mode on enter, restore the previous one on exit; usable as a decorator."""

    mode = True

    def __enter__(self) -> None:
        self._previous = is_grad_enabled()
        _set_enabled(self.mode)

    def __exit__(self, *exc_info: Any) -> None:
        _set_enabled(self._previous)

    def __call__(self, function: Callable) -> Callable:
        mode = self.mode

        @functools.wraps(function)
        def run_in_mode(*args: Any, **kwargs: Any) -> Any:
            previous = is_grad_enabled()
            _set_enabled(mode)
            try:
                return function(*args, **kwargs)
            finally:
                _set_enabled(previous)

        return run_in_mode

    def clone(self) -> _GradModeContext:
        return type(self)()


class no_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Compute without recording: results have ``requires_grad=False`` and no ``grad_fn``."""

    mode = False


class enable_grad(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Record again inside a ``no_grad`` block."""

    mode = True


class set_grad_enabled(_GradModeContext):  # noqa: N801 - PyTorch's name
    """Switch recording on or off: at once when called, or for a ``with`` block."""

    def __init__(self, mode: bool) -> None:
        self._previous = is_grad_enabled()
        self.mode = bool(mode)
        _set_enabled(self.mode)

    def __enter__(self) -> None:
        _set_enabled(self.mode)

    def __call__(self, function: Callable) -> Callable:
        _set_enabled(self._previous)  # as a decorator it changes nothing until the call
        return super().__call__(function)

    def clone(self) -> set_grad_enabled:
        return set_grad_enabled(self.mode)


class inference_mode(no_grad):  # noqa: N801 - PyTorch's name
    """Like ``no_grad`` here: the engine has no separate inference tensors."""

    def __init__(self, mode: bool = True) -> None:
        self.mode = not mode
