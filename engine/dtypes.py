"""Tensor element types (``torch.float32`` ...) and PyTorch's type-promotion rules."""

from __future__ import annotations

import numpy as np

BOOL, INTEGER, FLOATING = 0, 1, 2  # promotion categories, ordered


class dtype:  # noqa: N801 - PyTorch's name
    """One element type: its PyTorch name, its numpy type and its promotion category."""

    __slots__ = ("name", "numpy", "category", "itemsize", "scalar_name")

    def __init__(self, name: str, numpy_type: type, category: int, scalar_name: str) -> None:
        self.scalar_name = scalar_name  # PyTorch's ScalarType name, as its messages say it: Float, Long ...
        self.name = name
        self.numpy = np.dtype(numpy_type)
        self.category = category
        self.itemsize = self.numpy.itemsize

    @property
    def is_floating_point(self) -> bool:
        return self.category == FLOATING

    @property
    def is_signed(self) -> bool:
        return self.name != "bool" and self.name != "uint8"

    def __repr__(self) -> str:
        return f"torch.{self.name}"

    def __reduce__(self) -> tuple:
        return _named, (self.name,)  # found by name here, as its class says it lives in torch


dtype.__module__ = "torch"  # type(x.dtype) prints <class 'torch.dtype'>, as in PyTorch
bool_ = dtype("bool", np.bool_, BOOL, "Bool")
uint8 = dtype("uint8", np.uint8, INTEGER, "Byte")
int8 = dtype("int8", np.int8, INTEGER, "Char")
int16 = dtype("int16", np.int16, INTEGER, "Short")
int32 = dtype("int32", np.int32, INTEGER, "Int")
int64 = dtype("int64", np.int64, INTEGER, "Long")
float16 = dtype("float16", np.float16, FLOATING, "Half")
float32 = dtype("float32", np.float32, FLOATING, "Float")
float64 = dtype("float64", np.float64, FLOATING, "Double")

ALL = (bool_, uint8, int8, int16, int32, int64, float16, float32, float64)
BY_NUMPY = {d.numpy: d for d in ALL}
BY_NAME = {d.name: d for d in ALL}
DEFAULT_FOR_CATEGORY = {BOOL: bool_, INTEGER: int64, FLOATING: float32}


def _named(name: str) -> dtype:
    """The one dtype called ``name`` (what unpickling a dtype calls)."""
    return BY_NAME[name]


def from_numpy(numpy_dtype: np.dtype) -> dtype:
    """The engine dtype holding numpy's ``numpy_dtype`` (uint16/32/64 and the like have none)."""
    try:
        return BY_NUMPY[numpy_dtype]
    except KeyError:
        raise TypeError(
            f"can't convert np.ndarray of type numpy.{numpy_dtype}. The only supported types are: "
            "float64, float32, float16, int64, int32, int16, int8, uint8, and bool."
        ) from None


def scalar_dtype(value: object) -> dtype:
    """The dtype PyTorch gives a bare Python number (bool, int, float)."""
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int64
    return float32


def promote_types(a: dtype, b: dtype) -> dtype:
    """``torch.promote_types``: the smallest dtype both ``a`` and ``b`` fit in."""
    if a is b:
        return a
    if a.category != b.category:
        wider = a if a.category > b.category else b
        return wider
    return BY_NUMPY[np.promote_types(a.numpy, b.numpy)]


def result_type(operands: list) -> dtype:
    """PyTorch's promotion across tensors and Python numbers.

    Dimensioned tensors rank above zero-dim tensors, which rank above Python numbers; a lower
    rank only changes the result when its category (bool < integer < floating) is higher.
    """
    ranked: list[dtype | None] = [None, None, None]  # by rank: dimensioned, zero-dim, number
    for operand in operands:
        if isinstance(operand, int | float | bool):
            rank, kind = 2, scalar_dtype(operand)
        else:
            rank, kind = (0 if operand._data.ndim else 1), operand.dtype
        current = ranked[rank]
        ranked[rank] = kind if current is None else promote_types(current, kind)
    result = None
    for rank, kind in enumerate(ranked):
        if kind is None:
            continue
        if result is None:
            result = kind
        elif kind.category > result.category:
            result = kind if rank < 2 else DEFAULT_FOR_CATEGORY[kind.category]
    return result
