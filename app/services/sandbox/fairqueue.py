"""A first-come, first-served queue of idle workers: a run waiting longest gets the next free worker.

``queue.Queue`` lets a newly arriving thread take an item before a thread that has waited for seconds;
under load that starves some requests. Here a freed item is handed to the oldest waiter directly.
"""

from __future__ import annotations

import collections
import threading
from typing import Generic, TypeVar

Item = TypeVar("Item")


class _Waiter(Generic[Item]):
    __slots__ = ("event", "item")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.item: Item | None = None


class FairQueue(Generic[Item]):
    """``put`` an item; ``get`` the oldest free one, waiting in arrival order (None after ``timeout``)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: collections.deque[Item] = collections.deque()
        self.waiters: collections.deque[_Waiter[Item]] = collections.deque()

    def put(self, item: Item) -> None:
        """Give ``item`` to the oldest waiter, or keep it for the next ``get``."""
        with self.lock:
            if self.waiters:
                waiter = self.waiters.popleft()
                waiter.item = item
                waiter.event.set()
            else:
                self.items.append(item)

    def get(self, timeout: float) -> Item | None:
        """The next item, in arrival order among waiters; None after ``timeout`` seconds."""
        with self.lock:
            if self.items and not self.waiters:
                return self.items.popleft()
            waiter: _Waiter[Item] = _Waiter()
            self.waiters.append(waiter)
        if waiter.event.wait(timeout):
            return waiter.item
        with self.lock:
            if waiter.event.is_set():  # handed an item just as the wait ended
                return waiter.item
            self.waiters.remove(waiter)
        return None
