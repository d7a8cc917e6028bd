"""How PyTorch checks shapes that expand or broadcast, in its words: ``expand``/``broadcast_to``,
``broadcast_shapes`` and ``broadcast_tensors``.

Kept apart from the operations so that ``shape_ops.expand`` and the functions built on it share one set of
refusals.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.functions.promotion import _check_broadcast


def expanded_shape(shape: tuple[int, ...], wanted: tuple[int, ...], type_name: str) -> tuple[int, ...]:
    """The shape ``expand(*wanted)`` gives a tensor of ``shape`` (-1 keeps a size), or PyTorch's refusal
    (``type_name``: how it names the tensor's type, ``torch.FloatTensor`` or ``CPUBoolType``)."""
    lead = len(wanted) - len(shape)
    if lead < 0:
        raise RuntimeError(
            f"expand({type_name}{{{list(shape)}}}, size={list(wanted)}): the number of sizes "
            f"provided ({len(wanted)}) must be greater or equal to the number of dimensions in the tensor "
            f"({len(shape)})"
        )
    result = []
    for position in reversed(range(len(wanted))):  # PyTorch checks from the last dimension
        size = wanted[position]
        if position < lead:
            if size < 0:
                raise RuntimeError(
                    f"The expanded size of the tensor ({size}) isn't allowed in a leading, non-existing "
                    f"dimension {position}"
                )
            result.insert(0, size)
            continue
        existing = shape[position - lead]
        if size == -1:
            size = existing
        if existing != 1 and size != existing:
            raise RuntimeError(
                f"The expanded size of the tensor ({size}) must match the existing size ({existing}) at "
                f"non-singleton dimension {position}.  Target sizes: {list(wanted)}.  Tensor sizes: "
                f"{list(shape)}"
            )
        result.insert(0, size)
    return tuple(result)


def broadcast_shapes(*shapes: Any) -> tuple[int, ...]:
    """The shape tensors of ``shapes`` (each an int or a sequence of ints) broadcast to, as PyTorch checks it:
    the shapes are taken in order, and the first size that fits none seen before is named."""
    sized = []
    for shape in shapes:
        if isinstance(shape, int | np.integer):
            shape = (int(shape),)
        elif not isinstance(shape, list | tuple) or not all(isinstance(s, int | np.integer) for s in shape):
            raise RuntimeError(
                f"Input shapes should be of type ints, a tuple of ints, or a list of ints, got {shape!r}"
            )
        sized.append(shape)
    result = [1] * max((len(shape) for shape in sized), default=0)
    for number, shape in enumerate(sized):
        for offset in range(1, len(shape) + 1):
            size = int(shape[-offset])
            if size < 0:
                raise ValueError("Attempting to broadcast a dimension with negative length!")
            if size == 1 or size == result[-offset]:
                continue
            if result[-offset] != 1:
                raise RuntimeError(
                    f"Attempting to broadcast a dimension of length {size} at {-offset}! Mismatching "
                    f"argument at index {number} had {shape!r}; but expected shape should be broadcastable "
                    f"to {result}"
                )
            result[-offset] = size
    return tuple(result)


def joint_shape(shapes: list[tuple[int, ...]]) -> tuple[int, ...]:
    """The shape several tensors broadcast to, refused as PyTorch refuses ``broadcast_tensors``: the shape of
    those before (tensor a) against the next (tensor b)."""
    joint: tuple[int, ...] = ()
    for shape in shapes:
        _check_broadcast(np.broadcast_to(np.empty(()), joint), np.broadcast_to(np.empty(()), shape))
        joint = np.broadcast_shapes(joint, shape)
    return joint
