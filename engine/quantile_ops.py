"""``quantile`` and ``nanquantile``: the values below which a share ``q`` of the elements lie, computed with
the operations PyTorch computes them with (a sort, the ranks q·(n - 1), two gathers and an in-place lerp
between them), so that values, gradients and the graph are PyTorch's."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes
from engine.shape_ops import _dim
from engine.tensor import Tensor
from engine.type_info import scalar_tensor

INTERPOLATIONS = ("linear", "lower", "higher", "midpoint", "nearest")


def quantile(
    input: Tensor,  # noqa: A002 - PyTorch's names
    q: Any,
    dim: int | None = None,
    keepdim: bool = False,
    *,
    interpolation: str = "linear",
) -> Tensor:
    """The ``q``-quantiles (a number, or one per entry of a 1-d ``q``, first) over ``dim`` or everything; a
    NaN makes its quantiles NaN. Between two elements, ``interpolation`` picks or mixes them."""
    return _quantile(input, q, dim, keepdim, interpolation, skips_nan=False)


def nanquantile(
    input: Tensor,  # noqa: A002
    q: Any,
    dim: int | None = None,
    keepdim: bool = False,
    *,
    interpolation: str = "linear",
) -> Tensor:
    """``quantile`` of the elements that are not NaN (NaN where every one is)."""
    return _quantile(input, q, dim, keepdim, interpolation, skips_nan=True)


def _quantile(
    input: Tensor, q: Any, dim: int | None, keepdim: bool, interpolation: str, skips_nan: bool
) -> Tensor:  # noqa: A002
    if not isinstance(q, Tensor):
        if not isinstance(q, int | float) or isinstance(q, bool):
            raise TypeError(f"quantile(): argument 'q' must be Tensor or float, not {type(q).__name__}")
        if not 0 <= q <= 1:
            raise RuntimeError(f"quantile() q must be in the range [0, 1] but got {q:g}")
    if interpolation not in INTERPOLATIONS:
        raise RuntimeError(
            "quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got "
            f"{interpolation}"
        )
    _check(input, q)
    q = q if isinstance(q, Tensor) else scalar_tensor(q, dtype=input.dtype)
    axis = None if dim is None else _dim(dim, input.dim())
    shape = _output_shape(input, axis, keepdim)
    rows = sorted_rows(input, axis).view(*shape[1:], -1)  # (*, N): each row what one quantile reads
    ranks = _ranks(rows, q, skips_nan)
    if interpolation == "lower":
        ranks.floor_()
    elif interpolation == "higher":
        ranks.ceil_()
    elif interpolation == "nearest":
        ranks.round_()
    below = ranks.long()
    values = rows.gather(-1, below)
    if interpolation in ("linear", "midpoint"):
        weights = ranks.new_full(ranks.shape, 0.5) if interpolation == "midpoint" else ranks - below
        values.lerp_(rows.gather(-1, ranks.ceil_().long()), weights)
    if not q.dim():
        return values.squeeze_(-1)
    return values.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)  # the quantiles first


def _check(input: Tensor, q: Any) -> None:  # noqa: A002
    if not input.numel():
        raise RuntimeError("quantile() input tensor must be non-empty")
    if isinstance(q, Tensor) and q.dim() > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if input.dtype not in (dtypes.float32, dtypes.float64):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if isinstance(q, Tensor):
        if q.dtype is not input.dtype:
            raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
        if not ((q._data >= 0) & (q._data <= 1)).all():
            raise RuntimeError("quantile() q values must be in the range [0, 1]")


def _output_shape(input: Tensor, axis: int | None, keepdim: bool) -> list[int]:  # noqa: A002
    """The result's shape with the quantiles' dimension first (1 for a single ``q``)."""
    shape = list(input.shape)
    if axis is not None and input.dim():
        shape[axis : axis + 1] = [1] if keepdim else []
    elif axis is None:
        shape = [1] * input.dim() if keepdim else []
    return [1, *shape]


def sorted_rows(input: Tensor, axis: int | None) -> Tensor:  # noqa: A002
    """``input`` sorted along ``axis`` moved last (everything, flattened, when None)."""
    if axis is None:
        return input.flatten().sort().values
    if axis == input.dim() - 1 or not input.dim():
        return input.sort().values
    return input.unsqueeze(-1).transpose(axis, -1).sort().values


def _ranks(rows: Tensor, q: Tensor, skips_nan: bool) -> Tensor:
    """Where each quantile falls in its sorted row: q·(n - 1), counting the numbers only (NaN sorts last)
    when NaNs are skipped; the last place, so NaN, in a row with a NaN otherwise."""
    if skips_nan:
        ranks = q * (rows.isnan().logical_not_().sum(-1, True) - 1)
        return ranks.masked_fill_(ranks < 0, 0)
    last = rows.shape[-1] - 1
    ranks, has_nan = q * last, rows.isnan().any(-1, True)
    shape = np.broadcast_shapes(ranks.shape, has_nan.shape)
    ranks = ranks if ranks.shape == shape else ranks.expand(shape)
    has_nan = has_nan if has_nan.shape == shape else has_nan.expand(shape)
    return ranks.masked_fill(has_nan, last)


METHODS = {"quantile": quantile, "nanquantile": nanquantile}
