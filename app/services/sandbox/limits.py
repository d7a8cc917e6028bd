"""A worker's kernel-enforced limits, per run although the process serves many runs.

- Memory: the hard RLIMIT_AS is set once (the worker's size when ready + ``SANDBOX_MEMORY_BYTES`` +
  ``SANDBOX_WORKER_MAX_GROWTH_BYTES``); during a run the soft limit is what the worker maps now +
  ``SANDBOX_MEMORY_BYTES``, so an allocation past the run's budget fails (``MemoryError``).
- CPU: the hard RLIMIT_CPU caps the worker's whole life; during a run the soft limit is the CPU used so
  far + the run's wall budget (wall limit + kill margin): past it the kernel's SIGXCPU ends the process.
- Wall clock: a real-time timer of the same budget; its SIGALRM, left to its default action, ends the
  process even while it is stuck inside one C call (``'a' in range(10**15)``).

A worker that has grown, served its share of runs or used most of its CPU is worn out: it retires.
"""

from __future__ import annotations

import math
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from app import config

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def memory_now() -> tuple[int, int]:
    """Bytes this process maps (its address space, what RLIMIT_AS counts) and keeps resident."""
    with open("/proc/self/statm") as statm:
        size, resident = statm.read().split()[:2]
    return int(size) * PAGE_BYTES, int(resident) * PAGE_BYTES


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_budget_seconds() -> float:
    """Seconds a run may last before the kernel ends its worker: the wall limit plus the kill margin."""
    return config.SANDBOX_WALL_SECONDS + config.SANDBOX_KILL_MARGIN_SECONDS


class RunLimits:
    """Sets the worker's hard limits; ``fence()`` narrows them around one run."""

    def __init__(self) -> None:
        self.ready_size, self.ready_resident = memory_now()
        self.memory_cap = (
            self.ready_size + config.SANDBOX_MEMORY_BYTES + config.SANDBOX_WORKER_MAX_GROWTH_BYTES
        )
        self.cpu_cap = config.SANDBOX_WORKER_MAX_CPU_SECONDS
        resource.setrlimit(resource.RLIMIT_AS, (self.memory_cap, self.memory_cap))
        resource.setrlimit(resource.RLIMIT_CPU, (self.cpu_cap, self.cpu_cap))
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file may be written, should one ever be opened
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the timer's signal ends the process ...
        signal.signal(signal.SIGXCPU, signal.SIG_DFL)  # ... as the CPU limit's does
        self.runs = 0

    @contextmanager
    def fence(self) -> Iterator[None]:
        """The limits of one run, for the ``with`` block; the worker's own limits again after it."""
        self.runs += 1
        budget = run_budget_seconds()
        size, _ = memory_now()
        memory = min(self.memory_cap, size + config.SANDBOX_MEMORY_BYTES)
        cpu = min(self.cpu_cap, math.ceil(cpu_seconds() + budget))
        resource.setrlimit(resource.RLIMIT_AS, (memory, self.memory_cap))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, self.cpu_cap))
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            resource.setrlimit(resource.RLIMIT_CPU, (self.cpu_cap, self.cpu_cap))
            resource.setrlimit(resource.RLIMIT_AS, (self.memory_cap, self.memory_cap))

    def worn_out(self) -> bool:
        """Whether the worker should retire: enough runs served, grown too much, or short of CPU time."""
        size, resident = memory_now()
        grown = max(size - self.ready_size, resident - self.ready_resident)
        return (
            self.runs >= config.SANDBOX_WORKER_MAX_RUNS
            or grown > config.SANDBOX_WORKER_MAX_GROWTH_BYTES
            or cpu_seconds() + run_budget_seconds() > self.cpu_cap
        )
