"""``nn.Parameter``: a leaf tensor that a Module registers as one of its parameters."""

from __future__ import annotations

from engine import printing
from engine.tensor import Tensor, _init


class Parameter(Tensor):
    """A tensor that requires grad by default and is listed by ``Module.parameters()``."""

    __slots__ = ()

    def __init__(self, data: Tensor | None = None, requires_grad: bool = True) -> None:
        from engine.creation import empty

        source = empty(0) if data is None else data
        _init(self, source._data, False)
        self.requires_grad = requires_grad

    def __repr__(self) -> str:
        return printing.format_parameter(self._data, self.dtype.name, requires_grad=self._requires_grad)

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return printing.format_nonscalar(str(self), spec, "Parameter")


Parameter.__module__ = "torch.nn.parameter"  # type(p) prints as in PyTorch
