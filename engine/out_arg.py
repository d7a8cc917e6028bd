"""PyTorch's ``out=`` argument on ``torch.*`` functions: the result is written into a given tensor."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes, grad_mode
from engine.tensor import Tensor


def _requires_grad(values: Any) -> bool:
    """Whether any tensor among the arguments (or inside a list of them) requires grad."""
    for value in values:
        if isinstance(value, Tensor) and value._requires_grad:
            return True
        if isinstance(value, list | tuple) and _requires_grad(value):
            return True
    return False


def write_out(result: Tensor, out: Tensor) -> Tensor:
    """Copy ``result`` into ``out`` (resizing it, with PyTorch's warning, when the shape differs)."""
    if not _castable(result, out):
        raise RuntimeError(
            f"result type {result.dtype.scalar_name} can't be cast to the desired output type "
            f"{out.dtype.scalar_name}"
        )
    if out._data.shape == result._data.shape:
        np.copyto(out._data, result._data, casting="unsafe")
    else:
        if out._data.size:
            warnings.warn(
                f"An output with one or more elements was resized since it had shape {list(out.shape)}, "
                f"which does not match the required output shape {list(result.shape)}. This behavior is "
                "deprecated, and in a future PyTorch release outputs will not be resized unless they have "
                "zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero "
                "elements with t.resize_(0).",
                UserWarning,
                stacklevel=3,
            )
        out._data = result._data.astype(out._data.dtype, copy=True)
    out._version_box[0] += 1
    return out


def _castable(result: Tensor, out: Tensor) -> bool:
    """PyTorch refuses to write into an out tensor of a lower category (float into int, int into bool)."""
    return dtypes.BY_NUMPY[out._data.dtype].category >= dtypes.BY_NUMPY[result._data.dtype].category


def accepts_out(function: Callable) -> Callable:
    """Give a ``torch.*`` function the keyword ``out=``."""
    name = function.__name__

    @functools.wraps(function)
    def call(*args: Any, out: Tensor | None = None, **kwargs: Any) -> Any:
        if out is None:
            return function(*args, **kwargs)
        if grad_mode.is_grad_enabled() and (_requires_grad(args) or _requires_grad(kwargs.values())):
            raise RuntimeError(
                f"{name}(): functions with out=... arguments don't support automatic differentiation, "
                "but one of the arguments requires grad."
            )
        return write_out(function(*args, **kwargs), out)

    return call
