"""The padding layers (``torch.nn.modules.padding``): a constant (zero) border, or one that mirrors
(reflection), repeats (replication) or wraps round (circular) the input's edge, over 1 or 2 dimensions.
Each holds its widths as a tuple (left, right[, top, bottom]) and calls ``F.pad``, whose checks and nodes
(``ConstantPadNdBackward0``, ``ReflectionPad2DBackward0``, ...) are PyTorch's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from engine.nn.module import Module
from engine.pad_ops import pad
from engine.tensor import Tensor


def _widths(padding: Any, count: int) -> tuple:
    """A number means the same width on every side (``count`` of them); a sequence is kept as given."""
    return tuple(padding) if isinstance(padding, Iterable) else (padding,) * count


class _PadNd(Module):
    """A padding layer: ``mode`` and the widths; printed as ``ReflectionPad2d((1, 1, 2, 0))``."""

    mode = "constant"
    sides = 2  # widths a single number stands for: two per padded dimension

    def __init__(self, padding: Any) -> None:
        super().__init__()
        self.padding = _widths(padding, self.sides)

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return pad(input, self.padding, self.mode)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class _ConstantPadNd(_PadNd):
    def __init__(self, padding: Any, value: float) -> None:
        super().__init__(padding)
        self.value = value

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return pad(input, self.padding, "constant", self.value)

    def extra_repr(self) -> str:
        return f"padding={self.padding}, value={self.value}"


class ConstantPad1d(_ConstantPadNd):
    """The last dimension widened by ``value`` on each side."""


class ConstantPad2d(_ConstantPadNd):
    """The last two dimensions widened by ``value``: (left, right, top, bottom)."""

    sides = 4


class ZeroPad1d(ConstantPad1d):
    def __init__(self, padding: Any) -> None:
        super().__init__(padding, 0.0)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class ZeroPad2d(ConstantPad2d):
    def __init__(self, padding: Any) -> None:
        super().__init__(padding, 0.0)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class ReflectionPad1d(_PadNd):
    """The edge mirrored, the edge element itself not repeated: [1, 2, 3] by 2 -> [3, 2, 1, 2, 3, 2, 1]."""

    mode = "reflect"


class ReflectionPad2d(ReflectionPad1d):
    sides = 4


class ReplicationPad1d(_PadNd):
    """The edge element repeated: [1, 2, 3] by 2 -> [1, 1, 1, 2, 3, 3, 3]."""

    mode = "replicate"


class ReplicationPad2d(ReplicationPad1d):
    sides = 4


class _CircularPadNd(_PadNd):
    """The other end wrapped round: [1, 2, 3] by 1 -> [3, 1, 2, 3, 1]; PyTorch checks the rank here first."""

    mode = "circular"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        low = self.sides // 2 + 1  # unbatched: one dimension more than the padded ones
        if input.dim() not in (low, low + 1):
            raise ValueError(f"expected {low}D or {low + 1}D input (got {input.dim()}D input)")
        return super().forward(input)


class CircularPad1d(_CircularPadNd):
    pass


class CircularPad2d(_CircularPadNd):
    sides = 4
