"""The differentiable ops, one case each: how to draw valid float64 inputs and the function to check.

A case is ``draw(data) -> (arrays, function)``: ``arrays`` are the float64 inputs (all differentiated),
``function`` maps engine tensors to one engine tensor whose graph holds the node the case is named after.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, mutually_broadcastable_shapes

import engine as torch
from engine import conv_ops
from engine.nn import functional as F

MAX_SIDE = 3  # small sides keep the finite differences (two forwards per element) fast
MAX_DIMS = 3
KINK_GAP = 0.1  # inputs of |x|, relu, clamp ... stay this far from the kink, where no derivative exists

Case = Callable[[st.DataObject], tuple[list[np.ndarray], Callable]]


def values(data: st.DataObject, shape: tuple, low: float = -2.0, high: float = 2.0) -> np.ndarray:
    """Uniform float64 values in [low, high] from a drawn seed."""
    seed = data.draw(st.integers(0, 2**32 - 1), label="seed")
    return np.random.default_rng(seed).uniform(low, high, size=shape)


def away_from_zero(data: st.DataObject, shape: tuple, low: float = KINK_GAP, high: float = 2.0) -> np.ndarray:
    """Values with |x| in [low, high] and a random sign."""
    magnitude = values(data, shape, low, high)
    signs = np.where(values(data, shape, -1, 1) < 0, -1.0, 1.0)
    return magnitude * signs


def distinct(data: st.DataObject, shape: tuple) -> np.ndarray:
    """Values at least KINK_GAP apart, so max/min/sort have a unique winner."""
    count = int(np.prod(shape))
    steps = np.arange(count) * KINK_GAP * 2 - count * KINK_GAP
    order = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1))).permutation(count)
    return steps[order].reshape(shape)


def shape(data: st.DataObject, min_dims: int = 0, max_dims: int = MAX_DIMS, min_side: int = 1) -> tuple:
    return data.draw(array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=MAX_SIDE))


def broadcast_shapes(data: st.DataObject, count: int = 2) -> tuple:
    drawn = data.draw(
        mutually_broadcastable_shapes(
            num_shapes=count, min_dims=0, max_dims=MAX_DIMS, min_side=1, max_side=MAX_SIDE
        )
    )
    return drawn.input_shapes


def dim_of(data: st.DataObject, ndim: int) -> int:
    """A dimension index, negative or positive."""
    return data.draw(st.integers(-ndim, ndim - 1), label="dim")


# -- builders ----------------------------------------------------------------------------------
def unary(
    function: Callable, low: float = -2.0, high: float = 2.0, kink: bool = False, max_dims: int = MAX_DIMS
) -> Case:
    def draw(data):
        drawn = shape(data, max_dims=max_dims)
        arrays = [away_from_zero(data, drawn, KINK_GAP, high) if kink else values(data, drawn, low, high)]
        return arrays, function

    return draw


def binary(function: Callable, low: float = -2.0, high: float = 2.0, second_low: float | None = None) -> Case:
    def draw(data):
        first, second = broadcast_shapes(data)
        other_low = low if second_low is None else second_low
        return [values(data, first, low, high), values(data, second, other_low, high)], function

    return draw


def ternary(function: Callable, third_low: float = -2.0, third_high: float = 2.0) -> Case:
    """Three mutually broadcast inputs (addcmul, lerp); the third drawn from [third_low, third_high]."""

    def draw(data):
        first, second, third = broadcast_shapes(data, count=3)
        arrays = [values(data, first), values(data, second), values(data, third, third_low, third_high)]
        return arrays, function

    return draw


def with_scalar(function: Callable, low: float = -2.0, high: float = 2.0) -> Case:
    def draw(data):
        scalar = data.draw(st.floats(0.5, 3.0), label="scalar")
        return [values(data, shape(data), low, high)], lambda x: function(x, scalar)

    return draw


def whole(function: Callable, inputs: Callable = values, min_side: int = 1) -> Case:
    """A reduction over every element."""

    def draw(data):
        return [inputs(data, shape(data, min_dims=int(min_side > 1), min_side=min_side))], function

    return draw


def along_dim(function: Callable, inputs: Callable = values, min_side: int = 1) -> Case:
    """``function(x, dim, keepdim)`` on a random dimension."""

    def draw(data):
        drawn = shape(data, min_dims=1, min_side=min_side)
        dim, keepdim = dim_of(data, len(drawn)), data.draw(st.booleans(), label="keepdim")
        return [inputs(data, drawn)], lambda x: function(x, dim, keepdim)

    return draw


def fixed(arrays: Callable, function: Callable) -> Case:
    """Shapes that follow the op's own rules (products, losses)."""

    def draw(data):
        return arrays(data), function

    return draw


def matrices(rows_inner_cols: Callable) -> Callable:
    def arrays(data):
        return [values(data, s) for s in rows_inner_cols(data)]

    return arrays


def _side(data: st.DataObject) -> int:
    return data.draw(st.integers(1, MAX_SIDE + 1))


def mm_shapes(data):
    n, k, m = _side(data), _side(data), _side(data)
    return (n, k), (k, m)


def mv_shapes(data):
    n, k = _side(data), _side(data)
    return (n, k), (k,)


def vm_shapes(data):
    k, m = _side(data), _side(data)
    return (k,), (k, m)


def dot_shapes(data):
    k = _side(data)
    return (k,), (k,)


def bmm_shapes(data):
    b, n, k, m = _side(data), _side(data), _side(data), _side(data)
    return (b, n, k), (b, k, m)


def addmm_shapes(data):
    n, k, m = _side(data), _side(data), _side(data)
    bias = data.draw(st.sampled_from([(m,), (n, m), (1, m)]))
    return bias, (n, k), (k, m)


def _classes(data, rows: int, classes: int) -> torch.Tensor:
    seed = data.draw(st.integers(0, 2**32 - 1))
    return torch.tensor(np.random.default_rng(seed).integers(0, classes, rows))


def nll(data):
    rows, classes = _side(data), _side(data) + 1
    target = _classes(data, rows, classes)
    return [values(data, (rows, classes), -3, -0.1)], lambda x: F.nll_loss(x, target)


def cross_entropy(data):
    rows, classes = _side(data), _side(data) + 1
    target = _classes(data, rows, classes)
    return [values(data, (rows, classes))], lambda x: F.cross_entropy(x, target)


def weighted_cross_entropy(data):
    """Class weights, label smoothing and a reduction drawn; a class may be ignored."""
    rows, classes = _side(data), _side(data) + 1
    target = _classes(data, rows, classes)
    weight = torch.tensor(values(data, (classes,), 0.5, 2.0))
    smoothing = data.draw(st.sampled_from([0.0, 0.1, 0.3]), label="label_smoothing")
    reduction = data.draw(st.sampled_from(["mean", "sum", "none"]), label="reduction")
    ignored = data.draw(st.sampled_from([-100, int(target[0])]), label="ignore_index")
    if ignored != -100 and reduction == "mean" and bool((target == ignored).all()):
        ignored = -100  # every row ignored: a mean of nothing
    options = {"ignore_index": ignored, "reduction": reduction, "label_smoothing": smoothing}
    return [values(data, (rows, classes))], lambda x: F.cross_entropy(x, target, weight.double(), **options)


def loss_pair(
    function: Callable,
    low: float = -2.0,
    high: float = 2.0,
    target_low: float = -2.0,
    target_high: float = 2.0,
    differentiate_target: bool = False,
) -> Case:
    """A loss of (prediction, target) of one shape; with ``differentiate_target`` both get gradients."""

    def draw(data):
        drawn = shape(data)
        prediction, target = values(data, drawn, low, high), values(data, drawn, target_low, target_high)
        if differentiate_target:
            return [prediction, target], function
        return [prediction], lambda x: function(x, torch.tensor(target))

    return draw


def index_case(index_of: Callable) -> Case:
    def draw(data):
        drawn = shape(data, min_dims=1)
        index = index_of(data, drawn)
        return [values(data, drawn)], lambda x: x[index]

    return draw


def select_index(data, drawn):
    return data.draw(st.integers(-drawn[0], drawn[0] - 1))


def slice_index(data, drawn):
    """A slice that leaves rows out: of the last dimension after ``...``, or of a 1-d tensor (a slice of a
    whole dimension after ``...`` narrows nothing, and PyTorch records it as AliasBackward0)."""
    assume(drawn[-1] > 1)
    start = data.draw(st.integers(1, drawn[-1] - 1))
    return (..., slice(start, None)) if len(drawn) > 1 else slice(start, None)


def unsqueeze_index(data, drawn):
    """``None`` among the parts, as ``x[None]`` or ``x[:, None]``: PyTorch's last step is an unsqueeze."""
    return (slice(None),) * data.draw(st.integers(0, len(drawn))) + (None,)


def alias_index(data, drawn):
    """``x[...]`` or slices of whole dimensions after it: nothing is taken (AliasBackward0)."""
    return (...,) + (slice(None),) * data.draw(st.integers(0, 1))


def gather_index(data, drawn):
    positions = data.draw(st.lists(st.integers(0, drawn[0] - 1), min_size=1, max_size=4))
    return torch.tensor(positions)  # repeats add up in the gradient


def mask_index(data, drawn):
    return torch.tensor(values(data, drawn) > 0)


def cat(data):
    first = shape(data, min_dims=1)
    dim = dim_of(data, len(first))
    second = list(first)
    second[dim] = _side(data)
    return [values(data, first), values(data, tuple(second))], lambda a, b: torch.cat([a, b], dim=dim)


def stack(data):
    drawn = shape(data)
    dim = dim_of(data, len(drawn) + 1)
    return [values(data, drawn), values(data, drawn)], lambda a, b: torch.stack([a, b], dim=dim)


def copy_slices(data):
    rows, cols = _side(data) + 1, _side(data)

    def assign(x, v):
        y = x * 1  # a non-leaf, so the assignment is recorded
        y[1:] = v
        return y

    return [values(data, (rows, cols)), values(data, (rows - 1, cols))], assign


def _changed_in_place(change: Callable) -> Callable:
    """``change`` applied in place to a product of ``x`` (a non-leaf), then multiplied by ``x`` again so
    that both the kept and the overwritten paths carry gradient."""

    def function(x, *others):
        y = x * 1.5
        change(y, *others)
        return y * x

    return function


def zero_in_place(data):
    return [values(data, shape(data))], _changed_in_place(lambda y: y.zero_())


def fill_in_place(data):
    return [values(data, shape(data))], _changed_in_place(lambda y: y.fill_(0.5))


def fill_with_a_tensor(data):
    return [values(data, shape(data)), values(data, ())], _changed_in_place(lambda y, t: y.fill_(t))


def copy_in_place(data):
    target, source = broadcast_shapes(data)
    assume(np.broadcast_shapes(target, source) == tuple(target))
    return [values(data, target), values(data, source)], _changed_in_place(lambda y, s: y.copy_(s * 2))


def in_place_through_a_slice(data):
    rows = _side(data) + 1
    # times the rows above, cloned (sharing them would overlap what is written: PyTorch's refusal)
    return [values(data, (rows, _side(data)))], _changed_in_place(lambda y: y[1:].mul_(y[:-1].clone()))


def in_place_through_a_slice_of_a_transpose(data):
    """As above, on a product of ``x.t()``: numpy lays it out column-major, so flat positions matter."""
    rows = _side(data) + 1

    def function(x):
        y = x.t() * 1.5
        y[1:].mul_(y[:-1].clone())
        return y * x.t()

    return [values(data, (_side(data), rows))], function


def view_made_before_a_change(data):
    rows = _side(data) + 1

    def function(x):
        y = x * 1.5
        top = y[:-1]  # a view of y made before y changes: regenerated from y's new history
        y.mul_(x)
        return top * 2

    return [values(data, (rows, _side(data)))], function


def clamp_between_tensors(data):
    """x clamped between two tensor bounds kept KINK_GAP away from x, so every element has one derivative."""
    drawn = shape(data)
    x = values(data, drawn, -1.0, 1.0)
    first, second = values(data, drawn, KINK_GAP, 0.5), values(data, drawn, KINK_GAP, 0.5)
    where = np.floor(values(data, drawn, 0, 3)).clip(0, 2)  # per element: 0 inside, 1 below min, 2 above max
    low = np.select([where == 0, where == 1], [x - first, x + first], x - first - second)
    high = np.select([where == 0, where == 1], [x + second, x + first + second], x - first)
    return [x, low, high], lambda x, low, high: torch.clamp(x, min=low, max=high)


def masked_fill_with_a_tensor(data):
    drawn = shape(data)
    mask = torch.tensor(values(data, drawn) > 0)
    return [values(data, drawn), values(data, ())], lambda x, value: x.masked_fill(mask, value) * x


def permute(data):
    drawn = shape(data, min_dims=1)
    order = data.draw(st.permutations(range(len(drawn))))
    return [values(data, drawn)], lambda x: x.permute(*order)


def transpose(data):
    drawn = shape(data, min_dims=2)
    first, second = dim_of(data, len(drawn)), dim_of(data, len(drawn))
    return [values(data, drawn)], lambda x: x.transpose(first, second)


def expand(data):
    drawn = shape(data)
    lead = data.draw(st.integers(1, 2))
    target = tuple(_side(data) if size == 1 else size for size in drawn)
    return [values(data, drawn)], lambda x: x.expand(lead, *target)


def repeat(data):
    drawn = shape(data)
    counts = data.draw(st.lists(st.integers(1, 3), min_size=len(drawn), max_size=len(drawn) + 1))
    return [values(data, drawn)], lambda x: x.repeat(*counts) if counts else x.repeat(())


def split(data):
    drawn = shape(data, min_dims=1)
    size = data.draw(st.integers(1, drawn[0]))
    return [values(data, drawn)], lambda x: torch.stack([p.sum() for p in torch.split(x, size)])


def unbind(data):
    drawn = shape(data, min_dims=1)
    weights = torch.tensor(values(data, drawn[:1]))

    def function(x):
        return torch.stack([piece * weight for piece, weight in zip(x.unbind(0), weights, strict=True)])

    return [values(data, drawn)], function


def reshape_noncontiguous(data):
    rows, cols = _side(data) + 1, _side(data) + 1
    return [values(data, (rows, cols))], lambda x: x.t().reshape(-1)


def squeeze_dim(data):
    drawn = (*shape(data, max_dims=2), 1)
    return [values(data, drawn)], lambda x: x.squeeze(-1)


def where(data):
    first, second = broadcast_shapes(data)
    condition = torch.tensor(values(data, np.broadcast_shapes(first, second)) > 0)
    return [values(data, first), values(data, second)], lambda a, b: torch.where(condition, a, b)


def with_dim(function: Callable, extra: int = 0) -> Case:
    """``function(x, dim)``; ``extra`` widens the range for ops that add a dimension (unsqueeze, stack)."""

    def draw(data):
        drawn = shape(data, min_dims=1 - extra)
        dim = dim_of(data, len(drawn) + extra)
        return [values(data, drawn)], lambda x: function(x, dim)

    return draw


def maximum_of(function: Callable) -> Case:
    """Two broadcast inputs that never tie: odd tenths against even tenths."""

    def draw(data):
        first, second = broadcast_shapes(data)
        rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
        a = (2 * rng.integers(-10, 10, first) + 1) * KINK_GAP
        b = 2 * rng.integers(-10, 10, second) * KINK_GAP
        return [a.astype(np.float64), b.astype(np.float64)], function

    return draw


def cross_product(data):
    """Two broadcastable shapes of one rank with a dimension of 3 inserted at the same place."""
    first, second = broadcast_shapes(data)
    rank = max(len(first), len(second))
    first, second = (1,) * (rank - len(first)) + first, (1,) * (rank - len(second)) + second
    place = data.draw(st.integers(0, rank), label="place")
    first, second = first[:place] + (3,) + first[place:], second[:place] + (3,) + second[place:]
    dim = place - data.draw(
        st.sampled_from([0, rank + 1]), label="negative"
    )  # as given or counted from the end
    return [values(data, first), values(data, second)], lambda a, b: torch.cross(a, b, dim=dim)


def _orthonormal_columns(rng: np.random.Generator, shape: tuple) -> np.ndarray:
    return np.linalg.qr(rng.standard_normal(shape))[0]


def well_conditioned(data) -> np.ndarray:
    """A (batch of) matrix with singular values at least 0.3 apart and at least 0.5, so U, S and V are unique
    up to the signs of the columns and their gradients are defined (distinct, nonzero singular values)."""
    rows, columns = _side(data), _side(data)
    batch = data.draw(st.sampled_from([(), (2,)]), label="batch")
    count = min(rows, columns)
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    left = _orthonormal_columns(rng, batch + (rows, count))
    right = _orthonormal_columns(rng, batch + (columns, count))
    singular = 0.5 + 0.4 * rng.permutation(count) + rng.uniform(0.0, 0.1, batch + (count,))
    return (left * singular[..., None, :]) @ np.swapaxes(right, -1, -2)


def _sign_free(vectors: torch.Tensor) -> torch.Tensor:
    """Each column times its first entry: unchanged when a singular vector flips sign."""
    return vectors * vectors[..., :1, :]


def svd_output(part: str, some: bool = True) -> Case:
    """One output of ``torch.svd`` (U, V sign-free); with ``some=False``, their first min(m, n) columns."""

    def function(x):
        left, singular, right = torch.svd(x, some=some)
        count = singular.shape[-1]
        chosen = {"U": left[..., :count], "S": singular, "V": right[..., :count]}[part]
        return chosen if part == "S" else _sign_free(chosen)

    def draw(data):
        return [well_conditioned(data)], function

    return draw


def square(data, singular: bool = False) -> list[np.ndarray]:
    """A square matrix (or a batch of two); ``singular`` repeats its first row (det 0, cofactors nonzero)."""
    side = _side(data) + int(singular)
    batch = data.draw(st.sampled_from([(), (2,)]), label="batch")
    matrix = values(data, batch + (side, side))
    if singular:
        matrix[..., 1, :] = matrix[..., 0, :]
    return [matrix]


def narrow(data):
    drawn = shape(data, min_dims=1)
    dim = dim_of(data, len(drawn))
    size = drawn[dim]
    start = data.draw(st.integers(-size, size - 1), label="start")
    length = data.draw(st.integers(0, size - start % size), label="length")
    return [values(data, drawn)], lambda x: x.narrow(dim, start, length)


def invertible(data, batch: tuple | None = None) -> np.ndarray:
    """A square matrix (or a batch of two) with singular values in [0.5, 1.5]: far from singular."""
    side = _side(data)
    if batch is None:
        batch = data.draw(st.sampled_from([(), (2,)]), label="batch")
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    left, right = (
        _orthonormal_columns(rng, batch + (side, side)),
        _orthonormal_columns(rng, batch + (side, side)),
    )
    singular = rng.uniform(0.5, 1.5, batch + (side,))
    return (left * singular[..., None, :]) @ np.swapaxes(right, -1, -2)


def solve(vector: bool) -> Case:
    """``linalg.solve(A, B)`` with B a vector per matrix or a matrix of 1 to 3 columns."""

    def draw(data):
        a = invertible(data)
        rhs = (
            a.shape[:-1] if vector else a.shape[:-1] + (data.draw(st.integers(1, MAX_SIDE), label="columns"),)
        )
        return [a, values(data, rhs)], torch.linalg.solve

    return draw


def matrix_norm(order) -> Case:
    """``linalg.matrix_norm`` of a (batch of) matrix with distinct singular values and column/row sums."""

    def draw(data):
        return [well_conditioned(data)], lambda x: torch.linalg.matrix_norm(x, order)

    return draw


def linalg_svd_vectors(data):
    """``linalg.svd``'s U and Vh (full by default), their first min(m, n) columns/rows made sign-free."""

    def function(x):
        left, singular, right = torch.linalg.svd(x)
        count = singular.shape[-1]
        return torch.cat(
            [_sign_free(left[..., :count]).flatten(), _sign_free(right[..., :count, :].mT).flatten()]
        )

    return [well_conditioned(data)], function


def diag(ndim: int) -> Case:
    """``torch.diag`` of a vector (ndim 1) or a matrix (2), on a diagonal at most one past either end."""

    def draw(data):
        drawn = shape(data, min_dims=ndim, max_dims=ndim)
        offset = data.draw(st.integers(-drawn[0], drawn[-1]), label="diagonal")
        return [values(data, drawn)], lambda x: torch.diag(x, offset)

    return draw


def _places(data, drawn: tuple, dim: int, distinct: bool) -> torch.Tensor:
    """An int64 index no larger than ``drawn`` apart from ``dim``. With ``distinct``, no position twice in a
    column along ``dim`` (scatter's result is undefined with repeats); else repeats, any length along it."""
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="index seed"))
    shape = [data.draw(st.integers(1, side), label="index side") for side in drawn]
    size = drawn[dim]
    if distinct:
        shape[dim] = size
        orders = np.argsort(rng.random(shape), axis=dim)  # a permutation of 0..size-1 per column
        index = np.take(orders, np.arange(data.draw(st.integers(1, size), label="count")), axis=dim)
    else:
        shape[dim] = data.draw(st.integers(1, MAX_SIDE + 1), label="count")
        index = rng.integers(0, size, shape)
    return torch.tensor(index, dtype=torch.int64)


def scatter(kind: str) -> Case:
    """``scatter`` of a src tensor ("src", "src in place") or a number ("value"), or ``scatter_add`` ("add",
    "add in place"), on a random dim; src has the index's shape, as PyTorch's src gradient requires."""

    def draw(data):
        drawn = shape(data, min_dims=1)
        dim = dim_of(data, len(drawn))
        index = _places(data, drawn, dim, distinct=not kind.startswith("add"))
        function = {
            "src": lambda a, s: a.scatter(dim, index, s),
            "src in place": lambda a, s: (a * 1).scatter_(dim, index, s),
            "value": lambda a: torch.scatter(a, dim, index, value=0.5),
            "add": lambda a, s: torch.scatter_add(a, dim, index, s),
            "add in place": lambda a, s: (a * 1).scatter_add_(dim, index, s),
        }[kind]
        arrays = [values(data, drawn)]
        return (arrays if kind == "value" else arrays + [values(data, tuple(index.shape))]), function

    return draw


def gather(through_torch: bool) -> Case:
    """``gather`` along a random dim with repeated positions (their gradients add up)."""

    def draw(data):
        drawn = shape(data, min_dims=1)
        dim = dim_of(data, len(drawn))
        index = _places(data, drawn, dim, distinct=False)
        if through_torch:
            return [values(data, drawn)], lambda a: torch.gather(a, dim, index)
        return [values(data, drawn)], lambda a: a.gather(dim, index)

    return draw


# -- convolution and pooling (conv.py, pooling.py) ---------------------------------------------------
def _pair_of(data: st.DataObject, low: int, high: int, label: str) -> tuple[int, int]:
    return data.draw(st.tuples(st.integers(low, high), st.integers(low, high)), label=label)


def _image_shape(data: st.DataObject, channels: int, least: tuple[int, int]) -> tuple:
    """(N, C, H, W) or, unbatched, (C, H, W), with H and W at least ``least`` and up to two more."""
    sides = tuple(side + data.draw(st.integers(0, 2), label="extra side") for side in least)
    batch = data.draw(st.sampled_from([(), (1,), (2,)]), label="batch")
    return batch + (channels,) + sides


def convolution(data):
    """``conv2d`` with groups, rectangular kernels, strides, paddings and dilations, with or without bias."""
    groups = data.draw(st.integers(1, 2), label="groups")
    channels, outputs = groups * data.draw(st.integers(1, 2)), groups * data.draw(st.integers(1, 2))
    kernel, stride = _pair_of(data, 1, 3, "kernel"), _pair_of(data, 1, 2, "stride")
    padding, dilation = _pair_of(data, 0, 2, "padding"), _pair_of(data, 1, 2, "dilation")
    spans = [d * (k - 1) + 1 for d, k in zip(dilation, kernel, strict=True)]
    least = tuple(max(1, span - 2 * pad) for span, pad in zip(spans, padding, strict=True))
    arrays = [
        values(data, _image_shape(data, channels, least)),
        values(data, (outputs, channels // groups, *kernel)),
    ]
    if data.draw(st.booleans(), label="bias"):
        arrays.append(values(data, (outputs,)))
    return arrays, lambda x, w, b=None: F.conv2d(x, w, b, stride, padding, dilation, groups)


def convolution_1d(data):
    """``conv1d`` of (N, C, L) or unbatched (C, L) input: groups, strides, paddings, dilations, a bias."""
    groups = data.draw(st.integers(1, 2), label="groups")
    channels, outputs = groups * data.draw(st.integers(1, 2)), groups * data.draw(st.integers(1, 2))
    kernel, stride = data.draw(st.integers(1, 3), label="kernel"), data.draw(st.integers(1, 2))
    padding, dilation = data.draw(st.integers(0, 2), label="padding"), data.draw(st.integers(1, 2))
    least = max(1, dilation * (kernel - 1) + 1 - 2 * padding)
    length = least + data.draw(st.integers(0, 2), label="extra length")
    batch = data.draw(st.sampled_from([(), (1,), (2,)]), label="batch")
    arrays = [values(data, (*batch, channels, length)), values(data, (outputs, channels // groups, kernel))]
    if data.draw(st.booleans(), label="bias"):
        arrays.append(values(data, (outputs,)))
    return arrays, lambda x, w, b=None: F.conv1d(x, w, b, stride, padding, dilation, groups)


def _sequence(image_shape: tuple) -> tuple:
    """A drawn image shape as a sequence's: the height dropped, (N, C, L) or (C, L)."""
    return image_shape[:-2] + image_shape[-1:]


def max_pooling_1d(data):
    """``max_pool1d`` (unsqueeze, max_pool2d, squeeze) over distinct values."""
    kernel, stride, padding, dilation, least, ceil_mode = _pooling_options(data, dilated=True)
    x = distinct(data, _sequence(_image_shape(data, 2, least)))
    return [x], lambda x: F.max_pool1d(x, kernel[1], stride[1], padding[1], dilation[1], ceil_mode)


def average_pooling_1d(data):
    """``avg_pool1d`` (unsqueeze, avg_pool2d, squeeze)."""
    kernel, stride, padding, _, least, ceil_mode = _pooling_options(data, dilated=False)
    count_include_pad = data.draw(st.booleans(), label="count_include_pad")
    x = values(data, _sequence(_image_shape(data, 2, least)))
    return [x], lambda x: F.avg_pool1d(x, kernel[1], stride[1], padding[1], ceil_mode, count_include_pad)


def adaptive_average_pooling_1d(data):
    """``adaptive_avg_pool1d`` to 2 windows or more (to 1 it is a mean)."""
    shape = _sequence(_image_shape(data, 2, (2, 2)))
    size = data.draw(st.integers(2, shape[-1]), label="out length")
    return [values(data, shape)], lambda x: F.adaptive_avg_pool1d(x, size)


def same_padding(data):
    """``padding='same'`` with an even kernel: zeros added at the end first (ConstantPadNdBackward0)."""
    kernel = (2 * data.draw(st.integers(1, 2)), data.draw(st.integers(1, 3)))
    arrays = [values(data, _image_shape(data, 2, (2, 2))), values(data, (2, 2, *kernel))]
    return arrays, lambda x, w: F.conv2d(x, w, padding="same")


def padded_by_mode(mode: str) -> Case:
    """``nn.Conv2d``'s reflect and replicate padding before a convolution with a 2x2 kernel."""

    def draw(data):
        sides = data.draw(st.tuples(*[st.integers(0, 2)] * 4), label="top bottom left right")
        arrays = [values(data, _image_shape(data, 2, (3, 3))), values(data, (2, 2, 2, 2))]
        return arrays, lambda x, w: F.conv2d(conv_ops.pad_by_mode(x, sides, mode), w)

    return draw


def padded(mode: str, axes: int) -> Case:
    """``F.pad`` of the last ``axes`` dimensions: reflect and replicate borders (narrower than the input for
    reflect), or a constant one whose widths may be negative (a crop)."""

    def draw(data):
        drawn = shape(data, min_dims=axes + 1, max_dims=axes + 2, min_side=3)
        low, high = (-1, 2) if mode == "constant" else (0, 2)
        pad = data.draw(st.lists(st.integers(low, high), min_size=2 * axes, max_size=2 * axes), label="pad")
        if mode == "constant":
            value = data.draw(st.floats(-1.0, 1.0), label="value")
            return [values(data, drawn)], lambda x: F.pad(x, tuple(pad), value=value)
        return [values(data, drawn)], lambda x: F.pad(x, tuple(pad), mode=mode)

    return draw


def _pooling_options(data: st.DataObject, dilated: bool) -> tuple:
    kernel, stride = _pair_of(data, 1, 3, "kernel"), _pair_of(data, 1, 3, "stride")
    dilation = _pair_of(data, 1, 2, "dilation") if dilated else (1, 1)
    spans = [d * (k - 1) + 1 for d, k in zip(dilation, kernel, strict=True)]
    # at most k - 1 and a side of one span: every window holds an element of the input (a max pool window
    # of padding alone gives -inf)
    padding = tuple(
        data.draw(st.integers(0, min(span // 2, k - 1)), label="padding")
        for span, k in zip(spans, kernel, strict=True)
    )
    return kernel, stride, padding, dilation, tuple(spans), data.draw(st.booleans(), label="ceil_mode")


def max_pooling(data):
    """``max_pool2d`` over distinct values (one largest per window), overlapping windows too."""
    kernel, stride, padding, dilation, least, ceil_mode = _pooling_options(data, dilated=True)
    x = distinct(data, _image_shape(data, 2, least))
    return [x], lambda x: F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode)


def average_pooling(data):
    kernel, stride, padding, _, least, ceil_mode = _pooling_options(data, dilated=False)
    count_include_pad = data.draw(st.booleans(), label="count_include_pad")
    divisor = data.draw(st.sampled_from([None, 1, 3]), label="divisor_override")
    x = values(data, _image_shape(data, 2, least))
    return [x], lambda x: F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad, divisor)


def adaptive_average_pooling(data):
    """Output sizes that divide the input or not (windows then overlap); never 1x1 (that is a mean)."""
    shape = _image_shape(data, 2, (2, 2))
    height, width = shape[-2:]
    size = (data.draw(st.integers(1, height), label="out height"), data.draw(st.integers(2, width)))
    return [values(data, shape)], lambda x: F.adaptive_avg_pool2d(x, size)


# -- triangles, roll, running extremes, einsum, diff (shape_extra.py, tensor_extra_ops.py, einsum_ops.py) ----
def triangle(function: Callable) -> Case:
    """``tril``/``triu`` of a matrix or a batch of them, any diagonal (beyond the corners too)."""

    def draw(data):
        drawn = shape(data, min_dims=2)
        diagonal = data.draw(st.integers(-MAX_SIDE, MAX_SIDE), label="diagonal")
        return [values(data, drawn)], lambda x: function(x, diagonal)

    return draw


def roll(data):
    """Shifts of either sign, larger than the side too, along one or two dims or the flattened tensor."""
    drawn = shape(data, min_dims=1)
    dims = data.draw(st.lists(st.integers(-len(drawn), len(drawn) - 1), min_size=0, max_size=2), label="dims")
    shifts = data.draw(st.lists(st.integers(-4, 4), min_size=max(len(dims), 1), max_size=max(len(dims), 1)))
    if not dims:
        return [values(data, drawn)], lambda x: torch.roll(x, shifts[0])
    return [values(data, drawn)], lambda x: torch.roll(x, tuple(shifts), tuple(dims))


def index_select(data):
    """Slices picked along one dim by index, some more than once, some never (by repeat_interleave too)."""
    drawn = shape(data, min_dims=1)
    dim = dim_of(data, len(drawn))
    side = drawn[dim]
    picks = data.draw(st.lists(st.integers(0, side - 1), min_size=1, max_size=5), label="indices")
    if data.draw(st.booleans(), label="by counts"):
        counts = data.draw(st.lists(st.integers(0, 3), min_size=side, max_size=side), label="counts")
        return [values(data, drawn)], lambda x: x.repeat_interleave(torch.tensor(counts), dim=dim)
    return [values(data, drawn)], lambda x: torch.index_select(x, dim, torch.tensor(picks))


EQUATIONS = {  # equation -> operand shapes (sides 2, 3, 4 tell the subscripts apart)
    "ij,jk->ik": [(2, 3), (3, 4)],
    "i,i->": [(3,), (3,)],
    "ij->ji": [(2, 3)],
    "ij->": [(2, 3)],
    "bij,bjk->bik": [(2, 2, 3), (2, 3, 4)],
    "i,j->ij": [(2,), (3,)],
    "ij,k->ik": [(2, 3), (4,)],
    "abc,cd,de->bae": [(2, 3, 4), (4, 2), (2, 3)],
    "...ij,...jk": [(2, 1, 2, 3), (4, 3, 2)],
    "i,i->i": [(1,), (3,)],
    "ii->i": [(3, 3)],
    "iij,i->j": [(2, 2, 3), (2,)],
    "ii,jj->ij": [(2, 2), (3, 3)],
    "...ii": [(2, 3, 3)],
}


def einsum(data):
    """Products, transposes, sums, batches, three operands, ellipses, size-1 broadcasting and diagonals."""
    equation = data.draw(st.sampled_from(sorted(EQUATIONS)), label="equation")
    return [values(data, s) for s in EQUATIONS[equation]], lambda *xs: torch.einsum(equation, *xs)


def difference(data):
    """``diff`` of order 1 or 2 along a random dim, with a prepended and an appended tensor."""
    drawn = shape(data, min_dims=1, min_side=2)
    dim, order = dim_of(data, len(drawn)), data.draw(st.integers(1, 2), label="n")
    edge = tuple(1 if axis == dim % len(drawn) else side for axis, side in enumerate(drawn))
    arrays = [values(data, drawn), values(data, edge), values(data, edge)]
    return arrays, lambda x, before, after: torch.diff(x, order, dim, prepend=before, append=after)
