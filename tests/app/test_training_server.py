"""The training streams against a real uvicorn on 127.0.0.1: SSE, the steered WebSocket, limits and errors."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from app.services.training.config import RunConfig
from app.services.training.epoch_event import epoch_rows as per_epoch
from app.services.training.runner import run_events
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parents[2]
MAX_RUNS = 3  # the test server's run limit, small so that the 429 is cheap to reach
LONG = {"dataset": "spiral", "model": "mlp", "hidden": [8], "epochs": 5000}
# small enough to report its gradients, slow enough (seconds) that a stop arrives mid-run
STEPPED = {"dataset": "moons", "samples": 2000, "model": "mlp", "hidden": [4], "epochs": 5000}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The real app under uvicorn on a free port, with a small run limit, for the module's tests."""
    with live_server(env={"KOUBAI_TRAIN_MAX_RUNS": str(MAX_RUNS)}) as running:
        yield running.base_url


def live(base: str) -> int:
    return httpx.get(f"{base}/api/train/runs").json()["live"]


def wait_until_idle(base: str, within: float = 1.0) -> float:
    """Seconds until no run is live (fails past ``within``)."""
    started = time.monotonic()
    while live(base):
        assert time.monotonic() - started < within, "a run outlived its client"
        time.sleep(0.02)
    return time.monotonic() - started


def sse_events(response: httpx.Response) -> Iterator[dict]:
    for line in response.iter_lines():
        if line.startswith("data: "):
            yield from json.loads(line.removeprefix("data: "))["events"]


def test_sse_stream_of_the_article_config_gives_100_epochs_near_weight_2(server: str) -> None:
    with httpx.stream("POST", f"{server}/api/train", json={}, timeout=30) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = list(sse_events(response))
    epochs = per_epoch(events)
    assert [epoch["epoch"] for epoch in epochs] == list(range(1, 101)) and events[-1]["type"] == "done"
    assert abs(epochs[-1]["params"]["weight"][0][0] - 2.0) < 0.25
    direct = [epoch["loss"] for epoch in per_epoch(run_events(RunConfig()))]
    assert [epoch["loss"] for epoch in epochs] == direct  # the stream carries the engine's numbers unchanged


def test_event_source_get_takes_the_config_in_the_query(server: str) -> None:
    query = {"dataset": "moons", "model": "mlp", "hidden": [4, 4], "epochs": 7, "snapshot_every": 7}
    with httpx.stream("GET", f"{server}/api/train/stream", params=query, timeout=30) as response:
        events = list(sse_events(response))
    assert [epoch["epoch"] for epoch in per_epoch(events)] == list(range(1, 8))
    assert events[0]["parameters"] == 2 * 4 + 4 + 4 * 4 + 4 + 4 + 1


def test_fast_training_reaches_the_browser_in_few_messages(server: str) -> None:
    messages = 0
    started = time.monotonic()
    with httpx.stream("POST", f"{server}/api/train", json={"epochs": 3000}, timeout=30) as response:
        for line in response.iter_lines():
            messages += line.startswith("data: ")
    assert messages <= 30 * (time.monotonic() - started) + 2


def test_disconnect_mid_stream_ends_the_run(server: str) -> None:
    with httpx.stream("POST", f"{server}/api/train", json=LONG, timeout=30) as response:
        for event in sse_events(response):
            if event["type"] == "epochs":
                assert live(server) == 1
                break  # closes the response: the client is gone
    assert wait_until_idle(server) < 1.0


def test_websocket_run_paused_stepped_resumed_retuned_and_stopped(server: str) -> None:
    url = server.replace("http", "ws") + "/ws/train"
    with connect(url) as ws:
        pending: list[dict] = []

        def until(kind: str) -> dict:
            while True:
                if not pending:
                    pending.extend(json.loads(ws.recv(timeout=5))["events"])
                event = pending.pop(0)
                if event["type"] == kind:
                    return event

        ws.send(json.dumps({"type": "start", "config": STEPPED, "paused": True}))
        until("snapshot")
        phases = []
        for _ in range(5):
            ws.send(json.dumps({"type": "step", "unit": "phase"}))
            phases.append(until("phase"))
        assert [event["phase"] for event in phases] == ["zero_grad", "forward", "loss", "backward", "step"]
        assert set(phases[0]["changed"]["grads"].values()) == {None}  # cleared: no gradient yet
        assert phases[3]["changed"]["grads"]["0.weight"][0][0] != 0.0  # filled by backward
        stepped = until("epochs")
        assert (stepped["first"], stepped["count"]) == (1, 1)
        ws.send(json.dumps({"type": "resume"}))
        until("resumed")
        ws.send(json.dumps({"type": "set", "lr": 0.001}))
        assert until("lr")["lr"] == 0.001
        assert until("epochs")["lr"][-1] == 0.001
        ws.send(json.dumps({"type": "stop"}))
        done = until("done")
        assert done["reason"] == "stopped" and 1 < done["epochs"] < 5000
    wait_until_idle(server)


def test_closing_the_socket_ends_the_run(server: str) -> None:
    with connect(server.replace("http", "ws") + "/ws/train") as ws:
        ws.send(json.dumps({"type": "start", "config": LONG}))
        ws.recv(timeout=5)
        assert live(server) == 1
    assert wait_until_idle(server) < 1.0


def test_websocket_bad_message_gets_an_error_event(server: str) -> None:
    with connect(server.replace("http", "ws") + "/ws/train") as ws:
        ws.send(json.dumps({"type": "start", "config": {"optimizer": "rmsprop"}}))
        (error,) = json.loads(ws.recv(timeout=5))["events"]
    assert error["type"] == "error" and error["status"] == 422
    assert error["errors"][0]["loc"] == ["config", "optimizer"]


def test_diverging_learning_rate_streams_diverged(server: str) -> None:
    with httpx.stream("POST", f"{server}/api/train", json={"lr": 10}, timeout=30) as response:
        events = list(sse_events(response))
    assert [event["type"] for event in events][-2:] == ["diverged", "done"]
    assert "too large" in events[-2]["cause"]


def test_bad_config_is_422_naming_the_field(server: str) -> None:
    answer = httpx.post(f"{server}/api/train", json={"epochs": 10**6, "optimizer": "rmsprop"})
    assert answer.status_code == 422
    assert {tuple(error["loc"]) for error in answer.json()["detail"]} == {
        ("body", "epochs"),
        ("body", "optimizer"),
    }
    message = answer.json()["message"]  # the fix shows a training body, not the playground's code
    assert '{"dataset": "line", "epochs": 100}' in message and "print(1)" not in message


def test_bad_query_of_the_event_source_stream_is_422(server: str) -> None:
    answer = httpx.get(f"{server}/api/train/stream", params={"epochs": 0, "dataset": "line"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "epochs"]
    assert "?dataset=line&epochs=100" in answer.json()["message"]


def test_bad_csv_is_422_naming_row_and_column(server: str) -> None:
    answer = httpx.post(f"{server}/api/train", json={"dataset": "csv", "csv": "x,y\n1,2\n2,4\n3,six\n4,8\n"})
    assert answer.status_code == 422
    assert (
        answer.json()["message"]
        == 'Row 4, column 2 ("y") holds "six", which is not a number: write it as 1.5 or -2.'
    )
    assert answer.json()["detail"]["errors"][0]["loc"] == ["body", "csv"]


def test_runs_beyond_the_limit_get_429_with_retry_after(server: str) -> None:
    streams = [httpx.stream("POST", f"{server}/api/train", json=LONG, timeout=30) for _ in range(MAX_RUNS)]
    responses = [stream.__enter__() for stream in streams]
    try:
        assert live(server) == MAX_RUNS
        refused = httpx.post(f"{server}/api/train", json={})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    finally:
        for stream, response in zip(streams, responses, strict=True):
            stream.__exit__(None, None, None)
            assert response.is_closed
    wait_until_idle(server)
