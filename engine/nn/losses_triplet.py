"""Triplet losses: an anchor should be nearer its positive than its negative by a margin.
``triplet_margin_loss`` (p-norm distances) and ``triplet_margin_with_distance_loss`` (any distance
function), ``F.`` and ``nn.``, built from the operations PyTorch builds them from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import math_ops
from engine.functions import pointwise as pw
from engine.nn.distance import PairwiseDistance, pairwise_distance
from engine.nn.losses_margin import ReducedLoss, check_reduction, reduce_loss
from engine.tensor import Tensor


def _check_dims(anchor: Tensor, positive: Tensor, negative: Tensor) -> None:
    dims = (anchor.dim(), positive.dim(), negative.dim())
    if len(set(dims)) != 1:
        raise RuntimeError(
            "The anchor, positive, and negative tensors are expected to have the same number of dimensions, "
            f"but got: anchor {dims[0]}D, positive {dims[1]}D, and negative {dims[2]}D inputs"
        )


def triplet_margin_loss(
    anchor: Tensor,
    positive: Tensor,
    negative: Tensor,
    margin: float = 1.0,
    p: float = 2,
    eps: float = 1e-6,
    swap: bool = False,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """max(0, margin + d(anchor, positive) - d(anchor, negative)), d the ``pairwise_distance``; with
    ``swap``, the negative's distance is the smaller of its distances to the anchor and the positive."""
    check_reduction(reduction, size_average, reduce)
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    _check_dims(anchor, positive, negative)
    to_positive = pairwise_distance(anchor, positive, p, eps)
    to_negative = pairwise_distance(anchor, negative, p, eps)
    if swap:
        to_negative = math_ops.minimum(to_negative, pairwise_distance(positive, negative, p, eps))
    # margin + distance inside PyTorch's own function: AddBackward1
    gap = pw.AddBackward1.apply(to_positive, other=float(margin)) - to_negative
    return reduce_loss(gap.clamp_min(0), reduction)


def triplet_margin_with_distance_loss(
    anchor: Tensor,
    positive: Tensor,
    negative: Tensor,
    *,
    distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
    margin: float = 1.0,
    swap: bool = False,
    reduction: str = "mean",
) -> Tensor:
    """The triplet loss with ``distance_function`` (``pairwise_distance`` by default) as the distance."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    _check_dims(anchor, positive, negative)
    distance = distance_function if distance_function is not None else pairwise_distance
    to_positive, to_negative = distance(anchor, positive), distance(anchor, negative)
    if swap:
        to_negative = math_ops.minimum(to_negative, distance(positive, negative))
    return reduce_loss((margin + to_positive - to_negative).clamp_min(0), reduction)


class TripletMarginLoss(ReducedLoss):
    def __init__(
        self,
        margin: float = 1.0,
        p: float = 2.0,
        eps: float = 1e-6,
        swap: bool = False,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction, size_average, reduce)
        if margin <= 0:
            raise ValueError(f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead")
        self.margin, self.p, self.eps, self.swap = margin, p, eps, swap

    def forward(self, anchor: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        options = {"margin": self.margin, "p": self.p, "eps": self.eps, "swap": self.swap}
        return triplet_margin_loss(anchor, positive, negative, reduction=self.reduction, **options)


class TripletMarginWithDistanceLoss(ReducedLoss):
    """The default distance is a ``PairwiseDistance`` module (a child, shown in the repr, as in PyTorch)."""

    def __init__(
        self,
        *,
        distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
        margin: float = 1.0,
        swap: bool = False,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction)
        if margin <= 0:
            raise ValueError(
                f"TripletMarginWithDistanceLoss: expected margin to be greater than 0, got {margin} instead"
            )
        self.distance_function = distance_function if distance_function is not None else PairwiseDistance()
        self.margin, self.swap = margin, swap

    def forward(self, anchor: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        options = {"distance_function": self.distance_function, "margin": self.margin, "swap": self.swap}
        return triplet_margin_with_distance_loss(
            anchor, positive, negative, reduction=self.reduction, **options
        )
