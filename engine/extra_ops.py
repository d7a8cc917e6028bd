"""The less common ops tutorials use: rounding, inverse trigonometry (atan2 too), erf and erfinv, prod,
cumsum and cumprod, unique, bitwise and logic.

Each is a ``torch.*`` function and a Tensor method (``METHODS``, installed by ``engine/methods.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import return_types, tie_orders
from engine.argument_errors import must_be_tensor, tensor_first
from engine.functions import pointwise as pw
from engine.functions import promotion, unary, unary_extra
from engine.functions import reduction_extra as red
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.tensor import Tensor, check_in_place


def _smooth(cls: type, name: str) -> Callable:
    """A differentiable one-input function (integer inputs compute in float32)."""

    def function(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
        return unary.unary(cls, input)

    function.__name__ = function.__qualname__ = name
    return function


def _flat(cls: type, name: str) -> Callable:
    """A rounding function: integer tensors come back unchanged (and keep their dtype); bools are refused
    (sign keeps them)."""

    def function(input: Tensor) -> Tensor:  # noqa: A002
        kind = input._data.dtype.kind
        if cls is unary_extra.SignBackward0:
            return cls.apply(input)
        if kind == "b":
            raise NotImplementedError(f"\"{name}_vml_cpu\" not implemented for 'Bool'")
        if kind in "iu":
            return Tensor._wrap(input._data.copy())
        return cls.apply(input)

    function.__name__ = function.__qualname__ = name
    return function


tan = _smooth(unary_extra.TanBackward0, "tan")
asin = _smooth(unary_extra.AsinBackward0, "asin")
acos = _smooth(unary_extra.AcosBackward0, "acos")
atan = _smooth(unary_extra.AtanBackward0, "atan")
sinh = _smooth(unary_extra.SinhBackward0, "sinh")
cosh = _smooth(unary_extra.CoshBackward0, "cosh")
log2 = _smooth(unary_extra.Log2Backward0, "log2")
log10 = _smooth(unary_extra.Log10Backward0, "log10")
log1p = _smooth(unary_extra.Log1PBackward0, "log1p")
expm1 = _smooth(unary_extra.Expm1Backward0, "expm1")
rsqrt = _smooth(unary_extra.RsqrtBackward0, "rsqrt")
erf = _smooth(unary_extra.ErfBackward0, "erf")
erfinv = _smooth(unary_extra.ErfinvBackward0, "erfinv")


def frac(input: Tensor) -> Tensor:  # noqa: A002
    """The fractional part, x - trunc(x), with x's sign; integers and bools are refused, as in PyTorch."""
    if input._data.dtype.kind in "biu":
        raise NotImplementedError(f"\"frac_cpu\" not implemented for '{input.dtype.scalar_name}'")
    return unary_extra.FracBackward0.apply(input)


ceil = _flat(unary_extra.CeilBackward0, "ceil")
floor = _flat(unary_extra.FloorBackward0, "floor")
_round_whole = _flat(unary_extra.RoundBackward0, "round")


def round(input: Tensor, *, decimals: int = 0) -> Tensor:  # noqa: A001, A002 - PyTorch's names
    """To the nearest whole number, or to ``decimals`` decimal places (negative: tens, hundreds ...), halves
    to even. Integer tensors are already whole, but have no decimal places to round to: PyTorch refuses."""
    if decimals == 0:
        return _round_whole(input)
    if input._data.dtype.kind in "biu":
        raise NotImplementedError(f"\"round_cpu\" not implemented for '{input.dtype.scalar_name}'")
    return unary_extra.RoundBackward1.apply(input, decimals=int(decimals))


trunc = _flat(unary_extra.TruncBackward0, "trunc")
sign = _flat(unary_extra.SignBackward0, "sign")


def prod(input: Tensor, dim: int | None = None, keepdim: bool = False, dtype: Any = None) -> Tensor:  # noqa: A002
    if dtype is not None:
        input = input.to(dtype)
    if dim is None:
        return red.ProdBackward0.apply(input)
    return red.ProdBackward1.apply(input, dim=dim, keepdim=keepdim)


def cumsum(input: Tensor, dim: int, dtype: Any = None) -> Tensor:  # noqa: A002
    return red.CumsumBackward0.apply(input if dtype is None else input.to(dtype), dim=dim)


def cumprod(input: Tensor, dim: int, dtype: Any = None) -> Tensor:  # noqa: A002
    return red.CumprodBackward0.apply(input if dtype is None else input.to(dtype), dim=dim)


def atan2(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002
    """The angle of the point (``other``, ``input``) in radians, in (-π, π]; integers give floats."""
    return promotion.binary(unary_extra.Atan2Backward0, input, other, floating=True)


def unique(
    input: Tensor,
    sorted: bool = True,
    return_inverse: bool = False,  # noqa: A002
    return_counts: bool = False,
    dim: int | None = None,
) -> Any:
    """The distinct values, sorted (no graph, as in PyTorch)."""
    values, inverse, counts = np.unique(input._data, return_inverse=True, return_counts=True, axis=dim)
    result = [Tensor._wrap(values)]
    if return_inverse:
        result.append(Tensor._wrap(inverse.reshape(input._data.shape).astype(np.int64)))
    if return_counts:
        result.append(Tensor._wrap(counts.astype(np.int64)))
    return result[0] if len(result) == 1 else tuple(result)


def _sorting_axis(input: Tensor, dim: int) -> int:  # noqa: A002
    from engine.shape_ops import _dim

    return _dim(dim, input._data.ndim)


def sort(input: Tensor, dim: int = -1, descending: bool = False, stable: bool = False) -> Any:  # noqa: A002
    """Sorted values and where each came from (``torch.return_types.sort``)."""
    if input._data.ndim == 0:
        only = red.SortBackward0.apply(input.reshape(1), indices=np.zeros(1, np.int64), axis=0)
        return return_types.sort(only.reshape(()), Tensor._wrap(np.zeros((), np.int64)))
    from engine.search_ops import sorted_indices

    axis = _sorting_axis(input, dim)
    order = sorted_indices(input._data, axis, bool(descending), bool(stable))
    values = red.SortBackward0.apply(input, indices=order, axis=axis)
    return return_types.sort(values, Tensor._wrap(order))


def topk(input: Tensor, k: int, dim: int = -1, largest: bool = True, sorted: bool = True) -> Any:  # noqa: A002
    """The ``k`` largest (or smallest) values along ``dim`` and their indices, NaN counting as the largest.

    Where equal values compete (or ``sorted=False`` leaves the order to the kernel), the indices are the ones
    PyTorch's kernel picks (``tie_orders.topk_order``); elsewhere a sort gives them.
    """
    data = input._data
    if data.dtype == np.bool_:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    if not data.ndim:  # one element: itself, for k 0 or 1
        if k not in (0, 1):
            raise RuntimeError("selected index k out of range")
        return return_types.topk(
            red.TopkBackward0.apply(input.reshape(1), indices=np.zeros(1, np.int64), axis=0).reshape(()),
            Tensor._wrap(np.zeros((), np.int64)),
        )
    axis = _sorting_axis(input, dim)
    size = data.shape[axis]
    if not 0 <= k <= size:
        raise RuntimeError("selected index k out of range")
    moved = np.moveaxis(data, axis, -1)
    rows = moved.reshape(-1, size)
    order = np.argsort(rows, axis=1, kind="stable")  # NaN last
    picks = (order[:, ::-1] if largest else order)[:, :k].copy()
    if k:
        kernel_orders = np.ones(len(rows), bool) if not sorted and k * 64 > size else _with_ties(rows, order)
        for row in np.flatnonzero(kernel_orders):
            picks[row] = tie_orders.topk_order(rows[row].tolist(), k, largest, sorted)
    indices = np.moveaxis(picks.reshape(moved.shape[:-1] + (k,)), -1, axis)
    values = red.TopkBackward0.apply(input, indices=indices, axis=axis)
    return return_types.topk(values, Tensor._wrap(indices.astype(np.int64)))


def _with_ties(rows: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Which rows hold a value twice (two NaNs count): there the kernel's algorithm decides the order."""
    ordered = np.take_along_axis(rows, order, 1)
    repeats = (ordered[:, 1:] == ordered[:, :-1]).any(axis=1)
    if rows.dtype.kind == "f":
        repeats |= np.count_nonzero(np.isnan(rows), axis=1) > 1
    return repeats


def masked_fill(input: Tensor, mask: Tensor, value: Any) -> Tensor:  # noqa: A002
    """``value`` where ``mask`` is True, ``input`` elsewhere."""
    if mask._data.dtype != np.bool_:
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with dtype {mask.dtype}")
    mask_array = np.broadcast_to(mask._data, input._data.shape)
    if isinstance(value, Tensor) and value._requires_grad:  # the value is in the graph too
        return red.MaskedFillBackward1.apply(input, value, mask=mask_array)
    fill = value.item() if isinstance(value, Tensor) else value
    return red.MaskedFillBackward0.apply(input, mask=mask_array, value=fill)


def flip(input: Tensor, dims: Any) -> Tensor:  # noqa: A002
    """The elements in reverse order along ``dims`` (a copy, as in PyTorch)."""
    from engine.functions.shape import FlipBackward0
    from engine.shape_ops import _dim

    axes = (dims,) if isinstance(dims, int) else tuple(dims)
    return FlipBackward0.apply(input, dims=tuple(_dim(d, input._data.ndim) for d in axes))


COMPARISON_NAMES = ("eq", "ne", "lt", "le", "gt", "ge")  # torch.gt(2, x) is refused; logical_and(2, x) is not


def _binary_bool(ufunc: np.ufunc, name: str) -> Callable:
    def function(input: Any, other: Any) -> Tensor:  # noqa: A002
        if name in COMPARISON_NAMES:
            tensor_first(name, input, other)
        else:  # the logical ones take tensors only
            must_be_tensor(name, "input", input, 1)
            must_be_tensor(name, "other", other, 2)
        return pw.compare(ufunc, input, other)

    function.__name__ = function.__qualname__ = name
    return accepts_out(function)


def _logical_method(name: str) -> Callable:
    """``x.logical_and(y)``: the function's refusal of a non-tensor names it the method's first argument."""

    def method(self: Tensor, other: Any) -> Tensor:
        must_be_tensor(name, "other", other, 1)
        return globals()[name](self, other)

    method.__name__ = method.__qualname__ = name
    return method


def _bitwise(ufunc: np.ufunc, name: str) -> Callable:
    def function(input: Any, other: Any) -> Tensor:  # noqa: A002
        return pw.logical(ufunc, input, other)

    function.__name__ = function.__qualname__ = name
    return accepts_out(function)


eq = _binary_bool(np.equal, "eq")
ne = _binary_bool(np.not_equal, "ne")
lt = _binary_bool(np.less, "lt")
le = _binary_bool(np.less_equal, "le")
gt = _binary_bool(np.greater, "gt")
ge = _binary_bool(np.greater_equal, "ge")
logical_and = _binary_bool(np.logical_and, "logical_and")
logical_or = _binary_bool(np.logical_or, "logical_or")
logical_xor = _binary_bool(np.logical_xor, "logical_xor")
bitwise_and = _bitwise(np.bitwise_and, "bitwise_and")
bitwise_or = _bitwise(np.bitwise_or, "bitwise_or")
bitwise_xor = _bitwise(np.bitwise_xor, "bitwise_xor")


def isnan(input: Tensor) -> Tensor:  # noqa: A002
    return Tensor._wrap(np.isnan(input._data))


def _reshape_in_place(function: Callable) -> Callable:
    """``x.unsqueeze_(0)`` and friends: ``x`` itself takes the new shape."""

    def method(self: Tensor, *args: Any) -> Tensor:
        from engine.functions.in_place_names import rename_in_place

        check_in_place(self)
        result = function(self, *args)
        self._data = result._data
        node = result.grad_fn
        if node is not None:
            rename_in_place(node)
            self.grad_fn = node
        self._version_box[0] += 1
        return self

    return method


def _shape_methods() -> dict[str, Callable]:
    from engine import shape_ops

    return {
        "unsqueeze_": _reshape_in_place(shape_ops.unsqueeze),
        "squeeze_": _reshape_in_place(shape_ops.squeeze),
        "t_": _reshape_in_place(shape_ops.t),
        "transpose_": _reshape_in_place(shape_ops.transpose),
    }


SMOOTH = {
    "erf": erf,
    "erfinv": erfinv,
    "tan": tan,
    "asin": asin,
    "acos": acos,
    "atan": atan,
    "sinh": sinh,
    "cosh": cosh,
    "log2": log2,
    "log10": log10,
    "log1p": log1p,
    "expm1": expm1,
    "rsqrt": rsqrt,
    "frac": frac,
    "ceil": ceil,
    "floor": floor,
    "round": round,
    "trunc": trunc,
    "sign": sign,
}
METHODS: dict[str, Callable] = {
    **SMOOTH,
    **{f"{name}_": in_place_method(function) for name, function in SMOOTH.items()},
    "prod": prod,
    "cumsum": cumsum,
    "cumprod": cumprod,
    "atan2": atan2,
    "atan2_": in_place_method(atan2),
    "unique": unique,
    "isnan": isnan,
    "sort": sort,
    "topk": topk,
    "masked_fill": masked_fill,
    "masked_fill_": in_place_method(masked_fill),
    "flip": lambda self, *dims: flip(self, dims[0] if len(dims) == 1 else dims),
    **{name: _logical_method(name) for name in ("logical_and", "logical_or", "logical_xor")},
    "bitwise_and": bitwise_and,
    "bitwise_or": bitwise_or,
    "bitwise_xor": bitwise_xor,
    **_shape_methods(),
}
