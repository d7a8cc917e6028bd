"""``F.pixel_shuffle`` and ``F.pixel_unshuffle`` (also ``torch.``), with PyTorch's checks in its order."""

from __future__ import annotations

from typing import Any

from engine.arguments import INT, REQUIRED, TENSOR, bind
from engine.functions import pixel_shuffle as nodes
from engine.tensor import Tensor


def pixel_shuffle(*args: Any, **kwargs: Any) -> Tensor:
    """pixel_shuffle(input, upscale_factor): (*, C·r², H, W) rearranged to (*, C, H·r, W·r)."""
    input, factor = _arguments("pixel_shuffle", "upscale_factor", args, kwargs)  # noqa: A001
    channels = input.shape[-3]
    if channels % factor**2:
        raise RuntimeError(
            "pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
            f"upscale_factor, but input.size(-3)={channels} is not divisible by {factor**2}"
        )
    return nodes.PixelShuffleBackward0.apply(input, factor=factor)


def pixel_unshuffle(*args: Any, **kwargs: Any) -> Tensor:
    """pixel_unshuffle(input, downscale_factor): (*, C, H·r, W·r) rearranged to (*, C·r², H, W)."""
    input, factor = _arguments("pixel_unshuffle", "downscale_factor", args, kwargs)  # noqa: A001
    for axis, name in ((-2, "height"), (-1, "width")):
        if input.shape[axis] % factor:
            raise RuntimeError(
                f"pixel_unshuffle expects {name} to be divisible by downscale_factor, but "
                f"input.size({axis})={input.shape[axis]} is not divisible by {factor}"
            )
    return nodes.PixelUnshuffleBackward0.apply(input, factor=factor)


def _arguments(function: str, factor_name: str, args: tuple, kwargs: dict) -> tuple[Tensor, int]:
    """The input and the factor, after PyTorch's binding and its checks of the dimensions and the factor."""
    signature = (("input", TENSOR, REQUIRED), (factor_name, INT, REQUIRED))
    bound = bind(function, signature, args, kwargs)
    input, factor = bound["input"], bound[factor_name]  # noqa: A001 - PyTorch's names
    if input.dim() < 3:
        raise RuntimeError(
            f"{function} expects input to have at least 3 dimensions, but got input with {input.dim()} "
            "dimension(s)"
        )
    if factor <= 0:
        raise RuntimeError(f"{function} expects a positive {factor_name}, but got {factor}")
    return input, factor
