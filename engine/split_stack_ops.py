"""Joining along a named direction and splitting at given places: ``hstack``, ``vstack``/``row_stack``,
``dstack``, ``column_stack``, ``tensor_split``, ``hsplit``, ``vsplit`` and ``dsplit``.

As PyTorch builds them: the stacks are a ``cat`` of the inputs grown by ``atleast_Nd`` (or viewed as columns),
the splits slices of the input (``SliceBackward0`` views, each of which may be changed in place).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import shape_ops
from engine.argument_errors import is_int, is_ints, is_tensor, no_form_matches
from engine.functions import shape as fn
from engine.join_ops import cat
from engine.out_arg import accepts_out
from engine.shape_ops import _dim, _shares_version
from engine.tensor import Tensor
from engine.view_more_ops import atleast_1d, atleast_2d, atleast_3d


def _tensor_list(name: str, tensors: Any) -> tuple[Tensor, ...]:
    """The tensors of a stack's one argument, refused as PyTorch refuses a tensor or an empty list."""
    if not isinstance(tensors, list | tuple):
        raise TypeError(
            f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
            f"{type(tensors).__name__}"
        )
    if not tensors:
        raise RuntimeError(f"{name} expects a non-empty TensorList")
    return tuple(tensors)


@accepts_out
def hstack(tensors: Any) -> Tensor:
    """Side by side: 1-d tensors end to end, the others along dimension 1 (numbers become 1-d)."""
    grown = atleast_1d(_tensor_list("hstack", tensors))
    return cat(grown, 0 if grown[0]._data.ndim == 1 else 1)


@accepts_out
def vstack(tensors: Any) -> Tensor:
    """One on top of the other, along dimension 0 (rows and numbers become one-row matrices)."""
    return cat(atleast_2d(_tensor_list("vstack", tensors)), 0)


@accepts_out
def row_stack(tensors: Any) -> Tensor:
    return cat(atleast_2d(_tensor_list("row_stack", tensors)), 0)


@accepts_out
def dstack(tensors: Any) -> Tensor:
    """Along dimension 2, depthwise (smaller tensors grown by ``atleast_3d``)."""
    return cat(atleast_3d(_tensor_list("dstack", tensors)), 2)


@accepts_out
def column_stack(tensors: Any) -> Tensor:
    """Columns side by side: numbers and 1-d tensors become one column each."""
    columns = [
        shape_ops.reshape(t, t._data.size, 1) if t._data.ndim <= 1 else t
        for t in _tensor_list("column_stack", tensors)
    ]
    return cat(columns, 1)


def _sized(value: Any) -> Any:
    """A split's sections (an int) or indices (a list): a tensor as PyTorch reads it (0-d: a count)."""
    if not isinstance(value, Tensor):
        return value
    if value._data.ndim > 1:
        raise RuntimeError(
            "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional "
            f"tensor, but got a tensor with {value._data.ndim} dims"
        )
    if value._data.dtype != np.int64:
        raise RuntimeError(
            "tensor_split expected tensor_indices_or_sections to have dtype of long, but got "
            f"{value.dtype.scalar_name}"
        )
    return int(value._data) if value._data.ndim == 0 else value._data.tolist()


def tensor_split(input: Tensor, *given: Any, dim: int = 0, **named: Any) -> tuple[Tensor, ...]:  # noqa: A002
    """``input`` cut along ``dim`` into ``sections`` nearly equal parts (the first ones one longer) or at
    ``indices`` (as slice bounds: negative ones count from the end, out-of-range ones clamp)."""
    if len(given) == 2:  # tensor_split(x, sections_or_indices, dim)
        given, dim = given[:1], given[1]
    parts = given[0] if given else next(iter(named.values()))
    parts = _sized(parts)
    if input._data.ndim == 0:
        raise RuntimeError(
            "tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims"
        )
    axis = _dim(dim, input._data.ndim)
    length = input._data.shape[axis]
    if isinstance(parts, int):
        if parts <= 0:
            raise RuntimeError(f"number of sections must be larger than 0, got {parts}")
        small, extra = divmod(length, parts)
        bounds = np.cumsum([0] + [small + 1] * extra + [small] * (parts - extra)).tolist()
        pieces = list(zip(bounds[:-1], bounds[1:], strict=True))
    else:
        cuts = [0, *(int(cut) for cut in parts)]
        ends = [*cuts[1:], None]
        pieces = [slice(start, end).indices(length)[:2] for start, end in zip(cuts, ends, strict=True)]
        pieces = [(start, max(start, end)) for start, end in pieces]
    return tuple(_slice(input, axis, start, end) for start, end in pieces)


def _slice(input: Tensor, axis: int, start: int, end: int) -> Tensor:  # noqa: A002
    index = (slice(None),) * axis + (slice(start, end),)
    return _shares_version(fn.SliceBackward0.apply(input, index=index), input)


def _directional_split(name: str, least: int, along: Callable[[int], int]) -> Callable:
    """``hsplit``/``vsplit``/``dsplit``: ``tensor_split`` along one direction, where a number of sections must
    divide the dimension evenly."""

    def function(input: Tensor, indices_or_sections: Any) -> tuple[Tensor, ...]:  # noqa: A002
        parts = indices_or_sections
        if not (is_int(parts) and not isinstance(parts, Tensor)) and not is_ints(parts):
            forms = (
                ("(Tensor input, int sections)", (is_tensor, is_int)),
                ("(Tensor input, tuple of ints indices)", (is_tensor, is_ints)),
            )
            raise no_form_matches(name, (input, parts), forms)
        ndim = input._data.ndim
        if ndim < least:
            raise RuntimeError(
                f"torch.{name} requires a tensor with at least {least} dimension, but got a tensor with "
                f"{ndim} dimensions!"
            )
        axis = along(ndim)
        size = input._data.shape[axis]
        if isinstance(parts, int) and (parts == 0 or size % parts):
            raise RuntimeError(
                f"torch.{name} attempted to split along dimension {axis}, but the size of the dimension "
                f"{size} is not divisible by the split_size {parts}!"
            )
        return tensor_split(input, parts, axis)

    function.__name__ = function.__qualname__ = name
    return function


hsplit = _directional_split("hsplit", 1, lambda ndim: 0 if ndim == 1 else 1)
vsplit = _directional_split("vsplit", 2, lambda ndim: 0)
dsplit = _directional_split("dsplit", 3, lambda ndim: 2)

METHODS: dict[str, Callable] = {
    "tensor_split": tensor_split,
    "hsplit": hsplit,
    "vsplit": vsplit,
    "dsplit": dsplit,
}
