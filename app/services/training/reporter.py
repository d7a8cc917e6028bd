"""A run's records turned into its events: validations, drawings and traced steps from parameter copies.

The training loop records rather than reports. At a landmark epoch (a validation, a snapshot, a traced step)
it only copies the parameters (``state_of``, a few microseconds) into its records: ``Epochs.validated``,
``Snapshot`` and ``TraceRequest``. A ``Reporter`` holds a twin of the run's experiment, built from the same
configuration (the same data, the same model), loads each copy into it and computes what the event shows: the
same arithmetic on the same numbers, so the same result, bit for bit, as computing it in place.

A worker's reporter runs in a process of its own (``worker.serve``), on another core, so that this work costs
the training nothing; ``Training.take_events`` reports in-process, which gives the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import engine as torch
from app.services.training import measures, tracing
from app.services.training.config import RunConfig
from app.services.training.datasets import CLASSIFICATION
from app.services.training.epoch_event import Epochs, EpochWriter, State
from app.services.training.experiment import Experiment, build


def state_of(experiment: Experiment) -> State:
    """Every parameter's values as they stand, in ``named_parameters`` order, as raw bytes."""
    return b"".join([param._data.tobytes() for _, param in experiment.named_parameters])


def load(experiment: Experiment, state: State) -> None:
    """Set every parameter to the values ``state_of`` copied (from this experiment or its twin)."""
    offset = 0
    for _, param in experiment.named_parameters:
        values = param._data
        values[...] = np.frombuffer(state, values.dtype, values.size, offset).reshape(values.shape)
        offset += values.nbytes


@dataclass(slots=True)
class TraceRequest:
    """A step to trace: the parameters before it, and its batch's training rows (None: all of them)."""

    state: State
    rows: np.ndarray | None


@dataclass(slots=True)
class Snapshot:
    """A snapshot to make: the parameters at the end of ``epoch``, and the step it traces, if any."""

    epoch: int
    state: State
    trace: TraceRequest | None


Record = dict[str, Any] | Epochs | Snapshot  # what ``Training.take_records`` hands over


class Reporter:
    """Turns one run's records into its events, in order, with a twin of the run's experiment."""

    def __init__(self, run_config: RunConfig) -> None:
        twin = self._twin = build(run_config)
        small = measures.is_small(twin)
        self._writer = EpochWriter(twin, small, twin.dataset.task == CLASSIFICATION)
        self._drawing = measures.Drawing(twin)

    def report(self, records: list[Record]) -> list[dict[str, Any]]:
        """The events the records stand for, oldest first (events recorded as they are go through as such)."""
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run's numbers overflow: reported
            return [self._event(record) for record in records]

    def _event(self, record: Record) -> dict[str, Any]:
        if isinstance(record, Epochs):
            validations = {index: self._validation(state) for index, state in record.validated.items()}
            return self._writer.event(record, validations)
        if isinstance(record, Snapshot):
            trace = None if record.trace is None else self._trace(record.trace)
            load(self._twin, record.state)
            return {"type": "snapshot", "epoch": record.epoch, **self._drawing.predictions(), "trace": trace}
        return record

    def _validation(self, state: State) -> tuple[float | None, float | None]:
        load(self._twin, state)
        return measures.validation(self._twin)

    def _trace(self, request: TraceRequest) -> dict[str, Any]:
        twin = self._twin
        load(twin, request.state)
        if request.rows is None:
            x, y = twin.x_train, twin.y_train
        else:
            x = torch.from_numpy(twin.dataset.x_train[request.rows])
            y = torch.from_numpy(twin.dataset.y_train[request.rows])
        return tracing.step_graph(twin, x, y)
