"""``torch.autograd.functional``: the Jacobian of a function (and vector-Jacobian products), row by row.

Each output element is differentiated with one backward pass through a retained graph, so this is
meant for the small functions tutorials show, not for large outputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import grad_mode
from engine.autograd_api import grad
from engine.tensor import Tensor


def _leaves(inputs: Any) -> tuple[tuple[Tensor, ...], bool]:
    """Fresh leaves that require grad, and whether the caller passed a tuple."""
    many = isinstance(inputs, tuple | list)
    given = tuple(inputs) if many else (inputs,)
    return tuple(Tensor._wrap(x._data.copy(), True) for x in given), many


def jacobian(func: Callable, inputs: Any) -> Any:
    """∂func(inputs)/∂inputs: shape output.shape + input.shape for each input (a tuple for tuple inputs)."""
    leaves, many = _leaves(inputs)
    with grad_mode.enable_grad():
        output = func(*leaves)
    rows: list[list[np.ndarray]] = [[] for _ in leaves]
    for index in range(output._data.size):
        seed = np.zeros(output._data.size, dtype=output._data.dtype)
        seed[index] = 1
        if output._requires_grad:
            grads = grad(
                output,
                leaves,
                Tensor._wrap(seed.reshape(output._data.shape)),
                retain_graph=True,
                allow_unused=True,
            )
        else:
            grads = (None,) * len(leaves)
        for position, (leaf, part) in enumerate(zip(leaves, grads, strict=True)):
            rows[position].append(np.zeros_like(leaf._data) if part is None else part._data)
    parts = tuple(
        Tensor._wrap(
            np.stack(row).reshape(output._data.shape + leaf._data.shape)
            if row
            else np.zeros(output._data.shape + leaf._data.shape, dtype=leaf._data.dtype)
        )
        for row, leaf in zip(rows, leaves, strict=True)
    )
    return parts if many else parts[0]


def vjp(func: Callable, inputs: Any, v: Tensor | None = None) -> tuple[Tensor, Any]:
    """(func(inputs), vᵀ·J): the output, detached, and the vector-Jacobian product for each input."""
    leaves, many = _leaves(inputs)
    with grad_mode.enable_grad():
        output = func(*leaves)
    grads = grad(output, leaves, v, allow_unused=True)
    pairs = zip(leaves, grads, strict=True)
    wrapped = tuple(Tensor._wrap(np.zeros_like(x._data) if g is None else g._data) for x, g in pairs)
    return Tensor._wrap(output._data), (wrapped if many else wrapped[0])
