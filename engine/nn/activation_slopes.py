"""``prelu`` and ``rrelu`` (``F.``, ``torch.``) and their layers ``PReLU`` and ``RReLU``: leaky ReLUs whose
negative slope is learned (one per channel, or one for all) or drawn at random while training."""

from __future__ import annotations

import numpy as np

from engine import creation, in_place_ops
from engine.functions import activation_slopes as nodes
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.tensor import Tensor


def prelu(input: Tensor, weight: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
    """x where x > 0, weight·x elsewhere; ``weight`` holds one slope, or one per channel (dim 1)."""
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f"\"prelu_cpu\" not implemented for '{input.dtype.scalar_name}'")
    if weight.dim() > 1:
        raise RuntimeError(
            f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.dim()}"
        )
    count, channels = weight.numel(), (input.shape[1] if input.dim() >= 2 else 1)
    if count != 1 and count != channels:
        raise RuntimeError(
            "Mismatch of parameter numbers and input channel size. "
            f"Found parameter numbers = {count} and channel size = {channels}."
        )
    if weight.dim() != input.dim():  # viewed so that it broadcasts along the channels
        shape = [1] * input.dim()
        if input.dim() >= 2:
            shape[1] = count
        weight = weight.view(shape)
    return nodes.PreluKernelBackward0.apply(input, weight)


def rrelu(
    input: Tensor,  # noqa: A002
    lower: float = 1.0 / 8,
    upper: float = 1.0 / 3,
    training: bool = False,
    inplace: bool = False,
) -> Tensor:
    """x where x > 0, slope·x elsewhere: a slope drawn from U(lower, upper) per element while training (in
    element order, one double draw for each element not above 0, as PyTorch's CPU kernel draws), else
    (lower + upper)/2."""
    if inplace:
        return rrelu_(input, lower, upper, training)
    return _rrelu(input, lower, upper, training)


def rrelu_(input: Tensor, lower: float = 1.0 / 8, upper: float = 1.0 / 3, training: bool = False) -> Tensor:  # noqa: A002
    """``rrelu`` in place (PyTorch then records RreluWithNoiseBackward1)."""
    return in_place_ops.in_place(input, rrelu, lower, upper, training)


def _rrelu(input: Tensor, lower: float, upper: float, training: bool) -> Tensor:  # noqa: A002
    data = input._data
    noise = np.ones_like(data)
    negative = ~(data > 0)
    if training:
        draws = creation.generator().unit(int(np.count_nonzero(negative)), double=True)
        noise[negative] = draws * (upper - lower) + lower
    else:
        noise[negative] = (lower + upper) / 2
    return nodes.RreluWithNoiseBackward0.apply(input, noise=noise)


class PReLU(Module):
    def __init__(
        self, num_parameters: int = 1, init: float = 0.25, device: object = None, dtype: object = None
    ):
        super().__init__()
        self.num_parameters, self.init = num_parameters, init
        self.weight = Parameter(creation.full((num_parameters,), init, dtype=dtype))

    def reset_parameters(self) -> None:
        self.weight.data.fill_(self.init)

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return prelu(input, self.weight)

    def extra_repr(self) -> str:
        return f"num_parameters={self.num_parameters}"


class RReLU(Module):
    def __init__(self, lower: float = 1.0 / 8, upper: float = 1.0 / 3, inplace: bool = False) -> None:
        super().__init__()
        self.lower, self.upper, self.inplace = lower, upper, inplace

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self) -> str:
        return f"lower={self.lower}, upper={self.upper}" + (", inplace=True" if self.inplace else "")


METHODS = {"prelu": prelu}
