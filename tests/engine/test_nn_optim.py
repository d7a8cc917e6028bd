"""nn and optim against hand-worked numbers: modules, default init, losses and their gradients, SGD and Adam.

Strings (reprs, error messages) were recorded from real PyTorch 2.13; numbers are worked out by hand in the
comments beside them.
"""

from __future__ import annotations

import math
import warnings

import pytest

import engine as torch
from engine import nn

LINEAR_SAMPLES = 4000  # weights drawn to see the init bound reached (within 1%) and not exceeded


class TwoLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(2, 3), nn.Tanh())
        self.head = nn.Linear(3, 1, bias=False)
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x)) * self.scale


TWO_LAYER_REPR = """TwoLayer(
  (body): Sequential(
    (0): Linear(in_features=2, out_features=3, bias=True)
    (1): Tanh()
  )
  (head): Linear(in_features=3, out_features=1, bias=False)
)"""


def _parameter(*values: float) -> nn.Parameter:
    return nn.Parameter(torch.tensor(list(values), dtype=torch.float64))


# -- modules --------------------------------------------------------------------------------------
def test_module_repr_matches_pytorch():
    assert repr(TwoLayer()) == TWO_LAYER_REPR
    assert [repr(m) for m in (nn.MSELoss(), nn.ReLU(), nn.Flatten(), nn.Softmax(dim=1), nn.Dropout())] == [
        "MSELoss()",
        "ReLU()",
        "Flatten(start_dim=1, end_dim=-1)",
        "Softmax(dim=1)",
        "Dropout(p=0.5, inplace=False)",
    ]
    assert (
        repr(nn.Parameter(torch.tensor([1.0, 2.0])))
        == "Parameter containing:\ntensor([1., 2.], requires_grad=True)"
    )


def test_parameters_are_listed_own_first_then_by_child():
    model = TwoLayer()
    names = [name for name, _ in model.named_parameters()]
    assert names == ["scale", "body.0.weight", "body.0.bias", "head.weight"]
    assert [p.shape for p in model.parameters()] == [(1,), (3, 2), (3,), (1, 3)]
    assert list(model.state_dict()) == names


def test_state_dict_round_trip_and_pytorchs_errors():
    model = nn.Linear(2, 1)
    result = model.load_state_dict({"weight": torch.tensor([[1.0, -1.0]]), "bias": torch.tensor([0.5])})
    assert repr(result) == "<All keys matched successfully>"
    assert model(torch.tensor([[3.0, 1.0]])).item() == 2.5  # 3 - 1 + 0.5
    with pytest.raises(RuntimeError) as missing:
        model.load_state_dict({"weight": torch.ones(1, 2)})
    assert (
        str(missing.value)
        == 'Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: "bias". '
    )
    with pytest.raises(RuntimeError) as mismatch:
        model.load_state_dict({"weight": torch.ones(2, 2), "bias": torch.ones(1)})
    assert str(mismatch.value) == (
        "Error(s) in loading state_dict for Linear:\n\tsize mismatch for weight: copying a param with shape "
        "torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([1, 2])."
    )
    partial = model.load_state_dict({"weight": torch.ones(1, 2)}, strict=False)
    assert (partial.missing_keys, partial.unexpected_keys) == (["bias"], [])


def test_zero_grad_and_train_eval_reach_every_child():
    model = TwoLayer()
    model(torch.ones(4, 2)).sum().backward()
    assert all(p.grad is not None for p in model.parameters())
    model.zero_grad(set_to_none=False)
    assert all(p.grad.abs().sum().item() == 0 for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())
    model.eval()
    assert not any(m.training for m in model.modules())
    model.train()
    assert all(m.training for m in model.modules())


ASSIGN_REFUSALS = [  # recorded from PyTorch 2.13
    (lambda: torch.tensor([[2.0]]), "cannot assign 'torch.FloatTensor' as parameter 'weight'"),
    (lambda: torch.tensor([1]), "cannot assign 'torch.LongTensor' as parameter 'weight'"),
    (lambda: 3, "cannot assign 'int' as parameter 'weight'"),
    (lambda: [1.0], "cannot assign 'list' as parameter 'weight'"),
    (lambda: nn.Linear(1, 1), "cannot assign 'torch.nn.modules.linear.Linear' as parameter 'weight'"),
]


@pytest.mark.parametrize(("make", "message"), ASSIGN_REFUSALS)
def test_a_parameter_takes_only_a_parameter_or_none_with_pytorchs_error(make, message):
    model = nn.Linear(1, 1)
    with pytest.raises(TypeError) as error:
        model.weight = make()
    assert str(error.value) == message + " (torch.nn.Parameter or None expected)"
    assert list(model._parameters) == ["weight", "bias"] and model.weight.shape == (1, 1)
    model.weight, model.bias = nn.Parameter(torch.ones(1, 1)), nn.Parameter(torch.tensor([0.5]))
    assert model(torch.tensor([[3.0]])).item() == 3.5
    model.weight = None
    assert model.weight is None and list(model._parameters) == ["weight", "bias"]


def test_a_child_module_takes_only_a_module_or_none_with_pytorchs_error():
    model = TwoLayer()
    with pytest.raises(
        TypeError, match=r"^cannot assign 'int' as child module 'head' \(torch.nn.Module or None"
    ):
        model.head = 3
    sequential = nn.Sequential(nn.Linear(1, 1))
    with pytest.raises(TypeError, match=r"^cannot assign 'int' as child module '0' "):
        sequential[0] = 3
    sequential[0] = nn.Tanh()
    assert repr(sequential) == "Sequential(\n  (0): Tanh()\n)"
    model.head = None
    assert model.head is None and "head" in model._modules


def test_a_deleted_bias_is_pytorchs_attribute_error_in_forward():
    model = nn.Linear(1, 1)
    del model.bias
    with pytest.raises(AttributeError, match="^'Linear' object has no attribute 'bias'$"):
        model(torch.ones(1, 1))


def test_typename_names_tensors_by_their_old_type_and_others_by_class():
    assert torch.typename(torch.ones(2)) == "torch.FloatTensor"
    assert torch.typename(torch.ones(2, dtype=torch.float64)) == "torch.DoubleTensor"
    assert torch.typename(3) == "int"
    assert torch.typename(nn.Linear(1, 1)) == "torch.nn.modules.linear.Linear"


def test_linear_default_init_is_uniform_within_one_over_root_fan_in():
    torch.manual_seed(0)
    layer = nn.Linear(16, LINEAR_SAMPLES)
    bound = 1 / math.sqrt(16)  # 0.25, PyTorch's kaiming_uniform_(a=√5) bound and its bias bound
    for values in (layer.weight, layer.bias):
        largest = values.detach().abs().max().item()
        assert bound * 0.99 < largest <= bound
        assert values.detach().std().item() == pytest.approx(bound / math.sqrt(3), rel=0.05)  # U(-b, b): b/√3


def test_sequential_calls_in_order_and_indexes_like_a_list():
    first, second = nn.Linear(1, 1), nn.Linear(1, 1)
    first.load_state_dict({"weight": torch.tensor([[2.0]]), "bias": torch.tensor([1.0])})
    second.load_state_dict({"weight": torch.tensor([[-3.0]]), "bias": torch.tensor([0.5])})
    model = nn.Sequential(first, nn.ReLU(), second)
    assert model(torch.tensor([[1.5]])).item() == -11.5  # relu(2·1.5 + 1) = 4; -3·4 + 0.5
    assert len(model) == 3 and model[0] is first and isinstance(model[1], nn.ReLU)


# -- losses: value and gradient -------------------------------------------------------------------
def _loss_and_grad(loss_fn, prediction: list, target: torch.Tensor) -> tuple[float, list]:
    x = torch.tensor(prediction, dtype=torch.float64, requires_grad=True)
    loss = loss_fn(x, target)
    loss.backward()
    return loss.item(), x.grad.tolist()


@pytest.mark.parametrize(
    "loss_fn, prediction, target, value, gradient",
    [
        # diffs 1, 0, -2: mean of squares 5/3; gradient 2·diff/3
        (nn.MSELoss(), [1.0, 2.0, 3.0], [0.0, 2.0, 5.0], 5 / 3, [2 / 3, 0.0, -4 / 3]),
        (nn.MSELoss(reduction="sum"), [1.0, 2.0, 3.0], [0.0, 2.0, 5.0], 5.0, [2.0, 0.0, -4.0]),
        # diffs 1, -1, -2: mean |diff| 4/3; gradient sign(diff)/3
        (nn.L1Loss(), [1.0, 2.0, 3.0], [0.0, 3.0, 5.0], 4 / 3, [1 / 3, -1 / 3, -1 / 3]),
        # -(ln 0.8 + ln 0.75)/2; gradient (p - y)/(p(1-p))/2
        (nn.BCELoss(), [0.8, 0.25], [1.0, 0.0], -(math.log(0.8) + math.log(0.75)) / 2, [-0.625, 2 / 3]),
        # σ(0) = 1/2, σ(ln 3) = 3/4: -(ln ½ + ln ¼)/2; gradient (σ - y)/2
        (nn.BCEWithLogitsLoss(), [0.0, math.log(3)], [1.0, 0.0], 1.5 * math.log(2), [-0.25, 0.375]),
    ],
    ids=["mse", "mse-sum", "l1", "bce", "bce-logits"],
)
def test_loss_value_and_gradient_match_hand_worked_numbers(loss_fn, prediction, target, value, gradient):
    got_value, got_gradient = _loss_and_grad(loss_fn, prediction, torch.tensor(target, dtype=torch.float64))
    assert got_value == pytest.approx(value, rel=1e-12)
    assert got_gradient == pytest.approx(gradient, rel=1e-12)


def test_cross_entropy_value_and_gradient_match_hand_worked_numbers():
    # row 1: softmax(0, ln 2, 0) = (¼, ½, ¼), class 1 -> -ln ½; row 2: softmax(ln 2, 0, ln 2) = (.4, .2, .4),
    # class 0 -> -ln .4; the mean halves each row's gradient softmax - one_hot
    logits = [[0.0, math.log(2), 0.0], [math.log(2), 0.0, math.log(2)]]
    value, gradient = _loss_and_grad(nn.CrossEntropyLoss(), logits, torch.tensor([1, 0]))
    assert value == pytest.approx((math.log(2) - math.log(0.4)) / 2, rel=1e-12)
    assert gradient == [pytest.approx(row, rel=1e-12) for row in ([0.125, -0.25, 0.125], [-0.3, 0.1, 0.2])]


def test_nll_loss_picks_the_target_log_probabilities():
    value, gradient = _loss_and_grad(nn.NLLLoss(), [[-1.0, -2.0], [-3.0, -4.0]], torch.tensor([1, 0]))
    assert value == 2.5 and gradient == [[0.0, -0.5], [-0.5, 0.0]]  # (2 + 3)/2; -1/2 at each target


# -- optimizers: one or two steps with given gradients ---------------------------------------------
GRAD_ONE, GRAD_TWO = [0.5, 1.0], [-1.0, 0.5]


def _steps(optimizer_class, gradients: list, **options) -> list:
    param = _parameter(1.0, -2.0)
    optimizer = optimizer_class([param], **options)
    seen = []
    for gradient in gradients:
        param.grad = torch.tensor(gradient, dtype=torch.float64)
        optimizer.step()
        seen.append(param.tolist())
    return seen


@pytest.mark.parametrize(
    "options, expected",
    [
        ({}, [[0.95, -2.1], [0.9, -2.2]]),  # p - 0.1·g
        ({"weight_decay": 0.1}, [[0.94, -2.08], [0.8806, -2.1592]]),  # g + 0.1·p
        ({"momentum": 0.9}, [[0.95, -2.1], [0.855, -2.29]]),  # buffer g, then 0.9·g + g = 1.9g
        ({"momentum": 0.9, "dampening": 0.5}, [[0.95, -2.1], [0.88, -2.24]]),  # then 0.9·g + 0.5·g = 1.4g
        (
            {"momentum": 0.9, "nesterov": True},
            [[0.905, -2.19], [0.7695, -2.461]],
        ),  # g + 0.9·buffer: 1.9g, 2.71g
        ({"maximize": True}, [[1.05, -1.9], [1.1, -1.8]]),  # p + 0.1·g
    ],
    ids=["plain", "weight-decay", "momentum", "dampening", "nesterov", "maximize"],
)
def test_sgd_steps_match_hand_computed_updates(options, expected):
    got = _steps(torch.optim.SGD, [GRAD_ONE, GRAD_ONE], lr=0.1, **options)
    assert got == [pytest.approx(step, rel=1e-12) for step in expected]


def test_adam_steps_match_hand_computed_updates():
    # step 1: m̂ = g, v̂ = g², so each weight moves lr·g/(|g| + ε) ≈ 0.1 against its gradient
    # step 2, first weight: m = 0.9·0.05 - 0.1 = -0.055, v = 0.999·0.00025 + 0.001 = 0.00124975;
    # m̂ = -0.055/0.19, v̂ = 0.00124975/0.001999; 0.9 - 0.1·m̂/(√v̂ + ε) = 0.93661035...
    got = _steps(torch.optim.Adam, [GRAD_ONE, GRAD_TWO], lr=0.1)
    assert got[0] == pytest.approx([1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 - 0.1 * 1.0 / (1.0 + 1e-8)], rel=1e-12)
    assert got[1] == pytest.approx([0.9366103542405654, -2.193217961701839], rel=1e-12)


def test_adam_weight_decay_coupled_and_decoupled():
    coupled = _steps(torch.optim.Adam, [GRAD_ONE, GRAD_TWO], lr=0.1, weight_decay=0.1)
    decoupled = _steps(
        torch.optim.Adam, [GRAD_ONE, GRAD_TWO], lr=0.1, weight_decay=0.1, decoupled_weight_decay=True
    )
    assert coupled[1] == pytest.approx([0.9252635194456061, -2.1883622761652832], rel=1e-12)
    # decoupled (AdamW) first shrinks p by (1 - lr·wd) = 0.99, then takes Adam's step: 0.99 - 0.1 = 0.89
    assert decoupled[0] == pytest.approx(
        [0.99 - 0.1 * 0.5 / (0.5 + 1e-8), -1.98 - 0.1 / (1 + 1e-8)], rel=1e-12
    )
    assert decoupled[1] == pytest.approx([0.9177103542205653, -2.152417961711839], rel=1e-12)


def test_optimizer_zero_grad_and_repr_match_pytorch():
    param = _parameter(1.0)
    optimizer = torch.optim.SGD([param], lr=0.01)
    param.grad = torch.ones(1, dtype=torch.float64)
    optimizer.zero_grad(set_to_none=False)
    assert param.grad.tolist() == [0.0]
    optimizer.zero_grad()
    assert param.grad is None
    assert repr(optimizer) == (
        "SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n"
        "    fused: None\n    lr: 0.01\n    maximize: False\n    momentum: 0\n    nesterov: False\n"
        "    weight_decay: 0\n)"
    )


OPTION_ERRORS = [  # (optimizer, keyword arguments, PyTorch 2.13's ValueError: the first check that fails)
    ("SGD", {"lr": -1, "momentum": -1}, "Invalid learning rate: -1"),
    ("SGD", {"momentum": -1, "weight_decay": -1}, "Invalid momentum value: -1"),
    ("SGD", {"weight_decay": -1, "nesterov": True}, "Invalid weight_decay value: -1"),
    ("SGD", {"nesterov": True}, "Nesterov momentum requires a momentum and zero dampening"),
    (
        "SGD",
        {"momentum": 0.9, "dampening": 0.1, "nesterov": True},
        "Nesterov momentum requires a momentum and zero dampening",
    ),
    ("Adam", {"lr": -1, "eps": -1}, "Invalid learning rate: -1"),
    ("Adam", {"eps": -1, "betas": (2, 0.9)}, "Invalid epsilon value: -1"),
    ("Adam", {"betas": (1.0, 0.9)}, "Invalid beta parameter at index 0: 1.0"),
    ("Adam", {"betas": (2, 0.9), "weight_decay": -1}, "Invalid beta parameter at index 0: 2"),
    ("Adam", {"betas": (0.9, -0.1)}, "Invalid beta parameter at index 1: -0.1"),
    ("Adam", {"weight_decay": -1}, "Invalid weight_decay value: -1"),
]


@pytest.mark.parametrize(("name", "options", "message"), OPTION_ERRORS)
def test_sgd_and_adam_refuse_bad_options_in_pytorchs_order_and_words(name, options, message):
    with pytest.raises(ValueError) as error:
        getattr(torch.optim, name)([_parameter(1.0)], **{"lr": 0.1, **options})
    assert str(error.value) == message


def test_sgd_and_adam_refuse_unknown_options_and_keep_pytorchs_flags():
    """A misspelt option is PyTorch's TypeError (it was silently ignored); the implementation flags PyTorch
    takes are kept in the group as given, and maximize is keyword-only, as there."""
    param = _parameter(1.0)
    with pytest.raises(TypeError, match=r"^SGD.__init__\(\) got an unexpected keyword argument 'momentun'$"):
        torch.optim.SGD([param], lr=0.1, momentun=0.9)
    with pytest.raises(TypeError, match=r"^Adam.__init__\(\) got an unexpected keyword argument 'beta'$"):
        torch.optim.Adam([param], beta=(0.9, 0.99))
    with pytest.raises(
        TypeError, match=r"^SGD.__init__\(\) takes from 2 to 7 positional arguments but 8 were"
    ):
        torch.optim.SGD([param], 0.1, 0, 0, 0, False, True)
    group = torch.optim.SGD([param], lr=0.1, foreach=True, differentiable=True).param_groups[0]
    assert (group["foreach"], group["differentiable"], group["fused"]) == (True, True, None)
    group = torch.optim.Adam([param], fused=True, capturable=True).param_groups[0]
    assert (group["foreach"], group["fused"], group["capturable"], group["differentiable"]) == (
        None,
        True,
        True,
        False,
    )


@pytest.mark.parametrize("name", ["SGD", "Adam", "AdamW", "Adagrad"])
def test_the_fused_flag_is_refused_with_differentiable_or_foreach_in_pytorchs_words(name):
    """After the options' values, as in PyTorch 2.13 (its messages, recorded); foreach alone is fine."""
    make = getattr(torch.optim, name)
    params = [_parameter(1.0)]
    with pytest.raises(ValueError, match="^Invalid learning rate: -1$"):
        make(params, lr=-1, fused=True, foreach=True)
    with pytest.raises(RuntimeError, match="^`fused` does not support `differentiable`$"):
        make(params, lr=0.1, fused=True, foreach=True, differentiable=True)
    with pytest.raises(RuntimeError, match=r"^`fused` and `foreach` cannot be `True` together\.$"):
        make(params, lr=0.1, fused=True, foreach=True)
    assert make(params, lr=0.1, fused=False, foreach=True).param_groups[0]["foreach"] is True


def test_a_scheduler_stepped_before_its_optimizer_warns_in_pytorchs_words():
    w = torch.tensor([1.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=1.0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1)
    with pytest.warns(UserWarning) as caught:
        scheduler.step()
    assert [str(warning.message) for warning in caught] == [  # as PyTorch 2.13 words it
        "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, "
        "you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  "
        "Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. "
        "See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
    ]
    fresh = torch.optim.lr_scheduler.StepLR(torch.optim.SGD([w], lr=1.0), step_size=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fresh.optimizer.step()
        fresh.step()  # after the optimizer: no warning
    assert fresh.get_last_lr() == [0.1]
