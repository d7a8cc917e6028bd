"""Events handed from a training thread to the event loop, and paced to a browser's rate.

The thread appends; the event loop drains. The loop is woken once per empty-to-non-empty change (never once
per event), and ``paced`` sends at most ``TRAIN_MESSAGES_PER_SECOND`` messages a second, each carrying every
event that arrived since the last one, however fast training runs.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

from app import config

WAIT_SLICE_SECONDS = 0.1  # how often a thread blocked on a full buffer looks at its stop flag


class EventBuffer:
    """A bounded queue of events between one producer thread and one asyncio consumer."""

    def __init__(self, capacity: int = config.TRAIN_QUEUE_EVENTS) -> None:
        self._capacity = capacity
        self._items: deque[dict[str, Any]] = deque()
        self._lock = threading.Condition()
        self._waiter: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        self._closed = False

    def put(self, events: list[dict[str, Any]], stop: threading.Event) -> None:
        """Append events, waiting while the buffer is full unless ``stop`` is set (then they are dropped)."""
        if not events:
            return
        with self._lock:
            while len(self._items) >= self._capacity and not stop.is_set():
                self._lock.wait(WAIT_SLICE_SECONDS)
            if stop.is_set() and len(self._items) >= self._capacity:
                return
            self._items.extend(events)
            self._wake()

    def close(self) -> None:
        """Say that no more events will come (the consumer then ends after draining)."""
        with self._lock:
            self._closed = True
            self._wake()

    def _wake(self) -> None:
        if self._waiter is None:
            return
        loop, event = self._waiter
        self._waiter = None
        try:
            loop.call_soon_threadsafe(event.set)
        except RuntimeError:  # the loop has closed: nobody is waiting any more
            pass

    def drain(self) -> tuple[list[dict[str, Any]], bool]:
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
            await asyncio.sleep(delay)  # let events gather: one message carries them all
        if not pending:
            events, finished = buffer.drain()
            if not events and finished:
                return
            pending.extend(_event_json(event) for event in events)
        if pending:
            next_send = time.monotonic() + interval
            yield _message(pending, max_bytes)


def _event_json(event: dict[str, Any]) -> str:
    """One event as JSON text (ASCII: its length is its size in bytes)."""
    return json.dumps(event, separators=(",", ":"), allow_nan=False)


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
    return '{"events":[' + ",".join(_event_json(event) for event in events) + "]}"
