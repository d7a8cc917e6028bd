"""Code from PyTorch's beginner tutorials runs on the engine and prints exactly what PyTorch printed."""

from __future__ import annotations

import contextlib
import io
import re
import warnings

import pytest

from engine.as_torch import imported_as_torch
from tests.engine import tutorial_snippets as snippets

ADDRESS = re.compile(r"0x[0-9a-f]+")


def run_as_torch(code: str) -> str:
    """Run ``code`` with ``import torch`` resolving to the engine; return its output, addresses as 0x…."""
    out = io.StringIO()
    with imported_as_torch(), contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyTorch's warnings go to stderr; only stdout is compared
        exec(compile(code, "<tutorial>", "exec"), {})  # test code from the tutorials, never user input
    return ADDRESS.sub("0x…", out.getvalue())


@pytest.mark.parametrize("name", sorted(snippets.PRINTED))
def test_tutorial_prints_what_pytorch_prints(name):
    assert run_as_torch(getattr(snippets, name)) == snippets.PRINTED[name]


def test_numpy_bridge_shares_memory_as_the_tensors_tutorial_shows():
    printed = run_as_torch(snippets.TENSORS)
    assert "t: tensor([2., 2., 2., 2., 2.])\nn: [2. 2. 2. 2. 2.]\n" in printed  # t.add_(1) shows in n
    assert (
        "t: tensor([2., 2., 2., 2., 2.], dtype=torch.float64)\n" in printed
    )  # np.add(n, 1, out=n) shows in t


def test_jacobian_product_tutorial_accumulates_then_resets():
    printed = run_as_torch(snippets.AUTOGRAD)
    first = "tensor([[4., 2., 2., 2., 2.],\n        [2., 4., 2., 2., 2.],"
    second = "tensor([[8., 4., 4., 4., 4.],\n        [4., 8., 4., 4., 4.],"
    assert (
        printed.count(first) == 2 and printed.count(second) == 1
    )  # d(inp+1)²/d inp = 2(inp+1): 4 on the diagonal
