"""The ``epochs`` event: consecutive epochs' numbers as columns, appended as each epoch ends.

A run reports every epoch, thousands a second. Reading the model is all that must happen at the epoch's end
(the numbers change with the next step), so each epoch only appends its loss to the open ``Epochs``; on the
epochs the run measures (``runner.CHART_POINTS``) it also counts the training accuracy (classification) and
copies the gradients (a large model sums their norms) and, for a small model, the parameters, from which a
``reporter.Reporter`` later works out each layer's gradient norm and each parameter's values; an epoch to
validate keeps a copy of the parameters, which the reporter validates. The event is made by that reporter,
as columns: one list per field, one entry per epoch. That is what a chart appends, about 40% of the bytes of
one object per epoch.

    {"type": "epochs", "first": 101, "count": 3,
     "loss": [...], "val_loss": [null, null, ...], "accuracy": [...] or null, "val_accuracy": ... or null,
     "lr": [...], "grad_norms": {"linear": [...]}, "params": {"weight": [[[w]], ...], "bias": [[b], ...]}}

``accuracy``/``val_accuracy`` are null for regression; ``params`` is there for small models only; a number
that is not finite, or was not measured (validation, and the accuracy, gradient norms and parameters of long
runs), is null. ``rows`` turns an event back into one dict per epoch (``epoch_rows``: a stream's).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import islice
from typing import Any

import numpy as np

from app.services.training import measures
from app.services.training.experiment import Experiment

Validation = tuple[float | None, float | None]  # held-out loss and accuracy, None where not measured
State = bytes  # every parameter's values at one moment (``reporter.state_of``)
# the training accuracy (None: regression); the raw bytes of each parameter's values (small models); and each
# gradient's raw bytes (None: not set), or each layer's gradient norm (large models), in EpochWriter's orders
Reading = tuple[float | None, list[bytes], list[bytes | None] | list[float]]
PER_EPOCH = ("loss", "val_loss", "accuracy", "val_accuracy", "lr")  # the plain columns, in event order
# models with at most this many gradient values have their gradients copied when an epoch is read (4 KiB;
# 2 MiB a run); larger ones have their norms summed in place, rather than send megabytes of copies on
COPIED_GRADIENTS = 1024


class Epochs:
    """Consecutive epochs' numbers as read: the columns of one ``epochs`` event, still open to appends.

    The learning rate is one number: a change of rate is an ``lr`` event, which ends the columns.
    """

    __slots__ = ("first", "lr", "loss", "validated", "measured")

    def __init__(self, first: int, lr: float) -> None:
        self.first = first
        self.lr = lr
        self.loss: list[float] = []
        self.validated: dict[int, State] = {}  # by index in the columns: the parameters of epochs to validate
        self.measured: dict[int, Reading] = {}  # by index: the epochs read (accuracy, norms, parameters)


class EpochWriter:
    """One run's epochs: ``begin`` columns, ``read`` each epoch into them, ``event`` them afterwards."""

    def __init__(self, experiment: Experiment, small: bool, classifying: bool) -> None:
        layers = self._layers = experiment.layer_parameters
        self._layer_names = [name for name, _ in layers]
        self._graded = [param for _, params in layers for param in params]  # whose gradients are read
        self._layer_sizes = [len(params) for _, params in layers]
        self._copies = sum(param._data.size for param in self._graded) <= COPIED_GRADIENTS
        named = experiment.named_parameters if small else []
        self._params = [param for _, param in named]
        self._param_names = [name for name, _ in named]
        self._ndims = [param.ndim for param in self._params]
        self._small = small
        self._classifying = classifying

    def begin(self, first: int, lr: float) -> Epochs:
        """Empty columns whose first epoch will be ``first``."""
        return Epochs(first, lr)

    def read(self, epochs: Epochs, accuracy: float | None) -> None:
        """Measure the epoch just appended: its training ``accuracy`` (None for regression), counted by the
        caller, and the parameter values and gradients as they stand now (the next step changes them).

        They are copied as raw bytes, the least the training loop can do, and ``event`` makes the numbers
        from them (in a worker, its reporter process does). Alone, a read takes 0.7 us for the article's model
        and 0.9 us for the spiral's MLP, against 1.2 and 4.7 us to compute the numbers in place; in the loop
        a read costs several times that (its code and data are cold after a step, and it leaves the step's
        colder): the spiral's 500 reads took 2.4% of its training in place, 0.9% as copies. The gradients
        of a model past ``COPIED_GRADIENTS`` values are summed into norms here instead.
        """
        values = [param._data.tobytes() for param in self._params]
        if self._copies:
            grads = [
                None if (grad := param._grad) is None else grad._data.tobytes() for param in self._graded
            ]
        else:
            grads = measures.layer_norms(self._layers)
        epochs.measured[len(epochs.loss) - 1] = (accuracy, values, grads)

    def event(self, epochs: Epochs, validations: dict[int, Validation]) -> dict[str, Any]:
        """The columns as one ``epochs`` event, with the ``validations`` of the epochs ``validated``.

        Only the epochs measured or validated are gone through one by one.
        """
        count = len(epochs.loss)
        val_loss: list[float | None] = [None] * count
        val_accuracy: list[float | None] = [None] * count
        for index, (loss, accuracy) in validations.items():
            val_loss[index], val_accuracy[index] = _finite_or_none(loss), _finite_or_none(accuracy)
        accuracy: list[float | None] = [None] * count
        norms: list[list[float | None]] = [[None] * count for _ in self._layer_names]
        params: list[list[Any]] = [[None] * count for _ in self._params]
        for index, (correct, raw_values, raw_grads) in epochs.measured.items():
            accuracy[index] = correct
            layer_norms = self._norms(raw_grads) if self._copies else raw_grads
            for column, norm in zip(norms, layer_norms, strict=True):
                column[index] = norm if math.isfinite(norm) else None
            for column, raw, param, ndim in zip(params, raw_values, self._params, self._ndims, strict=True):
                value = _array(raw, param).tolist()
                column[index] = value if measures.all_finite(value, ndim) else _nones(value)
        event: dict[str, Any] = {
            "type": "epochs",
            "first": epochs.first,
            "count": count,
            "loss": _finite(epochs.loss),
            "val_loss": val_loss,
            "accuracy": accuracy if self._classifying else None,  # a share of rows: always finite
            "val_accuracy": val_accuracy if self._classifying else None,
            "lr": [measures.finite(epochs.lr)] * count,
            "grad_norms": dict(zip(self._layer_names, norms, strict=True)),
        }
        if self._small:
            event["params"] = dict(zip(self._param_names, params, strict=True))
        return event

    def _norms(self, raw_grads: list[Any]) -> list[float]:
        """Each layer's gradient norm from the gradients ``read`` copied, as ``measures.layer_norms`` reads
        them in place (the same sums, so the same numbers)."""
        grads = iter(zip(raw_grads, self._graded, strict=True))
        layers = [
            [_array(raw, param) for raw, param in islice(grads, size) if raw is not None]
            for size in self._layer_sizes
        ]
        return [measures.norm(arrays) for arrays in layers]


def _array(raw: bytes, param: Any) -> np.ndarray:
    """A parameter's values (or its gradient's) from the bytes ``read`` copied, in the parameter's shape."""
    values = param._data
    return np.frombuffer(raw, values.dtype).reshape(values.shape)


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


def _finite(column: list[float]) -> list[float | None]:
    """A column of floats with those that are not finite as None (JSON has no NaN)."""
    if measures.all_finite(column):
        return column
    return [value if math.isfinite(value) else None for value in column]


def _nones(values: Any) -> Any:
    """Nested lists with the values that are not finite as None."""
    if isinstance(values, list):
        return [_nones(value) for value in values]
    return values if math.isfinite(values) else None


def _finite_or_none(value: float | None) -> float | None:
    """A measured value, None where it is not finite or was not measured."""
    return None if value is None or not math.isfinite(value) else value
