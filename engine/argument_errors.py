"""PyTorch's TypeErrors for arguments of the wrong kind, as its argument parser words them."""

from __future__ import annotations

from typing import Any

from engine.tensor import Tensor


def type_name(value: Any) -> str:
    return "Tensor" if isinstance(value, Tensor) else type(value).__name__


def must_be_tensor(name: str, argument: str, value: Any, position: int) -> None:
    """Refuse a non-tensor where the function's only form takes a tensor (``hypot(x, 2)``)."""
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{name}(): argument '{argument}' (position {position}) must be Tensor, not {type_name(value)}"
        )


def no_form_matches(name: str, given: tuple, forms: tuple[str, ...]) -> TypeError:
    """The error for arguments that fit none of a function's forms (``xlogy(2, 3)``); each form is what
    PyTorch lists between the brackets."""
    got = ", ".join(type_name(value) for value in given)
    listed = "".join(f" * ({form})\n" for form in forms)
    return TypeError(
        f"{name}() received an invalid combination of arguments - got ({got}), but expected one of:\n{listed}"
    )
