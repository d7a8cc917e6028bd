"""The server's side of the sandbox: a small pool of long-lived worker processes, and spares.

The server process never runs user code: it sends the code to an idle worker (``worker.py``), which runs
many snippets in turn, and reads its answer back. A worker that stops answering in time, dies, or is
worn out (it says ``last``) is replaced at once by a pre-started spare, and a new spare starts in the
background, so no request waits for a process to start. A client that stops reading a stream has its
run killed the same way.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

from app import config
from app.services.sandbox.answer import encode
from app.services.sandbox.fairqueue import FairQueue
from app.services.sandbox.process import Worker, WorkerLost, lost_result

START_ATTEMPTS = 3  # tries to start a worker before a background start gives up (the pool runs one short)
BUSY_MESSAGE = "every sandbox worker is busy; try again in a moment"
BUSY_HINT = {
    "ja": "混み合っています。少し待ってからもう一度実行してください。",
    "en": "The server is busy. Wait a moment and run again.",
}


class ServerBusy(Exception):
    """No worker became free within ``SANDBOX_QUEUE_SECONDS``; ``result`` is the answer that says so."""

    def __init__(self) -> None:
        super().__init__(BUSY_MESSAGE)
        self.result = _failed("ServerBusy", BUSY_MESSAGE, [], [])


class Pool:
    """``size`` workers serving runs from a fair queue, and spares ready to take a retired one's place."""

    def __init__(self, size: int, spares: int | None = None) -> None:
        self.size = size
        self.spare_count = config.SANDBOX_SPARE_WORKERS if spares is None else spares
        self.idle: FairQueue[Worker] = FairQueue()
        self.workers: set[Worker] = set()  # serving: idle or running a snippet
        self.spares: list[Worker] = []
        self.starting: set[Worker] = set()  # processes not ready yet
        self.lock = threading.Lock()
        self.closed = False
        starters = [threading.Thread(target=self.add_worker) for _ in range(size)]
        for starter in starters:
            starter.start()
        for starter in starters:
            starter.join()
        for _ in range(self.spare_count):
            threading.Thread(target=self.add_worker, daemon=True).start()

    def add_worker(self) -> None:
        """Start a worker; it serves if the pool is short of workers, else waits as a spare."""
        for _ in range(START_ATTEMPTS):
            with self.lock:
                if self.closed:
                    return
                try:
                    worker = Worker()
                except OSError:  # no process could be made now (too many, say): try again
                    continue
                self.starting.add(worker)  # so that closing the pool kills it too
            try:
                worker.wait_ready()
                break
            except (WorkerLost, OSError, ValueError):  # it failed to start, or close() killed it meanwhile
                worker.kill()
                continue
            finally:
                with self.lock:
                    self.starting.discard(worker)
        else:
            return
        with self.lock:
            serving = not self.closed and len(self.workers) < self.size
            waiting = not self.closed and not serving and len(self.spares) < self.spare_count
            if serving:
                self.workers.add(worker)
            elif waiting:
                self.spares.append(worker)
        if serving:
            self.idle.put(worker)
        elif not waiting:  # closed meanwhile, or nobody needs it any more
            worker.kill()

    def replace(self, worker: Worker) -> None:
        """Kill ``worker``; a spare takes its place at once, and another process starts in the background."""
        worker.kill()
        with self.lock:
            self.workers.discard(worker)
            if self.closed:
                return
            spare = self.spares.pop(0) if self.spares else None
            if spare is not None:
                self.workers.add(spare)
        if spare is not None:
            self.idle.put(spare)
        threading.Thread(target=self.add_worker, daemon=True).start()

    def _release(self, worker: Worker, retire: bool) -> None:
        """A worker that answered: back to the queue, or replaced when it said it retires."""
        if retire:
            self.replace(worker)
        else:
            self.idle.put(worker)

    def run_json(self, code: str, lang: str) -> bytes:
        """The answer to one run as JSON bytes, as the worker encoded it (raises ``ServerBusy``)."""
        worker = self.idle.get(timeout=config.SANDBOX_QUEUE_SECONDS)
        if worker is None:
            raise ServerBusy
        try:
            for kind, payload in worker.exchange(code, lang, stream=False):
                if kind in ("result", "last"):
                    self._release(worker, retire=kind == "last")
                    return payload
        except WorkerLost as lost:
            self.replace(worker)
            return encode(lost_result(lost, lost.journal))  # what the run printed and recorded before
        except BaseException:
            self.replace(worker)
            raise
        self.replace(worker)  # not reached: an exchange ends with the answer or WorkerLost
        raise WorkerLost("the worker ended its answer early")

    def stream(self, code: str, lang: str) -> Iterator[dict[str, Any]]:
        """The events of one run as they happen, ending with ``{"type": "result", ...the answer}``."""
        worker = self.idle.get(timeout=config.SANDBOX_QUEUE_SECONDS)
        if worker is None:
            yield ServerBusy().result | {"type": "result"}
            return
        sent: list[dict[str, Any]] = []
        try:
            for kind, payload in worker.exchange(code, lang, stream=True):
                event = json.loads(payload)
                if kind in ("result", "last"):
                    self._release(worker, retire=kind == "last")
                    worker = None
                    yield {"type": "result", **event}
                    return
                if kind in ("stdout", "frame"):
                    sent.append(event)
                yield event
        except WorkerLost as lost:
            self.replace(worker)
            worker = None
            yield {"type": "result", **lost_result(lost, sent)}
        finally:
            if worker is not None:  # the reader stopped early while the run may still be going
                self.replace(worker)

    def close(self) -> None:
        """Kill every worker and spare; runs in progress end with an error."""
        with self.lock:
            self.closed = True
            workers = [*self.workers, *self.spares, *self.starting]
            self.workers.clear()
            self.spares.clear()
        for worker in workers:
            worker.kill()


def _failed(kind: str, message: str, stdout: list[str], frames: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer for a run that never ran (``ServerBusy``) or whose worker was lost (``LimitExceeded``)."""
    if kind == "LimitExceeded":
        events = [{"type": "stdout", "text": text} for text in stdout]
        events += [{"type": "frame", **frame} for frame in frames]
        return lost_result(WorkerLost("the run took too long", timed_out=True), events)
    error = {"type": kind, "message": message, "line": None, "column": None, "hint": BUSY_HINT, "limit": None}
    return {
        "stdout": "",
        "error": error,
        "variables": [],
        "frames": [],
        "graph": None,
        "warnings": [],
        "stats": {},
    }
