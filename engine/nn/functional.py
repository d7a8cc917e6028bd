"""``torch.nn.functional``: activations, losses, convolution and pooling as functions."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import math_ops
from engine.adaptive_max_pool_ops import adaptive_max_pool1d, adaptive_max_pool2d  # noqa: F401 - part of F
from engine.conv_ops import conv1d, conv2d  # noqa: F401 - part of F
from engine.conv_transpose_ops import conv_transpose1d, conv_transpose2d  # noqa: F401 - part of F
from engine.fold_ops import fold, unfold  # noqa: F401 - part of F
from engine.functions import loss as loss_fn
from engine.functions import pointwise as pw
from engine.functions import unary
from engine.in_place_ops import in_place
from engine.interpolate_ops import (  # noqa: F401 - part of F
    interpolate,
    upsample,
    upsample_bilinear,
    upsample_nearest,
)
from engine.lp_pool_ops import lp_pool1d, lp_pool2d  # noqa: F401 - part of F
from engine.math_ops import mse_loss  # noqa: F401 - part of F
from engine.max_unpool_ops import max_unpool1d, max_unpool2d  # noqa: F401 - part of F
from engine.nn.activation_more import (  # noqa: F401 - part of F
    celu,
    celu_,
    glu,
    hardshrink,
    hardsigmoid,
    hardswish,
    logsigmoid,
    mish,
    relu6,
    selu,
    selu_,
    softmin,
    softshrink,
    softsign,
    tanhshrink,
)
from engine.nn.activation_slopes import prelu, rrelu, rrelu_  # noqa: F401 - part of F
from engine.nn.distance import cosine_similarity, pairwise_distance  # noqa: F401 - part of F
from engine.nn.divergence import kl_div  # noqa: F401 - part of F
from engine.nn.dropout import dropout, dropout1d, dropout2d  # noqa: F401 - part of F
from engine.nn.embedding_bag import embedding_bag  # noqa: F401 - part of F
from engine.nn.functional_extra import (  # noqa: F401 - part of F
    batch_norm,
    elu,
    elu_,
    embedding,
    gelu,
    hardtanh,
    hardtanh_,
    layer_norm,
)
from engine.nn.functional_norms import (  # noqa: F401 - part of F
    group_norm,
    instance_norm,
    local_response_norm,
    rms_norm,
)
from engine.nn.gumbel import gumbel_softmax  # noqa: F401 - part of F
from engine.nn.losses_likelihood import gaussian_nll_loss, poisson_nll_loss  # noqa: F401 - part of F
from engine.nn.losses_margin import (  # noqa: F401 - part of F
    cosine_embedding_loss,
    hinge_embedding_loss,
    margin_ranking_loss,
    soft_margin_loss,
)
from engine.nn.losses_multi import (  # noqa: F401 - part of F
    multi_margin_loss,
    multilabel_margin_loss,
    multilabel_soft_margin_loss,
)
from engine.nn.losses_triplet import (  # noqa: F401 - part of F
    triplet_margin_loss,
    triplet_margin_with_distance_loss,
)
from engine.pad_ops import pad  # noqa: F401 - part of F
from engine.pixel_shuffle_ops import pixel_shuffle, pixel_unshuffle  # noqa: F401 - part of F
from engine.pointwise_more_ops import threshold, threshold_  # noqa: F401 - part of F
from engine.pool1d_ops import adaptive_avg_pool1d, avg_pool1d, max_pool1d  # noqa: F401 - part of F
from engine.pool_indices_ops import (  # noqa: F401 - part of F
    adaptive_max_pool1d_with_indices,
    adaptive_max_pool2d_with_indices,
    max_pool1d_with_indices,
    max_pool2d_with_indices,
)
from engine.pool_ops import adaptive_avg_pool2d, avg_pool2d, max_pool2d  # noqa: F401 - part of F
from engine.product_ops import linear  # noqa: F401 - part of F
from engine.tensor import Tensor


def relu(x: Tensor, inplace: bool = False) -> Tensor:
    return in_place(x, relu) if inplace else unary.unary(unary.ReluBackward0, x)


def relu_(x: Tensor) -> Tensor:
    return relu(x, inplace=True)


def tanh(x: Tensor) -> Tensor:
    return unary.unary(unary.TanhBackward0, x)


def sigmoid(x: Tensor) -> Tensor:
    return unary.unary(unary.SigmoidBackward0, x)


def silu(x: Tensor, inplace: bool = False) -> Tensor:
    return in_place(x, silu) if inplace else unary.unary(unary.SiluBackward0, x)


def leaky_relu(x: Tensor, negative_slope: float = 0.01, inplace: bool = False) -> Tensor:
    if inplace:
        return in_place(x, leaky_relu, negative_slope)
    return unary.LeakyReluBackward0.apply(x, negative_slope=negative_slope)


def leaky_relu_(x: Tensor, negative_slope: float = 0.01) -> Tensor:
    return leaky_relu(x, negative_slope, inplace=True)


def softplus(x: Tensor, beta: float = 1, threshold: float = 20) -> Tensor:  # noqa: F811 - PyTorch's name
    return unary.SoftplusBackward0.apply(x, beta=beta, threshold=threshold)


def _check_reduction(reduction: str) -> None:
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def l1_loss(pred: Tensor, target: Tensor, reduction: str = "mean") -> Tensor:
    _check_reduction(reduction)
    difference = (pred - target).abs()
    return {"mean": math_ops.mean, "sum": math_ops.sum}.get(reduction, lambda d: d)(difference)


def smooth_l1_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    beta: float = 1.0,
) -> Tensor:
    """½d²/β where |d| < β, |d| - β/2 beyond (L1 when β is 0)."""
    _check_legacy(size_average, reduce)
    _check_reduction(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    input, target, arrays = pw.promoted(input, target)  # noqa: A001
    return loss_fn.SmoothL1LossBackward0.apply_to_arrays(
        (input, target), arrays, reduction=reduction, limit=beta
    )


def huber_loss(
    input: Tensor,  # noqa: A002 - PyTorch's names
    target: Tensor,
    reduction: str = "mean",
    delta: float = 1.0,
    weight: Tensor | None = None,
) -> Tensor:
    """½d² where |d| < δ, δ(|d| - δ/2) beyond."""
    _check_reduction(reduction)
    if weight is not None:
        raise NotImplementedError("huber_loss's weight is not supported by this engine")
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    input, target, arrays = pw.promoted(input, target)  # noqa: A001
    return loss_fn.HuberLossBackward0.apply_to_arrays(
        (input, target), arrays, reduction=reduction, limit=delta
    )


def binary_cross_entropy(
    pred: Tensor, target: Tensor, weight: Tensor | None = None, reduction: str = "mean"
) -> Tensor:
    _check_reduction(reduction)
    if pred.shape != target.shape:
        raise ValueError(
            f"Using a target size ({target.shape}) that is different to the input size ({pred.shape}) is "
            "deprecated. Please ensure they have the same size."
        )
    pred, target, arrays = pw.promoted(pred, target)
    return loss_fn.BinaryCrossEntropyBackward0.apply_to_arrays(
        (pred, target), arrays, weight=None if weight is None else weight._data, reduction=reduction
    )


def binary_cross_entropy_with_logits(
    x: Tensor,
    target: Tensor,
    weight: Tensor | None = None,
    reduction: str = "mean",
    pos_weight: Tensor | None = None,
) -> Tensor:
    _check_reduction(reduction)
    if x.shape != target.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({x.shape})")
    x, target, arrays = pw.promoted(x, target)
    return loss_fn.BinaryCrossEntropyWithLogitsBackward0.apply_to_arrays(
        (x, target),
        arrays,
        weight=None if weight is None else weight._data,
        pos_weight=None if pos_weight is None else pos_weight._data,
        reduction=reduction,
    )


def nll_loss(
    log_probs: Tensor,
    target: Tensor,
    weight: Tensor | None = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """The negative log-probability of each row's class (times its ``weight``), in PyTorch's argument order
    (``size_average`` and ``reduce`` are its deprecated forms of ``reduction``: refused here)."""
    _check_legacy(size_average, reduce)
    _check_reduction(reduction)
    if target.is_floating_point():
        raise RuntimeError(f"expected scalar type Long but found {target.dtype}")
    options = {"reduction": reduction, "ignore_index": ignore_index}
    if weight is not None:
        options["weight"] = weight._data
    return loss_fn.NllLossBackward0.apply(log_probs, target=target._data, **options)


def cross_entropy(
    logits: Tensor,
    target: Tensor,
    weight: Tensor | None = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> Tensor:
    """``nll_loss(log_softmax(logits))`` for class indices, with class weights and label smoothing as
    PyTorch mixes them in; soft targets (probabilities) also work."""
    _check_legacy(size_average, reduce)
    _check_reduction(reduction)
    if not 0.0 <= label_smoothing <= 1.0:
        raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
    dim = 1 if logits.dim() > 1 else 0
    log_probs = log_softmax(logits, dim)
    if target.is_floating_point():
        if weight is not None or label_smoothing:
            raise NotImplementedError("class weights and label_smoothing with soft targets are not supported")
        per_row = -(log_probs * target).sum(dim)
        return {"mean": math_ops.mean, "sum": math_ops.sum}.get(reduction, lambda d: d)(per_row)
    loss = nll_loss(log_probs, target, weight, ignore_index=ignore_index, reduction=reduction)
    if not label_smoothing:
        return loss
    return (1 - label_smoothing) * loss + _smoothing(log_probs, target, weight, ignore_index, reduction) * (
        label_smoothing / logits.shape[dim]
    )


def _smoothing(log_probs: Tensor, target: Tensor, weight: Tensor | None, ignore_index: int, reduction: str):
    """Label smoothing's share: each row's (weighted) log-probabilities summed, ignored rows left out,
    reduced as the NLL part is (a weighted mean divides by the weights of the rows' classes)."""
    dim = 1 if log_probs.dim() > 1 else 0
    shape = [1] * log_probs.dim()
    shape[dim] = -1
    spread = log_probs if weight is None else log_probs * weight.reshape(shape)
    kept = target != ignore_index
    per_row = (-spread.sum(dim)).masked_fill(~kept, 0.0)
    if reduction == "sum":
        return per_row.sum()
    if reduction == "none":
        return per_row
    if weight is None:
        return per_row.sum() / kept.sum()
    return per_row.sum() / weight[target[kept]].sum()


def _check_legacy(size_average: Any, reduce: Any) -> None:
    if size_average is not None or reduce is not None:
        raise NotImplementedError("size_average and reduce are deprecated in PyTorch: pass reduction instead")


def one_hot(target: Tensor, num_classes: int = -1) -> Tensor:
    classes = int(target._data.max()) + 1 if num_classes == -1 else num_classes
    return Tensor._wrap(np.eye(classes, dtype=np.int64)[target._data])


def normalize(x: Tensor, p: float = 2.0, dim: int = 1, eps: float = 1e-12) -> Tensor:
    return x / math_ops.clamp(math_ops.norm(x, p, dim=dim, keepdim=True), min=eps)


def softmax(x: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype: Any = None) -> Tensor:
    """``F.softmax``: ``dim`` may be left out (PyTorch then picks one and warns, naming the caller)."""
    return math_ops.softmax(x, dim, dtype, _stacklevel)


def log_softmax(x: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype: Any = None) -> Tensor:
    return math_ops.log_softmax(x, dim, dtype, _stacklevel)
