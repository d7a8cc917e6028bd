"""In-place operations, as PyTorch records them: the values are written into the tensor's own memory (so
its views and its base show them), and its history becomes the operation's (``commit``).

``add_`` and kin run out of place, then commit; fills (``zero_``, ``fill_``, ``copy_``) commit a node of their
own when the tensor is in a graph. A change through a view is recorded on its base too (CopySlices), and the
base's other views are regenerated from it (AsStridedBackward0).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, grad_mode, observers
from engine.creation import random_stream
from engine.functions import overwrite
from engine.memory_layout import overlaps_partly, positions, writable
from engine.tensor import Tensor, check_in_place

SHARED_INPUT = (
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
    "memory location. Please clone() the tensor before performing the operation."
)
SHARED_ELEMENTS = (
    "unsupported operation: more than one element of the written-to tensor refers to a single memory "
    "location. Please clone() the tensor before performing the operation."
)


def in_place(a: Tensor, function: Any, *args: Any, **kwargs: Any) -> Tensor:
    """Run an out-of-place op and make ``a`` hold its result (in ``a``'s memory, cast to ``a``'s dtype)."""
    check_in_place(a)
    check_writable(a._data)
    for other in (*args, *kwargs.values()):
        check_no_partial_overlap(a._data, other)
    result = function(a, *args, **kwargs)
    _check_cast(result._data.dtype, a._data.dtype)
    if result._data.shape != a._data.shape:
        wanted, got = list(a._data.shape), list(result._data.shape)
        raise RuntimeError(f"output with shape {wanted} doesn't match the broadcast shape {got}")
    if result.grad_fn is not None and grad_mode.is_grad_enabled():
        from engine.functions.in_place_names import rename_in_place  # imports the node modules: not at load

        rename_in_place(result.grad_fn)
        commit(a, result)
    else:
        _write(a, result._data)
    return a


def check_no_partial_overlap(written: np.ndarray, read: Any) -> None:
    """PyTorch's refusal of a source tensor that overlaps part of the memory being written."""
    if isinstance(read, Tensor) and overlaps_partly(written, read._data):
        raise RuntimeError(SHARED_INPUT)


_CATEGORY = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}  # PyTorch casts in place within a kind or upwards only


def _check_cast(result: np.dtype, target: np.dtype) -> None:
    """PyTorch's refusal to write an op's result into a tensor of a lower kind (floats into integers)."""
    if _CATEGORY[result.kind] > _CATEGORY[target.kind]:
        wanted, got = dtypes.BY_NUMPY[target].scalar_name, dtypes.BY_NUMPY[result].scalar_name
        raise RuntimeError(f"result type {got} can't be cast to the desired output type {wanted}")


def check_writable(data: np.ndarray) -> None:
    """PyTorch's refusal to write into an expanded tensor, where several elements are one memory location."""
    # an empty tensor has no elements to share (numpy gives its dimensions stride 0)
    if data.size and any(
        stride == 0 and size > 1 for size, stride in zip(data.shape, data.strides, strict=True)
    ):
        raise RuntimeError(SHARED_ELEMENTS)


def commit(a: Tensor, result: Tensor) -> None:
    """``a`` becomes ``result`` in place: ``result``'s values in ``a``'s memory, ``result``'s node as history.

    The node keeps its own copy of any value of ``a`` it read (it is about to be overwritten). A view's base
    records the change too, and views made earlier of the changed memory are regenerated from their base.
    """
    node = result.grad_fn
    _keep_original_self(node, a)
    if observers.forward_watchers:  # someone draws the graph: it keeps what each node computed
        observers.notify_overwrite(a._data)
    _write(a, result._data)
    _save_as_in_place(node, a, result)
    base = getattr(a, "_view_base", None)
    if base is not None and a._data.size and not np.may_share_memory(a._data, base._data):
        base = None  # a copy that calls itself a view (reshape of a non-contiguous tensor): no base to record
    if base is None:
        a._moved_history(node)
        _regenerate_views(a, changed=a)
        return
    where = positions(base._data, a._data)
    written = overwrite.CopySlices.apply(base, result, positions=where)
    base._moved_history(written.grad_fn)
    _regenerate(a, base, where)  # the view itself now reads the base's new history
    _regenerate_views(base, changed=a)


def _regenerate(view: Tensor, base: Tensor, where: np.ndarray) -> None:
    regenerated = overwrite.AsStridedBackward0.apply(base, view=view._data, positions=where)
    view._moved_history(regenerated.grad_fn)


def _write(a: Tensor, values: np.ndarray) -> None:
    np.copyto(writable(a._data), values, casting="unsafe")  # numpy buffers any overlap of the two
    a._version_box[0] += 1


def _keep_original_self(node: Any, a: Tensor) -> None:
    """The op read ``a`` (its input 0) and is about to overwrite it: like PyTorch, it keeps the original
    values of ``a`` (a copy) and drops its version check on them. Other inputs it saved stay as they are, so
    one that shares ``a``'s memory (``y.mul_(y)``) is reported at backward as modified in place."""
    saves = node.saves_inputs
    if not saves or saves[0] != 0 or not node.saved:
        return
    original = node.saved[0]
    if type(original) is np.ndarray and np.may_share_memory(original, a._data):
        node.saved = (original.copy(), *node.saved[1:])
    checks = node.saved_checks
    for position, (_, _, holder, _) in enumerate(checks):
        if holder is a:
            node.saved_checks = checks[:position] + checks[position + 1 :]
            return


def _regenerate_views(base: Tensor, changed: Tensor | None) -> None:
    """Give every live view of ``base`` (but ``changed``, which has its history already) a node that takes its
    values from ``base`` as it is now, as PyTorch regenerates a view whose base changed in place."""
    views = getattr(base, "_views", None)
    if not views:
        return
    alive = []
    for reference in views:
        view = reference()
        if view is None:
            continue
        alive.append(reference)
        if view is changed or not np.may_share_memory(view._data, base._data):
            continue
        _regenerate(view, base, positions(base._data, view._data))
    base._views = alive


def in_place_method(function: Any) -> Any:
    """The in-place method form of an out-of-place op (``x.add_``, ``x.scatter_``): ``in_place`` on self."""

    def method(self: Tensor, *args: Any, **kwargs: Any) -> Tensor:
        return in_place(self, function, *args, **kwargs)

    return method


def _save_as_in_place(node: Any, a: Tensor, result: Tensor) -> None:
    """Re-point the new node's check on its saved output to ``a``: its output is ``a`` itself from now on, so
    a later in-place change of ``a`` is caught ("output 0 of Exp, is at version 2; expected version 1")."""
    checks = []
    for box, version, holder, own in node.saved_checks:
        if box is result._version_box:
            box, version, holder = a._version_box, a._version_box[0], a
        checks.append((box, version, holder, own))
    node.saved_checks = tuple(checks)


def _recorded(a: Tensor, source: Any = None) -> bool:
    """Whether an overwrite of ``a`` (with ``source``) is part of a graph: PyTorch then records a node.

    An integer or bool ``a`` takes a value from a graph as plain numbers (only fill_ records even that)."""
    wants = a._requires_grad or (recordable(a) and isinstance(source, Tensor) and source._requires_grad)
    return wants and grad_mode.is_grad_enabled()


def recordable(a: Tensor) -> bool:
    """Whether ``a`` can join a graph by an in-place write: only floating tensors carry gradients."""
    return a._data.dtype.kind in "fc"


def fill_(a: Tensor, value: Any) -> Tensor:
    check_in_place(a)
    if (isinstance(value, Tensor) and value._requires_grad and grad_mode.is_grad_enabled()) or _recorded(a):
        if isinstance(value, Tensor):
            commit(a, overwrite.FillBackward3.apply(a, value))
        else:
            commit(a, overwrite.FillBackward2.apply(a, value=value))
        return a
    writable(a._data)[...] = value._data if isinstance(value, Tensor) else value
    a._version_box[0] += 1
    return a


def zero_(a: Tensor) -> Tensor:
    check_in_place(a)
    if _recorded(a):
        commit(a, overwrite.ZeroBackward0.apply(a))
        return a
    writable(a._data)[...] = 0
    a._version_box[0] += 1
    return a


def copy_(a: Tensor, source: Any, non_blocking: bool = False) -> Tensor:
    check_in_place(a)
    check_writable(a._data)
    check_no_partial_overlap(a._data, source)
    if isinstance(source, Tensor) and _recorded(a, source):
        commit(a, overwrite.CopyBackwards.apply(a, source))
        return a
    a._data[...] = source._data if isinstance(source, Tensor) else source
    a._version_box[0] += 1
    return a


def uniform_(a: Tensor, low: float = 0.0, high: float = 1.0, *, generator: Any = None) -> Tensor:
    """Numbers drawn uniformly from [low, high), from ``generator`` (a ``torch.Generator``) or the default."""
    return copy_(a, random_stream(generator).uniform(a._data.shape, low, high, _float_kind(a)))


def normal_(a: Tensor, mean: float = 0.0, std: float = 1.0, *, generator: Any = None) -> Tensor:
    """Numbers drawn from N(mean, std²), from ``generator`` (a ``torch.Generator``) or the default one."""
    return copy_(a, random_stream(generator).normal(a._data.shape, mean, std, _float_kind(a)))


def random_(a: Tensor, from_: int | None = None, to: int | None = None, *, generator: Any = None) -> Tensor:
    """Whole numbers drawn uniformly: in [from, to), in [0, from) given one bound, or without bounds over
    every whole number the dtype holds exactly (PyTorch's draws: 64-bit ones where 32 bits are too few)."""
    source = random_stream(generator)
    data = a._data
    if from_ is None and to is None:  # no bounds: [0, 2^digits] for floats, [0, max] for integers
        wide = data.dtype in (np.float64, np.int64)
        if data.dtype.kind == "f":
            span = (1 << np.finfo(data.dtype).nmant + 1) + 1
        elif data.dtype.kind == "b":
            span = 2
        else:
            span = int(np.iinfo(data.dtype).max) + 1
        raw = source.raw64(data.size) if wide else source.raw32(data.size)
        values = (raw % np.uint64(span)).reshape(data.shape)
        return copy_(a, values.astype(data.dtype))
    low, high = (0, from_) if to is None else (from_ or 0, to)
    if low >= high:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
    return copy_(a, source.integers(int(low), int(high), data.shape).astype(data.dtype))


def _float_kind(a: Tensor) -> np.dtype:
    """Random fills of integer tensors draw in float32, as PyTorch's default dtype."""
    return a._data.dtype if a._data.dtype.kind == "f" else np.dtype(np.float32)
