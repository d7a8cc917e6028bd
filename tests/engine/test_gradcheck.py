"""Finite-difference checks in float64 of every differentiable op, on random shapes with broadcasting.

Each case draws inputs with hypothesis, runs the op on engine tensors, back-propagates a fixed random
weighting of the output, and compares every input's ``.grad`` with central differences of the same
weighted sum. The differences never touch autograd, so they are an independent answer.
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine as torch
from engine.function import Function
from engine.functions import (
    activation,
    activation_more,
    activation_slopes,
    arrange,
    avg_pool3d,
    binary_more,
    compare_in_place,
    conv,
    cumulative,
    diagonal,
    distance,
    embedding_bag,
    extremes,
    fold,
    group_norm,
    in_place_names,
    index_more,
    linalg,
    linalg_extra,
    linalg_lu,
    loss,
    loss_margin,
    max_unpool,
    moments,
    normalization,
    norms,
    order,
    overwrite,
    padding,
    pixel_shuffle,
    pointwise,
    pointwise_more,
    pooling,
    pooling_adaptive_max,
    power,
    products,
    reduction,
    reduction_extra,
    scatter,
    search,
    select_more,
    shape,
    shape_extra,
    special,
    unary,
    unary_extra,
    upsample,
    upsample_cubic,
)
from engine.nn import functional as F
from tests.engine import gradcheck_cases as c
from tests.engine import gradcheck_cases_bags as bags_cases
from tests.engine import gradcheck_cases_conv as conv_cases
from tests.engine import gradcheck_cases_cumulative as cu
from tests.engine import gradcheck_cases_index as ix
from tests.engine import gradcheck_cases_linalg as lg
from tests.engine import gradcheck_cases_losses as losses_cases
from tests.engine import gradcheck_cases_nn as n
from tests.engine import gradcheck_cases_norms as norm_cases
from tests.engine import gradcheck_cases_pooling as pool_cases
from tests.engine import gradcheck_cases_products as p
from tests.engine import gradcheck_cases_split as sp
from tests.engine import gradcheck_cases_upsample as upsample_cases

STEP = 1e-6  # central-difference step in float64: truncation ~1e-12, rounding ~1e-10
RTOL, ATOL = 1e-5, 1e-7
COARSE = {"step": 1e-2, "rtol": 1e-4, "atol": 1e-5}  # for ops that pass through float32 (rounding ~1e-7)
EXAMPLES = 25  # hypothesis examples per op: ~100 ops stay within a few seconds

CASES: dict[str, c.Case | tuple[c.Case, dict]] = {
    # arithmetic (pointwise.py)
    "AddBackward0": c.binary(lambda a, b: a + b),
    "AddBackward0 alpha": c.binary(lambda a, b: torch.add(a, b, alpha=-2.5)),
    "SubBackward0": c.binary(lambda a, b: a - b),
    "SubBackward0 alpha": c.binary(lambda a, b: a.sub(b, alpha=0.5)),
    "RsubBackward1": c.with_scalar(lambda x, s: s - x),
    "MulBackward0": c.binary(lambda a, b: a * b),
    "MulBackward0 number": c.with_scalar(lambda x, s: s * x),
    "DivBackward0": c.binary(lambda a, b: a / b, second_low=0.5),
    # fmod, trace, masked_select (select_more.py); fmod's quotients kept away from whole numbers (its steps)
    "FmodBackward0": c.unary(lambda x: torch.fmod(x, 1.7), low=-1.5, high=1.5),
    "FmodBackward1": c.fixed(lambda data: [[-3.5, 2.5, 7.0], [2.0, -1.5, 3.0]], torch.fmod),
    "TraceBackward0": c.fixed(lambda data: [c.values(data, (3, 4))], torch.trace),
    "MaskedSelectBackward0": c.fixed(
        lambda data: [c.values(data, (1, 3))],  # broadcast against a (2, 3) mask: gradients add up
        lambda x: torch.masked_select(x, torch.tensor([[True, False, True], [True, True, False]])),
    ),
    # a rounded quotient is a step function: quotients a quarter away from a step, where differences are 0
    "DivBackward2": c.fixed(
        lambda data: [[-3.5, -1.5, 0.5, 2.5], [2.0, 2.0, 2.0, 2.0]],
        lambda a, b: torch.div(a, b, rounding_mode="trunc") + torch.div(a, b, rounding_mode="floor"),
    ),
    "ReciprocalBackward0": c.with_scalar(lambda x, s: s / x, low=0.5),
    "PowBackward0": c.with_scalar(lambda x, s: x**s, low=0.5),
    "PowBackward0 integer": c.unary(lambda x: x.pow(3)),
    "PowBackward1": c.binary(lambda a, b: a**b, low=0.5),
    "PowBackward2": c.with_scalar(lambda x, s: s**x),
    "NegBackward0": c.unary(lambda x: -x),
    # one-input functions (unary.py)
    "AbsBackward0": c.unary(torch.abs, kink=True),
    "ExpBackward0": c.unary(torch.exp),
    "LogBackward0": c.unary(torch.log, low=0.2),
    "SqrtBackward0": c.unary(torch.sqrt, low=0.2),
    "SinBackward0": c.unary(torch.sin),
    "CosBackward0": c.unary(torch.cos),
    "TanhBackward0": c.unary(torch.tanh),
    "SigmoidBackward0": c.unary(torch.sigmoid),
    "ReluBackward0": c.unary(torch.relu, kink=True),
    "LeakyReluBackward0": c.unary(lambda x: F.leaky_relu(x, 0.2), kink=True),
    "SoftplusBackward0": c.unary(F.softplus),
    "SiluBackward0": c.unary(F.silu),
    "ClampBackward1": c.unary(lambda x: x.clamp(-1.0, 1.0)),
    "ClampBackward0": c.clamp_between_tensors,
    "ClampBackward1 min": c.unary(lambda x: torch.clamp(x, min=0.5)),
    "CloneBackward0": c.unary(lambda x: x.clone()),
    "ToCopyBackward0": (c.unary(lambda x: x.float() * 3), COARSE),
    "MaximumBackward0": c.maximum_of(torch.maximum),
    "MinimumBackward0": c.maximum_of(torch.minimum),
    "WhereBackward0": c.where,
    # more one-input functions (unary_extra.py)
    "TanBackward0": c.unary(torch.tan, -1.0, 1.0),
    "AsinBackward0": c.unary(torch.asin, -0.9, 0.9),
    "AcosBackward0": c.unary(torch.acos, -0.9, 0.9),
    "AtanBackward0": c.unary(torch.atan),
    "ErfBackward0": c.unary(torch.erf),
    "ErfinvBackward0": c.unary(torch.erfinv, low=-0.9, high=0.9),
    "Atan2Backward0": c.binary(torch.atan2, low=0.5, second_low=-2.0),  # away from the origin's singularity
    "SinhBackward0": c.unary(torch.sinh),
    "CoshBackward0": c.unary(torch.cosh),
    "Log2Backward0": c.unary(torch.log2, low=0.2),
    "Log10Backward0": c.unary(torch.log10, low=0.2),
    "Log1PBackward0": c.unary(torch.log1p, low=-0.5),
    "Expm1Backward0": c.unary(torch.expm1),
    "RsqrtBackward0": c.unary(torch.rsqrt, low=0.2),
    "CeilBackward0": c.unary(torch.ceil),
    "FloorBackward0": c.unary(torch.floor),
    "RoundBackward0": c.unary(torch.round),
    "RoundBackward1": c.unary(lambda x: torch.round(x, decimals=1)),
    "TruncBackward0": c.unary(torch.trunc),
    "SignBackward0": c.unary(torch.sign, kink=True),
    "FracBackward0": c.unary(torch.frac),
    # bounds, blends and remainders (pointwise_more.py); steps and kinks are a measure-zero set of inputs
    "NanToNumBackward0": c.unary(torch.nan_to_num),
    "ClampMinBackward0": c.unary(lambda x: torch.clamp_min(x, 0.3)),
    "ClampMaxBackward0": c.unary(lambda x: x.clamp_max(-0.2)),
    "ClampMinBackward1": c.maximum_of(torch.clamp_min),
    "ClampMaxBackward1": c.maximum_of(lambda a, b: a.clamp_max(b)),
    "AddcmulBackward0": c.ternary(lambda x, a, b: torch.addcmul(x, a, b, value=-1.5)),
    "AddcdivBackward0": c.ternary(lambda x, a, b: x.addcdiv(a, b, value=0.5), third_low=0.5),
    "LerpBackward0": c.binary(lambda a, b: torch.lerp(a, b, 0.3)),
    "LerpBackward0 far end": c.binary(lambda a, b: a.lerp(b, 0.8)),
    "LerpBackward1": c.ternary(torch.lerp),
    "RsubBackward0": c.binary(lambda a, b: torch.rsub(a, b, alpha=2.5)),
    "RsubBackward1 alpha": c.unary(lambda x: torch.rsub(x, 3.0, alpha=-2)),
    "RemainderBackward0": c.unary(lambda x: x % 1.7, low=0.1, high=1.6),
    "RemainderBackward1": c.fixed(lambda data: [[-3.5, 2.5, 7.0], [2.0, -1.5, 3.0]], torch.remainder),
    "ThresholdBackward0": c.unary(lambda x: torch.threshold(x, 0.0, -1.0), kink=True),
    # two-input functions (binary_more.py)
    "HypotBackward0": c.binary(torch.hypot),
    "LogaddexpBackward0": c.binary(torch.logaddexp),
    "Logaddexp2Backward0": c.binary(lambda a, b: a.logaddexp2(b)),
    "XlogyBackward0": c.binary(torch.xlogy, second_low=0.5),
    "XlogyBackward1": c.unary(lambda y: torch.xlogy(2.5, y), low=0.5),
    "XlogyBackward2": c.unary(lambda x: torch.xlogy(x, 3.0)),
    "CopysignBackward0": c.binary(torch.copysign),
    "CopysignBackward1": c.unary(lambda x: x.copysign(-1.0)),
    "FmaxBackward0": c.maximum_of(torch.fmax),
    "FminBackward0": c.maximum_of(lambda a, b: a.fmin(b)),
    "LdexpBackward0": c.binary(torch.ldexp),
    # an integer exponent: non-negative, as PyTorch's backward takes 2ⁿ as 0 for n < 0 (see the parity case)
    "LdexpBackward0 integer": c.fixed(
        lambda data: [c.values(data, (3,))], lambda x: torch.ldexp(x, torch.tensor([0, 3, 1]))
    ),
    "NextafterBackward0": c.binary(torch.nextafter, second_low=0.5),  # never a == b, where the gradient is 0
    # one-input special functions (special.py)
    "SgnBackward0": c.unary(torch.sgn, kink=True),
    "SincBackward0": c.unary(torch.sinc),
    "Exp2Backward0": c.unary(torch.exp2),
    "Deg2RadBackward0": c.unary(torch.deg2rad),
    "Rad2DegBackward0": c.unary(lambda x: x.rad2deg()),
    "LogitBackward0": c.unary(torch.logit, low=0.1, high=0.9),
    "LogitBackward0 eps": c.unary(lambda x: x.logit(eps=0.2), low=0.05, high=0.95),
    "ErfcBackward0": c.unary(torch.erfc),
    "LgammaBackward0": c.unary(torch.lgamma, low=0.2, high=4.0),
    "LgammaBackward0 negative": c.unary(torch.lgamma, low=-0.9, high=-0.1),
    "DigammaBackward0": c.unary(torch.digamma, low=0.2, high=4.0),
    "DigammaBackward0 negative": c.unary(lambda x: x.digamma(), low=-1.9, high=-1.1),
    "AcoshBackward0": c.unary(torch.acosh, low=1.2, high=3.0),
    "AsinhBackward0": c.unary(torch.asinh),
    "AtanhBackward0": c.unary(torch.atanh, low=-0.9, high=0.9),
    "FrexpBackward0": c.unary(lambda x: torch.frexp(x).mantissa),
    # reductions (reduction.py, reduction_extra.py)
    "SumBackward0": c.whole(lambda x: x.sum()),
    "SumBackward1": c.along_dim(lambda x, d, k: x.sum(d, keepdim=k)),
    "SumBackward1 dims": c.whole(lambda x: x.sum(dim=tuple(range(x.dim())), keepdim=True)),
    "MeanBackward0": c.whole(lambda x: x.mean()),
    "MeanBackward1": c.along_dim(lambda x, d, k: x.mean(d, keepdim=k)),
    "MaxBackward1": c.whole(lambda x: x.max(), c.distinct),
    "MinBackward1": c.whole(lambda x: torch.min(x), c.distinct),
    "MaxBackward0": c.along_dim(lambda x, d, k: x.max(d, keepdim=k).values, c.distinct),
    "MinBackward0": c.along_dim(lambda x, d, k: torch.min(x, d, k)[0], c.distinct),
    "AmaxBackward0": c.along_dim(lambda x, d, k: torch.amax(x, d, k), c.distinct),
    # order statistics and the NaN-skipping sum (order.py)
    "MedianBackward0": c.whole(lambda x: x.median(), c.distinct),
    "NanmedianBackward0": c.whole(torch.nanmedian, c.distinct),
    "MedianBackward1": c.along_dim(lambda x, d, k: torch.median(x, d, k).values, c.distinct),
    "NanmedianBackward1": c.along_dim(lambda x, d, k: x.nanmedian(d, keepdim=k)[0], c.distinct),
    "KthvalueBackward0": c.along_dim(lambda x, d, k: x.kthvalue(1, d, k).values, c.distinct),
    "ModeBackward0": c.along_dim(lambda x, d, k: torch.mode(x, d, k).values, c.distinct),
    "NansumBackward0": c.along_dim(lambda x, d, k: torch.nansum(x, d, k)),
    "NansumBackward0 whole": c.whole(lambda x: x.nansum()),
    "LinalgVectorNormBackward0": c.whole(lambda x: x.norm(), c.away_from_zero),
    "LinalgVectorNormBackward0 dim": c.along_dim(lambda x, d, k: x.norm(dim=d, keepdim=k), c.away_from_zero),
    "VarBackward0": c.along_dim(lambda x, d, k: x.var(d, keepdim=k), min_side=2),
    "VarBackward0 biased": c.whole(lambda x: x.var(unbiased=False)),
    "StdBackward0": c.along_dim(lambda x, d, k: x.std(d, keepdim=k), min_side=2),
    "StdBackward0 whole": c.whole(lambda x: torch.std(x), min_side=2),
    "LogsumexpBackward0": c.along_dim(lambda x, d, k: torch.logsumexp(x, d, k)),
    "SoftmaxBackward0": c.with_dim(torch.softmax),
    "LogSoftmaxBackward0": c.with_dim(lambda x, d: x.log_softmax(d)),
    "ProdBackward0": c.whole(lambda x: x.prod()),
    "ProdBackward1": c.along_dim(lambda x, d, k: x.prod(d, keepdim=k)),
    "CumsumBackward0": c.with_dim(torch.cumsum),
    "CumprodBackward0": c.with_dim(torch.cumprod),
    "SortBackward0": c.with_dim(lambda x, d: x.sort(d).values),
    "SortBackward0 descending": c.with_dim(lambda x, d: torch.sort(x, d, descending=True).values),
    "TopkBackward0": c.with_dim(lambda x, d: x.topk(1, d).values),
    "TopkBackward0 smallest": c.with_dim(lambda x, d: torch.topk(x, 1, d, largest=False).values),
    "MaskedFillBackward0": c.unary(lambda x: x.masked_fill(x > 0.5, 0.0)),
    "MaskedFillBackward1": c.masked_fill_with_a_tensor,
    # moving elements (shape.py)
    "ViewBackward0": c.unary(lambda x: x.view(-1)),
    "UnsafeViewBackward0": c.reshape_noncontiguous,
    "ReshapeAliasBackward0": p.reshape_alias,
    "PermuteBackward0": c.permute,
    "PermuteBackward0 T": c.unary(lambda x: x.T),
    "TransposeBackward0": c.transpose,
    "TBackward0": c.unary(lambda x: x.t(), max_dims=2),
    # the in-place view ops: the same nodes under PyTorch's in-place names (on a clone: a leaf may not change)
    "TBackward1": c.unary(lambda x: x.clone().t_(), max_dims=2),
    "EluBackward1": c.unary(lambda x: F.elu(x.clone(), 0.7, inplace=True), kink=True),
    "CeluBackward1": c.unary(lambda x: F.celu(x.clone(), 0.7, inplace=True), kink=True),
    "LeakyReluBackward1": c.unary(lambda x: F.leaky_relu(x.clone(), 0.2, inplace=True), kink=True),
    "ThresholdBackward1": c.unary(lambda x: F.threshold(x.clone(), 0.0, 0.5, inplace=True), kink=True),
    "TransposeBackward1": c.fixed(
        lambda data: [c.values(data, (2, 3, 4))], lambda x: x.clone().transpose_(0, 2)
    ),
    "SqueezeBackward3": c.fixed(lambda data: [c.values(data, (2, 1, 3))], lambda x: x.clone().squeeze_()),
    "UnsqueezeBackward1": c.fixed(lambda data: [c.values(data, (2, 3))], lambda x: x.clone().unsqueeze_(1)),
    "SqueezeBackward0": c.unary(lambda x: x.unsqueeze(0).squeeze()),
    "SqueezeBackward1": c.squeeze_dim,
    "UnsqueezeBackward0": c.with_dim(torch.unsqueeze, extra=1),
    "ExpandBackward0": c.expand,
    "RepeatBackward0": c.repeat,
    "FlipBackward0": c.with_dim(lambda x, d: x.flip(d)),
    "FlipBackward0 dims": c.unary(lambda x: torch.flip(x, tuple(range(x.dim())))),
    "SelectBackward0": c.index_case(c.select_index),
    "SliceBackward0": c.index_case(c.slice_index),
    "UnsqueezeBackward0 index": c.index_case(c.unsqueeze_index),
    "AliasBackward0": c.index_case(c.alias_index),
    "IndexBackward0": c.index_case(c.gather_index),
    "IndexBackward0 mask": c.index_case(c.mask_index),
    "SplitBackward0": c.split,
    "UnbindBackward0": c.unbind,
    "CatBackward0": c.cat,
    "StackBackward0": c.stack,
    "CopySlices": c.copy_slices,
    "CopySlices view": c.in_place_through_a_slice,
    "CopySlices view of a transpose": c.in_place_through_a_slice_of_a_transpose,
    "AsStridedBackward0": c.view_made_before_a_change,
    "ZeroBackward0": c.zero_in_place,
    "FillBackward2": c.fill_in_place,
    "FillBackward3": c.fill_with_a_tensor,
    "CopyBackwards": c.copy_in_place,
    # products (linalg.py)
    "MmBackward0": c.fixed(c.matrices(c.mm_shapes), torch.mm),
    "MvBackward0": c.fixed(c.matrices(c.mv_shapes), torch.matmul),
    "SqueezeBackward4": c.fixed(c.matrices(c.vm_shapes), torch.matmul),
    "DotBackward0": c.fixed(c.matrices(c.dot_shapes), torch.dot),
    "BmmBackward0": c.fixed(c.matrices(c.bmm_shapes), torch.matmul),
    "BmmBackward0 bmm": c.fixed(c.matrices(c.bmm_shapes), torch.bmm),
    "BmmBackward0 broadcast batches": c.fixed(
        lambda data: [c.values(data, (3, 1, 2, 4)), c.values(data, (2, 4, 5))], torch.matmul
    ),
    "MmBackward0 batch of one squeezed": c.fixed(
        lambda data: [c.values(data, (1, 3, 4)), c.values(data, (6, 4, 2))], torch.matmul
    ),
    "MmBackward0 matrix times batch": c.fixed(
        lambda data: [c.values(data, (5, 4)), c.values(data, (2, 4, 3))], torch.matmul
    ),
    "AddmmBackward0": c.fixed(c.matrices(c.addmm_shapes), torch.addmm),
    "AddmmBackward0 linear": c.fixed(c.matrices(c.mm_shapes), lambda x, w: F.linear(x, w.t(), w[0] * 2)),
    # products added to an input, vdot (products.py)
    "AddmvBackward0": p.addmv,
    "AddrBackward0": p.addr,
    "BaddbmmBackward0": p.baddbmm,
    "AddbmmBackward0": p.addbmm,
    "VdotBackward0": p.vdot,
    "MvBackward0 mv": c.fixed(c.matrices(c.mv_shapes), torch.mv),
    # losses (loss.py)
    "MseLossBackward0": c.loss_pair(F.mse_loss, differentiate_target=True),
    "MseLossBackward0 sum": c.loss_pair(
        lambda p, t: F.mse_loss(p, t, reduction="sum"), differentiate_target=True
    ),
    "MseLossBackward0 none": c.loss_pair(lambda p, t: F.mse_loss(p, t, reduction="none")),
    "BinaryCrossEntropyBackward0": c.loss_pair(F.binary_cross_entropy, 0.05, 0.95, 0.0, 1.0),
    "BinaryCrossEntropyWithLogitsBackward0": c.loss_pair(
        F.binary_cross_entropy_with_logits, target_low=0.0, target_high=1.0
    ),
    "BinaryCrossEntropyWithLogitsBackward0 pos_weight": c.loss_pair(
        lambda x, t: F.binary_cross_entropy_with_logits(
            x, t, pos_weight=torch.tensor(3.0, dtype=torch.float64)
        ),
        target_low=0.0,
        target_high=1.0,
    ),
    "NllLossBackward0": c.nll,
    "NllLossBackward0 cross_entropy": c.cross_entropy,
    "NllLossBackward0 weighted cross_entropy": c.weighted_cross_entropy,
    # quadratic near zero, linear beyond the limit: differences kept off ±0.7 and ±1.3 (the kinks)
    "SmoothL1LossBackward0": c.fixed(
        lambda data: [[0.0, 0.5, -1.0, 2.5, -3.0, 1.0], [0.2, 1.5, 1.0, 0.0, -3.4, 0.0]],
        lambda pred, target: F.smooth_l1_loss(pred, target, beta=0.7),
    ),
    "HuberLossBackward0": c.fixed(
        lambda data: [[0.0, 0.5, -1.0, 2.5, -3.0, 1.0], [0.2, 1.5, 1.0, 0.0, -3.4, 0.0]],
        lambda pred, target: F.huber_loss(pred, target, reduction="sum", delta=1.3),
    ),
    # cross product, determinant, SVD (linalg_extra.py)
    "LinalgCrossBackward0": c.cross_product,
    "LinalgDetBackward0": c.fixed(c.square, torch.det),
    "LinalgDetBackward0 singular": c.fixed(lambda data: c.square(data, singular=True), lambda x: x.det()),
    "LinalgSvdBackward0": c.svd_output("S"),
    "LinalgSvdBackward0 U": c.svd_output("U"),
    "LinalgSvdBackward0 V": c.svd_output("V"),
    "LinalgSvdBackward0 U some=False": c.svd_output("U", some=False),
    "LinalgSvdBackward0 V some=False": c.svd_output("V", some=False),
    # spread and mean in one call (moments.py), narrow
    "StdMeanBackward0": c.along_dim(lambda x, d, k: torch.stack(torch.std_mean(x, d, keepdim=k)), min_side=2),
    "StdMeanBackward0 whole": c.whole(lambda x: torch.stack(torch.std_mean(x)), min_side=2),
    "VarMeanBackward0": c.along_dim(lambda x, d, k: torch.stack(torch.var_mean(x, d, keepdim=k)), min_side=2),
    "VarMeanBackward0 biased": c.whole(lambda x: torch.stack(torch.var_mean(x, correction=0))),
    "SliceBackward0 narrow": c.narrow,
    # torch.linalg: vector norms of any order, matrix norms, svd, inv, solve (norms.py, linalg_extra.py)
    "LinalgVectorNormBackward0 ord=1": c.along_dim(
        lambda x, d, k: torch.linalg.vector_norm(x, 1, dim=d, keepdim=k), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 ord=3": c.whole(lambda x: torch.linalg.vector_norm(x, 3), c.away_from_zero),
    "LinalgVectorNormBackward0 ord=1.5": c.along_dim(
        lambda x, d, k: torch.linalg.norm(x, 1.5, dim=d, keepdim=k), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 ord=0.5": c.whole(
        lambda x: torch.linalg.vector_norm(x, 0.5), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 ord=-1": c.whole(lambda x: torch.linalg.vector_norm(x, -1), c.away_from_zero),
    "LinalgVectorNormBackward0 ord=inf": c.along_dim(
        lambda x, d, k: torch.linalg.vector_norm(x, float("inf"), dim=d, keepdim=k), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 ord=-inf": c.whole(
        lambda x: torch.linalg.vector_norm(x, float("-inf")), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 ord=0": c.whole(lambda x: torch.linalg.vector_norm(x, 0), c.away_from_zero),
    "LinalgVectorNormBackward0 torch.norm p=3": c.along_dim(
        lambda x, d, k: torch.norm(x, 3, dim=d, keepdim=k), c.away_from_zero
    ),
    "LinalgVectorNormBackward0 fro": c.matrix_norm("fro"),
    "AmaxBackward0 matrix 1-norm": c.matrix_norm(1),
    "AmaxBackward0 matrix inf-norm": c.matrix_norm(float("inf")),
    "AminBackward0": c.matrix_norm(-1),
    "AminBackward0 matrix -inf-norm": c.matrix_norm(float("-inf")),
    "LinalgSvdBackward0 matrix 2-norm": c.matrix_norm(2),
    "LinalgSvdBackward0 matrix -2-norm": c.matrix_norm(-2),
    "LinalgSvdBackward0 nuclear norm": c.matrix_norm("nuc"),
    "LinalgSvdBackward0 linalg.svd": c.linalg_svd_vectors,
    "LinalgInvExBackward0": c.fixed(lambda data: [c.invertible(data)], torch.linalg.inv),
    "LinalgInvExBackward0 method": c.fixed(lambda data: [c.invertible(data)], lambda x: x.inverse()),
    "LinalgSolveExBackward0": c.solve(vector=False),
    "LinalgSolveExBackward0 vector": c.solve(vector=True),
    # slogdet, logdet, pinv (linalg_lu.py)
    "LinalgSlogdetBackward0": lg.slogdet,
    "LinalgSlogdetBackward0 logdet": lg.logdet,
    "LinalgPinvBackward0": lg.pinv,
    "LinalgPinvBackward0 hermitian": lg.pinv_hermitian,
    # pairwise distances (distance.py)
    "CdistBackward0": lg.cdist,
    "EuclideanDistBackward0": lg.euclidean_dist,
    # logcumsumexp and the trapezoid rule's steps by a number (cumulative.py)
    "LogcumsumexpBackward0": cu.logcumsumexp,
    "MulBackward1": cu.trapezoid_by_spacing,
    "DivBackward1": cu.trapezoid_by_positions,
    # torch.diag both ways (diagonal.py)
    "DiagEmbedBackward0": c.diag(1),
    "DiagEmbedBackward0 dims": p.diag_embed,
    "DiagonalBackward0_copy": c.diag(2),
    # scatter, scatter_add and gather (scatter.py)
    "ScatterBackward0": c.scatter("src"),
    "ScatterBackward0 in place": c.scatter("src in place"),
    "ScatterBackward1": c.scatter("value"),
    "ScatterAddBackward0": c.scatter("add"),
    "ScatterAddBackward0 in place": c.scatter("add in place"),
    "GatherBackward0": c.gather(through_torch=False),
    "GatherBackward0 torch.gather": c.gather(through_torch=True),
    # convolution and its paddings (conv.py), pooling (pooling.py)
    "ConvolutionBackward0": c.convolution,
    "ConvolutionBackward0 conv1d": c.convolution_1d,
    "ConvolutionBackward0 conv_transpose2d": conv_cases.transposed_convolution(2),
    "ConvolutionBackward0 conv_transpose1d": conv_cases.transposed_convolution(1),
    # upsampling (upsample.py)
    "UpsampleNearest1DBackward0": upsample_cases.interpolated("nearest", 1),
    "UpsampleNearest2DBackward0": upsample_cases.interpolated("nearest", 2),
    "UpsampleNearestExact1DBackward0": upsample_cases.interpolated("nearest-exact", 1),
    "UpsampleNearestExact2DBackward0": upsample_cases.interpolated("nearest-exact", 2),
    "UpsampleLinear1DBackward0": upsample_cases.interpolated("linear", 1),
    "UpsampleBilinear2DBackward0": upsample_cases.interpolated("bilinear", 2),
    "UpsampleBicubic2DBackward0": upsample_cases.interpolated("bicubic", 2),
    "PixelShuffleBackward0": upsample_cases.pixel_shuffled(unshuffle=False),
    "PixelUnshuffleBackward0": upsample_cases.pixel_shuffled(unshuffle=True),
    "ConstantPadNdBackward0": c.same_padding,
    "ReflectionPad2DBackward0": c.padded_by_mode("reflect"),
    "ReplicationPad2DBackward0": c.padded_by_mode("replicate"),
    "ConstantPadNdBackward0 F.pad": c.padded("constant", 3),
    "ReflectionPad1DBackward0": c.padded("reflect", 1),
    "ReflectionPad2DBackward0 F.pad": c.padded("reflect", 2),
    "ReflectionPad3DBackward0": c.padded("reflect", 3),
    "ReplicationPad1DBackward0": c.padded("replicate", 1),
    "ReplicationPad2DBackward0 F.pad": c.padded("replicate", 2),
    "ReplicationPad3DBackward0": c.padded("replicate", 3),
    "MaxPool2DWithIndicesBackward0": c.max_pooling,
    "AvgPool2DBackward0": c.average_pooling,
    "AdaptiveAvgPool2DBackward0": c.adaptive_average_pooling,
    "MaxPool2DWithIndicesBackward0 max_pool1d": c.max_pooling_1d,
    "AvgPool2DBackward0 avg_pool1d": c.average_pooling_1d,
    "AdaptiveAvgPool2DBackward0 adaptive_avg_pool1d": c.adaptive_average_pooling_1d,
    # triangles, roll, running max/min, einsum (shape_extra.py); outer, diff and tile build on other nodes
    "TrilBackward0": c.triangle(torch.tril),
    "TriuBackward0": c.triangle(lambda x, k: x.triu(diagonal=k)),
    "RollBackward0": c.roll,
    "CummaxBackward0": c.along_dim(lambda x, d, k: torch.cummax(x, d).values, c.distinct),
    "CumminBackward0": c.along_dim(lambda x, d, k: x.cummin(d)[0], c.distinct),
    "EinsumBackward0": c.einsum,
    "IndexSelectBackward0": c.index_select,
    "MulBackward0 outer": c.fixed(c.matrices(c.dot_shapes), torch.outer),
    "SubBackward0 diff": c.difference,
    "RepeatBackward0 tile": c.unary(lambda x: torch.tile(x, (2, 1))),
    # normalisation, embedding (normalization.py) and the extra activations (activation.py)
    "NativeBatchNormBackward0": n.batch_norm_training,
    "NativeBatchNormBackward0 no affine": n.batch_norm_plain,
    "NativeBatchNormBackward0 eval": n.batch_norm_eval,
    "NativeLayerNormBackward0": n.layer_norm,
    "EmbeddingBackward0": n.embedding,
    "GeluBackward0": c.unary(F.gelu, low=-3.0, high=3.0),
    "GeluBackward0 tanh": c.unary(lambda x: F.gelu(x, approximate="tanh"), low=-3.0, high=3.0),
    "EluBackward0": n.elu,
    "HardtanhBackward0": n.hardtanh,
    "EluBackward0 selu": n.selu,
    "CeluBackward0": n.celu,
    "LogSigmoidBackward0": c.unary(F.logsigmoid, low=-4.0, high=4.0),
    "MishBackward0": c.unary(F.mish, low=-3.0, high=3.0),
    "HardswishBackward0": n.piecewise(F.hardswish),
    "HardsigmoidBackward0": n.piecewise(F.hardsigmoid),
    "SoftshrinkBackward0": n.piecewise(lambda x: F.softshrink(x, 0.4)),
    "HardshrinkBackward0": n.piecewise(lambda x: F.hardshrink(x, 0.4)),
    "DiagonalBackward0": c.fixed(lambda data: [c.values(data, (3, 4, 2))], lambda x: x.diagonal(1, 0, 1)),
    "MmBackward0 cov": c.fixed(lambda data: [c.values(data, (3, 5))], torch.cov),
    "ClampBackward1 corrcoef": c.fixed(lambda data: [c.values(data, (3, 5))], torch.corrcoef),
    # glu, prelu and rrelu (activation_more.py, activation_slopes.py); the distances' compositions
    "GluBackward0": c.fixed(lambda data: [c.values(data, (2, 4))], lambda x: F.glu(x, 1)),
    "GluBackward0 first dim": c.fixed(lambda data: [c.values(data, (4, 3))], lambda x: F.glu(x, 0)),
    "PreluKernelBackward0": c.fixed(
        lambda data: [c.away_from_zero(data, (2, 3, 2), low=0.1), c.values(data, (3,))], F.prelu
    ),
    "PreluKernelBackward0 one slope": c.fixed(
        lambda data: [c.away_from_zero(data, (4,), low=0.1), c.values(data, (1,))], F.prelu
    ),
    "RreluWithNoiseBackward0": c.unary(F.rrelu, kink=True),
    "RreluWithNoiseBackward0 training": c.unary(  # the same draws each time: the signs decide who draws
        lambda x: (torch.manual_seed(0), F.rrelu(x, training=True))[1], kink=True
    ),
    "RreluWithNoiseBackward1": c.unary(lambda x: F.rrelu(x.clone(), inplace=True), kink=True),
    "NormBackward1": c.fixed(  # pairwise_distance; its AddBackward1 adds eps (apart: eps rules no difference)
        lambda data: [c.away_from_zero(data, (3, 4), low=0.2), c.values(data, (4,), -0.1, 0.1)],
        lambda a, b: F.pairwise_distance(a, b, 3.0),
    ),
    "LerpBackward1 quantile": c.fixed(
        lambda data: [c.distinct(data, (3, 5))],
        lambda x: torch.quantile(x, torch.tensor([0.1, 0.55, 0.9], dtype=torch.float64), dim=1),
    ),
    "SortBackward0 nanquantile": c.fixed(lambda data: [c.distinct(data, (7,))], lambda x: x.nanquantile(0.3)),
    "XlogyBackward0 kl_div": c.fixed(
        lambda data: [c.values(data, (2, 3)), c.values(data, (2, 3), 0.1, 1.0)],
        lambda log_probs, target: F.kl_div(log_probs, target, reduction="batchmean"),
    ),
    "ExpBackward0 kl_div log_target": c.fixed(
        lambda data: [c.values(data, (2, 3)), c.values(data, (2, 3))],
        lambda log_probs, target: F.kl_div(log_probs, target, reduction="sum", log_target=True),
    ),
    "LinalgVectorNormBackward0 cosine_similarity": c.fixed(
        lambda data: [c.values(data, (3, 4)), c.values(data, (1, 4))], lambda a, b: F.cosine_similarity(a, b)
    ),
}
CASES.update(ix.CASES)  # shapes, indexing and search (gradcheck_cases_index.py)
CASES.update(sp.CASES)  # unsafe_split/unsafe_chunk and the recurrent cells (gradcheck_cases_split.py)

COMPARISONS = (("Gt", "gt_"), ("Ge", "ge_"), ("Lt", "lt_"), ("Le", "le_"), ("Eq", "eq_"), ("Ne", "ne_"))


def _apart(data):
    """A tensor away from zero and one near zero: their difference never crosses 0 (a step or a kink)."""
    return [c.away_from_zero(data, (2, 3)), c.values(data, (3,), -0.01, 0.01)]


# the in-place comparisons are flat away from where they step: zero gradients (compare_in_place.py)
CASES.update(
    {
        f"{name}Backward0": c.unary(lambda x, op=op: getattr(x.clone(), op)(0.0), kink=True)
        for name, op in COMPARISONS
    }
)
CASES.update(
    {
        f"{name}Backward1": c.fixed(_apart, lambda a, b, op=op: getattr(a.clone(), op)(b))
        for name, op in COMPARISONS
    }
)
CASES.update(
    {
        "DistBackward0": c.fixed(_apart, lambda a, b: torch.dist(a, b, 3)),
        "DistBackward0 p2": c.fixed(_apart, torch.dist),
        "AddmmBackward0 beta alpha": c.fixed(
            lambda data: [c.values(data, (2, 4)), c.values(data, (2, 3)), c.values(data, (3, 4))],
            lambda bias, x, w: torch.addmm(bias, x, w, beta=0.5, alpha=-2.0),
        ),
        "SplitWithSizesBackward0": c.unary(lambda x: x.reshape(-1).split_with_sizes([1, x.numel() - 1])[1]),
        "CopySlices fill_diagonal_": c.fixed(
            lambda data: [c.values(data, (3, 3))], lambda x: x.clone().fill_diagonal_(0.5) * x
        ),
        "PutBackward0": c.fixed(
            lambda data: [c.values(data, (2, 3)), c.values(data, (3,))],
            lambda x, source: x.put(torch.tensor([5, 0, -2]), source),
        ),
        "PutBackward0 accumulate": c.fixed(
            lambda data: [c.values(data, (2, 3)), c.values(data, (3,))],
            lambda x, source: x.put(torch.tensor([1, 1, 4]), source, accumulate=True),
        ),
    }
)
CASES.update(losses_cases.CASES)  # margin and likelihood losses (gradcheck_cases_losses.py)
CASES.update(bags_cases.CASES)  # F.embedding_bag (gradcheck_cases_bags.py)
CASES.update(norm_cases.CASES)  # group, instance, RMS and local response norms (gradcheck_cases_norms.py)
CASES.update(pool_cases.CASES)  # adaptive max pooling, ... (gradcheck_cases_pooling.py)


def _node_names(output: torch.Tensor) -> set[str]:
    """Class names of every node in the graph behind ``output``."""
    names, stack, seen = set(), [output.grad_fn], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        names.add(type(node).__name__)
        stack.extend(child for child, _ in node.next_functions)
    return names


def _weighted_sum(function, arrays: list[np.ndarray], weights: np.ndarray) -> float:
    with torch.no_grad():
        out = function(*[torch.tensor(a, dtype=torch.float64) for a in arrays])
    return float(np.sum(out.numpy().astype(np.float64) * weights))


def _finite_differences(function, arrays: list[np.ndarray], weights: np.ndarray, step: float) -> list:
    gradients = []
    for position, array in enumerate(arrays):
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            shifted = [a.copy() for a in arrays]
            shifted[position][index] = array[index] + step
            above = _weighted_sum(function, shifted, weights)
            shifted[position][index] = array[index] - step
            below = _weighted_sum(function, shifted, weights)
            gradient[index] = (above - below) / (2 * step)
        gradients.append(gradient)
    return gradients


def check_gradients(
    name: str, arrays: list[np.ndarray], function, step: float = STEP, rtol: float = RTOL, atol: float = ATOL
) -> None:
    """Autograd's gradients of a weighted sum of ``function``'s output equal central differences."""
    leaves = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    out = function(*leaves)
    assert name in _node_names(out), f"{name} not recorded; graph has {_node_names(out)}"
    weights = np.random.default_rng(0).uniform(0.5, 1.5, out.shape)
    (out * torch.tensor(weights, dtype=out.dtype)).sum().backward()
    expected = _finite_differences(function, arrays, weights, step)
    for leaf, numeric in zip(leaves, expected, strict=True):
        analytic = np.zeros_like(numeric) if leaf.grad is None else leaf.grad.numpy()
        assert analytic.shape == numeric.shape and analytic.dtype == np.float64
        np.testing.assert_allclose(analytic, numeric, rtol=rtol, atol=atol, equal_nan=False)


@pytest.mark.filterwarnings(
    "ignore:The use of `x.T`", "ignore:Tensor.T is deprecated", "ignore:Using padding='same' with even kernel"
)
@pytest.mark.parametrize("case", sorted(CASES))
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(data=st.data())
def test_gradient_matches_finite_differences(case, data):
    entry = CASES[case]
    draw, tolerances = entry if isinstance(entry, tuple) else (entry, {})
    arrays, function = draw(data)
    arrays = [np.array(a, dtype=np.float64) for a in arrays]
    check_gradients(case.split()[0], arrays, function, **tolerances)


# indexing nodes that bear PyTorch's name for another step (x[None] records UnsqueezeBackward0): their cases
NAMED_AS = {"IndexUnsqueezeBackward0": "UnsqueezeBackward0 index", "IndexAliasBackward0": "AliasBackward0"}
NAMED_AS["AddBackward1"] = "NormBackward1"  # pairwise_distance's + eps
# nodes PyTorch records without a derivative: backward refuses (the parity case unique_consecutive_runs...)
UNDIFFERENTIABLE = {"UniqueConsecutiveBackward0"}


def test_every_differentiable_op_has_a_gradient_check():
    modules = (pointwise, power, unary, unary_extra, reduction, reduction_extra, shape, linalg, loss)
    modules += (linalg_extra, moments, norms, diagonal, scatter, overwrite, conv, padding, pooling)
    modules += (shape_extra, products, linalg_lu, distance, cumulative)
    modules += (upsample, upsample_cubic, pixel_shuffle, compare_in_place)
    modules += (normalization, activation, activation_more, select_more, order, activation_slopes)
    modules += (pointwise_more, binary_more, special, group_norm, avg_pool3d)
    modules += (pooling_adaptive_max, max_unpool, fold)
    modules += (extremes, arrange, index_more, search, in_place_names)
    modules += (loss_margin, embedding_bag)
    ops = {
        name
        for module in modules
        for name, member in inspect.getmembers(module, inspect.isclass)
        if issubclass(member, Function) and member.__module__ == module.__name__ and not name.startswith("_")
    }
    checked = {case.split()[0] for case in CASES} | {op for op, case in NAMED_AS.items() if case in CASES}
    checked |= UNDIFFERENTIABLE
    assert ops - checked == set()


def test_product_gradient_is_exact_with_a_zero_factor():
    x = torch.tensor([2.0, 0.0, 3.0], requires_grad=True)
    x.prod().backward()
    assert x.grad.tolist() == [0.0, 6.0, 0.0]  # each element's gradient is the product of the others
