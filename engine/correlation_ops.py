"""``cov`` and ``corrcoef``: rows are variables, columns observations, computed with the operations PyTorch
computes them with (a mean, a centred product, a division), so that the graph shows the same nodes."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from engine import dtypes
from engine.tensor import Tensor

FEW_DEGREES = (
    "cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of observations."
)


def cov(input: Tensor, *, correction: int = 1, fweights: Any = None, aweights: Any = None) -> Tensor:  # noqa: A002
    """The covariance matrix of the rows (a number for one row), observations weighted by ``fweights``
    (integer repeat counts) and ``aweights`` (floating importances); ``correction`` 1 is Bessel's."""
    _check_matrix("cov", input)
    x = input if input.dim() == 2 else input.view(1, -1)
    observations = x.shape[1]
    weights = _weights(fweights, "fweights", observations)
    more = _weights(aweights, "aweights", observations)
    if more is not None:
        weights = more if weights is None else weights * more
    total = Tensor._wrap(np.asarray(observations, np.int64)) if weights is None else weights.sum()
    if weights is not None and not total._data.item():
        raise RuntimeError("cov(): weights sum to zero, can't be normalized")
    mean = (x if weights is None else x * weights).sum(1) / total
    if weights is not None and aweights is not None and correction:
        norm = total - correction * (weights * aweights).sum() / total
    else:
        norm = total - correction
    if norm._data.item() <= 0:
        warnings.warn(FEW_DEGREES, UserWarning, stacklevel=2)
        norm = Tensor._wrap(np.zeros_like(norm._data))
    centred = x - mean.unsqueeze(1)
    products = centred.mm((centred if weights is None else centred * weights).t())
    return (products / norm).squeeze()


def corrcoef(input: Tensor) -> Tensor:  # noqa: A002
    """Pearson's correlation coefficients of the rows: the covariances over the products of their standard
    deviations, clipped to [-1, 1] (NaN where a row does not vary)."""
    _check_matrix("corrcoef", input)
    c = cov(input)
    if not c.dim():
        return c / c  # one variable: 1, or NaN where its variance is 0, NaN or inf
    deviations = c.diagonal().sqrt()
    c = c / deviations.view(-1, 1)
    c = c / deviations.view(1, -1)
    return c.clip(-1, 1)


def _check_matrix(name: str, input: Tensor) -> None:  # noqa: A002
    if input.dim() > 2:
        raise RuntimeError(
            f"{name}(): expected input to have two or fewer dimensions but got an input with {input.dim()} "
            "dimensions"
        )


def _weights(weights: Any, name: str, observations: int) -> Tensor | None:
    """``fweights`` or ``aweights`` checked as PyTorch checks them (None when not given)."""
    if weights is None:
        return None
    if weights.dim() > 1:
        raise RuntimeError(
            f"cov(): expected {name} to have one or fewer dimensions but got {name} with {weights.dim()} "
            "dimensions"
        )
    if weights.numel() != observations:
        raise RuntimeError(
            f"cov(): expected {name} to have the same numel as there are observations in the input but got "
            f"{weights.numel()} != {observations}"
        )
    integral = name == "fweights"
    if weights.dtype.category != (dtypes.INTEGER if integral else dtypes.FLOATING):
        kind, got = ("integral" if integral else "floating point"), weights.dtype.scalar_name
        raise RuntimeError(f"cov(): expected {name} to have {kind} dtype but got {name} with {got} dtype")
    if (weights._data < 0).any():
        raise RuntimeError(f"cov(): {name} cannot be negative")
    return weights


METHODS = {"cov": cov, "corrcoef": corrcoef}
