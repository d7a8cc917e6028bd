"""``torch.device``, ``torch.Size``, and ``torch.cuda``, ``torch.backends.mps``, ``torch.accelerator``.

There is no GPU here: tutorials pick their device with these checks; every one answers "none", so the code
takes the CPU path.
"""

from __future__ import annotations

from typing import Any

import numpy as np


class Size(tuple):
    """``torch.Size``: a tuple of ints that prints as ``torch.Size([2, 3])``."""

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(map(str, self))}])"

    __str__ = __repr__

    # as PyTorch's: a slice of a Size, or a Size joined with (repeated like) a tuple, is a Size
    def __getitem__(self, index: Any) -> Any:
        item = tuple.__getitem__(self, index)
        return Size(item) if isinstance(index, slice) else item

    def __add__(self, other: Any) -> Any:
        joined = tuple.__add__(self, other)
        return Size(joined) if isinstance(joined, tuple) else joined

    def __radd__(self, other: Any) -> Any:
        return Size(other + tuple(self)) if isinstance(other, tuple) else NotImplemented

    def __mul__(self, times: Any) -> Any:
        repeated = tuple.__mul__(self, times)
        return Size(repeated) if isinstance(repeated, tuple) else repeated

    __rmul__ = __mul__

    def numel(self) -> int:
        return int(np.prod(self, dtype=np.int64))

    def __reduce__(self) -> tuple:
        return _size, (tuple(self),)  # rebuilt from here, as the class says it lives in torch


def _size(sizes: tuple) -> Size:
    return Size(sizes)


DEVICE_TYPES = (
    "cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, "
    "hpu, mtia, privateuseone"
)  # the device types PyTorch 2.13 knows, in the order its error message lists them
_KNOWN_DEVICE_TYPES = frozenset(DEVICE_TYPES.split(", "))


def check_device(value: object) -> None:
    """PyTorch's refusal of a device string whose type it does not know (``"gpu"``)."""
    if isinstance(value, str) and value.split(":")[0] not in _KNOWN_DEVICE_TYPES:
        raise RuntimeError(f"Expected one of {DEVICE_TYPES} device type at start of device string: {value}")


NO_ACCELERATOR = "Cannot access accelerator device when none is available."


def place_on_cpu(where: object) -> None:
    """A ``device=`` argument, or a ``.to()``/``.cuda()`` target, judged as PyTorch's CPU-only build does.

    The CPU (or None) passes. CUDA and XPU are its AssertionError ("Torch not compiled with CUDA enabled"), a
    bare index (an accelerator's) its RuntimeError, any other known type is not linked, an unknown one is
    ``check_device``'s error. So a tutorial that asks for ``"cuda"`` without checking learns why at once.
    """
    if where is None:
        return
    if isinstance(where, int) and not isinstance(where, bool):
        raise RuntimeError(NO_ACCELERATOR)
    if isinstance(where, device):
        kind = where.type
    elif isinstance(where, str):
        check_device(where)
        kind = where.split(":")[0]
    else:
        return
    if kind in ("cuda", "xpu"):
        raise AssertionError(f"Torch not compiled with {kind.upper()} enabled")
    if kind != "cpu":
        raise RuntimeError(f"PyTorch is not linked with support for {kind} devices")


class device:  # noqa: N801 - PyTorch's name
    """``torch.device``: made for any type PyTorch knows; only the CPU holds tensors (``place_on_cpu``)."""

    def __init__(self, kind: str | device = "cpu", index: int | None = None) -> None:
        check_device(kind)
        if isinstance(kind, device):
            self.type, self.index = kind.type, kind.index if index is None else index
        else:
            self.type, _, number = str(kind).partition(":")
            if number and not number.isdigit():
                raise RuntimeError(f"Invalid device string: '{kind}'")
            self.index = int(number) if number else index

    def __repr__(self) -> str:
        index = "" if self.index is None else f", index={self.index}"
        return f"device(type='{self.type}'{index})"

    def __str__(self) -> str:
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other: object) -> bool:
        """Equal to a device of the same type and index only: as in PyTorch, x.device == "cpu" is False."""
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self) -> int:
        return hash(str(self))

    def __reduce__(self) -> tuple:
        return _device, (self.type, self.index)


def _device(kind: str, index: int | None) -> device:
    return device(kind, index)


Size.__module__ = device.__module__ = "torch"  # type(x.shape) prints <class 'torch.Size'>, as in PyTorch
CPU = device("cpu")


class _Cuda:
    """``torch.cuda``."""

    @staticmethod
    def is_available() -> bool:
        return False

    @staticmethod
    def device_count() -> int:
        return 0


class _Mps:
    """``torch.backends.mps``."""

    @staticmethod
    def is_available() -> bool:
        return False


class _Backends:
    """``torch.backends``."""

    mps = _Mps()


class _Accelerator:
    """``torch.accelerator`` (PyTorch 2.6+): the tutorials' ``current_accelerator().type`` check."""

    @staticmethod
    def is_available() -> bool:
        return False

    @staticmethod
    def current_accelerator(check_available: bool = False) -> None:
        return None

    @staticmethod
    def device_count() -> int:
        return 0


cuda = _Cuda()
backends = _Backends()
accelerator = _Accelerator()
