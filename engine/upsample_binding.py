"""The TypeErrors of PyTorch's binding of its upsampling ops, ``op(input, output_size, [align_corners,]
scale_factors)``, which ``F.interpolate`` calls with what it made of ``size`` and ``scale_factor``."""

from __future__ import annotations

from typing import Any

from engine.argument_errors import type_name
from engine.tensor import Tensor


def check(op: str, dims: int, output_size, align_corners, scale_factors) -> None:
    """The TypeErrors of PyTorch's binding of ``op(input, output_size, [align_corners,] scale_factors)``."""
    sizes_fit = output_size is None or (output_size and _binding_int(output_size[0]))
    scales_fit = scale_factors is None or (scale_factors and _binding_float(scale_factors[0]))
    corners_fit = align_corners is None or isinstance(align_corners, bool)
    if not (sizes_fit and scales_fit and corners_fit):
        _refuse_combination(op, dims, output_size, align_corners, scale_factors)
    for position, value in enumerate(scale_factors or [], start=1):
        if not _binding_float(value):
            raise TypeError(
                f"{op}(): argument 'scale_factors' must be tuple of floats, but found element of type "
                f"{type(value).__name__} at pos {position}"
            )


def _binding_int(value: Any) -> bool:
    if isinstance(value, Tensor):
        return value._data.size == 1 and value._data.dtype.kind in "iu"
    return isinstance(value, int) and not isinstance(value, bool)


def _binding_float(value: Any) -> bool:
    return isinstance(value, int | float)


def _refuse_combination(op: str, dims: int, output_size, align_corners, scale_factors) -> None:
    """PyTorch's TypeError when the arguments fit none of the op's two forms (it marks with ! what it
    rejects, and every size and scale list)."""
    given = [output_size] + ([align_corners] if align_corners is not None else []) + [scale_factors]
    got = ["Tensor"] + [type_name(value) for value in given]
    marked = ["Tensor", f"!{_described(output_size)}!"]
    if align_corners is not None:
        kind = type_name(align_corners)
        marked.append(kind if isinstance(align_corners, bool) else f"!{kind}!")
    marked.append(f"!{_described(scale_factors)}!")
    corners = "bool align_corners, " if align_corners is not None else ""
    scales = "float scales = None" if dims == 1 else "float scales_h = None, float scales_w = None"
    raise TypeError(
        f"{op}() received an invalid combination of arguments - got ({', '.join(got)}), but expected one "
        "of:\n"
        f" * (Tensor input, tuple of ints output_size, {corners}tuple of floats scale_factors)\n"
        f"      didn't match because some of the arguments have invalid types: ({', '.join(marked)})\n"
        f" * (Tensor input, tuple of ints output_size, {corners}{scales}, *, Tensor out = None)\n"
    )


def _described(value: Any) -> str:
    """A value as PyTorch's binding describes it: a list or tuple with its elements' types."""
    if isinstance(value, list):
        return f"list of [{', '.join(type_name(item) for item in value)}]"
    if isinstance(value, tuple):
        return f"tuple of ({', '.join(type_name(item) for item in value)})"
    return type_name(value)
