"""koubai's tensor library: PyTorch's tensor and autograd API on numpy (``import engine as torch``)."""

from engine import autograd, in_place_more_ops, methods, return_types
from engine import random_state as random  # noqa: A004 - torch.random
from engine.adaptive_max_pool_ops import torch_adaptive_max_pool1d as adaptive_max_pool1d
from engine.alias_ops import (
    absolute,
    arccos,
    arccos_,
    arccosh,
    arccosh_,
    arcsin,
    arcsin_,
    arcsinh,
    arcsinh_,
    arctan,
    arctan2,
    arctan_,
    arctanh,
    arctanh_,
    fix,
    fix_,
    frac_,
    ger,
    greater,
    greater_equal,
    less,
    less_equal,
    negative_,
    not_equal,
    positive,
    square_,
    trunc_,
)
from engine.arrange_ops import fliplr, flipud, rot90
from engine.binary_more_ops import (
    copysign,
    float_power,
    fmax,
    fmin,
    hypot,
    ldexp,
    ldexp_,
    logaddexp,
    logaddexp2,
    nextafter,
    xlogy,
    xlogy_,
)
from engine.combine_ops import block_diag, cartesian_prod, combinations
from engine.conv_ops import conv1d, conv2d
from engine.conv_transpose_ops import conv_transpose1d, conv_transpose2d
from engine.correlation_ops import corrcoef, cov
from engine.creation import (
    arange,
    as_tensor,
    empty,
    empty_like,
    eye,
    from_numpy,
    full,
    full_like,
    initial_seed,
    linspace,
    manual_seed,
    ones,
    ones_like,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
    tensor,
    zeros,
    zeros_like,
)
from engine.creation import deprecated_range as range  # noqa: A004 - torch.range
from engine.cumulative_ops import cumulative_trapezoid, logcumsumexp, trapezoid, trapz
from engine.devices import Size, accelerator, backends, cuda, device
from engine.diagonal_ops import diag, diag_embed, diagflat, diagonal
from engine.distance_ops import cdist, dist
from engine.dtypes import (
    bool_ as bool,
)
from engine.dtypes import (
    dtype,
    float16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    promote_types,
    uint8,
)
from engine.einsum_ops import einsum
from engine.extra_ops import (  # noqa: A004 - PyTorch's names
    acos,
    asin,
    atan,
    atan2,
    bitwise_and,
    bitwise_or,
    bitwise_xor,
    ceil,
    cosh,
    cumprod,
    cumsum,
    eq,
    erf,
    erfinv,
    expm1,
    flip,
    floor,
    frac,
    ge,
    gt,
    isnan,
    le,
    log1p,
    log2,
    log10,
    logical_and,
    logical_or,
    logical_xor,
    lt,
    masked_fill,
    ne,
    prod,
    round,
    rsqrt,
    sign,
    sinh,
    sort,
    tan,
    topk,
    trunc,
    unique,
)
from engine.extreme_ops import amax, amin, aminmax
from engine.grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled
from engine.index_math_ops import tril_indices, triu_indices, unravel_index
from engine.index_more_ops import index_put, index_put_, masked_scatter, put, take, take_along_dim
from engine.index_slices_ops import index_add, index_copy, index_fill
from engine.join_ops import chunk, split, split_with_sizes, unbind, unsafe_chunk, unsafe_split
from engine.linalg_more_ops import logdet, matrix_power, pinverse, slogdet
from engine.linalg_more_ops import removed_matrix_rank as matrix_rank
from engine.linalg_ops import cross, det, svd
from engine.linalg_solve import inv as inverse
from engine.math_ops import (
    argmax,
    argmin,
    log_softmax,
    logsumexp,
    max,
    mean,
    min,
    norm,
    softmax,
    std,
    std_mean,
    sum,
    var,
    var_mean,
    where,
)
from engine.multi_dot_ops import chain_matmul
from engine.nn.activation_more import celu, celu_, selu, selu_
from engine.nn.activation_slopes import prelu, rrelu, rrelu_
from engine.nn.distance import cosine_similarity, pairwise_distance
from engine.nn.functional_norms import rms_norm
from engine.nn.functional_norms import torch_group_norm as group_norm
from engine.order_ops import kthvalue, median, mode, nanmean, nanmedian, nansum
from engine.out_arg import accepts_out
from engine.pixel_shuffle_ops import pixel_shuffle, pixel_unshuffle
from engine.pointwise_checks_ops import (
    bitwise_not,
    gcd,
    gcd_,
    heaviside,
    isfinite,
    isinf,
    isneginf,
    isposinf,
    lcm,
    lcm_,
    logical_not,
    nan_to_num,
    nan_to_num_,
    signbit,
)
from engine.pointwise_more_ops import (
    addcdiv,
    addcmul,
    clamp_,
    clamp_max,
    clamp_max_,
    clamp_min,
    clamp_min_,
    clip_,
    lerp,
    reciprocal,
    reciprocal_,
    threshold,
    threshold_,
)
from engine.pool1d_ops import adaptive_avg_pool1d, avg_pool1d, max_pool1d
from engine.pool_ops import max_pool2d
from engine.printing import get_printoptions, printoptions, set_printoptions
from engine.product_add_ops import addbmm, addmv, addmv_, addr, baddbmm, mv
from engine.product_more_ops import inner, kron, tensordot, vdot
from engine.product_ops import addmm, dot
from engine.quantile_ops import nanquantile, quantile
from engine.random_ops import bernoulli, multinomial, normal
from engine.random_state import get_rng_state, seed, set_rng_state
from engine.remainder_ops import floor_divide, remainder, rsub
from engine.repeat_ops import index_select, meshgrid, repeat_interleave
from engine.scatter_ops import gather, scatter, scatter_add
from engine.scatter_reduce_ops import scatter_reduce
from engine.search_ops import argsort, bucketize, searchsorted, unique_consecutive
from engine.select_ops import argwhere, count_nonzero, fmod, isin, masked_select, nonzero, trace
from engine.serialization import load, save
from engine.shape_ops import (
    clone,
    flatten,
    narrow,
    permute,
    reshape,
    squeeze,
    t,
    transpose,
    unflatten,
    unsqueeze,
)
from engine.special_ops import (
    acosh,
    acosh_,
    asinh,
    asinh_,
    atanh,
    atanh_,
    deg2rad,
    deg2rad_,
    digamma,
    erfc,
    erfc_,
    exp2,
    exp2_,
    frexp,
    lgamma,
    logit,
    logit_,
    rad2deg,
    rad2deg_,
    sgn,
    sinc,
    sinc_,
)
from engine.split_stack_ops import (
    column_stack,
    dsplit,
    dstack,
    hsplit,
    hstack,
    row_stack,
    tensor_split,
    vsplit,
    vstack,
)
from engine.tensor import Tensor
from engine.tensor_extra_ops import (  # noqa: A004 - PyTorch's names
    bincount,
    cummax,
    cummin,
    diff,
    histc,
    isclose,
    logspace,
    outer,
    roll,
    tile,
    tril,
    triu,
)
from engine.torch_functions import (  # noqa: A004 - PyTorch's names
    BoolTensor,
    DoubleTensor,
    FloatTensor,
    IntTensor,
    LongTensor,
    abs,
    abs_,
    add,
    all,
    allclose,
    any,
    bmm,
    cat,
    clamp,
    cos,
    cos_,
    div,
    equal,
    exp,
    exp_,
    get_default_dtype,
    is_floating_point,
    is_tensor,
    log,
    log_,
    matmul,
    maximum,
    minimum,
    mm,
    mul,
    neg,
    numel,
    pow,
    relu,
    relu_,
    sigmoid,
    sigmoid_,
    sin,
    sin_,
    sqrt,
    sqrt_,
    square,
    stack,
    sub,
    tanh,
    tanh_,
    true_divide,
    typename,
)
from engine.type_info import (
    can_cast,
    detach,
    finfo,
    iinfo,
    is_complex,
    is_nonzero,
    is_same_size,
    is_signed,
    result_type,
    scalar_tensor,
)
from engine.view_more_ops import (
    atleast_1d,
    atleast_2d,
    atleast_3d,
    broadcast_shapes,
    broadcast_tensors,
    broadcast_to,
    moveaxis,
    movedim,
    ravel,
    select,
    swapaxes,
    swapdims,
)

methods.install()
globals().update(in_place_more_ops.FUNCTIONS)  # torch.neg_(x) and kin: x.neg_()
__version__ = "2.13.0+cpu"  # the PyTorch release whose behaviour and printing the engine reproduces
zeros, ones, empty, full, rand, randn, arange, linspace, eye = (
    accepts_out(factory) for factory in (zeros, ones, empty, full, rand, randn, arange, linspace, eye)
)

float = float32  # noqa: A001 - PyTorch's aliases
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16
concat = concatenate = cat
clip = clamp
multiply, divide, subtract, negative = mul, div, sub, neg

from engine import autograd_functional, linalg, nn, optim, profiler, utils, variable  # noqa: E402 - they build on all above
from engine.random_source import Generator  # noqa: E402

autograd.functional = autograd_functional  # torch.autograd.functional.jacobian
autograd.profiler = profiler  # torch.autograd.profiler.profile (torch.profiler is the same module here)
autograd.Variable = variable.Variable  # from torch.autograd import Variable, as older tutorials write


def draw(*roots, **options):
    """The graph of ``roots`` as a ``graphviz.Digraph`` (Jupyter shows it inline), like torchviz's make_dot.

    See ``engine.drawing.draw`` for the options; graphviz is imported only when this is called. Tensors are
    labelled with the caller's variable names, as ``engine.drawing.draw`` does for its own caller.
    """
    import sys

    from engine.drawing import draw as draw_graph
    from engine.trace_graph import names_from

    if options.get("names") is None and options.get("modules") is None:
        caller = sys._getframe(1)
        options["names"], options["modules"] = names_from({**caller.f_globals, **caller.f_locals})
    return draw_graph(*roots, **options)


def __getattr__(name: str):
    """``engine.Recording`` (capture values for ``draw``) without importing graphviz at ``import engine``."""
    if name == "Recording":
        from engine.drawing import Recording

        return Recording
    raise AttributeError(f"module 'engine' has no attribute '{name}'")
