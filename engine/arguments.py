"""PyTorch's binding of a call to a function with one signature (``conv_transpose2d``), and the TypeErrors
its argument parser raises, worded and ordered as it does.

The parser looks at the arguments in the signature's order (a wrong type, a missing one), then at the
keywords (unknown, or given twice), and only then unpacks every element of the tuples of ints, from the
last argument to the first (the order in which its C++ call evaluates them).
"""

from __future__ import annotations

from typing import Any

from engine.argument_errors import type_name
from engine.tensor import Tensor

TENSOR, OPTIONAL_TENSOR, INT, INTS = "Tensor", "Tensor?", "int", "tuple of ints"
REQUIRED = object()  # the default of an argument that must be given
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # the integers PyTorch's C++ takes
BOOL_AS_INT = (
    'scalar.isIntegral( false) INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/torch/csrc/utils/pybind.cpp"'
    ":27, please report a bug to PyTorch. "
)


def bind(function: str, signature: tuple[tuple[str, str, Any], ...], args: tuple, kwargs: dict) -> dict:
    """The arguments by name (defaults filled in, tuples of ints unpacked to lists) for ``signature``'s
    (name, kind, default) entries, or PyTorch's TypeError."""
    if len(args) > len(signature):
        required = sum(default is REQUIRED for _, _, default in signature)
        takes = f"{len(signature)}" if required == len(signature) else f"from {required} to {len(signature)}"
        raise TypeError(f"{function}() takes {takes} positional arguments but {len(args)} were given")
    bound = {}
    for position, (name, kind, default) in enumerate(signature, start=1):
        if position <= len(args):
            value = args[position - 1]
        elif name in kwargs:
            value = kwargs[name]
        elif default is REQUIRED:
            missing = [f'"{name}"' for name, _, default in signature[len(args) :] if default is REQUIRED]
            plural = "" if len(missing) > 1 else "s"  # (PyTorch's plural is the other way round)
            raise TypeError(
                f"{function}() missing {len(missing)} required positional argument{plural}: "
                + ", ".join(missing)
            )
        else:
            value = default
        _check(function, name, kind, value, position if position <= len(args) else None)
        bound[name] = value
    names = [name for name, _, _ in signature]
    for name in kwargs:
        if name not in names:
            raise TypeError(f"{function}() got an unexpected keyword argument '{name}'")
        if names.index(name) < len(args):
            raise TypeError(f"{function}() got multiple values for argument '{name}'")
    for name, kind, _ in reversed(signature):
        if kind in (INT, INTS):
            value = bound[name]
            bound[name] = (
                _unpacked(function, name, value) if kind == INTS else _integer(value, whole_int=True)
            )
    return bound


def _check(function: str, name: str, kind: str, value: Any, position: int | None) -> None:
    """The first look at one argument: its type (for a sequence of ints: its first element's)."""
    where = "" if position is None else f" (position {position})"
    wanted = "Tensor" if kind in (TENSOR, OPTIONAL_TENSOR) else kind
    if kind in (TENSOR, OPTIONAL_TENSOR) and isinstance(value, Tensor):
        return
    if kind == OPTIONAL_TENSOR and value is None:
        return
    if kind in (INT, INTS) and _is_integer(value, whole_tensor=True):
        return
    if kind == INTS and isinstance(value, list | tuple):
        if not value or _is_integer(value[0]):
            return
        if position is not None:  # (by keyword, PyTorch names the sequence's type instead)
            raise TypeError(
                f"{function}(): argument '{name}'{where} must be {wanted}, but found element of type "
                f"{type_name(value[0])} at pos 0"
            )
    raise TypeError(f"{function}(): argument '{name}'{where} must be {wanted}, not {type_name(value)}")


def _unpacked(function: str, name: str, value: Any) -> list[int] | int:
    """A tuple of ints as a list of Python ints (past the first element, a bool counts as an int); a single
    int stays one (the function repeats it for each of its dimensions)."""
    if not isinstance(value, list | tuple):
        return _integer(value)
    unpacked = []
    for index, item in enumerate(value, start=1):
        failure = f"{function}(): argument '{name}' failed to unpack the object at pos {index} with error "
        if not (isinstance(item, int) or _is_integer(item)):
            raise TypeError(failure + f'"type must be tuple of ints,but got {type_name(item)}"')
        try:
            unpacked.append(_integer(item))
        except ValueError as error:  # (PyTorch adds its C++ stack to the quoted error)
            raise TypeError(failure + f'"{error}"') from None
    return unpacked


def _is_integer(value: Any, whole_tensor: bool = False) -> bool:
    """An int (not a bool), or an integer tensor of one element (as a whole argument, a bool one too)."""
    if isinstance(value, Tensor):
        kinds = "iub" if whole_tensor else "iu"
        return value._data.size == 1 and value._data.dtype.kind in kinds
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(value: Any, whole_int: bool = False) -> int:
    """A Python int from an int or an integer tensor, within int64 as PyTorch's C++ takes it."""
    if isinstance(value, Tensor):
        if whole_int and value._data.dtype.kind == "b":  # (PyTorch fails one of its own assertions)
            raise RuntimeError(BOOL_AS_INT)
        return int(value._data.reshape(()))
    if not INT64_MIN <= value <= INT64_MAX:
        raise ValueError("Overflow when unpacking long long")
    return int(value)
