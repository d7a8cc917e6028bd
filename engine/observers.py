"""Watching the graph being made and walked (for the graph view): per thread, nestable, free when unused.

``observe_forward(callback)`` calls ``callback(node, inputs, result)`` for every node this thread records;
``observe_backward(callback, on_start, on_end)`` calls ``callback(node, grad_in, grads_out)`` for every node
backward runs in this thread, in order, ``on_start()`` when a pass begins and ``on_end(completed)`` when it
ends. ``engine.function`` and ``engine.autograd`` call in here; nothing here imports them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

_observers = threading.local()  # this thread's callbacks by kind: backward, backward_start/_end, forward
forward_watchers = 0  # observe_forward blocks open in any thread: Function.record tests this first
_watchers_lock = threading.Lock()


@contextmanager
def _observing(kind: str, callback: Callable) -> Iterator[None]:
    """Add ``callback`` to this thread's callbacks of ``kind`` for the block (blocks nest)."""
    slot = _observers.__dict__
    previous = slot.get(kind, ())
    slot[kind] = (*previous, callback)
    try:
        yield
    finally:
        slot[kind] = previous


class observe_backward:  # lower case: a context manager used like a function, as contextlib's are
    """Call ``callback(node, grad_in, grads_out)`` for every node backward runs in this thread, in order.

    ``grads_out`` pairs with ``node.next_functions`` (before being summed back to the inputs' shapes);
    for an ``AccumulateGrad`` it is empty and the leaf's ``.grad`` has just been updated.
    ``on_start()`` is called when a backward pass begins, ``on_end(completed)`` when it ends (``completed``
    is False when it raised, e.g. backward through a freed graph). A class rather than a generator: the
    training stream enters one per traced snapshot, and this costs a third as much.
    """

    __slots__ = ("_added", "_slot", "_previous")

    def __init__(self, callback: Callable, on_start: Callable | None = None, on_end: Callable | None = None):
        kinds = (("backward", callback), ("backward_start", on_start), ("backward_end", on_end))
        self._added = [(kind, added) for kind, added in kinds if added is not None]
        self._slot: dict = {}
        self._previous: list[tuple[str, tuple]] = []

    def __enter__(self) -> None:
        """Add the callbacks to this thread's (blocks nest)."""
        slot = self._slot = _observers.__dict__
        self._previous = [(kind, slot.get(kind, ())) for kind, _ in self._added]
        for kind, added in self._added:
            slot[kind] = (*slot.get(kind, ()), added)

    def __exit__(self, *exc_info: object) -> None:
        """Give the thread back the callbacks it had."""
        for kind, previous in self._previous:
            self._slot[kind] = previous


@contextmanager
def observe_forward(callback: Callable, on_overwrite: Callable | None = None) -> Iterator[None]:
    """Call ``callback(node, inputs, result)`` for every node recorded in this thread, as it is recorded,
    and ``on_overwrite(memory)`` before an in-place change of a tensor in a graph writes into ``memory`` (so
    that arrays the observer keeps can be copied first: they show what the graph computed)."""
    global forward_watchers
    with _watchers_lock:
        forward_watchers += 1
    try:
        with _observing("forward", callback), _observing("overwrite", on_overwrite or _ignore):
            yield
    finally:
        with _watchers_lock:
            forward_watchers -= 1


def _ignore(memory: np.ndarray) -> None:
    return None


def notify_forward(node: Any, inputs: tuple, result: object) -> None:
    """Tell this thread's forward observers about a node just recorded."""
    for callback in _observers.__dict__.get("forward", ()):
        callback(node, inputs, result)


def notify_overwrite(memory: np.ndarray) -> None:
    """Tell this thread's forward observers that ``memory`` is about to be written in place."""
    for callback in _observers.__dict__.get("overwrite", ()):
        callback(memory)


def _notify_backward(callbacks: tuple) -> Callable | None:
    """One observer call for the backward loop, or None when nobody watches."""
    if not callbacks:
        return None
    if len(callbacks) == 1:
        return callbacks[0]

    def notify_all(node: Any, grad_in: np.ndarray, grads_out: Sequence) -> None:
        for callback in callbacks:
            callback(node, grad_in, grads_out)

    return notify_all
