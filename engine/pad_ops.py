"""``torch.nn.functional.pad``: a border of a constant (or a crop, for negative widths), or one that mirrors
(``"reflect"``), repeats (``"replicate"``) or wraps round (``"circular"``) the input's edge, with PyTorch's
checks and messages."""

from __future__ import annotations

from typing import Any

from engine import creation, in_place_ops, shape_ops
from engine.functions import padding
from engine.tensor import Tensor

COPYING = {  # mode -> its nodes by the number of padded axes
    "reflect": {1: padding.ReflectionPad1DBackward0, 2: padding.ReflectionPad2DBackward0}
    | {3: padding.ReflectionPad3DBackward0},
    "replicate": {1: padding.ReplicationPad1DBackward0, 2: padding.ReplicationPad2DBackward0}
    | {3: padding.ReplicationPad3DBackward0},
}
SUPPORTED = """Supported combinations for non-constant padding:
  - 2D or 3D input: padding size = 2 (pads last dimension)
  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)
  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)"""


def pad(input: Tensor, pad: Any, mode: str = "constant", value: float | None = None) -> Tensor:  # noqa: A002
    """``input`` padded by ``pad``: (before, after) for the last dimension, then the one before it, ..."""
    pad = tuple(int(width) for width in pad)
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if mode == "constant":
        return _constant(input, pad, 0.0 if value is None else value)
    if mode not in (*COPYING, "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    axes = len(pad) // 2
    if input.dim() not in (axes + 1, axes + 2) or not 1 <= axes <= 3:
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.dim()}D input tensor.\n" + SUPPORTED
        )
    if mode == "circular":
        return _circular(input, pad)
    if mode == "reflect":
        for index in range(axes):
            dim = input.dim() - 1 - index
            before, after = pad[2 * index], pad[2 * index + 1]
            if before >= input.shape[dim] or after >= input.shape[dim]:
                raise RuntimeError(
                    "Argument #4: Padding size should be less than the corresponding input dimension, but "
                    f"got: padding ({before}, {after}) at dimension {dim} of input {list(input.shape)}"
                )
    return COPYING[mode][axes].apply(input, pad=pad)


def _constant(input: Tensor, pad: tuple[int, ...], value: float) -> Tensor:  # noqa: A002
    if len(pad) // 2 > input.dim():
        raise RuntimeError(
            "Padding length should be less than or equal to two times the input dimension but got padding "
            f"length {len(pad)} and input of dimension {input.dim()}"
        )
    for index in range(len(pad) // 2):  # negative widths first narrow the input, as in PyTorch
        before, after = pad[2 * index], pad[2 * index + 1]
        if input.shape[input.dim() - 1 - index] - max(-before, 0) - max(-after, 0) < 0:
            raise RuntimeError("narrow(): length must be non-negative.")
    return padding.ConstantPadNdBackward0.apply(input, pad=pad, value=value)


def _circular(input: Tensor, pad: tuple[int, ...]) -> Tensor:  # noqa: A002
    """Borders that wrap around, built as PyTorch builds them (so autograd records its ``CopySlices``): an
    empty result, the input copied into its middle, then each dimension's borders copied from the far side."""
    axes, kept = len(pad) // 2, input.dim() - len(pad) // 2
    shape = list(input.shape)
    for index in range(axes):
        dim = input.dim() - 1 - index
        before, after = pad[2 * index], pad[2 * index + 1]
        if before > shape[dim] or after > shape[dim]:
            raise RuntimeError("Padding value causes wrapping around more than once.")
        if shape[dim] + before + after < 0:
            raise RuntimeError("Negative padding value is resulting in an empty dimension")
    sizes = shape[:kept] + [
        shape[dim] + pad[2 * (input.dim() - 1 - dim)] + pad[2 * (input.dim() - 1 - dim) + 1]
        for dim in range(kept, input.dim())
    ]
    out = creation.empty(*sizes, dtype=input.dtype)
    middle, source = [slice(None)] * input.dim(), [slice(None)] * input.dim()
    for index in range(axes):
        dim, (before, after) = input.dim() - 1 - index, (pad[2 * index], pad[2 * index + 1])
        middle[dim] = slice(max(before, 0), sizes[dim] - max(after, 0))
        source[dim] = slice(max(-before, 0), shape[dim] - max(-after, 0))
    in_place_ops.copy_(shape_ops.getitem(out, tuple(middle)), shape_ops.getitem(input, tuple(source)))
    for index in range(axes):
        dim, (before, after) = input.dim() - 1 - index, (pad[2 * index], pad[2 * index + 1])
        if before > 0:
            end = sizes[dim] - max(after, 0)
            _copy_along(out, dim, slice(0, before), slice(end - before, end))
        if after > 0:
            start = max(before, 0)
            _copy_along(out, dim, slice(sizes[dim] - after, sizes[dim]), slice(start, start + after))
    return out


def _copy_along(out: Tensor, dim: int, target: slice, source: slice) -> None:
    """``out``'s elements at ``source`` along ``dim`` copied over those at ``target``, in place."""
    where = [slice(None)] * out.dim()
    where[dim] = source
    copied = shape_ops.getitem(out, tuple(where))
    where[dim] = target
    in_place_ops.copy_(shape_ops.getitem(out, tuple(where)), copied)
