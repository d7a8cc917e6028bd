"""Gradient clipping: scale every ``.grad`` so their joint norm is at most ``max_norm``, or clamp each value.

Both change the gradients in place and record no graph, as PyTorch's do.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from engine.tensor import Tensor

NORM_EPS = 1e-6  # added to the total norm before dividing, as PyTorch does, so a zero norm is no problem


def _grads(parameters: Tensor | Iterable[Tensor]) -> list[Tensor]:
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p.grad for p in parameters if p.grad is not None]


def _norm(values: np.ndarray, norm_type: float) -> np.ndarray:
    """The ``norm_type``-norm of all the values, in their own dtype (inf: the largest magnitude)."""
    magnitudes = np.abs(values).astype(np.float64).reshape(-1)
    if math.isinf(norm_type):
        if magnitudes.size == 0:
            total = 0.0
        else:
            total = magnitudes.max() if norm_type > 0 else magnitudes.min()
    elif norm_type == 0:
        total = float(np.count_nonzero(magnitudes))
    else:
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            total = np.sum(magnitudes**norm_type) ** (1 / norm_type)
    return np.asarray(total, dtype=values.dtype)


def clip_grad_norm_(
    parameters: Tensor | Iterable[Tensor],
    max_norm: float,
    norm_type: float | str = 2.0,
    error_if_nonfinite: bool = False,
    foreach: bool | None = None,
) -> Tensor:
    """Scale the gradients by ``max_norm / (total + 1e-6)`` when that is below 1; return the total norm."""
    grads = _grads(parameters)
    norm_type = float(norm_type)
    if not grads:
        return Tensor._wrap(np.asarray(0.0, dtype=np.float32))
    norms = np.stack([_norm(grad._data, norm_type) for grad in grads])
    total = _norm(norms, norm_type)
    if error_if_nonfinite and not np.isfinite(total):
        raise RuntimeError(
            f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so it "
            "cannot be clipped. To disable this error and scale the gradients by the non-finite norm "
            "anyway, set `error_if_nonfinite=False`"
        )
    coefficient = min(float(max_norm) / (float(total) + NORM_EPS), 1.0)  # a nan total stays nan
    for grad in grads:
        with np.errstate(invalid="ignore"):  # inf·0 is nan, silently, as in PyTorch
            grad._data *= np.asarray(coefficient, dtype=grad._data.dtype)
        grad._version_box[0] += 1
    return Tensor._wrap(total)


def clip_grad_value_(
    parameters: Tensor | Iterable[Tensor], clip_value: float, foreach: bool | None = None
) -> None:
    """Clamp every gradient value into ``[-clip_value, clip_value]``."""
    clip_value = float(clip_value)
    for grad in _grads(parameters):
        np.clip(grad._data, -clip_value, clip_value, out=grad._data)
        grad._version_box[0] += 1
