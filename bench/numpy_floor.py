"""W1..W5 by hand in numpy: the same forward and backward arithmetic, with no graph and no autograd.

This is the floor an autograd engine on numpy pays nothing above; each ``build_*`` mirrors the one in
``autograd_workloads`` and returns values under the same names, so the smoke test can compare them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bench import data

Step = Callable[[], dict[str, np.ndarray]]
FLOAT = np.float32


def build_w1() -> Step:
    """y = x² + 2x + 1 at x = 3; dy/dx = 2x·1 + 2 summed from the two paths."""

    def step() -> dict[str, np.ndarray]:
        x = np.array(3.0, FLOAT)
        y = x**2 + 2 * x + 1
        grad_y = np.ones((), FLOAT)
        grad_x = grad_y * 2 * x + grad_y * 2  # from x**2 and from 2*x
        return {"y": y, "x.grad": grad_x}

    return step


def build_w2() -> Step:
    """Linear(1, 1) + MSE + SGD for 100 epochs, gradients written out."""
    values = data.w2_data()
    x, y = values["x"], values["y"]
    weight, bias = values["weight"].copy(), values["bias"].copy()
    lr = data.LEARNING_RATE_W2

    def step() -> dict[str, np.ndarray]:
        for _ in range(data.EPOCHS_W2):
            pred = x @ weight.T + bias
            diff = pred - y
            loss = np.mean(diff * diff, dtype=FLOAT)
            grad_pred = 2 * diff / diff.size
            weight[...] -= lr * (grad_pred.T @ x)
            bias[...] -= lr * grad_pred.sum(axis=0)
        return {"loss": loss, "weight": weight, "bias": bias}

    return step


def build_w3() -> Step:
    """The 1,000-op scalar chain: forward keeping what backward reads, then the chain rule in reverse."""
    cycles = data.CHAIN_OPS // 4
    scale, shift = data.CHAIN_SCALE, data.CHAIN_SHIFT

    def step() -> dict[str, np.ndarray]:
        y = np.array(data.CHAIN_START, FLOAT)
        exps = []
        for _ in range(cycles):
            y = y * scale
            y = y + shift
            y = np.exp(y)
            exps.append(y)
            y = np.log(y)
        grad = np.ones((), FLOAT)
        for value in reversed(exps):
            grad = grad / value  # log: 1/x
            grad = grad * value  # exp: eˣ
            grad = grad * scale  # * c
        return {"y": y, "x.grad": grad}

    return step


def _sgd(params: dict[str, np.ndarray], grads: dict[str, np.ndarray], lr: float) -> None:
    for name, param in params.items():
        param -= lr * grads[name]


def _result(loss: np.ndarray, params: dict, grads: dict) -> dict[str, np.ndarray]:
    result = {"loss": loss}
    for name, param in params.items():
        result[name] = param
        result[f"{name}.grad"] = grads[name]
    return result


def build_w4() -> Step:
    """2-16-16-1 tanh MLP, MSE, 100 SGD steps on one batch."""
    values = data.w4_data()
    x, y = values["x"], values["y"]
    params = {}
    for index, (weight, bias) in zip((0, 2, 4), values["layers"], strict=True):
        params[f"{index}.weight"], params[f"{index}.bias"] = weight.copy(), bias.copy()
    w1, b1, w2, b2, w3, b3 = params.values()

    def step() -> dict[str, np.ndarray]:
        for _ in range(data.STEPS_W4):
            h1 = np.tanh(x @ w1.T + b1)
            h2 = np.tanh(h1 @ w2.T + b2)
            diff = h2 @ w3.T + b3 - y
            loss = np.mean(diff * diff, dtype=FLOAT)
            grad_out = 2 * diff / diff.size
            grad_z2 = (grad_out @ w3) * (1 - h2 * h2)
            grad_z1 = (grad_z2 @ w2) * (1 - h1 * h1)
            grads = {
                "0.weight": grad_z1.T @ x,
                "0.bias": grad_z1.sum(axis=0),
                "2.weight": grad_z2.T @ h1,
                "2.bias": grad_z2.sum(axis=0),
                "4.weight": grad_out.T @ h2,
                "4.bias": grad_out.sum(axis=0),
            }
            _sgd(params, grads, data.LEARNING_RATE_W4)
        return _result(loss, params, grads)

    return step


def build_w5() -> Step:
    """784-256-10 ReLU MLP, cross-entropy (log-softmax + NLL), one SGD step."""
    values = data.w5_data()
    x, labels = values["x"], values["labels"]
    rows = np.arange(len(labels))
    (w1, b1), (w2, b2) = ((w.copy(), b.copy()) for w, b in values["layers"])
    params = {"0.weight": w1, "0.bias": b1, "2.weight": w2, "2.bias": b2}

    def step() -> dict[str, np.ndarray]:
        z1 = x @ w1.T + b1
        h1 = np.maximum(z1, 0)
        logits = h1 @ w2.T + b2
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[rows, labels].mean(dtype=FLOAT)
        grad_logits = np.exp(log_probs)
        grad_logits[rows, labels] -= 1
        grad_logits /= len(labels)
        grad_z1 = (grad_logits @ w2) * (z1 > 0)
        grads = {
            "0.weight": grad_z1.T @ x,
            "0.bias": grad_z1.sum(axis=0),
            "2.weight": grad_logits.T @ h1,
            "2.bias": grad_logits.sum(axis=0),
        }
        _sgd(params, grads, data.LEARNING_RATE_W5)
        return _result(loss, params, grads)

    return step
