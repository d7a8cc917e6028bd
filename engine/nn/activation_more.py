"""The rest of ``nn``'s activations, as functions (``F.``) and modules, recorded as PyTorch records them:
their own nodes (LogSigmoid, Hardswish, Hardsigmoid, Mish, GLU, Softshrink, Hardshrink), ELU's with SELU's and
CELU's constants, Hardtanh's for ReLU6, and the compositions Softsign, Tanhshrink and Softmin."""

from __future__ import annotations

from typing import Any

from engine import math_ops
from engine.functions import activation, unary
from engine.functions import activation_more as nodes
from engine.in_place_ops import in_place
from engine.nn.module import Module
from engine.shape_ops import _dim
from engine.tensor import Tensor

SELU_ALPHA = 1.6732632423543772848170429916717  # SELU's constants (Klambauer et al., 2017)
SELU_SCALE = 1.0507009873554804934193349852946


def logsigmoid(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
    return nodes.LogSigmoidBackward0.apply(input)


def hardswish(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    return in_place(input, hardswish) if inplace else nodes.HardswishBackward0.apply(input)


def hardsigmoid(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    return in_place(input, hardsigmoid) if inplace else nodes.HardsigmoidBackward0.apply(input)


def mish(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    return in_place(input, mish) if inplace else nodes.MishBackward0.apply(input)


def softshrink(input: Tensor, lambd: float = 0.5) -> Tensor:  # noqa: A002
    return nodes.SoftshrinkBackward0.apply(input, lambd=lambd)


def hardshrink(input: Tensor, lambd: float = 0.5) -> Tensor:  # noqa: A002
    return nodes.HardshrinkBackward0.apply(input, lambd=lambd)


def _elu_kernel(input: Tensor) -> None:  # noqa: A002
    """ELU and its kin (SELU, CELU) take floating tensors only, in PyTorch's words."""
    if not input.is_floating_point():
        raise NotImplementedError(f"\"elu_cpu\" not implemented for '{input.dtype.scalar_name}'")


def selu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    if inplace:
        return in_place(input, selu)
    _elu_kernel(input)
    return activation.EluBackward0.apply(input, alpha=SELU_ALPHA, scale=SELU_SCALE)


def celu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:  # noqa: A002
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError: alpha cannot be 0 for CELU")
    if inplace:
        return in_place(input, celu, alpha)
    _elu_kernel(input)
    return activation.CeluBackward0.apply(input, alpha=alpha, input_scale=1 / alpha)


def selu_(input: Tensor) -> Tensor:  # noqa: A002 - torch.selu_ and F.selu_
    return selu(input, inplace=True)


def celu_(input: Tensor, alpha: float = 1.0) -> Tensor:  # noqa: A002
    return celu(input, alpha, inplace=True)


def relu6(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    return (
        in_place(input, relu6)
        if inplace
        else activation.HardtanhBackward0.apply(input, min_val=0.0, max_val=6.0)
    )


def glu(input: Tensor, dim: int = -1) -> Tensor:  # noqa: A002
    """The first half of ``dim`` gated by the sigmoid of the second half."""
    if not input.dim():
        raise RuntimeError("glu does not support scalars because halving size must be even")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f"\"glu_cpu\" not implemented for '{input.dtype.scalar_name}'")
    axis = _dim(dim, input.dim())
    if input.shape[axis] % 2:
        raise RuntimeError(
            f"Halving dimension must be even, but dimension {axis} is size {input.shape[axis]}"
        )
    return nodes.GluBackward0.apply(input, dim=axis)


def softsign(input: Tensor) -> Tensor:  # noqa: A002
    return input / (input.abs() + 1)


def tanhshrink(input: Tensor) -> Tensor:  # noqa: A002
    return input - unary.unary(unary.TanhBackward0, input)


def softmin(input: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype: Any = None) -> Tensor:  # noqa: A002
    """softmax(-x); ``dim`` may be left out, as for ``F.softmax`` (PyTorch picks one and warns)."""
    dim = math_ops._softmax_dim("softmin", input, dim, _stacklevel - 1)  # it is called from here, not softmax
    return math_ops.softmax(-input, dim, dtype)


class Activation(Module):
    """A layer applying ``_function``, printed with no arguments (``LogSigmoid()``)."""

    _function: Any = None

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return type(self)._function(input)


class InPlaceActivation(Activation):
    """A layer that may overwrite its input (``ReLU(inplace=True)``), saying so in its repr as PyTorch's do
    (all but Hardswish and Hardsigmoid)."""

    _shows_inplace = True

    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return type(self)._function(input, inplace=self.inplace)

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace and self._shows_inplace else ""


class LogSigmoid(Activation):
    _function = staticmethod(logsigmoid)


class Hardswish(InPlaceActivation):
    _function = staticmethod(hardswish)
    _shows_inplace = False


class Hardsigmoid(InPlaceActivation):
    _function = staticmethod(hardsigmoid)
    _shows_inplace = False


class Mish(InPlaceActivation):
    _function = staticmethod(mish)


class Softsign(Activation):
    _function = staticmethod(softsign)


class Tanhshrink(Activation):
    _function = staticmethod(tanhshrink)


class SELU(InPlaceActivation):
    _function = staticmethod(selu)


class ReLU6(InPlaceActivation):
    _function = staticmethod(relu6)


class CELU(Module):
    def __init__(self, alpha: float = 1.0, inplace: bool = False) -> None:
        super().__init__()
        self.alpha, self.inplace = alpha, inplace

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return celu(input, self.alpha)

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class Softshrink(Module):
    _shrink = staticmethod(softshrink)

    def __init__(self, lambd: float = 0.5) -> None:
        super().__init__()
        self.lambd = lambd

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return self._shrink(input, self.lambd)

    def extra_repr(self) -> str:
        return str(self.lambd)


class Hardshrink(Softshrink):
    _shrink = staticmethod(hardshrink)


class GLU(Module):
    def __init__(self, dim: int = -1) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return glu(input, self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Softmin(Module):
    def __init__(self, dim: int | None = None) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002
        return softmin(input, self.dim, _stacklevel=5)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


METHODS = {"hardshrink": hardshrink}  # Tensor.hardshrink
