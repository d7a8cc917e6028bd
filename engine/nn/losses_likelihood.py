"""Negative log-likelihood losses of a distribution's parameters: ``poisson_nll_loss`` and
``gaussian_nll_loss`` (``F.`` and ``nn.``), built from the operations PyTorch builds them from, so that the
graph shows the same nodes."""

from __future__ import annotations

import math
from typing import Any

from engine import creation, grad_mode
from engine.functions import pointwise as pw
from engine.nn.losses_margin import ReducedLoss, reduce_loss
from engine.tensor import Tensor

ANY_OF_BOOL = (
    "any() received an invalid combination of arguments - got (bool), but expected one of:\n"
    " * (Tensor input, *, Tensor out = None)\n"
    " * (Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)\n"
    " * (Tensor input, int dim, bool keepdim = False, *, Tensor out = None)\n"
)


def poisson_nll_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    log_input: bool = True,
    full: bool = False,
    size_average: Any = None,
    eps: float = 1e-8,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """e^input - target·input for a log-rate ``input``, or input - target·log(input + eps) for a rate;
    ``full`` adds Stirling's approximation of log(target!) where the target is above 1."""
    from engine.nn.functional import _check_legacy

    _check_legacy(size_average, reduce)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    if log_input:
        loss = input.exp() - target * input
    else:
        loss = input - target * pw.AddBackward1.apply(input, other=float(eps)).log()
    if full:
        # in PyTorch's order: t·log t - t + ½·log(2π·t)
        stirling = target * target.log() - target + 0.5 * (2 * math.pi * target).log()
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return reduce_loss(loss, reduction)


def gaussian_nll_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    var: Tensor | float,
    full: bool = False,
    eps: float = 1e-6,
    reduction: str = "mean",
) -> Tensor:
    """½(log var + (input - target)²/var) per element (plus ½·log 2π when ``full``), the variance raised
    to at least ``eps`` outside the graph. ``var`` may drop the last dimension, be 1 along one, or be a
    number."""
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * creation.ones_like(input)
    elif not isinstance(var, Tensor):  # PyTorch's torch.any refuses the bool that ``var < 0`` gives
        raise TypeError(ANY_OF_BOOL)
    elif bool((var < 0).any()):
        raise ValueError("var has negative entry/entries")
    if var.shape != input.shape:
        if input.shape[:-1] == var.shape:  # one variance per sample: broadcast along the last dimension
            var = var.unsqueeze(-1)
        elif (
            input.dim() != var.dim()
            or sum(b for a, b in zip(input.shape, var.shape, strict=True) if a != b) != 1
        ):
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with grad_mode.no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (var.log() + (input - target) ** 2 / var)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return reduce_loss(loss, reduction)


def _mismatched(shape: tuple, var_shape: tuple) -> int:
    """The sum of ``var``'s sizes where they differ from the input's: 1 when it is 1 along one dimension."""
    return sum(side for own, side in zip(shape, var_shape, strict=True) if own != side)


class PoissonNLLLoss(ReducedLoss):
    def __init__(
        self,
        log_input: bool = True,
        full: bool = False,
        size_average: Any = None,
        eps: float = 1e-8,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction, size_average, reduce, log_input=log_input, full=full, eps=eps)

    def forward(self, log_input: Tensor, target: Tensor) -> Tensor:
        options = {"log_input": self.log_input, "full": self.full, "eps": self.eps}
        return poisson_nll_loss(log_input, target, reduction=self.reduction, **options)


class GaussianNLLLoss(ReducedLoss):
    def __init__(self, *, full: bool = False, eps: float = 1e-6, reduction: str = "mean") -> None:
        super().__init__(reduction, full=full, eps=eps)

    def forward(self, input: Tensor, target: Tensor, var: Tensor | float) -> Tensor:  # noqa: A002
        return gaussian_nll_loss(input, target, var, full=self.full, eps=self.eps, reduction=self.reduction)
