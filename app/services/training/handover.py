"""Events handed from a training thread to the event loop, and paced to a browser's rate.

The thread appends; the event loop drains. The loop is woken once per empty-to-non-empty change (never once
per event), and ``paced`` sends at most ``TRAIN_MESSAGES_PER_SECOND`` messages a second, each carrying every
event that arrived since the last one, however fast training runs; the last message (the run has ended)
goes at once rather than at its turn.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

from app import config
from app.services.training.event_json import event_json

WAIT_SLICE_SECONDS = 0.1  # how often a thread blocked on a full buffer looks at its stop flag
EventOrText = dict[str, Any] | str  # an event, or its JSON text when the producer encoded it already
Waiter = tuple[asyncio.AbstractEventLoop, asyncio.Event]  # a coroutine waiting on the buffer, and its loop


class EventBuffer:
    """A bounded queue of events between one producer thread and one asyncio consumer."""

    def __init__(self, capacity: int = config.TRAIN_QUEUE_EVENTS) -> None:
        self._capacity = capacity
        self._items: deque[EventOrText] = deque()
        self._lock = threading.Condition()
        self._waiter: Waiter | None = None  # woken by new events or the end
        self._end_waiter: Waiter | None = None  # woken only by the end
        self._closed = False

    def put(self, events: list[EventOrText], stop: threading.Event) -> None:
        """Append events, waiting while the buffer is full unless ``stop`` is set (then they are dropped)."""
        if not events:
            return
        with self._lock:
            while len(self._items) >= self._capacity and not stop.is_set():
                self._lock.wait(WAIT_SLICE_SECONDS)
            if stop.is_set() and len(self._items) >= self._capacity:
                return
            self._items.extend(events)
            _wake(self._waiter)
            self._waiter = None

    def close(self) -> None:
        """Say that no more events will come (the consumer then ends after draining)."""
        with self._lock:
            self._closed = True
            _wake(self._waiter)
            _wake(self._end_waiter)
            self._waiter = self._end_waiter = None

    def drain(self) -> tuple[list[EventOrText], bool]:
        """Every buffered event, and whether the producer has finished (no more will come)."""
        with self._lock:
            items = list(self._items)
            self._items.clear()
            self._lock.notify_all()
            return items, self._closed

    async def wait(self) -> None:
        """Return once there are events or the producer has finished."""
        with self._lock:
            if self._items or self._closed:
                return
            event = asyncio.Event()
            self._waiter = (asyncio.get_running_loop(), event)
        await event.wait()

    async def wait_or_end(self, seconds: float) -> None:
        """Wait ``seconds``, or less if the producer finishes meanwhile (its last events need not wait)."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._closed:
                return
            event = asyncio.Event()
            self._end_waiter = (loop, event)
        timer = loop.call_later(seconds, event.set)
        try:
            await event.wait()
        finally:
            timer.cancel()
            with self._lock:
                self._end_waiter = None


def _wake(waiter: Waiter | None) -> None:
    """Set a waiting coroutine's event from any thread (each waiter is woken once, then forgotten)."""
    if waiter is not None:
        loop, event = waiter
        try:
            loop.call_soon_threadsafe(event.set)
        except RuntimeError:  # the loop has closed: nobody is waiting any more
            pass


async def paced(
    buffer: EventBuffer,
    per_second: float = config.TRAIN_MESSAGES_PER_SECOND,
    max_bytes: int = config.TRAIN_MESSAGE_BYTES,
) -> AsyncIterator[str]:
    """Messages ``{"events": [...]}`` as JSON text, paced, until the producer has finished.

    At most ``per_second`` a second, each at most about ``max_bytes`` (a single larger event still goes).
    """
    interval = 1.0 / per_second
    next_send = 0.0
    pending: deque[str] = deque()  # encoded events not sent yet; refilled only when empty (backpressure)
    while True:
        if not pending:
            await buffer.wait()
        delay = next_send - time.monotonic()
        if delay > 0:
            await buffer.wait_or_end(delay)  # let events gather: one message carries them all
        if not pending:
            events, finished = buffer.drain()
            if not events and finished:
                return
            pending.extend(event if type(event) is str else event_json(event) for event in events)
        if pending:
            next_send = time.monotonic() + interval
            yield _message(pending, max_bytes)


def _message(pending: deque[str], max_bytes: int) -> str:
    """Take events from the front of ``pending`` while the message stays under ``max_bytes``."""
    parts = [pending.popleft()]
    size = len(parts[0])
    while pending and size + len(pending[0]) + 1 <= max_bytes:
        size += len(pending[0]) + 1
        parts.append(pending.popleft())
    return '{"events":[' + ",".join(parts) + "]}"


def encode(events: list[dict[str, Any]]) -> str:
    """One stream message, ``{"events": [...]}``, as JSON (``None`` stands for values not finite)."""
    return '{"events":[' + ",".join(event_json(event) for event in events) + "]}"
