"""PyTorch 2.13's warnings where learners copy a tensor through ``torch.tensor`` or leave out softmax's
``dim``: each text below was printed by real PyTorch for the same call, and points at the calling line."""

from __future__ import annotations

import warnings

import pytest

import engine as torch
from engine.nn import functional as F

COPY_TEXT = (
    "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
    "sourceTensor.detach().clone().requires_grad_(True), rather than {}(sourceTensor)."
)


def _caught(call) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return caught


def test_tensor_of_a_tensor_warns_and_copies_without_the_graph():
    source = torch.tensor([1.0, 2.0], requires_grad=True)
    caught = _caught(lambda: torch.tensor(source))
    assert [str(w.message) for w in caught] == [COPY_TEXT.format("torch.tensor")]
    assert caught[0].category is UserWarning and caught[0].filename == __file__
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copy = torch.tensor(source)
    assert not copy.requires_grad and copy.tolist() == [1.0, 2.0]


def test_new_tensor_of_a_tensor_names_new_tensor():
    source = torch.ones(2)
    caught = _caught(lambda: source.new_tensor(source))
    assert [str(w.message) for w in caught] == [COPY_TEXT.format("tensor.new_tensor")]
    assert caught[0].filename == __file__


def test_as_tensor_of_a_tensor_does_not_warn_and_converts_with_the_graph():
    source = torch.ones(2, requires_grad=True)
    caught = _caught(lambda: torch.as_tensor(source, dtype=torch.float64))
    assert caught == []
    assert torch.as_tensor(source, dtype=torch.float64).grad_fn.name() == "ToCopyBackward0"


@pytest.mark.parametrize(("function", "name"), [(F.softmax, "softmax"), (F.log_softmax, "log_softmax")])
def test_softmax_without_dim_warns_as_pytorch(function, name):
    caught = _caught(lambda: function(torch.ones(2, 3)))
    assert [str(w.message) for w in caught] == [
        f"Implicit dimension choice for {name} has been deprecated. "
        "Change the call to include dim=X as an argument."
    ]
    assert caught[0].category is UserWarning and caught[0].filename == __file__


@pytest.mark.parametrize(("shape", "dim"), [((3,), 0), ((2, 3), 1), ((2, 3, 4), 0), ((2, 3, 4, 5), 1)])
def test_softmax_without_dim_picks_pytorchs_dimension(shape, dim):
    x = torch.arange(float(torch.ones(*shape).numel())).reshape(*shape) / 7
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        implicit = F.softmax(x)
    assert torch.allclose(implicit, F.softmax(x, dim=dim))
    assert torch.allclose(implicit.sum(dim), torch.ones(1))


def test_a_softmax_module_without_dim_warns_naming_the_line_that_calls_the_model():
    caught = _caught(lambda: torch.nn.Softmax()(torch.ones(2, 3)))
    assert [w.filename for w in caught] == [__file__]


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda x: torch.softmax(x), "softmax"),
        (lambda x: x.softmax(), "softmax"),
        (lambda x: torch.log_softmax(x), "log_softmax"),
        (lambda x: x.log_softmax(), "log_softmax"),
    ],
)
def test_torch_softmax_without_dim_is_pytorchs_type_error(call, name):
    """Only F.softmax and nn.Softmax choose a dim; torch.softmax and the method require one, as in PyTorch."""
    with pytest.raises(TypeError) as raised:
        call(torch.ones(2, 3))
    assert str(raised.value) == f'{name}() missing 1 required positional arguments: "dim"'
