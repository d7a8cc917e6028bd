"""A training run in processes of its own: what ``remote.RemoteRun`` starts (``serve``).

The process is forked from a server that has imported numpy, the engine and this module already
(multiprocessing's forkserver, preloaded), so it starts in milliseconds and shares no GIL and no core with
the web server's event loop, which only relays what it writes. It forks a reporter at once: the worker
trains and records (``TrainingRun`` with ``reported=False``), the reporter turns the records into events
(``reporter.Reporter``: validations, drawings, traced steps), on another core. Three one-way pipes:

- ``commands`` (server to worker): ``("run", (RunConfig, paused))`` with the run's configuration (a worker
  may be forked ahead and wait for it), ``("go", None)`` once the server wants training to begin, then
  ``(name, value)`` control messages as ``TrainingRun.command`` takes them; its end (the server has gone)
  stops the run;
- ``records`` (worker to reporter): ``("run", RunConfig)``, then lists of records as the run hands them
  over; its end (the run is over, or the worker has died) ends the reporter;
- ``events`` (reporter to server): the run's events as JSON texts, a list at a time with whether it ends the
  run (``done``), so that the server only relays them: it holds no GIL for a run's JSON.

The worker ends after its reporter (it waits for it), so a server that sees the worker end has every event.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import multiprocessing
import os
import pickle
import queue
import threading
import traceback
from multiprocessing.connection import Connection
from typing import Any

from app import config
from app.services.training.config import RunConfig
from app.services.training.control import TrainingRun, failure_events, failure_message
from app.services.training.event_json import event_json
from app.services.training.reporter import Reporter
from app.services.training.runner import run_events

RUN = "run"
GO = "go"
# bytes a pipe between a run's processes holds (Linux's default is 64 KiB; 1 MiB is its limit without
# privileges). A hand-over of a small model's events is up to ~110 KiB of JSON (0.1 s of the article's
# epochs), and a large model's records carry 200 KiB per copy of its parameters (at TRAIN_MAX_PARAMETERS):
# with 1 MiB a sender seldom waits for its reader, and a reader that lags behind (a server busy with other
# streams) does not hold the training up
PIPE_BYTES = 1 << 20
# throwaway runs that go through every part once: the article's, and an MLP classifier trained with Adam
WARM_UP = (
    RunConfig(epochs=3, snapshot_every=1),
    RunConfig(dataset="moons", samples=20, model="mlp", hidden=[4], optimizer="adam", epochs=3),
)


class ConnectionSink:
    """Where the run hands its records (``EventBuffer``'s producer side): onto the reporter's pipe.

    Sending blocks while the pipe is full, which holds training back until they are read (backpressure).
    """

    def __init__(self, pipe: Connection) -> None:
        self._pipe = pipe

    def put(self, events: list[dict[str, Any]], stop: threading.Event) -> None:
        if not events:
            return
        try:
            self._pipe.send(events)
        except OSError:  # the reporter has gone (with the server, or failing): nobody reads; stop
            stop.set()

    def close(self) -> None:
        self._pipe.close()


def one_way_pipe() -> tuple[Connection, Connection]:
    """A pipe's ends (reader, writer), holding ``PIPE_BYTES`` (the default size past the pipe quota)."""
    reader, writer = multiprocessing.Pipe(duplex=False)
    with contextlib.suppress(OSError):
        fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    return reader, writer


def receive(commands: Connection) -> tuple[str | None, Any]:
    """The next message from the server as ``(name, value)``; ``(None, None)`` once the pipe has closed."""
    try:
        return commands.recv()
    except (EOFError, OSError):
        return None, None


def relay_commands(handoff: queue.SimpleQueue, commands: Connection) -> None:
    """Wait for the run (``None``: there is none), then pass each control message to it; the end of the pipe
    (the server has gone) stops it."""
    run = handoff.get()
    if run is None:
        return
    while True:
        name, value = receive(commands)
        if name is None:
            run.close()
            return
        run.command(name, value)


def warm_up(arrivals: Connection) -> None:
    """Train throwaway runs while waiting for the real one, until it arrives on ``arrivals``.

    A forked process first pays for every page of the server's memory it writes to (copy on write), and
    Python writes to every object it touches. Paid here, that cost no longer delays the run's first events.
    A run that arrives meanwhile (one started as the last ended) is not kept waiting for the rest of it.
    """
    for run_config in WARM_UP:
        if arrivals.poll():
            return
        pickle.dumps(list(run_events(run_config)))


def report(records: Connection, events: Connection) -> None:
    """The reporter: each list of records from the worker, as events, onto the events pipe, until ``done``.

    A failure to report reaches the client as an ``error`` event and ``done``; the worker's next hand-over
    then fails, which stops the run.
    """
    kind, run_config = receive(records)
    if kind != RUN:
        return
    reporter = Reporter(run_config)
    while True:
        try:
            handed = records.recv()
        except (EOFError, OSError):
            return
        try:
            reported = reporter.report(handed)
        except Exception as error:
            reported = failure_events(failure_message(error))
            traceback.print_exc()
        finished = bool(reported) and reported[-1]["type"] == "done"
        try:
            events.send(([event_json(event) for event in reported], finished))
        except OSError:  # the server has gone
            return
        if finished:
            return


def serve(events: Connection, commands: Connection) -> None:
    """Fork the reporter, then wait for a run's configuration, build it, wait for ``go``, train to ``done``
    while relaying commands.

    The pipe closing before ``go`` (a spare the server no longer needs, a run closed unstarted) ends it.
    """
    gc.freeze()  # what the fork inherited (modules, server objects) is never garbage: collections skip it
    os.nice(config.TRAIN_WORKER_NICENESS)  # the server's event loop (and /healthz) first when cores are busy
    records_in, records_out = one_way_pipe()
    reporter = os.fork()  # before either warms up: each then writes its own copies of the pages it uses
    if reporter == 0:
        status = 0
        try:
            commands.close()
            records_out.close()
            warm_up(records_in)
            report(records_in, events)
        except BaseException:
            traceback.print_exc()
            status = 1
        finally:
            os._exit(status)  # not the worker's exit path: it is the worker's to clean up
    records_in.close()
    events.close()  # the reporter's now: its end is the stream's end
    try:
        warm_up(commands)
        train(commands, records_out)
    finally:
        records_out.close()  # the reporter ends once it has reported what it had
        code = os.waitstatus_to_exitcode(os.waitpid(reporter, 0)[1])
    if code != 0:  # its events stopped short: the worker fails too, so the server tells the client
        raise SystemExit(f"the worker's reporter process ended with exit code {code}")


def train(commands: Connection, records: Connection) -> None:
    """Wait for the run (``started``), then train it while a thread relays the server's commands to it.

    The thread starts first, while nothing waits: starting a thread takes ~0.5 ms here (it has to be
    scheduled), which the run would wait for. It reads no command before it is handed the run, after ``go``.
    """
    handoff: queue.SimpleQueue[TrainingRun | None] = queue.SimpleQueue()
    threading.Thread(target=relay_commands, args=(handoff, commands), daemon=True).start()
    run = None
    try:
        run = started(commands, records)
    finally:
        handoff.put(run)  # None ends the thread
    if run is not None:
        run.run()


def started(commands: Connection, records: Connection) -> TrainingRun | None:
    """Wait for the run's configuration (passed on to the reporter), build it, wait for ``go``; the run, or
    None if the pipe closes first."""
    kind, value = receive(commands)
    if kind != RUN:
        return None
    run_config, paused = value
    records.send((RUN, run_config))  # the reporter builds its twin while the run builds
    run = TrainingRun(run_config, paused=paused, reported=False)  # checked by the server already
    run.events = ConnectionSink(records)  # type: ignore[assignment] - the producer side is all the run uses
    return run if receive(commands)[0] == GO else None
