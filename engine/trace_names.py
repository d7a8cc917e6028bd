"""Names for the graph trace: variables and module parameters, and readable labels for unnamed results.

``names_from`` reads a namespace (a notebook's globals, the interpreter's variables) and names every
tensor after the variable holding it and every module parameter after its path (``model.weight``).
``expression`` writes an unnamed result as the code that made it (``x**2 + x*2``) while it stays short.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.nn.module import Module
from engine.tensor import Tensor
from engine.trace_text import format_number

EXPRESSION_CHARACTERS = 28  # longer expressions are not spelled out; the op's symbol is shown instead
INFIX = {"+", "-", "*", "/", "@", "**"}
SPACED = {"+", "-"}


def names_from(namespace: Mapping[str, Any]) -> tuple[dict[Tensor, str], dict[str, Any]]:
    """Tensors named after their variables (and module parameters after their path), and the modules."""
    names: dict[Tensor, str] = {}
    modules: dict[str, Any] = {}
    for variable, value in namespace.items():
        if variable.startswith("_") or isinstance(value, type):  # a Module subclass is not a module
            continue
        if isinstance(value, Tensor):
            names.setdefault(value, variable)
        elif hasattr(value, "named_parameters") and hasattr(value, "named_modules"):
            modules[variable] = value
            for path, parameter in value.named_parameters():
                names.setdefault(parameter, f"{variable}.{path}")
    return names, modules


def parameter_owners(modules: Mapping[str, Any]) -> dict[Tensor, tuple[str, str]]:
    """Each parameter's owning module: (its path such as ``model.0``, the module's class name)."""
    owners: dict[Tensor, tuple[str, str]] = {}
    for variable, module in modules.items():
        for path, child in module.named_modules():
            full = f"{variable}.{path}" if path else variable
            for parameter in child._parameters.values():
                if parameter is not None:
                    owners.setdefault(parameter, (full, type(child).__name__))
    return owners


def module_names(modules: Mapping[str, Any]) -> tuple[dict[Tensor, str], dict[Tensor, tuple[str, str]]]:
    """``names_from(modules)[0]`` and ``parameter_owners(modules)``, in one walk over the modules' trees
    when they are ``nn.Module`` objects that name their parameters the standard way."""
    standard = Module.named_parameters
    for module in modules.values():
        if not isinstance(module, Module) or type(module).named_parameters is not standard:
            owners = parameter_owners(modules)
            return names_from(modules)[0], owners
    names: dict[Tensor, str] = {}
    owners: dict[Tensor, tuple[str, str]] = {}
    for variable, module in modules.items():
        named = not variable.startswith("_")  # as names_from: private variables name nothing
        for path, child in module.named_modules():
            full = f"{variable}.{path}" if path else variable
            owner = (full, type(child).__name__)
            for name, parameter in child._parameters.items():
                if parameter is not None:
                    owners.setdefault(parameter, owner)
                    if named:
                        names.setdefault(parameter, f"{full}.{name}")  # named_parameters' name
    return names, owners


def operator_label(node: Any, name: str) -> str:
    """The op as the value graph writes it: ``*``, ``+``, ``**2``, ``tanh``; ``name`` is ``node.name()``."""
    if name == "PowBackward0":
        return f"**{format_number(node.exponent)}"
    if name == "RsubBackward1":
        return f"{format_number(_number(node.other))} -"
    return node.symbol


def expression(node: Any, labels: list[str], name: str) -> str | None:
    """The code that made an unnamed result (``x**2``, ``tanh(h)``), or None when it would be too long;
    ``labels`` are its inputs' labels and ``name`` is ``node.name()``."""
    symbol = node.symbol
    if name == "PowBackward0" and len(labels) == 1:
        written = f"{_grouped(labels[0])}**{format_number(node.exponent)}"
    elif name == "RsubBackward1" and len(labels) == 1:
        written = f"{format_number(_number(node.other))} - {_grouped(labels[0])}"
    elif symbol in INFIX and len(labels) == 2:
        left, right = labels[::-1] if name == "RsubBackward1" else labels
        if symbol in SPACED:
            right = _grouped(right) if symbol == "-" else right
            written = f"{left} {symbol} {right}"
        else:
            written = f"{_grouped(left)}{symbol}{_grouped(right)}"
    elif symbol == "-x" and len(labels) == 1:
        written = f"-{_grouped(labels[0])}"
    elif symbol == "T" and len(labels) == 1:
        written = f"{_grouped(labels[0])}.T"
    else:
        written = f"{symbol}({', '.join(labels)})"
    return written if len(written) <= EXPRESSION_CHARACTERS else None


def _number(value: Any) -> float | int | bool:
    """A constant kept on a node (a Python number or a 0-d array) as a Python number."""
    return value.item() if hasattr(value, "item") else value


def _grouped(label: str) -> str:
    return f"({label})" if " " in label else label
