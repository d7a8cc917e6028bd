"""A training run on its own thread, steered as it runs: pause, resume, step (epoch/phase), stop, set lr.

Runs are counted in one registry: ``TRAIN_MAX_RUNS`` may exist at once (``TooManyRuns`` beyond), and
``live_runs()`` says how many exist, so a test can see that an abandoned run leaves nothing behind.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from typing import Any

import numpy as np

from app import config
from app.services.training.config import RunConfig
from app.services.training.experiment import build
from app.services.training.handover import EventBuffer
from app.services.training.phases import PhaseStepper
from app.services.training.runner import TURN_SECONDS, Training

POLL_SECONDS = 0.1  # how often a paused run looks at its stop flag and deadline
COMMANDS = ("pause", "resume", "step", "stop", "set")
_ids = itertools.count(1)


class TooManyRuns(RuntimeError):
    """Every training slot is taken; try again after ``retry_after`` seconds."""

    def __init__(self) -> None:
        super().__init__(f"{config.TRAIN_MAX_RUNS} training runs are already going; try again shortly")
        self.retry_after = config.TRAIN_RETRY_AFTER_SECONDS


class _Registry:
    """The runs that hold a slot: from creation until their thread ends (or they close unstarted)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: set[int] = set()

    def reserve(self, run_id: int) -> None:
        with self._lock:
            if len(self._runs) >= config.TRAIN_MAX_RUNS:
                raise TooManyRuns()
            self._runs.add(run_id)

    def release(self, run_id: int) -> None:
        with self._lock:
            self._runs.discard(run_id)

    def count(self) -> int:
        with self._lock:
            return len(self._runs)


registry = _Registry()


def check_command(name: str) -> None:
    """Refuse a control message that no run understands (runs in threads and in workers alike)."""
    if name not in COMMANDS:
        raise ValueError(f"unknown command {name!r}; use one of {', '.join(COMMANDS)}")


def failure_message(error: BaseException) -> str:
    """How a failure of the service itself (a bug, not the learner's) reads in its ``error`` event."""
    return f"training failed: {type(error).__name__}: {error}"


def failure_events(message: str) -> list[dict[str, Any]]:
    """What a client gets when a run fails outside its training loop: an ``error`` event, then ``done``."""
    return [{"type": "error", "message": message}, {"type": "done", "reason": "error", "epochs": None}]


def live_runs() -> int:
    """How many training runs hold a slot right now (their threads included)."""
    return registry.count()


class TrainingRun:
    """One run: built and slotted at creation (``InvalidRun`` / ``TooManyRuns``), trained by ``start``."""

    def __init__(self, run_config: RunConfig, paused: bool = False, reported: bool = True) -> None:
        """``reported=False``: the run hands its records over as they are (``Training.take_records``),
        for a reporter elsewhere (a worker's, in a process of its own); else the events they stand for."""
        self.id = next(_ids)
        self.training = Training(build(run_config))
        self._take = self.training.take_events if reported else self.training.take_records
        self.stepper = PhaseStepper(self.training)
        self.events = EventBuffer()
        self.paused = paused
        self._commands: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._commanded = threading.Event()  # set while commands wait, so a turn ends early (no lock to read)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._main, name=f"koubai-train-{self.id}", daemon=True)
        self._started = False  # by start or run
        registry.reserve(self.id)

    @property
    def paused(self) -> bool:
        """Whether the run waits for commands. Its epochs then end by steps, and each is measured in full."""
        return self.training.stepping

    @paused.setter
    def paused(self, paused: bool) -> None:
        self.training.stepping = paused

    def start(self) -> None:
        """Begin training on the run's own thread."""
        self._started = True
        self._thread.start()

    def run(self) -> None:
        """Train on the calling thread until the run ends (a worker's main thread: no thread to start)."""
        self._started = True
        self._main()

    def command(self, name: str, value: Any = None) -> None:
        """Queue a control message: pause, resume, step ("epoch"/"phase"), stop, set (learning rate)."""
        check_command(name)
        if name == "stop":
            self._stop.set()
        self._commands.put((name, value))
        self._commanded.set()

    def close(self) -> None:
        """Stop the run and free its slot; the thread ends within ``TRAIN_STOP_SECONDS``."""
        self._stop.set()
        self._commands.put(("stop", None))
        self._commanded.set()
        if not self._started:
            registry.release(self.id)
            self.events.close()

    def join(self, timeout: float = config.TRAIN_STOP_SECONDS) -> bool:
        """Wait for the thread to end; whether it has."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _handed(self) -> list[Any]:
        """The outbox's events (or records), handed over as they are: the consumer encodes them (a worker's
        run is reported and encoded in its reporter process, so that neither costs the training)."""
        return self._take()

    def _main(self) -> None:
        try:
            with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported as an event
                self._loop(time.monotonic() + config.TRAIN_MAX_RUN_SECONDS)
        except Exception as error:  # a bug must reach the client as an event, not vanish with the thread
            self.training.queue({"type": "error", "message": failure_message(error)})
            self.training.finish("error")
            self.events.put(self._handed(), self._stop)
        finally:
            registry.release(self.id)
            self.events.close()

    def _loop(self, deadline: float) -> None:
        training = self.training
        self.events.put(self._handed(), self._stop)
        while not training.finished:
            if self._stop.is_set():
                training.finish("stopped")
                handed = self._handed()
            elif time.monotonic() > deadline:
                training.finish("time limit")
                handed = self._handed()
            else:
                command = self._take_command()
                self._next(command)
                handed = self._handed()
            self.events.put(handed, self._stop)

    def _take_command(self) -> tuple[str, Any] | None:
        self._commanded.clear()  # before taking: a command queued from now on sets it again
        try:
            command = self._commands.get(timeout=POLL_SECONDS) if self.paused else self._commands.get_nowait()
        except queue.Empty:
            return None
        if not self._commands.empty():
            self._commanded.set()  # more are waiting: the next turn ends after one batch
        return command

    def _next(self, command: tuple[str, Any] | None) -> None:
        """Carry out a command, or train for a turn when running freely.

        Events go to the outbox and are handed over after the turn, so a slow client never holds the CPU turn.
        """
        if command is None:
            if not self.paused:
                self.stepper.finish_batch()
                self.training.train_for(TURN_SECONDS, self._commanded)  # a stop is a command too
            return
        name, value = command
        position = {"epoch": self.training.epoch, "batch": self.training.batch}
        if name in ("pause", "resume"):
            self.paused = name == "pause"
            self.training.queue({"type": "paused" if self.paused else "resumed", **position})
        elif name == "set":
            self.training.set_lr(value)
            self.training.queue({"type": "lr", "lr": self.training.lr, **position})
        elif name == "step":
            self.paused = True
            self._step(value)

    def _step(self, unit: str) -> None:
        if unit == "phase":
            self.stepper.advance()
            return
        epoch = self.training.epoch  # the epoch under way: a batch begun by phases is finished first
        self.stepper.finish_batch()
        while self.training.epoch == epoch and not self.training.finished and not self._stop.is_set():
            self.training.run_batch()
