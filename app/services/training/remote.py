"""A training run in a worker process (``worker.serve``), seen from the server with ``TrainingRun``'s face.

Training in the server's own process shares the GIL and a core with the event loop, and the hand-offs cost
the run a good part of its speed; in a worker, whose reporter process writes the events as JSON, the server
only relays the texts it receives. Workers are forked by multiprocessing's forkserver with numpy, the engine
and the training service preloaded, and one is kept forked ahead (``start_workers`` at server start), so a
run starts in a few milliseconds. ``RemoteRun`` holds a slot of the same registry as ``TrainingRun``
(``live_runs``) from creation until its worker has exited.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import threading
from typing import Any

from app import config
from app.services.training import worker
from app.services.training.config import RunConfig
from app.services.training.control import check_command, failure_events, registry
from app.services.training.event_json import event_json
from app.services.training.experiment import check
from app.services.training.handover import EventBuffer

LOST = "training failed: its worker process ended without finishing the run (exit code {code})"
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["app.services.training.worker"])
_ids = itertools.count(1)


class _Worker:
    """A forked worker process (``worker.serve``) waiting for its run, and the server's ends of its pipes."""

    def __init__(self) -> None:
        self.events_in, events_out = worker.one_way_pipe()  # holds a turn's events (worker.PIPE_BYTES)
        commands_in, self.commands_out = _context.Pipe(duplex=False)
        self.process = _context.Process(
            target=worker.serve, args=(events_out, commands_in), name="koubai-train", daemon=True
        )
        self.process.start()
        events_out.close()  # the worker's ends: closed here, so that its exit ends the pipes
        commands_in.close()

    def discard(self) -> None:
        """End a worker that never got a run: it exits when its commands pipe closes."""
        self.commands_out.close()
        self.events_in.close()
        self.process.join(config.TRAIN_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class _Spare:
    """One worker forked ahead, so that a run starts without waiting for a fork (about 8 ms of it).

    The server asks for spares (``start_workers``). A taken spare is replaced when its run has ended and its
    stream has been closed, not sooner: forking and warming up a process would take CPU from the run (a busy
    second core slows this machine's first by a few percent) and from sending its last events; a run
    started meanwhile forks its own worker.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards the fields below
        self._forking = threading.Lock()  # one replacement at a time
        self._ready: _Worker | None = None
        self._wanted = False

    def want(self, wanted: bool) -> None:
        """Keep a spare ready from now on, or stop doing so and end the one waiting.

        Stopping waits for a fork under way, so that none starts (or starts a forking process) after it.
        """
        with self._forking, self._lock:
            self._wanted = wanted
            waiting, self._ready = (None, self._ready) if wanted else (self._ready, None)
        if waiting is not None:
            waiting.discard()
        if wanted:
            self.replenish()

    def take(self) -> _Worker:
        """The waiting spare, or a newly forked worker when there is none (``OSError`` if forking fails)."""
        with self._lock:
            ready, self._ready = self._ready, None
        if ready is not None and not ready.process.is_alive():
            ready.discard()  # its pipes are closed, not left open with nobody at the other end
            ready = None
        return ready if ready is not None else _Worker()

    def replenish(self) -> None:
        """Fork a spare if one is wanted and none is waiting (a failed fork leaves none: runs fork then)."""
        with self._forking:
            with self._lock:
                if not self._wanted or self._ready is not None:
                    return
            try:
                fresh = _Worker()
            except OSError:
                return
            with self._lock:
                self._ready = fresh


_spare = _Spare()


def start_workers() -> None:
    """Start the process that forks workers (it imports numpy and the engine once) and fork a spare."""
    _spare.want(True)


def stop_workers() -> None:
    """End the spare, then stop the forking process and multiprocessing's resource tracker, and reap them.

    Else they end only when they notice the server has gone, and linger unreaped meanwhile. Their ``_stop``
    methods are the standard library's own way (its tests use them); there is no public one.
    """
    _spare.want(False)
    for helper in (multiprocessing.forkserver, multiprocessing.resource_tracker):
        running = getattr(helper, "_forkserver", None) or getattr(helper, "_resource_tracker", None)
        if running is not None and hasattr(running, "_stop"):
            running._stop()


class RemoteRun:
    """One run in a worker: checked and slotted at creation (``InvalidRun`` / ``TooManyRuns``), like
    ``TrainingRun``; its events arrive as JSON text in ``events``, its commands go to the worker."""

    def __init__(self, run_config: RunConfig, paused: bool = False) -> None:
        self.id = next(_ids)
        check(run_config)  # a bad configuration or CSV is refused here, before any process starts
        registry.reserve(self.id)
        self.events = EventBuffer()
        self._stop = threading.Event()
        self._finished = threading.Event()  # the worker has sent its last events: it is ending on its own
        self._reaped = threading.Event()  # the worker has exited and every event has been relayed
        self._consumed = threading.Event()  # closed by its consumer (the stream has ended)
        self._closed = False
        self._lock = threading.Lock()  # commands come from the event loop, closing from cleanup
        try:
            taken = _spare.take()  # forked ahead, or here (off the event loop)
        except BaseException:
            registry.release(self.id)
            raise
        self._process, self._events_in = taken.process, taken.events_in
        self._commands_out = taken.commands_out
        self._send((worker.RUN, (run_config, paused)))  # it builds the checked run, then waits for "go"
        self._relay = threading.Thread(target=self._relay_events, name=f"koubai-relay-{self.id}", daemon=True)
        self._relay.start()

    def start(self) -> None:
        """Begin training."""
        self._send((worker.GO, None))

    def command(self, name: str, value: Any = None) -> None:
        """Pass a control message on (see ``TrainingRun.command``)."""
        check_command(name)
        if name == "stop":
            self._stop.set()
        self._send((name, value))

    def close(self) -> None:
        """Stop the run; its worker ends within ``TRAIN_STOP_SECONDS`` or is killed (again: nothing happens).

        A run that has finished needs no stop and no timer: its relay thread reaps the ending worker (or kills
        it after ``TRAIN_STOP_SECONDS``). That is the common case, and the stream's last message waits for it.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._consumed.set()
        self._stop.set()
        finished = self._finished.is_set()  # read once: the stop message and the timer go together
        if not finished:
            self._send(("stop", None))
        with self._lock:
            self._commands_out.close()  # a worker still waiting for "go" ends on this
        if finished:
            return
        timer = threading.Timer(config.TRAIN_STOP_SECONDS, self._kill)
        timer.daemon = True
        timer.start()

    def join(self, timeout: float = config.TRAIN_STOP_SECONDS) -> bool:
        """Wait for the worker to end and its last events to be relayed; whether they have."""
        return self._reaped.wait(timeout)

    def _send(self, message: tuple[str, Any]) -> None:
        with self._lock:
            try:
                self._commands_out.send(message)
            except (OSError, ValueError):  # closed, or the worker has ended
                pass

    def _kill(self) -> None:
        if self._process.is_alive():
            self._process.kill()

    def _relay_events(self) -> None:
        """Pass each list of events on (JSON texts, written by the worker's reporter), until the pipe ends.

        The run's slot is freed only when the worker has exited, after its stream has ended. The spare it took
        is replaced once the stream is closed (``close``), or ``TRAIN_STOP_SECONDS`` after the run if nobody
        closes it, so that forking does not compete with sending the last events.
        """
        finished = False
        try:
            while True:
                try:
                    texts, finished = self._events_in.recv()
                except (EOFError, OSError):
                    break
                if finished:
                    self._finished.set()  # before the stream can end: closing then needs no timer
                self.events.put(texts, self._stop)
                if finished:
                    self.events.close()  # the stream ends now, not once the worker has exited (a few ms)
                    break  # nothing follows "done": the worker is ending; reap it (or kill it) below
        finally:
            self._process.join(config.TRAIN_STOP_SECONDS)
            self._kill()
            self._process.join()
            if not finished and not self._stop.is_set():
                self.events.put(_lost_events(self._process.exitcode), threading.Event())
            self._events_in.close()
            registry.release(self.id)
            self.events.close()
            self._reaped.set()
            self._consumed.wait(config.TRAIN_STOP_SECONDS)
            _spare.replenish()


def _lost_events(code: int | None) -> list[str]:
    """What the client gets when a worker dies mid-run: an ``error`` event, then ``done``."""
    return [event_json(event) for event in failure_events(LOST.format(code=code))]
