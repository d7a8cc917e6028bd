"""Errors a beginner can act on: Python's class name, PyTorch's wording, the place, a hint in ja and en."""

from app import config
from app.services.sandbox.runner import run_snippet

# PyTorch 2.13's own messages, copied from running the same code on it
TWICE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time "
    "or if you need to access saved tensors after calling backward."
)


def error_of(code: str) -> dict:
    return run_snippet(code, lambda event: None)["error"]


def test_backward_twice_explains_retain_graph():
    code = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()\n"
    error = error_of(code)
    assert (error["type"], error["message"], error["line"], error["column"]) == ("RuntimeError", TWICE, 5, 1)
    assert "retain_graph=True" in error["hint"]["en"] and "retain_graph=True" in error["hint"]["ja"]


def test_grad_none_explains_leaves_and_requires_grad():
    code = "import torch\nx = torch.tensor(2.0)\ny = x * 2\ny.backward\nx.grad.zero_()\n"
    error = error_of(code)
    assert (error["type"], error["line"]) == ("AttributeError", 5)
    assert "requires_grad=True" in error["hint"]["en"] and "葉テンソル" in error["hint"]["ja"]


def test_backward_without_requires_grad_has_pytorch_wording():
    error = error_of("import torch\ntorch.tensor(1.0).backward()\n")
    assert error["message"] == "element 0 of tensors does not require grad and does not have a grad_fn"
    assert "requires_grad=True" in error["hint"]["en"]


def test_shape_mismatch_explains_how_to_read_shapes():
    error = error_of("import torch\na = torch.ones(3)\nb = a + torch.ones(4)\n")
    assert (
        error["message"]
        == "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0"
    )
    assert (error["line"], error["column"]) == (3, 5)
    assert "x.shape" in error["hint"]["en"] and "形" in error["hint"]["ja"]


def test_matmul_mismatch_is_a_shape_hint():
    error = error_of("import torch\ny = torch.ones(5, 10) @ torch.ones(3, 1)\n")
    assert error["message"] == "mat1 and mat2 shapes cannot be multiplied (5x10 and 3x1)"
    assert "(m×n)@(n×p)" in error["hint"]["en"]


def test_name_error_suggests_the_close_name():
    error = error_of("valeu = 1\nprint(value)\n")
    assert (error["type"], error["message"]) == ("NameError", "name 'value' is not defined")
    assert (error["line"], error["column"]) == (2, 7)
    assert error["hint"] == {"ja": "もしかして 'valeu' ですか?", "en": "Did you mean 'valeu'?"}


def test_syntax_error_has_its_place():
    error = error_of("x = (1,\n")
    assert (error["type"], error["line"], error["column"]) == ("SyntaxError", 1, 5)
    assert error["hint"]["en"].startswith("This is not valid Python")


def test_in_place_on_a_leaf_points_to_no_grad():
    error = error_of("import torch\nx = torch.ones(1, requires_grad=True)\nx += 1\n")
    assert error["message"] == "a leaf Variable that requires grad is being used in an in-place operation."
    assert "torch.no_grad()" in error["hint"]["en"]


def test_assigning_a_plain_tensor_as_a_weight_is_pytorchs_type_error_with_a_way_out():
    error = error_of("import torch\nmodel = torch.nn.Linear(1, 1)\nmodel.weight = torch.tensor([[2.0]])\n")
    assert error["message"] == (
        "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)"
    )
    assert (error["type"], error["line"], error["column"]) == ("TypeError", 3, 1)
    assert "model.weight.copy_(" in error["hint"]["en"] and "copy_(" in error["hint"]["ja"]


def test_stdout_before_the_error_is_kept():
    result = run_snippet("print('one')\nprint('two')\nmissing\n", lambda event: None)
    assert result["stdout"] == "one\ntwo\n" and result["error"]["line"] == 3


def test_error_inside_a_function_points_at_the_inner_line():
    error = error_of("def f(x):\n    return x + undefined\n\nf(1)\n")
    assert (error["type"], error["line"], error["column"]) == ("NameError", 2, 16)


def test_engine_warnings_are_reported_like_pytorch():
    code = "import torch\nx = torch.ones(1, requires_grad=True)\ny = x * 2\ny.backward()\nprint(y.grad)\n"
    result = run_snippet(code, lambda event: None)
    assert result["stdout"] == "None\n"
    assert any("not a leaf Tensor" in warning for warning in result["warnings"])


def test_overflow_and_division_by_zero_are_silent_as_in_pytorch():
    code = (
        "import torch\n"
        "w = torch.tensor([3e38], requires_grad=True)\n"
        "print(w * 10, torch.tensor(3e38) * 10.0)\n"
        "print(torch.tensor([0.0]) / 0, torch.tensor([1.0, -1.0]).log())\n"
    )
    result = run_snippet(code, lambda event: None)
    assert result["error"] is None
    assert (
        result["stdout"]
        == "tensor([inf], grad_fn=<MulBackward0>) tensor(inf)\ntensor([nan]) tensor([0., nan])\n"
    )
    assert result["warnings"] == []


def test_long_messages_are_shortened(monkeypatch):
    monkeypatch.setattr(config, "SANDBOX_MAX_MESSAGE_CHARS", 10)
    error = error_of("d = {}\nd['a' * 100]\n")
    assert (error["type"], error["message"]) == ("KeyError", "'aaaaaaaa…")


def test_after_backward_twice_the_graph_still_shows_the_first_backwards_gradients():
    code = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()\n"
    result = run_snippet(code, lambda event: None)
    assert result["error"]["type"] == "RuntimeError"
    end = result["frames"][-1]["graph"]
    x_id = next(t["id"] for t in end["tensors"] if t["name"] == "x")
    carried = sorted(e["grad"]["value"] for e in end["edges"] if e["source"] == x_id and e.get("grad"))
    assert carried == [2.0, 2.0]  # d(x*x)/dx = x along each of the two edges, 4 in all
