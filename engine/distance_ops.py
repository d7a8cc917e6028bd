"""``torch.cdist``: the p-norm distance between every row of ``x1`` and every row of ``x2`` (batches
broadcast), recorded as PyTorch records it.

For p = 2 PyTorch goes through one matrix product when either side has more than 25 rows (the default
``compute_mode``) or always (``use_mm_for_euclid_dist``): the batches are expanded and flattened into one,
EuclideanDistBackward0 computes, and a view gives the result its shape. Otherwise CdistBackward0 computes
each distance directly.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine.functions import distance as nodes
from engine.functions.norms import DistBackward0
from engine.functions.promotion import _check_broadcast
from engine.product_ops import _C_NAMES as C_NAMES
from engine.tensor import Tensor

MODES = {
    "use_mm_for_euclid_dist_if_necessary": 0,
    "use_mm_for_euclid_dist": 1,
    "donot_use_mm_for_euclid_dist": 2,
}
MM_ROWS = 25  # PyTorch's default mode takes the product route above this many rows on either side


def _check(x1: Tensor, x2: Tensor, p: float) -> None:
    for name, operand in (("X1", x1), ("X2", x2)):
        if operand.dim() < 2:
            raise RuntimeError(f"cdist only supports at least 2D tensors, {name} got: {operand.dim()}D")
    if x1.shape[-1] != x2.shape[-1]:
        raise RuntimeError(
            f"X1 and X2 must have the same number of columns. X1: {x1.shape[-1]} X2: {x2.shape[-1]}"
        )
    for name, operand in (("X1", x1), ("X2", x2)):
        if not operand.is_floating_point():
            raise RuntimeError(
                f"cdist only supports floating-point dtypes, {name} got: {operand.dtype.scalar_name}"
            )
    if p < 0:
        raise RuntimeError("cdist only supports non-negative p values")


def cdist(
    x1: Tensor, x2: Tensor, p: Any = 2.0, compute_mode: str = "use_mm_for_euclid_dist_if_necessary"
) -> Tensor:
    if compute_mode not in MODES:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    p = float(p._data if isinstance(p, Tensor) else p)
    _check(x1, x2, p)
    batch_1, batch_2 = x1.shape[:-2], x2.shape[:-2]
    _check_broadcast(np.broadcast_to(0, batch_1), np.broadcast_to(0, batch_2))
    rows_1, rows_2 = x1.shape[-2], x2.shape[-2]
    mode = MODES[compute_mode]
    by_product = p == 2 and (mode == 1 or (mode == 0 and max(rows_1, rows_2) > MM_ROWS))
    if not by_product or not x1.numel() or not x2.numel():
        if x1.dtype.name == "float16" or x2.dtype.name == "float16":
            raise NotImplementedError("\"cdist\" not implemented for 'Half'")
        if x1.dtype != x2.dtype:
            raise RuntimeError(
                f"expected scalar type {x1.dtype.scalar_name} but found {x2.dtype.scalar_name}"
            )
        return nodes.CdistBackward0.apply(x1, x2, p=p)
    if x1.dtype != x2.dtype:
        raise RuntimeError(
            f"expected m1 and m2 to have the same dtype, but got: {C_NAMES[x1.dtype.name]} != "
            f"{C_NAMES[x2.dtype.name]}"
        )
    batch = np.broadcast_shapes(batch_1, batch_2)
    if math.prod(batch) != 1:  # the batches expanded and flattened into one, each side
        x1, x2 = (
            operand.expand(*batch, *operand.shape[-2:]).contiguous().view(-1, *operand.shape[-2:])
            for operand in (x1, x2)
        )
    return nodes.EuclideanDistBackward0.apply(x1, x2).view(*batch, rows_1, rows_2)


def dist(input: Tensor, other: Tensor, p: float = 2) -> Tensor:  # noqa: A002 - PyTorch's names
    """The p-norm of ``input - other`` (broadcast), as one node (DistBackward0)."""
    _check_broadcast(input._data, other._data)
    return DistBackward0.apply(input, other, order=float(p))


METHODS = {"dist": dist}
