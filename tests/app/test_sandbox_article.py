"""The article's five snippets through the sandbox pool: PyTorch's output, the gradients the article names."""

import contextlib
import io

import pytest

import engine
from app import config
from app.services.sandbox import run_code, stream_code
from engine.as_torch import imported_as_torch
from tests.data import article


def tensor_named(frame: dict, name: str) -> dict:
    """The trace entry of the tensor called ``name`` in a frame's graph."""
    return next(entry for entry in frame["graph"]["tensors"] if entry["name"] == name)


def grad_of(frame: dict, name: str) -> float | None:
    grad = tensor_named(frame, name)["grad"]
    return None if grad is None else grad["value"]


def run_as_plain_python(code: str) -> str:
    """Run ``code`` as real Python with ``import torch`` bound to the engine (test code, never user input)."""
    engine.manual_seed(config.SANDBOX_SEED)
    out = io.StringIO()
    with imported_as_torch(), contextlib.redirect_stdout(out):
        exec(compile(code, "<reference>", "exec"), {})
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(article.PRINTED))
def test_snippet_prints_what_pytorch_prints(name):
    result = run_code(getattr(article, name))
    assert result["error"] is None
    assert result["stdout"] == article.PRINTED[name]


def test_first_gradient_frame_holds_eight():
    result = run_code(article.FIRST_GRADIENT)
    backward, end = result["frames"]
    assert (backward["label"], backward["line"]) == ("backward #1", 4)
    assert grad_of(backward, "x") == 8.0  # dy/dx = 2x + 2 at x = 3
    assert tensor_named(backward, "y")["value"]["value"] == 16.0  # 9 + 6 + 1
    assert end["label"] == "end" and result["graph"] == end["graph"]


def test_two_paths_add_up_at_a():
    frame = run_code(article.TWO_PATHS)["frames"][0]
    assert grad_of(frame, "a") == 4.0 and grad_of(frame, "b") == 2.0
    a_id = tensor_named(frame, "a")["id"]
    carried = sorted(edge["grad"]["value"] for edge in frame["graph"]["edges"] if edge["source"] == a_id)
    assert carried == [1.0, 3.0]  # through c = a*b it carries b = 3, through d = c + a it carries 1


def test_accumulation_loop_is_three_frames_each_grad_two():
    result = run_code(article.ACCUMULATION)
    frames = [frame for frame in result["frames"] if frame["label"] != "end"]
    assert [frame["label"] for frame in frames] == ["backward #1", "backward #2", "backward #3"]
    assert [grad_of(frame, "x") for frame in frames] == [2.0, 2.0, 2.0]
    assert grad_of(result["frames"][-1], "x") == 0.0  # zeroed after the last print


def test_accumulation_without_zeroing_frames_go_2_4_6():
    result = run_code(article.ACCUMULATION.replace("x.grad.zero_()", "pass"))
    frames = [frame for frame in result["frames"] if frame["label"] != "end"]
    assert [grad_of(frame, "x") for frame in frames] == [2.0, 4.0, 6.0]
    assert result["stdout"] == "ループ 0: grad = 2.0\nループ 1: grad = 4.0\nループ 2: grad = 6.0\n"


def test_no_grad_output_has_no_graph():
    result = run_code(article.NO_GRAD)
    output = next(entry for entry in result["variables"] if entry["name"] == "output")
    assert output["requires_grad"] is False and output["shape"] == [5, 1]
    assert tensor_named(result["frames"][-1], "output")["kind"] == "no_grad"
    assert [entry["name"] for entry in result["variables"]] == ["model", "x", "output"]


def test_training_prints_what_the_engine_prints_as_plain_python():
    result = run_code(article.TRAINING)
    assert result["error"] is None
    assert result["stdout"] == run_as_plain_python(article.TRAINING)
    loss = next(entry for entry in result["variables"] if entry["name"] == "loss")
    assert loss["shape"] == [] and loss["is_leaf"] is False and loss["grad"] is None


def test_training_streams_one_step_event_per_optimizer_step_with_falling_loss():
    events = list(stream_code(article.TRAINING))
    steps = [event for event in events if event["type"] == "step"]
    assert [event["step"] for event in steps] == list(range(1, 101))
    assert {event["line"] for event in steps} == {16}
    assert steps[-1]["loss"] < steps[0]["loss"]
    assert events[-1]["type"] == "result" and events[-1]["error"] is None


def test_training_frames_stop_at_the_frame_budget():
    frames = run_code(article.TRAINING)["frames"]
    assert len(frames) == config.SANDBOX_MAX_FRAMES + 1 and frames[-1]["label"] == "end"
    assert tensor_named(frames[0], "model.weight")["grad"] is not None
