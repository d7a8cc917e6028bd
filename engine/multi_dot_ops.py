"""``torch.linalg.multi_dot`` and the deprecated ``torch.chain_matmul``: a chain of matrix products (mm),
in the cheapest order, as PyTorch records it; the first and last factors of multi_dot may be vectors."""

from __future__ import annotations

import warnings
from typing import Any

from engine.product_ops import _C_NAMES as C_NAMES
from engine.product_ops import mm
from engine.shape_ops import unsqueeze, view
from engine.tensor import Tensor

CHAIN_MATMUL_WARNING = (
    "torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use "
    "torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple "
    "parameters."
)


def multi_dot(tensors: Any) -> Tensor:
    """The product of a chain of matrices (the first and last may be vectors), in the cheapest order."""
    if not isinstance(tensors, list | tuple):
        kind = type(tensors).__name__
        raise TypeError(
            f"linalg_multi_dot(): argument 'tensors' (position 1) must be tuple of Tensors, not {kind}"
        )
    count = len(tensors)
    if count < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {count}")
    first, last = tensors[0], tensors[-1]
    for name, end in (("first", first), ("last", last)):
        if end.dim() not in (1, 2):
            raise RuntimeError(f"multi_dot(): the {name} tensor must be 1D or 2D but got {end.dim()}D")
    for position, middle in enumerate(tensors[1:-1], start=1):
        if middle.dim() != 2:
            raise RuntimeError(f"multi_dot(): tensor {position} must be 2D but got {middle.dim()}D")
    for position, matrix in enumerate(tensors[1:], start=1):
        if matrix.dtype != first.dtype:
            raise RuntimeError(
                "multi_dot(): all tensors must have be the same dtype but tensor 0 is "
                f"{C_NAMES[first.dtype.name]} and tensor {position} {C_NAMES[matrix.dtype.name]}"
            )
    matrices = list(tensors)
    if first.dim() == 1:
        matrices[0] = unsqueeze(first, 0)
    if last.dim() == 1:
        matrices[-1] = unsqueeze(last, -1)
    for position in range(count - 1):
        before, after = matrices[position], matrices[position + 1]
        if before.shape[1] != after.shape[0]:
            shapes = list(tensors[position].shape), list(tensors[position + 1].shape)
            raise RuntimeError(
                f"multi_dot(): tensors {position} and {position + 1} with shapes {shapes[0]} and {shapes[1]} "
                "cannot be multiplied"
            )
    product = _chain(matrices, _cheapest_splits(matrices), 0, count - 1)
    shape = first.shape[:-1] + last.shape[1:]
    return view(product, shape)


def _cheapest_splits(matrices: list[Tensor]) -> dict[tuple[int, int], int]:
    """For each run of matrices, where to split it last: the classic dynamic programme over chain lengths
    (the first cheapest split wins a tie; for three matrices PyTorch compares the two orders directly)."""
    sizes = [matrix.shape[0] for matrix in matrices] + [matrices[-1].shape[1]]
    count = len(matrices)
    if count == 3:
        a, b, c, d = sizes
        left_first = a * b * c + a * c * d
        return {(0, 2): 1 if left_first <= b * c * d + a * b * d else 0}
    cost = {(i, i): 0 for i in range(count)}
    split = {}
    for length in range(2, count + 1):
        for start in range(count - length + 1):
            end = start + length - 1
            options = [
                (
                    cost[start, middle]
                    + cost[middle + 1, end]
                    + sizes[start] * sizes[middle + 1] * sizes[end + 1],
                    middle,
                )
                for middle in range(start, end)
            ]
            cost[start, end], split[start, end] = min(options, key=lambda option: option[0])
    return split


def _chain(matrices: list[Tensor], split: dict, start: int, end: int) -> Tensor:
    if start == end:
        return matrices[start]
    if end == start + 1:
        return mm(matrices[start], matrices[end])
    middle = split[start, end]
    return mm(_chain(matrices, split, start, middle), _chain(matrices, split, middle + 1, end))


def chain_matmul(*matrices: Tensor, out: Tensor | None = None) -> Tensor:
    """The deprecated form of ``linalg.multi_dot``: matrices only, one alone is cloned."""
    from engine.out_arg import write_out
    from engine.shape_ops import clone

    for position, matrix in enumerate(matrices):
        if not isinstance(matrix, Tensor):
            kind = type(matrix).__name__
            raise TypeError(f"expected Tensor as element {position} in argument 0, but got {kind}")
    # every call warns: Python's filter shows it once per calling line (PyTorch once per process)
    warnings.warn(CHAIN_MATMUL_WARNING, UserWarning, stacklevel=2)
    if not matrices:
        raise RuntimeError("chain_matmul(): Expected one or more matrices")
    for matrix in matrices:
        if matrix.dim() != 2:
            raise RuntimeError(f"Tensor dimension is {matrix.dim()}, expected 2 instead.")
    result = clone(matrices[0]) if len(matrices) == 1 else multi_dot(matrices)
    return result if out is None else write_out(result, out)
