"""Runs on their own threads, steered while they train, and their events paced to a browser's rate."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time

import pytest

from app import config
from app.services.training import control, runner
from app.services.training.config import RunConfig
from app.services.training.control import TooManyRuns, TrainingRun, live_runs
from app.services.training.handover import EventBuffer, paced

LONG = {"dataset": "spiral", "model": "mlp", "hidden": [8], "epochs": config.TRAIN_MAX_EPOCHS}


class Reader:
    """Reads a run's events in order, up to the first of a given type; later ones wait for the next read."""

    def __init__(self, run: TrainingRun) -> None:
        self.run, self.pending = run, []

    def until(self, kind: str, timeout: float = 5.0) -> list[dict]:
        got: list[dict] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events, finished = self.run.events.drain()
            self.pending += events  # a run hands its events over as they are (its consumer encodes them)
            while self.pending:
                event = self.pending.pop(0)
                got.append(event)
                if event["type"] == kind:
                    return got
            if finished:
                break
            time.sleep(0.01)
        raise AssertionError(f"no {kind!r} event; got {[event['type'] for event in got]}")


def test_paused_run_steps_phases_then_resumes_with_a_new_rate_and_stops() -> None:
    run = TrainingRun(RunConfig(**{**LONG, "dataset": "line", "model": "linear", "hidden": []}), paused=True)
    run.start()
    collect = Reader(run).until
    collect("snapshot")
    run.command("step", "phase")
    assert collect("phase")[-1]["phase"] == "zero_grad"
    for expected in ("forward", "loss", "backward"):
        run.command("step", "phase")
        assert collect("phase")[-1]["phase"] == expected
    run.command("step", "epoch")  # finishes the batch (step) and so the epoch
    stepped = collect("epochs")[-1]
    assert (stepped["first"], stepped["count"]) == (1, 1)
    run.command("resume")
    run.command("set", 0.02)
    lr_event = collect("lr")[-1]
    assert lr_event["lr"] == 0.02
    assert collect("epochs")[-1]["lr"][-1] == 0.02
    run.command("stop")
    done = collect("done")[-1]
    assert done["reason"] == "stopped" and done["epochs"] < config.TRAIN_MAX_EPOCHS
    assert run.join()


def test_each_epoch_a_step_ends_is_measured_in_full_even_between_a_long_runs_readings() -> None:
    run = TrainingRun(RunConfig(**{**LONG, "dataset": "line", "model": "linear", "hidden": []}), paused=True)
    run.start()
    collect = Reader(run).until
    collect("snapshot")
    stepped = []
    for _ in range(3):  # a 5000-epoch run reads its parameters every 5th epoch when running freely
        run.command("step", "epoch")
        stepped.append(collect("epochs")[-1])
    run.close()
    assert [(event["first"], event["count"]) for event in stepped] == [(1, 1), (2, 1), (3, 1)]
    for event in stepped:
        assert event["grad_norms"]["linear"][0] is not None
        assert event["params"]["weight"][0] is not None and event["params"]["bias"][0] is not None
    assert run.join()


def test_closing_a_run_ends_its_thread_within_the_stop_time() -> None:
    before = threading.active_count()
    run = TrainingRun(RunConfig(**LONG))
    run.start()
    time.sleep(0.2)
    assert live_runs() == 1
    started = time.monotonic()
    run.close()
    assert run.join(config.TRAIN_STOP_SECONDS) and time.monotonic() - started < config.TRAIN_STOP_SECONDS
    assert live_runs() == 0 and threading.active_count() == before


def test_run_never_started_frees_its_slot_on_close() -> None:
    run = TrainingRun(RunConfig())
    assert live_runs() == 1
    run.close()
    assert live_runs() == 0


def test_runs_beyond_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(control.config, "TRAIN_MAX_RUNS", 2)
    runs = [TrainingRun(RunConfig()) for _ in range(2)]
    with pytest.raises(TooManyRuns) as caught:
        TrainingRun(RunConfig())
    assert caught.value.retry_after == config.TRAIN_RETRY_AFTER_SECONDS
    for run in runs:
        run.close()


def test_paced_sends_at_most_the_rate_however_fast_events_come() -> None:
    buffer, stop = EventBuffer(capacity=100_000), threading.Event()

    def produce() -> None:
        for index in range(20_000):
            buffer.put([{"type": "epoch", "epoch": index}], stop)
            if index % 1000 == 0:
                time.sleep(0.02)  # arrivals spread over ~0.4 s
        buffer.close()

    async def consume() -> tuple[list[list[dict]], float]:
        started = time.monotonic()
        messages = [json.loads(text)["events"] async for text in paced(buffer, per_second=30.0)]
        return messages, time.monotonic() - started

    threading.Thread(target=produce).start()
    messages, seconds = asyncio.run(consume())
    assert [event["epoch"] for events in messages for event in events] == list(range(20_000))
    assert len(messages) <= 30.0 * seconds + 1


def test_run_past_its_wall_time_ends_with_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(control.config, "TRAIN_MAX_RUN_SECONDS", 0.3)
    run = TrainingRun(RunConfig(), paused=True)  # paused: it would otherwise wait for commands forever
    run.start()
    done = Reader(run).until("done")[-1]
    assert done["reason"] == "time limit" and done["epochs"] == 0
    assert run.join()


def test_paced_messages_stay_under_the_byte_cap_in_order() -> None:
    buffer, stop = EventBuffer(), threading.Event()
    buffer.put([{"type": "snapshot", "epoch": index, "values": [0.5] * 1000} for index in range(40)], stop)
    buffer.close()

    async def consume() -> list[str]:
        return [text async for text in paced(buffer, per_second=1000.0, max_bytes=20_000)]

    messages = asyncio.run(consume())
    assert all(len(text) <= 20_000 for text in messages) and len(messages) >= 40 * 5000 // 20_000
    assert [event["epoch"] for text in messages for event in json.loads(text)["events"]] == list(range(40))


def test_paced_sends_the_last_message_at_once_rather_than_at_its_turn() -> None:
    buffer, stop = EventBuffer(), threading.Event()
    buffer.put([{"type": "epoch", "epoch": 1}], stop)

    def finish() -> None:
        time.sleep(0.1)
        buffer.put([{"type": "done", "reason": "finished"}], stop)
        buffer.close()

    async def consume() -> list[float]:
        started, arrivals = time.monotonic(), []
        async for _ in paced(buffer, per_second=0.5):  # turns 2 s apart
            arrivals.append(time.monotonic() - started)
        return arrivals

    threading.Thread(target=finish).start()
    first, last = asyncio.run(consume())
    assert first < 0.05 and 0.05 < last < 1.0  # the end is not held back to the 2 s turn


def test_a_failure_in_training_reaches_the_client_as_error_then_done(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: object, *args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(control.Training, "_end_epoch", fail)
    run = TrainingRun(RunConfig())
    run.start()
    events = Reader(run).until("done")
    assert [event["type"] for event in events][-2:] == ["error", "done"]
    assert events[-2]["message"] == "training failed: ZeroDivisionError: division by zero"
    assert events[-1]["reason"] == "error" and run.join()


def test_paced_splits_a_batch_that_overflows_a_message_and_keeps_every_event_in_order() -> None:
    buffer, stop = EventBuffer(), threading.Event()
    event = json.dumps({"type": "epoch", "epoch": 0, "pad": "x" * 80}, separators=(",", ":"))  # ~110 bytes
    batches = [
        [event.replace('"epoch":0', f'"epoch":{index}') for index in range(start, start + size)]
        for start, size in ((0, 3), (3, 40), (43, 1), (44, 25))
    ]
    for batch in batches:
        buffer.put(batch, stop)
    buffer.close()

    async def consume() -> list[str]:
        return [text async for text in paced(buffer, per_second=1000.0, max_bytes=1_000)]

    messages = asyncio.run(consume())
    sizes = [len(text) - len('{"events":[]}') for text in messages]  # the events and their commas
    assert all(size <= 1_000 for size in sizes)
    events = [json.loads(text)["events"] for text in messages]
    assert [event["epoch"] for part in events for event in part] == list(range(69))
    firsts = [len(json.dumps(part[0], separators=(",", ":"))) for part in events]
    assert all(
        size + 1 + first > 1_000 for size, first in zip(sizes, firsts[1:], strict=False)
    )  # each was full


def test_a_batch_mixing_events_and_their_text_reaches_the_consumer_as_json() -> None:
    buffer, stop = EventBuffer(), threading.Event()
    buffer.put([{"type": "start"}, '{"type":"epoch","epoch":1}', {"type": "done", "loss": None}], stop)
    buffer.close()

    async def consume() -> list[str]:
        return [text async for text in paced(buffer)]

    (message,) = asyncio.run(consume())
    assert json.loads(message) == {
        "events": [{"type": "start"}, {"type": "epoch", "epoch": 1}, {"type": "done", "loss": None}]
    }


def test_drain_gives_every_event_of_every_put_in_order_then_says_finished() -> None:
    buffer, stop = EventBuffer(), threading.Event()
    buffer.put(["a", "b"], stop)
    buffer.put(["c"], stop)
    assert buffer.drain() == (["a", "b", "c"], False)
    buffer.close()
    assert buffer.drain() == ([], True)


class Arrivals:
    """A run's producer side that notes when each batch of events is handed over."""

    def __init__(self) -> None:
        self.batches: list[tuple[float, list[dict]]] = []

    def put(self, events: list[dict], stop: threading.Event) -> None:
        self.batches.append((time.monotonic(), events))

    def close(self) -> None:
        pass


def test_a_free_running_run_hands_its_epochs_over_every_handover_interval() -> None:
    run = TrainingRun(RunConfig(**LONG))  # about a second of epochs
    run.events = Arrivals()  # type: ignore[assignment]
    started = time.monotonic()
    run.run()
    took = time.monotonic() - started
    # (time, epochs done) at each hand-over of epochs
    handed = [
        (at, max(event["first"] + event["count"] - 1 for event in events if event["type"] == "epochs"))
        for at, events in run.events.batches
        if any(event["type"] == "epochs" for event in events)
    ]
    turn = config.TRAIN_HANDOVER_SECONDS
    # the turns that shrink at the end: each leaves a fifth of the time left, from a turn's down to the floor
    shrinking = math.ceil(math.log(turn / runner.SHORTEST_TURN_SECONDS, 1 / runner.LEFT_AFTER_TURN)) + 2
    assert len(handed) >= 4 and len(handed) <= took / turn + 3 + shrinking
    # a whole turn long, but for the last ones: a turn shrinks when, at the rate of the turn before it, fewer
    # than 1.25 turns' epochs are left. Worked out here from the hand-overs, with a margin for their timing
    epochs, full = LONG["epochs"], []
    for (before, done_before), (began, done), (ended, _) in zip(handed, handed[1:], handed[2:], strict=False):
        left = (epochs - done) * (began - before) / (done - done_before)
        if left > 2.5 * turn:
            full.append(ended - began)
    assert full and all(gap >= 0.9 * turn for gap in full)


def test_the_last_hand_over_carries_only_the_stretch_after_the_last_landmark() -> None:
    """The epochs before it are handed over as it begins: little is left to report when the run ends."""
    fields = {"epochs": config.TRAIN_MAX_EPOCHS, "snapshot_every": 100}
    run = TrainingRun(RunConfig(**fields))
    run.events = Arrivals()  # type: ignore[assignment]
    run.run()
    *earlier, (_, last) = run.events.batches
    landmark = [event for _, events in earlier for event in events if event["type"] == "snapshot"][-1]
    assert landmark["epoch"] == fields["epochs"] - 100  # the last landmark's, handed over before the end
    assert [event["type"] for event in last] == ["epochs", "snapshot", "done"]
    # the stretch after it, or its end when a turn shrunk by the coming end split it
    assert (
        fields["epochs"] - 99 <= last[0]["first"]
        and last[0]["first"] + last[0]["count"] - 1 == fields["epochs"]
    )
