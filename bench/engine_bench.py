"""Benchmark the engine against the numpy floor and PyTorch, one thread each.

Run: ``.venv/bin/python bench/engine_bench.py [--quick] [--repeat N] [--only W1 W3] [--wall]``.

Prints, for each workload of issue 3, the median time of the engine, of hand-written numpy and of PyTorch
(when installed), the ratios engine/PyTorch and engine/numpy, and the target for engine/PyTorch.
Times are the process's CPU time unless ``--wall``; ``--quick`` is a smoke run whose numbers are rough.
"""

from __future__ import annotations

import os
import sys

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
for _variable in THREAD_VARIABLES:  # before numpy is imported, so BLAS starts with one thread
    os.environ[_variable] = "1"
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import argparse  # noqa: E402
import platform  # noqa: E402

import numpy as np  # noqa: E402

from bench import runner  # noqa: E402
from bench.workloads import WORKLOADS, Workload  # noqa: E402

DEFAULT_REPEAT = 9  # repetitions per workload; the median is reported
QUICK_REPEAT = 3
NOT_INSTALLED = "not installed"
HEADER = ("workload", "unit", "engine", "numpy", "PyTorch", "eng/PyT", "eng/np", "target", "met")
WIDTHS = (4, 8, 9, 9, 13, 8, 7, 7, 4)


def _row(cells: tuple) -> str:
    return "  ".join(str(cell).rjust(width) for cell, width in zip(cells, WIDTHS, strict=True))


def _number(value: float) -> str:
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def table_row(workload: Workload, times: dict[str, float]) -> str:
    """One printed line: times, ratios and whether the target is met."""
    engine, floor = times[runner.ENGINE], times[runner.NUMPY]
    torch_time = times.get(runner.TORCH)
    if torch_time is None:
        torch_cell, ratio_cell, met = NOT_INSTALLED, "-", "-"
    else:
        ratio = engine / torch_time
        torch_cell, ratio_cell = _number(torch_time), f"{ratio:.2f}"
        met = "yes" if ratio <= workload.target else "NO"
    return _row(
        (
            workload.key,
            workload.unit,
            _number(engine),
            _number(floor),
            torch_cell,
            ratio_cell,
            f"{engine / floor:.1f}",
            f"≤{workload.target}",
            met,
        )
    )


def describe_environment(libraries: dict) -> list[str]:
    """Versions and thread settings, so a pasted table says what it was measured on."""
    torch = libraries.get(runner.TORCH)
    lines = [
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"torch {torch.__version__ if torch else NOT_INSTALLED}; one thread each "
        f"({', '.join(THREAD_VARIABLES)}=1, torch.set_num_threads(1))",
    ]
    for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if os.environ.get(variable):
            lines.append(f"note: {variable}={os.environ[variable]} is set (it can slow numpy's BLAS)")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short samples and few repetitions")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per workload (median reported)")
    parser.add_argument("--only", nargs="*", default=None, help="workload keys to run, e.g. W1 W3")
    parser.add_argument("--wall", action="store_true", help="time with the wall clock instead of CPU time")
    arguments = parser.parse_args(argv)
    repeat = arguments.repeat or (QUICK_REPEAT if arguments.quick else DEFAULT_REPEAT)
    libraries = {name: lib for name in (runner.ENGINE, runner.TORCH) if (lib := runner.load_library(name))}
    for line in describe_environment(libraries):
        print(line)
    clock = "wall" if arguments.wall else "cpu"
    print(f"{clock} time, median of {repeat} interleaved repetitions; target is engine/PyTorch")
    print(_row(HEADER))
    chosen = [w for w in WORKLOADS if not arguments.only or w.key in arguments.only]
    for workload in chosen:
        times = runner.measure(workload, libraries, repeat, arguments.quick, clock)
        print(table_row(workload, times), flush=True)
    for workload in chosen:
        print(f"  {workload.key}: {workload.title}")


if __name__ == "__main__":
    main()
