"""More ``torch.*`` functions tutorials reach for: triangles, roll, outer, isclose, logspace, tile, diff,
cummax/cummin, bincount and histc (einsum: ``einsum_ops``). Each that PyTorch also has as a method is in
``METHODS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import return_types
from engine.functions import shape_extra as fn
from engine.shape_ops import _dim
from engine.tensor import Tensor


def _triangle(cls: type, name: str) -> Callable:
    def function(input: Tensor, diagonal: int = 0) -> Tensor:  # noqa: A002 - PyTorch's argument name
        if input._data.ndim < 2:
            raise RuntimeError(f"{name}: input tensor must have at least 2 dimensions")
        return cls.apply(input, diagonal=int(diagonal))

    function.__name__ = function.__qualname__ = name
    return function


tril = _triangle(fn.TrilBackward0, "tril")
triu = _triangle(fn.TriuBackward0, "triu")


def roll(input: Tensor, shifts: Any, dims: Any = None) -> Tensor:  # noqa: A002
    """Elements shifted along ``dims`` with wrap-around (no dims: over the flattened tensor)."""
    shifts = (int(shifts),) if isinstance(shifts, int) else tuple(int(s) for s in shifts)
    if dims is None:
        if len(shifts) != 1:
            raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:0")
        return fn.RollBackward0.apply(input, shifts=shifts, dims=None)
    dims = (dims,) if isinstance(dims, int) else tuple(dims)
    if len(shifts) != len(dims):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:{len(dims)}")
    axes = tuple(_dim(d, input._data.ndim) for d in dims)
    return fn.RollBackward0.apply(input, shifts=shifts, dims=axes)


def outer(input: Tensor, vec2: Tensor) -> Tensor:  # noqa: A002
    """``input[:, None] * vec2``, recorded as PyTorch does: a view of ``input`` times ``vec2``."""
    for name, vector in (("self", input), ("vec2", vec2)):
        if vector._data.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {name}, but got {vector._data.ndim}-D")
    return input.view(-1, 1) * vec2


def isclose(
    input: Tensor,  # noqa: A002
    other: Tensor,
    rtol: float = 1e-05,
    atol: float = 1e-08,
    equal_nan: bool = False,
) -> Tensor:
    """Where ``|input - other| <= atol + rtol·|other|`` (equal infinities too); a bool tensor, no graph."""
    if input.dtype != other.dtype:
        raise RuntimeError(f"{input.dtype.scalar_name} did not match {other.dtype.scalar_name}")
    if rtol < 0:
        raise RuntimeError(f"rtol must be greater than or equal to zero, but got {rtol}")
    if atol < 0:
        raise RuntimeError(f"atol must be greater than or equal to zero, but got {atol}")
    a, b = input._data, other._data
    if a.dtype.kind != "f":
        return Tensor._wrap(np.asarray(a == b))
    with np.errstate(invalid="ignore", over="ignore"):
        close = (a == b) | (np.isfinite(a) & np.isfinite(b) & (np.abs(a - b) <= atol + rtol * np.abs(b)))
    if equal_nan:
        close = close | (np.isnan(a) & np.isnan(b))
    return Tensor._wrap(np.asarray(close))


def logspace(
    start: float,
    end: float,
    steps: int,
    base: float = 10.0,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """``base`` to the power of ``steps`` evenly spaced exponents from ``start`` to ``end``."""
    from engine.creation import _finish, _resolve

    if int(steps) < 0:
        raise RuntimeError("number of steps must be non-negative")
    wanted = _resolve(dtype) or np.dtype(np.float32)
    exponents = np.linspace(float(start), float(end), int(steps))
    return _finish(np.power(float(base), exponents).astype(wanted), requires_grad, device)


def tile(input: Tensor, dims: Any) -> Tensor:  # noqa: A002
    """The tensor repeated ``dims`` times per dimension (missing leading counts are 1): ``repeat``."""
    counts = (dims,) if isinstance(dims, int) else tuple(dims)
    counts = (1,) * (input._data.ndim - len(counts)) + counts
    return input.repeat(*counts)


def _tile_method(self: Tensor, *dims: Any) -> Tensor:
    return tile(self, dims[0] if len(dims) == 1 else dims)


def diff(
    input: Tensor,  # noqa: A002
    n: int = 1,
    dim: int = -1,
    prepend: Tensor | None = None,
    append: Tensor | None = None,
) -> Tensor:
    """The ``n``-th forward difference along ``dim`` (``prepend``/``append`` joined on first)."""
    from engine.join_ops import cat
    from engine.shape_ops import narrow

    ndim = input._data.ndim
    if ndim == 0:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    if n < 0:
        raise RuntimeError(f"order must be non-negative but got {n}")
    axis = _dim(dim, ndim)
    parts = [input]
    for extra, first in ((prepend, True), (append, False)):
        if extra is not None:
            if extra._data.ndim != ndim:
                raise RuntimeError("diff expects prepend or append to be the same dimension as input")
            parts.insert(0 if first else len(parts), extra)
    result = cat(parts, axis) if len(parts) > 1 else input
    for _ in range(n):
        length = result._data.shape[axis]
        if length == 0:
            break
        later, earlier = narrow(result, axis, 1, length - 1), narrow(result, axis, 0, length - 1)
        if result._data.dtype == np.bool_:
            result = Tensor._wrap(np.logical_xor(later._data, earlier._data))
        else:
            result = later - earlier
    return result


def _cumulative(cls: type, kind: Callable, input: Tensor, dim: int) -> Any:  # noqa: A002
    axis = _dim(dim, input._data.ndim)
    values = cls.apply(input, axis=axis)
    node = values.grad_fn if isinstance(values.grad_fn, cls) else None
    indices = node.indices if node is not None else _indices_of(cls, input._data, axis)
    return kind(values, Tensor._wrap(indices))


def _indices_of(cls: type, data: np.ndarray, axis: int) -> np.ndarray:
    if data.ndim == 0:
        return np.zeros((), np.int64)
    return fn._running_extreme(data, axis, cls.ufunc)[1]


def cummax(input: Tensor, dim: int) -> Any:  # noqa: A002
    """The running maximum along ``dim`` and where each was reached (``torch.return_types.cummax``)."""
    return _cumulative(fn.CummaxBackward0, return_types.cummax, input, dim)


def cummin(input: Tensor, dim: int) -> Any:  # noqa: A002
    """The running minimum along ``dim`` and where each was reached (``torch.return_types.cummin``)."""
    return _cumulative(fn.CumminBackward0, return_types.cummin, input, dim)


def bincount(input: Tensor, weights: Tensor | None = None, minlength: int = 0) -> Tensor:  # noqa: A002
    """How often each non-negative integer occurs (or the sum of its ``weights``); no graph."""
    data = input._data
    if data.dtype.kind not in "iu":
        raise NotImplementedError(f"\"bincount_cpu\" not implemented for '{input.dtype.scalar_name}'")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    if data.ndim != 1 or (data.size and data.min() < 0):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is not None and (weights._data.ndim != 1 or weights._data.shape[0] != data.shape[0]):
        raise RuntimeError("weights should be 1-d and have the same length as input")
    if weights is None:
        return Tensor._wrap(np.bincount(data, minlength=minlength).astype(np.int64))
    kind = weights._data.dtype if weights._data.dtype.kind == "f" else np.dtype(np.float64)
    return Tensor._wrap(np.bincount(data, weights._data, minlength=minlength).astype(kind))


def histc(input: Tensor, bins: int = 100, min: float = 0, max: float = 0) -> Tensor:  # noqa: A001, A002
    """Counts in ``bins`` equal bins over [min, max] (both 0: the data's range); others are left out."""
    data = input._data
    if data.dtype.kind != "f":
        raise NotImplementedError(f"\"histogram_cpu\" not implemented for '{input.dtype.scalar_name}'")
    if bins <= 0:
        raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {bins} for dimension 0")
    low, high = float(min), float(max)
    if low == high and data.size:
        low, high = float(data.min()), float(data.max())
    if low == high:
        low, high = low - 1, high + 1
    if not (np.isfinite(low) and np.isfinite(high)):
        shown = ["-nan" if np.isnan(bound) else bound for bound in (low, high)]
        raise RuntimeError(f"torch.histc: range of [{shown[0]}, {shown[1]}] is not finite")
    if low > high:
        raise RuntimeError("torch.histc: max must be larger than min")
    flat = data.reshape(-1)
    inside = flat[(flat >= low) & (flat <= high)]
    low, high = data.dtype.type(low), data.dtype.type(high)  # the bin is worked out in the input's precision
    positions = np.minimum(((inside - low) * bins / (high - low)).astype(np.int64), bins - 1)
    return Tensor._wrap(np.bincount(positions, minlength=bins).astype(data.dtype))


METHODS: dict[str, Callable] = {
    "tril": tril,
    "triu": triu,
    "roll": roll,
    "outer": outer,
    "isclose": isclose,
    "tile": _tile_method,
    "diff": diff,
    "cummax": cummax,
    "cummin": cummin,
    "bincount": bincount,
    "histc": histc,
}
