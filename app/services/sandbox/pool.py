"""The server's side of the sandbox: a small pool of pre-started worker processes, and the public API.

The server process never runs user code: it sends the code to an idle worker (``worker.py``) and reads
its events back. A worker that stops answering in time is killed with its run and replaced in the
background; a client that stops reading a stream has its run killed the same way.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import config
from app.services.sandbox.errors import LimitExceeded, error_report
from app.services.sandbox.fairqueue import FairQueue

PROJECT_ROOT = Path(__file__).resolve().parents[3]
WORKER_START_SECONDS = (
    30.0  # a worker imports numpy and the engine before it is ready; generous on a busy machine
)
READ_MARGIN_SECONDS = 2.0  # beyond the worker's own kill margin, before the server gives up on a worker
READ_BYTES = 1 << 20  # bytes read from a worker at a time
THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class WorkerLost(Exception):
    """The worker died or stopped answering; it has been killed."""


class Worker:
    """One worker process and the JSON lines it writes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.services.sandbox.worker"],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **THREAD_ENV},
            start_new_session=True,
        )
        self.buffer = bytearray()
        self.runs = 0
        ready = self.read_event(time.monotonic() + WORKER_START_SECONDS)
        if ready.get("type") != "ready":
            self.kill()
            raise WorkerLost(f"the worker started badly: {ready}")

    def read_event(self, deadline: float) -> dict[str, Any]:
        """The next JSON line, waiting at most until ``deadline`` (lines may be megabytes: frames)."""
        descriptor = self.process.stdout.fileno()
        scanned = 0
        while (newline := self.buffer.find(b"\n", scanned)) < 0:
            scanned = len(self.buffer)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                self.kill()
                raise WorkerLost("the worker did not answer in time")
            chunk = os.read(descriptor, READ_BYTES)
            if not chunk:
                self.kill()
                raise WorkerLost("the worker exited")
            self.buffer += chunk
        line = bytes(self.buffer[:newline])
        del self.buffer[: newline + 1]
        try:
            return json.loads(line)
        except ValueError:
            return {"type": "garbled"}  # not an event (no run id): skipped by ``events``

    def events(self, code: str, lang: str) -> Iterator[dict[str, Any]]:
        """Send one run; yield its events up to and including its result.

        Lines of earlier runs (their "idle", or a result written after a kill) are skipped by run id.
        """
        self.runs += 1
        limits = {name: getattr(config, name) for name in dir(config) if name.startswith("SANDBOX_")}
        request = json.dumps({"id": self.runs, "code": code, "lang": lang, "limits": limits}) + "\n"
        try:
            self.process.stdin.write(request.encode("ascii"))
            self.process.stdin.flush()
        except OSError as exc:
            self.kill()
            raise WorkerLost("the worker is gone") from exc
        deadline = time.monotonic() + config.SANDBOX_WALL_SECONDS + config.SANDBOX_KILL_MARGIN_SECONDS
        deadline += READ_MARGIN_SECONDS
        while True:
            event = self.read_event(deadline)
            if event.pop("run", None) != self.runs:
                continue
            yield event
            if event["type"] == "result":
                return

    def alive(self) -> bool:
        """Whether the worker process is still running."""
        return self.process.poll() is None

    def kill(self) -> None:
        """Kill the worker and any run it forked (they share its process group)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()


class Pool:
    """Idle workers in a queue; a run takes one, gives it back, or has it replaced."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.idle: FairQueue[Worker] = FairQueue()
        self.workers: set[Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        starters = [threading.Thread(target=self.add_worker) for _ in range(size)]
        for starter in starters:
            starter.start()
        for starter in starters:
            starter.join()

    def add_worker(self) -> None:
        """Start one worker and make it available (unless the pool was closed meanwhile)."""
        worker = Worker()
        with self.lock:
            if self.closed:
                worker.kill()
                return
            self.workers.add(worker)
        self.idle.put(worker)

    def replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        worker.kill()
        with self.lock:
            self.workers.discard(worker)
            if self.closed:
                return
        threading.Thread(target=self.add_worker, daemon=True).start()

    def stream(self, code: str, lang: str) -> Iterator[dict[str, Any]]:
        """The events of one run on an idle worker; the worker is given back, or replaced if lost."""
        worker = self.idle.get(timeout=config.SANDBOX_QUEUE_SECONDS)
        if worker is None:
            yield _failed("ServerBusy", "every sandbox worker is busy; try again in a moment", [], [])
            return
        finished = lost = False
        stdout: list[str] = []
        frames: list[dict[str, Any]] = []
        try:
            for event in worker.events(code, lang):
                if event["type"] == "stdout":
                    stdout.append(event["text"])
                elif event["type"] == "frame":
                    frames.append({key: event[key] for key in ("label", "line", "graph")})
                elif event["type"] == "result":
                    event = _completed(event, stdout, frames)
                    finished = True
                yield event
        except WorkerLost:
            lost = finished = True
            yield _failed("LimitExceeded", "", stdout, frames)
        finally:
            if finished and not lost:
                self.idle.put(worker)
            else:  # the worker was lost, or the reader stopped early while the run may still be going
                self.replace(worker)

    def close(self) -> None:
        """Kill every worker; runs in progress end with an error."""
        with self.lock:
            self.closed = True
            workers = list(self.workers)
            self.workers.clear()
        for worker in workers:
            worker.kill()


def _completed(result: dict[str, Any], stdout: list[str], frames: list[dict[str, Any]]) -> dict[str, Any]:
    """The result with the frames streamed before it (and their stdout, if the run died without a result)."""
    if result.get("stdout") is None:
        result["stdout"] = "".join(stdout)
    result["frames"] = frames
    result["graph"] = frames[-1]["graph"] if frames and frames[-1]["label"] == "end" else None
    return result


def _failed(kind: str, message: str, stdout: list[str], frames: list[dict[str, Any]]) -> dict[str, Any]:
    if kind == "LimitExceeded":
        error = error_report(
            LimitExceeded(
                "SANDBOX_WALL_SECONDS",
                f"the run took longer than {config.SANDBOX_WALL_SECONDS:g} seconds and was stopped",
            )
        )
    else:
        error = {
            "type": kind,
            "message": message,
            "line": None,
            "column": None,
            "hint": {
                "ja": "混み合っています。少し待ってからもう一度実行してください。",
                "en": "The server is busy. Wait a moment and run again.",
            },
        }
    result = {
        "type": "result",
        "stdout": None,
        "error": error,
        "variables": [],
        "warnings": [],
        "stats": {},
    }
    return _completed(result, stdout, frames)
