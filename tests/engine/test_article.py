"""The article's examples run as plain Python on the engine and print what PyTorch prints."""

import contextlib
import io

import pytest

from engine.as_torch import imported_as_torch
from tests.data import article


def run_as_torch(code: str) -> tuple[str, dict]:
    """Run ``code`` with ``import torch`` resolving to the engine; return stdout and its variables."""
    namespace: dict = {}
    out = io.StringIO()
    with imported_as_torch(), contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), namespace)  # test code only, never user input
    return out.getvalue(), namespace


@pytest.mark.parametrize("name", sorted(article.PRINTED))
def test_snippet_prints_what_pytorch_prints(name):
    printed, _ = run_as_torch(getattr(article, name))
    assert printed == article.PRINTED[name]


def test_accumulation_without_zeroing_prints_2_4_6():
    code = article.ACCUMULATION.replace("    x.grad.zero_()", "    pass")
    printed, _ = run_as_torch(code)
    assert printed == "ループ 0: grad = 2.0\nループ 1: grad = 4.0\nループ 2: grad = 6.0\n"


def test_no_grad_snippet_builds_a_graph_only_outside_no_grad():
    _, variables = run_as_torch(
        article.NO_GRAD.replace("with torch.no_grad():", "first = output\nwith torch.no_grad():")
    )
    first, second = variables["first"], variables["output"]
    assert first.requires_grad and first.grad_fn.name() == "AddmmBackward0"
    assert not second.requires_grad and second.grad_fn is None
    assert [type(n).__name__ if n else None for n, _ in first.grad_fn.next_functions] == [
        "AccumulateGrad",
        None,
        "TBackward0",
    ]


def test_training_reaches_pytorchs_weight_and_bias_from_the_same_start():
    start = article.TORCH_START
    code = article.TRAINING.replace(
        "optimizer = torch.optim",
        "with torch.no_grad():\n"
        f"    model.weight.fill_({start['weight']!r})\n"
        f"    model.bias.fill_({start['bias']!r})\n"
        "optimizer = torch.optim",
    )
    printed, variables = run_as_torch(code)
    end = article.TORCH_END
    assert printed == f"weight: {end['weight']:.3f}, bias: {end['bias']:.3f}\n"
    assert variables["model"].weight.item() == pytest.approx(end["weight"], abs=1e-6)
    assert variables["model"].bias.item() == pytest.approx(end["bias"], abs=1e-6)
    assert variables["loss"].item() == pytest.approx(end["loss"], rel=1e-5)
