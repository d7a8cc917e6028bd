"""Where a view's elements lie in memory: their positions in its base, overlaps, writing an expanded one,
and whether memory can take a new shape without a copy.

numpy answers these from strides and data pointers; the in-place operations (``in_place_ops``) use them to
record a write through a view on its base, and to refuse what PyTorch refuses; reshape and view ask the last.
"""

from __future__ import annotations

import numpy as np


def overlaps_partly(written: np.ndarray, read: np.ndarray) -> bool:
    """Whether ``read`` shares some, but not exactly all, of ``written``'s memory (``y[1:].mul_(y[:3])``).

    As PyTorch, only for two contiguous blocks: a layout with gaps (``a[::2]``) is too hard to tell, and
    counts as apart."""
    if not np.may_share_memory(written, read) or not (_dense(written) and _dense(read)):
        return False
    start_w, end_w = _byte_bounds(written)
    start_r, end_r = _byte_bounds(read)
    return (start_w, end_w) != (start_r, end_r)


_byte_bounds = np.lib.array_utils.byte_bounds


def _dense(array: np.ndarray) -> bool:
    return array.flags.c_contiguous or array.flags.f_contiguous


def writable(array: np.ndarray) -> np.ndarray:
    """``array`` itself, or, for an expanded one (numpy marks those read-only), a writable view of its memory:
    zero_ and fill_ may write there, as in PyTorch, since every element gets the same value."""
    if array.flags.writeable:
        return array
    owner = array
    while isinstance(owner.base, np.ndarray):
        owner = owner.base
    if not owner.flags.writeable:
        return array  # memory nobody may write: numpy says so
    offset = array.__array_interface__["data"][0] - owner.__array_interface__["data"][0]
    return np.ndarray(array.shape, array.dtype, buffer=owner, offset=offset, strides=array.strides)


def positions(base: np.ndarray, view: np.ndarray) -> np.ndarray:
    """For each element of ``view`` (a numpy view of ``base``'s memory), the flat C-order index in ``base``
    of the element it shows (an expanded view shows some several times)."""
    if base.flags.c_contiguous:  # the usual base, an op's result: offsets are the flat indices, O(view)
        return _offsets(view, base)
    offsets_of_base = _offsets(base, base)
    lookup = np.full(int(offsets_of_base.max(initial=0)) + 1, -1, dtype=np.intp)
    lookup[offsets_of_base.reshape(-1)] = np.arange(base.size, dtype=np.intp)
    return lookup[_offsets(view, base)]


def _offsets(array: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Each element's distance from the start of ``base``'s memory, in elements."""
    item = base.itemsize
    start = (array.__array_interface__["data"][0] - base.__array_interface__["data"][0]) // item
    total = np.full(array.shape, start, dtype=np.intp)
    for axis, (size, stride) in enumerate(zip(array.shape, array.strides, strict=True)):
        steps = np.arange(size, dtype=np.intp) * (stride // item)
        total += steps.reshape((1,) * axis + (size,) + (1,) * (array.ndim - axis - 1))
    return total


def viewable(data: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Whether ``data`` can take ``shape`` without a copy (numpy's test is PyTorch's stride rule)."""
    probe = data.view()
    try:
        probe.shape = shape
    except AttributeError:
        return False
    return True


def data_pointer(data: np.ndarray) -> int:
    """The address of the first element (``Tensor.data_ptr()``)."""
    return int(data.__array_interface__["data"][0])


def storage_offset(data: np.ndarray) -> int:
    """How many elements into the memory it views the array starts (``Tensor.storage_offset()``)."""
    root = data
    while isinstance(root.base, np.ndarray):
        root = root.base
    return (data_pointer(data) - data_pointer(root)) // data.itemsize if data.size else 0
