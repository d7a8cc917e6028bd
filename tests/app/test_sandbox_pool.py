"""The worker pool: runs happen in other processes, runaway runs are killed, and the pool recovers.

(Runs sharing one worker process, isolation between them and retiring workers: test_sandbox_reuse.py.)"""

import concurrent.futures
import os
import time

import pytest

from app import config
from app.services import sandbox

ENDLESS_IN_C = (
    "print('before')\nfound = 'a' in range(10**15)\n"  # one C-level loop: the interpreter cannot stop it
)


@pytest.fixture
def short_wall(monkeypatch):
    """A 0.3 s wall limit and 0.3 s kill margin, passed to the workers with each request."""
    monkeypatch.setattr(config, "SANDBOX_WALL_SECONDS", 0.3)
    monkeypatch.setattr(config, "SANDBOX_KILL_MARGIN_SECONDS", 0.3)


def test_runs_happen_in_a_worker_process():
    sandbox.start_pool()
    workers = sandbox._pool.workers
    assert workers and all(worker.process.pid != os.getpid() and worker.alive() for worker in workers)
    assert sandbox.run_code("print(1 + 1)")["stdout"] == "2\n"


def test_a_run_stuck_in_c_code_is_killed_and_keeps_its_stdout(short_wall):
    started = time.monotonic()
    result = sandbox.run_code(ENDLESS_IN_C)
    assert time.monotonic() - started < 3.0
    assert result["error"]["type"] == "LimitExceeded" and result["error"]["limit"] == "SANDBOX_WALL_SECONDS"
    assert result["stdout"] == "before\n"


def test_the_next_run_works_after_a_killed_one(short_wall):
    sandbox.run_code(ENDLESS_IN_C)
    assert sandbox.run_code("print('after')")["stdout"] == "after\n"


def test_memory_limit_stops_a_big_allocation(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MEMORY_BYTES", 64 * 2**20)
    result = sandbox.run_code("x = 'a' * 900_000\ny = [x + str(i) for i in range(200)]\n")  # 180 MB
    assert result["error"]["limit"] == "SANDBOX_MEMORY_BYTES"
    assert sandbox.run_code("print('fine')")["stdout"] == "fine\n"


def test_closing_a_stream_early_kills_the_run_and_replaces_its_worker():
    stream = sandbox.stream_code("n = 0\nprint('started')\nwhile True:\n    n += 1\n")
    assert next(stream) == {"type": "stdout", "text": "started\n"}
    stream.close()
    assert sandbox.run_code("print('next')")["stdout"] == "next\n"
    deadline = time.monotonic() + 10
    while len(sandbox._pool.workers) < sandbox._pool.size and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(sandbox._pool.workers) == sandbox._pool.size


def test_concurrent_runs_each_get_their_own_answer():
    codes = [
        f"import torch\nx = torch.tensor({n}.0, requires_grad=True)\n(x * x).backward()\nprint(x.grad)"
        for n in range(6)
    ]
    with concurrent.futures.ThreadPoolExecutor(6) as executor:
        results = list(executor.map(sandbox.run_code, codes))
    assert [result["stdout"] for result in results] == [f"tensor({2 * n}.)\n" for n in range(6)]


def test_state_does_not_leak_between_runs():
    sandbox.run_code("import torch\ntorch.set_printoptions(precision=1)\ntorch.set_grad_enabled(False)")
    result = sandbox.run_code("import torch\nprint(torch.tensor(1.23456), torch.is_grad_enabled())")
    assert result["stdout"] == "tensor(1.2346) True\n"


def test_busy_pool_answers_server_busy(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_QUEUE_SECONDS", 0.01)
    stream = sandbox.stream_code("while True:\n    print('x')\n")
    streams = [sandbox.stream_code("while True:\n    print('y')\n") for _ in range(sandbox._pool.size - 1)]
    for running in [stream, *streams]:
        next(running)
    assert sandbox.run_code("print(1)")["error"]["type"] == "ServerBusy"
    with pytest.raises(sandbox.ServerBusy) as busy:
        sandbox.run_code_json("print(1)")
    assert busy.value.result["error"]["hint"]["en"] == "The server is busy. Wait a moment and run again."
    for running in [stream, *streams]:
        running.close()
