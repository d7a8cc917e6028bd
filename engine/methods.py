"""The Tensor's operators and methods, bound in one table to the functions that implement them."""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

from engine import (
    dtypes,
    in_place_ops,
    join_ops,
    math_ops,
    memory_layout,
    product_ops,
    repeat_ops,
    shape_ops,
    zero_dim,
)
from engine.data_checks import new_tensor
from engine.devices import place_on_cpu
from engine.functions import pointwise as pw
from engine.functions import unary
from engine.tensor import Tensor

UNARY_METAS = zero_dim.UNARY_METAS


def _unary(cls: type) -> Any:
    forward, (low, high) = cls.scalar_forward, cls.scalar_range

    def method(self: Tensor) -> Tensor:
        data = self._data
        dtype = data.dtype
        metas = UNARY_METAS.get(dtype)
        if metas is not None:  # float32, float64: the scalar lane (zero_dim.unary, inline) for a 0-d one
            if not data.ndim and forward is not None and zero_dim.ENABLED:
                x = data[()]
                if low < x < high:
                    return zero_dim.made(cls, self, forward(x), None, metas)
            return cls.apply_to_arrays((self,), [data])
        if dtype.kind == "f":  # speed: floating input needs no conversion (unary.floating_only)
            return cls.apply_to_arrays((self,), [data])
        return unary.unary(cls, self)

    method.__name__ = cls.symbol
    return method


def _reflected(function: Any) -> Any:
    return lambda self, other: function(other, self)


def _converter(target: dtypes.dtype) -> Any:
    return lambda self, memory_format=None: math_ops.to(self, target)


def _stride(self: Tensor, dim: int | None = None) -> Any:
    """Elements to step over in memory to reach the next index of each dimension (or of ``dim``)."""
    data = self._data
    strides = tuple(step // data.itemsize for step in data.strides)
    return strides if dim is None else strides[shape_ops._dim(dim, data.ndim)]


def _type(self: Tensor, dtype: Any = None, non_blocking: bool = False) -> Any:
    """``x.type()``: the old type name ("torch.FloatTensor"); ``x.type(t)``: converted to a dtype, an old
    typed constructor (``torch.FloatTensor``) or its name."""
    if dtype is None:
        return f"torch.{self.dtype.scalar_name}Tensor"
    if isinstance(dtype, str):
        named = {f"torch.{kind.scalar_name}Tensor": kind for kind in dtypes.ALL}
        if dtype not in named:
            raise ValueError(f"invalid type: '{dtype}'")
        dtype = named[dtype]
    dtype = getattr(dtype, "_dtype", dtype)
    if not isinstance(dtype, dtypes.dtype):
        raise TypeError("dtype must be a type, str, or dtype object")
    return math_ops.to(self, dtype)


def _to_cuda(
    self: Tensor, device: Any = None, non_blocking: bool = False, memory_format: Any = None
) -> Tensor:
    """``x.cuda()``: PyTorch's refusal on a CPU-only build (``devices.place_on_cpu``)."""
    place_on_cpu("cuda")
    return self


def _new(fill: Any) -> Any:
    def method(
        self: Tensor, *size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False
    ) -> Tensor:
        from engine.creation import _shape

        place_on_cpu(device)
        data = np.full(_shape(size), fill, dtype=(dtype or self.dtype).numpy)
        return Tensor._wrap(data, requires_grad)

    return method


def _compare(ufunc: np.ufunc) -> Any:
    return lambda self, other: pw.compare(ufunc, self, other)


def _logical(ufunc: np.ufunc) -> Any:
    return lambda self, other: pw.logical(ufunc, self, other)


def _invert(self: Tensor) -> Tensor:
    if self._data.dtype.kind == "f":
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return Tensor._wrap(np.invert(self._data))


def _truth(reducer: Any, self: Tensor, dim: int | None, keepdim: bool) -> Tensor:
    """``all``/``any``: bool results, no graph."""
    return Tensor._wrap(np.asarray(reducer(self._data, axis=dim, keepdims=keepdim)))


def _equal(self: Tensor, other: Tensor) -> bool:
    return self.shape == other.shape and bool(np.array_equal(self._data, other._data))


def _allclose(self: Tensor, other: Tensor, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    return bool(np.allclose(self._data, other._data, rtol=rtol, atol=atol))


def _add_method(self: Tensor, other: Any, *, alpha: float = 1) -> Tensor:
    return pw.add(self, other, alpha=alpha)


def _sub_method(self: Tensor, other: Any, *, alpha: float = 1) -> Tensor:
    return pw.sub(self, other, alpha=alpha)


METHODS: dict[str, Any] = {
    # arithmetic operators
    "__add__": pw.add,
    "__radd__": pw.add,
    "__sub__": pw.sub,
    "__rsub__": pw.rsub,
    "__mul__": pw.mul,
    "__rmul__": pw.mul,
    "__truediv__": pw.div,
    "__rtruediv__": pw.rdiv,
    "__pow__": pw.pow,
    "__rpow__": _reflected(pw.pow),
    "__neg__": pw.neg,
    "__matmul__": product_ops.matmul,
    "__rmatmul__": _reflected(product_ops.matmul),
    "__abs__": _unary(unary.AbsBackward0),
    "__iadd__": in_place_ops.in_place_method(pw.add),
    "__isub__": in_place_ops.in_place_method(pw.sub),
    "__imul__": in_place_ops.in_place_method(pw.mul),
    "__itruediv__": in_place_ops.in_place_method(pw.div),
    # comparisons and logic (bool results, no graph)
    "__eq__": _compare(np.equal),
    "__ne__": _compare(np.not_equal),
    "__lt__": _compare(np.less),
    "__le__": _compare(np.less_equal),
    "__gt__": _compare(np.greater),
    "__ge__": _compare(np.greater_equal),
    "__and__": _logical(np.bitwise_and),
    "__or__": _logical(np.bitwise_or),
    "__xor__": _logical(np.bitwise_xor),
    "__invert__": _invert,
    "eq": _compare(np.equal),
    "ne": _compare(np.not_equal),
    "lt": _compare(np.less),
    "le": _compare(np.less_equal),
    "gt": _compare(np.greater),
    "ge": _compare(np.greater_equal),
    "all": lambda self, dim=None, keepdim=False: _truth(np.all, self, dim, keepdim),
    "any": lambda self, dim=None, keepdim=False: _truth(np.any, self, dim, keepdim),
    "equal": _equal,
    "allclose": _allclose,
    # method forms of the arithmetic
    "add": _add_method,
    "sub": _sub_method,
    "mul": pw.mul,
    "multiply": pw.mul,
    "div": pw.div,
    "divide": pw.div,
    "true_divide": pw.div,
    "pow": pw.pow,
    "neg": pw.neg,
    "negative": pw.neg,
    "matmul": product_ops.matmul,
    "mm": product_ops.mm,
    "bmm": product_ops.bmm,
    "dot": product_ops.dot,
    "square": lambda self: pw.pow(self, 2),
    "abs": _unary(unary.AbsBackward0),
    "exp": _unary(unary.ExpBackward0),
    "log": _unary(unary.LogBackward0),
    "sqrt": _unary(unary.SqrtBackward0),
    "sin": _unary(unary.SinBackward0),
    "cos": _unary(unary.CosBackward0),
    "tanh": _unary(unary.TanhBackward0),
    "sigmoid": _unary(unary.SigmoidBackward0),
    "relu": _unary(unary.ReluBackward0),
    "clamp": math_ops.clamp,
    "clip": math_ops.clamp,
    "maximum": math_ops.maximum,
    "minimum": math_ops.minimum,
    # reductions
    "sum": math_ops.sum,
    "mean": math_ops.mean,
    "max": math_ops.max,
    "min": math_ops.min,
    "argmax": math_ops.argmax,
    "argmin": math_ops.argmin,
    "norm": math_ops.norm,
    "var": math_ops.var,
    "std": math_ops.std,
    "logsumexp": math_ops.logsumexp,
    "softmax": math_ops.softmax,
    "log_softmax": math_ops.log_softmax,
    # shapes and indexing
    "reshape": shape_ops.reshape,
    "view": shape_ops.view,
    "flatten": shape_ops.flatten,
    "unflatten": shape_ops.unflatten,
    "squeeze": shape_ops.squeeze,
    "unsqueeze": shape_ops.unsqueeze,
    "transpose": shape_ops.transpose,
    "t": shape_ops.t,
    "permute": shape_ops.permute,
    "expand": shape_ops.expand,
    "repeat": shape_ops.repeat,
    "split": join_ops.split,
    "split_with_sizes": join_ops.split_with_sizes,
    "addmm": product_ops.addmm,
    "chunk": join_ops.chunk,
    "unsafe_chunk": join_ops.unsafe_chunk,
    "unsafe_split": join_ops.unsafe_split,
    "unbind": join_ops.unbind,
    "clone": shape_ops.clone,
    "contiguous": shape_ops.contiguous,
    "narrow": shape_ops.narrow,
    "__getitem__": shape_ops.getitem,
    "__setitem__": shape_ops.setitem,
    "view_as": lambda self, other: shape_ops.view(self, other.shape),
    "reshape_as": lambda self, other: shape_ops.reshape(self, other.shape),
    "expand_as": lambda self, other: shape_ops.expand(self, other.shape),
    "is_contiguous": lambda self, memory_format=None: bool(self._data.flags.c_contiguous),
    "stride": _stride,
    "index_select": lambda self, dim, index: repeat_ops.index_select(self, dim, index),
    "repeat_interleave": lambda self, *args, **kwargs: repeat_ops.repeat_interleave(self, *args, **kwargs),
    # dtype and device
    "to": math_ops.to,
    "type": _type,
    "float": _converter(dtypes.float32),
    "double": _converter(dtypes.float64),
    "half": _converter(dtypes.float16),
    "long": _converter(dtypes.int64),
    "int": _converter(dtypes.int32),
    "bool": _converter(dtypes.bool_),
    "short": _converter(dtypes.int16),
    "byte": _converter(dtypes.uint8),
    "cpu": lambda self, memory_format=None: self,
    "cuda": _to_cuda,
    "type_as": lambda self, other: math_ops.to(self, other.dtype),
    "new_zeros": _new(0),
    "new_ones": _new(1),
    "new_empty": _new(0),
    "data_ptr": lambda self: memory_layout.data_pointer(self._data),
    "storage_offset": lambda self: memory_layout.storage_offset(self._data),
    "new_tensor": new_tensor,
    "new_full": lambda self, size, fill_value, dtype=None: _new(fill_value)(self, size, dtype=dtype),
    # in place
    "add_": in_place_ops.in_place_method(_add_method),
    "sub_": in_place_ops.in_place_method(_sub_method),
    "mul_": in_place_ops.in_place_method(pw.mul),
    "div_": in_place_ops.in_place_method(pw.div),
    "pow_": in_place_ops.in_place_method(pw.pow),
    "relu_": in_place_ops.in_place_method(_unary(unary.ReluBackward0)),
    "neg_": in_place_ops.in_place_method(pw.neg),
    "exp_": in_place_ops.in_place_method(_unary(unary.ExpBackward0)),
    "log_": in_place_ops.in_place_method(_unary(unary.LogBackward0)),
    "abs_": in_place_ops.in_place_method(_unary(unary.AbsBackward0)),
    "sqrt_": in_place_ops.in_place_method(_unary(unary.SqrtBackward0)),
    "sin_": in_place_ops.in_place_method(_unary(unary.SinBackward0)),
    "cos_": in_place_ops.in_place_method(_unary(unary.CosBackward0)),
    "tanh_": in_place_ops.in_place_method(_unary(unary.TanhBackward0)),
    "sigmoid_": in_place_ops.in_place_method(_unary(unary.SigmoidBackward0)),
    "zero_": in_place_ops.zero_,
    "fill_": in_place_ops.fill_,
    "copy_": in_place_ops.copy_,
    "uniform_": in_place_ops.uniform_,
    "normal_": in_place_ops.normal_,
    "random_": in_place_ops.random_,
}

PROPERTIES = {
    "T": shape_ops.matrix_transpose,
    "mT": lambda self: shape_ops.transpose(self, -2, -1),
    "nbytes": lambda self: self._data.nbytes,
    "itemsize": lambda self: self._data.itemsize,
    "is_cpu": lambda self: True,  # the engine computes on the CPU only
}


# the modules that add methods (each a METHODS table); no two name the same method
METHOD_MODULES = (
    "extra_ops linalg_ops diagonal_ops scatter_ops tensor_extra_ops random_ops select_ops order_ops "
    "nn.activation_slopes correlation_ops type_info quantile_ops pointwise_checks_ops pointwise_more_ops "
    "remainder_ops binary_more_ops special_ops alias_ops view_more_ops search_ops extreme_ops arrange_ops "
    "split_stack_ops index_more_ops index_slices_ops scatter_reduce_ops product_add_ops product_more_ops "
    "linalg_more_ops cumulative_ops in_place_more_ops distance_ops nn.activation_more"
).split()


def install() -> None:
    """Attach every method and property to ``Tensor`` (called once when ``engine`` is imported)."""
    every = dict(METHODS)
    for name in METHOD_MODULES:
        every.update(importlib.import_module(f"engine.{name}").METHODS)
    for name, function in every.items():
        setattr(Tensor, name, function)
    for name, function in PROPERTIES.items():
        setattr(Tensor, name, property(function))
