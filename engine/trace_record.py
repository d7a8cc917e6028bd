"""Recorders for the graph trace: what each operation saw going forward, and what backward did.

``ForwardRecorder`` remembers, for every node recorded while it is active, the values of its inputs
(Python numbers included) and of its result, the source line it came from, and a creation ordinal
that gives the trace stable ids across frames. ``BackwardRecorder`` wraps
``engine.autograd.observe_backward`` and keeps the ordered steps of the latest backward pass.
Neither changes what the engine computes.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine import autograd
from engine.function import Function


@dataclass
class Recorded:
    """What one node saw when it was made."""

    ordinal: int
    inputs: tuple  # per input: its array (tensor inputs), the Python number, or None
    sources: tuple  # per input: a weak reference to the tensor when it had no graph, else None
    output: np.ndarray
    line: int | None


def _kept(value: Any, memory: np.ndarray) -> Any:
    if isinstance(value, np.ndarray) and np.may_share_memory(value, memory):
        return value.copy()
    return value


class ForwardRecorder:
    """Context manager: while active, every node this thread records is remembered with its inputs
    and result (through ``engine.autograd.observe_forward``). Set ``line`` before each statement so
    that nodes carry the line that made them.
    """

    def __init__(self) -> None:
        self.line: int | None = None
        self.thread = threading.get_ident()
        self._nodes: weakref.WeakKeyDictionary[Function, Recorded] = weakref.WeakKeyDictionary()
        self._ordinals: dict[int, tuple[weakref.ref, int]] = {}
        self._counter = itertools.count()

    def __enter__(self) -> ForwardRecorder:
        self.thread = threading.get_ident()
        self._context = autograd.observe_forward(self.remember, self.overwritten)
        self._context.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._context.__exit__(*exc_info)

    def remember(self, node: Function, inputs: tuple, result: Any) -> None:
        """Note ``node``: ordinals first for its unseen inputs, then for the node itself (kept in its
        ``Recorded``: a training loop makes thousands of nodes, and one table entry each is enough)."""
        values, sources = [], []
        for value in inputs:
            if hasattr(value, "_data"):
                if value.grad_fn is None:
                    self._ordinal(value, create=True)
                values.append(value._data)
                sources.append(weakref.ref(value) if value.grad_fn is None else None)
            else:
                values.append(value if isinstance(value, int | float | bool) else None)
                sources.append(None)
        self._nodes[node] = Recorded(
            next(self._counter), tuple(values), tuple(sources), result._data, self.line
        )

    def overwritten(self, memory: np.ndarray) -> None:
        """An in-place change is about to write into ``memory``: keep copies of the values recorded there, so
        that each node still shows what it computed (the tensor changes; its picture in the graph not)."""
        for recorded in self._nodes.values():
            recorded.inputs = tuple(_kept(value, memory) for value in recorded.inputs)
            recorded.output = _kept(recorded.output, memory)

    def node(self, node: Any) -> Recorded | None:
        """What was recorded for ``node``, if it was made while this recorder was active."""
        try:
            return self._nodes.get(node)
        except TypeError:  # not weak-referenceable: never recorded
            return None

    def ordinal(self, item: Any, create: bool = False) -> int | None:
        """The creation ordinal of a node or a tensor, given at first sight (``create``) and kept."""
        if isinstance(item, autograd.Node):
            recorded = self.node(item)
            if recorded is not None:  # made while this recorder was active: numbered then
                return recorded.ordinal
        return self._ordinal(item, create)

    def _ordinal(self, item: Any, create: bool) -> int | None:
        entry = self._ordinals.get(id(item))
        if entry is not None and entry[0]() is item:
            return entry[1]
        if not create:
            return None
        ordinal, key = next(self._counter), id(item)

        def forget(reference: weakref.ref) -> None:  # keep the table as small as what is alive
            if self._ordinals.get(key, (None,))[0] is reference:
                del self._ordinals[key]

        self._ordinals[key] = (weakref.ref(item, forget), ordinal)
        return ordinal


@dataclass
class Step:
    """One node run by backward: the gradient arriving and what it sent along each edge."""

    node: autograd.Node
    grad_in: np.ndarray
    grads_out: tuple  # per next_functions entry, fitted to that input's shape; None where nothing flowed
    before: np.ndarray | None = None  # AccumulateGrad only: the leaf's .grad before (None: it was None)
    after: np.ndarray | None = None  # AccumulateGrad only: the leaf's .grad after
    extra: dict = field(default_factory=dict)


class BackwardRecorder:
    """Context manager around ``observe_backward``: the ordered steps of the latest completed backward pass.

    A pass that raises (backward through a freed graph, say) leaves the previous pass's steps in place, so
    the picture after the error still shows the gradients of the backward that worked.
    """

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.passes = 0
        self._pending: list[Step] = []
        self._context: Any = None

    def __enter__(self) -> BackwardRecorder:
        self._context = autograd.observe_backward(self._observe, on_start=self._start, on_end=self._end)
        self._context.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._context.__exit__(*exc_info)

    def _start(self) -> None:
        self._pending = []

    def _end(self, completed: bool) -> None:
        if completed:
            self.steps, self.passes = self._pending, self.passes + 1
        self._pending = []

    def _observe(self, node: autograd.Node, grad_in: np.ndarray, grads_out: tuple) -> None:
        if isinstance(node, autograd.AccumulateGrad):
            self._pending.append(_accumulation(node, grad_in))
            return
        fitted = []  # per input, its gradient fitted to its (shape, dtype), as backward hands it on
        for grad, meta in zip(grads_out, node.input_meta, strict=False):
            if grad is not None and meta is not None:
                grad = np.asarray(grad)
                if grad.shape != meta[0] or grad.dtype != meta[1]:  # speed: it usually fits already
                    grad = autograd._fit_to_input(grad, meta)
                fitted.append(grad)
            else:
                fitted.append(None)
        self._pending.append(Step(node, np.asarray(grad_in), tuple(fitted)))

    def gradients(self) -> dict[autograd.Node, np.ndarray]:
        """The gradient that arrived at each node in the latest pass (∂output/∂ that node's tensor)."""
        return {step.node: step.grad_in for step in self.steps}


def _accumulation(node: autograd.AccumulateGrad, grad_in: np.ndarray) -> Step:
    """An AccumulateGrad step, with the leaf's ``.grad`` before and after (the engine just added it)."""
    holder = node.variable._grad
    after = np.array(holder._data, copy=True)
    fresh = holder._version_box[0] == 0  # a new .grad tensor: there was none before
    before = None if fresh else after - np.asarray(grad_in, dtype=after.dtype)
    # a copy: a first .grad may be this very array (AccumulateGrad adopts unshared gradients)
    return Step(node, np.array(grad_in, copy=True), (), before, after)
