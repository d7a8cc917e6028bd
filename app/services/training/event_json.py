"""Events as JSON text, exactly as ``json.dumps(event, separators=(",", ":"), allow_nan=False)`` writes them.

A run sends one ``epoch`` event per epoch, thousands a second, and the generic encoder spends on one of them
about a tenth of what the engine spends on a small model's whole epoch. The epoch event's shape is fixed, so
it is written from a template; anything unexpected in it (a value that is not a plain finite number, a field
more or less) falls back to the generic encoder, so the text is always the same as ``json.dumps`` gives.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

EPOCH_FIELDS = ("type", "epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr", "grad_norms")
EPOCH_FIELDS_WITH_PARAMS = (*EPOCH_FIELDS, "params")

_generic = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode


class Unusual(Exception):
    """A value the template does not write; the generic encoder takes the whole event."""


def event_json(event: dict[str, Any]) -> str:
    """One event as compact JSON text (ASCII: its length is its size in bytes)."""
    if event.get("type") == "epoch":
        try:
            return _epoch_json(event)
        except Unusual:
            pass
    return _generic(event)


def _epoch_json(event: dict[str, Any]) -> str:
    fields = tuple(event)
    if fields != EPOCH_FIELDS and fields != EPOCH_FIELDS_WITH_PARAMS:
        raise Unusual
    number = number_text
    norms = ",".join([f"{_key(name)}:{number(value)}" for name, value in event["grad_norms"].items()])
    text = (
        f'{{"type":"epoch","epoch":{number(event["epoch"])},"loss":{number(event["loss"])},'
        f'"val_loss":{number(event["val_loss"])},"accuracy":{number(event["accuracy"])},'
        f'"val_accuracy":{number(event["val_accuracy"])},"lr":{number(event["lr"])},"grad_norms":{{{norms}}}'
    )
    if len(fields) == len(EPOCH_FIELDS):
        return text + "}"
    params = ",".join([f"{_key(name)}:{_array(values)}" for name, values in event["params"].items()])
    return f'{text},"params":{{{params}}}}}'


def number_text(value: Any) -> str:
    """A number as JSON writes it: Python's repr of an int or a finite float, ``null`` for None."""
    kind = type(value)
    if kind is float:
        if value - value == 0.0:  # finite (inf - inf and NaN - NaN are NaN)
            return repr(value)
    elif value is None:
        return "null"
    elif kind is int:
        return repr(value)
    raise Unusual


def _array(values: Any) -> str:
    """Nested lists of plain finite floats: their repr, with JSON's separators."""
    if type(values) is not list:
        return number_text(values)
    text = repr(values)
    if "n" in text or "T" in text or "F" in text:  # None, True, False, nan, inf, numpy scalars
        raise Unusual
    return text.replace(", ", ",")


@lru_cache(maxsize=256)
def _key(name: str) -> str:
    """A dict key as a JSON string (layer and parameter names repeat every epoch)."""
    if type(name) is not str:
        raise Unusual
    return json.dumps(name)
