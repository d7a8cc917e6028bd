"""Events handed from a training thread to the event loop, and paced to a browser's rate.

The thread appends a batch at a time (a training turn's events); the event loop takes every batch at once.
``paced`` sends at most ``TRAIN_MESSAGES_PER_SECOND`` messages a second, each carrying every event that
arrived since the last one, however fast training runs: it sleeps until a message's turn and is woken by the
thread only when it found the buffer empty, so a steady stream costs the event loop one wake-up and a few
string joins per message, never work per event. The last message (the run has ended) goes at once rather
than at its turn.
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
Batch = tuple[str, list[str]]  # a batch's events as one JSON text (comma-joined), and each event's text


class EventBuffer:
    """A bounded queue of events between one producer thread and one asyncio consumer.

    Events are kept in the batches they were put in, so that handing a turn's worth over costs the consumer
    one step per batch rather than one per event.
    """

    def __init__(self, capacity: int = config.TRAIN_QUEUE_EVENTS) -> None:
        self._capacity = capacity
        self._batches: deque[list[EventOrText]] = deque()
        self._count = 0  # events in ``_batches``
        self._lock = threading.Condition()
        self._waiter: Waiter | None = None  # woken by new events or the end
        self._end_waiter: Waiter | None = None  # woken only by the end
        self._closed = False

    def put(self, events: list[EventOrText], stop: threading.Event) -> None:
        """Append events, waiting while the buffer is full unless ``stop`` is set (then they are dropped)."""
        if not events:
            return
        with self._lock:
            while self._count >= self._capacity and not stop.is_set():
                self._lock.wait(WAIT_SLICE_SECONDS)
            if stop.is_set() and self._count >= self._capacity:
                return
            self._batches.append(list(events))
            self._count += len(events)
            _wake(self._waiter)
            self._waiter = None

    def close(self) -> None:
        """Say that no more events will come (the consumer then ends after draining)."""
        with self._lock:
            self._closed = True
            _wake(self._waiter)
            _wake(self._end_waiter)
            self._waiter = self._end_waiter = None

    def take(self) -> tuple[list[list[EventOrText]], bool]:
        """Every buffered batch of events, oldest first, and whether the producer has finished."""
        with self._lock:
            batches = list(self._batches)
            self._batches.clear()
            self._count = 0
            self._lock.notify_all()
            return batches, self._closed

    def drain(self) -> tuple[list[EventOrText], bool]:
        """Every buffered event, and whether the producer has finished (no more will come)."""
        batches, closed = self.take()
        return [event for batch in batches for event in batch], closed

    async def wait(self) -> None:
        """Return once there are events or the producer has finished."""
        with self._lock:
            if self._batches or self._closed:
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
    While events keep coming, the consumer wakes once per message: it sleeps until the message's turn, then
    takes everything that has gathered.
    """
    interval = 1.0 / per_second
    next_send = 0.0
    pending: deque[Batch] = deque()  # encoded batches not sent yet; refilled only when empty (backpressure)
    while True:
        delay = next_send - time.monotonic()
        if delay > 0:
            await buffer.wait_or_end(delay)  # let events gather: one message carries them all
        if not pending:
            await buffer.wait()
            batches, finished = buffer.take()
            if not batches and finished:
                return
            pending.extend(map(_joined, batches))
        next_send = time.monotonic() + interval
        yield _message(pending, max_bytes)


def _joined(batch: list[EventOrText]) -> Batch:
    """A batch as its events' JSON texts joined by commas, and the texts (a producer may send them ready)."""
    try:
        return ",".join(batch), batch  # type: ignore[arg-type]
    except TypeError:  # some are events still to encode
        texts = [event if type(event) is str else event_json(event) for event in batch]
        return ",".join(texts), texts


def _message(pending: deque[Batch], max_bytes: int) -> str:
    """Take events from the front of ``pending`` while the message stays under ``max_bytes``.

    Whole batches go as they are; a batch that does not fit is split, and its rest waits for the next message.
    """
    parts: list[str] = []
    size = -1  # the events' length with the commas between them (the first has none)
    while pending:
        text, texts = pending[0]
        if size + 1 + len(text) <= max_bytes:
            parts.append(text)
            size += 1 + len(text)
            pending.popleft()
            continue
        taken = 0
        while taken < len(texts) and (size < 0 or size + 1 + len(texts[taken]) <= max_bytes):
            size += 1 + len(texts[taken])  # the first event of a message always goes, however large
            taken += 1
        if taken:
            parts.append(",".join(texts[:taken]))
        rest = texts[taken:]
        if rest:
            pending[0] = (",".join(rest), rest)
        else:
            pending.popleft()
        break
    return '{"events":[' + ",".join(parts) + "]}"


def encode(events: list[dict[str, Any]]) -> str:
    """One stream message, ``{"events": [...]}``, as JSON (``None`` stands for values not finite)."""
    return '{"events":[' + ",".join(event_json(event) for event in events) + "]}"
