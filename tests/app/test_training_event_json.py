"""Events as JSON text: the epoch templates write exactly what ``json.dumps`` writes, or fall back to it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.services.training.config import RunConfig
from app.services.training.epoch_event import EpochWriter
from app.services.training.event_json import event_json
from app.services.training.experiment import build
from app.services.training.runner import Training, run_events


def reference(event: dict) -> str:
    return json.dumps(event, separators=(",", ":"), allow_nan=False)


@pytest.mark.parametrize(
    "fields",
    [
        {"epochs": 30},  # the article's model: parameter values in every epoch event
        {"lr": 10},  # diverges: a loss that is not finite, reported as null
        {"dataset": "moons", "model": "mlp", "hidden": [4], "epochs": 30, "batch_size": 32},
        {"dataset": "spiral", "model": "mlp", "hidden": [16, 16], "epochs": 30, "optimizer": "adam"},
    ],
)
def test_every_event_of_a_run_is_written_as_json_dumps_writes_it(fields: dict) -> None:
    for event in run_events(RunConfig(**fields)):
        assert event_json(event) == reference(event)


def epoch(**changes: object) -> dict:
    event = {
        "type": "epoch",
        "epoch": 7,
        "loss": 1e-05,
        "val_loss": None,
        "accuracy": 0.5,
        "val_accuracy": None,
        "lr": 0.01,
        "grad_norms": {"0": 123456789.0, "2": -0.0},
        "params": {"0.weight": [[1.5, -2.25e20], [None, 3.0]], "0.bias": [0.1, 2.0]},
    }
    return {**event, **changes}


@pytest.mark.parametrize(
    "event",
    [
        epoch(),
        {key: value for key, value in epoch().items() if key != "params"},
        epoch(accuracy=True),  # a bool is JSON's true, not Python's repr
        epoch(params={"weight": [[True]]}),
        epoch(extra="field"),
        epoch(grad_norms={1: 2.0}),  # a key that is not a string
    ],
)
def test_unusual_epoch_events_are_written_as_json_dumps_writes_them(event: dict) -> None:
    assert event_json(event) == reference(event)


def test_a_value_json_cannot_carry_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(ValueError):
        event_json(epoch(loss=float("nan")))
    with pytest.raises(ValueError):
        event_json(epoch(params={"weight": [float("inf")]}))
    with pytest.raises(TypeError):
        event_json(epoch(loss=np.float32(0.5)))  # a numpy scalar is no JSON number


STREAMED = [
    {"epochs": 40},  # the article's model: every parameter value, a traced snapshot
    {"lr": 10},  # diverges
    {"dataset": "noisy_line", "epochs": 12, "batch_size": 7},  # mini-batches: a row-weighted mean loss
    {
        "dataset": "moons",
        "model": "mlp",
        "hidden": [3, 2],
        "epochs": 25,
        "batch_size": 32,
    },  # small MLP, accuracy
    {"dataset": "spiral", "model": "mlp", "hidden": [16, 16], "epochs": 25, "optimizer": "adam"},  # not small
]


def streamed_events(fields: dict) -> list[dict | str]:
    """Every event of a run as a streamed run takes it: epoch events already written as text."""
    training = Training(build(RunConfig(**fields)), as_text=True)
    with np.errstate(over="ignore", invalid="ignore"):
        events = training.take_events()
        while not training.finished:
            training.run_batch()
            events += training.take_events()
    return events


@pytest.mark.parametrize("fields", STREAMED)
def test_streamed_epoch_text_is_what_json_dumps_writes_of_the_same_run(fields: dict) -> None:
    streamed = streamed_events(fields)
    expected = list(run_events(RunConfig(**fields)))
    assert [event if type(event) is str else event_json(event) for event in streamed] == list(
        map(reference, expected)
    )
    written = [type(event) is str for event in streamed]
    assert written == [event["type"] == "epoch" for event in expected]  # the run wrote every epoch event


def test_a_reading_that_is_not_finite_is_written_with_nulls_as_json_dumps_writes_it() -> None:
    writer = EpochWriter(build(RunConfig()), small=True)  # the article's Linear(1, 1): weight, then bias
    reading = (3, 0.25, float("inf"), None, None, 0.01, [float("nan")], [float("inf"), 1.5])
    event = writer.event(reading)
    assert event["val_loss"] is None and event["grad_norms"] == {"linear": None}
    assert event["params"] == {"weight": [[None]], "bias": [1.5]}
    assert writer.text(reading) == reference(event)
    assert '"params":{"weight":[[null]],"bias":[1.5]}' in writer.text(reading)


def test_epoch_event_params_are_the_models_values_as_the_epoch_ends() -> None:
    training = Training(build(RunConfig(dataset="moons", model="mlp", hidden=[3, 2], epochs=5)))
    training.take_events()
    training.run_batch()
    values = {
        name: param.detach().numpy().tolist() for name, param in training.experiment.model.named_parameters()
    }
    training.run_batch()  # the next step moves them; the event keeps the values of its own epoch
    first = [event for event in training.take_events() if event["type"] == "epoch"][0]
    assert first["params"] == values
    assert [len(values[name]) for name in ("0.weight", "2.weight", "4.weight")] == [3, 2, 1]
