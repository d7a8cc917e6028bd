"""torch.save / torch.load and pickling: the "Save and Load the Model" tutorial's round trips.

Results and messages were recorded from real PyTorch 2.13 (pickling a non-leaf, what deepcopy keeps, the start
of the weights-only refusal); numbers are worked out by hand in the comments beside them.
"""

from __future__ import annotations

import copy
import io
import pickle

import pytest

import engine as torch
from engine import nn

WEIGHTS_ONLY_START = (
    "Weights only load failed. This file can still be loaded, to do so you have two options, do those steps "
    "only if you trust the source of the checkpoint. "
)


class NeuralNetwork(nn.Module):
    """A learner's own model class, defined at module level as the tutorial's is."""

    def __init__(self) -> None:
        super().__init__()
        self.stack = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.stack(x)


def _known_model() -> NeuralNetwork:
    """Weights easy by hand: x=[1, 2] -> hidden relu([1+4+1, 3-2-1]) = [6, 0] -> output 1*6 + 4*0 - 1 = 5."""
    model = NeuralNetwork()
    with torch.no_grad():
        model.stack[0].weight.copy_(torch.tensor([[1.0, 2.0], [3.0, -1.0]]))
        model.stack[0].bias.copy_(torch.tensor([1.0, -1.0]))
        model.stack[2].weight.copy_(torch.tensor([[1.0, 4.0]]))
        model.stack[2].bias.copy_(torch.tensor([-1.0]))
    return model


def _round_trip(obj: object, **load_options: object) -> object:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    buffer.seek(0)
    return torch.load(buffer, **load_options)


def test_state_dict_round_trips_through_a_path(tmp_path) -> None:
    path = tmp_path / "model_weights.pth"
    torch.save(_known_model().state_dict(), str(path))
    loaded = torch.load(str(path), weights_only=True)
    assert list(loaded) == ["stack.0.weight", "stack.0.bias", "stack.2.weight", "stack.2.bias"]
    assert loaded["stack.0.weight"].tolist() == [[1.0, 2.0], [3.0, -1.0]]
    assert loaded["stack.2.bias"].tolist() == [-1.0]
    assert type(loaded).__name__ == "OrderedDict"


def test_state_dict_round_trips_through_a_bytes_buffer() -> None:
    loaded = _round_trip(_known_model().state_dict())
    assert loaded["stack.2.weight"].tolist() == [[1.0, 4.0]]
    assert loaded["stack.0.bias"].dtype is torch.float32


def test_loaded_state_dict_gives_the_same_outputs(tmp_path) -> None:
    path = tmp_path / "model_weights.pth"
    torch.save(_known_model().state_dict(), path)
    model = NeuralNetwork()  # fresh random weights
    result = model.load_state_dict(torch.load(path, weights_only=True))
    assert repr(result) == "<All keys matched successfully>"
    assert model(torch.tensor([[1.0, 2.0]])).tolist() == [[5.0]]


def test_whole_model_loads_with_weights_only_false(tmp_path) -> None:
    path = tmp_path / "model.pth"
    original = _known_model().eval()
    torch.save(original, path)
    model = torch.load(path, weights_only=False)
    assert type(model) is NeuralNetwork
    assert repr(model) == repr(original)
    assert model.training is False and model.stack[0].training is False
    assert model(torch.tensor([[1.0, 2.0]])).tolist() == [[5.0]]
    assert str(type(model.stack[0])) == "<class 'torch.nn.modules.linear.Linear'>"


def test_weights_only_refuses_a_learners_model_by_its_class_name() -> None:
    with pytest.raises(pickle.UnpicklingError) as refused:
        _round_trip(_known_model())
    message = str(refused.value)
    assert message.startswith(WEIGHTS_ONLY_START)
    assert f"GLOBAL {NeuralNetwork.__module__}.NeuralNetwork was not an allowed global by default" in message


def test_weights_only_refuses_an_engine_module_by_its_torch_name() -> None:
    with pytest.raises(pickle.UnpicklingError, match="^Weights only load failed") as refused:
        _round_trip(nn.Sequential(nn.Linear(2, 1)), weights_only=True)
    assert "GLOBAL torch.nn.modules.container.Sequential was not an allowed global" in str(refused.value)


def test_weights_only_refuses_a_global_outside_plain_data() -> None:
    with pytest.raises(pickle.UnpicklingError, match="GLOBAL slice was not an allowed global"):
        _round_trip({"cut": slice(1, 2)})  # PyTorch 2.13 refuses slice with these words


def test_weights_only_accepts_dtypes_sizes_devices_and_containers() -> None:
    loaded = _round_trip(
        {"dtype": torch.float64, "shape": torch.Size([2, 3]), "device": torch.device("cpu"), "n": (1, 2.5)}
    )
    assert loaded["dtype"] is torch.float64
    assert repr(loaded["shape"]) == "torch.Size([2, 3])"
    assert str(loaded["device"]) == "cpu" and loaded["n"] == (1, 2.5)


@pytest.mark.parametrize(
    "dtype",
    [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]
    + [torch.float16, torch.float32, torch.float64],
)
def test_tensors_of_each_dtype_round_trip(dtype) -> None:
    original = torch.tensor([[0, 1, 1], [1, 0, 1]]).to(dtype)
    loaded = pickle.loads(pickle.dumps(original))
    assert loaded.dtype is dtype
    assert loaded.tolist() == original.tolist()
    assert loaded.requires_grad is False


def test_zero_dim_and_transposed_tensors_keep_their_values() -> None:
    assert _round_trip(torch.tensor(2.5)).item() == 2.5
    transposed = torch.tensor([[1, 2, 3], [4, 5, 6]]).t()
    assert _round_trip(transposed).tolist() == [[1, 4], [2, 5], [3, 6]]


def test_loaded_tensor_owns_writable_memory() -> None:
    original = torch.tensor([1.0, 2.0])
    loaded = _round_trip(original)
    loaded.add_(1)
    assert loaded.tolist() == [2.0, 3.0] and original.tolist() == [1.0, 2.0]


@pytest.mark.parametrize("requires_grad", [True, False])
def test_parameter_stays_a_parameter_with_its_requires_grad(requires_grad) -> None:
    loaded = pickle.loads(pickle.dumps(nn.Parameter(torch.ones(2), requires_grad=requires_grad)))
    assert type(loaded) is nn.Parameter
    assert loaded.requires_grad is requires_grad
    suffix = ", requires_grad=True)" if requires_grad else ")"
    assert repr(loaded) == f"Parameter containing:\ntensor([1., 1.]{suffix}"


def test_non_leaf_pickles_as_a_leaf_that_requires_grad() -> None:
    x = torch.ones(2, requires_grad=True)
    loaded = pickle.loads(pickle.dumps(x * 2))
    assert repr(loaded) == "tensor([2., 2.], requires_grad=True)"  # PyTorch 2.13: grad_fn dropped
    assert loaded.is_leaf and loaded.grad_fn is None


def test_grad_is_not_pickled() -> None:
    x = torch.ones(2, requires_grad=True)
    (x * 3).sum().backward()
    assert pickle.loads(pickle.dumps(x)).grad is None  # as in PyTorch 2.13


def test_optimizer_pickles_with_its_state_and_its_parameters() -> None:
    weight = nn.Parameter(torch.tensor([1.0, 2.0]))
    optimizer = torch.optim.SGD([weight], lr=0.5, momentum=0.9)
    (weight * weight).sum().backward()  # grad 2w = [2, 4]: buffer [2, 4], weight 1-1=0, 2-2=0
    optimizer.step()
    loaded_weight, loaded = pickle.loads(pickle.dumps((weight, optimizer)))
    assert str(type(loaded)) == "<class 'torch.optim.sgd.SGD'>"
    assert loaded.param_groups[0]["params"][0] is loaded_weight
    assert loaded_weight.tolist() == [0.0, 0.0]
    assert loaded.state_dict()["state"][0]["momentum_buffer"].tolist() == [2.0, 4.0]


def test_optimizer_state_dict_loads_with_weights_only() -> None:
    optimizer = torch.optim.Adam([nn.Parameter(torch.ones(1))], lr=0.01)
    loaded = _round_trip(optimizer.state_dict(), weights_only=True)
    assert loaded["param_groups"][0]["lr"] == 0.01 and loaded["param_groups"][0]["params"] == [0]


@pytest.mark.parametrize("where", ["cpu", torch.device("cpu"), None])
def test_map_location_cpu_is_accepted(where) -> None:
    assert _round_trip(torch.tensor([3.0]), map_location=where).tolist() == [3.0]


def test_map_location_cuda_is_refused_as_pytorch_does_without_cuda() -> None:
    with pytest.raises(RuntimeError, match=r"^Attempting to deserialize object on a CUDA device but"):
        _round_trip({"w": torch.ones(1)}, map_location="cuda")


def test_deepcopy_of_a_model_copies_its_parameters() -> None:
    original = _known_model()
    copied = copy.deepcopy(original)
    with torch.no_grad():
        copied.stack[2].bias.fill_(0.0)
    assert type(copied.stack[2].bias) is nn.Parameter
    assert copied(torch.tensor([[1.0, 2.0]])).tolist() == [[6.0]]  # 6 + 0
    assert original(torch.tensor([[1.0, 2.0]])).tolist() == [[5.0]]


def test_deepcopy_keeps_a_tensors_grad_and_drops_a_parameters() -> None:
    x = torch.ones(2, requires_grad=True)
    p = nn.Parameter(torch.ones(2))
    (x * 3 + p * 4).sum().backward()
    assert copy.deepcopy(x).grad.tolist() == [3.0, 3.0]  # PyTorch 2.13 copies .grad of a tensor ...
    assert copy.deepcopy(p).grad is None  # ... but not of a Parameter


def test_deepcopy_refuses_a_non_leaf_as_pytorch_does() -> None:
    y = torch.ones(2, requires_grad=True) * 2
    with pytest.raises(RuntimeError, match=r"^Only Tensors created explicitly by the user \(graph leaves\)"):
        copy.deepcopy(y)


def test_copy_shares_memory_as_pytorch_does() -> None:
    x = torch.zeros(2)
    shallow = copy.copy(x)
    x.add_(1)
    assert shallow.tolist() == [1.0, 1.0]
