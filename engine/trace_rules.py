"""Local derivative rules with the names and numbers of one recorded operation: ``∂c/∂a = b = 3``.

Each rule gives, per input, the derivative written with the inputs' names and (when the values are
known) its value at this point. Operations without an entry keep the words of their ``rule``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from engine.trace_text import format_number, text

Value = np.ndarray | None
Formula = tuple[str, Any]  # (the derivative in names, its value or None when unknown)
_OPERATOR_MARK = re.compile(r"[ +\-*/]")  # a name holding one of these is put in brackets


def _known(*values: Any) -> bool:
    # speed: a loop, not all() over a generator (and not ``None in values``, which compares arrays)
    for value in values:
        if value is None:
            return False
    return True


def _apply(function: Callable, *values: Any) -> Any:
    """``function(*values)`` as numpy arrays, or None when a value is unknown."""
    if not _known(*values):
        return None
    with np.errstate(all="ignore"):
        return function(*(np.asarray(value, dtype=np.float64) for value in values))


def _wrapped(name: str) -> str:
    return f"({name})" if _OPERATOR_MARK.search(name) else name


def _mul(names, values, out, node):
    (a, b), (va, vb) = names, values
    return [(b, vb), (a, va)]


def _div(names, values, out, node):
    (a, b), (va, vb) = names, values
    return [
        (f"1/{_wrapped(b)}", _apply(lambda y: 1 / y, vb)),
        (f"-{_wrapped(a)}/{_wrapped(b)}²", _apply(lambda x, y: -x / (y * y), va, vb)),
    ]


def _pow(names, values, out, node):
    n, a = node.exponent, _wrapped(names[0])
    power = "" if n - 1 == 1 else f"^{format_number(n - 1)}"
    return [(f"{format_number(n)}·{a}{power}", _apply(lambda x: n * x ** (n - 1), values[0]))]


def _unary(formula: str, function: Callable[[Any, Any], Any]) -> Callable:
    """A one-input rule: ``formula`` with ``{a}`` for the input; ``function(input, output)``."""

    def rule(names, values, out, node):
        derivative = _apply(function, values[0], out) if _known(values[0], out) else None
        return [(formula.format(a=_wrapped(names[0])), derivative)]

    return rule


def _constant(*numbers: float) -> Callable:
    def rule(names, values, out, node):
        alpha = getattr(node, "alpha", 1)
        scaled = [numbers[0]] + [number * alpha for number in numbers[1:]]
        return [(format_number(number), None) for number in scaled]

    return rule


def _rsub(names, values, out, node):
    """``other - alpha·x``: -alpha (``torch.rsub``'s alpha; 1 for ``number - x``)."""
    return [(format_number(-getattr(node, "alpha", 1)), None)]


def _size(value: Any) -> int:
    """``np.asarray(value).size``; speed: an encoding's nested list is rectangular, so its size is the
    product of the lengths along its first items (no array is built)."""
    if not isinstance(value, list):
        return np.asarray(value).size
    count = 1
    while isinstance(value, list):
        count *= len(value)
        if not value:
            break
        value = value[0]
    return count


def _mean(names, values, out, node):
    count = _size(values[0]) if values[0] is not None else None
    return [(f"1/{count}" if count else "1/n", None if count is None else np.float64(1 / count))]


def _mse(names, values, out, node):
    (pred, target), (vp, vt) = names, values
    count = _size(vp) if vp is not None else None
    mean = getattr(node, "reduction", "mean") == "mean"
    divisor = f"/{count}" if mean and count else ""
    gradient = _apply(lambda p, t: 2 * (p - t) / (p.size if mean else 1), vp, vt)
    return [
        (f"2·({pred} - {target}){divisor}", gradient),
        (f"-2·({pred} - {target}){divisor}", None if gradient is None else -gradient),
    ]


RULES: dict[str, Callable] = {
    "AddBackward0": _constant(1, 1),
    "SubBackward0": _constant(1, -1),
    "RsubBackward1": _rsub,
    "NegBackward0": _constant(-1),
    "MulBackward0": _mul,
    "DivBackward0": _div,
    "PowBackward0": _pow,
    "ReciprocalBackward0": _unary("-1/{a}²", lambda x, y: -1 / (x * x)),
    "ExpBackward0": _unary("exp({a})", lambda x, y: y),
    "LogBackward0": _unary("1/{a}", lambda x, y: 1 / x),
    "SqrtBackward0": _unary("1/(2√{a})", lambda x, y: 0.5 / y),
    "SinBackward0": _unary("cos {a}", lambda x, y: np.cos(x)),
    "CosBackward0": _unary("-sin {a}", lambda x, y: -np.sin(x)),
    "TanhBackward0": _unary("1 - tanh²{a}", lambda x, y: 1 - y * y),
    "SigmoidBackward0": _unary("σ({a})·(1 - σ({a}))", lambda x, y: y * (1 - y)),
    "ReluBackward0": _unary("1 if {a} > 0 else 0", lambda x, y: (x > 0).astype(np.float64)),
    "AbsBackward0": _unary("sign({a})", lambda x, y: np.sign(x)),
    "SumBackward0": _constant(1),
    "MeanBackward0": _mean,
    "MseLossBackward0": _mse,
}


def rule_with_numbers(
    node: Any,
    rule: Callable,
    input_names: list[str],
    input_values: list[Value],
    output_name: str,
    output_value: Value,
) -> list[str | None] | None:
    """Per input, ``∂out/∂input = formula = number`` (None where no gradient flows), by ``rule`` (the
    node's entry in ``RULES``); None when the inputs do not match the node's."""
    if len(input_names) != len(node.next_functions):
        return None
    formulas = rule(input_names, input_values, output_value, node)
    lines: list[str | None] = []
    for (child, _), name, (formula, value) in zip(node.next_functions, input_names, formulas, strict=False):
        if child is None:  # a constant or an input without grad: no gradient flows there
            lines.append(None)
            continue
        line = f"∂{_wrapped(output_name)}/∂{_wrapped(name)} = {formula}"
        if value is not None:
            number = text(value)
            if number != formula:
                line += f" = {number}"
        lines.append(line)
    return lines
