"""``F.max_unpool1d``/``2d``: max pooling's values put back where ``return_indices`` said they were, with
PyTorch's output-size arithmetic and checks, in its order; 1-d is 2-d with a width of 1."""

from __future__ import annotations

from typing import Any

from engine import pool_ops
from engine.functions.max_unpool import MaxUnpool2DBackward0
from engine.shape_ops import squeeze, unsqueeze
from engine.tensor import Tensor


def _tuple(value: Any, count: int) -> tuple:
    """PyTorch's ``_single``/``_pair``: a sequence as a tuple, anything else repeated ``count`` times."""
    return tuple(value) if isinstance(value, list | tuple) else (value,) * count


def unpooled_size(input: Tensor, kernel: tuple, stride: tuple, padding: tuple, output_size: Any) -> list:
    """The output's trailing sizes: from the windows, or ``output_size`` if within one stride of that."""
    if input.dim() < len(kernel):  # PyTorch reads the sizes from the end
        raise IndexError("tuple index out of range")
    trailing = input.shape[input.dim() - len(kernel) :]
    default = [(n - 1) * s + k - 2 * p for n, k, s, p in zip(trailing, kernel, stride, padding, strict=True)]
    if output_size is None:
        return default
    wanted = output_size[2:] if len(output_size) == len(kernel) + 2 else output_size
    if len(wanted) != len(kernel):
        raise ValueError(
            f"output_size should be a sequence containing {len(kernel)} or {len(kernel) + 2} elements, "
            f"but it has a length of '{len(wanted)}'"
        )
    for d, (size, step) in enumerate(zip(default, stride, strict=True)):
        if not size - step < wanted[d] < size + step:
            raise ValueError(
                f'invalid output_size "{wanted}" (dim {d} must be between {size - step} and {size + step})'
            )
    return list(wanted)


def _max_unpool2d(input: Tensor, indices: Tensor, size: list) -> Tensor:
    """PyTorch's ``max_unpool2d`` kernel: its checks in its order, then MaxUnpool2DBackward0."""
    if indices.dtype.name != "int64":
        raise RuntimeError(f"elements in indices should be type int64 but got: {indices.dtype.scalar_name}")
    if len(size) != 2:
        raise RuntimeError(
            "There should be exactly two elements (height, width) in output_size, but got "
            f"{len(size)} elements."
        )
    if input.dim() not in (3, 4):
        raise RuntimeError(
            "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with "
            f"{input.dim()} dimensions."
        )
    if input.shape != indices.shape:
        raise RuntimeError(
            f"Expected shape of indices to be same as that of the input tensor ({list(input.shape)}) but got "
            f"indices tensor with shape: {list(indices.shape)}"
        )
    for axis in range(1, input.dim()):
        if input.shape[axis] == 0:
            raise RuntimeError(
                "max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch "
                f"dimensions, but got {list(input.shape)} with dimension {axis} being empty."
            )
    pool_ops._refuse_dtype("max_unpool2d", input, "f")
    positions = indices._data
    wrong = (positions < 0) | (positions >= size[0] * size[1])
    # (an empty output: the kernel writes and checks nothing; it goes on past a wrong index, so a single
    # thread reports the last one it met; PyTorch's threads may each report their own)
    if wrong.any() and 0 not in size:
        last = positions.reshape(-1)[wrong.reshape(-1)][-1]
        volume = f"{size[0]}x{size[1]}"
        raise RuntimeError(f"Found an invalid max index: {last} (output volumes are of size {volume})")
    return MaxUnpool2DBackward0.apply(input, indices=positions.copy(), size=tuple(size))


def max_unpool2d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    indices: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    output_size: Any = None,
) -> Tensor:
    """Each value of ``input`` at its ``indices`` position in a zero (…, OH, OW) output."""
    kernel = _tuple(kernel_size, 2)
    stride = kernel if stride is None else _tuple(stride, 2)
    size = unpooled_size(input, kernel, stride, _tuple(padding, 2), output_size)
    return _max_unpool2d(input, indices, size)


def max_unpool1d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    indices: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    output_size: Any = None,
) -> Tensor:
    """Each value of ``input`` at its ``indices`` position along a zero (…, L_out) output."""
    kernel = _tuple(kernel_size, 1)
    stride = kernel if stride is None else _tuple(stride, 1)
    size = unpooled_size(input, kernel, stride, _tuple(padding, 1), output_size)
    return squeeze(_max_unpool2d(unsqueeze(input, -1), unsqueeze(indices, -1), [*size, 1]), -1)
