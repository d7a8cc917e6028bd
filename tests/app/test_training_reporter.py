"""The reporter: events made later on a twin, from parameter copies, equal those made in place at the time."""

from __future__ import annotations

import numpy as np
import pytest

import engine as torch
from app.services.training import measures
from app.services.training.config import RunConfig
from app.services.training.epoch_event import epoch_rows
from app.services.training.experiment import Experiment, build
from app.services.training.reporter import Reporter, Snapshot, load, state_of
from app.services.training.runner import Training, run_events, train_step
from app.services.training.tracing import step_graph

RUNS = [  # small models (traced), held-out rows (validated); full batches and shuffled mini-batches
    {"dataset": "noisy_line", "samples": 40, "epochs": 24, "snapshot_every": 2},
    {"dataset": "noisy_line", "samples": 40, "epochs": 12, "batch_size": 7, "snapshot_every": 3},
    {"dataset": "moons", "samples": 60, "model": "mlp", "hidden": [3], "epochs": 20, "optimizer": "adam"},
]


def in_place(fields: dict) -> tuple[dict, dict, dict]:
    """The run done by hand, measuring on the training model itself as each epoch ends (and tracing the
    step of every ``trace_every``-th epoch before its update): validation, drawing and trace by epoch."""
    plan = Training(build(RunConfig(**fields)))  # for its schedule only
    experiment = build(RunConfig(**fields))
    model, loss_fn, optimizer = experiment.model, experiment.loss_fn, experiment.optimizer
    data, drawing = experiment.dataset, measures.Drawing(experiment)
    validations, drawings, traces = {}, {0: drawing.predictions()}, {}
    for epoch in range(1, fields["epochs"] + 1):
        rows = len(data.x_train)
        size = fields.get("batch_size") or rows
        order = experiment.shuffle.permutation(rows) if size < rows else np.arange(rows)
        batches = [order[start : start + size] for start in range(0, rows, size)]
        for index, batch in enumerate(batches):
            x, y = (experiment.x_train, experiment.y_train) if size >= rows else _rows(experiment, batch)
            last = index == len(batches) - 1
            if last and (epoch % plan.trace_every == 0 or epoch == fields["epochs"]):
                traces[epoch] = step_graph(experiment, x, y)  # the old way: traced, then the update
                optimizer.step()
            else:
                train_step(model, loss_fn, optimizer, x, y)
        validations[epoch] = measures.validation(experiment)
        drawings[epoch] = drawing.predictions()
    return validations, drawings, traces


def _rows(experiment: Experiment, rows: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    data = experiment.dataset
    return torch.from_numpy(data.x_train[rows]), torch.from_numpy(data.y_train[rows])


@pytest.mark.parametrize("fields", RUNS)
def test_reported_later_on_a_twin_equals_measured_in_place(fields: dict) -> None:
    validations, drawings, traces = in_place(fields)
    events = list(run_events(RunConfig(**fields)))
    validated = [row for row in epoch_rows(events) if row["val_loss"] is not None]
    assert validated, "the run validates"
    for row in validated:
        loss, accuracy = validations[row["epoch"]]
        assert (row["val_loss"], row["val_accuracy"]) == (loss, accuracy)  # bit for bit
    snapshots = [event for event in events if event["type"] == "snapshot"]
    assert len(snapshots) > 2
    for snapshot in snapshots:
        epoch = snapshot["epoch"]
        assert {key: snapshot[key] for key in drawings[epoch]} == drawings[epoch]
        assert snapshot["trace"] == traces.get(epoch)
    if measures.is_small(build(RunConfig(**fields))):
        assert sum(snapshot["trace"] is not None for snapshot in snapshots) >= 2


def test_a_copy_loads_into_the_twin_exactly() -> None:
    training = Training(build(RunConfig(dataset="moons", model="mlp", hidden=[4, 3], epochs=5)))
    for _ in range(3):
        training.run_batch()
    twin = build(RunConfig(dataset="moons", model="mlp", hidden=[4, 3], epochs=5))
    load(twin, state_of(training.experiment))
    for (name, param), (twin_name, twin_param) in zip(
        training.experiment.named_parameters, twin.named_parameters, strict=True
    ):
        assert name == twin_name and np.array_equal(param._data, twin_param._data)
        assert param._data is not twin_param._data
    with pytest.raises(ValueError):
        load(twin, state_of(training.experiment)[:-4])  # a copy of another model does not fit


def test_training_records_copies_and_the_reporter_makes_the_events() -> None:
    training = Training(build(RunConfig(epochs=4, snapshot_every=2)))
    while not training.finished:
        training.run_batch()
    records = training.take_records()
    snapshots = [record for record in records if isinstance(record, Snapshot)]
    assert [snapshot.epoch for snapshot in snapshots] == [0, 2, 4]
    assert all(type(snapshot.state) is bytes for snapshot in snapshots)
    events = Reporter(RunConfig(epochs=4, snapshot_every=2)).report(records)
    assert [event["type"] for event in events] == [
        "start", "snapshot", "epochs", "snapshot", "epochs", "snapshot", "done"
    ]  # fmt: skip
    by_batch = list(run_events(RunConfig(epochs=4, snapshot_every=2)))  # one epoch per epochs event
    assert epoch_rows(events) == epoch_rows(by_batch)
    assert [e for e in events if e["type"] != "epochs"] == [e for e in by_batch if e["type"] != "epochs"]
