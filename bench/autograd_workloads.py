"""W1..W5 written once against PyTorch's API, run as-is with ``engine`` or with real ``torch``.

Each ``build_*`` takes the library (``engine`` or ``torch``), prepares the model and data (untimed) and
returns ``step``: one timed unit of work that returns its loss and gradients as tensors.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from bench import data

Step = Callable[[], dict[str, Any]]


def _load_layers(lib: ModuleType, layers: list, weights: list) -> None:
    """Copy the shared starting weights into each nn.Linear."""
    with lib.no_grad():
        for layer, (weight, bias) in zip(layers, weights, strict=True):
            layer.weight.copy_(lib.tensor(weight))
            layer.bias.copy_(lib.tensor(bias))


def build_w1(lib: ModuleType) -> Step:
    """The article's first example: y = x² + 2x + 1 at x = 3, then backward."""

    def step() -> dict[str, Any]:
        x = lib.tensor(3.0, requires_grad=True)
        y = x**2 + 2 * x + 1
        y.backward()
        return {"y": y, "x.grad": x.grad}

    return step


def build_w2(lib: ModuleType) -> Step:
    """The article's training loop: nn.Linear(1, 1), SGD, MSELoss, 100 epochs."""
    values = data.w2_data()
    model = lib.nn.Linear(1, 1)
    _load_layers(lib, [model], [(values["weight"], values["bias"])])
    optimizer = lib.optim.SGD(model.parameters(), lr=data.LEARNING_RATE_W2)
    loss_fn = lib.nn.MSELoss()
    x, y = lib.tensor(values["x"]), lib.tensor(values["y"])

    def step() -> dict[str, Any]:
        for _ in range(data.EPOCHS_W2):
            optimizer.zero_grad()
            pred = model(x)
            loss = loss_fn(pred, y)
            loss.backward()
            optimizer.step()
        return {"loss": loss, "weight": model.weight, "bias": model.bias}

    return step


def build_w3(lib: ModuleType) -> Step:
    """A chain of 1,000 scalar operations (cycles of * c, + c, exp, log), then backward."""
    x = lib.tensor(data.CHAIN_START, requires_grad=True)

    def step() -> dict[str, Any]:
        x.grad = None
        y = x
        for _ in range(data.CHAIN_OPS // 4):
            y = y * data.CHAIN_SCALE
            y = y + data.CHAIN_SHIFT
            y = y.exp()
            y = y.log()
        y.backward()
        return {"y": y, "x.grad": x.grad}

    return step


def _mlp_step(lib: ModuleType, model: Any, loss_fn: Any, lr: float, x: Any, target: Any, steps: int) -> Step:
    """``steps`` SGD steps of ``model`` on one fixed batch; returns the last loss and the parameters."""
    optimizer = lib.optim.SGD(model.parameters(), lr=lr)

    def step() -> dict[str, Any]:
        for _ in range(steps):
            optimizer.zero_grad()
            loss = loss_fn(model(x), target)
            loss.backward()
            optimizer.step()
        result: dict[str, Any] = {"loss": loss}
        for name, param in model.named_parameters():
            result[name] = param
            result[f"{name}.grad"] = param.grad
        return result

    return step


def build_w4(lib: ModuleType) -> Step:
    """A 2-16-16-1 tanh MLP, batch 64, MSE, 100 SGD steps."""
    values = data.w4_data()
    nn = lib.nn
    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
    _load_layers(lib, [model[0], model[2], model[4]], values["layers"])
    x, y = lib.tensor(values["x"]), lib.tensor(values["y"])
    return _mlp_step(lib, model, nn.MSELoss(), data.LEARNING_RATE_W4, x, y, data.STEPS_W4)


def build_w5(lib: ModuleType) -> Step:
    """A 784-256-10 ReLU MLP, batch 64, cross-entropy, one SGD step."""
    values = data.w5_data()
    nn = lib.nn
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    _load_layers(lib, [model[0], model[2]], values["layers"])
    x, labels = lib.tensor(values["x"]), lib.tensor(values["labels"])
    return _mlp_step(lib, model, nn.CrossEntropyLoss(), data.LEARNING_RATE_W5, x, labels, 1)
