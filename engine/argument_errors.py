"""PyTorch's TypeErrors for arguments of the wrong kind, as its argument parser words them: one that must be a
tensor (``hypot(x, 2)``), and calls that match none of a function's forms, naming, form by form, the
arguments whose types did not fit (``movedim(x, (0, 1), 1)``, ``atleast_1d(3)``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from engine.tensor import Tensor


def kind_of(value: Any) -> str:
    """An argument's type as PyTorch's message names it: ``int``, ``Tensor``, ``tuple of (int, int)``."""
    if isinstance(value, Tensor):
        return "Tensor"
    if isinstance(value, tuple):
        inner = ", ".join(kind_of(item) for item in value)
        return f"tuple of ({inner},)" if len(value) == 1 else f"tuple of ({inner})"
    if isinstance(value, list):
        return f"list of [{', '.join(kind_of(item) for item in value)}]"
    return type(value).__name__


def type_name(value: Any) -> str:
    """How PyTorch names an argument's type: a layer's weight is a Parameter, other tensors Tensors."""
    if isinstance(value, Tensor):
        return "Parameter" if type(value).__name__ == "Parameter" else "Tensor"
    return type(value).__name__


def must_be_tensor(name: str, argument: str, value: Any, position: int) -> None:
    """Refuse a non-tensor where the function's only form takes a tensor (``hypot(x, 2)``)."""
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{name}(): argument '{argument}' (position {position}) must be Tensor, not {type_name(value)}"
        )


def plain_forms(*signatures: str) -> list[tuple[str, None]]:
    """Forms listed without saying why each did not match (``xlogy(2, 3)``: PyTorch lists them only)."""
    return [(f"({signature})", None) for signature in signatures]


def no_form_matches(
    name: str,
    given: Sequence[Any],
    forms: Sequence[tuple[str, Sequence[Callable[[Any], bool]] | str | None]],
    keywords: dict[str, Any] | None = None,
) -> TypeError:
    """The error for ``name(*given, **keywords)``; ``forms``: each form's signature text and, per positional
    argument, whether a value fits it (a text: why it does not; None: PyTorch says nothing more)."""
    got = [type_name(value) for value in given]
    got += [f"{key}={type_name(value)}" for key, value in (keywords or {}).items()]
    lines = [f"{name}() received an invalid combination of arguments - got ({', '.join(got)}), but expected"]
    lines[0] += " one of:"
    for signature, fits in forms:
        lines.append(f" * {signature}")
        if fits is None:
            continue
        if isinstance(fits, str):
            lines.append(f"      didn't match because {fits}")
            continue
        marked = [
            kind_of(value) if fit(value) else f"!{kind_of(value)}!"
            for value, fit in zip(given, fits, strict=True)
        ]
        lines.append(
            f"      didn't match because some of the arguments have invalid types: ({', '.join(marked)})"
        )
    return TypeError("\n".join(lines) + "\n")


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) or _int_tensor(value)


def is_ints(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(is_int(item) for item in value)


def never(value: Any) -> bool:
    return False


def is_tensor(value: Any) -> bool:
    return isinstance(value, Tensor)


def _int_tensor(value: Any) -> bool:
    return isinstance(value, Tensor) and value._data.ndim == 0 and value._data.dtype.kind in "iu"


# the forms of torch.gt and kin, and of fmod: the first argument must be a tensor
TENSOR_OR_NUMBER_FORMS = (
    "Tensor input, Tensor other, *, Tensor out = None",
    "Tensor input, Number other, *, Tensor out = None",
)


def tensor_first(name: str, input: Any, other: Any) -> None:  # noqa: A002 - PyTorch's names
    """PyTorch's refusal of ``torch.gt(2, x)``: these functions take the tensor first."""
    if not isinstance(input, Tensor):
        raise no_form_matches(name, (input, other), plain_forms(*TENSOR_OR_NUMBER_FORMS))
