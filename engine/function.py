"""``Function``: the base of every differentiable operation (forward on arrays, backward on arrays).

``apply`` runs ``forward`` on the inputs' numpy arrays and, when grad mode is on and an input requires
grad, records the node: its edges (``next_functions``), its inputs' shapes and dtypes (so the engine
can undo broadcasting in one place) and the values backward needs.

This is the hot path of every operation, so it avoids per-call generators and repeated lookups.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine import autograd, grad_mode, observers
from engine.tensor import Tensor

_NO_EDGE = (None, 0)
_grad_state = grad_mode._state  # thread-local; read directly to save a call per operation
_off_threads = grad_mode.OFF_THREADS  # while no thread has recording off, it is on in this one too
_new_object = object.__new__
_next_sequence = autograd._sequence.__next__
_wrap = Tensor._wrap
SHARED_METAS_LIMIT = 4096  # distinct input_meta tuples kept for sharing between nodes; cleared when full
_shared_metas: dict[tuple, tuple] = {}


def _shared_meta(meta: tuple) -> tuple:
    """One ``input_meta`` tuple per distinct value, shared by every node that has it.

    Fewer live container objects per node means fewer (and, in a big process, costly) collections
    of the garbage collector's oldest generation.
    """
    shared = _shared_metas.get(meta)
    if shared is None:
        if len(_shared_metas) >= SHARED_METAS_LIMIT:
            _shared_metas.clear()
        shared = _shared_metas[meta] = meta
    return shared


def _edge_and_meta(value: Any) -> tuple[tuple, tuple | None]:
    """An input's ``next_functions`` entry and its (shape, dtype), or no edge and None for a number."""
    if not isinstance(value, Tensor):
        return _NO_EDGE, None
    data = value._data
    if not value._requires_grad:
        return _NO_EDGE, (data.shape, data.dtype)
    node = value.grad_fn
    return (node if node is not None else value._grad_node(), 0), (data.shape, data.dtype)


def _zero_dim_floats(values: tuple) -> bool:
    """Whether every saved value is a 0-d float array (backward then reads them as numpy scalars)."""
    for value in values:
        if type(value) is not np.ndarray or value.ndim or value.dtype.kind != "f":
            return False
    return True


def _version_check(source: Any) -> tuple | None:
    """What ``saved_data`` compares later: the source's version box, its version now and the source.

    The fourth field says which op the error message names: False for an input (PyTorch names the op
    that made it last), True for a saved output (PyTorch names the op that saved it: the node holding the
    check, which the check does not hold, so that the node is freed as soon as its graph is dropped).
    """
    if not isinstance(source, Tensor):
        return None
    box = source._version_box
    return (box, box[0], source, False)


class Function(autograd.Node):
    """One differentiable operation; subclasses are named after PyTorch's ``grad_fn`` classes."""

    saves_inputs: tuple[int, ...] = ()  # which inputs backward reads (by position)
    saves_output = False  # whether backward reads the result
    when_only_a: tuple[int, ...] = ()  # what it saves when only input 0 wants a gradient (a product: b)
    # the scalar lane (engine/zero_dim.py): forward on numpy scalars, same bits as ``forward`` on 0-d
    # arrays; the numbers it takes without a warning (binary: a test of the number operand, None: all);
    # the open interval of inputs it takes (unary: outside it numpy may warn, and nan goes the general way;
    # float32 and float64 only: float16 tensors, whose range is narrower, go the general way)
    scalar_forward: Any = None
    scalar_domain: Any = None
    scalar_range: tuple[float, float] = (-math.inf, math.inf)

    def forward(self, *arrays: Any) -> np.ndarray:
        raise NotImplementedError

    @classmethod
    def apply(cls, *inputs: Any, **options: Any) -> Tensor:
        """Run the operation on tensors (or Python numbers) and record it if needed."""
        if len(inputs) == 1:
            only = inputs[0]
            arrays = [only._data if isinstance(only, Tensor) else only]
        else:
            arrays = [x._data if isinstance(x, Tensor) else x for x in inputs]
        return cls.apply_to_arrays(inputs, arrays, **options)

    @classmethod
    def apply_to_arrays(cls, inputs: tuple, arrays: list, **options: Any) -> Tensor:
        """Like ``apply`` with the arrays given (already promoted to the result's dtype)."""
        node = _new_object(cls)
        result = _wrap(node.forward(*arrays, **options) if options else node.forward(*arrays))
        if not _off_threads or _grad_state.__dict__.get("enabled", True):
            for value in inputs:
                if isinstance(value, Tensor) and value._requires_grad:
                    node.record(inputs, arrays, result)
                    break
        return result

    def record(self, inputs: tuple, arrays: list, result: Tensor) -> None:
        """Link this node into the graph as ``result.grad_fn``."""
        self.seq = _next_sequence()
        count = len(inputs)
        if count <= 2:  # speed: _edge_and_meta inline for one- and two-input operations
            first = inputs[0]
            if isinstance(first, Tensor):
                data = first._data
                meta = (data.shape, data.dtype)
                edge = _NO_EDGE
                if first._requires_grad:
                    maker = first.grad_fn
                    edge = (maker if maker is not None else first._grad_node(), 0)
            else:
                edge, meta = _NO_EDGE, None
            if count == 1:
                self.next_functions, metas = (edge,), (meta,)
            else:
                second = inputs[1]
                if isinstance(second, Tensor):
                    data = second._data
                    meta_b = (data.shape, data.dtype)
                    edge_b = _NO_EDGE
                    if second._requires_grad:
                        maker = second.grad_fn
                        edge_b = (maker if maker is not None else second._grad_node(), 0)
                else:
                    edge_b, meta_b = _NO_EDGE, None
                self.next_functions, metas = (edge, edge_b), (meta, meta_b)
            self.input_meta = _shared_metas.get(metas) or _shared_meta(metas)
        elif count == 3:  # addmm (nn.Linear)
            edge_a, meta_a = _edge_and_meta(inputs[0])
            edge_b, meta_b = _edge_and_meta(inputs[1])
            edge_c, meta_c = _edge_and_meta(inputs[2])
            self.next_functions = (edge_a, edge_b, edge_c)
            self.input_meta = _shared_meta((meta_a, meta_b, meta_c))
        else:
            pairs = [_edge_and_meta(value) for value in inputs]
            self.next_functions = tuple(edge for edge, _ in pairs)
            self.input_meta = tuple(meta for _, meta in pairs)
        saves = self.saves_inputs
        if saves or self.saves_output:
            if len(saves) == 1 and not self.saves_output:  # speed: _save's commonest case, inline
                value, source = arrays[saves[0]], inputs[saves[0]]
                self.saved = (value,)
                if isinstance(source, Tensor):
                    box = source._version_box
                    self.saved_checks = ((box, box[0], source, False),)
            elif not saves:  # speed: _save's output-only case (exp, tanh, sigmoid ...), inline
                value, box = result._data, result._version_box
                self.saved = (value,)
                self.saved_checks = ((box, box[0], value, True),)  # (_version_check)
            else:
                self._save(saves, inputs, arrays, result)
                value = self.saved[0] if len(self.saved) == 1 else None
            if value is None:
                if _zero_dim_floats(self.saved):
                    self.saved_scalars = True
            elif type(value) is np.ndarray and not value.ndim and value.dtype.kind == "f":
                self.saved_scalars = True  # _zero_dim_floats for one value, without the call
        result._requires_grad = True
        result.grad_fn = self
        if observers.forward_watchers:  # someone is drawing the graph (in some thread)
            observers.notify_forward(self, inputs, result)

    def _save(self, saves: tuple[int, ...], inputs: tuple, arrays: list, result: Tensor) -> None:
        """Keep what backward reads, with versions to detect later in-place changes of the sources.

        ``record`` handles the two commonest cases itself: one input (log, pow, sin ...) and only
        the result (exp, tanh, sigmoid ...: its array, as the result holds this node).
        """
        if len(saves) == 2 and not self.saves_output:  # the common binary case, without lists
            first, second = saves
            self.saved = (arrays[first], arrays[second])
            check_a, check_b = _version_check(inputs[first]), _version_check(inputs[second])
            if check_a is None:
                self.saved_checks = () if check_b is None else (check_b,)
            else:
                self.saved_checks = (check_a,) if check_b is None else (check_a, check_b)
            return
        saved, checks = [arrays[index] for index in saves], []
        for index in saves:
            check = _version_check(inputs[index])
            if check is not None:
                checks.append(check)
        if self.saves_output:
            saved.append(result._data)
            box = result._version_box
            checks.append((box, box[0], result._data, True))
        self.saved = tuple(saved)
        self.saved_checks = tuple(checks)

    def needs_grad(self, index: int) -> bool:
        """Whether input ``index`` leads anywhere that wants a gradient (tinygrad's needs_input_grad)."""
        return self.next_functions[index][0] is not None
