"""``torch.autograd.profiler`` / ``torch.profiler``: the operations a block ran, counted, timed and laid out
as PyTorch 2.13 lays them out (the times differ by nature: they are compared masked)."""

from __future__ import annotations

import re

import pytest

import engine as torch
from engine import profiler
from engine.function import Function
from engine.functions import padding

# what PyTorch 2.13 printed for the autograd video's loop (its times masked): the same rows, in whichever
# order their times put them, the same widths and the same footer
PYTORCH_TABLE = "\n".join(
    [
        "-------------  ------------  ------------  ------------  ------------  ------------  ------------  ",
        "         Name    Self CPU %      Self CPU   CPU total %     CPU total  CPU time avg    # of Calls  ",
        "-------------  ------------  ------------  ------------  ------------  ------------  ------------  ",
        "    aten::div        50.66%       3.398ms        50.66%       3.398ms       3.398us          1000  ",
        "    aten::mul        49.34%       3.309ms        49.34%       3.309ms       3.309us          1000  ",
        "-------------  ------------  ------------  ------------  ------------  ------------  ------------  ",
        "Self CPU time total: 6.706ms",
        "",  # the table ends with a new line
    ]
)
TIME = re.compile(r" *\d+\.\d+(%|s|ms|us)")  # a cell with the spaces before it: its whole width


def masked(table: str) -> list[str]:
    """The table's lines with every time and share replaced, the rows between the rules sorted (the footer's
    time, which has no fixed width, as one mark)."""
    lines = [TIME.sub(lambda found: "#" * len(found.group(0)), line) for line in table.splitlines()]
    return lines[:3] + sorted(lines[3:-2]) + [lines[-2], TIME.sub(" #", table.splitlines()[-1])]


def test_the_autograd_videos_loop_gives_pytorchs_table() -> None:
    x = (torch.rand(2, 3) + 0.5).requires_grad_()  # the video's randn may overflow z: a warning here
    y = torch.rand(2, 3, requires_grad=True)
    z = torch.ones(2, 3, requires_grad=True)
    with torch.autograd.profiler.profile(use_cuda=False) as prf:
        for _ in range(1000):
            z = (z / x) * y
    table = prf.key_averages().table(sort_by="self_cpu_time_total")
    widths = [len(line) for line in table.splitlines()[:-1]]  # the footer's length is its time's
    assert widths == [len(line) for line in PYTORCH_TABLE.splitlines()[:-1]]
    assert masked(table) == masked(PYTORCH_TABLE)
    events = prf.key_averages()
    assert [(event.key, event.count) for event in events] == [("aten::div", 1000), ("aten::mul", 1000)]
    assert prf.self_cpu_time_total == pytest.approx(events.self_cpu_time_total)
    assert table.endswith(f"Self CPU time total: {profiler._time(prf.self_cpu_time_total)}\n")


def test_a_range_of_ones_own_counts_the_operations_inside_it_in_its_total_not_its_own_time() -> None:
    model = torch.nn.Linear(3, 2)
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        with torch.profiler.record_function("model_inference"):
            model(torch.randn(4, 3)).relu().sum()
    events = {event.key: event for event in prof.key_averages()}
    operations = ["aten::t", "aten::addmm", "aten::relu", "aten::sum"]
    assert list(events) == ["model_inference", *operations]
    inside = sum(events[key].cpu_time_total for key in operations)
    block = events["model_inference"]
    assert block.cpu_time_total == pytest.approx(block.self_cpu_time_total + inside)
    # the two largest totals: the range's (it holds the others), then the slowest operation's this time
    rows = prof.key_averages().table(sort_by="cpu_time_total", row_limit=2).splitlines()[3:-2]
    slowest = max(operations, key=lambda key: events[key].cpu_time_total)
    assert [row.split()[0] for row in rows] == ["model_inference", slowest]


def test_nothing_is_timed_outside_a_block_and_the_entry_point_is_put_back_even_after_an_error() -> None:
    direct = Function.__dict__["apply_to_arrays"]
    with torch.profiler.record_function("alone"):  # no block open: nothing to record it in
        torch.ones(2) * 2
    with pytest.raises(ZeroDivisionError):
        with torch.profiler.profile() as outer:
            with torch.profiler.profile() as inner:
                torch.ones(2) + 1
            torch.ones(2) - 1
            raise ZeroDivisionError
    assert Function.__dict__["apply_to_arrays"] is direct
    assert [event.key for event in inner.key_averages()] == ["aten::add"]
    assert [event.key for event in outer.key_averages()] == ["aten::add", "aten::sub"]
    with torch.profiler.profile(enabled=False) as off:
        torch.ones(2) * 3
    assert off.key_averages() == [] and off.key_averages().table() == ""


def test_operations_are_named_as_pytorchs_dispatcher_names_them() -> None:
    named = {
        "AddmmBackward0": "aten::addmm",
        "MseLossBackward0": "aten::mse_loss",
        "TBackward0": "aten::t",
        "PowBackward1": "aten::pow",
        "MaxPool2DWithIndicesBackward0": "aten::max_pool2d_with_indices",
    }
    for node, name in named.items():
        assert profiler.op_name(type(node, (), {})) == name
    assert profiler.op_name(padding.ReflectionPad2DBackward0) == "aten::reflection_pad2d"


def test_long_names_are_cut_and_what_cannot_be_done_is_refused() -> None:
    with torch.profiler.profile() as prof:
        with torch.profiler.record_function("a range with a name far longer than the name column allows"):
            torch.ones(1) * 1
    row = prof.key_averages().table(max_name_column_width=30).splitlines()[3]
    assert row.startswith("a range with a name far lon...  ")
    with pytest.raises(AttributeError, match="cannot sort by 'cuda_memory'"):
        prof.key_averages().table(sort_by="cuda_memory")
    with pytest.raises(NotImplementedError, match="schedules"):
        torch.profiler.profile(schedule=lambda step: None)
