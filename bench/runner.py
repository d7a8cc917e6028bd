"""Timing: build a contender's step, run it untimed once, then time samples; interleave contenders."""

from __future__ import annotations

import gc
import importlib
import math
import statistics
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from bench.workloads import Workload

ENGINE, NUMPY, TORCH = "engine", "numpy", "torch"
CONTENDERS = (ENGINE, NUMPY, TORCH)
SAMPLE_SECONDS = 0.2  # each sample runs this long at least, so switching contenders costs little
QUICK_SAMPLE_SECONDS = 0.005  # --quick and the smoke test: proves it runs, the numbers are rough
# The process's CPU time, not wall time: every contender runs on one thread, and CPU time leaves out the
# waits when other programs share the machine (a wall clock can be chosen with --wall).
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def load_library(name: str) -> ModuleType | None:
    """``engine`` or ``torch`` (single-threaded), or None when that library cannot be imported."""
    try:
        library = importlib.import_module(name)
    except ImportError:
        return None
    if name == TORCH:
        library.set_num_threads(1)
    return library


def build(workload: Workload, contender: str, libraries: dict[str, ModuleType]) -> Callable[[], dict]:
    """A fresh step of ``workload`` for ``contender`` (model and data prepared, nothing timed)."""
    if contender == NUMPY:
        return workload.build_numpy()
    return workload.build_autograd(libraries[contender])


def as_arrays(values: dict[str, Any]) -> dict[str, np.ndarray]:
    """A step's outputs as numpy copies (tensors of either library are detached first)."""
    arrays = {}
    for name, value in values.items():
        if hasattr(value, "detach"):
            value = value.detach().numpy()
        arrays[name] = np.array(value, copy=True)
    return arrays


def run_once(workload: Workload, contender: str, libraries: dict[str, ModuleType]) -> dict[str, np.ndarray]:
    """Run one fresh step and return its loss, gradients and parameters (what the smoke test compares)."""
    return as_arrays(build(workload, contender, libraries)())


def time_sample(step: Callable[[], Any], sample_seconds: float, clock: Callable[[], float]) -> float:
    """Seconds per call of ``step``: one untimed call sizes a sample of at least ``sample_seconds``."""
    start = clock()
    step()
    first = clock() - start
    calls = max(1, math.ceil(sample_seconds / max(first, 1e-9)))
    gc.collect()
    start = clock()
    for _ in range(calls):
        step()
    return (clock() - start) / calls


def measure(
    workload: Workload, libraries: dict[str, ModuleType], repeat: int, quick: bool, clock: str = "cpu"
) -> dict[str, float]:
    """Median time per step (in the workload's unit) of each available contender, interleaved.

    Each repetition builds every contender afresh and times it, rotating which one goes first, so
    drift in the machine's speed is spread over all of them.
    """
    contenders = [name for name in CONTENDERS if name == NUMPY or name in libraries]
    sample_seconds = QUICK_SAMPLE_SECONDS if quick else SAMPLE_SECONDS
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for repetition in range(repeat):
        shift = repetition % len(contenders)
        for name in contenders[shift:] + contenders[:shift]:
            step = build(workload, name, libraries)
            samples[name].append(time_sample(step, sample_seconds, CLOCKS[clock]) * workload.per_step)
    return {name: statistics.median(values) for name, values in samples.items()}
