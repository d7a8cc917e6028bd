"""``Function``: the base of every differentiable operation (forward on arrays, backward on arrays).

``apply`` runs ``forward`` on the inputs' numpy arrays and, when grad mode is on and an input requires
grad, records the node: its edges (``next_functions``), its inputs' shapes and dtypes (so the engine
can undo broadcasting in one place) and the values backward needs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import autograd, grad_mode
from engine.tensor import Tensor, edge_of

_NO_EDGE = (None, 0)


class Function(autograd.Node):
    """One differentiable operation; subclasses are named after PyTorch's ``grad_fn`` classes."""

    saves_inputs: tuple[int, ...] = ()  # which inputs backward reads (by position)
    saves_output = False  # whether backward reads the result

    def forward(self, *arrays: Any) -> np.ndarray:
        raise NotImplementedError

    @classmethod
    def apply(cls, *inputs: Any, **options: Any) -> Tensor:
        """Run the operation on tensors (or Python numbers) and record it if needed."""
        arrays = [x._data if isinstance(x, Tensor) else x for x in inputs]
        return cls.apply_to_arrays(inputs, arrays, **options)

    @classmethod
    def apply_to_arrays(cls, inputs: tuple, arrays: list, **options: Any) -> Tensor:
        """Like ``apply`` with the arrays given (already promoted to the result's dtype)."""
        node = cls.__new__(cls)
        result = Tensor._wrap(node.forward(*arrays, **options))
        if grad_mode.is_grad_enabled() and any(isinstance(x, Tensor) and x._requires_grad for x in inputs):
            node.record(inputs, arrays, result)
        return result

    def record(self, inputs: tuple, arrays: list, result: Tensor) -> None:
        """Link this node into the graph as ``result.grad_fn``."""
        self.seq = next(autograd._sequence)
        self.next_functions = tuple(edge_of(x) if isinstance(x, Tensor) else _NO_EDGE for x in inputs)
        self.input_meta = tuple(
            (x._data.shape, x._data.dtype) if isinstance(x, Tensor) else None for x in inputs
        )
        saved, checks = [], []
        for index in self.saves_inputs:
            saved.append(arrays[index])
            source = inputs[index]
            if isinstance(source, Tensor):
                checks.append((source._version_box, source._version_box[0], source))
        if self.saves_output:
            saved.append(result._data)
            checks.append((result._version_box, result._version_box[0], autograd.weakref.ref(result)))
        self.saved = tuple(saved)
        self.saved_checks = tuple(checks)
        result._requires_grad = True
        result.grad_fn = self

    def needs_grad(self, index: int) -> bool:
        """Whether input ``index`` leads anywhere that wants a gradient (tinygrad's needs_input_grad)."""
        return self.next_functions[index][0] is not None
