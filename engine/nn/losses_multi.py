"""Margin losses over classes: ``multilabel_margin_loss`` and ``multi_margin_loss`` (one node each, with
PyTorch's checks) and ``multilabel_soft_margin_loss`` (built from log-sigmoids, as PyTorch builds it); their
``nn.`` modules too."""

from __future__ import annotations

from typing import Any

from engine.functions import loss_margin
from engine.nn.activation_more import logsigmoid
from engine.nn.losses_margin import ReducedLoss, check_reduction
from engine.tensor import Tensor


def _check_frames(input: Tensor) -> None:  # noqa: A002 - PyTorch's names
    """A non-empty vector or (samples, classes) matrix, or a 0-d input (one sample of one class)."""
    shape = input.shape
    if not ((input.dim() == 2 and shape[1]) or (input.dim() == 1 and shape[0]) or input.dim() == 0):
        raise RuntimeError(
            f"Expected non-empty vector or matrix with optional 0-dim batch size, but got: {list(shape)}"
        )


def _check_long(target: Tensor) -> None:
    if target.dtype.scalar_name != "Long":
        raise RuntimeError(f"expected scalar type Long but found {target.dtype.scalar_name}")


def _check_floating(input: Tensor, kernel: str) -> None:  # noqa: A002
    if not input.is_floating_point():
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{input.dtype.scalar_name}'")


def multilabel_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """Each sample's target classes are its target row's first indices, up to a -1; every target class
    should score at least 1 above every other class."""
    check_reduction(reduction, size_average, reduce)
    _check_long(target)
    _check_frames(input)
    classes = 1 if input.dim() == 0 else input.shape[-1]
    if input.dim() <= 1:
        consistent = target.dim() <= 1 and target.numel() == classes
    else:
        consistent = tuple(target.shape) == tuple(input.shape)
    if not consistent:
        raise RuntimeError(
            f"inconsistent target size: {list(target.shape)} for input of size: {list(input.shape)}"
        )
    _check_floating(input, "multilabel_margin_loss_forward_out_frame")
    labels = target._data
    if labels.size and (labels.min() < -1 or labels.max() >= classes):
        raise RuntimeError("argument #2 'target' is out of range")
    return loss_margin.MultilabelMarginLossBackward0.apply(input, target=labels, reduction=reduction)


def multi_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    p: int = 1,
    margin: float = 1.0,
    weight: Tensor | None = None,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """Each sample's target class should score ``margin`` above every other class: the shortfalls (squared
    when ``p`` is 2, times the target class's ``weight``) averaged over the classes."""
    check_reduction(reduction, size_average, reduce)
    if p not in (1, 2):
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    _check_long(target)
    _check_frames(input)
    samples = input.shape[0] if input.dim() == 2 else 1
    classes = 1 if input.dim() == 0 else input.shape[-1]
    if target.dim() > 1 or target.numel() != samples:
        raise RuntimeError(
            "multi_margin_loss: target tensor should be 1-D with size equal to the number of input samples "
            f"(batch size). Expected target size [{samples}], but got {list(target.shape)}. "
            f"Input has shape {list(input.shape)}."
        )
    if weight is not None:
        if weight.numel() != classes:
            raise RuntimeError(f"inconsistent weight size, expected {classes} but got {list(weight.shape)}")
        if weight.dtype != input.dtype:
            raise RuntimeError(
                f"expected scalar type {input.dtype.scalar_name} but found {weight.dtype.scalar_name}"
            )
    _check_floating(input, "multi_margin_loss_cpu_kernel")
    labels = target._data
    if labels.size and (labels.min() < 0 or labels.max() >= classes):
        raise RuntimeError("target out of range")
    options = {"p": p, "margin": margin, "reduction": reduction}
    if weight is not None:
        options["weight"] = weight._data
    return loss_margin.MultiMarginLossBackward0.apply(input, target=labels, **options)


def multilabel_soft_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    weight: Tensor | None = None,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """Binary cross-entropy of each class's logit against its 0/1 target, averaged over the classes (the
    last dimension); the reduction is checked after the loss is computed, as in PyTorch."""
    from engine.nn.functional import _check_legacy

    _check_legacy(size_average, reduce)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.size(class_dim)
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


class MultiLabelMarginLoss(ReducedLoss):
    def __init__(self, size_average: Any = None, reduce: Any = None, reduction: str = "mean") -> None:
        super().__init__(reduction, size_average, reduce)

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return multilabel_margin_loss(input, target, reduction=self.reduction)


class MultiLabelSoftMarginLoss(ReducedLoss):
    """Class ``weight``: a buffer, saved in ``state_dict`` as PyTorch saves it."""

    def __init__(
        self,
        weight: Tensor | None = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction, size_average, reduce)
        self.register_buffer("weight", weight)

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return multilabel_soft_margin_loss(input, target, weight=self.weight, reduction=self.reduction)


class MultiMarginLoss(ReducedLoss):
    def __init__(
        self,
        p: int = 1,
        margin: float = 1.0,
        weight: Tensor | None = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction, size_average, reduce)
        self.register_buffer("weight", weight)
        if p not in (1, 2):
            raise ValueError("only p == 1 and p == 2 supported")
        if weight is not None and weight.dim() != 1:
            raise ValueError(
                f"MultiMarginLoss: expected weight to be None or 1D tensor, got {weight.dim()}D instead"
            )
        self.p, self.margin = p, margin

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        options = {"p": self.p, "margin": self.margin, "weight": self.weight, "reduction": self.reduction}
        return multi_margin_loss(input, target, **options)
