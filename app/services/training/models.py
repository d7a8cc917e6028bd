"""The lab's models, built from ``engine.nn``: the article's ``nn.Linear`` alone, or an MLP of chosen widths.

Initial weights come from the run's seed (PyTorch's default distribution, uniform in ±1/√fan_in) rather
than the engine's global generator, so concurrent runs cannot disturb each other's starting point.
"""

from __future__ import annotations

import math

import numpy as np

import engine as torch
from engine import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
LOSSES = {"mse": nn.MSELoss, "l1": nn.L1Loss, "bce_with_logits": nn.BCEWithLogitsLoss}


def parameter_count(features: int, hidden: list[int], outputs: int = 1) -> int:
    """Weights and biases of a stack of Linear layers with these widths."""
    widths = [features, *hidden, outputs]
    return sum(fan_in * fan_out + fan_out for fan_in, fan_out in zip(widths, widths[1:], strict=False))


def build_model(features: int, hidden: list[int], activation: str) -> nn.Module:
    """``nn.Linear(features, 1)`` without hidden layers, else Linear/activation pairs in a Sequential."""
    if not hidden:
        return nn.Linear(features, 1)
    layers: list[nn.Module] = []
    widths = [features, *hidden]
    for fan_in, fan_out in zip(widths, widths[1:], strict=False):
        layers += [nn.Linear(fan_in, fan_out), ACTIVATIONS[activation]()]
    layers.append(nn.Linear(widths[-1], 1))
    return nn.Sequential(*layers)


def initialise(model: nn.Module, seed: int) -> None:
    """Draw every Linear layer's weight and bias uniformly in ±1/√fan_in from the run's own generator."""
    rng = np.random.default_rng([seed, 1])  # stream 1 of the seed: the weights (the data uses 0)
    with torch.no_grad():
        for layer in model.modules():
            if isinstance(layer, nn.Linear):
                bound = 1.0 / math.sqrt(layer.in_features)
                for param in (layer.weight, layer.bias):
                    param.copy_(rng.uniform(-bound, bound, tuple(param.shape)).astype(np.float32))


def layers_of(model: nn.Module) -> list[tuple[str, nn.Linear]]:
    """The model's Linear layers with their names as ``named_modules`` gives them ("" for a bare Linear)."""
    return [(name, layer) for name, layer in model.named_modules() if isinstance(layer, nn.Linear)]
