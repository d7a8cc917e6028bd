"""Events as JSON text: the epoch template writes exactly what ``json.dumps`` writes, or falls back to it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.services.training.config import RunConfig
from app.services.training.event_json import event_json
from app.services.training.runner import run_events


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
