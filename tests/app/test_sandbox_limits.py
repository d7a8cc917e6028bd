"""Resource attacks: each budget of app/config.py stops its attack with a LimitExceeded naming it."""

import json
import time

import pytest

from app import config
from app.services.sandbox.answer import AnswerWriter
from app.services.sandbox.runner import run_snippet


def limit_hit(code: str) -> dict:
    """Run ``code``; return its error, which must be a LimitExceeded."""
    started = time.monotonic()
    result = run_snippet(code, lambda event: None)
    assert time.monotonic() - started < 3.0, "a budget must stop an attack quickly"
    assert result["error"] is not None and result["error"]["type"] == "LimitExceeded", result["error"]
    return result["error"]


ATTACKS = {
    "9**9**9": ("x = 9**9**9", "SANDBOX_MAX_INT_BITS"),
    "10**10**6": ("x = 10**10**6", "SANDBOX_MAX_INT_BITS"),
    "shift": ("x = 1 << 10**9", "SANDBOX_MAX_INT_BITS"),
    "squaring": ("x = 3\nwhile True:\n    x = x * x", "SANDBOX_MAX_INT_BITS"),
    "'a'*10**10": ("s = 'a' * 10**10", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "[0]*10**9": ("l = [0] * 10**9", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "doubling string": ("s = 'ab'\nwhile True:\n    s = s + s", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "f-string doubling": ("s = 'ab'\nwhile True:\n    s = f'{s}{s}'", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "list(range)": ("x = list(range(10**9))", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "ljust": ("'a'.ljust(10**9)", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "format width": ("f'{1.5:.999999999f}'", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "percent width": ("'%0999999999d' % 5", "SANDBOX_MAX_SEQUENCE_ITEMS"),
    "torch.zeros(10**5, 10**5)": (
        "import torch\nx = torch.zeros(10**5, 10**5)",
        "SANDBOX_MAX_TENSOR_ELEMENTS",
    ),
    "huge matmul": (
        "import torch\nx = torch.ones(10**4, 10**4) @ torch.ones(10**4, 10**4)",
        "SANDBOX_MAX_TENSOR_ELEMENTS",
    ),
    "broadcast blow-up": (
        "import torch\nc = torch.ones(3000, 1) * torch.ones(1, 3000)",
        "SANDBOX_MAX_TENSOR_ELEMENTS",
    ),
    "arange": ("import torch\nx = torch.arange(0, 1e12)", "SANDBOX_MAX_TENSOR_ELEMENTS"),
    "huge Linear": ("import torch\nm = torch.nn.Linear(10**4, 10**4)", "SANDBOX_MAX_TENSOR_ELEMENTS"),
    "repeat": ("import torch\nx = torch.ones(1000).repeat(1000, 1000)", "SANDBOX_MAX_TENSOR_ELEMENTS"),
    "while True": ("while True:\n    pass", "SANDBOX_MAX_STEPS"),
    "print flood": ("while True:\n    print('spam' * 100)", "SANDBOX_MAX_STDOUT_BYTES"),
    "deep recursion": ("def f(n):\n    return f(n + 1)\nf(0)", "SANDBOX_MAX_CALL_DEPTH"),
    "deeply nested list printed": (
        "a = []\nfor i in range(10**4):\n    a = [a]\nprint(a)",
        "SANDBOX_MAX_CALL_DEPTH",
    ),
    "1+1+...": ("x = " + "1+" * 3000 + "1", "SANDBOX_MAX_AST_DEPTH"),
    "10**5 parentheses": ("x = " + "(" * 10**5 + ")" * 10**5, "SANDBOX_MAX_CODE_BYTES"),
    "1 MB of code": ("x = 1\n" * 150_000, "SANDBOX_MAX_CODE_BYTES"),
    "many nodes": ("x = [" + "-1," * 5000 + "]", "SANDBOX_MAX_AST_NODES"),  # 3 nodes an item
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_stopped_by_its_budget(name):
    code, limit = ATTACKS[name]
    error = limit_hit(code)
    assert error["limit"] == limit
    assert error["hint"]["en"].startswith("The run went over a limit.")


def test_total_tensor_elements(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_TOTAL_ELEMENTS", 10_000)
    code = "import torch\nfor i in range(100):\n    x = torch.ones(1000)"
    error = limit_hit(code)
    assert (error["limit"], error["line"]) == ("SANDBOX_MAX_TOTAL_ELEMENTS", 3)


def test_recorded_graph_size(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_GRAPH_NODES", 50)
    code = "import torch\nx = torch.ones(1, requires_grad=True)\nfor i in range(100):\n    x = x * 1.0\n"
    assert limit_hit(code)["limit"] == "SANDBOX_MAX_GRAPH_NODES"


def test_training_loop_frees_its_graph_and_stays_within_the_graph_budget(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_GRAPH_NODES", 50)
    code = (
        "import torch\nw = torch.ones(1, requires_grad=True)\nfor i in range(100):\n"
        "    loss = (w * 2.0 - 1.0).pow(2).sum()\n    loss.backward()\n"
    )
    assert run_snippet(code, lambda event: None)["error"] is None


def test_wall_time_inside_the_interpreter(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_WALL_SECONDS", 0.2)
    monkeypatch.setattr(config, "SANDBOX_MAX_STEPS", 10**9)
    error = limit_hit("n = 0\nwhile True:\n    n += 1")
    assert error["limit"] == "SANDBOX_WALL_SECONDS" and error["line"] in (2, 3)


def test_call_depth_budget_is_the_configured_one(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_CALL_DEPTH", 10)
    code = "def down(n):\n    return 0 if n == 0 else down(n - 1)\nprint(down(9))\ndown(10)\n"
    result = run_snippet(code, lambda event: None)
    assert result["stdout"] == "0\n" and result["error"]["limit"] == "SANDBOX_MAX_CALL_DEPTH"


def test_stdout_before_the_limit_is_kept(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_STDOUT_BYTES", 10)
    result = run_snippet("for i in range(100):\n    print(i)", lambda event: None)
    assert result["stdout"] == "0\n1\n2\n3\n4\n"  # 10 bytes; the 11th is refused
    assert result["error"]["limit"] == "SANDBOX_MAX_STDOUT_BYTES"


def test_frames_beyond_the_budget_are_not_recorded(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_FRAMES", 2)
    code = "import torch\nx = torch.ones(1, requires_grad=True)\nfor i in range(5):\n    (x * 2).backward()\n"
    result = run_snippet(code, lambda event: None)
    assert [frame["label"] for frame in result["frames"]] == ["backward #1", "backward #2", "end"]
    assert result["error"] is None


def test_frames_beyond_their_byte_budget_are_left_out_with_a_warning(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_FRAMES_BYTES", 2_500)  # a backward frame here: ~2.3 KB of JSON
    code = "import torch\nx = torch.ones(1, requires_grad=True)\nfor i in range(3):\n    (x * 2).backward()\n"
    result = run_snippet(code, lambda event: None)
    assert [frame["label"] for frame in result["frames"]] == ["backward #1", "end"]
    assert result["graph"] is result["frames"][-1]["graph"] and result["error"] is None
    notice = (
        "The graph at 'backward #2' (line 4) and 1 more after it are not shown: the frames would be larger"
    )
    assert [warning for warning in result["warnings"] if "not shown" in warning] == [
        f"{notice} than 2500 bytes."
    ]


def test_the_end_graph_is_kept_when_the_backward_frames_have_used_the_budget(monkeypatch):
    """The page draws the end graph: a budget the backward frames used up does not leave it out."""
    monkeypatch.setattr(config, "SANDBOX_MAX_FRAMES_BYTES", 2_000)  # less than one backward frame
    code = "import torch\nx = torch.ones(1, requires_grad=True)\ny = x * 2\ny.backward()\n"
    result = run_snippet(code, lambda event: None)
    assert [frame["label"] for frame in result["frames"]] == ["end"]
    assert {node["id"] for node in result["graph"]["ops"]} and result["error"] is None


def test_the_frame_budget_counts_the_bytes_each_frame_is_sent_as():
    """A frame's graph is encoded once: the budget counts those bytes, and the event and answer send them."""
    sent = []
    writer = AnswerWriter(lambda kind, payload: sent.append((kind, payload)), stream=True)
    code = "import torch\nx = torch.ones(1, requires_grad=True)\nfor i in range(3):\n    (x * 2).backward()\n"
    result = run_snippet(code, writer.emit)
    payloads = [payload for kind, payload in sent if kind == "frame"]
    graphs = [frame["graph"] for frame in result["frames"]]
    assert len(payloads) == len(graphs) == 4 and result["graph"] is graphs[-1]
    for payload, graph in zip(payloads, graphs, strict=True):
        assert payload.endswith(b',"graph":' + graph.json + b"}") and json.loads(graph.json) == graph
    answer = json.loads(writer.answer(result))
    assert [frame["graph"] for frame in answer["frames"]] == graphs and answer["graph"] == graphs[-1]


def test_long_reprs_are_shortened(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_REPR_CHARS", 20)
    result = run_snippet("x = list(range(100))", lambda event: None)
    assert result["variables"][0]["repr"] == "[0, 1, 2, 3, 4, 5, …"


def test_a_limit_hit_inside_a_profiler_block_leaves_the_engine_untimed(monkeypatch):
    """The block's exit runs as the limit unwinds it: the next snippet in this process is not profiled."""
    from engine import profiler
    from engine.function import Function

    monkeypatch.setattr(config, "SANDBOX_MAX_STEPS", 500)
    code = "import torch\nwith torch.profiler.profile():\n    while True:\n        x = torch.ones(2) * 2\n"
    assert limit_hit(code)["limit"] == "SANDBOX_MAX_STEPS"
    assert Function.__dict__["apply_to_arrays"] is profiler._DIRECT and not profiler._open
