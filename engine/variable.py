"""``torch.autograd.Variable``: the wrapper older tutorials use, which PyTorch keeps as a shim over tensors.

``Variable(t, requires_grad=True)`` is a new leaf sharing ``t``'s values (detached from any graph) whose
``requires_grad`` is as given; every tensor counts as a Variable in ``isinstance``, as in PyTorch.
"""

from __future__ import annotations

import warnings
from typing import Any

from engine.creation import tensor
from engine.tensor import Tensor

VOLATILE_WARNING = "volatile was removed and now has no effect. Use `with torch.no_grad():` instead."


class _VariableMeta(type):
    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, Tensor)


class Variable(metaclass=_VariableMeta):
    def __new__(cls, data: Any = None, requires_grad: bool = False, volatile: bool = False) -> Tensor:  # type: ignore[misc]
        if volatile:
            warnings.warn(VOLATILE_WARNING, UserWarning, stacklevel=2)
        if data is None:
            return tensor([])
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        leaf = data.detach()
        return leaf.requires_grad_() if requires_grad else leaf


Variable.__module__ = "torch.autograd.variable"
