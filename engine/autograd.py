"""The recorded graph's nodes and the backward pass that walks them.

A ``Node`` is a ``grad_fn``: it knows how to turn the gradient of its output into gradients of its
inputs (``backward``) and where those go next (``next_functions``). Leaves that require grad end in
an ``AccumulateGrad`` node that adds into ``.grad``. Backward runs iteratively in PyTorch's order
(latest-recorded node first), so a chain of any length differentiates without recursion.
"""

from __future__ import annotations

import heapq
import itertools
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from heapq import heappop, heappush, heappushpop

import numpy as np

from engine import grad_mode
from engine.dtypes import BY_NUMPY
from engine.observers import _notify_backward, _observers, observe_backward, observe_forward  # noqa: F401

FREED_MESSAGE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they "
    "have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward."
)
_sequence = itertools.count()
# whether any node has ever had a prehook (retain_grad, register_hook): until one has, backward does not look
# for them on each node (a look costs ~1% of a scalar op: most nodes have none, found on their class)
PREHOOKS_SEEN = [False]
_BACKWARD_SUFFIX = re.compile(r"Backward(0$|(?=\d+$))")  # MulBackward0 -> Mul, FillBackward2 -> Fill2


def sequence_number() -> int:
    """A number above every node recorded before the call and below every node recorded after it."""
    return next(_sequence)


class Node:
    """One recorded operation (PyTorch's ``grad_fn``)."""

    symbol = "?"  # how the value graph writes the operation: "+", "*", "tanh" ...

    def name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {id(self):#x}>"

    # -- what backward reads --------------------------------------------------------------------
    def saved_data(self) -> tuple:
        """The saved arrays, after checking they were not freed or modified in place."""
        saved = self.saved
        if saved is None:
            raise RuntimeError(FREED_MESSAGE)
        for box, version, holder, own in self.saved_checks:  # see function._version_check
            if box[0] != version:
                raise RuntimeError(_modified_message(holder, self if own else None, box[0], version))
        if self.saved_scalars:  # 0-d float arrays, read now as numpy scalars: same values, faster arithmetic
            if len(saved) == 1:
                return (saved[0][()],)
            return tuple([value[()] for value in saved])
        return saved

    def release(self) -> None:
        """Free saved values after backward (unless the graph is retained); called when some are saved."""
        if self.saved is not None and self.saved:
            self.saved = None
            self.saved_checks = ()

    def backward(self, grad: np.ndarray) -> Sequence[np.ndarray | None]:
        raise NotImplementedError

    # -- hooks used by retain_grad() and register_hook() ------------------------------------------
    def register_prehook(self, hook: Callable) -> None:
        self.prehooks = (*self.prehooks, hook)
        PREHOOKS_SEEN[0] = True

    saved: tuple | None = ()
    saved_checks: tuple = ()
    saved_scalars = False  # every saved value is a 0-d float array (set when recorded)
    prehooks: tuple = ()
    views_leaf = False  # made a view of a leaf that requires grad: in-place changes through it are refused
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

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"  # PyTorch's C++ name (its repr says AccumulateGrad)

    def backward(self, grad: np.ndarray) -> tuple:
        # held only by the backward loop and this call: a first ``.grad`` may take the array itself
        # rather than a copy, as PyTorch's AccumulateGrad steals a gradient nothing else refers to
        unshared = _references(grad) <= PASS_REFERENCES  # counted before ``grad`` is passed on
        self.variable._accumulate_grad(grad, unshared)
        return ()


PASS_REFERENCES = 3  # _propagate's ``grad``, AccumulateGrad.backward's ``grad``, _references's argument
_references = sys.getrefcount


def _modified_message(holder: object, maker: Node | None, now: int, expected: int) -> str:
    """PyTorch's words for a saved tensor changed in place.

    ``holder`` is the saved input (a tensor), or the array of a saved output (the output is not held: it holds
    its node). ``maker`` is the node that saved it, named for an output, or None: the holder's ``grad_fn``."""
    if type(holder) is np.ndarray:
        shape, scalar_name = holder.shape, BY_NUMPY[holder.dtype].scalar_name
    else:
        shape, scalar_name = holder.shape, holder.dtype.scalar_name
        maker = maker or holder.grad_fn
    description = f"[torch.{scalar_name}Tensor [{', '.join(map(str, shape))}]]"
    if maker is not None:
        operation = _BACKWARD_SUFFIX.sub("", maker.name())  # MulBackward0 -> Mul
        description += f", which is output 0 of {operation},"
    return (
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: {description} is at version {now}; expected version {expected} instead. Hint: "
        "enable anomaly detection to find the operation that failed to compute its gradient, with "
        "torch.autograd.set_detect_anomaly(True, check_nan=False)."
    )


# -- the backward pass --------------------------------------------------------------------------
def _sum_to_shape(grad: np.ndarray, shape: tuple) -> np.ndarray:
    """Undo broadcasting: sum ``grad`` over the axes along which an input of ``shape`` was stretched."""
    lead = grad.ndim - len(shape)
    if lead == 1 and grad.shape[1:] == shape:  # a bias-like input: only the leading (batch) axis was added
        return grad.sum(axis=0)
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


_SCALAR_TYPES = {np.dtype(kind): kind for kind in (np.float16, np.float32, np.float64)}  # the scalar's type


def _count_dependencies(roots: list[Node]) -> dict[Node, int]:
    """How many edges lead into each node reachable from the roots (iterative DFS)."""
    dependencies: dict[Node, int] = {}
    # a root reached again is already on the stack; a single root can't be reached at all (no cycles)
    other_roots = set(roots) if len(roots) > 1 else ()
    stack = list(roots)
    push, pop = stack.append, stack.pop
    while stack:
        for child, _ in pop().next_functions:
            if child is None:
                continue
            count = dependencies.get(child)
            if count is not None:
                dependencies[child] = count + 1
            else:  # first visit
                dependencies[child] = 1
                if child not in other_roots:
                    push(child)
    return dependencies


def run_backward(
    roots: Sequence[tuple[Node, np.ndarray]],
    retain_graph: bool,
    capture: dict[Node, np.ndarray | None] | None = None,
) -> None:
    """Propagate gradients from ``roots`` through the graph in PyTorch's order.

    The next node is always the ready one recorded last (highest ``seq``; leaves' AccumulateGrad first).
    When exactly one node becomes ready and no other waits, it runs next without the heap, so a chain
    costs no heap traffic and the order is unchanged. With ``capture`` (autograd.grad), the gradients
    arriving at those nodes are stored there instead of being accumulated into leaves.
    """
    watchers = _observers.__dict__
    for on_start in watchers.get("backward_start", ()):
        on_start()
    observer = _notify_backward(watchers.get("backward", ()))
    order = itertools.count()  # ties in the ready queue (leaves' AccumulateGrad) go first-come, first-served
    buffers: dict[Node, np.ndarray] = {}
    ready: list = []
    if len(roots) == 1:  # one root: nothing leads into it, so it runs first
        node, grad = roots[0]
        dependencies = _count_dependencies([node])
    else:
        dependencies = _count_dependencies(list(dict.fromkeys(node for node, _ in roots)))  # each root once
        for node, grad in roots:
            buffers[node] = buffers[node] + grad if node in buffers else grad
        ready = [(-node.seq, next(order), node) for node in buffers if dependencies.get(node, 0) == 0]
        heapq.heapify(ready)
        if not ready:  # cannot happen without a cycle; announced passes always end
            for on_end in watchers.get("backward_end", ()):
                on_end(True)
            return
        node = heapq.heappop(ready)[2]
        grad = buffers.pop(node, None)
    previous = grad_mode.is_grad_enabled()  # no_grad() without building a context manager
    grad_mode._set_enabled(False)
    completed = False
    try:
        _propagate(node, grad, ready, buffers, dependencies, retain_graph, capture, observer, order)
        completed = True
    finally:
        grad_mode._set_enabled(previous)
        for on_end in watchers.get("backward_end", ()):
            on_end(completed)


def _propagate(
    node: Node,
    grad: np.ndarray | None,
    ready: list,
    buffers: dict,
    dependencies: dict,
    retain_graph: bool,
    capture: dict | None,
    observer: Callable | None,
    order: Iterator[int],
) -> None:
    """The backward loop: run ``node``, hand each input its gradient, pick the next ready node."""
    while True:
        grads: Sequence = ()
        if grad is not None:
            if PREHOOKS_SEEN[0] and node.prehooks:  # (read at each node: a hook may register another)
                for hook in node.prehooks:
                    replaced = hook(grad)
                    grad = grad if replaced is None else replaced
            if capture is not None and node in capture:
                capture[node] = grad
            if capture is None or not isinstance(node, AccumulateGrad):
                child_grad = next_grad = None  # so the loop holds ``grad`` once (AccumulateGrad counts)
                grads = node.backward(grad)
                if not retain_graph and node.saved:  # Node.release, inline
                    node.saved, node.saved_checks = None, ()
                if observer is not None:
                    observer(node, grad, grads)
        next_node = next_grad = next_key = None
        count = len(grads)
        index = -1
        for child, _ in node.next_functions:
            index += 1
            if child is None:
                continue
            remaining = dependencies[child] - 1
            dependencies[child] = remaining
            child_grad = grads[index] if index < count else None
            if child_grad is not None:
                shape, dtype = node.input_meta[index]
                # a numpy scalar of the input's own dtype, for a 0-d input, fits as it is (a scalar chain's
                # gradients); told by its type, as the scalar's attributes cost a full lookup each
                if (shape or _SCALAR_TYPES.get(dtype) is not type(child_grad)) and (
                    child_grad.shape != shape or (child_grad.dtype is not dtype and child_grad.dtype != dtype)
                ):
                    child_grad = _fit_to_input(child_grad, (shape, dtype))  # only when something differs
                pending = buffers.pop(child, None) if buffers else None  # a chain leaves it empty
                if pending is not None:
                    child_grad = pending + child_grad
                if remaining or next_node is not None:
                    buffers[child] = child_grad
            if remaining == 0:
                if next_node is None:
                    next_node = child  # its tie-breaking key is drawn when another node needs one
                    next_grad = child_grad if child_grad is not None else buffers.pop(child, None)
                else:
                    if next_key is None:  # before this node's: next_node became ready first
                        next_key = next(order)
                    heappush(ready, (-child.seq, next(order), child))
        if next_node is not None and not ready:  # the only ready node: it runs next, no heap needed
            node, grad = next_node, next_grad
            continue
        if next_node is not None:
            if next_grad is not None:
                buffers[next_node] = next_grad
            if next_key is None:
                next_key = next(order)
            node = heappushpop(ready, (-next_node.seq, next_key, next_node))[2]
        elif ready:
            node = heappop(ready)[2]
        else:
            return
        grad = buffers.pop(node, None)


# -- the public torch.autograd functions (implemented in autograd_api, which needs Tensor) ---------
def grad(*args, **kwargs):
    """``torch.autograd.grad``: gradients of outputs with respect to inputs, returned."""
    from engine.autograd_api import grad as compute

    return compute(*args, **kwargs)


def backward(*args, **kwargs):
    """``torch.autograd.backward``: like ``tensor.backward`` for several outputs."""
    from engine.autograd_api import backward as compute

    return compute(*args, **kwargs)
