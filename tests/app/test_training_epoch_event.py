"""The ``epochs`` event: consecutive epochs as columns, their numbers as read, back to one dict per epoch."""

from __future__ import annotations

import json
import math
import threading

import numpy as np
import pytest

import engine as torch
from app.services.training import measures
from app.services.training.config import RunConfig
from app.services.training.epoch_event import COPIED_GRADIENTS, EpochWriter, epoch_rows, rows
from app.services.training.event_json import event_json
from app.services.training.experiment import build
from app.services.training.runner import Training, run_events

RUNS = [
    {"epochs": 40},  # the article's model: every parameter value, traced snapshots
    {"lr": 10},  # diverges
    {"dataset": "noisy_line", "epochs": 12, "batch_size": 7},  # mini-batches: a row-weighted mean loss
    {"dataset": "moons", "model": "mlp", "hidden": [3, 2], "epochs": 25, "batch_size": 32},  # accuracy
    {"dataset": "spiral", "model": "mlp", "hidden": [16, 16], "epochs": 25, "optimizer": "adam"},  # not small
]


@pytest.mark.parametrize("fields", RUNS)
def test_every_epoch_appears_once_in_order_and_never_across_another_event(fields: dict) -> None:
    events = list(run_events(RunConfig(**fields)))
    batches = [event for event in events if event["type"] == "epochs"]
    expected_first = 1
    for batch in batches:
        assert batch["first"] == expected_first and batch["count"] >= 1
        expected_first += batch["count"]
        for column in ("loss", "val_loss", "lr"):
            assert len(batch[column]) == batch["count"]
    finished = events[-1]["epochs"]
    assert [row["epoch"] for row in epoch_rows(events)] == list(range(1, finished + 1))
    for before, after in zip(events, events[1:], strict=False):  # a snapshot follows the epoch it shows
        if after["type"] == "snapshot" and before["type"] == "epochs":
            assert before["first"] + before["count"] - 1 == after["epoch"]


LONG_RUNS = [  # past VALIDATION_POINTS epochs, most epochs are plain: neither validated nor snapshot
    {"epochs": 450},
    {"epochs": 2501, "lr": 0.001},  # past CHART_POINTS: norms and parameters every 6th epoch, and the last
    {"lr": 0.2, "epochs": 1000},  # diverges at epoch 218, a plain one
    {"dataset": "circle", "model": "mlp", "hidden": [4], "epochs": 450},  # accuracy
    {"dataset": "circle", "model": "mlp", "hidden": [4], "epochs": 1200},  # accuracy every 3rd epoch
    {"dataset": "moons", "model": "mlp", "hidden": [3], "epochs": 501, "batch_size": 64},  # every 2nd
    {"dataset": "spiral", "model": "mlp", "hidden": [16, 16], "epochs": 250, "optimizer": "adam"},  # big
]


@pytest.mark.parametrize("fields", RUNS + LONG_RUNS)
def test_free_running_gives_the_events_of_batch_by_batch(fields: dict) -> None:
    """``train_for`` runs full-batch epochs in one loop, landmarks too: the same events, number for number."""
    by_batch = list(run_events(RunConfig(**fields)))
    training = Training(build(RunConfig(**fields)))
    freely = training.take_events()
    with np.errstate(over="ignore", invalid="ignore"):
        while not training.finished:
            training.train_for(0.002, threading.Event())  # short turns: runs of columns end mid-way
            freely += training.take_events()
    assert epoch_rows(freely) == epoch_rows(by_batch)
    assert sum(event["count"] for event in freely if event["type"] == "epochs") == training.epoch
    assert [e for e in freely if e["type"] != "epochs"] == [e for e in by_batch if e["type"] != "epochs"]


@pytest.mark.parametrize("fields", RUNS)
def test_every_event_is_json_without_nan(fields: dict) -> None:
    for event in run_events(RunConfig(**fields)):
        text = event_json(event)
        assert json.loads(text) == event
        assert "NaN" not in text and "Infinity" not in text


def test_regression_has_no_accuracy_columns_and_classification_has_them() -> None:
    line = [e for e in run_events(RunConfig(epochs=3)) if e["type"] == "epochs"]
    assert len(line) == 3 and all(e["accuracy"] is None and e["val_accuracy"] is None for e in line)
    moons = [e for e in run_events(RunConfig(dataset="moons", epochs=3)) if e["type"] == "epochs"]
    assert all(0.0 <= value <= 1.0 for batch in moons for value in batch["accuracy"])


@pytest.mark.parametrize("fields", [LONG_RUNS[4], LONG_RUNS[5]])
def test_a_long_classifiers_accuracy_is_read_with_its_norms_and_counts_its_epochs_rows(fields: dict) -> None:
    events = list(run_events(RunConfig(**fields)))
    every = events[0]["measure_every"]
    epochs = epoch_rows(events)
    measured = [row["epoch"] for row in epochs if row["accuracy"] is not None]
    assert every > 1 and measured == [1, *range(every, len(epochs), every), len(epochs)]
    layer = next(iter(epochs[0]["grad_norms"]))
    assert measured == [row["epoch"] for row in epochs if row["grad_norms"][layer] is not None]
    rows_seen = events[0]["train_rows"]  # a share of the training rows, all of them counted
    assert all(round(epochs[epoch - 1]["accuracy"] * rows_seen, 6).is_integer() for epoch in measured)


def measure(writer: EpochWriter, experiment, epochs, loss: float, values, grads) -> None:
    """Append an epoch's loss and read it with the model's (weight, bias) and their gradients set to these."""
    for param, value, grad in zip(experiment.model.parameters(), values, grads, strict=True):
        param._data[...] = value
        param.grad = None if grad is None else torch.full(param.shape, grad)
    epochs.loss.append(loss)
    writer.read(epochs, None)


def test_numbers_that_are_not_finite_are_null() -> None:
    experiment = build(RunConfig())  # Linear(1, 1): weight, then bias
    writer = EpochWriter(experiment, small=True, classifying=False)
    epochs = writer.begin(3, 0.01)
    measure(writer, experiment, epochs, 0.25, (float("inf"), 1.5), (float("nan"), 0.0))
    measure(writer, experiment, epochs, float("nan"), (1.0, 2.5), (1.5, -2.0))  # norm 2.5
    event = writer.event(epochs, {0: (float("inf"), None)})
    assert (event["first"], event["count"], event["lr"]) == (3, 2, [0.01, 0.01])
    assert event["loss"] == [0.25, None] and event["val_loss"] == [None, None]
    assert event["grad_norms"] == {"linear": [None, 2.5]}
    assert event["params"] == {"weight": [[[None]], [[1.0]]], "bias": [[1.5], [2.5]]}
    assert '"params":{"weight":[[[null]],[[1.0]]],"bias":[[1.5],[2.5]]}' in event_json(event)


def test_epochs_not_measured_have_null_norms_and_parameters() -> None:
    experiment = build(RunConfig())
    writer = EpochWriter(experiment, small=True, classifying=False)
    epochs = writer.begin(1, 0.01)
    epochs.loss.append(0.5)
    measure(writer, experiment, epochs, 0.25, (1.0, 0.5), (2.0, None))  # no gradient: it adds nothing
    epochs.loss.append(0.125)
    event = writer.event(epochs, {})
    assert event["loss"] == [0.5, 0.25, 0.125]
    assert event["grad_norms"] == {"linear": [None, 2.0, None]}
    assert event["params"] == {"weight": [None, [[1.0]], None], "bias": [None, [0.5], None]}


def test_a_change_of_rate_ends_the_columns() -> None:
    training = Training(build(RunConfig(epochs=20)))
    for _ in range(3):
        training.run_batch()
    training.set_lr(0.5)
    training.queue({"type": "lr", "lr": 0.5})
    for _ in range(2):
        training.run_batch()
    events = [event for event in training.take_events() if event["type"] in ("epochs", "lr")]
    assert [(event["type"], event.get("first"), event.get("lr")) for event in events] == [
        ("epochs", 1, [0.01, 0.01, 0.01]),
        ("lr", None, 0.5),
        ("epochs", 4, [0.5, 0.5]),
    ]


def test_rows_give_one_dict_per_epoch_with_each_columns_entry() -> None:
    event = {
        "type": "epochs",
        "first": 11,
        "count": 2,
        "loss": [0.5, 0.25],
        "val_loss": [None, 0.3],
        "accuracy": None,
        "val_accuracy": None,
        "lr": [0.1, 0.1],
        "grad_norms": {"linear": [1.0, 0.5]},
        "params": {"weight": [[[1.0]], [[1.5]]]},
    }
    assert rows(event) == [
        {
            "epoch": 11,
            "loss": 0.5,
            "val_loss": None,
            "accuracy": None,
            "val_accuracy": None,
            "lr": 0.1,
            "grad_norms": {"linear": 1.0},
            "params": {"weight": [[1.0]]},
        },
        {
            "epoch": 12,
            "loss": 0.25,
            "val_loss": 0.3,
            "accuracy": None,
            "val_accuracy": None,
            "lr": 0.1,
            "grad_norms": {"linear": 0.5},
            "params": {"weight": [[1.5]]},
        },
    ]


def test_epoch_params_are_the_models_values_as_the_epoch_ends() -> None:
    training = Training(build(RunConfig(dataset="moons", model="mlp", hidden=[3, 2], epochs=5)))
    training.take_events()
    training.run_batch()
    values = {
        name: param.detach().numpy().tolist() for name, param in training.experiment.model.named_parameters()
    }
    training.run_batch()  # the next step moves them; the first epoch keeps the values of its own end
    first = epoch_rows(training.take_events())[0]
    assert first["params"] == values
    assert [len(values[name]) for name in ("0.weight", "2.weight", "4.weight")] == [3, 2, 1]


@pytest.mark.parametrize(("hidden", "copied"), [([3], True), ([40, 40], False)])
def test_gradient_norms_are_each_layers_norm_at_each_epochs_end(hidden: list[int], copied: bool) -> None:
    """Several epochs taken at once: each norm is its own epoch's (rel 1e-5: summed in float32), the same
    number whether the gradients were copied for the reporter (a small model) or summed in place (large)."""
    fields = {"dataset": "moons", "model": "mlp", "hidden": hidden, "epochs": 5, "momentum": 0.9}
    training = Training(build(RunConfig(**fields)))
    assert (training.experiment.parameters <= COPIED_GRADIENTS) is copied
    training.take_events()
    layers = training.experiment.layer_parameters
    expected, in_place = [], []
    for _ in range(3):
        training.run_batch()
        expected.append(
            {
                name: math.sqrt(sum(float(np.sum(p.grad.numpy().astype(np.float64) ** 2)) for p in params))
                for name, params in layers
            }
        )
        in_place.append(measures.gradient_norms(training.experiment))
    got = [row["grad_norms"] for row in epoch_rows(training.take_events())]
    assert got == [{name: pytest.approx(value, rel=1e-5) for name, value in row.items()} for row in expected]
    assert got == in_place
    assert got[0] != got[1] != got[2]


def test_columns_are_a_fraction_of_one_object_per_epoch() -> None:
    """The reason for columns: the article's 5,000 epochs in ~100 bytes each (one object each took ~260)."""
    training = Training(build(RunConfig(epochs=5000, snapshot_every=5000)))
    while not training.finished:  # as a streamed run hands them over: many epochs per take
        training.run_batch()
    events = training.take_events()
    epochs_bytes = sum(len(event_json(event)) for event in events if event["type"] == "epochs")
    objects_bytes = sum(len(json.dumps(row, separators=(",", ":"))) for row in epoch_rows(events))
    assert epochs_bytes / 5000 < 110 and epochs_bytes < objects_bytes / 2
