"""The scalar lane: common operations on a 0-d floating tensor (and a Python number), recorded leanly.

Scalar chains (the article's first examples, a derivative taken by hand) spend most of their time in
bookkeeping that a 0-d operand makes trivial: every shape is (), every saved value is one number, there is
at most one edge. ``binary`` and the unary methods send such operations here (``add``, ``mul`` and the
unary methods test for the lane themselves and call ``made``, a call or two less). The node is the same class
as on the general path (``Function.apply``), computed with its rule's ``scalar_forward`` on numpy scalars,
and linked as ``Function.record`` would link it: the same ``next_functions``, ``input_meta``, saved values
and version checks (a Python number operand is kept as given: numpy casts it to the tensor's dtype when
backward uses it, as the general path does beforehand), reported to the same forward observers.
tests/engine/test_zero_dim.py runs every case both ways and compares what can be seen, bit for bit.

An operation this lane does not take (two tensors, an option such as ``alpha``, a power other than the square,
a value whose rule would warn, such as ``log`` of 0) goes the general way: ``None`` from ``unary``/
``with_number``/``square`` says so.
"""

from __future__ import annotations

import numpy as np

from engine import autograd, grad_mode, observers
from engine.functions.power import PowBackward0
from engine.tensor import Tensor

ENABLED = True  # False sends everything the general way (the tests compare both paths)
_NO_EDGE = (None, 0)
_grad_state = grad_mode._state
_off_threads = grad_mode.OFF_THREADS
_new_object = object.__new__
_next_sequence = autograd._sequence.__next__
# a unary rule's ``scalar_range`` holds for float32 and float64; float16 overflows sooner (e¹² is inf), and
# its numpy scalars then warn where the general path is silent: unary operations on it go the general way
HALF = np.dtype(np.float16)


def _metas(dtype: np.dtype) -> tuple[tuple, tuple]:
    """``input_meta`` of a node in the lane, for (x,) and for (x, number): one pair per dtype, shared."""
    shape_and_dtype = ((), dtype)
    return ((shape_and_dtype,), (shape_and_dtype, None))


# the dtypes each kind of operation takes in the lane, with their metas. A dtype is looked up here once per
# operation (its hash is cheap), which also stands for ``dtype.kind == "f"``: an attribute of a numpy object
# costs a full lookup each time it is read. A float of the other byte order is not here (the general way)
BINARY_METAS = {np.dtype(kind): _metas(np.dtype(kind)) for kind in (np.float16, np.float32, np.float64)}
UNARY_METAS = {dtype: metas for dtype, metas in BINARY_METAS.items() if dtype is not HALF}


def made(cls: type, a: Tensor, value: np.generic, number: float | int | None, metas: tuple) -> Tensor:
    """The result tensor holding ``value``, linked into the graph as ``Function.record`` would link it.

    ``number`` is the operation's Python number, or None for a unary operation; ``metas`` is a's dtype's entry
    in ``BINARY_METAS`` (or ``UNARY_METAS``), which the caller has looked up.
    """
    result = _new_object(Tensor)  # Tensor._wrap, inline
    result._data = np.array(value)  # a 0-d array of its own (writable: in-place ops may follow)
    result.grad_fn = result._grad = result._accumulator = result._backward_hooks = None
    result._version_box = [0]
    result._retains_grad = False
    if not (a._requires_grad and (not _off_threads or _grad_state.__dict__.get("enabled", True))):
        result._requires_grad = False
        return result
    node = _new_object(cls)
    node.seq = _next_sequence()
    maker = a.grad_fn
    edge = (maker if maker is not None else a._grad_node(), 0)
    if number is None:
        node.next_functions, node.input_meta = (edge,), metas[0]
        if cls.saves_output:  # exp, tanh: the result (its array: the tensor holds this node)
            box = result._version_box
            node.saved = (result._data,)
            node.saved_checks = ((box, 0, result._data, True),)
            node.saved_scalars = True
        elif cls.saves_inputs:  # log, sin, cos: x
            box = a._version_box
            node.saved = (a._data,)
            node.saved_checks = ((box, box[0], a, False),)
            node.saved_scalars = True
    else:
        node.next_functions, node.input_meta = (edge, _NO_EDGE), metas[1]
        saves = cls.when_only_a
        if saves:  # a product or quotient keeps the number (what _SavesWhatIsNeeded chooses)
            node.saves_inputs = saves
            node.saved = (number,)  # as a Python number: numpy casts it to a's dtype, as it did forward
    result._requires_grad = True
    result.grad_fn = node
    if observers.forward_watchers:  # someone is drawing the graph (in some thread)
        observers.notify_forward(node, (a,) if number is None else (a, number), result)
    return result


def unary(cls: type, a: Tensor) -> Tensor | None:
    """``cls`` applied to the 0-d floating tensor ``a``, or None when the lane does not take it."""
    forward = cls.scalar_forward
    data = a._data
    metas = UNARY_METAS.get(data.dtype)
    if forward is None or not ENABLED or metas is None:
        return None
    x = data[()]
    low, high = cls.scalar_range
    if not low < x < high:
        return None
    return made(cls, a, forward(x), None, metas)


def with_number(cls: type, a: Tensor, number: float | int) -> Tensor | None:
    """``a (op) number`` for the 0-d floating tensor ``a`` and a Python number, or None (general path)."""
    forward = cls.scalar_forward
    data = a._data
    metas = BINARY_METAS.get(data.dtype)
    if forward is None or not ENABLED or metas is None:
        return None
    domain = cls.scalar_domain
    if domain is not None and not domain(np.asarray(number, data.dtype)[()]):  # judged as it is computed
        return None
    # numpy casts a Python number to the scalar's dtype before the operation (NEP 50): the same bits as
    # the general path, which makes the number an array of a's dtype first
    return made(cls, a, forward(data[()], number), number, metas)


def square(a: Tensor, exponent: float | int) -> Tensor | None:
    """``a ** exponent`` for the 0-d floating tensor ``a`` when the exponent is 2 (``x**2``, ``.pow(2)``), or
    None (general path). PowBackward0's forward squares as ``a * a`` too, so the bits are the same."""
    metas = BINARY_METAS.get(a._data.dtype)
    if exponent != 2 or not ENABLED or metas is None:
        return None
    x = a._data[()]
    result = made(PowBackward0, a, x * x, None, metas)
    node = result.grad_fn
    if node is not None:
        node.exponent = exponent  # what PowBackward0.forward keeps for backward
    return result
