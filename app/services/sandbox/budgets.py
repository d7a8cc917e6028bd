"""The budgets of one run (app/config.py SANDBOX_*), counted as it goes; going over raises LimitExceeded."""

from __future__ import annotations

import ast
import math
import re
import time
from typing import Any

import engine
from app import config
from app.services.sandbox.errors import LimitExceeded

SEQUENCE_TYPES = (str, bytes, list, tuple)
NUMBERS_IN_TEXT = re.compile(r"\d+")


def _size_of(args: tuple) -> int:
    """Elements of a size given PyTorch's ways: zeros(2, 3), zeros((2, 3)), zeros([2, 3])."""
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = tuple(args[0])
    if not all(isinstance(size, int) for size in args):
        return 0  # not a size: the engine reports the error in PyTorch's words
    return math.prod(max(size, 0) for size in args)


def _arange_size(start: Any = 0, end: Any = None, step: Any = 1, **_: Any) -> int:
    if end is None:
        start, end = 0, start
    try:
        return max(0, math.ceil((float(end) - float(start)) / float(step)))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return 0


def _sized(index: int, name: str):
    """A size read from argument ``index`` (or keyword ``name``)."""

    def elements(*args: Any, **kwargs: Any) -> int:
        size = kwargs.get(name, args[index] if len(args) > index else ())
        return _size_of(size if isinstance(size, (tuple, list)) else (size,))

    return elements


def _randint_size(*args: Any, **kwargs: Any) -> int:
    if "size" in kwargs:
        return _size_of((kwargs["size"],))
    sizes = [arg for arg in args if isinstance(arg, (tuple, list))]
    return _size_of((sizes[0],)) if sizes else 0


def _linear_size(in_features: Any = 0, out_features: Any = 0, *_: Any, **__: Any) -> int:
    return _size_of((in_features, out_features))


def _eye_size(n: Any = 0, m: Any = None, **_: Any) -> int:
    return _size_of((n, n if m is None else m))


# engine callables that allocate a tensor whose size their arguments give: checked before they run
FACTORIES = {
    engine.zeros: lambda *a, **k: _size_of(a),
    engine.ones: lambda *a, **k: _size_of(a),
    engine.empty: lambda *a, **k: _size_of(a),
    engine.rand: lambda *a, **k: _size_of(a),
    engine.randn: lambda *a, **k: _size_of(a),
    engine.Tensor: lambda *a, **k: _size_of(a) if all(isinstance(size, int) for size in a) else 0,
    engine.full: _sized(0, "size"),
    engine.normal: _sized(2, "size"),
    engine.randint: _randint_size,
    engine.randperm: _sized(0, "n"),
    engine.linspace: _sized(2, "steps"),
    engine.arange: _arange_size,
    engine.eye: _eye_size,
    engine.nn.Linear: _linear_size,
}
TENSOR_METHODS = {"repeat", "expand", "new_zeros", "new_ones", "new_empty", "new_full", "tile"}


class Budget:
    """What one run has used so far, against the limits in app/config.py."""

    def __init__(self) -> None:
        self.steps = 0
        self.elements = 0
        self.stdout_bytes = 0
        self.started = time.monotonic()
        self.deadline = self.started + config.SANDBOX_WALL_SECONDS

    def step(self, node: ast.AST | None = None) -> None:
        """Count one interpreter step and look at the clock (about 50 ns: cheap next to a step)."""
        self.steps += 1
        if self.steps > config.SANDBOX_MAX_STEPS:
            raise LimitExceeded(
                "SANDBOX_MAX_STEPS",
                f"the run took more than {config.SANDBOX_MAX_STEPS} steps "
                "(statements, loop iterations and calls)",
                node,
            )
        if time.monotonic() > self.deadline:
            self.check_time(node)

    def check_time(self, node: ast.AST | None = None) -> None:
        """Stop the run once it is past its wall-clock deadline."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(
                "SANDBOX_WALL_SECONDS",
                f"the run took longer than {config.SANDBOX_WALL_SECONDS:g} seconds",
                node,
            )

    def output(self, text: str, node: ast.AST | None = None) -> None:
        """Count printed text against the stdout budget."""
        self.stdout_bytes += len(text.encode("utf-8", "replace"))
        if self.stdout_bytes > config.SANDBOX_MAX_STDOUT_BYTES:
            raise LimitExceeded(
                "SANDBOX_MAX_STDOUT_BYTES",
                f"the run printed more than {config.SANDBOX_MAX_STDOUT_BYTES} bytes",
                node,
            )

    def tensor_elements(self, count: int, node: ast.AST | None = None, *, new: bool = True) -> None:
        """Check one tensor's element count (before or after it is made); add it to the run's total."""
        if count > config.SANDBOX_MAX_TENSOR_ELEMENTS:
            raise LimitExceeded(
                "SANDBOX_MAX_TENSOR_ELEMENTS",
                f"a tensor of {count} elements is over the limit "
                f"of {config.SANDBOX_MAX_TENSOR_ELEMENTS} per tensor",
                node,
            )
        if new:
            self.elements += count
            if self.elements > config.SANDBOX_MAX_TOTAL_ELEMENTS:
                raise LimitExceeded(
                    "SANDBOX_MAX_TOTAL_ELEMENTS",
                    f"the run's tensors hold more than {config.SANDBOX_MAX_TOTAL_ELEMENTS} elements in all",
                    node,
                )

    def graph_nodes(self, count: int, node: ast.AST | None = None) -> None:
        """Check the size of the recorded graph a frame is about to show."""
        if count > config.SANDBOX_MAX_GRAPH_NODES:
            raise LimitExceeded(
                "SANDBOX_MAX_GRAPH_NODES",
                f"the recorded graph has more than {config.SANDBOX_MAX_GRAPH_NODES} nodes",
                node,
            )

    def before_call(self, function: Any, args: tuple, kwargs: dict, node: ast.AST | None = None) -> None:
        """Refuse a call that would allocate too much: tensor factories, builders fed a huge range."""
        factory = FACTORIES.get(function) if _hashable(function) else None
        if factory is not None:
            self.tensor_elements(factory(*args, **kwargs), node, new=False)
        elif getattr(function, "__name__", None) in TENSOR_METHODS and isinstance(
            getattr(function, "__self__", None), engine.Tensor
        ):
            self.tensor_elements(function.__self__.numel() * max(_size_of(args), 1), node, new=False)
        for value in (*args, *kwargs.values()):
            if isinstance(value, range):
                self.sequence(len(value), node)
            elif isinstance(value, int) and isinstance(
                getattr(function, "__self__", None), (*SEQUENCE_TYPES, int)
            ):
                self.sequence(value, node)  # "a".ljust(10**9), (1).to_bytes(10**9) ...

    def sequence(self, length: int, node: ast.AST | None = None) -> None:
        """Check the length of a string, list or other sequence about to be built."""
        if length > config.SANDBOX_MAX_SEQUENCE_ITEMS:
            raise LimitExceeded(
                "SANDBOX_MAX_SEQUENCE_ITEMS",
                f"a string or list of {length} items is over the "
                f"limit of {config.SANDBOX_MAX_SEQUENCE_ITEMS}",
                node,
            )

    def format_widths(self, text: str, node: ast.AST | None = None) -> None:
        """Refuse a format spec or %-format whose width or precision would make a huge string."""
        for number in NUMBERS_IN_TEXT.findall(text):
            self.sequence(int(number) if len(number) < 12 else 10**12, node)

    def integer_bits(self, bits: int, node: ast.AST | None = None) -> None:
        """Check the size of an int about to be computed."""
        if bits > config.SANDBOX_MAX_INT_BITS:
            raise LimitExceeded(
                "SANDBOX_MAX_INT_BITS",
                f"an integer of about {bits} bits is over the limit of {config.SANDBOX_MAX_INT_BITS} bits",
                node,
            )

    def before_binary(self, op: type, left: Any, right: Any, node: ast.AST | None = None) -> None:
        """Refuse `**`, `<<`, `*`, `+` making a huge int, string or list — before computing it."""
        if type(left) is bool or type(right) is bool:
            return
        if isinstance(left, int) and isinstance(right, int):
            if op is ast.Pow and right > 0:
                self.integer_bits(left.bit_length() * right, node)
            elif op is ast.LShift and right > 0:
                self.integer_bits(left.bit_length() + right, node)
            elif op is ast.Mult:
                self.integer_bits(left.bit_length() + right.bit_length(), node)
        elif isinstance(left, engine.Tensor) or isinstance(right, engine.Tensor):
            self.tensor_elements(_result_elements(op, left, right), node, new=False)
        elif op is ast.Mult and isinstance(left, SEQUENCE_TYPES) and isinstance(right, int):
            self.sequence(len(left) * right, node)
        elif op is ast.Mult and isinstance(right, SEQUENCE_TYPES) and isinstance(left, int):
            self.sequence(len(right) * left, node)
        elif op is ast.Add and isinstance(left, SEQUENCE_TYPES) and isinstance(right, SEQUENCE_TYPES):
            self.sequence(len(left) + len(right), node)
        elif op is ast.Mod and isinstance(left, str):
            self.format_widths(left, node)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _result_elements(op: type, left: Any, right: Any) -> int:
    """Elements of ``left op right`` for tensors, from their shapes (broadcast, or a matrix product)."""
    shapes = [tuple(v.shape) if isinstance(v, engine.Tensor) else () for v in (left, right)]
    if op is ast.MatMult:
        if len(shapes[0]) >= 2 and len(shapes[1]) >= 2:
            batch = _broadcast(shapes[0][:-2], shapes[1][:-2])
            return math.prod(batch) * shapes[0][-2] * shapes[1][-1]
        return max(math.prod(shapes[0]), math.prod(shapes[1]))
    return math.prod(_broadcast(*shapes))


def _broadcast(first: tuple, second: tuple) -> tuple:
    """The broadcast shape, generously (mismatched sizes take the larger; the engine reports the error)."""
    width = max(len(first), len(second))
    first, second = (1,) * (width - len(first)) + first, (1,) * (width - len(second)) + second
    return tuple(max(a, b) for a, b in zip(first, second, strict=True))
