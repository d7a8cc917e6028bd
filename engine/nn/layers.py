"""Layers: Linear, Sequential, the activations, Flatten and Unflatten, Dropout, Identity."""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

from engine import creation, math_ops, product_ops, shape_ops
from engine.nn import dropout as dropout_ops
from engine.nn import functional as F
from engine.nn import init
from engine.nn.activation_more import Activation, InPlaceActivation
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.tensor import Tensor


class Linear(Module):
    """``y = x @ weight.T + bias``, initialised uniformly in ±1/√in_features as PyTorch does."""

    _optional = ("bias",)

    def __init__(
        self, in_features: int, out_features: int, bias: bool = True, device: Any = None, dtype: Any = None
    ) -> None:
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = Parameter(creation.empty(out_features, in_features, dtype=dtype, device=device))
        self.bias = Parameter(creation.empty(out_features, dtype=dtype, device=device)) if bias else None
        self.reset_parameters()

    def reset_parameters(self) -> None:
        # PyTorch: kaiming_uniform_(a=√5) on the weight, which is U(±1/√fan_in); the same bound for bias
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features) if self.in_features > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, x: Tensor) -> Tensor:
        parameters = self._parameters  # speed: not through Module.__getattr__ (two of them per call)
        if "weight" in parameters and "bias" in parameters:
            return product_ops.linear(x, parameters["weight"], parameters["bias"])
        return product_ops.linear(x, self.weight, self.bias)  # one was deleted: PyTorch's AttributeError

    def extra_repr(self) -> str:
        has_bias = self.bias is not None
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={has_bias}"


class Sequential(Module):
    """Modules called one after another."""

    def __init__(self, *modules: Any) -> None:
        super().__init__()
        if len(modules) == 1 and isinstance(modules[0], OrderedDict):
            for name, module in modules[0].items():
                self.add_module(name, module)
        else:
            for index, module in enumerate(modules):
                self.add_module(str(index), module)

    def forward(self, x: Any) -> Any:
        for module in self._modules.values():
            x = module(x)
        return x

    def __getitem__(self, index: int | slice) -> Module:
        items = list(self._modules.values())
        if isinstance(index, slice):
            return Sequential(*items[index])
        return items[index]

    def __setitem__(self, index: int, module: Module) -> None:
        """``model[0] = nn.Linear(2, 3)``: replaces the module at that position (a non-module is refused)."""
        name = list(self._modules)[index]
        setattr(self, name, module)

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module: Module) -> Sequential:
        self.add_module(str(len(self._modules)), module)
        return self


class ModuleList(Module):
    def __init__(self, modules: Any = ()) -> None:
        super().__init__()
        for index, module in enumerate(modules):
            self.add_module(str(index), module)

    def __getitem__(self, index: int) -> Module:
        return list(self._modules.values())[index]

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module: Module) -> ModuleList:
        self.add_module(str(len(self._modules)), module)
        return self


class ReLU(InPlaceActivation):
    _function = staticmethod(F.relu)


class Tanh(Activation):
    _function = staticmethod(F.tanh)


class Sigmoid(Activation):
    _function = staticmethod(F.sigmoid)


class SiLU(InPlaceActivation):
    _function = staticmethod(F.silu)


class LeakyReLU(Module):
    def __init__(self, negative_slope: float = 0.01, inplace: bool = False) -> None:
        super().__init__()
        self.negative_slope, self.inplace = negative_slope, inplace

    def forward(self, x: Tensor) -> Tensor:
        return F.leaky_relu(x, self.negative_slope, self.inplace)

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}" + (", inplace=True" if self.inplace else "")


SOFTMAX_CALLER = 4  # a missing dim's warning names the line calling the model: forward, Module.__call__, it


class Softmax(Module):
    def __init__(self, dim: int | None = None) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, x: Tensor) -> Tensor:
        return math_ops.softmax(x, self.dim, _stacklevel=SOFTMAX_CALLER)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class LogSoftmax(Softmax):
    def forward(self, x: Tensor) -> Tensor:
        return math_ops.log_softmax(x, self.dim, _stacklevel=SOFTMAX_CALLER)


class Flatten(Module):
    """Flattens dimensions ``start_dim..end_dim`` (from 1: the batch dimension stays)."""

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, x: Tensor) -> Tensor:
        return shape_ops.flatten(x, self.start_dim, self.end_dim)

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    """Splits dimension ``dim`` into ``unflattened_size`` (Flatten's inverse, as ``x.unflatten``)."""

    def __init__(self, dim: int, unflattened_size: Any) -> None:
        super().__init__()
        self.dim, self.unflattened_size = dim, unflattened_size

    def forward(self, x: Tensor) -> Tensor:
        return shape_ops.unflatten(x, self.dim, self.unflattened_size)

    def extra_repr(self) -> str:
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"


class Identity(Module):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return x


class Dropout(Module):
    """Zeroes elements with probability ``p`` in training and scales the rest by 1/(1-p)."""

    _drop = staticmethod(dropout_ops.dropout)

    def __init__(self, p: float = 0.5, inplace: bool = False) -> None:
        super().__init__()
        dropout_ops.check_probability(p)
        self.p, self.inplace = p, inplace

    def forward(self, x: Tensor) -> Tensor:
        return self._drop(x, self.p, self.training, self.inplace)

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


class Dropout1d(Dropout):
    """Zeroes whole channels of (N, C, L) or (C, L) input with probability ``p`` in training."""

    _drop = staticmethod(dropout_ops.dropout1d)


class Dropout2d(Dropout):
    """Zeroes whole channels of (N, C, H, W) input with probability ``p`` in training."""

    _drop = staticmethod(dropout_ops.dropout2d)
