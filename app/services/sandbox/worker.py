"""A sandbox worker process: ``python -m app.services.sandbox.worker``, speaking JSON lines on stdin/stdout.

It imports the engine once (and warms it up), then for each request ``{"id", "code", "lang", "limits"}``
forks a run process that sets its rlimits (address space, CPU time), runs the snippet and writes its
events to stdout, one JSON object per line tagged ``"run": id``, ending with ``{"type": "result", ...}``
(without the frames, already sent). The worker waits for it — killing it at the wall limit plus a margin —
writes a result itself if the run died without one, then ``{"type": "idle"}``; then reads the next request.
A fresh process per run: nothing a run does (monkeypatching, seeds, leaked memory) reaches the next one.
"""

from __future__ import annotations

import io
import json
import math
import os
import resource
import select
import signal
import sys
from typing import Any

from app import config
from app.services.sandbox import runner
from app.services.sandbox.errors import LimitExceeded, error_report

RECURSION_LIMIT = 6_000  # Python frames: above what the call and AST-depth budgets allow, within the C stack


WARM_UP = """\
import torch
import torch.nn as nn
x = torch.tensor([1.0, 2.0], requires_grad=True)
model = nn.Linear(2, 1)
loss = nn.MSELoss()(model(x), torch.ones(1)) + (x ** 2 + 2 * x).sum()
loss.backward()
print(f"{x.grad} {loss.item():.3f}", x)
"""  # run once before serving, so that every run process inherits warm caches and lazy imports


WARM_UP_AFTER_SECONDS = 0.05  # a spare with no request after this long is idle enough to warm up


def write_line(event: dict[str, Any], run: int | None = None) -> None:
    """One event as a JSON line on stdout (fd 1), written whole, tagged with the run it belongs to."""
    if run is not None:
        event = {**event, "run": run}
    data = (json.dumps(event, ensure_ascii=False, default=str) + "\n").encode("utf-8", "replace")
    while data:
        written = os.write(1, data)
        data = data[written:]


def _address_space() -> int:
    """Bytes of virtual memory this process maps now (VmSize)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _run_child(request: dict[str, Any], base_memory: int) -> None:
    """In the forked run process: limit it, run the snippet, report, exit without cleanup."""
    try:
        memory = base_memory + config.SANDBOX_MEMORY_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = math.ceil(config.SANDBOX_WALL_SECONDS + config.SANDBOX_KILL_MARGIN_SECONDS)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file may be written, should one ever be opened
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        sys.setrecursionlimit(RECURSION_LIMIT)
        run = request.get("id")
        result = runner.run_snippet(
            request["code"], lambda event: write_line(event, run), lang=request.get("lang", "en")
        )
        result.pop("frames")  # already sent one by one; the pool puts them back together
        result.pop("graph")
        write_line({"type": "result", **result}, run)
        os._exit(0)
    except BaseException:  # noqa: B036 - whatever happened, the run process must end here
        os._exit(3)


def _died(status: int, killed_by_us: bool) -> dict[str, Any]:
    """The result of a run process that ended without writing one."""
    if killed_by_us or (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU):
        limit, message = (
            "SANDBOX_WALL_SECONDS",
            f"the run took longer than {config.SANDBOX_WALL_SECONDS:g} seconds",
        )
    else:
        limit, message = "SANDBOX_MEMORY_BYTES", "the run stopped abruptly (most likely it ran out of memory)"
    error = error_report(LimitExceeded(limit, message))
    return {
        "type": "result",
        "stdout": None,
        "error": error,
        "variables": [],
        "warnings": [],
        "stats": {},
    }


def apply_limits(request: dict[str, Any]) -> None:
    """The server's current budgets (sent with each request) replace this process's."""
    for name, value in request.get("limits", {}).items():
        if name.startswith("SANDBOX_") and hasattr(config, name):
            setattr(config, name, type(getattr(config, name))(value))


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 1 << 16):
        chunks.append(chunk)
    os.close(descriptor)
    return b"".join(chunks)


def fork_spare(base_memory: int) -> tuple[int, int]:
    """Fork the process for the next run ahead of time; it waits for its request, warming up if idle.

    A forked run copies the memory pages it touches (~6 ms of CPU for a small snippet). Warming up copies
    them before the request arrives, so the request pays only for the run itself (p50 ~5 ms instead of
    ~12 ms) — but it costs that CPU again, so under load, when a request comes at once, it is skipped.
    Returns the child's pid and the pipe to send it the request.
    """
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(write_end)
        os.close(0)  # the worker's request channel is not the run's business
        sys.stdout = sys.stderr = io.StringIO()  # stray prints must not reach fd 1, the event channel
        try:
            if not select.select([read_end], [], [], WARM_UP_AFTER_SECONDS)[0]:  # idle: worth warming up
                runner.run_snippet(WARM_UP, lambda event: None)
            request = json.loads(_read_all(read_end))
            apply_limits(request)
        except BaseException:  # noqa: B036 - a spare that cannot start must end here
            os._exit(4)
        _run_child(request, base_memory)
    os.close(read_end)
    return child, write_end


def run_request(raw: bytes, spare: tuple[int, int]) -> None:
    """Hand the request to the spare run process, wait (at most the wall limit plus the margin), check."""
    request = json.loads(raw)
    apply_limits(request)
    child, pipe = spare
    handle = os.pidfd_open(child)
    try:
        try:
            while raw:
                raw = raw[os.write(pipe, raw) :]
        except OSError:
            pass  # the spare died before its request: its exit status below says so
        finally:
            os.close(pipe)
        ready, _, _ = select.select(
            [handle], [], [], config.SANDBOX_WALL_SECONDS + config.SANDBOX_KILL_MARGIN_SECONDS
        )
        killed = not ready
        if killed:
            os.kill(child, signal.SIGKILL)
        _, status = os.waitpid(child, 0)
    finally:
        os.close(handle)
    if killed or os.waitstatus_to_exitcode(status) != 0:
        write_line(_died(status, killed), request.get("id"))


def main() -> None:
    """Serve requests from stdin until it closes, one run process per request."""
    runner.module_proxies()  # import and admit the engine once, before any fork
    runner.run_snippet(WARM_UP, lambda event: None)
    base_memory = _address_space()
    spare = fork_spare(base_memory)
    write_line({"type": "ready", "pid": os.getpid()})
    for raw in sys.stdin.buffer:
        run_request(raw, spare)
        spare = fork_spare(base_memory)
        write_line({"type": "idle"})  # for a reader's log: the pool does not wait for it


if __name__ == "__main__":
    main()
