"""``F.max_pool1d``, ``F.avg_pool1d`` and ``F.adaptive_avg_pool1d`` as PyTorch runs them: a height of 1 added
(UnsqueezeBackward0), the 2-d pooling, the height taken away again (SqueezeBackward1), after the checks
PyTorch makes of one-dimensional arguments, in its order and its words."""

from __future__ import annotations

from typing import Any

from engine import pool_ops
from engine.functions import pooling
from engine.shape_ops import squeeze, unsqueeze
from engine.tensor import Tensor

_MAX_SIZE_WORDING = {  # how max_pool1d words an argument of the wrong length
    "kernel_size": "must be an int, list of ints or tuple of ints of size 1",
    "stride": "must be None, an int, list of ints, or tuple of ints of size 1",
    "padding": "must be an int, list of ints, or tuple of ints of size 1",
    "dilation": "must be an int, list of ints or tuple of ints of size 1",
}


def _check_dims(function: str, x: Tensor) -> None:
    """avg_pool1d's and adaptive_avg_pool1d's check: (C, L) or (N, C, L)."""
    if x.dim() not in (2, 3):
        raise RuntimeError(
            f"Expected 2 to 3 dimensions, but got {x.dim()}-dimensional tensor for argument #1 'self' (while "
            f"checking arguments for {function})"
        )


def _one(function: str, name: str, values: list[int]) -> int:
    """avg_pool1d's and adaptive_avg_pool1d's reading of a one-int argument."""
    if len(values) != 1:
        raise RuntimeError(f"{function}() argument '{name}' should contain one int (got {len(values)})")
    return values[0]


def _pooled_2d(pool: Any, x: Tensor, *args: Any, **options: Any) -> Any:
    """``pool`` over ``x`` with a height of 1 added; its result (and indices) with the height taken away."""
    result = pool(unsqueeze(x, -2), *args, **options)
    if isinstance(result, tuple):
        return tuple(squeeze(part, -2) for part in result)
    return squeeze(result, -2)


def max_pool1d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Any:
    """The largest element of each window along the last axis; with ``return_indices`` also its position."""
    sizes = {"kernel_size": kernel_size, "stride": () if stride is None else stride}
    sizes.update(padding=padding, dilation=dilation)
    values = {name: pool_ops.ints("max_pool1d", name, value) for name, value in sizes.items()}
    if input.dim() not in (2, 3):
        raise RuntimeError(
            "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but "
            f"got:{list(input.shape)}"
        )
    for name, given in values.items():
        if len(given) != 1 and not (name == "stride" and not given):
            raise RuntimeError(f"max_pool1d() {name} {_MAX_SIZE_WORDING[name]} but got size {len(given)}")
    kernel, pad, spacing = values["kernel_size"][0], values["padding"][0], values["dilation"][0]
    step = values["stride"][0] if values["stride"] else kernel
    for name, value in (("kernel_size", kernel), ("stride", step)):
        if value <= 0:
            raise RuntimeError(f"max_pool1d() {name} must be greater than zero, but got {value}")
    if pad < 0:
        raise RuntimeError(f"max_pool1d() padding must be non-negative, but got {pad}")
    if pad > kernel // 2:
        raise RuntimeError(
            f"max_pool1d() padding should be at most half of kernel size, but got padding={pad} and "
            f"kernel_size={kernel}"
        )
    if spacing <= 0:
        raise RuntimeError(f"max_pool1d() dilation must be greater than zero, but got {spacing}")
    length = pooling.pooled_size(input.shape[-1], kernel, step, pad, spacing, ceil_mode)
    if length < 1:
        raise RuntimeError(f"max_pool1d() Invalid computed output size: {length}")
    if not return_indices:  # its kernel without indices takes floating-point tensors only
        pool_ops._refuse_dtype("max_pool1d_impl", input, "f")
    options = {"ceil_mode": ceil_mode, "return_indices": return_indices}
    window = ((1, kernel), (1, step), (0, pad), (1, spacing))
    return _pooled_2d(pool_ops.max_pool2d, input, *window, **options)


def avg_pool1d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
) -> Tensor:
    """The mean of each window along the last axis, divided by the window's size."""
    kernel_values = pool_ops.ints("avg_pool1d", "kernel_size", kernel_size)
    stride_values = [] if stride is None else pool_ops.ints("avg_pool1d", "stride", stride)
    padding_values = pool_ops.ints("avg_pool1d", "padding", padding)
    _check_dims("avg_pool1d", input)
    kernel = _one("avg_pool1d", "kernel_size", kernel_values)
    step = _one("avg_pool1d", "stride", stride_values) if stride_values else kernel
    pad = _one("avg_pool1d", "padding", padding_values)
    options = {"ceil_mode": ceil_mode, "count_include_pad": count_include_pad}
    return _pooled_2d(pool_ops.avg_pool2d, input, (1, kernel), (1, step), (0, pad), **options)


def adaptive_avg_pool1d(input: Tensor, output_size: Any) -> Tensor:  # noqa: A002 - PyTorch's names
    """Means over ``output_size`` windows that tile the last axis."""
    values = pool_ops.ints("adaptive_avg_pool1d", "output_size", output_size)
    _check_dims("adaptive_avg_pool1d", input)
    length = _one("adaptive_avg_pool1d", "output_size", values)
    return _pooled_2d(pool_ops.adaptive_avg_pool2d, input, (1, length))
