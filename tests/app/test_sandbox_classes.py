"""Model and dataset classes in the playground, as PyTorch's tutorials write them: ``class Net(nn.Module)``,
``class Points(Dataset)``."""

import pytest

from app.services.sandbox import values
from app.services.sandbox.runner import run_snippet


def run(code: str) -> dict:
    return run_snippet(code, lambda event: None)


def test_gradients_flow_into_the_models_parameters_and_the_graph_names_its_layers() -> None:
    code = """import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return torch.tanh(self.fc(x))

net = Net()
with torch.no_grad():
    net.fc.weight.fill_(0.5)
    net.fc.bias.zero_()
out = net(torch.tensor([[1.0, 1.0]]))
out.backward()
print(net.fc.weight.grad)
"""
    result = run(code)
    assert result["error"] is None, result["error"]
    # d tanh(w.x)/dw = (1 - tanh(1)^2) * x = 0.41997 for each weight
    assert result["stdout"] == "tensor([[0.4200, 0.4200]])\n"
    names = [module["name"] for module in result["graph"]["modules"]]
    assert names == ["net.fc"] and result["graph"]["modules"][0]["type"] == "Linear"


def test_a_class_can_derive_from_a_users_class_and_methods_call_each_other() -> None:
    code = """import torch
from torch import nn

class Base(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.layer = nn.Linear(width, width)

    def twice(self, x):
        return self.layer(self.layer(x))

class Deep(Base):
    def __init__(self):
        super().__init__(3)
        self.head = nn.Linear(3, 1)

    def forward(self, x):
        return self.head(self.twice(x))

model = Deep()
print(type(model), isinstance(model, Base), isinstance(model, nn.Module))
print(model(torch.ones(2, 3)).shape, len(list(model.parameters())))
print(Deep.forward)
"""
    result = run(code)
    assert result["error"] is None, result["error"]
    assert result["stdout"] == (
        "<class '__main__.Deep'> True True\ntorch.Size([2, 1]) 4\n<function Deep.forward>\n"
    )


def test_a_bound_method_prints_as_pythons_and_passes_the_instance() -> None:
    code = """from torch import nn

class Tiny(nn.Module):
    def __init__(self):
        super().__init__()

    def size(self, extra=0):
        return 2 + extra

model = Tiny()
method = model.size
print(method)
print(method(), method(extra=3), Tiny.size(model))
"""
    result = run(code)
    assert result["error"] is None, result["error"]
    assert result["stdout"] == "<bound method Tiny.size of Tiny()>\n2 5 2\n"


METHOD = "from torch import nn\nclass A(nn.Module):\n    def f(self):\n        "  # its body is on line 4


@pytest.mark.parametrize(
    ("code", "line", "words"),
    [
        ("class A:\n    pass", 1, "must derive from one class"),
        ("from torch import nn\nclass A(nn.Module, nn.Linear):\n    pass", 2, "must derive from one class"),
        ("class A(list):\n    pass", 1, "must derive from nn.Module"),
        ("from torch import nn\n@print\nclass A(nn.Module):\n    pass", 3, "decorators"),
        ("from torch import nn\nclass A(nn.Module, metaclass=type):\n    pass", 2, "metaclass"),
        ("from torch import nn\nclass A(nn.Module):\n    size = 3", 3, "methods (def) and a docstring"),
        ("from torch import nn\nclass A(nn.Module):\n    def __call__(self):\n        pass", 3, "'__call__'"),
        (METHOD + "return super().f()", 4, "'super'"),
        (METHOD + "s = super().__init__", 4, "only as a call: super().__init__(...)"),
        ("x = super", 1, "'super'"),
        ("import torch\nlayer = torch.nn.Linear(1, 1)\nsuper(torch.nn.Linear, layer).__init__()", 3, "own"),
    ],
)
def test_other_class_forms_are_refused_with_what_to_write(code: str, line: int, words: str) -> None:
    error = run(code)["error"]
    assert error is not None and error["type"] == "UnsupportedError", error
    assert words in error["message"] and error["line"] == line, error


DATASET = "from torch.utils.data import Dataset, DataLoader\nclass Points(Dataset):\n"  # its body: line 3 on


def test_a_datasets_special_methods_serve_len_indexing_membership_and_attributes() -> None:
    code = (
        DATASET
        + """    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= len(self):
            raise IndexError("no such point")
        return i * 10
points = Points()
points.name = "tens"
print(len(points), points[2], list(points), 20 in points, bool(points), points.name)
print([batch.tolist() for batch in DataLoader(points, batch_size=2)])
"""
    )
    result = run(code)
    assert result["error"] is None, result["error"]
    assert result["stdout"] == "3 20 [0, 10, 20] True True tens\n[[0, 10], [20]]\n"


@pytest.mark.parametrize(
    ("body", "use", "kind", "words", "line"),
    [  # Python's own errors where Python gives them; the playground's limits where Python would not stop
        (
            "    def __len__(self):\n        return -1\n",
            "len(Points())",
            "ValueError",
            "should return >= 0",
            5,
        ),
        ("    pass\n", "list(DataLoader(Points()))", "TypeError", "object of type 'Points' has no len()", 4),
        (
            "    def __getitem__(self, i):\n        return i\n",
            "for p in Points():\n    pass",
            "LimitExceeded",
            "steps",
            4,
        ),
        (
            "    def __getitem__(self, i):\n        return self[i + 1]\n",
            "Points()[0]",
            "LimitExceeded",
            "nested more than",
            4,
        ),
    ],
)
def test_a_datasets_mistakes_end_with_pythons_error_or_a_limit(
    body: str, use: str, kind: str, words: str, line: int
) -> None:
    error = run(DATASET + body + use)["error"]
    assert error is not None and error["type"] == kind and words in error["message"], error
    assert error["line"] == line, error


def test_attributes_of_other_objects_still_cannot_be_assigned() -> None:
    error = run("from torch.utils.data import DataLoader\nloader = DataLoader([1, 2])\nloader.size = 2")[
        "error"
    ]
    assert (
        error["type"] == "UnsupportedError"
        and "only those of tensors, modules, optimizers and datasets" in (error["message"])
    )


def test_python_errors_of_classes_keep_pythons_wording() -> None:
    top_level = run("super().__init__()")["error"]
    assert (top_level["type"], top_level["message"]) == ("RuntimeError", "super(): no arguments")
    too_early = """from torch import nn
class Early(nn.Module):
    def __init__(self):
        self.layer = nn.Linear(1, 1)
        super().__init__()
Early()
"""
    error = run(too_early)["error"]
    assert error["type"] == "AttributeError" and "before Module.__init__() call" in error["message"]
    assert error["line"] == 4


def test_a_runs_classes_are_forgotten_by_the_next_run() -> None:
    assert run("from torch import nn\nclass Kept(nn.Module):\n    pass\nKept()")["error"] is None
    assert any(cls.__name__ == "Kept" for cls in values.USER_CLASSES)
    error = run("Kept")["error"]
    assert error["type"] == "NameError" and not values.USER_CLASSES


def test_a_model_that_cannot_be_printed_is_described_as_such_not_crashed_on() -> None:
    code = """from torch import nn
class Odd(nn.Module):
    def extra_repr(self):
        return 7
odd = Odd()
"""
    result = run(code)
    assert result["error"] is None
    (_, described) = result["variables"]  # the class, then its instance
    failed = "AttributeError: 'int' object has no attribute 'split'"
    assert described["repr"] == f"<Odd object: printing it failed: {failed}>"
    printing = run(code + "print(odd)")["error"]  # printed by the code itself: the run's error, at its line
    assert printing["type"] == "AttributeError" and printing["line"] == 6


def test_a_state_dicts_keys_values_and_items_can_be_printed_and_walked() -> None:
    """The tutorials' ``model.state_dict().keys()``: an OrderedDict's views, printed as in Python."""
    code = """import torch
model = torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.BatchNorm1d(1))
state = model.state_dict()
print(state.keys())
print([name for name in reversed(state)][:2])
for name, value in state.items():
    print(name, tuple(value.shape))
print(len(list(state.values())))
"""
    result = run(code)
    assert result["error"] is None, result["error"]
    assert result["stdout"] == (
        "odict_keys(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', "
        "'1.num_batches_tracked'])\n"
        "['1.num_batches_tracked', '1.running_var']\n"
        "0.weight (1, 2)\n0.bias (1,)\n1.weight (1,)\n1.bias (1,)\n1.running_mean (1,)\n1.running_var (1,)\n"
        "1.num_batches_tracked ()\n"
        "7\n"
    )
