"""The five workloads of issue 3's benchmark: what each measures, its unit and its target vs PyTorch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench import autograd_workloads as autograd_side
from bench import data, numpy_floor


@dataclass(frozen=True)
class Workload:
    """One benchmark row: how to build it for an autograd library and for plain numpy."""

    key: str
    title: str
    unit: str  # what one reported number is
    per_step: float  # seconds per step -> reported unit (a scale; W3 also divides by the chain length)
    target: float  # engine time / PyTorch time must not exceed this
    build_autograd: Callable
    build_numpy: Callable


MICRO, MILLI = 1e6, 1e3
WORKLOADS: tuple[Workload, ...] = (
    Workload(
        "W1",
        "article example 1 (x**2 + 2*x + 1, backward)",
        "µs/iter",
        MICRO,
        0.5,
        autograd_side.build_w1,
        numpy_floor.build_w1,
    ),
    Workload(
        "W2",
        "article training loop, 100 epochs",
        "ms/loop",
        MILLI,
        0.5,
        autograd_side.build_w2,
        numpy_floor.build_w2,
    ),
    Workload(
        "W3",
        f"{data.CHAIN_OPS}-op scalar chain + backward",
        "µs/op",
        MICRO / data.CHAIN_OPS,
        0.5,
        autograd_side.build_w3,
        numpy_floor.build_w3,
    ),
    Workload(
        "W4",
        "2-16-16-1 tanh MLP, batch 64, 100 SGD steps",
        "ms/run",
        MILLI,
        0.7,
        autograd_side.build_w4,
        numpy_floor.build_w4,
    ),
    Workload(
        "W5",
        "784-256-10 ReLU MLP, batch 64, CE, 1 step",
        "ms/step",
        MILLI,
        1.1,
        autograd_side.build_w5,
        numpy_floor.build_w5,
    ),
)
