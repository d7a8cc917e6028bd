"""PyTorch's beginner tutorials in the playground: what they do runs there and prints what PyTorch printed.

The tutorials' code and PyTorch's output are recorded in ``tests/engine/tutorial_snippets.py``. A few use
what the playground leaves out on purpose (numpy); they are listed with the reason, and checked to be
refused with it, so that the list stays true.
"""

import re

import pytest

from app.services.sandbox.runner import run_snippet
from tests.engine import tutorial_snippets as snippets

ADDRESS = re.compile(r"0x[0-9a-f]+")  # as the recorded output writes object addresses
LEFT_OUT = {  # snippet: the words of its refusal
    "TENSORS": "numpy",
    "INTRO_TENSORS_MATH": "numpy",
    "INTRO_TENSORS_IN_PLACE": "numpy",
    "LEARNER_IDIOMS": "'numpy'",
}
IN_PLAYGROUND = sorted(set(snippets.PRINTED) - set(LEFT_OUT))


def run(code: str) -> dict:
    return run_snippet(code, lambda event: None)


@pytest.mark.parametrize("name", IN_PLAYGROUND)
def test_a_tutorial_prints_in_the_playground_what_pytorch_printed(name: str) -> None:
    result = run(getattr(snippets, name))
    assert result["error"] is None, result["error"]
    assert ADDRESS.sub("0x…", result["stdout"]) == snippets.PRINTED[name]


@pytest.mark.parametrize("name", sorted(LEFT_OUT))
def test_a_tutorial_left_out_is_refused_for_its_reason(name: str) -> None:
    error = run(getattr(snippets, name))["error"]
    assert error["type"] == "UnsupportedError" and LEFT_OUT[name] in error["message"], error


def test_the_classes_convolutions_jacobians_and_caught_errors_of_the_tutorials_are_among_them() -> None:
    wanted = {"BUILD_MODEL", "OPTIMIZATION_LOOP", "BLITZ_NEURAL_NETWORK", "INTRO_JACOBIAN"}
    wanted.add("INTRO_AUTOGRAD_MODES")  # its errors caught and printed
    assert wanted <= set(IN_PLAYGROUND)


def test_grad_mode_decorators_run_the_function_in_their_mode_only() -> None:
    code = """import torch
@torch.no_grad()
def doubled(x):
    return x * 2
@torch.set_grad_enabled(False)
def tripled(x):
    return x * 3
x = torch.ones(2, requires_grad=True)
print(doubled(x).requires_grad, tripled(x).requires_grad, (x * 4).requires_grad, torch.is_grad_enabled())
"""
    result = run(code)
    assert result["error"] is None and result["stdout"] == "False False True True\n"


def test_any_decorator_is_a_call_of_what_it_names() -> None:
    code = """def twice(g):
    def inner(v):
        return g(g(v))
    return inner
@twice
@twice
def inc(v):
    return v + 1
print(inc(1))
"""
    assert run(code)["stdout"] == "5\n"
    error = run("@open\ndef f():\n    pass")["error"]
    assert error["type"] == "UnsupportedError" and "'open'" in error["message"] and error["line"] == 1
