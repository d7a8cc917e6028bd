"""``F.max_pool2d``, ``F.avg_pool2d`` and ``F.adaptive_avg_pool2d`` with PyTorch's nodes and its refusals,
checked in the order PyTorch checks them."""

from __future__ import annotations

from typing import Any

from engine.functions import pooling
from engine.math_ops import mean
from engine.shape_ops import _dim
from engine.tensor import Tensor

_LENGTH_WORDING = {  # how each pooling argument's wrong length is worded
    "kernel_size": "must either be a single int, or a tuple of two ints",
    "stride": "must either be omitted, a single int, or a tuple of two ints",
    "padding": "must either be a single int, or a tuple of two ints",
    "dilation": "must be either a single int, or a tuple of two ints",
}
_POSITIONS = {"kernel_size": 2, "stride": 3, "padding": 4, "dilation": 5, "output_size": 2}


def ints(function: str, name: str, value: Any) -> list[int]:
    """A pooling argument (an int, or a list or tuple of them) as a list, or PyTorch's TypeError naming its
    position (the 1-d and 2-d poolings alike)."""
    values = list(value) if isinstance(value, list | tuple) else [value]
    for item in values:
        if not isinstance(item, int) or isinstance(item, bool):
            # (avg_pool2d's message leaves the position out when the argument was passed by keyword)
            kind, position = type(item).__name__, _POSITIONS[name]
            raise TypeError(
                f"{function}(): argument '{name}' (position {position}) must be tuple of ints, not {kind}"
            )
    return values


def _pair(function: str, name: str, value: Any) -> tuple[int, int] | None:
    """An int or one/two ints as (height, width); an empty stride is None (the kernel size)."""
    values = ints(function, name, value)
    if not values and name == "stride":
        return None
    if len(values) not in (1, 2):
        raise RuntimeError(f"{function}: {name} {_LENGTH_WORDING[name]}")
    return (values[0], values[-1])


def _window_sizes(x: Tensor, kernel: tuple, stride: tuple, padding: tuple, dilation: tuple, ceil_mode: bool):
    """The output's height and width, after PyTorch's checks of each axis and of the whole shape."""
    shape = tuple(x.shape)
    out = []
    for size, k, s, p, d in zip(shape[-2:], kernel, stride, padding, dilation, strict=True):
        if s == 0:
            raise RuntimeError("stride should not be zero")
        if p < 0:
            raise RuntimeError(f"pad must be non-negative, but got pad: {p}")
        if p > int((d * (k - 1) + 1) / 2):  # C++ division: toward zero
            raise RuntimeError(
                f"pad should be at most half of effective kernel size, but got pad={p}, kernel_size={k} and "
                f"dilation={d}"
            )
        out.append(pooling.pooled_size(size, k, s, p, d, ceil_mode))
    checks = (("kernel size", "kH", "kW", kernel), ("stride", "dH", "dW", stride))
    for what, first, second, (height, width) in (*checks, ("dilation", "dilationH", "dilationW", dilation)):
        if height <= 0 or width <= 0:
            raise RuntimeError(
                f"{what} should be greater than zero, but got {first}: {height} {second}: {width}"
            )
    if x.dim() not in (3, 4) or 0 in shape[-3:]:
        raise RuntimeError(
            "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
            f"{list(shape)}"
        )
    if out[0] < 1 or out[1] < 1:
        channels = shape[-3]
        raise RuntimeError(
            f"Given input size: ({channels}x{shape[-2]}x{shape[-1]}). Calculated output size: "
            f"({channels}x{out[0]}x{out[1]}). Output size is too small"
        )
    return out


def _refuse_dtype(function: str, x: Tensor, allowed: str) -> None:
    """``allowed``: the numpy kinds the kernel exists for ("f" floats, "i" integers, "l" int64 only)."""
    dtype = x._data.dtype
    if dtype.kind in allowed or ("l" in allowed and dtype.name == "int64"):
        return
    raise NotImplementedError(f"\"{function}\" not implemented for '{x.dtype.scalar_name}'")


def max_pool2d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Any:
    """The largest element of each window (MaxPool2DWithIndicesBackward0); with ``return_indices`` also
    where each was, as a flat position in its (H, W) plane."""
    kernel = _pair("max_pool2d", "kernel_size", kernel_size)
    stride = kernel if stride is None else _pair("max_pool2d", "stride", stride) or kernel
    padding, dilation = _pair("max_pool2d", "padding", padding), _pair("max_pool2d", "dilation", dilation)
    if input.dim() not in (3, 4):
        raise RuntimeError("non-empty 3D or 4D (batch mode) tensor expected for input")
    _window_sizes(input, kernel, stride, padding, dilation, ceil_mode)
    _refuse_dtype("max_pool2d", input, "fiu")
    options = {
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "ceil_mode": ceil_mode,
    }
    node_class = pooling.MaxPool2DWithIndicesBackward0
    values = node_class.apply(input, **options)
    if not return_indices:
        return values
    node = values.grad_fn
    if not isinstance(node, node_class):  # nothing was recorded: find the positions without a graph
        node = object.__new__(node_class)
        node.forward(input._data, **options)
    return values, Tensor._wrap(node.indices)


def avg_pool2d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> Tensor:
    """The mean of each window (AvgPool2DBackward0), divided by the window's size or ``divisor_override``."""
    kernel = _pair("avg_pool2d", "kernel_size", kernel_size)
    stride = kernel if stride is None else _pair("avg_pool2d", "stride", stride) or kernel
    padding = _pair("avg_pool2d", "padding", padding)
    if divisor_override is not None and (type(divisor_override) is not int):
        kind = type(divisor_override).__name__
        raise TypeError(f"avg_pool2d(): argument 'divisor_override' must be int, not {kind}")
    if divisor_override == 0:
        raise RuntimeError("divisor must be not zero")
    _dim(-3, input.dim())  # PyTorch reads the channels first: an IndexError below three dimensions
    _window_sizes(input, kernel, stride, padding, (1, 1), ceil_mode)
    _refuse_dtype("avg_pool2d", input, "fl")
    options = {"kernel": kernel, "stride": stride, "padding": padding, "ceil_mode": ceil_mode}
    options.update(count_include_pad=count_include_pad, divisor=divisor_override)
    return pooling.AvgPool2DBackward0.apply(input, **options)


def adaptive_avg_pool2d(input: Tensor, output_size: Any) -> Tensor:  # noqa: A002 - PyTorch's names
    """Means over a grid of ``output_size`` windows that tile the input (None keeps that side's size)."""
    if isinstance(output_size, int):
        output_size = (output_size, output_size)
    if len(output_size) != 2:
        raise RuntimeError("adaptive_avg_pool2d: output_size must be 2")
    sizes = [
        size if wanted is None else wanted for wanted, size in zip(output_size, input.shape[-2:], strict=True)
    ]
    if any(size < 0 for size in sizes):
        raise RuntimeError(
            "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received "
            f"{{{sizes[0]}, {sizes[1]}}}"
        )
    if input.dim() not in (3, 4):
        raise RuntimeError(f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input.shape)}")
    for axis in (input.dim() - 2, input.dim() - 1):
        if input.shape[axis] == 0:
            raise RuntimeError(
                "adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but "
                f"input has sizes {list(input.shape)} with dimension {axis} being empty"
            )
    _refuse_dtype("adaptive_avg_pool2d", input, "f")
    if sizes == [1, 1]:  # PyTorch takes the mean instead
        return mean(input, dim=(-1, -2), keepdim=True)
    return pooling.AdaptiveAvgPool2DBackward0.apply(input, out=tuple(sizes))
