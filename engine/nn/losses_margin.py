"""Margin losses on pairs and signs: ``margin_ranking_loss``, ``hinge_embedding_loss``, ``soft_margin_loss``,
``cosine_embedding_loss`` (``F.`` and their ``nn.`` modules). All but the soft margin are built from the
operations PyTorch builds them from, so that the graph shows the same nodes."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import creation, math_ops
from engine.functions import loss_margin
from engine.functions import pointwise as pw
from engine.nn.module import Module
from engine.tensor import Tensor


def check_reduction(reduction: str, size_average: Any = None, reduce: Any = None) -> None:
    """PyTorch's refusal of an unknown reduction; its deprecated ``size_average``/``reduce`` are refused."""
    from engine.nn.functional import _check_legacy, _check_reduction

    _check_legacy(size_average, reduce)
    _check_reduction(reduction)


def reduce_loss(loss: Tensor, reduction: str) -> Tensor:
    """The mean or sum of every element (a ``MeanBackward0``/``SumBackward0`` node), or the loss itself."""
    if reduction == "mean":
        return loss.mean()
    return loss.sum() if reduction == "sum" else loss


def full_minus(value: float, x: Tensor) -> Tensor:
    """``value - x`` as PyTorch's C++ writes it (a filled tensor minus ``x``): SubBackward0, x's dtype."""
    return creation.full_like(x, value) - x


def margin_ranking_loss(
    input1: Tensor,
    input2: Tensor,
    target: Tensor,
    margin: float = 0,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """max(0, -target·(input1 - input2) + margin): input1 should rank above input2 where target is 1."""
    check_reduction(reduction, size_average, reduce)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(
            "margin_ranking_loss : All input tensors should have same dimension but got sizes: "
            f"input1: {input1.size()}, input2: {input2.size()}, target: {target.size()} "
        )
    scaled = -target * (input1 - input2)
    return reduce_loss(pw.AddBackward1.apply(scaled, other=float(margin)).clamp_min(0), reduction)


def hinge_embedding_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    margin: float = 1.0,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """The input itself where target is 1, max(0, margin - input) where it is -1 (0 for other targets)."""
    check_reduction(reduction, size_average, reduce)
    zeros = creation.zeros_like(input)
    below_margin = full_minus(margin, input).clamp_min(0)
    return reduce_loss(
        math_ops.where(target != 1, below_margin, zeros) + math_ops.where(target != -1, input, zeros),
        reduction,
    )


def soft_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """log(1 + e^(-target·input)): a smooth hinge for targets ±1, one node."""
    check_reduction(reduction, size_average, reduce)
    _target_onto_input(input, target)
    if not input.is_floating_point() and target.is_floating_point():
        raise RuntimeError(
            f"result type Float can't be cast to the desired output type {input.dtype.scalar_name}"
        )
    return loss_margin.SoftMarginLossBackward0.apply(input, target, reduction=reduction)


def _target_onto_input(input: Tensor, target: Tensor) -> None:  # noqa: A002
    """PyTorch multiplies the input by the target in place: the target must broadcast to the input's shape."""
    from engine.functions.promotion import _check_broadcast

    _check_broadcast(input._data, target._data)
    shape = np.broadcast_shapes(input.shape, target.shape)
    if tuple(shape) != tuple(input.shape):
        raise RuntimeError(
            f"output with shape {list(input.shape)} doesn't match the broadcast shape {list(shape)}"
        )


EPSILON = 1e-12  # added to each squared norm, so that a zero vector gives cos 0 rather than nan


def cosine_embedding_loss(
    input1: Tensor,
    input2: Tensor,
    target: Tensor,
    margin: float = 0,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """1 - cos(input1, input2) where target is 1, max(0, cos - margin) where it is -1, per row."""
    check_reduction(reduction, size_average, reduce)
    dim = target.dim()
    if dim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if input1.dim() != dim + 1 or input2.dim() != dim + 1:
        raise RuntimeError(
            f"{dim}D target tensor expects {dim + 1}D input tensors, but found inputs with sizes "
            f"{list(input1.shape)} and {list(input2.shape)}."
        )
    products = (input1 * input2).sum(dim)
    squares1 = pw.AddBackward1.apply((input1 * input1).sum(dim), other=EPSILON)
    squares2 = pw.AddBackward1.apply((input2 * input2).sum(dim), other=EPSILON)
    cos = products / (squares1 * squares2).sqrt()
    zeros = creation.zeros_like(cos)
    beyond_margin = loss_margin.SubBackward1.apply(cos, other=margin).clamp_min(0)
    positive = math_ops.where(target == 1, full_minus(1, cos), zeros)
    return reduce_loss(positive + math_ops.where(target == -1, beyond_margin, zeros), reduction)


class ReducedLoss(Module):
    """A loss module: its ``reduction`` (checked when called, as PyTorch does) and options as attributes."""

    def __init__(self, reduction: str = "mean", size_average: Any = None, reduce: Any = None, **options: Any):
        from engine.nn.functional import _check_legacy

        _check_legacy(size_average, reduce)
        super().__init__()
        self.reduction = reduction
        for name, value in options.items():
            object.__setattr__(self, name, value)


class MarginRankingLoss(ReducedLoss):
    def __init__(
        self, margin: float = 0.0, size_average: Any = None, reduce: Any = None, reduction: str = "mean"
    ) -> None:
        super().__init__(reduction, size_average, reduce, margin=margin)

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return margin_ranking_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class HingeEmbeddingLoss(ReducedLoss):
    def __init__(
        self, margin: float = 1.0, size_average: Any = None, reduce: Any = None, reduction: str = "mean"
    ) -> None:
        super().__init__(reduction, size_average, reduce, margin=margin)

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return hinge_embedding_loss(input, target, margin=self.margin, reduction=self.reduction)


class SoftMarginLoss(ReducedLoss):
    def __init__(self, size_average: Any = None, reduce: Any = None, reduction: str = "mean") -> None:
        super().__init__(reduction, size_average, reduce)

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return soft_margin_loss(input, target, reduction=self.reduction)


class CosineEmbeddingLoss(ReducedLoss):
    def __init__(
        self, margin: float = 0.0, size_average: Any = None, reduce: Any = None, reduction: str = "mean"
    ) -> None:
        super().__init__(reduction, size_average, reduce, margin=margin)

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return cosine_embedding_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)
