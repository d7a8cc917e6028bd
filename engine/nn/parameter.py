"""``nn.Parameter``: a leaf tensor that a Module registers as one of its parameters."""

from __future__ import annotations

from typing import Any

from engine import pickling, printing
from engine.tensor import Tensor, _init


class Parameter(Tensor):
    """A tensor that requires grad by default and is listed by ``Module.parameters()``."""

    __slots__ = ()

    def __init__(self, data: Tensor | None = None, requires_grad: bool = True) -> None:
        from engine.creation import empty

        source = empty(0) if data is None else data
        _init(self, source._data, False)
        self.requires_grad = requires_grad

    def __reduce_ex__(self, protocol: int) -> tuple:
        return pickling.rebuild_parameter, pickling.tensor_state(self)

    def __copy__(self) -> Parameter:
        return Parameter(Tensor._wrap(self._data), self._requires_grad)  # shares the memory, as in PyTorch

    def __deepcopy__(self, memo: dict[int, Any]) -> Parameter:
        copied = Parameter(Tensor._wrap(self._data.copy()), self._requires_grad)  # PyTorch drops .grad here
        memo[id(self)] = copied
        return copied

    def __repr__(self) -> str:
        return printing.format_parameter(self._data, self.dtype.name, requires_grad=self._requires_grad)

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return printing.format_nonscalar(str(self), spec, "Parameter")


Parameter.__module__ = "torch.nn.parameter"  # type(p) prints as in PyTorch (pickles by __reduce_ex__)
