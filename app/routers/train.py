"""Training streams: ``POST /api/train``, ``GET /api/train/stream`` (SSE) and ``/ws/train`` (WebSocket).

Thin: the run is built and slotted by a dependency (422 for a bad configuration or CSV, 429 when every slot
is taken), trained in a worker process by the training service (``remote``), and its events are paced out
here.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, WebSocket, WebSocketDisconnect
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app import config
from app.schemas import Problem
from app.schemas_train import Control, RunConfig, RunsLive
from app.services.training.config import InvalidRun
from app.services.training.control import TooManyRuns, live_runs
from app.services.training.handover import encode, paced
from app.services.training.remote import RemoteRun

router = APIRouter(tags=["train"])
_PROBLEM = {"application/json": {"schema": Problem.model_json_schema()}}  # errors are JSON, not a stream
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "The configuration or the CSV, and what to fix", "content": _PROBLEM},
    429: {"description": "Every training slot is taken (see Retry-After)", "content": _PROBLEM},
    503: {"description": "No training process could be started now (see Retry-After)", "content": _PROBLEM},
}
NO_PROCESS = "the server could not start a training process ({error}); try again in a few seconds"


def _problem_records(error: InvalidRun) -> list[dict[str, Any]]:
    return [{"type": "value_error", "loc": ["body", field], "msg": text} for field, text in error.problems]


def _create(run_config: RunConfig, paused: bool = False) -> RemoteRun:
    """A new run, started, or the HTTP error saying why not (422 what to fix, 429 with Retry-After).

    It starts at once, not when its stream begins: its worker builds it meanwhile and then trains, while the
    response gets under way (its events wait in the run's buffer; a response that never streams closes it).
    """
    try:
        run = RemoteRun(run_config, paused=paused)
    except InvalidRun as error:
        message = " ".join(message for _, message in error.problems)
        raise HTTPException(422, {"message": message, "errors": _problem_records(error)}) from None
    except TooManyRuns as error:
        headers = {"Retry-After": str(error.retry_after)}
        raise HTTPException(429, {"message": str(error), "retry_after": error.retry_after}, headers) from None
    except OSError as error:  # fork refused: out of processes or memory
        retry = config.TRAIN_RETRY_AFTER_SECONDS
        detail = {"message": NO_PROCESS.format(error=error), "retry_after": retry}
        raise HTTPException(503, detail, {"Retry-After": str(retry)}) from None
    run.start()
    return run


async def _posted_run(run_config: RunConfig) -> AsyncIterator[RemoteRun]:
    """The run for a POSTed configuration; stopped, and its slot freed, when the response ends."""
    run = await run_in_threadpool(_create, run_config)
    try:
        yield run
    finally:
        run.close()


async def _queried_run(run_config: Annotated[RunConfig, Query()]) -> AsyncIterator[RemoteRun]:
    """The run for a configuration in the query string (``EventSource`` can only GET)."""
    run = await run_in_threadpool(_create, run_config)
    try:
        yield run
    finally:
        run.close()


async def _stream(run: RemoteRun) -> AsyncIterator[ServerSentEvent]:
    """Pass the run's paced events on, one SSE message per batch of events."""
    try:
        async for message in paced(run.events):
            yield ServerSentEvent(raw_data=message)
    finally:
        run.close()  # at once when the client disconnects, before the dependency's cleanup


@router.post("/api/train", response_class=EventSourceResponse, responses=ERRORS)
async def train(run: Annotated[RemoteRun, Depends(_posted_run)]) -> AsyncIterator[ServerSentEvent]:
    """Train the posted configuration; each SSE message carries ``{"events": [...]}`` (app.schemas_train)."""
    async for message in _stream(run):
        yield message


@router.get("/api/train/stream", response_class=EventSourceResponse, responses=ERRORS)
async def train_stream(run: Annotated[RemoteRun, Depends(_queried_run)]) -> AsyncIterator[ServerSentEvent]:
    """The same stream for ``EventSource`` (query parameters; close the source on the ``done`` event)."""
    async for message in _stream(run):
        yield message


@router.get("/api/train/runs", response_model=RunsLive)
async def runs() -> RunsLive:
    """How many training runs are going (a finished or abandoned run no longer counts)."""
    return RunsLive(live=live_runs(), limit=config.TRAIN_MAX_RUNS)


class _Socket:
    """One ``/ws/train`` connection: at most one run at a time, its events sent as they are paced."""

    def __init__(self, socket: WebSocket) -> None:
        self.socket = socket
        self.run: RemoteRun | None = None
        self.sender: asyncio.Task[None] | None = None
        self.lock = asyncio.Lock()  # the sender task and error replies share the socket

    async def send(self, message: str) -> None:
        """One message, ``{"events": [...]}`` as JSON text."""
        async with self.lock:
            await self.socket.send_text(message)

    async def refuse(self, status: int, message: str, **extra: Any) -> None:
        """An ``error`` event with an HTTP-like status and what to fix; the socket stays open."""
        await self.send(encode([{"type": "error", "status": status, "message": message, **extra}]))

    async def handle(self, text: str) -> None:
        """Carry out one control message, or answer with an ``error`` event saying what to fix."""
        try:
            control = Control.model_validate(json.loads(text))
        except (ValueError, ValidationError) as error:
            details = json.loads(error.json(include_url=False)) if isinstance(error, ValidationError) else []
            await self.refuse(422, f"not a control message: {error}".splitlines()[0], errors=details)
            return
        running = self.run is not None and self.sender is not None and not self.sender.done()
        if control.type == "start":
            if running:
                await self.refuse(409, "a run is going on this socket: send stop first")
                return
            await self.start(control)
        elif not running:
            await self.refuse(409, f"no run is going: send start before {control.type}")
        elif control.type == "set":
            if control.lr is None:
                await self.refuse(422, "set needs the new learning rate in `lr`")
                return
            self.run.command("set", control.lr)
        else:
            self.run.command(control.type, control.unit)

    async def start(self, control: Control) -> None:
        """Create and start the run, or refuse (422 bad configuration or CSV, 429 no free slot)."""
        try:
            self.run = await run_in_threadpool(_create, control.config or RunConfig(), control.paused)
        except HTTPException as error:
            extra = {key: value for key, value in error.detail.items() if key != "message"}
            await self.refuse(error.status_code, error.detail["message"], **extra)
            return
        self.sender = asyncio.create_task(self._forward(self.run))

    async def _forward(self, run: RemoteRun) -> None:
        """Send the run's events, paced, until its ``done``."""
        async for message in paced(run.events):
            await self.send(message)

    async def close(self) -> None:
        """Stop the run and the sender; nothing of this connection is left running."""
        if self.run is not None:
            self.run.close()
        if self.sender is not None:
            self.sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.sender


@router.websocket("/ws/train")
async def train_socket(socket: WebSocket) -> None:
    """Control messages in (see Control: start, pause, resume, step, stop, set); ``{"events": [...]}`` out."""
    await socket.accept()
    connection = _Socket(socket)
    try:
        while True:
            message = await socket.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text") or (message.get("bytes") or b"").decode("utf-8", "replace")
            await connection.handle(text)
    except WebSocketDisconnect:
        pass
    finally:
        await connection.close()
