"""POST /api/run/stream: the learner's own snippet, streamed as it runs (Server-Sent Events).

The loop a learner writes is the loop they watch: printed lines arrive as ``stdout`` events and every
``optimizer.step()`` as a ``step`` event with the loss, paced and batched like the training streams
(``{"events": [...]}`` per message), ending with the same ``result`` that ``POST /api/run`` answers.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.sse import EventSourceResponse, ServerSentEvent

from app.schemas import Problem, RunRequest
from app.services import sandbox
from app.services.training.handover import EventBuffer, paced

router = APIRouter(prefix="/api", tags=["run"])


def _pump(events: Iterator[dict[str, Any]], buffer: EventBuffer, stop: threading.Event) -> None:
    """Move the run's events into ``buffer`` until it ends or the client has gone (then the run is killed)."""
    try:
        for event in events:
            if stop.is_set():
                break
            buffer.put([event], stop)
    finally:
        events.close()  # a run cut short here is killed with its worker, which the pool replaces
        buffer.close()


@router.post("/run/stream", response_class=EventSourceResponse, responses={422: {"model": Problem}})
async def run_stream(body: RunRequest) -> AsyncIterator[ServerSentEvent]:
    """Run the code; each SSE message is ``{"events": [...]}`` with `stdout`, `step`, `frame` and `result`."""
    buffer, stop = EventBuffer(), threading.Event()
    events = sandbox.stream_code(body.code, lang=body.lang)
    threading.Thread(target=_pump, args=(events, buffer, stop), daemon=True, name="run-stream").start()
    try:
        async for message in paced(buffer):
            yield ServerSentEvent(raw_data=message)
    finally:
        stop.set()
