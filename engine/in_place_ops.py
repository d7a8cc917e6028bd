"""In-place operations: ``add_`` and kin run out of place and rebind; fills (zero_, copy_, uniform_)."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import grad_mode
from engine.tensor import Tensor, check_in_place


def in_place(a: Tensor, function: Any, *args: Any, **kwargs: Any) -> Tensor:
    """Run an out-of-place op and make ``a`` hold the result.

    Outside a graph, the values are written into ``a``'s own memory (views and numpy arrays that
    share it see the change). Inside a graph, ``a`` takes the new node as its ``grad_fn``.
    """
    check_in_place(a)
    result = function(a, *args, **kwargs)
    recorded = result.grad_fn is not None and grad_mode.is_grad_enabled()
    if recorded:
        a._data, a.grad_fn, a._requires_grad = result._data, result.grad_fn, True
    else:
        np.copyto(a._data, result._data, casting="unsafe")
    a._version_box[0] += 1
    if recorded:
        _save_as_in_place(result.grad_fn, a, result)
    return a


def in_place_method(function: Any) -> Any:
    """The in-place method form of an out-of-place op (``x.add_``, ``x.scatter_``): ``in_place`` on self."""

    def method(self: Tensor, *args: Any, **kwargs: Any) -> Tensor:
        return in_place(self, function, *args, **kwargs)

    return method


def _save_as_in_place(node: Any, a: Tensor, result: Tensor) -> None:
    """Re-point the new node's version checks as PyTorch's in-place ops save them.

    The op ran out of place, so what it saved of ``a`` is the old array, which ``a`` no longer holds
    and nothing changes: that check goes (PyTorch saves a copy of the original). Its saved output is
    ``a`` itself from now on, so a later in-place change of ``a`` is caught ("output 0 of Exp, is at
    version 2; expected version 1").
    """
    checks = []
    for box, version, holder, maker in node.saved_checks:
        if box is a._version_box:
            continue
        if box is result._version_box:
            box, version, holder = a._version_box, a._version_box[0], a
        checks.append((box, version, holder, maker))
    node.saved_checks = tuple(checks)


def fill_(a: Tensor, value: Any) -> Tensor:
    check_in_place(a)
    a._data[...] = value._data if isinstance(value, Tensor) else value
    a._version_box[0] += 1
    return a


def zero_(a: Tensor) -> Tensor:
    return fill_(a, 0)


def copy_(a: Tensor, source: Any) -> Tensor:
    check_in_place(a)
    a._data[...] = source._data if isinstance(source, Tensor) else source
    a._version_box[0] += 1
    return a


def uniform_(a: Tensor, low: float = 0.0, high: float = 1.0) -> Tensor:
    from engine.creation import generator

    return copy_(a, generator().uniform(a._data.shape, low, high, _float_kind(a)))


def normal_(a: Tensor, mean: float = 0.0, std: float = 1.0) -> Tensor:
    from engine.creation import generator

    return copy_(a, generator().normal(a._data.shape, mean, std, _float_kind(a)))


def _float_kind(a: Tensor) -> np.dtype:
    """Random fills of integer tensors draw in float32, as PyTorch's default dtype."""
    return a._data.dtype if a._data.dtype.kind == "f" else np.dtype(np.float32)
