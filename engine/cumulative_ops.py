"""``logcumsumexp``, and the trapezoid rule: ``trapezoid`` (alias ``trapz``) and ``cumulative_trapezoid``,
built from the steps PyTorch records (selects or slices, adds, products, a sum or cumsum)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine.functions import cumulative as nodes
from engine.functions import pointwise as pw
from engine.functions.promotion import _check_broadcast
from engine.product_add_ops import need_tensors
from engine.shape_ops import _dim, narrow, view
from engine.tensor import Tensor

_NO_DIM = object()  # logcumsumexp's dim has no default: PyTorch's own words when it is left out


def logcumsumexp(input: Tensor, dim: Any = _NO_DIM) -> Tensor:  # noqa: A002 - PyTorch's argument names
    """log(exp(x₀) + … + exp(xᵢ)) for each i along ``dim``, without overflow."""
    if dim is _NO_DIM:
        raise TypeError('logcumsumexp() missing 1 required positional arguments: "dim"')
    if not input.is_floating_point():
        raise NotImplementedError(f"\"logcumsumexp_out_cpu\" not implemented for '{input.dtype.scalar_name}'")
    return nodes.LogcumsumexpBackward0.apply(input, axis=_dim(dim, input.dim()))


def _by_number(cls: type, a: Tensor, number: Any) -> Tensor:
    """``a * number`` or ``a / number`` as PyTorch's C++ code does it (MulBackward1, DivBackward1)."""
    a, number, arrays = pw.promoted(a, number, floating=cls is nodes.DivBackward1)
    return cls.apply_to_arrays((a,), arrays[:1], other=arrays[1])


def _invalid(function: str, signatures: tuple[str, ...], positional: tuple, keywords: dict) -> TypeError:
    """PyTorch's refusal of arguments that fit none of the function's signatures."""
    kinds = [type(value).__name__ for value in positional]
    kinds += [
        f"{name}={type(value).__name__}" for name, value in reversed(keywords.items()) if value is not None
    ]
    listed = "".join(f" * ({signature})\n" for signature in signatures)
    return TypeError(
        f"{function}() received an invalid combination of arguments - got ({', '.join(kinds)}), but expected "
        f"one of:\n{listed}"
    )


_SIGNATURES = {
    "trapezoid": ("Tensor y, Tensor x, *, int dim = -1", "Tensor y, *, Number dx = 1, int dim = -1"),
    "trapz": ("Tensor y, *, float dx = 1, int dim = -1", "Tensor y, Tensor x, *, int dim = -1"),
    "cumulative_trapezoid": (
        "Tensor y, Tensor x, *, int dim = -1",
        "Tensor y, *, Number dx = 1, int dim = -1",
    ),
}


def _arguments(function: str, y: Any, x: Any, dx: Any) -> None:
    """The checks of PyTorch's argument parser and of its first lines."""
    need_tensors(function, y=y)
    if x is not None and (dx is not None or not isinstance(x, Tensor)):  # x read as given by position
        raise _invalid(function, _SIGNATURES[function], (y, x), {"dx": dx})
    if x is None and isinstance(dx, bool):
        raise RuntimeError(f"{function}: Currently, we only support dx as a real number.")
    bad = y.dtype.name == "bool" or (x is not None and x.dtype.name == "bool")
    if bad:
        which = "`y`" if x is None else "`x` or `y`"
        raise RuntimeError(f"{function}: received a bool input for {which}, but bool is not supported")


def _ends(y: Tensor, axis: int) -> tuple[Tensor, Tensor]:
    """y without its first sample, and without its last, along ``axis`` (SliceBackward0 each)."""
    count = y.shape[axis]
    return narrow(y, axis, min(1, count), max(count - 1, 0)), narrow(y, axis, 0, max(count - 1, 0))


def _spacings(x: Tensor, y: Tensor, axis: int, function: str) -> Tensor:
    """x[i+1] - x[i] along ``axis``; a 1-d x is first viewed along ``axis`` of y."""
    if x.dim() == 0:  # PyTorch takes it as no spacings at all: an error or zeros, once broadcast against y
        shape = [1] * y.dim()
        shape[axis] = 0
        return Tensor._wrap(np.zeros(shape, dtype=x._data.dtype))
    if x.dim() == 1:
        if x.shape[0] != y.shape[axis]:
            raise RuntimeError(f"{function}: There must be one `x` value for each sample point")
        shape = [1] * y.dim()
        shape[axis] = x.shape[0]
        x = view(x, shape)
    later, earlier = _ends(x, axis)
    return pw.sub(later, earlier)


def _dim_of(y: Tensor, dim: int, given_x: bool) -> int:
    """``dim`` made non-negative; a 0-d y has none (with x, PyTorch names the dim after wrapping it)."""
    if not y.dim():
        raise IndexError(
            f"Dimension specified as {_dim(dim, 0) if given_x else dim} but tensor has no dimensions"
        )
    return _dim(dim, y.dim())


def trapezoid(y: Tensor, x: Tensor | None = None, *, dx: Any = None, dim: int = -1) -> Tensor:
    """The area under the samples ``y`` along ``dim`` by the trapezoid rule, at spacing ``dx`` or at
    positions ``x``."""
    return _trapezoid("trapezoid", y, x, dx, dim)


def trapz(y: Tensor, x: Tensor | None = None, *, dx: Any = None, dim: int = -1) -> Tensor:
    """The older name of ``trapezoid``."""
    return _trapezoid("trapz", y, x, dx, dim)


def _trapezoid(function: str, y: Tensor, x: Any, dx: Any, dim: int) -> Tensor:
    from engine.creation import zeros

    _arguments(function, y, x, dx)
    dx = dx.item() if isinstance(dx, Tensor) else dx
    axis = _dim_of(y, dim, x is not None)
    if not y.shape[axis]:
        return zeros(*(size for position, size in enumerate(y.shape) if position != axis), dtype=y.dtype)
    if x is None:  # (Σy - (first + last)/2)·dx
        first, last = y[(slice(None),) * axis + (0,)], y[(slice(None),) * axis + (-1,)]
        ends = _by_number(nodes.MulBackward1, pw.add(first, last), 0.5)
        return _by_number(nodes.MulBackward1, pw.sub(y.sum(axis), ends), 1 if dx is None else dx)
    later, earlier = _ends(y, axis)
    areas = pw.mul(pw.add(later, earlier), _spacings(x, y, axis, function))
    return _by_number(nodes.DivBackward1, areas.sum(axis), 2)


def cumulative_trapezoid(y: Tensor, x: Tensor | None = None, *, dx: Any = None, dim: int = -1) -> Tensor:
    """The running area under ``y`` along ``dim`` (one value fewer than samples), at spacing ``dx`` or at
    positions ``x``."""
    _arguments("cumulative_trapezoid", y, x, dx)
    dx = dx.item() if isinstance(dx, Tensor) else dx
    if not y.dim():
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")
    axis = _dim(dim, y.dim())
    later, earlier = _ends(y, axis)
    if x is None:
        return _by_number(nodes.MulBackward1, pw.add(later, earlier), (1 if dx is None else dx) / 2).cumsum(
            axis
        )
    spacings = _spacings(x, y, axis, "cumulative_trapezoid")
    _check_broadcast(later._data, spacings._data)
    areas = pw.mul(pw.add(later, earlier), spacings)
    return _by_number(nodes.DivBackward1, areas.cumsum(axis), 2)


METHODS: dict[str, Callable] = {"logcumsumexp": logcumsumexp}
