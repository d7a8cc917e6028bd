"""One worker process serves many runs: nothing a run does reaches the next, and worn-out workers retire."""

import json
import time

import pytest

from app import config
from app.schemas import RunResponse
from app.services.sandbox.pool import Pool

SPARE_READY_SECONDS = 30.0  # how long a spare may take to start on a busy machine
FIRST_RAND_AFTER_SEED_0 = "tensor([0.4963, 0.7682])\n"  # PyTorch: torch.manual_seed(0); torch.rand(2)
STUCK_IN_C = "found = 'a' in range(10**15)\n"  # one C-level loop: only the kernel's timer stops it


@pytest.fixture(scope="module")
def pool():
    """A pool of one worker (and one spare), so that consecutive runs share a process."""
    single = Pool(1, spares=1)
    yield single
    single.close()


def run(pool: Pool, code: str) -> dict:
    return json.loads(pool.run_json(code, "en"))


def serving_pid(pool: Pool) -> int:
    (worker,) = pool.workers
    return worker.process.pid


def wait_for_spare(pool: Pool) -> int:
    """The pid of the pool's spare, once it is ready."""
    deadline = time.monotonic() + SPARE_READY_SECONDS
    while not pool.spares and time.monotonic() < deadline:
        time.sleep(0.02)
    return pool.spares[0].process.pid


def test_consecutive_runs_share_one_worker_process(pool):
    pid = serving_pid(pool)
    assert [run(pool, f"print({n} * 2)")["stdout"] for n in range(3)] == ["0\n", "2\n", "4\n"]
    assert serving_pid(pool) == pid


def test_print_options_and_grad_mode_set_by_a_run_do_not_reach_the_next(pool):
    pid = serving_pid(pool)
    changed = run(pool, "import torch\ntorch.set_printoptions(precision=1)\ntorch.set_grad_enabled(False)\n")
    assert changed["error"] is None
    result = run(pool, "import torch\nprint(torch.tensor(1.23456), torch.is_grad_enabled())")
    assert result["stdout"] == "tensor(1.2346) True\n"  # PyTorch's default precision is 4 digits
    assert serving_pid(pool) == pid


def test_each_run_starts_from_the_same_seed_whatever_the_last_run_drew(pool):
    run(pool, "import torch\ntorch.manual_seed(123)\nnoise = torch.rand(1000)\n")
    assert run(pool, "import torch\nprint(torch.rand(2))")["stdout"] == FIRST_RAND_AFTER_SEED_0
    run(pool, "import torch\nnoise = torch.randn(7)\n")
    assert run(pool, "import torch\nprint(torch.rand(2))")["stdout"] == FIRST_RAND_AFTER_SEED_0


def test_a_run_writing_into_a_class_level_dict_leaves_nothing_for_the_next(pool):
    run(pool, "import torch\ntorch.optim.Optimizer.defaults['note'] = 'left by an earlier run'\n")
    assert run(pool, "import torch\nprint(torch.optim.Optimizer.defaults)")["stdout"] == "{}\n"


@pytest.mark.parametrize("module", ["torch.nn", "torch.optim", "torch.optim.lr_scheduler"])
def test_the_engine_s_own_helpers_are_out_of_reach_so_no_run_can_rename_a_class_for_the_next(pool, module):
    """engine.pickling.present_as renames a class for good; its modules import it, and it was reachable."""
    result = run(pool, f"import torch\n{module}.present_as(torch.nn.Linear, 'left by an earlier run')\n")
    assert result["error"]["type"] == "AttributeError" and "present_as" in result["error"]["message"]
    assert run(pool, "import torch\nprint(torch.nn.Linear(1, 1))")["stdout"] == (
        "Linear(in_features=1, out_features=1, bias=True)\n"
    )
    for helper in ("torch.optim.reduce_object", "torch.accepts_out"):
        assert run(pool, f"import torch\nprint({helper})")["error"]["type"] == "AttributeError"


def test_variables_of_a_run_are_gone_in_the_next(pool):
    run(pool, "secret = 42\n")
    result = run(pool, "print(secret)\n")
    assert result["error"]["type"] == "NameError"


def test_the_same_code_gives_the_same_answer_on_a_used_worker(pool):
    code = "import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x ** 2 + 2 * x + 1\ny.backward()\n"
    first, second = run(pool, code), run(pool, code)
    first.pop("stats"), second.pop("stats")  # elapsed time varies
    assert first == second
    assert [frame["label"] for frame in first["frames"]] == ["backward #1", "end"]


def test_a_run_over_its_memory_limit_is_stopped_and_its_worker_retired(pool, monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MEMORY_BYTES", 64 * 2**20)
    spare = wait_for_spare(pool)
    hog = run(pool, "x = 'a' * 900_000\ny = [x + str(i) for i in range(200)]\n")  # 180 MB
    assert hog["error"]["limit"] == "SANDBOX_MEMORY_BYTES"
    assert serving_pid(pool) == spare  # the spare took over at once
    assert run(pool, "print('fine')")["stdout"] == "fine\n"


def test_a_worker_retires_after_its_share_of_runs_and_the_spare_takes_over(pool, monkeypatch):
    spare = wait_for_spare(pool)
    worker = next(iter(pool.workers))
    monkeypatch.setattr(config, "SANDBOX_WORKER_MAX_RUNS", worker.runs + 2)
    assert run(pool, "print(1)")["stdout"] == "1\n"
    assert serving_pid(pool) == worker.process.pid
    assert run(pool, "print(2)")["stdout"] == "2\n"  # its last run
    assert serving_pid(pool) == spare
    assert worker.process.poll() is not None, "the retired worker has exited"
    assert run(pool, "print(3)")["stdout"] == "3\n"


def test_a_run_killed_inside_c_code_keeps_its_stdout_and_frames(pool, monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_WALL_SECONDS", 0.3)
    monkeypatch.setattr(config, "SANDBOX_KILL_MARGIN_SECONDS", 0.3)
    code = "import torch\nx = torch.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint('before')\n"
    result = run(pool, code + STUCK_IN_C)
    assert result["error"]["limit"] == "SANDBOX_WALL_SECONDS"
    assert result["stdout"] == "before\n"
    (frame,) = result["frames"]
    assert frame["label"] == "backward #1"
    x = next(node for node in frame["graph"]["tensors"] if node["name"] == "x")
    assert x["grad"]["value"] == 4.0  # d(x·x)/dx = 2x at x = 2
    assert result["graph"] is None  # the run never reached its end frame
    assert run(pool, "print('next')")["stdout"] == "next\n"


@pytest.mark.parametrize(
    "code",
    [
        "import torch\nx = torch.tensor(3.0, requires_grad=True)\n(x * x).backward()\nn = 3\nprint(x.grad)\n",
        "import torch\nx = torch.tensor(3.0)\nprint(x)\ny = x * z\n",
        "while True:\n    pass\n",
        "import os\n",
    ],
)
def test_the_answer_bytes_are_what_the_response_model_would_send(pool, code):
    answer = run(pool, code)
    assert answer == RunResponse.model_validate(answer).model_dump(mode="json")
    assert list(answer) == list(RunResponse.model_fields)


def test_a_snippet_run_before_is_checked_again_under_a_lower_limit(pool, monkeypatch):
    code = "a = 1\nb = a + 2\nprint(b)\n"
    assert run(pool, code)["stdout"] == "3\n"
    assert run(pool, code)["stdout"] == "3\n"  # the parsed tree is reused
    monkeypatch.setattr(config, "SANDBOX_MAX_AST_NODES", 5)
    assert run(pool, code)["error"]["limit"] == "SANDBOX_MAX_AST_NODES"


def test_a_worker_whose_memory_grew_past_its_limit_retires(pool, monkeypatch):
    spare = wait_for_spare(pool)
    # any growth at all, even a shrink, is over this limit: the check itself is what is tested
    monkeypatch.setattr(config, "SANDBOX_WORKER_MAX_GROWTH_BYTES", -(2**40))
    assert run(pool, "big = [0.5] * 1_000_000\nprint(len(big))")["stdout"] == "1000000\n"
    assert serving_pid(pool) == spare
