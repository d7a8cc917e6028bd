"""The user-facing math: matmul, reductions, activations, clamp/where, dtype conversion, in-place ops."""

from __future__ import annotations

from collections import namedtuple
from typing import Any

import numpy as np

from engine import dtypes, grad_mode
from engine.functions import linalg, loss, reduction, unary
from engine.functions import pointwise as pw
from engine.functions.reduction import _axes
from engine.tensor import Tensor, check_in_place

ValuesIndices = namedtuple("ValuesIndices", ["values", "indices"])  # torch.return_types.max and friends


# -- products ------------------------------------------------------------------------------------
def matmul(a: Tensor, b: Any) -> Tensor:
    a, b, arrays = pw.promoted(a, b)
    kind = linalg.matmul_function(*arrays)
    return kind.apply_to_arrays((a, b), arrays)


def mm(a: Tensor, b: Tensor) -> Tensor:
    if a.dim() != 2 or b.dim() != 2:
        raise RuntimeError("self must be a matrix" if a.dim() != 2 else "mat2 must be a matrix")
    return matmul(a, b)


def dot(a: Tensor, b: Tensor) -> Tensor:
    if a.dim() != 1 or b.dim() != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.dim()}D and {b.dim()}D tensors")
    return matmul(a, b)


def addmm(bias: Tensor, x: Tensor, w: Tensor) -> Tensor:
    """``bias + x @ w`` recorded as one AddmmBackward0 node."""
    linalg.matmul_function(x._data, w._data)
    return linalg.AddmmBackward0.apply(bias, x, w)


def linear(x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """``x @ weight.T + bias`` as PyTorch records it: addmm for 2-d input, matmul (+ add) otherwise."""
    from engine.shape_ops import reshape, t

    if x.dim() == 2 and bias is not None:
        return addmm(bias, x, t(weight))
    if bias is not None and x.dim() > 2:
        flat = reshape(x, -1, x.shape[-1])
        return reshape(addmm(bias, flat, t(weight)), *x.shape[:-1], weight.shape[0])
    out = matmul(x, t(weight))
    return out if bias is None else pw.add(out, bias)


# -- reductions ----------------------------------------------------------------------------------
def sum(a: Tensor, dim: Any = None, keepdim: bool = False, dtype: Any = None) -> Tensor:  # noqa: A001
    if dim is None:
        return reduction.SumBackward0.apply(a, dtype=None if dtype is None else dtype.numpy)
    return reduction.SumBackward1.apply(a, dim=dim, keepdim=keepdim)


def _needs_float(name: str, a: Tensor) -> None:
    if not a.is_floating_point():
        kind = {"int64": "Long", "int32": "Int", "bool": "Bool", "uint8": "Byte"}.get(a.dtype.name, a.dtype.name)
        raise RuntimeError(
            f"{name}(): could not infer output dtype. Input dtype must be either a floating point or "
            f"complex dtype. Got: {kind}"
        )


def mean(a: Tensor, dim: Any = None, keepdim: bool = False, dtype: Any = None) -> Tensor:
    if dtype is not None:
        a = a.to(dtype)
    _needs_float("mean", a)
    if dim is None:
        return reduction.MeanBackward0.apply(a)
    return reduction.MeanBackward1.apply(a, dim=dim, keepdim=keepdim)


def max(a: Tensor, dim: Any = None, keepdim: bool = False, other: Any = None) -> Any:  # noqa: A001
    return _extreme_call(reduction.MaxBackward1, reduction.MaxBackward0, np.argmax, a, dim, keepdim, other)


def min(a: Tensor, dim: Any = None, keepdim: bool = False, other: Any = None) -> Any:  # noqa: A001
    return _extreme_call(reduction.MinBackward1, reduction.MinBackward0, np.argmin, a, dim, keepdim, other)


def _extreme_call(whole, along, pick, a, dim, keepdim, other):
    if isinstance(dim, Tensor):
        dim, other = None, dim
    if other is not None:
        cls = unary.MaximumBackward0 if whole is reduction.MaxBackward1 else unary.MinimumBackward0
        return pw.binary(cls, a, other)
    if dim is None:
        return whole.apply(a)
    values = along.apply(a, dim=dim, keepdim=keepdim)
    axis = _axes(dim, a.ndim)[0] if a.ndim else None
    if axis is None:
        indices = np.zeros((), dtype=np.int64)
    else:
        indices = pick(a._data, axis=axis)
        indices = np.expand_dims(indices, axis) if keepdim else indices
    return ValuesIndices(values, Tensor._wrap(indices.astype(np.int64)))


def maximum(a: Tensor, b: Tensor) -> Tensor:
    return pw.binary(unary.MaximumBackward0, a, b)


def minimum(a: Tensor, b: Tensor) -> Tensor:
    return pw.binary(unary.MinimumBackward0, a, b)


def amax(a: Tensor, dim: Any = (), keepdim: bool = False) -> Tensor:
    return reduction.AmaxBackward0.apply(a, dim=None if dim == () else dim, keepdim=keepdim)


def argmax(a: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    return _arg(np.argmax, a, dim, keepdim)


def argmin(a: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    return _arg(np.argmin, a, dim, keepdim)


def _arg(pick: Any, a: Tensor, dim: int | None, keepdim: bool) -> Tensor:
    if dim is None:
        return Tensor._wrap(np.asarray(pick(a._data), dtype=np.int64))
    (axis,) = _axes(dim, a.ndim) or (0,)
    result = pick(a._data, axis=axis, keepdims=keepdim) if a.ndim else np.zeros((), np.int64)
    return Tensor._wrap(np.asarray(result, dtype=np.int64))


def norm(a: Tensor, p: Any = "fro", dim: Any = None, keepdim: bool = False) -> Tensor:
    if p not in ("fro", 2, 2.0, None):
        if p == 1 or p == 1.0:
            return sum(a.abs(), dim=dim, keepdim=keepdim)
        raise NotImplementedError(f"norm with p={p!r} is not supported here; use p=2 or p=1")
    return reduction.LinalgVectorNormBackward0.apply(a, dim=dim, keepdim=keepdim)


def var(a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *,
        correction: int | None = None) -> Tensor:
    fix = (1 if unbiased else 0) if correction is None else correction
    return reduction.VarBackward0.apply(a, dim=dim, correction=fix, keepdim=keepdim)


def std(a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *,
        correction: int | None = None) -> Tensor:
    fix = (1 if unbiased else 0) if correction is None else correction
    return reduction.StdBackward0.apply(a, dim=dim, correction=fix, keepdim=keepdim)


def logsumexp(a: Tensor, dim: Any, keepdim: bool = False) -> Tensor:
    return reduction.LogsumexpBackward0.apply(a, dim=dim, keepdim=keepdim)


def softmax(a: Tensor, dim: int = -1, dtype: Any = None) -> Tensor:
    return reduction.SoftmaxBackward0.apply(a if dtype is None else a.to(dtype), dim=dim)


def log_softmax(a: Tensor, dim: int = -1, dtype: Any = None) -> Tensor:
    return reduction.LogSoftmaxBackward0.apply(a if dtype is None else a.to(dtype), dim=dim)


# -- element-wise with options -------------------------------------------------------------------
def clamp(a: Tensor, min: Any = None, max: Any = None) -> Tensor:  # noqa: A002
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    return unary.ClampBackward1.apply(a, low=min, high=max)


def where(condition: Tensor, a: Any, b: Any) -> Tensor:
    a, b, arrays = pw.promoted(a, b)
    return unary.WhereBackward0.apply_to_arrays((a, b), arrays, condition=np.asarray(condition._data, bool))


def mse_loss(pred: Tensor, target: Tensor, reduction: str = "mean") -> Tensor:
    if pred.shape != target.shape:
        import warnings

        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size ({pred.shape}). "
            "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
            "same size.", UserWarning, stacklevel=3,
        )
    pred, target, arrays = pw.promoted(pred, target)
    return loss.MseLossBackward0.apply_to_arrays((pred, target), arrays, reduction=reduction)


# -- dtype conversion ----------------------------------------------------------------------------
def to(a: Tensor, *args: Any, **kwargs: Any) -> Tensor:
    """``x.to(torch.float64)``, ``x.to("cpu")``, ``x.to(other)``: a dtype change is recorded."""
    target = kwargs.get("dtype")
    for arg in args:
        if isinstance(arg, dtypes.dtype):
            target = arg
        elif isinstance(arg, Tensor):
            target = arg.dtype
        elif arg is not None and "cuda" in str(arg):
            raise AssertionError("Torch not compiled with CUDA enabled")
    device = kwargs.get("device")
    if device is not None and "cuda" in str(device):
        raise AssertionError("Torch not compiled with CUDA enabled")
    if target is None or target is a.dtype:
        return a
    return unary.ToCopyBackward0.apply(a, dtype=target.numpy)


# -- in place ------------------------------------------------------------------------------------
def in_place(a: Tensor, function: Any, *args: Any, **kwargs: Any) -> Tensor:
    """Run an out-of-place op and make ``a`` hold the result.

    Outside a graph, the values are written into ``a``'s own memory (views and numpy arrays that
    share it see the change). Inside a graph, ``a`` takes the new node as its ``grad_fn``.
    """
    check_in_place(a)
    result = function(a, *args, **kwargs)
    if result.grad_fn is not None and grad_mode.is_grad_enabled():
        a._data, a.grad_fn, a._requires_grad = result._data, result.grad_fn, True
    else:
        np.copyto(a._data, result._data, casting="unsafe")
    a._version_box[0] += 1
    return a


def fill_(a: Tensor, value: Any) -> Tensor:
    check_in_place(a)
    a._data[...] = value._data if isinstance(value, Tensor) else value
    a._version_box[0] += 1
    return a


def zero_(a: Tensor) -> Tensor:
    return fill_(a, 0)


def copy_(a: Tensor, source: Any) -> Tensor:
    check_in_place(a)
    a._data[...] = source._data if isinstance(source, Tensor) else source
    a._version_box[0] += 1
    return a


def uniform_(a: Tensor, low: float = 0.0, high: float = 1.0) -> Tensor:
    from engine.creation import generator

    return copy_(a, generator().uniform(low, high, a._data.shape))


def normal_(a: Tensor, mean: float = 0.0, std: float = 1.0) -> Tensor:
    from engine.creation import generator

    return copy_(a, generator().normal(mean, std, a._data.shape))
