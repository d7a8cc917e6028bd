"""``amax``, ``amin`` and ``aminmax``: the largest and smallest values over dimensions, NaN wherever a NaN is,
with PyTorch's refusals (a dim named twice, a reduction over no elements)."""

from __future__ import annotations

from typing import Any

from engine import return_types
from engine.functions.extremes import AminmaxBackward0
from engine.functions.norms import AminBackward0
from engine.functions.reduction import AmaxBackward0, _axes
from engine.order_ops import _reduced_axes
from engine.tensor import Tensor


def _checked_axes(name: str, input: Tensor, dim: Any) -> tuple[int, ...] | None:  # noqa: A002
    """The axes to reduce (None: all), refusing what PyTorch refuses: an empty tensor reduced whole, a
    reduced dimension of size 0 (an empty result is fine where the kept ones are 0)."""
    if isinstance(dim, Tensor):
        dim = int(dim)
    axes = _reduced_axes(input, dim)
    shape = input._data.shape
    if axes is None and not input._data.size:
        raise RuntimeError(
            f"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction "
            "dim with the 'dim' argument."
        )
    for axis in sorted(axes or ()):
        if shape and not shape[axis]:
            raise IndexError(f"{name}(): Expected reduction dim {axis} to have non-zero size.")
    return axes


def amax(input: Tensor, dim: Any = (), keepdim: bool = False) -> Tensor:  # noqa: A002 - PyTorch's names
    """The largest values over ``dim`` (all dimensions when left out or empty)."""
    return AmaxBackward0.apply(input, dim=_checked_axes("amax", input, dim), keepdim=keepdim)


def amin(input: Tensor, dim: Any = (), keepdim: bool = False) -> Tensor:  # noqa: A002
    """The smallest values over ``dim`` (all dimensions when left out or empty)."""
    return AminBackward0.apply(input, dim=_checked_axes("amin", input, dim), keepdim=keepdim)


def aminmax(input: Tensor, *, dim: Any = None, keepdim: bool = False) -> Any:  # noqa: A002
    """``(min, max)`` over everything, or along one dimension (``torch.return_types.aminmax``)."""
    if dim is None:
        if not input._data.size:
            raise RuntimeError(
                "aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity."
            )
        axes = None
    else:
        if isinstance(dim, Tensor):
            dim = int(dim)
        if not isinstance(dim, int) or isinstance(dim, bool):
            raise TypeError(f"aminmax(): argument 'dim' must be int, not {type(dim).__name__}")
        axes = _axes(dim, input._data.ndim)
        if axes and not input._data.shape[axes[0]]:
            raise IndexError(f"aminmax: Expected reduction dim {axes[0]} to have non-zero size.")
    pair = [AminmaxBackward0.apply(input, dim=axes, keepdim=keepdim, output=k) for k in (0, 1)]
    return return_types.aminmax(*pair)


def _aminmax_method(self: Tensor, *given: Any, dim: Any = None, keepdim: bool = False) -> Any:
    if given:  # PyTorch's binding does not count self, as Python would
        verb = "was" if len(given) == 1 else "were"
        raise TypeError(f"aminmax() takes 0 positional arguments but {len(given)} {verb} given")
    return aminmax(self, dim=dim, keepdim=keepdim)


METHODS = {"amax": amax, "amin": amin, "aminmax": _aminmax_method}
