"""``F.unfold`` (im2col) and ``F.fold`` (col2im) with PyTorch's nodes and its checks, in its order."""

from __future__ import annotations

from typing import Any

from engine.functions.fold import Col2ImBackward0, Im2ColBackward0, blocks
from engine.shape_ops import _dim
from engine.tensor import Tensor

_FLOATS_AND_BOOL = ("float16", "float32", "float64", "bool")  # the kernels' dtypes


def _pair(function: str, name: str, position: int, value: Any) -> tuple:
    """PyTorch's ``_pair`` (a sequence kept, anything else twice), then its parser's check of the ints."""
    values = tuple(value) if isinstance(value, list | tuple) else (value, value)
    for index, item in enumerate(values):
        if not isinstance(item, int) or isinstance(item, bool):
            kind = type(item).__name__
            if index:  # PyTorch's parser words a later element differently from the first
                raise TypeError(
                    f"{function}(): argument '{name}' failed to unpack the object at pos {position} with "
                    f'error "type must be tuple of ints,but got {kind}"'
                )
            raise TypeError(
                f"{function}(): argument '{name}' (position {position}) must be tuple of ints, but found "
                f"element of type {kind} at pos 0"
            )
    return values


def _pairs(function: str, names: tuple, values: tuple) -> dict:
    """Each argument as a pair, after checking that every one has two entries (in the order given)."""
    pairs = {
        name: _pair(function, name, at + 2, value)
        for at, (name, value) in enumerate(zip(names, values, strict=True))
    }
    for name, pair in pairs.items():
        if len(pair) != 2:
            raise RuntimeError(f"It is expected {name} equals to 2, but got size {len(pair)}")
    return pairs


def _positive(what: str, short: str, pair: tuple, non_negative: bool = False) -> None:
    if (min(pair) < 0) if non_negative else (min(pair) <= 0):
        bound = "be non-negative" if non_negative else "be greater than zero"
        got = f"{short}_height: {pair[0]} {short}_width: {pair[1]}"
        raise RuntimeError(f"{what} should {bound}, but got {got}")


def _refuse_dtype(function: str, input: Tensor) -> None:
    if input.dtype.name not in _FLOATS_AND_BOOL:
        raise NotImplementedError(f"\"{function}\" not implemented for '{input.dtype.scalar_name}'")


def unfold(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    dilation: Any = 1,
    padding: Any = 0,
    stride: Any = 1,
) -> Tensor:
    """Every ``kernel_size`` placement over an (N, C, H, W) or (C, H, W) image as a column:
    (N, C·KH·KW, number of placements)."""
    names = ("kernel_size", "dilation", "padding", "stride")
    pairs = _pairs("im2col", names, (kernel_size, dilation, padding, stride))
    kernel, dilation, padding, stride = (pairs[name] for name in names)
    _positive("kernel size", "kernel", kernel)
    _positive("dilation", "dilation", dilation)
    _positive("padding", "pad", padding, non_negative=True)
    _positive("stride", "stride", stride)
    shape = list(input.shape)
    _dim(1, input.dim()), _dim(2, input.dim())  # PyTorch reads these sizes first: an IndexError below 3-D
    if input.dim() not in (3, 4) or 0 in shape[-3:]:
        raise RuntimeError(
            "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
            f"for input, but got: {shape}"
        )
    out = blocks(shape[-2:], kernel, dilation, padding, stride)
    if min(out) < 1:
        raise RuntimeError(
            f"Given input with spatial size ({shape[-2]}, {shape[-1]}), kernel_size={kernel}, "
            f"dilation={dilation}, padding={padding}, calculated shape of the array of sliding blocks as "
            f"{out}, but its components must be at least one."
        )
    _refuse_dtype("im2col_out_cpu", input)
    return Im2ColBackward0.apply(input, kernel=kernel, dilation=dilation, padding=padding, stride=stride)


def fold(
    input: Tensor,  # noqa: A002 - PyTorch's names
    output_size: Any,
    kernel_size: Any,
    dilation: Any = 1,
    padding: Any = 0,
    stride: Any = 1,
) -> Tensor:
    """Columns (N, C·KH·KW, L) or (C·KH·KW, L) added back into an ``output_size`` image, overlaps summing."""
    names = ("output_size", "kernel_size", "dilation", "padding", "stride")
    pairs = _pairs("col2im", names, (output_size, kernel_size, dilation, padding, stride))
    size, kernel, dilation, padding, stride = (pairs[name] for name in names)
    _positive("kernel size", "kernel", kernel)
    _positive("stride", "stride", stride)
    _positive("dilation", "dilation", dilation)
    _positive("padding", "pad", padding, non_negative=True)
    shape = list(input.shape)
    if input.dim() not in (2, 3) or 0 in shape[-2:] or (input.dim() == 2 and not shape[0]):
        raise RuntimeError(
            "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
            f"dimensions for input, but got: {shape}"
        )
    planes, length = shape[-2], shape[-1]
    if planes % (kernel[0] * kernel[1]):
        raise RuntimeError(
            "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
            f"input.size(1)={planes} and kernel_size={kernel}."
        )
    out = blocks(size, kernel, dilation, padding, stride)
    if length != out[0] * out[1]:
        raise RuntimeError(
            f"Given output_size={size}, kernel_size={kernel}, dilation={dilation}, padding={padding}, "
            f"stride={stride}, expected size of input's dimension 2 to match the calculated number of "
            f"sliding blocks {out[0]} * {out[1]} = {out[0] * out[1]}, but got input.size(2)={length}."
        )
    _refuse_dtype("col2im_out_cpu", input)
    options = {"kernel": kernel, "dilation": dilation, "padding": padding, "stride": stride}
    return Col2ImBackward0.apply(input, size=size, **options)
