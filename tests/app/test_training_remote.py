"""Training runs in worker processes (``remote.RemoteRun``): the same events, commands, and a clean end."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import config
from app.main import app
from app.routers import train
from app.services.training import remote, worker
from app.services.training.config import RunConfig
from app.services.training.control import live_runs
from app.services.training.epoch_event import epoch_rows
from app.services.training.remote import RemoteRun
from app.services.training.reporter import Snapshot
from app.services.training.runner import run_events
from tests.processes import child_pids

LONG = {"dataset": "spiral", "model": "mlp", "hidden": [8], "epochs": config.TRAIN_MAX_EPOCHS}
STOP_MARGIN = 2.0  # seconds beyond TRAIN_STOP_SECONDS a worker may take to be gone (a loaded machine)


def is_running(pid: int) -> bool:
    """Whether a process exists and is not a zombie (its parent, the forkserver, may reap it later)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def read_all(run: RemoteRun, timeout: float = 30.0) -> list[dict]:
    """Every event the run relays, until its worker has ended."""
    events: list[dict] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        texts, finished = run.events.drain()
        events += [json.loads(text) for text in texts]
        if finished:
            return events
        time.sleep(0.01)
    raise AssertionError("the run did not end")


def read_until(run: RemoteRun, kind: str, timeout: float = 10.0) -> list[dict]:
    events: list[dict] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        texts, _ = run.events.drain()
        events += [json.loads(text) for text in texts]
        if any(event["type"] == kind for event in events):
            return events
        time.sleep(0.01)
    raise AssertionError(f"no {kind!r} event")


def test_a_run_in_a_worker_gives_the_events_of_the_run_in_process() -> None:
    fields = {"dataset": "moons", "model": "mlp", "hidden": [3], "epochs": 30, "snapshot_every": 10}
    run = RemoteRun(RunConfig(**fields))
    run.start()
    remote = read_all(run)
    local = list(run_events(RunConfig(**fields)))
    assert epoch_rows(remote) == epoch_rows(local)
    others = [[event for event in events if event["type"] != "epochs"] for events in (remote, local)]
    assert others[0] == others[1]  # start, the snapshots (traces included), done: bit for bit
    assert remote[-1]["reason"] == "finished" and run.join()


def test_commands_reach_the_worker() -> None:
    run = RemoteRun(RunConfig(**LONG), paused=True)
    run.start()
    read_until(run, "snapshot")
    run.command("step", "phase")
    assert read_until(run, "phase")[-1]["phase"] == "zero_grad"
    run.command("set", 0.5)
    assert [event for event in read_until(run, "lr") if event["type"] == "lr"][-1]["lr"] == 0.5
    run.command("stop")
    assert read_all(run)[-1]["reason"] == "stopped"
    assert run.join()  # its slot is free before the next test counts the live runs


def test_closing_mid_run_ends_the_worker_and_frees_the_slot() -> None:
    before = live_runs()
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    read_until(run, "epochs")
    assert live_runs() == before + 1
    started = time.monotonic()
    run.close()
    assert run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)
    assert time.monotonic() - started < config.TRAIN_STOP_SECONDS + STOP_MARGIN
    assert not run._process.is_alive() and live_runs() == before


def test_closing_a_finished_run_needs_no_stop_and_no_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its worker is ending on its own: the relay thread reaps it, and closing (twice, as a stream's end and
    its dependency do) starts no kill timer, which would hold up the stream's last message."""
    timers: list[object] = []
    monkeypatch.setattr(remote.threading, "Timer", lambda *args, **kwargs: timers.append(args))
    before = live_runs()
    run = RemoteRun(RunConfig(epochs=3))
    run.start()
    done = read_all(run)[-1]
    assert done["type"] == "done" and done["reason"] == "finished"
    run.close()
    run.close()
    assert timers == []
    assert run.join() and not run._process.is_alive() and live_runs() == before


def test_closing_before_start_ends_the_waiting_worker() -> None:
    before = live_runs()
    run = RemoteRun(RunConfig(**LONG))
    run.close()
    assert run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)
    assert not run._process.is_alive() and live_runs() == before
    assert read_all(run) == []  # it never trained: nothing to report


def test_a_worker_that_dies_mid_run_ends_the_stream_with_an_error() -> None:
    before = live_runs()
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    read_until(run, "epochs")
    run._process.kill()
    events = read_all(run)
    assert events[-2]["type"] == "error" and "worker process ended" in events[-2]["message"]
    assert events[-1] == {"type": "done", "reason": "error", "epochs": None}
    assert live_runs() == before


def test_concurrent_runs_train_side_by_side() -> None:
    """Each run has its own process: none waits for another to finish (they are long) before it trains."""
    runs = [RemoteRun(RunConfig(**LONG)) for _ in range(3)]
    try:
        for run in runs:
            run.start()
        for run in runs:
            events = read_until(run, "epochs")
            assert all(event["type"] != "done" for event in events)
    finally:
        for run in runs:
            run.close()
        for run in runs:
            assert run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)


def wait_for_spare(timeout: float = 10.0) -> int:
    """The pid of the spare worker once one is waiting."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = remote._spare._ready
        if ready is not None:
            return ready.process.pid
        time.sleep(0.01)
    raise AssertionError("no spare worker was forked")


def wait_for_earlier_relays(timeout: float = config.TRAIN_STOP_SECONDS + 5.0) -> None:
    """Wait until no earlier run's relay thread is left: one whose run nobody closed (an earlier test's)
    replaces the spare after TRAIN_STOP_SECONDS, so it would fork one while a test counts on none."""
    deadline = time.monotonic() + timeout
    while any(thread.name.startswith("koubai-relay-") for thread in threading.enumerate()):
        assert time.monotonic() < deadline, "an earlier run's relay thread did not end"
        time.sleep(0.01)


def test_a_run_takes_the_spare_worker_and_another_is_forked_for_the_next() -> None:
    before = live_runs()
    wait_for_earlier_relays()
    remote.start_workers()
    try:
        spare = wait_for_spare()
        assert live_runs() == before  # a spare is not a run
        run = RemoteRun(RunConfig(epochs=5))
        assert run._process.pid == spare
        run.start()
        assert read_all(run)[-1]["reason"] == "finished" and run.join()
        time.sleep(0.2)  # its stream is still open: no fork yet competes with sending its last events
        assert remote._spare._ready is None
        run.close()
        assert wait_for_spare(config.TRAIN_STOP_SECONDS / 2) != spare  # closed: well before the fallback
    finally:
        remote.stop_workers()
    assert remote._spare._ready is None
    assert not is_running(spare)


def test_a_run_nobody_closes_is_replaced_after_the_stop_time() -> None:
    wait_for_earlier_relays()
    remote.start_workers()
    try:
        spare = wait_for_spare()
        run = RemoteRun(RunConfig(epochs=5))
        run.start()
        assert read_all(run)[-1]["reason"] == "finished" and run.join()
        assert wait_for_spare(config.TRAIN_STOP_SECONDS + 10.0) != spare
    finally:
        remote.stop_workers()
        run.close()


def test_a_spare_that_died_is_replaced_and_its_pipes_closed() -> None:
    remote.start_workers()
    try:
        wait_for_spare()
        dead = remote._spare._ready
        dead.process.kill()
        dead.process.join()
        taken = remote._spare.take()
        try:
            assert taken is not dead and taken.process.is_alive()
            assert dead.events_in.closed and dead.commands_out.closed
        finally:
            taken.discard()  # else the forking process waits for it as it stops
    finally:
        remote.stop_workers()


def test_stopping_the_workers_ends_the_waiting_spare() -> None:
    remote.start_workers()
    spare = wait_for_spare()
    remote.stop_workers()
    assert not is_running(spare) and remote._spare._ready is None
    run = RemoteRun(RunConfig(epochs=2))  # with no spare wanted, a run forks its own worker
    run.start()
    assert read_all(run)[-1]["reason"] == "finished" and run.join()
    assert remote._spare._ready is None


def test_workers_train_at_a_lower_priority_than_the_server() -> None:
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    read_until(run, "epochs")  # the worker has set its priority before it began
    try:
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, run._process.pid) == ours + config.TRAIN_WORKER_NICENESS
    finally:
        run.close()
        run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)


def test_a_workers_events_pipe_holds_a_turns_events_without_the_relay() -> None:
    run = RemoteRun(RunConfig(epochs=5))
    try:
        assert fcntl.fcntl(run._events_in.fileno(), fcntl.F_GETPIPE_SZ) == worker.PIPE_BYTES
    finally:
        run.close()
        run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)


def test_a_worker_that_cannot_be_started_is_a_503_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(train, "RemoteRun", refuse)
    with TestClient(app) as client:
        response = client.post("/api/train", json={})
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(config.TRAIN_RETRY_AFTER_SECONDS)
    assert "could not start a training process" in response.json()["message"]


def test_a_worker_whose_server_has_gone_stops_sending_without_an_error() -> None:
    reader, writer = remote._context.Pipe(duplex=False)
    reader.close()
    stop = threading.Event()
    worker.ConnectionSink(writer).put([{"type": "start"}], stop)  # a broken pipe: no traceback, a stop
    assert stop.is_set()


def test_a_worker_reports_through_a_process_of_its_own_and_both_end() -> None:
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    try:
        read_until(run, "epochs")
        (reporter,) = child_pids(run._process.pid)  # the reporter, forked by the worker
        assert is_running(reporter)
    finally:
        run.close()
    assert run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)
    assert not is_running(reporter) and not run._process.is_alive()


def test_a_reporter_that_fails_sends_an_error_and_done() -> None:
    records_in, records_out = remote._context.Pipe(duplex=False)
    events_in, events_out = remote._context.Pipe(duplex=False)
    records_out.send((worker.RUN, RunConfig(epochs=3)))
    records_out.send([Snapshot(1, b"\0" * 4, None)])  # a copy of one number: the model has two
    records_out.close()
    worker.report(records_in, events_out)
    texts, finished = events_in.recv()
    error, done = map(json.loads, texts)
    assert finished
    assert error["type"] == "error" and "ValueError" in error["message"]
    assert done == {"type": "done", "reason": "error", "epochs": None}


def test_a_reporter_that_dies_mid_run_ends_the_stream_with_an_error() -> None:
    before = live_runs()
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    read_until(run, "epochs")
    (reporter,) = child_pids(run._process.pid)
    os.kill(reporter, signal.SIGKILL)
    events = read_all(run)
    assert events[-2]["type"] == "error" and "(exit code 1)" in events[-2]["message"]
    assert events[-1] == {"type": "done", "reason": "error", "epochs": None}
    assert run.join() and run._process.exitcode == 1 and live_runs() == before


def test_the_pipes_between_a_runs_processes_hold_a_large_hand_over() -> None:
    reader, writer = worker.one_way_pipe()  # the worker's records pipe, and the server's events pipe
    try:
        assert fcntl.fcntl(reader.fileno(), fcntl.F_GETPIPE_SZ) == worker.PIPE_BYTES
        os.set_blocking(writer.fileno(), False)
        writer.send_bytes(b"x" * 500_000)  # a large model's copies of its parameters: no reader needed yet
        assert len(reader.recv_bytes()) == 500_000
    finally:
        reader.close()
        writer.close()


def test_a_run_and_its_reporter_use_one_blas_thread_each() -> None:
    """Two processes per run on few cores: numpy's BLAS threads on top would fight them (app.BLAS_THREADS)."""
    run = RemoteRun(RunConfig(**LONG))
    run.start()
    try:
        read_until(run, "epochs")
        (reporter,) = child_pids(run._process.pid)
        environ = Path(f"/proc/{run._process.pid}/environ").read_bytes().split(b"\0")
        assert b"OPENBLAS_NUM_THREADS=1" in environ
        assert len(os.listdir(f"/proc/{reporter}/task")) == 1  # no BLAS thread beside its own
        assert len(os.listdir(f"/proc/{run._process.pid}/task")) == 2  # and the thread that relays commands
    finally:
        run.close()
        run.join(config.TRAIN_STOP_SECONDS + STOP_MARGIN)


def test_a_worker_stops_warming_up_when_its_run_arrives(monkeypatch) -> None:
    """A spare still warming up as a run arrives (one started as the last ended) serves it after at most the
    throwaway run under way, and leaves the message for ``train`` to read."""
    trained = []
    monkeypatch.setattr(worker, "run_events", lambda run_config: trained.append(run_config) or iter(()))
    arrivals, sender = worker.one_way_pipe()
    worker.warm_up(arrivals)
    assert trained == list(worker.WARM_UP)  # nothing waiting: every throwaway run
    trained.clear()
    sender.send((worker.RUN, None))
    worker.warm_up(arrivals)
    assert trained == [] and arrivals.recv() == (worker.RUN, None)
    sender.close()
    arrivals.close()
