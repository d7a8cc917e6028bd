"""``torch.einsum``: the equation read (explicit ``->`` or implicit output, ``...``, size-1 broadcasting, a
subscript repeated in one operand for its diagonal) and applied as one ``EinsumBackward0`` node."""

from __future__ import annotations

import re
import string
from typing import Any

from engine.functions import shape_extra as fn
from engine.tensor import Tensor


def _spell_out_ellipsis(
    inputs: list[str], output: str, arrow: bool, operands: tuple
) -> tuple[list[str], str]:
    """``...`` replaced by unused letters, one per broadcast dimension, aligned on the right."""
    spare = [letter for letter in string.ascii_letters if letter not in "".join(inputs) + output]
    counts = []
    for position, (subscripts, operand) in enumerate(zip(inputs, operands, strict=True)):
        named = len(subscripts.replace("...", ""))
        if "..." in subscripts and named > operand._data.ndim:
            raise RuntimeError(
                f"einsum(): the number of subscripts in the equation ({named}) is more than the number of "
                f"dimensions ({operand._data.ndim}) for operand {position}"
            )
        counts.append(operand._data.ndim - named if "..." in subscripts else 0)
    width = max(counts)
    letters = "".join(spare[:width])
    inputs = [s.replace("...", letters[width - count :]) for s, count in zip(inputs, counts, strict=True)]
    return inputs, output.replace("...", letters) if arrow else letters


def _check_repeats(subscripts: str, shape: tuple[int, ...], position: int) -> None:
    """A subscript repeated in one operand (its diagonal) needs the same size in each of its dimensions."""
    first: dict[str, int] = {}
    for letter, size in zip(subscripts, shape, strict=True):
        seen = first.setdefault(letter, size)
        if size != seen:
            raise RuntimeError(
                f"einsum(): subscript {letter} is repeated for operand {position} but the sizes don't match, "
                f"{size} != {seen}"
            )


def _parse_einsum(equation: str, operands: tuple) -> tuple[list[str], str, dict[str, int]]:
    """The operands' subscripts, the output's (implicit: the letters used once, sorted) and each size."""
    left, arrow, output = equation.replace(" ", "").partition("->")
    inputs = left.split(",")
    if len(inputs) > len(operands):
        raise RuntimeError("einsum(): fewer operands were provided than specified in the equation")
    if len(inputs) < len(operands):
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    leading = ""
    if "..." in equation:
        inputs, output = _spell_out_ellipsis(inputs, output, bool(arrow), operands)
        leading = output
    if not arrow:
        letters = "".join(inputs)
        singles = sorted(
            letter for letter in set(letters) if letters.count(letter) == 1 and letter not in leading
        )
        output = leading + "".join(singles)
    sizes: dict[str, int] = {}
    for position, (subscripts, operand) in enumerate(zip(inputs, operands, strict=True)):
        if not re.fullmatch("[a-zA-Z]*", subscripts):
            raise RuntimeError("einsum(): subscripts must be letters or '...', as in 'ij,jk->ik'")
        if len(subscripts) != operand._data.ndim:
            raise RuntimeError(
                f"einsum(): the number of subscripts in the equation ({len(subscripts)}) does not match the "
                f"number of dimensions ({operand._data.ndim}) for operand {position} and no ellipsis "
                "was given"
            )
        _check_repeats(subscripts, operand._data.shape, position)
        for letter, size in zip(subscripts, operand._data.shape, strict=True):
            seen = sizes.setdefault(letter, size)
            if size != seen and 1 not in (size, seen):
                raise RuntimeError(
                    f"einsum(): subscript {letter} has size {size} for operand {position} which does not "
                    f"broadcast with previously seen size {seen}"
                )
            sizes[letter] = max(size, seen)
    for letter in output:
        if output.count(letter) > 1:
            raise RuntimeError(f"einsum(): output subscript {letter} appears more than once in the output")
        if letter not in sizes:
            raise RuntimeError(
                f"einsum(): output subscript {letter} does not appear in the equation for any input operand"
            )
    return inputs, output, sizes


def einsum(equation: str, *operands: Any) -> Tensor:
    """Einstein summation over the operands (one ``EinsumBackward0`` node; see that class).

    A dimension of size 1 broadcasts against its subscript's size elsewhere (expanded first, as a view)."""
    if len(operands) == 1 and isinstance(operands[0], list | tuple):
        operands = tuple(operands[0])
    inputs, output, sizes = _parse_einsum(equation, operands)
    first = operands[0].dtype
    for operand in operands[1:]:
        if operand.dtype != first:
            found = operand.dtype.scalar_name
            raise RuntimeError(f"expected scalar type {first.scalar_name} but found {found}")
    operands = tuple(
        operand
        if list(operand.shape) == [sizes[letter] for letter in subscripts]
        else operand.expand(*[sizes[letter] for letter in subscripts])
        for operand, subscripts in zip(operands, inputs, strict=True)
    )
    return fn.EinsumBackward0.apply(*operands, subscripts=tuple(inputs), output=output)
