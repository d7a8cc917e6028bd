"""The training service: the article's loop as events, phase stepping, divergence, determinism."""

from __future__ import annotations

import contextlib
import io
import json
import threading
import time

import numpy as np
import pytest

import engine as torch
from app.services.training import measures, runner
from app.services.training.config import RunConfig
from app.services.training.epoch_event import epoch_rows as per_epoch
from app.services.training.experiment import build
from app.services.training.handover import encode
from app.services.training.phases import PhaseStepper
from app.services.training.runner import Training, run_events
from tests.data.article import TORCH_END, TORCH_START, TRAINING


def article_snippet_losses(weight: float, bias: float) -> tuple[list[float], dict]:
    """The article's training snippet run as plain Python on the engine, from the given initial weights."""
    code = TRAINING.replace("import torch.nn as nn", "import engine.nn as nn").replace(
        "import torch\n", "import engine as torch\n"
    )
    start = (
        "with torch.no_grad():\n"
        "    model.weight.copy_(torch.tensor([[W]]))\n    model.bias.copy_(torch.tensor([B]))\n"
    )
    code = code.replace("model = nn.Linear(1, 1)\n", "model = nn.Linear(1, 1)\n" + start)
    code = code.replace("    optimizer.step()\n", "    optimizer.step()\n    losses.append(loss.item())\n")
    namespace: dict = {"W": weight, "B": bias, "losses": []}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "article", "exec"), namespace)
    return namespace["losses"], namespace


def test_article_config_gives_100_epochs_ending_near_weight_2() -> None:
    events = list(run_events(RunConfig()))
    epochs = per_epoch(events)
    assert [event["epoch"] for event in epochs] == list(range(1, 101))
    assert events[-1]["type"] == "done" and events[-1]["reason"] == "finished"
    assert abs(epochs[-1]["params"]["weight"][0][0] - 2.0) < 0.25
    assert epochs[-1]["loss"] < epochs[0]["loss"] / 50


def test_streamed_losses_equal_the_article_snippet_from_the_same_start() -> None:
    events = list(run_events(RunConfig()))
    start = events[0]["params"]
    losses, namespace = article_snippet_losses(start["weight"][0][0], start["bias"][0])
    assert [row["loss"] for row in per_epoch(events)] == losses
    assert events[-1]["params"]["weight"][0][0] == namespace["model"].weight.item()
    assert events[-1]["params"]["bias"][0] == namespace["model"].bias.item()


def test_from_pytorchs_start_the_run_ends_where_pytorch_does() -> None:
    training = Training(build(RunConfig()))
    model = training.experiment.model
    with torch.no_grad():
        model.weight.copy_(torch.tensor([[TORCH_START["weight"]]]))
        model.bias.copy_(torch.tensor([TORCH_START["bias"]]))
    while not training.finished:
        training.run_batch()
    last_epoch = per_epoch(training.take_events())[-1]
    assert model.weight.item() == pytest.approx(TORCH_END["weight"], abs=1e-6)
    assert model.bias.item() == pytest.approx(TORCH_END["bias"], abs=1e-6)
    assert last_epoch["loss"] == pytest.approx(TORCH_END["loss"], rel=1e-5)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {
            "dataset": "moons",
            "model": "mlp",
            "hidden": [4],
            "batch_size": 16,
            "epochs": 12,
            "snapshot_every": 4,
            "optimizer": "adam",
        },
    ],
)
def test_same_config_gives_the_same_events_bit_for_bit(fields: dict) -> None:
    first = encode(list(run_events(RunConfig(**fields))))
    assert encode(list(run_events(RunConfig(**fields)))) == first
    assert encode(list(run_events(RunConfig(**fields, seed=1)))) != first


def test_large_learning_rate_diverges_with_its_cause() -> None:
    events = list(run_events(RunConfig(lr=10)))
    diverged = [event for event in events if event["type"] == "diverged"]
    assert len(diverged) == 1 and "learning rate 10 is too large" in diverged[0]["cause"]
    assert events[-1] == {**events[-1], "type": "done", "reason": "diverged"}
    json.dumps(events, allow_nan=False)  # nothing that JSON cannot carry


def test_mini_batch_epoch_loss_is_the_row_weighted_mean_of_its_batches() -> None:
    run = RunConfig(dataset="noisy_line", samples=50, validation_split=0.0, batch_size=20)
    training = Training(build(run))
    training.take_events()
    rows_and_losses = []
    for _ in range(training.batches_per_epoch):
        x, y = training.current_batch()
        with torch.no_grad():
            before = training.experiment.loss_fn(training.experiment.model(x), y).item()
        rows_and_losses.append((len(x), before))
        training.run_batch()
    (epoch,) = per_epoch(training.take_events())
    assert [rows for rows, _ in rows_and_losses] == [20, 20, 10]
    assert epoch["loss"] == pytest.approx(sum(rows * loss for rows, loss in rows_and_losses) / 50, rel=1e-9)


def test_classification_reports_accuracy_and_a_decision_grid() -> None:
    events = list(run_events(RunConfig(dataset="blobs", epochs=30, lr=0.5, snapshot_every=30)))
    last = per_epoch(events)[-1]
    assert last["accuracy"] > 0.9 and last["val_accuracy"] > 0.9  # two well separated clouds, a linear model
    grid = [event for event in events if event["type"] == "snapshot"][-1]
    assert grid["kind"] == "grid" and len(grid["values"]) == grid["size"]
    assert all(0.0 <= value <= 1.0 for row in grid["values"] for value in row)


def test_correct_counts_the_logits_on_their_targets_side_of_zero() -> None:
    targets = np.array([[1.0], [0.0], [1.0], [0.0], [1.0]], dtype=np.float32)
    positive = measures.positive(targets)
    logits = [
        np.array([[0.5], [-0.5], [2.0], [-1.0], [0.1]], dtype=np.float32),  # all right
        np.array([[0.0], [0.0], [-2.0], [3.0], [0.0]], dtype=np.float32),  # a logit of exactly 0 is class 0
        np.array([[-1.0], [1.0], [-1.0], [1.0], [-1.0]], dtype=np.float32),  # all wrong
    ]
    assert [measures.correct(pred, positive) for pred in logits] == [5, 1, 0]


def test_free_running_notices_a_command_within_milliseconds() -> None:
    training = Training(build(RunConfig(epochs=5000, snapshot_every=5000)))
    interrupted = threading.Event()
    training.train_for(0.0, interrupted)  # epoch 1, a landmark: the rest is one stretch of plain epochs
    threading.Timer(0.05, interrupted.set).start()
    started = time.monotonic()
    training.train_for(10.0, interrupted)  # plain epochs look for commands every ~1 ms, not every epoch
    assert time.monotonic() - started < 0.05 + 0.1
    assert 1 < training._stride <= runner.MAX_CHECK_STRIDE and not training.finished


def test_turns_shrink_as_the_end_nears_so_little_is_left_to_report() -> None:
    """Near the end, each turn stops a fifth of the time left short of the expected end, down to a floor."""
    training = Training(build(RunConfig(epochs=5000, snapshot_every=5000)))
    assert training._turn_length(0.1, now=100.0) == 0.1  # no rate yet: a whole turn
    training.epoch = 1000  # 1000 epochs in 0.1 s: the 4000 left take 0.4 s, more than a turn
    assert training._turn_length(0.1, now=100.1) == 0.1
    training.epoch = 3000  # 2000 epochs in 0.1 s: the 2000 left take 0.1 s, so the turn is 4/5 of that
    assert training._turn_length(0.1, now=100.2) == pytest.approx(0.08)
    training.epoch = 4600  # 1600 epochs in 0.08 s: the 400 left take 0.02 s, so the turn is 0.016 s
    assert training._turn_length(0.1, now=100.28) == pytest.approx(0.016)
    training.epoch = 4990  # 390 epochs in 0.016 s: the 10 left take 0.4 ms, so the turn is the shortest
    assert training._turn_length(0.1, now=100.296) == runner.SHORTEST_TURN_SECONDS
    assert training._turn_length(0.1, now=100.3) == 0.1  # no epoch since the last turn began: no rate


def test_snapshot_of_a_small_model_carries_the_traced_step() -> None:
    events = list(run_events(RunConfig(epochs=10, snapshot_every=10)))
    snapshot = [event for event in events if event["type"] == "snapshot"][-1]
    assert snapshot["kind"] == "curve" and len(snapshot["x"]) == len(snapshot["y"])
    ops = [op["grad_fn"] for op in snapshot["trace"]["ops"]]
    assert "MseLossBackward0" in ops and "AddmmBackward0" in ops


def test_phases_zero_then_fill_gradients_and_step_moves_against_them() -> None:
    training = Training(build(RunConfig()))
    stepper = PhaseStepper(training)
    stepper.advance()  # a first batch, so that there are gradients to clear
    for _ in range(4):
        stepper.advance()
    weight = training.experiment.model.weight
    assert weight.grad is not None and weight.grad.item() != 0.0
    zeroed = stepper.advance()
    assert zeroed["phase"] == "zero_grad" and weight.grad is None
    assert zeroed["changed"]["grads"] == {"weight": None, "bias": None}
    assert stepper.advance()["phase"] == "forward"
    loss = stepper.advance()["changed"]["loss"]
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0])
    w, b = weight.item(), training.experiment.model.bias.item()
    assert loss == pytest.approx(np.mean((w * x + b - y) ** 2), rel=1e-6)
    filled = stepper.advance()["changed"]["grads"]
    expected_dw = np.mean(2 * (w * x + b - y) * x)  # d/dw of the mean squared error, worked out by hand
    assert filled["weight"][0][0] == pytest.approx(expected_dw, rel=1e-5)
    moved = stepper.advance()
    assert moved["changed"]["params"]["weight"][0][0] == pytest.approx(w - 0.01 * expected_dw, rel=1e-6)
    assert training.epoch == 2 and moved["trace"]["ops"]


def test_finishing_a_phased_batch_then_running_freely_keeps_the_epoch_count() -> None:
    training = Training(build(RunConfig(epochs=3)))
    stepper = PhaseStepper(training)
    stepper.advance()
    stepper.advance()
    phases = [event["phase"] for event in stepper.finish_batch()]
    assert phases == ["loss", "backward", "step"]
    while not training.finished:
        training.run_batch()
    assert [row["epoch"] for row in per_epoch(training.take_events())] == [1, 2, 3]


def test_long_runs_validate_every_kth_epoch_first_and_last_included() -> None:
    run = RunConfig(dataset="sine", samples=20, epochs=1200, snapshot_every=1200)
    events = list(run_events(run))
    assert events[0]["validate_every"] == 12  # 1200 epochs / 100 validation points
    article = next(run_events(RunConfig(epochs=1200)))  # its 3 points are all for training
    assert article["validation_rows"] == 0 and article["validate_every"] is None
    epochs = per_epoch(events)
    validated = [event["epoch"] for event in epochs if event["val_loss"] is not None]
    assert validated == [1, *range(12, 1201, 12)]


def test_long_runs_read_norms_and_parameters_every_kth_epoch_and_every_loss() -> None:
    events = list(run_events(RunConfig(epochs=2500, lr=0.001, snapshot_every=2500)))
    assert events[0]["measure_every"] == 5  # 2500 epochs / 500 chart points
    epochs = per_epoch(events)
    assert all(row["loss"] is not None for row in epochs)
    measured = [row["epoch"] for row in epochs if row["params"]["weight"] is not None]
    assert measured == [1, *range(5, 2501, 5)]  # the first, every 5th, and the last
    assert measured == [row["epoch"] for row in epochs if row["grad_norms"]["linear"] is not None]
    assert epochs[-1]["params"] == events[-1]["params"]  # the last epoch's values are the final ones


def test_csv_run_with_three_features_trains_without_a_picture() -> None:
    rows = "\n".join(
        f"{a},{b},{c},{a + 2 * b - c}"
        for a, b, c in [
            (1, 2, 3),
            (2, 0, 1),
            (0, 1, 1),
            (3, 1, 2),
            (1, 1, 0),
            (2, 2, 2),
            (0, 0, 1),
            (1, 3, 2),
        ]
    )
    events = list(run_events(RunConfig(dataset="csv", csv="a,b,c,y\n" + rows, epochs=50, lr=0.05)))
    start, snapshot = events[0], events[-2]
    assert (start["features"], start["task"], start["points"]) == (3, "regression", None)
    assert snapshot["type"] == "snapshot" and snapshot["kind"] == "none"
    epochs = per_epoch(events)
    assert epochs[-1]["loss"] < epochs[0]["loss"]


def test_snapshots_are_spaced_so_a_long_run_has_at_most_100() -> None:
    events = list(run_events(RunConfig(epochs=1000, snapshot_every=1)))
    assert events[0]["snapshot_every"] == 10
    snapshots = [event["epoch"] for event in events if event["type"] == "snapshot"]
    assert snapshots == list(range(0, 1001, 10))  # the starting fit, then every 10th epoch


def test_epoch_gradient_norm_is_the_hand_worked_article_gradient() -> None:
    events = list(run_events(RunConfig(epochs=1)))
    start = events[0]["params"]
    w, b = start["weight"][0][0], start["bias"][0]
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0])
    residual = w * x + b - y
    dw, db = np.mean(2 * residual * x), np.mean(2 * residual)  # d/dw and d/db of the mean squared error
    (epoch,) = per_epoch(events)
    assert epoch["grad_norms"] == {"linear": pytest.approx(np.hypot(dw, db), rel=1e-6)}


def test_mlp_gradient_norms_cover_weight_and_bias_of_each_layer() -> None:
    training = Training(build(RunConfig(dataset="moons", model="mlp", hidden=[16], epochs=2)))
    training.run_batch()
    (epoch,) = per_epoch(training.take_events())
    expected = {}
    for name, layer in training.experiment.layers:
        grads = [param.grad.numpy().astype(np.float64) for param in (layer.weight, layer.bias)]
        expected[name] = np.sqrt(sum(float(np.sum(grad**2)) for grad in grads))
    assert epoch["grad_norms"] == {name: pytest.approx(value, rel=1e-5) for name, value in expected.items()}


def test_long_runs_trace_at_most_10_snapshots_the_last_included() -> None:
    events = list(run_events(RunConfig(epochs=1000, snapshot_every=10)))
    assert events[0]["trace_every"] == 100  # 100 snapshots, one in ten traced
    snapshots = [event for event in events if event["type"] == "snapshot"]
    assert len(snapshots) == 101
    traced = [event["epoch"] for event in snapshots if event["trace"] is not None]
    assert traced == list(range(100, 1001, 100))
