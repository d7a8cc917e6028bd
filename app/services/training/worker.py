"""A training run in a process of its own: what ``remote.RemoteRun`` starts (``serve``).

The process is forked from a server that has imported numpy, the engine and this module already
(multiprocessing's forkserver, preloaded), so it starts in milliseconds and shares no GIL and no core with
the web server's event loop, which only relays what it writes. Two one-way pipes:

- ``commands``: ``("run", (RunConfig, paused))`` with the run's configuration (a worker may be forked ahead
  and wait for it), ``("go", None)`` once the server wants training to begin, then ``(name, value)``
  control messages as ``TrainingRun.command`` takes them; its end (the server has gone) stops the run;
- ``events``: lists of the run's events as ``TrainingRun`` hands them over, until ``done``. They cross as
  pickles (a tenth of the cost of JSON); the server writes the JSON, on its own core.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from multiprocessing.connection import Connection
from typing import Any

from app import config
from app.services.training.config import RunConfig
from app.services.training.control import TrainingRun
from app.services.training.runner import run_events

RUN = "run"
GO = "go"
# throwaway runs that go through every part once: the article's, and an MLP classifier trained with Adam
WARM_UP = (
    RunConfig(epochs=3, snapshot_every=1),
    RunConfig(dataset="moons", samples=20, model="mlp", hidden=[4], optimizer="adam", epochs=3),
)


class ConnectionSink:
    """Where the run's thread hands its events (``EventBuffer``'s producer side): onto the events pipe.

    Sending blocks while the pipe is full, which holds training back until the server reads (backpressure).
    """

    def __init__(self, events: Connection) -> None:
        self._events = events

    def put(self, events: list[dict[str, Any]], stop: threading.Event) -> None:
        if not events:
            return
        try:
            self._events.send(events)
        except OSError:  # the server has gone: nobody reads; the commands pipe's end stops the run
            stop.set()

    def close(self) -> None:
        self._events.close()


def receive(commands: Connection) -> tuple[str | None, Any]:
    """The next message from the server as ``(name, value)``; ``(None, None)`` once the pipe has closed."""
    try:
        return commands.recv()
    except (EOFError, OSError):
        return None, None


def relay_commands(run: TrainingRun, commands: Connection) -> None:
    """Pass each control message to the run; the end of the pipe (the server has gone) stops it."""
    while True:
        name, value = receive(commands)
        if name is None:
            run.close()
            return
        run.command(name, value)


def warm_up() -> None:
    """Train throwaway runs while waiting for the real one.

    A forked process first pays for every page of the server's memory it writes to (copy on write), and
    Python writes to every object it touches. Paid here, that cost no longer delays the run's first events.
    """
    for run_config in WARM_UP:
        pickle.dumps(list(run_events(run_config)))


def serve(events: Connection, commands: Connection) -> None:
    """Wait for a run's configuration, build it, wait for ``go``, train to ``done`` while relaying commands.

    The pipe closing before ``go`` (a spare the server no longer needs, a run closed unstarted) ends it.
    """
    gc.freeze()  # what the fork inherited (modules, server objects) is never garbage: collections skip it
    os.nice(config.TRAIN_WORKER_NICENESS)  # the server's event loop (and /healthz) first when cores are busy
    warm_up()
    kind, value = receive(commands)
    if kind != RUN:
        return
    run_config, paused = value
    run = TrainingRun(run_config, paused=paused)  # validated by the server: it crosses as the model itself
    run.events = ConnectionSink(events)  # type: ignore[assignment] - the producer side is all the run uses
    if receive(commands)[0] != GO:
        return
    threading.Thread(target=relay_commands, args=(run, commands), daemon=True).start()
    run.run()
