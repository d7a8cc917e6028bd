"""POST /api/run, the article's snippets verbatim: PyTorch's output and the gradients the article names."""

import pytest
from fastapi.testclient import TestClient

from app.main import app
from app.schemas import NAME_ERROR_RESULT
from tests.data import article


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as client:
        yield client


def run(client, code: str, lang: str = "en") -> dict:
    response = client.post("/api/run", json={"code": code, "lang": lang})
    assert response.status_code == 200, response.text
    return response.json()


def tensor(graph: dict, name: str) -> dict:
    """The trace's tensor node that the variable ``name`` holds."""
    return next(node for node in graph["tensors"] if node["name"] == name)


def grad(graph: dict, name: str) -> float | list:
    return tensor(graph, name)["grad"]["value"]


@pytest.mark.parametrize("name", sorted(article.PRINTED))
def test_snippet_prints_what_pytorch_prints(client, name):
    result = run(client, getattr(article, name))
    assert result["error"] is None
    assert result["stdout"] == article.PRINTED[name]


def test_first_gradient_is_8_in_the_graph(client):
    result = run(client, article.FIRST_GRADIENT)
    assert grad(result["graph"], "x") == 8.0
    assert tensor(result["graph"], "y")["value"]["value"] == 16.0  # 3² + 2·3 + 1
    assert [frame["label"] for frame in result["frames"]] == ["backward #1", "end"]
    assert result["frames"][0]["line"] == 4


def test_two_paths_carry_3_and_1_into_a_and_sum_to_4(client):
    graph = run(client, article.TWO_PATHS)["graph"]
    assert grad(graph, "a") == 4.0
    assert grad(graph, "b") == 2.0
    a_id = tensor(graph, "a")["id"]
    into_a = sorted(edge["grad"]["value"] for edge in graph["edges"] if edge["source"] == a_id)
    assert into_a == [1.0, 3.0]  # dd/da along d = c + a, and dc/da = b along c = a * b


def test_accumulation_makes_three_frames_where_the_grad_stays_2(client):
    frames = run(client, article.ACCUMULATION)["frames"]
    backward = [frame for frame in frames if frame["label"].startswith("backward")]
    assert [grad(frame["graph"], "x") for frame in backward] == [2.0, 2.0, 2.0]
    assert [frame["line"] for frame in backward] == [5, 5, 5]
    assert grad(frames[-1]["graph"], "x") == 0.0  # zeroed after the last print


def test_accumulation_without_zeroing_goes_2_4_6(client):
    result = run(client, article.ACCUMULATION.replace("    x.grad.zero_()", "    pass"))
    assert result["stdout"] == "ループ 0: grad = 2.0\nループ 1: grad = 4.0\nループ 2: grad = 6.0\n"
    backward = [frame for frame in result["frames"] if frame["label"].startswith("backward")]
    assert [grad(frame["graph"], "x") for frame in backward] == [2.0, 4.0, 6.0]


def test_no_grad_output_has_no_graph(client):
    result = run(client, article.NO_GRAD)
    output = next(variable for variable in result["variables"] if variable["name"] == "output")
    assert output["requires_grad"] is False and output["shape"] == [5, 1]
    assert tensor(result["graph"], "output")["kind"] == "no_grad"
    assert [op for op in result["graph"]["ops"] if op["kind"] == "op"] == []


def test_training_from_pytorchs_start_ends_where_pytorch_ends(client):
    start, end = article.TORCH_START, article.TORCH_END
    code = article.TRAINING.replace(
        "optimizer = torch.optim",
        f"with torch.no_grad():\n    model.weight.fill_({start['weight']!r})\n"
        f"    model.bias.fill_({start['bias']!r})\noptimizer = torch.optim",
    )
    result = run(client, code)
    assert result["stdout"] == f"weight: {end['weight']:.3f}, bias: {end['bias']:.3f}\n"
    graph = result["graph"]
    assert grad(graph, "model.weight") != 0.0
    assert tensor(graph, "model.weight")["value"]["value"][0][0] == pytest.approx(end["weight"], abs=1e-6)
    assert tensor(graph, "loss")["value"]["value"] == pytest.approx(end["loss"], abs=1e-6)


def test_training_snippet_verbatim_learns_a_weight_near_2(client):
    result = run(client, article.TRAINING)
    weight = float(result["stdout"].split(",")[0].removeprefix("weight: "))
    assert 1.5 < weight < 2.5


def test_variables_are_reported_with_their_grad(client):
    variables = {variable["name"]: variable for variable in run(client, article.TWO_PATHS)["variables"]}
    assert variables["a"]["grad"] == "tensor(4.)"
    assert variables["c"]["repr"] == "tensor(6., grad_fn=<MulBackward0>)"
    assert variables["c"]["is_leaf"] is False


def test_error_in_user_code_is_200_with_line_hint_and_the_stdout_before_it(client):
    code = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\n"
    code += "y.backward()\nprint(1)\ny.backward()\n"
    result = run(client, code, lang="ja")
    assert result["stdout"] == "1\n"
    error = result["error"]
    assert error["type"] == "RuntimeError"
    assert error["message"].startswith("Trying to backward through the graph a second time")
    assert (error["line"], error["column"]) == (6, 1)
    assert "retain_graph" in error["hint"]["ja"] and "retain_graph" in error["hint"]["en"]


def test_refused_construct_is_an_error_not_a_500(client):
    result = run(client, "import os\nos.system('true')\n")
    assert result["error"]["type"] == "UnsupportedError"
    assert result["error"]["line"] == 1


def test_code_over_the_interpreters_size_limit_gets_its_message_not_a_413(client):
    result = run(client, "x = 1\n" * 200_000)  # 1.2 MB: under the body limit, over the code limit
    assert result["error"]["type"] == "LimitExceeded"
    assert result["error"]["limit"] == "SANDBOX_MAX_CODE_BYTES"


def test_the_documented_example_answer_is_the_real_answer(client):
    result = run(client, "import torch\nx = torch.tensor(3.0, requires_grad=True)\nprint(x)\ny = x * z\n")
    documented = dict(NAME_ERROR_RESULT)
    assert result.pop("stats").keys() == documented.pop("stats").keys()  # elapsed_ms varies
    assert result == documented


def test_a_loop_with_a_learning_rate_scheduler_runs_in_the_playground(client):
    code = (
        "import torch\nfrom torch.optim.lr_scheduler import StepLR\n"
        "w = torch.tensor([1.0], requires_grad=True)\n"
        "optimizer = torch.optim.SGD([w], lr=0.1)\n"
        "scheduler = StepLR(optimizer, step_size=2, gamma=0.5)\n"
        "decay = torch.optim.lr_scheduler.ExponentialLR(torch.optim.SGD([w], lr=1.0), gamma=0.5)\n"
        "for epoch in range(4):\n"
        "    optimizer.zero_grad()\n    (w * w).sum().backward()\n"
        "    optimizer.step()\n    scheduler.step()\n"
        "    decay.optimizer.step()\n    decay.step()\n"
        "    print(epoch, scheduler.get_last_lr(), decay.get_last_lr())\n"
    )
    result = run(client, code)
    assert result["error"] is None
    assert result["stdout"] == (
        "0 [0.1] [0.5]\n1 [0.05] [0.25]\n2 [0.05] [0.125]\n3 [0.025] [0.0625]\n"
    )  # as PyTorch 2.13 prints it
