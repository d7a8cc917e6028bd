"""One sandbox worker process, seen from the server: start it, send it runs, read its lines, kill it.

The worker writes lines ``KIND JSON`` (see ``worker.py``); here they are split, not decoded: the server
decodes only what it needs (a streamed run's events), and passes a whole answer through as bytes. Each
worker has a journal (``journal.py``): the events of a whole-answer run, read only if the worker is lost.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import BLAS_THREADS, config
from app.services.sandbox.errors import LimitExceeded, error_report
from app.services.sandbox.journal import Journal

PROJECT_ROOT = Path(__file__).resolve().parents[3]
WORKER_START_SECONDS = 30.0  # a worker imports numpy and the engine before it is ready; generous when busy
READ_MARGIN_SECONDS = 2.0  # beyond the worker's own kill timer, before the server gives up on a worker
EXIT_WAIT_SECONDS = 1.0  # after a worker's channel closed, how long its exit status may take to arrive
READ_BYTES = 1 << 16  # bytes read from a worker at a time: a pipe's capacity (a 1 MB buffer costs an mmap)
ANSWERS = ("result", "last")  # the kinds of line that end a run (after "last" the worker exits)
LIMIT_NAMES = tuple(name for name in dir(config) if name.startswith("SANDBOX_"))  # sent with every run
OUT_OF_TIME_SIGNALS = (signal.SIGALRM, signal.SIGXCPU)  # the worker's wall timer and its CPU limit


class WorkerLost(Exception):
    """The worker died or stopped answering; it has been killed."""

    def __init__(
        self,
        reason: str,
        *,
        timed_out: bool = False,
        status: int | None = None,
        journal: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(reason)
        self.timed_out, self.status = timed_out, status
        self.journal = journal or []  # the events of a whole-answer run, as its journal kept them

    def out_of_time(self) -> bool:
        """Whether the run was stopped for time (by the server, or by the worker's timer or CPU limit)."""
        return self.timed_out or (self.status is not None and -self.status in OUT_OF_TIME_SIGNALS)


class Worker:
    """One worker process and the lines it writes; started at once, serving after ``wait_ready``."""

    def __init__(self) -> None:
        self.journal = Journal.create()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.services.sandbox.worker", str(self.journal.descriptor)],
            pass_fds=(self.journal.descriptor,),
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **BLAS_THREADS},  # one each, whatever the server's environment says
            start_new_session=True,
        )
        self.journal.detach()
        self.buffer = bytearray()
        self.runs = 0  # runs sent to it (the worker counts them too, to know when it is worn out)

    def wait_ready(self) -> None:
        """Wait until the worker has imported and warmed up the engine (raises ``WorkerLost`` if it fails)."""
        kind, payload = self.read_line(time.monotonic() + WORKER_START_SECONDS)
        if kind != "ready":
            self.kill()
            raise WorkerLost(f"the worker started badly: {kind} {payload[:200]!r}")

    def _lost(self, reason: str, timed_out: bool = False) -> WorkerLost:
        """Kill the worker (if it still runs) and say why it is lost, with its exit status and journal."""
        if not timed_out:
            try:
                self.process.wait(EXIT_WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                pass
        self.kill()
        journal = self.journal_events()
        self.journal.close()
        return WorkerLost(reason, timed_out=timed_out, status=self.process.returncode, journal=journal)

    def read_line(self, deadline: float) -> tuple[str, bytes]:
        """The next line's kind and JSON payload, waiting at most until ``deadline``."""
        descriptor = self.process.stdout.fileno()
        scanned = 0
        while (newline := self.buffer.find(b"\n", scanned)) < 0:
            scanned = len(self.buffer)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                raise self._lost("the worker did not answer in time", timed_out=True)
            chunk = os.read(descriptor, READ_BYTES)
            if not chunk:
                raise self._lost("the worker exited")
            self.buffer += chunk
        line = bytes(self.buffer[:newline])
        del self.buffer[: newline + 1]
        kind, _, payload = line.partition(b" ")
        return kind.decode("ascii", "replace"), payload

    def exchange(self, code: str, lang: str, stream: bool) -> Iterator[tuple[str, bytes]]:
        """Send one run; yield its lines up to and including its answer (``result`` or ``last``)."""
        limits = {name: getattr(config, name) for name in LIMIT_NAMES}
        request = {"code": code, "lang": lang, "limits": limits, "stream": stream}
        self.runs += 1
        try:
            self.process.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            self.process.stdin.flush()
        except OSError as exc:
            raise self._lost("the worker is gone") from exc
        deadline = time.monotonic() + config.SANDBOX_WALL_SECONDS + config.SANDBOX_KILL_MARGIN_SECONDS
        deadline += READ_MARGIN_SECONDS
        while True:
            kind, payload = self.read_line(deadline)
            yield kind, payload
            if kind in ANSWERS:
                return

    def alive(self) -> bool:
        """Whether the worker process is still running."""
        return self.process.poll() is None

    def kill(self) -> None:
        """Kill the worker (its whole process group) and close its pipes."""
        if self.process.poll() is None:  # once reaped, its pid (and group id) may belong to another process
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass  # a request still buffered for a dead worker cannot be flushed

    def journal_events(self) -> list[dict[str, Any]]:
        """The events of the current run from its journal (read after the worker is lost)."""
        events = []
        for _, payload in self.journal.lines():
            try:
                events.append(json.loads(payload))
            except ValueError:
                continue  # cut short by the worker's death
        return events


def lost_result(lost: WorkerLost, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer for a run whose worker was lost: what it printed and recorded, and why it stopped."""
    if lost.out_of_time():
        limit = "SANDBOX_WALL_SECONDS"
        message = f"the run took longer than {config.SANDBOX_WALL_SECONDS:g} seconds and was stopped"
    else:
        limit, message = "SANDBOX_MEMORY_BYTES", "the run stopped abruptly (most likely it ran out of memory)"
    events = [event for event in events if isinstance(event, dict)]  # a journal cut short may hold anything
    kept = [
        event for event in events if event.get("type") == "frame" and isinstance(event.get("graph"), dict)
    ]
    frames = [
        {"label": str(event.get("label")), "line": event.get("line"), "graph": event["graph"]}
        for event in kept
    ]
    return {
        "stdout": "".join(str(event.get("text")) for event in events if event.get("type") == "stdout"),
        "error": error_report(LimitExceeded(limit, message)),
        "variables": [],
        "frames": frames,
        "graph": frames[-1]["graph"] if frames and frames[-1]["label"] == "end" else None,
        "warnings": [],
        "stats": {},
    }
