"""POST /api/run/stream against a real uvicorn: the learner's own training loop, streamed step by step."""

import json

import httpx
import pytest

import engine
from app import config
from app.examples import TRAINING
from tests.engine.test_article import run_as_torch
from tests.live_server import live_server

REQUEST_SECONDS = 60.0  # far above a run's wall limit: a hang fails loudly


@pytest.fixture(scope="module")
def server():
    with live_server() as running:
        yield running


def streamed_events(server, code):
    """Every event of one streamed run, in order, and how many SSE messages carried them."""
    events, messages = [], 0
    with httpx.stream(
        "POST", f"{server.base_url}/api/run/stream", json={"code": code}, timeout=REQUEST_SECONDS
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            if line.startswith("data:"):
                messages += 1
                events += json.loads(line.removeprefix("data:").strip())["events"]
    return events, messages


def test_article_training_snippet_streams_one_step_per_optimizer_step_with_the_engines_losses(server):
    events, messages = streamed_events(server, TRAINING)
    steps = [event for event in events if event["type"] == "step"]
    assert [event["step"] for event in steps] == list(range(1, 101))
    assert messages < len(events), "events are batched into fewer messages"
    # the same loop run as plain Python on the engine from the sandbox's seed gives the same losses
    engine.manual_seed(config.SANDBOX_SEED)
    code = TRAINING.replace("    optimizer.step()", "    optimizer.step()\n    losses.append(loss.item())")
    _, variables = run_as_torch("losses = []\n" + code)
    assert [event["loss"] for event in steps] == pytest.approx(variables["losses"], rel=1e-6)
    result = events[-1]
    assert result["type"] == "result" and result["error"] is None
    assert result["stdout"].startswith("weight: ")
    assert [event["text"] for event in events if event["type"] == "stdout"] == [result["stdout"]]


def test_an_error_in_streamed_code_ends_the_stream_with_its_report(server):
    events, _ = streamed_events(server, "import torch\nprint('before')\ny = x + 1\n")
    assert [event["type"] for event in events] == ["stdout", "frame", "result"]
    assert events[0]["text"] == "before\n" and events[1]["label"] == "end"
    error = events[-1]["error"]
    assert error["type"] == "NameError" and error["line"] == 3


def test_bad_body_is_a_422_not_a_stream(server):
    response = httpx.post(f"{server.base_url}/api/run/stream", json={"cod": "x"}, timeout=REQUEST_SECONDS)
    assert response.status_code == 422
