"""The engine's PyTorch parity cases, run in the playground: what runs there prints what PyTorch 2.13 printed.

The cases that call ``exec`` or ``eval`` (to try several statements in a loop) are refused there, by name.
"""

import re

import pytest

from app.services.sandbox.runner import run_snippet
from tests.engine import test_conv
from tests.engine.test_tutorial_parity import CASES

ADDRESS = re.compile(r"0x[0-9a-f]+")
REFUSED = {  # the case, and what the playground names as refused
    "index_errors_numpy_would_not_make": "'eval' is not available",
    "writing_through_a_view_of_a_leaf_is_refused_in_pytorchs_words": "'exec' is not available",
}


@pytest.mark.parametrize("name", sorted(set(CASES) - set(REFUSED)))
def test_playground_prints_what_pytorch_printed(name: str) -> None:
    code, printed = CASES[name]
    result = run_snippet(code, lambda event: None)
    assert result.get("error") is None
    assert ADDRESS.sub("0x…", result["stdout"]) == printed


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_cases_the_playground_cannot_run_are_refused_by_name(name: str) -> None:
    error = run_snippet(CASES[name][0], lambda event: None)["error"]
    assert error["type"] == "UnsupportedError"
    assert error["message"].startswith(REFUSED[name])


@pytest.mark.parametrize(
    "code",
    [
        "import torch\nprint(torch.linalg.det(torch.eye(2) * 2))",
        "import torch.linalg\nprint(torch.linalg.det(torch.eye(2) * 2))",
        "import torch\nfrom torch.linalg import det\nprint(det(torch.eye(2) * 2))",
    ],
)
def test_torch_linalg_is_reached_as_in_pytorch(code: str) -> None:
    result = run_snippet(code, lambda event: None)
    assert (result["stdout"], result.get("error")) == ("tensor(4.)\n", None)


CLIP = "w = torch.tensor([3.0, 4.0], requires_grad=True)\n(w * w).sum().backward()\n"


@pytest.mark.parametrize(
    "code",
    [
        "import torch\n" + CLIP + "print(torch.nn.utils.clip_grad_norm_([w], 1.0), w.grad)",
        "import torch\nimport torch.nn.utils\n"
        + CLIP
        + "print(torch.nn.utils.clip_grad_norm_([w], 1.0), w.grad)",
        "import torch\nfrom torch.nn.utils import clip_grad_norm_\n"
        + CLIP
        + "print(clip_grad_norm_([w], 1.0), w.grad)",
    ],
)
def test_torch_nn_utils_clips_gradients_in_the_playground(code: str) -> None:
    result = run_snippet(code, lambda event: None)
    assert (result["stdout"], result.get("error")) == ("tensor(10.) tensor([0.6000, 0.8000])\n", None)


@pytest.mark.parametrize("name", sorted(test_conv.PRINTED_CODE))
def test_playground_makes_and_prints_image_layers_as_pytorch(name: str) -> None:
    """Conv2d and the pooling layers are reachable there: seeded weights, reprs, classes, padding modes."""
    result = run_snippet(test_conv.PRINTED_CODE[name], lambda event: None)
    assert result.get("error") is None
    assert ADDRESS.sub("0x…", result["stdout"]) == "".join(test_conv.PRINTED[name])
