"""``F.kl_div`` and ``nn.KLDivLoss``: the Kullback-Leibler divergence of ``target`` from the distribution
whose log-probabilities are ``input``, built from the operations PyTorch builds it from (``xlogy``, a
product, a difference; with ``log_target``, an exponential), so that the graph shows the same nodes."""

from __future__ import annotations

import warnings
from typing import Any

from engine.binary_more_ops import xlogy
from engine.nn.module import Module
from engine.tensor import Tensor

REDUCTIONS = ("mean", "batchmean", "sum", "none")
MEAN_WARNING = (
    "reduction: 'mean' divides the total loss by both the batch size and the support size."
    "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
    "'mean' will be changed to behave the same as 'batchmean' in the next major release."
)


def kl_div(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    log_target: bool = False,
) -> Tensor:
    """Σ target·(log target - input) (target's log given when ``log_target``), reduced: 'batchmean' is the
    divergence per sample (the sum over the first dimension's size); 'mean' divides by every element."""
    from engine.nn.functional import _check_legacy

    _check_legacy(size_average, reduce)
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if reduction == "mean":
        warnings.warn(MEAN_WARNING, UserWarning, stacklevel=2)
    if log_target:
        pointwise = target.exp() * (target - input)
    else:
        pointwise = xlogy(target, target) - target * input
    if reduction == "none":
        return pointwise
    if reduction == "mean":
        return pointwise.mean()
    total = pointwise.sum()
    return total / input.shape[0] if reduction == "batchmean" and input.dim() else total


class KLDivLoss(Module):
    def __init__(
        self, size_average: Any = None, reduce: Any = None, reduction: str = "mean", log_target: bool = False
    ) -> None:
        from engine.nn.functional import _check_legacy

        _check_legacy(size_average, reduce)
        super().__init__()
        self.reduction, self.log_target = reduction, log_target

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return kl_div(input, target, reduction=self.reduction, log_target=self.log_target)
