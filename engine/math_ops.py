"""The user-facing math: matmul, reductions, activations, clamp/where, dtype conversion, in-place ops."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, return_types
from engine.devices import place_on_cpu
from engine.functions import loss, moments, reduction, unary, unary_extra
from engine.functions import pointwise as pw
from engine.functions.reduction import _axes
from engine.tensor import Tensor


# -- reductions ----------------------------------------------------------------------------------
def sum(a: Tensor, dim: Any = None, keepdim: bool = False, dtype: Any = None) -> Tensor:  # noqa: A001
    if dim is None:
        return reduction.SumBackward0.apply(a, dtype=None if dtype is None else dtype.numpy)
    return reduction.SumBackward1.apply(a, dim=dim, keepdim=keepdim)


def _needs_float(name: str, a: Tensor) -> None:
    if not a.is_floating_point():
        names = {"int64": "Long", "int32": "Int", "bool": "Bool", "uint8": "Byte"}
        kind = names.get(a.dtype.name, a.dtype.name)
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
    pair = return_types.max if whole is reduction.MaxBackward1 else return_types.min
    return pair(values, Tensor._wrap(indices.astype(np.int64)))


def maximum(a: Tensor, b: Tensor) -> Tensor:
    return pw.binary(unary.MaximumBackward0, a, b)


def minimum(a: Tensor, b: Tensor) -> Tensor:
    return pw.binary(unary.MinimumBackward0, a, b)


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


def _kind(a: Tensor) -> str:
    """PyTorch's scalar-type name (Long, Float ...) used in its error messages."""
    return a.dtype.scalar_name


def norm(a: Tensor, p: Any = "fro", dim: Any = None, keepdim: bool = False) -> Tensor:
    """``torch.norm``: a vector norm of order ``p`` (2 for "fro") over ``dim``; "nuc" is the nuclear norm."""
    from engine import linalg

    if p == "nuc":
        return linalg.matrix_norm(a, "nuc", dim=(-2, -1) if dim is None else dim, keepdim=keepdim)
    return linalg.vector_norm(a, 2 if p in ("fro", None) else p, dim=dim, keepdim=keepdim)


def var(
    a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *, correction: int | None = None
) -> Tensor:
    fix = (1 if unbiased else 0) if correction is None else correction
    _var_needs_float(a)
    return reduction.VarBackward0.apply(a, dim=dim, correction=fix, keepdim=keepdim)


def std(
    a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *, correction: int | None = None
) -> Tensor:
    fix = (1 if unbiased else 0) if correction is None else correction
    _var_needs_float(a)
    return reduction.StdBackward0.apply(a, dim=dim, correction=fix, keepdim=keepdim)


def _with_mean(
    kind: type, name: str, a: Tensor, dim: Any, unbiased: bool, keepdim: bool, correction: Any
) -> tuple:
    """``var_mean`` / ``std_mean``: a plain tuple (spread, mean), as PyTorch returns."""
    if isinstance(dim, bool):  # the overload std_mean(input, unbiased)
        dim, unbiased = None, dim
    if not a.is_floating_point():
        raise RuntimeError(f"{name} only support floating point and complex dtypes")
    fix = (1 if unbiased else 0) if correction is None else correction
    options = {"dim": dim, "correction": fix, "keepdim": keepdim}
    return kind.apply(a, output=0, **options), kind.apply(a, output=1, **options)


def var_mean(
    a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *, correction: int | None = None
) -> tuple[Tensor, Tensor]:
    return _with_mean(moments.VarMeanBackward0, "var_mean", a, dim, unbiased, keepdim, correction)


def std_mean(
    a: Tensor, dim: Any = None, unbiased: bool = True, keepdim: bool = False, *, correction: int | None = None
) -> tuple[Tensor, Tensor]:
    return _with_mean(moments.StdMeanBackward0, "std_mean", a, dim, unbiased, keepdim, correction)


def logsumexp(a: Tensor, dim: Any, keepdim: bool = False) -> Tensor:
    return reduction.LogsumexpBackward0.apply(a, dim=dim, keepdim=keepdim)


def _var_needs_float(a: Tensor) -> None:
    if not a.is_floating_point():
        raise RuntimeError("std and var only support floating point and complex dtypes")


def _softmax_needs_float(name: str, a: Tensor, dim: int) -> None:
    if not a.is_floating_point():
        last = a.ndim == 0 or dim % a.ndim == a.ndim - 1
        kernel = f"{name}_lastdim_kernel_impl" if last else f"{name}_kernel_impl"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_kind(a)}'")


IMPLICIT_DIM_WARNING = (
    "Implicit dimension choice for {} has been deprecated. Change the call to include dim=X as an argument."
)
MISSING_DIM = '{}() missing 1 required positional arguments: "dim"'
NO_DIM = object()  # torch.softmax(x) and x.softmax(): dim left out, which PyTorch refuses


def _softmax_dim(name: str, a: Tensor, dim: Any, stacklevel: int) -> int:
    """The dim to use: refused when left out of ``torch.softmax`` or the method; chosen by PyTorch's old rule
    (0 for 0-, 1- and 3-d input, else 1), with its warning, when ``F.softmax`` or ``nn.Softmax`` got None."""
    if dim is NO_DIM:
        raise TypeError(MISSING_DIM.format(name))
    if dim is not None:
        return dim
    import warnings

    warnings.warn(IMPLICIT_DIM_WARNING.format(name), UserWarning, stacklevel=stacklevel + 1)
    return 0 if a.ndim in (0, 1, 3) else 1


def softmax(a: Tensor, dim: Any = NO_DIM, dtype: Any = None, _stacklevel: int = 2) -> Tensor:
    """``torch.softmax``; ``_stacklevel``: which caller a missing-dim warning names (as PyTorch's F)."""
    dim = _softmax_dim("softmax", a, dim, _stacklevel)
    a = a if dtype is None else a.to(dtype)
    _softmax_needs_float("softmax", a, dim)
    return reduction.SoftmaxBackward0.apply(a, dim=dim)


def log_softmax(a: Tensor, dim: Any = NO_DIM, dtype: Any = None, _stacklevel: int = 2) -> Tensor:
    dim = _softmax_dim("log_softmax", a, dim, _stacklevel)
    a = a if dtype is None else a.to(dtype)
    _softmax_needs_float("log_softmax", a, dim)
    return reduction.LogSoftmaxBackward0.apply(a, dim=dim)


# -- element-wise with options -------------------------------------------------------------------
def clamp(a: Tensor, min: Any = None, max: Any = None) -> Tensor:  # noqa: A002
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):  # tensor bounds: they are inputs of the graph
        target = dtypes.result_type([b for b in (a, min, max) if b is not None])
        low, high = (None if b is None else _as_tensor_of(b, target) for b in (min, max))
        return unary_extra.ClampBackward0.apply(_as_tensor_of(a, target), low, high)
    bounds = [b for b in (min, max) if isinstance(b, int | float)]
    target = dtypes.result_type([a, *bounds])
    if target is not a.dtype:  # an integer tensor clamped to float bounds gives floats, as in PyTorch
        a = to(a, target)
    return unary.ClampBackward1.apply(a, low=min, high=max)


def _as_tensor_of(value: Any, target: dtypes.dtype) -> Tensor:
    if isinstance(value, Tensor):
        return value if value.dtype is target else to(value, target)
    return Tensor._wrap(np.asarray(value, dtype=target.numpy))


NO_OPERAND = object()  # torch.where(condition) alone: the indices where it holds
UINT8_CONDITION = (
    "where received a uint8 condition tensor. This behavior is deprecated and will be removed in a future "
    "version of PyTorch. Use a boolean condition instead."
)


def where(condition: Tensor, a: Any = NO_OPERAND, b: Any = NO_OPERAND) -> Any:
    """``a`` where ``condition`` holds, ``b`` elsewhere; the condition alone: ``nonzero(as_tuple=True)``."""
    if a is NO_OPERAND and b is NO_OPERAND:
        return condition.nonzero(as_tuple=True)
    kind = condition._data.dtype
    if kind == np.uint8:
        import warnings

        warnings.warn(UINT8_CONDITION, UserWarning, stacklevel=2)
    elif kind != np.bool_:
        name = dtypes.BY_NUMPY[kind].scalar_name
        raise RuntimeError(
            f"where expected condition to be a boolean tensor, but got a tensor with dtype {name}"
        )
    a, b, arrays = pw.promoted(a, b)
    return unary.WhereBackward0.apply_to_arrays((a, b), arrays, condition=np.asarray(condition._data, bool))


def mse_loss(pred: Tensor, target: Tensor, reduction: str = "mean") -> Tensor:
    if pred.shape != target.shape:
        import warnings

        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size ({pred.shape}). "
            "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
            "same size.",
            UserWarning,
            stacklevel=3,
        )
    if reduction not in ("mean", "sum", "none"):  # checked after the size warning, as PyTorch does
        raise ValueError(f"{reduction} is not a valid value for reduction")
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
        else:
            place_on_cpu(arg)
    place_on_cpu(kwargs.get("device"))
    if target is None or target is a.dtype:
        return a
    if not target.is_floating_point:  # integer and bool results carry no gradient in PyTorch
        return Tensor._wrap(a._data.astype(target.numpy))
    return unary.ToCopyBackward0.apply(a, dtype=target.numpy)
