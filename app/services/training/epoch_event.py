"""The ``epoch`` event: read at the end of each epoch, written later as a dict or straight as JSON text.

A run sends one epoch event per epoch, thousands a second. Reading the model is all that must happen at
the epoch's end (the numbers change with the next step); writing can wait for the end of the training turn,
where a run's readings are written one after the other with the code and data still in cache. A streamed
run writes the text from a template made once per run (its layer and parameter names and shapes never
change), one ``%`` formatting per epoch. The template holds plain finite numbers only: a reading it cannot
carry (a value that is not finite) goes through the dict and the generic encoder, so the text is always what
``json.dumps`` writes of the dict.
"""

from __future__ import annotations

import json
from typing import Any

from app.services.training import measures
from app.services.training.event_json import Unusual, event_json, number_text
from app.services.training.experiment import Experiment

Validation = tuple[float | None, float | None]  # held-out loss and accuracy, None where not measured
NOT_VALIDATED: Validation = (None, None)
# (epoch, loss, val_loss, accuracy, val_accuracy, lr, layer norms, parameter values in ravel order):
# floats as read, finite or not
Reading = tuple[int, float, float | None, float | None, float | None, float, list[float], list[float]]


class EpochWriter:
    """One run's epoch events: ``read`` them as the epoch ends, ``event`` or ``text`` them afterwards."""

    def __init__(self, experiment: Experiment, small: bool) -> None:
        self._layers = experiment.layer_parameters
        self._layer_names = [name for name, _ in self._layers]
        named = experiment.named_parameters if small else []
        self._params = [param for _, param in named]
        self._shapes = [(name, tuple(param.shape)) for name, param in named]
        self._small = small
        self._template = _template(experiment, small)
        self._lr: float | None = None  # the learning rate whose text ``_lr_text`` holds
        self._lr_text = ""

    def read(
        self, epoch: int, loss: float, validation: Validation, accuracy: float | None, lr: float
    ) -> Reading:
        """The epoch's numbers, with the gradient norms and parameter values as they stand now."""
        values: list[float] = []
        for param in self._params:
            values += param._data.ravel().tolist()  # read in place: the next step changes the array
        norms = measures.layer_norms(self._layers)
        return (epoch, loss, validation[0], accuracy, validation[1], lr, norms, values)

    def event(self, reading: Reading) -> dict[str, Any]:
        """The event as a dict, numbers that are not finite as None."""
        epoch, loss, val_loss, accuracy, val_accuracy, lr, norms, values = reading
        event = {
            "type": "epoch",
            "epoch": epoch,
            "loss": measures.finite(loss),
            "val_loss": _finite_or_none(val_loss),
            "accuracy": _finite_or_none(accuracy),
            "val_accuracy": _finite_or_none(val_accuracy),
            "lr": lr,
            "grad_norms": dict(zip(self._layer_names, map(measures.finite, norms), strict=True)),
        }
        if self._small:
            finite = [measures.finite(value) for value in values]
            event["params"] = {}
            start = 0
            for name, shape in self._shapes:
                event["params"][name], start = _nested(finite, start, shape)
        return event

    def text(self, reading: Reading) -> str:
        """The event as compact JSON text: exactly ``event_json(self.event(reading))``."""
        epoch, loss, val_loss, accuracy, val_accuracy, lr, norms, values = reading
        total = loss + lr + sum(norms) + sum(values)
        if total - total != 0.0:  # a value is not finite (or the sum overflowed): the dict's way
            return event_json(self.event(reading))
        if lr is not self._lr:
            self._lr, self._lr_text = lr, number_text(lr)
        try:
            optional = (_optional(val_loss), _optional(accuracy), _optional(val_accuracy))
            return self._template % (epoch, loss, *optional, self._lr_text, *norms, *values)
        except Unusual:
            return event_json(self.event(reading))


def _optional(value: float | None) -> str:
    """An optional number's text; ``Unusual`` if it is not finite (the dict writes those)."""
    return "null" if value is None else number_text(value)


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None else measures.finite(value)


def _nested(values: list[Any], start: int, shape: tuple[int, ...]) -> tuple[Any, int]:
    """The values from ``start`` on as nested lists of ``shape`` (as ``tolist`` gives), and where they end."""
    if not shape:
        return values[start], start + 1
    if len(shape) == 1:
        return values[start : start + shape[0]], start + shape[0]
    rows = []
    for _ in range(shape[0]):
        row, start = _nested(values, start, shape[1:])
        rows.append(row)
    return rows, start


def _template(experiment: Experiment, small: bool) -> str:
    """The run's epoch event as a ``%`` template: epoch, loss, three optional texts, lr, norms, values."""
    norms = ",".join(f"{_key(name)}:%r" for name, _ in experiment.layer_parameters)
    text = (
        '{"type":"epoch","epoch":%d,"loss":%r,"val_loss":%s,"accuracy":%s,"val_accuracy":%s,"lr":%s,'
        f'"grad_norms":{{{norms}}}'
    )
    if not small:
        return text + "}"
    params = ",".join(
        f"{_key(name)}:{_slots(tuple(param.shape))}" for name, param in experiment.named_parameters
    )
    return f'{text},"params":{{{params}}}}}'


def _key(name: str) -> str:
    """A dict key as JSON writes it, with ``%`` doubled for the template."""
    return json.dumps(name).replace("%", "%%")


def _slots(shape: tuple[int, ...]) -> str:
    """Nested lists of ``%r`` slots for an array of ``shape``, in ``ravel`` order."""
    if not shape:
        return "%r"
    return "[" + ",".join([_slots(shape[1:])] * shape[0]) + "]"
