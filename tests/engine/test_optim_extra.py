"""AdamW, RMSprop, Adagrad and Adamax as in PyTorch 2.13: argument errors, defaults, float32 steps, state
and resuming.

Every literal (messages, option dicts, parameter values) was recorded from real PyTorch 2.13 (CPU,
``foreach=False`` and the default agree); first steps are also worked out by hand in the comments.
"""

from __future__ import annotations

import pytest

import engine as torch

GRADS = [[0.5, -1.0, 0.25], [0.3, 0.2, -0.7], [-0.4, 0.9, 0.1]]

ERRORS = [  # (optimizer, keyword arguments, PyTorch's ValueError)
    ("AdamW", {"lr": -1.0}, "Invalid learning rate: -1.0"),
    ("AdamW", {"eps": -1e-8}, "Invalid epsilon value: -1e-08"),
    ("AdamW", {"betas": (1.0, 0.999)}, "Invalid beta parameter at index 0: 1.0"),
    ("AdamW", {"betas": (0.9, -0.1)}, "Invalid beta parameter at index 1: -0.1"),
    ("AdamW", {"weight_decay": -0.1}, "Invalid weight_decay value: -0.1"),
    ("RMSprop", {"lr": -1.0}, "Invalid learning rate: -1.0"),
    ("RMSprop", {"alpha": -1}, "Invalid alpha value: -1"),
    ("RMSprop", {"momentum": -0.5}, "Invalid momentum value: -0.5"),
    ("RMSprop", {"eps": -1}, "Invalid epsilon value: -1"),
    ("RMSprop", {"weight_decay": -1}, "Invalid weight_decay value: -1"),
    ("Adagrad", {"lr": -0.1}, "Invalid learning rate: -0.1"),
    ("Adagrad", {"lr_decay": -1}, "Invalid lr_decay value: -1"),
    ("Adagrad", {"initial_accumulator_value": -1}, "Invalid initial_accumulator_value value: -1"),
    ("Adagrad", {"eps": -1.0}, "Invalid epsilon value: -1.0"),
    ("Adagrad", {"weight_decay": -2}, "Invalid weight_decay value: -2"),
    ("Adamax", {"lr": -1.0}, "Invalid learning rate: -1.0"),
    ("Adamax", {"eps": -1.0}, "Invalid epsilon value: -1.0"),
    ("Adamax", {"betas": (0.9, 1.0)}, "Invalid beta parameter at index 1: 1.0"),
    ("Adamax", {"weight_decay": -0.5}, "Invalid weight_decay value: -0.5"),
]

DEFAULTS = {  # param_groups[0] without "params", in PyTorch's order
    "AdamW": {
        "lr": 0.001,
        "betas": (0.9, 0.999),
        "eps": 1e-08,
        "weight_decay": 0.01,
        "amsgrad": False,
        "maximize": False,
        "foreach": None,
        "capturable": False,
        "differentiable": False,
        "fused": None,
        "decoupled_weight_decay": True,
    },
    "RMSprop": {
        "lr": 0.01,
        "momentum": 0,
        "alpha": 0.99,
        "eps": 1e-08,
        "centered": False,
        "weight_decay": 0,
        "capturable": False,
        "foreach": None,
        "maximize": False,
        "differentiable": False,
    },
    "Adagrad": {
        "lr": 0.01,
        "lr_decay": 0,
        "eps": 1e-10,
        "weight_decay": 0,
        "initial_accumulator_value": 0,
        "foreach": None,
        "maximize": False,
        "differentiable": False,
        "fused": None,
    },
    "Adamax": {
        "lr": 0.002,
        "betas": (0.9, 0.999),
        "eps": 1e-08,
        "weight_decay": 0,
        "foreach": None,
        "maximize": False,
        "differentiable": False,
        "capturable": False,
    },
}

FLOAT32_STEPS = [  # the parameter after each of the three GRADS, as PyTorch's float32 arithmetic left it
    (
        "AdamW",
        {"lr": 0.1, "weight_decay": 0.1},
        [
            [0.89000004529953, -1.8799999952316284, 0.39500001072883606],
            [0.785351037979126, -1.810097336769104, 0.4386059641838074],
            [0.7526388764381409, -1.8046842813491821, 0.46213001012802124],
        ],
    ),
    (
        "AdamW",
        {"lr": 0.1, "amsgrad": True, "maximize": True},
        [
            [1.0989999771118164, -2.0980000495910645, 0.5995000004768372],
            [1.1936500072479248, -2.1470046043395996, 0.5513445734977722],
            [1.2173150777816772, -2.132169723510742, 0.5228831171989441],
        ],
    ),
    (
        "RMSprop",
        {"lr": 0.01, "momentum": 0.9, "centered": True, "weight_decay": 0.1},
        [
            [0.8994962573051453, -1.8994961977005005, 0.39949625730514526],
            [0.753828227519989, -1.8098886013031006, 0.4002733826637268],
            [0.6644774675369263, -1.7810454368591309, 0.3818935453891754],
        ],
    ),
    (
        "RMSprop",
        {"lr": 0.01},
        [
            [0.9000000357627869, -1.899999976158142, 0.40000003576278687],
            [0.8483602404594421, -1.9197065830230713, 0.4942275285720825],
            [0.9052640795707703, -1.9862419366836548, 0.48082077503204346],
        ],
    ),
    (
        "Adagrad",
        {"lr": 0.1, "lr_decay": 0.5, "initial_accumulator_value": 0.1, "weight_decay": 0.1},
        [
            [0.91153484582901, -1.9033012390136719, 0.4311752915382385],
            [0.8782286047935486, -1.9038207530975342, 0.48672449588775635],
            [0.8967469930648804, -1.9286401271820068, 0.47745847702026367],
        ],
    ),
    (
        "Adamax",
        {"lr": 0.1, "weight_decay": 0.1},
        [
            [0.8999999761581421, -1.899999976158142, 0.4000000059604645],
            [0.8183393478393555, -1.8530231714248657, 0.4311004877090454],
            [0.7863668203353882, -1.8453725576400757, 0.4427351653575897],
        ],
    ),
]

ROUNDING_ORDER = [  # (optimizer, options, start, three gradients, PyTorch's result): cases where rounding a
    # multiply-add once (lerp_, addcmul_, add_(alpha=)) or dividing after scaling (addcdiv_) shows in float32
    (
        "AdamW",
        {"lr": 0.1, "weight_decay": 0.1},
        [1.05, 1.78, -2.55],
        [[-0.14, 1.01, 1.35], [0.65, 1.5, 0.29], [0.55, 0.18, -1.07]],
        [0.9831116795539856, 1.4483728408813477, -2.6630172729492188],
    ),
    (
        "RMSprop",
        {"lr": 0.01, "momentum": 0.9, "centered": True, "weight_decay": 0.1},
        [0.19, -0.52, -0.41],
        [[-2.44, 1.8, 1.14], [-0.33, 0.77, 0.28], [-0.55, 0.98, -0.31]],
        [0.506924569606781, -0.90877366065979, -0.689727246761322],
    ),
    (
        "Adagrad",
        {"lr": 0.1, "lr_decay": 0.5, "initial_accumulator_value": 0.1, "weight_decay": 0.1},
        [-1.43, -0.94, 0.39],
        [[-0.52, 0.53, 0.81], [-1.44, 1.02, -0.6], [2.09, 0.73, -0.54]],
        [-1.3167670965194702, -1.1036826372146606, 0.3532017469406128],
    ),
    (
        "AdamW",
        {"lr": 0.1, "weight_decay": 0.1},
        [0.35, 0.82, 0.33],
        [[-1.3, 0.91, 0.45], [-0.54, 0.58, 0.36], [0.29, 0.03, 0.55]],
        [0.58270663022995, 0.5257465243339539, 0.025006160140037537],
    ),
    (
        "Adagrad",
        {"lr": 0.1, "lr_decay": 0.5, "initial_accumulator_value": 0.1, "weight_decay": 0.1},
        [0.35, 0.82, 0.33],
        [[-1.3, 0.91, 0.45], [-0.54, 0.58, 0.36], [0.29, 0.03, 0.55]],
        [0.4589429795742035, 0.6853101849555969, 0.1775987446308136],
    ),
]


def _weight(dtype=torch.float32) -> torch.nn.Parameter:
    return torch.nn.Parameter(torch.tensor([1.0, -2.0, 0.5], dtype=dtype))


def _step(optimizer, param, grad) -> None:
    param.grad = torch.tensor(grad, dtype=param.dtype)
    optimizer.step()


@pytest.mark.parametrize(("name", "options", "message"), ERRORS)
def test_bad_arguments_raise_pytorchs_value_error(name, options, message):
    with pytest.raises(ValueError) as error:
        getattr(torch.optim, name)([_weight()], **options)
    assert str(error.value) == message


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_defaults_and_empty_parameter_list_are_pytorchs(name):
    group = getattr(torch.optim, name)([_weight()]).param_groups[0]
    assert [(key, value) for key, value in group.items() if key != "params"] == list(DEFAULTS[name].items())
    with pytest.raises(ValueError, match="^optimizer got an empty parameter list$"):
        getattr(torch.optim, name)([])


@pytest.mark.parametrize(("name", "options", "expected"), FLOAT32_STEPS)
def test_float32_steps_equal_pytorchs_bit_for_bit(name, options, expected):
    param = _weight()
    optimizer = getattr(torch.optim, name)([param], **options)
    got = []
    for grad in GRADS:
        _step(optimizer, param, grad)
        got.append(param.tolist())
    assert got == expected


@pytest.mark.parametrize(("name", "options", "start", "grads", "expected"), ROUNDING_ORDER)
def test_float32_rounding_follows_pytorchs_order_of_operations(name, options, start, grads, expected):
    param = torch.nn.Parameter(torch.tensor(start))
    optimizer = getattr(torch.optim, name)([param], **options)
    for grad in grads:
        _step(optimizer, param, grad)
    assert param.tolist() == expected


def test_first_float64_steps_match_hand_worked_numbers():
    grad = [0.5, -4.0, 0.0]
    adamw, rmsprop, adagrad = _weight(torch.float64), _weight(torch.float64), _weight(torch.float64)
    _step(torch.optim.AdamW([adamw], lr=0.1), adamw, grad)
    _step(torch.optim.RMSprop([rmsprop], lr=0.01), rmsprop, grad)
    _step(torch.optim.Adagrad([adagrad], lr=0.1), adagrad, grad)
    # AdamW: p·(1 - 0.1·0.01), then m̂ = g and v̂ = g², so a step of 0.1·g/(|g| + 1e-8);
    # a zero gradient only decays the weight
    assert adamw.tolist()[:2] == [0.899000002, -1.89800000025]  # as PyTorch printed them
    assert adamw.tolist()[2] == pytest.approx(0.5 * 0.999, rel=1e-15)
    # RMSprop: square_avg = 0.01·g², so 0.01·g/(0.1·|g| + 1e-8) ≈ 0.1 against the gradient
    assert rmsprop.tolist() == pytest.approx(
        [1 - 0.01 * 0.5 / (0.05 + 1e-8), -2 + 0.01 * 4 / (0.4 + 1e-8), 0.5]
    )
    # Adagrad: sum = g², so 0.1·g/(|g| + 1e-10)
    expected = [1 - 0.1 * 0.5 / (0.5 + 1e-10), -2 + 0.1 * 4 / (4 + 1e-10), 0.5]
    assert adagrad.tolist() == pytest.approx(expected, rel=1e-12)


def test_state_keys_and_step_are_pytorchs():
    param = _weight()
    optimizers = [
        torch.optim.AdamW([param], amsgrad=True),
        torch.optim.RMSprop([param], momentum=0.5, centered=True),
        torch.optim.Adagrad([param]),
        torch.optim.Adamax([param]),
    ]
    for optimizer in optimizers:
        for grad in GRADS[:2]:
            _step(optimizer, param, grad)
    states = [optimizer.state_dict()["state"][0] for optimizer in optimizers]
    assert [list(state) for state in states] == [
        ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
        ["step", "square_avg", "momentum_buffer", "grad_avg"],
        ["step", "sum"],
        ["step", "exp_avg", "exp_inf"],
    ]
    assert [repr(state["step"]) for state in states] == ["tensor(2.)"] * 4


def test_a_parameter_without_a_gradient_is_left_alone():
    stepped, idle = _weight(), _weight()
    for name in ("AdamW", "RMSprop", "Adagrad", "Adamax"):
        optimizer = getattr(torch.optim, name)([stepped, idle])
        _step(optimizer, stepped, GRADS[0])
        assert idle.tolist() == [1.0, -2.0, 0.5]
        state = optimizer.state_dict()["state"]
        # Adagrad makes every parameter's state up front (step 0), the others at its first step
        assert repr(state.get(1, {}).get("step")) == ("tensor(0.)" if name == "Adagrad" else "None")


def test_load_state_dict_resumes_where_the_saved_optimizer_was():
    for name in ("AdamW", "RMSprop", "Adagrad", "Adamax"):
        first, second = _weight(), _weight()
        original = getattr(torch.optim, name)([first], lr=0.05)
        _step(original, first, GRADS[0])
        resumed = getattr(torch.optim, name)([second])
        second.data = first.detach().clone()
        resumed.load_state_dict(original.state_dict())
        assert resumed.param_groups[0]["lr"] == 0.05
        _step(original, first, GRADS[1])
        _step(resumed, second, GRADS[1])
        assert second.tolist() == first.tolist()


def test_load_state_dict_refuses_other_groups_in_pytorchs_words():
    saved = torch.optim.AdamW([_weight()]).state_dict()
    with pytest.raises(ValueError) as size:
        torch.optim.AdamW([_weight(), _weight()]).load_state_dict(saved)
    assert str(size.value) == (
        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group"
    )
    with pytest.raises(ValueError) as count:
        torch.optim.AdamW([{"params": [_weight()]}, {"params": [_weight()]}]).load_state_dict(saved)
    assert str(count.value) == "loaded state dict has a different number of parameter groups"


def test_each_group_steps_with_its_own_options():
    fast, slow = _weight(torch.float64), _weight(torch.float64)
    optimizer = torch.optim.Adagrad([{"params": [fast], "lr": 1.0}, {"params": [slow]}], lr=0.1)
    for param in (fast, slow):
        param.grad = torch.tensor([1.0, 1.0, 1.0], dtype=torch.float64)
    optimizer.step()
    # the first Adagrad step moves each weight by lr·g/(|g| + 1e-10) against the gradient
    move = 1 / (1 + 1e-10)
    assert fast.tolist() == pytest.approx([1 - move, -2 - move, 0.5 - move], rel=1e-12, abs=1e-15)
    assert slow.tolist() == pytest.approx([1 - 0.1 * move, -2 - 0.1 * move, 0.5 - 0.1 * move], rel=1e-12)


def test_a_scheduler_sets_the_rate_the_next_step_uses():
    param = _weight(torch.float64)
    optimizer = torch.optim.Adagrad([param], lr=0.1)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.5)
    for _ in range(2):
        _step(optimizer, param, [1.0, 1.0, 1.0])
        scheduler.step()
    # the same gradient twice: sum = 2, so the second step is 0.05·1/√2
    assert param.tolist()[0] == pytest.approx(1 - 0.1 - 0.05 / 2**0.5)
    assert scheduler.get_last_lr() == [0.025]


def test_adamw_is_an_adam_defined_where_pytorch_defines_it():
    optimizer = torch.optim.AdamW([_weight()])
    assert isinstance(optimizer, torch.optim.Adam)
    modules = [type(optimizer).__module__] + [
        cls.__module__ for cls in (torch.optim.RMSprop, torch.optim.Adagrad, torch.optim.Adamax)
    ]
    assert modules == [
        "torch.optim.adamw",
        "torch.optim.rmsprop",
        "torch.optim.adagrad",
        "torch.optim.adamax",
    ]
