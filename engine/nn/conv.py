"""Convolutions over images (Conv2d) and sequences (Conv1d), and the pooling layers for images: MaxPool2d,
AvgPool2d, AdaptiveAvgPool2d (those for sequences: ``pool1d``)."""

from __future__ import annotations

import math
from typing import Any

from engine import conv_ops, creation, pool_ops
from engine.nn import init
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.tensor import Tensor

PADDING_STRINGS = ("same", "valid")
PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def _pair(value: Any, dims: int = 2) -> tuple:
    """PyTorch's ``_pair`` (``_single``, for one dimension): a sequence as a tuple, else ``dims`` copies."""
    return tuple(value) if isinstance(value, list | tuple) else (value,) * dims


def _listed(names: tuple[str, ...]) -> str:
    """A set as Python prints it (PyTorch prints a set, whose order varies by run; ours is fixed)."""
    return "{" + ", ".join(repr(name) for name in names) + "}"


class _ConvNd(Module):
    """What convolution layers share (PyTorch's ``_ConvNd``): the checks of their arguments, a weight of
    ``out_channels`` kernels of ``in_channels / groups`` × ``kernel_size`` (transposed: ``in_channels``
    kernels of ``out_channels / groups``), initialised as PyTorch does, and their repr."""

    _optional = ("bias",)
    _dims = 2  # spatial dimensions: the 1-d layers have one

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any,
        padding: Any,
        dilation: Any,
        transposed: bool,
        output_padding: Any,
        groups: int,
        bias: bool,
        padding_mode: str,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        self._check(in_channels, out_channels, stride, padding, groups, padding_mode)
        self.in_channels, self.out_channels = in_channels, out_channels
        dims = self._dims
        self.kernel_size, self.stride = _pair(kernel_size, dims), _pair(stride, dims)
        self.padding = padding if isinstance(padding, str) else _pair(padding, dims)
        self.dilation, self.transposed = _pair(dilation, dims), transposed
        self.output_padding = _pair(output_padding, dims)
        self.groups, self.padding_mode = groups, padding_mode
        if transposed:
            shape = (in_channels, out_channels // groups, *self.kernel_size)
        else:
            shape = (out_channels, in_channels // groups, *self.kernel_size)
        self.weight = Parameter(creation.empty(*shape, dtype=dtype, device=device))
        self.bias = Parameter(creation.empty(out_channels, dtype=dtype, device=device)) if bias else None
        self.reset_parameters()

    @staticmethod
    def _check(
        in_channels: int, out_channels: int, stride: Any, padding: Any, groups: int, mode: str
    ) -> None:
        """PyTorch's ValueErrors for a layer that could never run."""
        if groups <= 0:
            raise ValueError("groups must be a positive integer")
        if in_channels % groups:
            raise ValueError("in_channels must be divisible by groups")
        if out_channels % groups:
            raise ValueError("out_channels must be divisible by groups")
        if isinstance(padding, str):
            if padding not in PADDING_STRINGS:
                raise ValueError(
                    f"Invalid padding string {padding!r}, should be one of {_listed(PADDING_STRINGS)}"
                )
            if padding == "same" and any(s != 1 for s in _pair(stride)):
                raise ValueError("padding='same' is not supported for strided convolutions")
        if mode not in PADDING_MODES:
            raise ValueError(
                f"padding_mode must be one of {_listed(PADDING_MODES)}, but got padding_mode={mode!r}"
            )

    def reset_parameters(self) -> None:
        # PyTorch: kaiming_uniform_(a=√5) on the weight, which is U(±1/√fan_in); the same bound for bias
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in = self.weight.shape[1] * math.prod(self.kernel_size)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def extra_repr(self) -> str:
        text = (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, stride={self.stride}"
        )
        if self.padding != (0,) * self._dims:
            text += f", padding={self.padding}"
        if self.dilation != (1,) * self._dims:
            text += f", dilation={self.dilation}"
        if self.output_padding != (0,) * len(self.output_padding):
            text += f", output_padding={self.output_padding}"
        if self.groups != 1:
            text += f", groups={self.groups}"
        if self.bias is None:
            text += ", bias=False"
        if self.padding_mode != "zeros":
            text += f", padding_mode={self.padding_mode}"
        return text


class Conv2d(_ConvNd):
    """A 2-d convolution with ``out_channels`` kernels of ``in_channels / groups`` × ``kernel_size``,
    initialised as PyTorch does: kaiming_uniform_(a=√5) on the weight, U(±1/√fan_in) on the bias."""

    _convolve = staticmethod(conv_ops.conv2d)

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any = 1,
        padding: Any = 0,
        dilation: Any = 1,
        groups: int = 1,
        bias: bool = True,
        padding_mode: str = "zeros",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        sizes = (kernel_size, stride, padding, dilation)  # then: not transposed, no output padding
        super().__init__(
            in_channels, out_channels, *sizes, False, 0, groups, bias, padding_mode, device, dtype
        )

    def _mode_padding(self) -> tuple[int, ...]:
        """Both sides of each spatial axis, (top, bottom, left, right) or (left, right), for a padding mode
        other than zeros ('same': the odd one extra at the end)."""
        if self.padding == "same":
            totals = [d * (k - 1) for d, k in zip(self.dilation, self.kernel_size, strict=True)]
            return tuple(side for total in totals for side in (total // 2, total - total // 2))
        if self.padding == "valid":
            return (0,) * (2 * self._dims)
        return tuple(side for pad in self.padding for side in (pad, pad))

    def forward(self, x: Tensor) -> Tensor:
        weight, bias = self.weight, self.bias
        if self.padding_mode != "zeros":
            padded = conv_ops.pad_by_mode(x, self._mode_padding(), self.padding_mode)
            return self._convolve(padded, weight, bias, self.stride, 0, self.dilation, self.groups)
        return self._convolve(x, weight, bias, self.stride, self.padding, self.dilation, self.groups)


class Conv1d(Conv2d):
    """A 1-d convolution over (N, C, L) sequences with ``out_channels`` kernels of ``in_channels / groups``
    × ``kernel_size``, initialised as Conv2d (and PyTorch) initialise theirs."""

    _dims = 1
    _convolve = staticmethod(conv_ops.conv1d)


class MaxPool2d(Module):
    """The largest element of each ``kernel_size`` window, every ``stride`` (by default the kernel size)."""

    def __init__(
        self,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        dilation: Any = 1,
        return_indices: bool = False,
        ceil_mode: bool = False,
    ) -> None:
        super().__init__()
        self.kernel_size, self.stride = kernel_size, kernel_size if stride is None else stride
        self.padding, self.dilation = padding, dilation
        self.return_indices, self.ceil_mode = return_indices, ceil_mode

    def forward(self, x: Tensor) -> Any:
        options = {"ceil_mode": self.ceil_mode, "return_indices": self.return_indices}
        return pool_ops.max_pool2d(x, self.kernel_size, self.stride, self.padding, self.dilation, **options)

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )


class AvgPool2d(Module):
    """The mean of each ``kernel_size`` window, every ``stride`` (by default the kernel size)."""

    def __init__(
        self,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
        divisor_override: int | None = None,
    ) -> None:
        super().__init__()
        self.kernel_size, self.stride = kernel_size, kernel_size if stride is None else stride
        self.padding, self.ceil_mode = padding, ceil_mode
        self.count_include_pad, self.divisor_override = count_include_pad, divisor_override

    def forward(self, x: Tensor) -> Tensor:
        options = {"count_include_pad": self.count_include_pad, "divisor_override": self.divisor_override}
        return pool_ops.avg_pool2d(x, self.kernel_size, self.stride, self.padding, self.ceil_mode, **options)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AdaptiveAvgPool2d(Module):
    """Means over a grid of ``output_size`` windows, whatever the input's size."""

    def __init__(self, output_size: Any) -> None:
        super().__init__()
        self.output_size = output_size

    def forward(self, x: Tensor) -> Tensor:
        return pool_ops.adaptive_avg_pool2d(x, self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"
