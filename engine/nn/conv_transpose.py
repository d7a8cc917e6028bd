"""Transposed convolutions over images (ConvTranspose2d) and sequences (ConvTranspose1d): layers that
upsample, each input element spreading its kernel over the output; ``output_size`` picks among the sizes
a stride allows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from engine import conv_transpose_ops
from engine.nn.conv import _ConvNd
from engine.tensor import Tensor


def _tupled(value: Any, dims: int) -> tuple:
    """PyTorch's ``_pair`` here: anything iterable (even a string) as a tuple, else ``dims`` copies."""
    return tuple(value) if isinstance(value, Iterable) else (value,) * dims


class _ConvTransposeNd(_ConvNd):
    """What the transposed layers share: ``in_channels`` kernels of ``out_channels / groups`` ×
    ``kernel_size``, initialised as the plain layers' (kaiming_uniform_(a=√5), U(±1/√fan_in) on the bias,
    fan_in from the weight's second dimension), and the reading of ``output_size``."""

    _transpose: Any  # conv_transpose2d or conv_transpose1d

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any = 1,
        padding: Any = 0,
        output_padding: Any = 0,
        groups: int = 1,
        bias: bool = True,
        dilation: Any = 1,
        padding_mode: str = "zeros",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        if padding_mode != "zeros":
            raise ValueError(f'Only "zeros" padding mode is supported for {type(self).__name__}')
        sizes = [_tupled(value, self._dims) for value in (kernel_size, stride, padding, dilation)]
        extra = _tupled(output_padding, self._dims)
        super().__init__(
            in_channels, out_channels, *sizes, True, extra, groups, bias, padding_mode, device, dtype
        )

    def forward(self, input: Tensor, output_size: Any = None) -> Tensor:  # noqa: A002 - PyTorch's names
        output_padding = self._output_padding(input, output_size)
        return self._transpose(
            input,
            self.weight,
            self.bias,
            self.stride,
            self.padding,
            output_padding,
            self.groups,
            self.dilation,
        )

    def _output_padding(self, input: Tensor, output_size: Any) -> Any:  # noqa: A002
        """The layer's ``output_padding``, or the one that gives ``output_size`` (the spatial sizes, or the
        whole shape), which must lie between the smallest output and a stride's worth larger."""
        if output_size is None:
            return self.output_padding
        dims = self._dims
        leading = 2 if input.dim() == dims + 2 else 1  # batch and channels, or channels alone
        if len(output_size) == leading + dims:
            output_size = output_size[leading:]
        if len(output_size) != dims:
            raise ValueError(
                f"ConvTranspose{dims}D: for {input.dim()}D input, output_size must have {dims} or "
                f"{leading + dims} elements (got {len(output_size)})"
            )
        smallest = [
            (input.shape[leading + axis] - 1) * self.stride[axis]
            - 2 * self.padding[axis]
            + self.dilation[axis] * (self.kernel_size[axis] - 1)
            + 1
            for axis in range(dims)
        ]
        largest = [size + self.stride[axis] - 1 for axis, size in enumerate(smallest)]
        for size, low, high in zip(output_size, smallest, largest, strict=True):
            if size < low or size > high:
                raise ValueError(
                    f"requested an output size of {output_size}, but valid sizes range from {smallest} to "
                    f"{largest} (for an input of {input.shape[2:]})"
                )
        return [size - low for size, low in zip(output_size, smallest, strict=True)]


class ConvTranspose2d(_ConvTransposeNd):
    """A 2-d transposed convolution over (N, C, H, W) images: ``in_channels`` kernels of
    ``out_channels / groups`` × ``kernel_size``."""

    _dims = 2
    _transpose = staticmethod(conv_transpose_ops.conv_transpose2d)


class ConvTranspose1d(_ConvTransposeNd):
    """A 1-d transposed convolution over (N, C, L) sequences: ``in_channels`` kernels of
    ``out_channels / groups`` × ``kernel_size``."""

    _dims = 1
    _transpose = staticmethod(conv_transpose_ops.conv_transpose1d)
