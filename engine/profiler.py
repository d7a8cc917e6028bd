"""``torch.autograd.profiler`` and ``torch.profiler``: which operations ran, how often, and for how long.

While a ``profile`` block is open, every operation that runs through ``Function.apply`` (those that can
record a graph node) is timed and named as PyTorch's dispatcher names it (``aten::mul`` for the operation
whose node is ``MulBackward0``); ``record_function`` adds a named range of one's own, whose total includes
the operations inside it. ``key_averages().table()`` prints the sums in PyTorch's table.

Unlike PyTorch's, the table has no rows for backward nodes, nor for what PyTorch's kernels do inside an
operation (``aten::empty``, ``aten::copy_``): the engine has neither; nor for the operations that make
tensors or compare them (``aten::ones``, ``aten::eq``), which do not go through ``Function``. The times
are this machine's, so they never match PyTorch's. While no block is open nothing is timed and nothing
costs: the timing entry point replaces ``Function``'s only for as long as a block is open.
"""

from __future__ import annotations

import enum
import re
import time
from collections.abc import Iterable
from typing import Any

from engine.function import Function

NAME_PADDING = 4  # the name column is this much wider than the longest name (PyTorch's table)
COLUMN_WIDTH = 12  # every other column
SPACING = "  "  # after every column, the last one too
MAX_NAME_COLUMN_WIDTH = 55  # longer names are cut, ending in "..."
HEADERS = ("Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg", "# of Calls")
SORT_KEYS = ("self_cpu_time_total", "cpu_time_total", "cpu_time", "count")
_WORD_START = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIRECT = Function.__dict__["apply_to_arrays"]  # the untimed entry point, put back when the last block ends

_open: list[profile] = []  # the blocks open now, innermost last
_ranges: list[list[Any]] = []  # the ranges being timed: [name, start ns, ns spent in ranges inside it]
_names: dict[type, str] = {}  # an operation's class -> its aten name, worked out once


class ProfilerActivity(enum.Enum):
    """What a ``torch.profiler.profile`` records: the engine runs on the CPU only."""

    CPU = 0
    CUDA = 1


def op_name(node_class: type) -> str:
    """The dispatcher's name of the operation of a node class: ``AddmmBackward0`` -> ``aten::addmm``."""
    name = _names.get(node_class)
    if name is None:
        words = _WORD_START.sub("_", re.sub(r"Backward\d*$", "", node_class.__name__))
        name = _names[node_class] = f"aten::{words.lower()}"
    return name


def _begin(name: str) -> None:
    for block in _open:  # a name's row comes where it first began, as PyTorch's (a range before its inside)
        block._sums.setdefault(name, [0, 0, 0])
    _ranges.append([name, time.perf_counter_ns(), 0])


def _end() -> None:
    name, started, inside = _ranges.pop()
    total = time.perf_counter_ns() - started
    if _ranges:
        _ranges[-1][2] += total
    for block in _open:
        block._add(name, total, total - inside)


def _timed(cls: type, inputs: tuple, arrays: list, **options: Any) -> Any:
    """``Function.apply_to_arrays`` while a block is open: the operation, timed."""
    _begin(op_name(cls))
    try:
        return _DIRECT.__func__(cls, inputs, arrays, **options)
    finally:
        _end()


class record_function:  # lower case: a context manager used like a function, as PyTorch's
    """A range of one's own in the table (``with record_function("label"):``), timed while a block is open."""

    def __init__(self, name: str, args: str | None = None) -> None:
        self.name = name
        self._timing = False

    def __enter__(self) -> record_function:
        self._timing = bool(_open)
        if self._timing:
            _begin(self.name)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._timing:
            _end()


class FunctionEventAvg:
    """One name's sums: ``key``, ``count``, ``cpu_time_total`` and ``self_cpu_time_total`` (microseconds)."""

    def __init__(self, key: str, count: int, cpu_time_total: float, self_cpu_time_total: float) -> None:
        self.key = key
        self.count = count
        self.cpu_time_total = cpu_time_total
        self.self_cpu_time_total = self_cpu_time_total

    @property
    def cpu_time(self) -> float:
        """The mean time of one call, in microseconds."""
        return self.cpu_time_total / self.count

    def __repr__(self) -> str:
        return (
            f"<FunctionEventAvg key={self.key} self_cpu_time={_time(self.self_cpu_time_total)} "
            f"cpu_time={_time(self.cpu_time)} input_shapes=>"
        )


class EventList(list):
    """The averaged events of a profile, each a ``FunctionEventAvg``; ``table()`` lays them out."""

    @property
    def self_cpu_time_total(self) -> float:
        return sum(event.self_cpu_time_total for event in self)

    def table(
        self,
        sort_by: str | None = None,
        row_limit: int = 100,
        max_name_column_width: int = MAX_NAME_COLUMN_WIDTH,
        header: str | None = None,
        top_level_events_only: bool = False,
    ) -> str:
        """PyTorch's table of the events, sorted by ``sort_by`` (largest first), ``row_limit`` rows."""
        events = list(self)
        if sort_by is not None:
            if sort_by not in SORT_KEYS:
                raise AttributeError(f"cannot sort by {sort_by!r}: use one of {', '.join(SORT_KEYS)}")
            events.sort(key=lambda event: getattr(event, sort_by), reverse=True)
        if not events:
            return ""
        width = min(max(len(event.key) for event in events) + NAME_PADDING, max_name_column_width)
        line = SPACING.join(["-" * width, *["-" * COLUMN_WIDTH] * len(HEADERS)]) + SPACING
        total = self.self_cpu_time_total
        lines = [line] if header is None else [header, line]
        lines += [_row(width, "Name", HEADERS), line]
        for event in events[:row_limit] if row_limit > 0 else events:
            name = event.key if len(event.key) < width - 3 else event.key[: width - 3] + "..."
            cells = (
                _share(event.self_cpu_time_total, total),
                _time(event.self_cpu_time_total),
                _share(event.cpu_time_total, total),
                _time(event.cpu_time_total),
                _time(event.cpu_time),
                str(event.count),
            )
            lines.append(_row(width, name, cells))
        lines += [line, f"Self CPU time total: {_time(total)}", ""]
        return "\n".join(lines)


def _row(width: int, name: str, cells: Iterable[str]) -> str:
    return SPACING.join([f"{name:>{width}}", *(f"{cell:>{COLUMN_WIDTH}}" for cell in cells)]) + SPACING


def _time(microseconds: float) -> str:
    if microseconds >= 1e6:
        return f"{microseconds / 1e6:.3f}s"
    if microseconds >= 1e3:
        return f"{microseconds / 1e3:.3f}ms"
    return f"{microseconds:.3f}us"


def _share(microseconds: float, total: float) -> str:
    return "NaN" if total == 0 else f"{microseconds * 100.0 / total:.2f}%"


class profile:  # lower case, as PyTorch's
    """``with profile() as prof:`` times the operations run inside; ``prof.key_averages()`` sums them by name.

    Takes ``torch.autograd.profiler.profile``'s arguments and ``torch.profiler.profile``'s (``activities``);
    what only a GPU or a trace file would use is accepted and has nothing to do here. A schedule is refused.
    """

    def __init__(
        self,
        enabled: bool = True,
        *,
        activities: Iterable[ProfilerActivity] | None = None,
        schedule: Any = None,
        on_trace_ready: Any = None,
        use_cuda: bool = False,
        use_device: str | None = None,
        record_shapes: bool = False,
        profile_memory: bool = False,
        with_stack: bool = False,
        with_flops: bool = False,
        with_modules: bool = False,
    ) -> None:
        if schedule is not None or on_trace_ready is not None:
            raise NotImplementedError(
                "profiling schedules and trace handlers are not supported by this engine: "
                "profile the steps you want inside one `with profile() as prof:` block"
            )
        self.enabled = enabled
        self._sums: dict[str, list[int]] = {}  # name -> [calls, total ns, self ns], in first-seen order

    def __enter__(self) -> profile:
        if self.enabled:
            if not _open:
                Function.apply_to_arrays = classmethod(_timed)  # type: ignore[method-assign]
            _open.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self in _open:
            _open.remove(self)
            if not _open:
                Function.apply_to_arrays = _DIRECT  # type: ignore[method-assign]

    def _add(self, name: str, total: int, alone: int) -> None:
        sums = self._sums.setdefault(name, [0, 0, 0])  # a block opened inside the range: not begun in it
        sums[0] += 1
        sums[1] += total
        sums[2] += alone

    def key_averages(self, group_by_input_shape: bool = False, group_by_stack_n: int = 0) -> EventList:
        """The events summed by name, in the order they first ran."""
        return EventList(
            FunctionEventAvg(name, calls, total / 1000, alone / 1000)
            for name, (calls, total, alone) in self._sums.items()
        )

    @property
    def self_cpu_time_total(self) -> float:
        """Every event's own time added up, in microseconds."""
        return sum(alone for _, _, alone in self._sums.values()) / 1000
