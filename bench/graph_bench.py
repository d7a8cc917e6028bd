"""Graph speed: trace + DOT + SVG for 10 to 10,000 op nodes, and the article's examples end to end.

Run: ``.venv/bin/python bench/graph_bench.py``. Prints a table; the trace's time per op should stay flat
(linear growth), and each article example should be drawn in under ``TARGET_MS``. Trace and DOT are
measured in CPU time of this process (other work on a shared machine does not inflate them); the SVG
column and the examples are wall-clock time, ``dot`` process start included.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import engine as torch  # noqa: E402
from app.services import render  # noqa: E402
from engine.trace_graph import BackwardRecorder, ForwardRecorder, trace  # noqa: E402

SIZES = (10, 100, 1_000, 10_000)  # op nodes per graph
REPEATS = 3  # best of this many runs is reported
TARGET_MS = 100  # the article's examples, recorded, traced and drawn as SVG


def chain(ops: int) -> tuple[dict, float]:
    """A graph of ``ops`` nodes (multiply and add alternating, two leaves), recorded and traced."""
    x = torch.tensor(1.0, requires_grad=True)
    w = torch.tensor(0.999, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        y = x
        for index in range(ops):
            y = y * w if index % 2 == 0 else y + x
        y.backward()
        start = time.process_time()
        data = trace([y], names={x: "x", w: "w", y: "y"}, forward=forward, backward=backward)
    return data, time.process_time() - start


def timed(
    function: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> tuple[object, float]:
    start = clock()
    result = function()
    return result, clock() - start


def best(function: Callable[[], tuple[float, ...]]) -> tuple[float, ...]:
    runs = [function() for _ in range(REPEATS)]
    return min(runs, key=lambda run: sum(run[:3]))


def size_row(ops: int) -> tuple[float, ...]:
    data, trace_seconds = chain(ops)
    source, dot_seconds = timed(lambda: render.to_dot(data, "values"), time.process_time)
    render.clear_cache()
    svg, svg_seconds = timed(lambda: render.render_dot(source, "svg"))
    return trace_seconds, dot_seconds, svg_seconds, svg.count(b'class="node ')


def first_gradient() -> None:
    x = torch.tensor(3.0, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        y = x**2 + 2 * x + 1
        y.backward()
    render.render(trace([y], names={x: "x", y: "y"}, forward=forward, backward=backward), "svg")


def two_paths() -> None:
    a, b = torch.tensor(2.0, requires_grad=True), torch.tensor(3.0, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        c = a * b
        d = c + a
        d.backward()
    render.render(
        trace([d], names={a: "a", b: "b", c: "c", d: "d"}, forward=forward, backward=backward), "svg"
    )


def training_step() -> None:
    model = torch.nn.Linear(1, 1)
    x, y = torch.tensor([[1.0], [2.0], [3.0]]), torch.tensor([[2.0], [4.0], [6.0]])
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        loss = torch.nn.MSELoss()(model(x), y)
        loss.backward()
    names = {x: "x", y: "y", loss: "loss"}
    render.render(
        trace([loss], names=names, forward=forward, backward=backward, modules={"model": model}), "svg"
    )


def main() -> None:
    columns = ("trace ms", 9), ("µs/op", 7), ("DOT ms", 8), ("SVG ms", 8), ("total ms", 9), ("drawn", 6)
    print(f"{'op nodes':>9} " + " ".join(f"{title:>{width}}" for title, width in columns))
    for ops in SIZES:
        trace_s, dot_s, svg_s, drawn = best(lambda ops=ops: size_row(ops))
        total = (trace_s + dot_s + svg_s) * 1000
        print(
            f"{ops:>9,} {trace_s * 1000:>9.1f} {trace_s / ops * 1e6:>7.1f} {dot_s * 1000:>8.1f} "
            f"{svg_s * 1000:>8.1f} {total:>9.1f} {drawn:>6}"
        )
    print(f"\narticle example, end to end (record + backward + trace + DOT + SVG; target < {TARGET_MS} ms)")
    for name, example in (
        ("1 first gradient", first_gradient),
        ("2 two paths", two_paths),
        ("5 training step", training_step),
    ):

        def once(example: Callable[[], None] = example) -> tuple[float]:
            render.clear_cache()
            return (timed(example)[1],)

        (seconds,) = best(once)
        verdict = "ok" if seconds * 1000 < TARGET_MS else "SLOW"
        print(f"  {name:<18} {seconds * 1000:>7.1f} ms  {verdict}")


if __name__ == "__main__":
    main()
