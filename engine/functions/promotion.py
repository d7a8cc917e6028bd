"""Broadcasting checks and PyTorch's type promotion, shared by every binary operation."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, zero_dim
from engine.function import Function
from engine.tensor import Tensor

Operand = Tensor | int | float | bool


def _check_broadcast(a: np.ndarray, b: np.ndarray) -> None:
    """PyTorch's message when two shapes cannot broadcast."""
    for offset in range(1, min(a.ndim, b.ndim) + 1):
        size_a, size_b = a.shape[-offset], b.shape[-offset]
        if size_a != size_b and size_a != 1 and size_b != 1:
            raise RuntimeError(
                f"The size of tensor a ({size_a}) must match the size of tensor b ({size_b}) at "
                f"non-singleton dimension {max(a.ndim, b.ndim) - offset}"
            )


def as_operand(value: Any) -> Operand:
    """Numbers stay numbers (PyTorch's "wrapped numbers"); lists and arrays become tensors."""
    if isinstance(value, Tensor | bool | int | float):
        return value
    if isinstance(value, np.generic):
        return value.item()
    from engine.creation import tensor

    return tensor(value)


def promoted(
    a: Operand, b: Operand, floating: bool = False, broadcasts: bool = True
) -> tuple[Operand, Operand, list]:
    """The operands and their arrays, cast to PyTorch's result dtype for ``a op b``.

    ``broadcasts`` is False for products (matmul), whose shapes follow other rules.
    """
    # speed: fast paths for the common cases, same results as below: two tensors of one shape and
    # dtype, or a floating tensor with a Python int/float (the tensor's dtype wins)
    if isinstance(a, Tensor):
        data_a = a._data
        if isinstance(b, Tensor):
            data_b = b._data
            if (
                data_a.shape == data_b.shape
                and data_a.dtype == data_b.dtype
                and (not floating or data_a.dtype.kind == "f")
            ):
                return a, b, [data_a, data_b]
        elif (type(b) is float or type(b) is int) and data_a.dtype.kind == "f":
            return a, b, [data_a, np.asarray(b, data_a.dtype)]
    elif (type(a) is float or type(a) is int) and isinstance(b, Tensor) and b._data.dtype.kind == "f":
        return a, b, [np.asarray(a, b._data.dtype), b._data]
    a, b = as_operand(a), as_operand(b)
    array_a = a._data if isinstance(a, Tensor) else a
    array_b = b._data if isinstance(b, Tensor) else b
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        if broadcasts and array_a.shape != array_b.shape:
            _check_broadcast(array_a, array_b)
        if array_a.dtype == array_b.dtype and (not floating or array_a.dtype.kind == "f"):
            return a, b, [array_a, array_b]
    target = dtypes.result_type([a, b])
    if floating and not target.is_floating_point:
        target = dtypes.float32
    if isinstance(a, Tensor) and array_a.dtype != target.numpy:
        array_a = array_a.astype(target.numpy)
    if isinstance(b, Tensor) and array_b.dtype != target.numpy:
        array_b = array_b.astype(target.numpy)
    if not isinstance(a, Tensor):
        array_a = np.asarray(array_a, dtype=target.numpy)
    if not isinstance(b, Tensor):
        array_b = np.asarray(array_b, dtype=target.numpy)
    return a, b, [array_a, array_b]


def binary(cls: type[Function], a: Operand, b: Operand, floating: bool = False, **options: Any) -> Tensor:
    if isinstance(a, Tensor) and (type(b) is float or type(b) is int):
        data = a._data
        if data.dtype.kind == "f":  # speed: promoted's own fast path for this case, one call less
            if not data.ndim and not options:
                result = zero_dim.with_number(cls, a, b)
                if result is not None:
                    return result
            return cls.apply_to_arrays((a, b), [data, np.asarray(b, data.dtype)], **options)
    a, b, arrays = promoted(a, b, floating)
    return cls.apply_to_arrays((a, b), arrays, **options)
