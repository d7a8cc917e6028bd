"""The recorded graph's nodes and the backward pass that walks them.

A ``Node`` is a ``grad_fn``: it knows how to turn the gradient of its output into gradients of its
inputs (``backward``) and where those go next (``next_functions``). Leaves that require grad end in
an ``AccumulateGrad`` node that adds into ``.grad``. Backward runs iteratively in PyTorch's order
(latest-recorded node first), so a chain of any length differentiates without recursion.
"""

from __future__ import annotations

import heapq
import itertools
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from engine import grad_mode

FREED_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they "
    "have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)
_sequence = itertools.count()


def sequence_number() -> int:
    """A number above every node recorded before the call and below every node recorded after it."""
    return next(_sequence)


class Node:
    """One recorded operation (PyTorch's ``grad_fn``)."""

    symbol = "?"  # how the value graph writes the operation: "+", "*", "tanh" ...

    def name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"<{self.name()} object at {id(self):#x}>"

    # -- what backward reads --------------------------------------------------------------------
    def saved_data(self) -> tuple:
        """The saved arrays, after checking they were not freed or modified in place."""
        saved = self.saved
        if saved is None:
            raise RuntimeError(FREED_MESSAGE)
        for box, version, holder in self.saved_checks:
            if box[0] != version:
                raise RuntimeError(_modified_message(holder, box[0], version))
        return saved

    def release(self) -> None:
        """Free saved values after backward (unless the graph is retained)."""
        if self.saved is not None and self.saved:
            self.saved = None
            self.saved_checks = ()

    def backward(self, grad: np.ndarray) -> Sequence[np.ndarray | None]:
        raise NotImplementedError

    # -- hooks used by retain_grad() and register_hook() ------------------------------------------
    def register_prehook(self, hook: Callable) -> None:
        self.prehooks = (*self.prehooks, hook)

    saved: tuple | None = ()
    saved_checks: tuple = ()
    prehooks: tuple = ()
    next_functions: tuple = ()
    input_meta: tuple = ()
    seq = 0


class AccumulateGrad(Node):
    """The end of a path at a leaf: adds the arriving gradient into ``variable.grad``."""

    symbol = "grad"

    def __init__(self, variable: object) -> None:
        self.variable = variable
        self.seq = float("inf")  # runs as soon as it is ready, like PyTorch's
        self.input_meta = ((variable._data.shape, variable._data.dtype),)

    def backward(self, grad: np.ndarray) -> tuple:
        self.variable._accumulate_grad(grad)
        return ()


def _modified_message(holder: object, now: int, expected: int) -> str:
    tensor = holder() if isinstance(holder, weakref.ref) else holder
    description = ""
    if tensor is not None:
        kind = {"float32": "Float", "float64": "Double", "float16": "Half"}.get(tensor.dtype.name, "")
        description = f"[torch.{kind}Tensor [{', '.join(map(str, tensor.shape))}]]"
        if tensor.grad_fn is not None:
            description += f", which is output 0 of {tensor.grad_fn.name().removesuffix('Backward0')},"
    return (
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: {description} is at version {now}; expected version {expected} instead. Hint: "
        "enable anomaly detection to find the operation that failed to compute its gradient, with "
        "torch.autograd.set_detect_anomaly(True, check_nan=False)."
    )


# -- observing backward (for the graph view); costs one `is None` test per node when unused --------
_observer: Callable | None = None


@contextmanager
def observe_backward(callback: Callable) -> Iterator[None]:
    """Call ``callback(node, grad_in, grads_out)`` for every node backward runs, in order.

    ``grads_out`` pairs with ``node.next_functions``; for an ``AccumulateGrad`` it is empty and
    the leaf's ``.grad`` has just been updated.
    """
    global _observer
    previous, _observer = _observer, callback
    try:
        yield
    finally:
        _observer = previous


# -- the backward pass --------------------------------------------------------------------------
def _sum_to_shape(grad: np.ndarray, shape: tuple) -> np.ndarray:
    """Undo broadcasting: sum ``grad`` over the axes along which an input of ``shape`` was stretched."""
    lead = grad.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, size in enumerate(shape) if size == 1 and grad.shape[lead + i] != 1
    )
    if axes:
        grad = grad.sum(axis=axes, keepdims=False)
    return grad.reshape(shape)


def _fit_to_input(grad: np.ndarray, meta: tuple) -> np.ndarray:
    """Make a gradient match its input's shape and dtype: the one place broadcasting is undone."""
    shape, dtype = meta
    if grad.shape != shape:
        grad = _sum_to_shape(grad, shape)
    if grad.dtype != dtype:
        grad = grad.astype(dtype)
    return grad


def _count_dependencies(roots: list[Node]) -> dict[Node, int]:
    """How many edges lead into each node reachable from the roots (iterative DFS)."""
    dependencies: dict[Node, int] = {}
    seen = set(roots)
    stack = list(roots)
    while stack:
        node = stack.pop()
        for child, _ in node.next_functions:
            if child is None:
                continue
            dependencies[child] = dependencies.get(child, 0) + 1
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return dependencies


def run_backward(
    roots: Sequence[tuple[Node, np.ndarray]],
    retain_graph: bool,
    capture: dict[Node, np.ndarray | None] | None = None,
) -> None:
    """Propagate gradients from ``roots`` through the graph in PyTorch's order.

    With ``capture`` (autograd.grad), the gradients arriving at those nodes are stored there instead
    of being accumulated into leaves.
    """
    dependencies = _count_dependencies([node for node, _ in roots])
    buffers: dict[Node, np.ndarray] = {}
    for node, grad in roots:
        buffers[node] = buffers[node] + grad if node in buffers else grad
    ready = [(-node.seq, id(node), node) for node in buffers if dependencies.get(node, 0) == 0]
    heapq.heapify(ready)
    observer = _observer
    with grad_mode.no_grad():
        while ready:
            node = heapq.heappop(ready)[2]
            grad = buffers.pop(node, None)
            if grad is None:  # every path into this node carried no gradient
                grads: Sequence = ()
            else:
                for hook in node.prehooks:
                    replaced = hook(grad)
                    grad = grad if replaced is None else replaced
                if capture is not None:
                    if node in capture:
                        capture[node] = grad
                    if isinstance(node, AccumulateGrad):
                        continue
                grads = node.backward(grad)
                if not retain_graph:
                    node.release()
                if observer is not None:
                    observer(node, grad, grads)
            for index, (child, _) in enumerate(node.next_functions):
                if child is None:
                    continue
                child_grad = grads[index] if index < len(grads) else None
                if child_grad is not None:
                    child_grad = _fit_to_input(child_grad, node.input_meta[index])
                    pending = buffers.get(child)
                    buffers[child] = child_grad if pending is None else pending + child_grad
                dependencies[child] -= 1
                if dependencies[child] == 0:
                    heapq.heappush(ready, (-child.seq, id(child), child))


# -- the public torch.autograd functions (implemented in autograd_api, which needs Tensor) ---------
def grad(*args, **kwargs):
    """``torch.autograd.grad``: gradients of outputs with respect to inputs, returned."""
    from engine.autograd_api import grad as compute

    return compute(*args, **kwargs)


def backward(*args, **kwargs):
    """``torch.autograd.backward``: like ``tensor.backward`` for several outputs."""
    from engine.autograd_api import backward as compute

    return compute(*args, **kwargs)
