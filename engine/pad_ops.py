"""``torch.nn.functional.pad``: a border of a constant (or a crop, for negative widths), or one that mirrors
(``"reflect"``) or repeats (``"replicate"``) the input's edge, with PyTorch's checks and messages."""

from __future__ import annotations

from typing import Any

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
    if mode == "circular":
        raise NotImplementedError("padding mode 'circular' is not supported by this engine")
    if mode not in COPYING:
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    axes = len(pad) // 2
    if input.dim() not in (axes + 1, axes + 2) or axes not in COPYING[mode]:
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.dim()}D input tensor.\n" + SUPPORTED
        )
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
