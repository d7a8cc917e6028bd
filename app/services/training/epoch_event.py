"""The ``epochs`` event: consecutive epochs' numbers as columns, read as each epoch ends, written per batch.

A run reports every epoch, thousands a second. Reading the model is all that must happen at the epoch's end
(the numbers change with the next step); the event is made when the outbox is taken, for the epochs read
since, as columns: one list per field, one entry per epoch. That is what a chart appends, about 40% of the
bytes of one object per epoch, and written by json's C encoder rather than field by field.

    {"type": "epochs", "first": 101, "count": 3,
     "loss": [...], "val_loss": [null, null, ...], "accuracy": [...] or null, "val_accuracy": ... or null,
     "lr": [...], "grad_norms": {"linear": [...]}, "params": {"weight": [[[w]], ...], "bias": [[b], ...]}}

``accuracy``/``val_accuracy`` are null for regression; ``params`` is there for small models only; a number
that is not finite is null. ``rows`` turns an event back into one dict per epoch (``epoch_rows``: a stream's).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from app.services.training import measures
from app.services.training.experiment import Experiment

Validation = tuple[float | None, float | None]  # held-out loss and accuracy, None where not measured
NOT_VALIDATED: Validation = (None, None)
# (epoch, loss, val_loss, accuracy, val_accuracy, lr, layer norms, parameter values in ravel order):
# floats as read, finite or not
Reading = tuple[int, float, float | None, float | None, float | None, float, list[float], list[float]]
PER_EPOCH = ("loss", "val_loss", "accuracy", "val_accuracy", "lr")  # the plain columns, in event order


class EpochWriter:
    """One run's epochs: ``read`` each as it ends, ``event`` a batch of readings afterwards."""

    def __init__(self, experiment: Experiment, small: bool, classifying: bool) -> None:
        self._layers = experiment.layer_parameters
        self._layer_names = [name for name, _ in self._layers]
        named = experiment.named_parameters if small else []
        self._params = [param for _, param in named]
        self._shapes = [(name, tuple(param.shape)) for name, param in named]
        self._small = small
        self._classifying = classifying

    def read(
        self, epoch: int, loss: float, validation: Validation, accuracy: float | None, lr: float
    ) -> Reading:
        """The epoch's numbers, with the gradient norms and parameter values as they stand now."""
        values: list[float] = []
        for param in self._params:
            values += param._data.ravel().tolist()  # read in place: the next step changes the array
        norms = measures.layer_norms(self._layers)
        return (epoch, loss, validation[0], accuracy, validation[1], lr, norms, values)

    def event(self, readings: list[Reading]) -> dict[str, Any]:
        """Consecutive epochs' readings as one ``epochs`` event."""
        epochs, loss, val_loss, accuracy, val_accuracy, lr, norms, values = zip(*readings, strict=True)
        event: dict[str, Any] = {
            "type": "epochs",
            "first": epochs[0],
            "count": len(readings),
            "loss": _finite(loss),
            "val_loss": _measured(val_loss),
            "accuracy": _measured(accuracy) if self._classifying else None,
            "val_accuracy": _measured(val_accuracy) if self._classifying else None,
            "lr": _finite(lr),
            "grad_norms": {
                name: _finite(column)
                for name, column in zip(self._layer_names, zip(*norms, strict=True), strict=True)
            },
        }
        if self._small:
            event["params"] = self._params_by_name(values)
        return event

    def _params_by_name(self, values: tuple[list[float], ...]) -> dict[str, list[Any]]:
        """Each parameter's value at each epoch, as ``tolist`` gives it (nested lists of its shape)."""
        readings = [_finite(flat) for flat in values]
        by_name: dict[str, list[Any]] = {}
        start = 0
        for name, shape in self._shapes:
            size = math.prod(shape)
            end = start + size
            if len(shape) == 1:  # a bias: a slice per epoch
                by_name[name] = [flat[start:end] for flat in readings]
            elif len(shape) == 2:  # a weight: rows of slices per epoch
                width = shape[1]
                rows = range(start, end, width)
                by_name[name] = [[flat[row : row + width] for row in rows] for flat in readings]
            else:
                by_name[name] = [_nested(flat, start, shape)[0] for flat in readings]
            start = end
        return by_name


def rows(event: dict[str, Any]) -> list[dict[str, Any]]:
    """An ``epochs`` event as one dict per epoch: its number and each column's entry for it."""
    records = []
    for index in range(event["count"]):
        record: dict[str, Any] = {"epoch": event["first"] + index}
        for field in PER_EPOCH:
            column = event[field]
            record[field] = None if column is None else column[index]
        record["grad_norms"] = {name: column[index] for name, column in event["grad_norms"].items()}
        if "params" in event:
            record["params"] = {name: column[index] for name, column in event["params"].items()}
        records.append(record)
    return records


def epoch_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every epoch in a sequence of events, one dict each, in order (``rows`` of each ``epochs`` event)."""
    return [row for event in events if event["type"] == "epochs" for row in rows(event)]


def _finite(column: tuple[float, ...] | list[float]) -> list[float | None]:
    """A column of floats with those that are not finite as None (JSON has no NaN)."""
    if measures.all_finite(column):
        return list(column)
    return [value if math.isfinite(value) else None for value in column]


def _measured(column: tuple[float | None, ...]) -> list[float | None]:
    """A column measured on some epochs only (None on the others), with values not finite as None."""
    return [value if value is None or math.isfinite(value) else None for value in column]


def _nested(values: list[Any], start: int, shape: tuple[int, ...]) -> tuple[Any, int]:
    """The values from ``start`` on as nested lists of ``shape`` (as ``tolist`` gives), and where they end."""
    if not shape:
        return values[start], start + 1
    if len(shape) == 1:
        return values[start : start + shape[0]], start + shape[0]
    nested = []
    for _ in range(shape[0]):
        row, start = _nested(values, start, shape[1:])
        nested.append(row)
    return nested, start
