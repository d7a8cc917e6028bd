"""Fair turns at the CPU for training threads: first come, first served, slot handed over on release.

With the GIL, threads computing side by side gain nothing, and a plain semaphore lets the thread that just
released win again at once (the others starve). Here a released slot goes straight to the longest waiter.
"""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class Turns:
    """A FIFO semaphore: ``with turns:`` waits for one of ``slots`` in order of arrival."""

    def __init__(self, slots: int) -> None:
        self._lock = threading.Lock()
        self._free = slots
        self._waiting: deque[threading.Lock] = deque()

    def __enter__(self) -> None:
        with self._lock:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                return
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        gate.acquire()  # released by whoever hands its slot over to us

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()  # the slot passes on without becoming free
            else:
                self._free += 1
