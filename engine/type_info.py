"""What PyTorch says about types and shapes: ``finfo`` and ``iinfo`` (a dtype's limits), ``result_type`` and
``can_cast`` (promotion), ``is_signed``, ``is_complex``, ``is_nonzero``, ``is_same_size``; and
``scalar_tensor`` and the function form of ``detach``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine import dtypes
from engine.tensor import Tensor


class finfo:  # noqa: N801 - PyTorch's names
    """A floating dtype's limits (``torch.finfo(torch.float32).eps``); float32 when none is given."""

    def __init__(self, type: Any = None) -> None:  # noqa: A002
        kind = dtypes.float32 if type is None else _dtype_argument("finfo", type)
        if kind.category != dtypes.FLOATING:
            raise TypeError(
                "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'"
            )
        limits = np.finfo(kind.numpy)
        self.bits, self.dtype = limits.bits, kind.name
        self.eps, self.max, self.min = float(limits.eps), float(limits.max), float(limits.min)
        self.tiny = self.smallest_normal = float(limits.smallest_normal)
        self.resolution = 10.0 ** -math.floor(-math.log10(self.eps))  # a power of ten, as a double

    def __repr__(self) -> str:
        numbers = ("resolution", "min", "max", "eps", "smallest_normal", "tiny")
        return (
            "finfo("
            + "".join(f"{name}={getattr(self, name):g}, " for name in numbers)
            + f"dtype={self.dtype})"
        )


class iinfo:  # noqa: N801
    """An integer dtype's limits (``torch.iinfo(torch.int64).max``)."""

    def __init__(self, type: Any) -> None:  # noqa: A002
        kind = _dtype_argument("iinfo", type)
        if kind is dtypes.bool_:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if kind.category != dtypes.INTEGER:
            raise TypeError(
                "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'"
            )
        limits = np.iinfo(kind.numpy)
        self.bits, self.min, self.max, self.dtype = limits.bits, int(limits.min), int(limits.max), kind.name

    def __repr__(self) -> str:
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"


def _dtype_argument(function: str, value: Any) -> dtypes.dtype:
    if not isinstance(value, dtypes.dtype):
        raise TypeError(
            f"{function}(): argument 'type' (position 1) must be torch.dtype, not {type(value).__name__}"
        )
    return value


def result_type(tensor: Any, other: Any) -> dtypes.dtype:
    """The dtype an operation on ``tensor`` and ``other`` (tensors or numbers) gives."""
    return dtypes.result_type([tensor, other])


def can_cast(from_: dtypes.dtype, to: dtypes.dtype) -> bool:
    """Whether PyTorch's in-place and ``out=`` casts allow ``from_`` into ``to``: never down a kind (floating
    to integer, integer to bool)."""
    return from_.category <= to.category


def is_signed(input: Tensor) -> bool:  # noqa: A002
    return input._data.dtype.kind in "if"


def is_complex(input: Tensor) -> bool:  # noqa: A002 - no complex dtypes here
    return False


def is_nonzero(input: Tensor) -> bool:  # noqa: A002
    """Whether the one element of ``input`` is not zero (PyTorch refuses more or fewer elements)."""
    if input.numel() != 1:
        many = "more than one value" if input.numel() else "no values"
        raise RuntimeError(f"Boolean value of Tensor with {many} is ambiguous")
    return bool(input._data.reshape(()))


def is_same_size(input: Tensor, other: Tensor) -> bool:  # noqa: A002
    return input.shape == other.shape


def scalar_tensor(s: Any, *, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    """A 0-d tensor holding ``s``, float32 unless ``dtype`` says otherwise (an int too)."""
    kind = dtypes.float32 if dtype is None else dtype
    return Tensor._wrap(np.asarray(s, dtype=kind.numpy)).requires_grad_(requires_grad)


def detach(input: Tensor) -> Tensor:  # noqa: A002
    return input.detach()


METHODS = {
    "is_signed": is_signed,
    "is_complex": is_complex,
    "is_nonzero": is_nonzero,
    "is_same_size": is_same_size,
}
