"""The benchmark's fixed inputs and starting weights, made once with numpy so every contender starts equal."""

from __future__ import annotations

import numpy as np

SEED = 20240601  # any fixed number: the same data on every run
LEARNING_RATE_W2 = 0.01  # the article's training loop
LEARNING_RATE_W4 = 0.1
LEARNING_RATE_W5 = 0.01
EPOCHS_W2 = 100  # the article's loop length
STEPS_W4 = 100
CHAIN_OPS = 1000  # W3's chain length (4-op cycles: * c, + c, exp, log)
CHAIN_SCALE, CHAIN_SHIFT = 1.01, 0.01
CHAIN_START = 0.5
BATCH = 64
MLP_W4 = (2, 16, 16, 1)
MLP_W5 = (784, 256, 10)


def linear_weights(rng: np.random.Generator, sizes: tuple[int, ...]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(weight, bias) per layer in PyTorch's layout (out, in), drawn like nn.Linear's default init."""
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        bound = 1 / np.sqrt(fan_in)
        weight = rng.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32)
        bias = rng.uniform(-bound, bound, (fan_out,)).astype(np.float32)
        layers.append((weight, bias))
    return layers


def w2_data() -> dict[str, np.ndarray]:
    """The article's data (y = 2x) and a starting weight and bias for nn.Linear(1, 1)."""
    ((weight, bias),) = linear_weights(np.random.default_rng(SEED), (1, 1))
    x = np.array([[1.0], [2.0], [3.0]], np.float32)
    return {"x": x, "y": 2 * x, "weight": weight, "bias": bias}


def w4_data() -> dict:
    """A batch of 2-d points with a smooth target, and the tanh MLP's starting weights."""
    rng = np.random.default_rng(SEED + 4)
    x = rng.standard_normal((BATCH, MLP_W4[0])).astype(np.float32)
    y = (np.sin(x[:, :1]) * np.cos(x[:, 1:])).astype(np.float32)
    return {"x": x, "y": y, "layers": linear_weights(rng, MLP_W4)}


def w5_data() -> dict:
    """An MNIST-sized batch (random pixels, random labels) and the ReLU MLP's starting weights."""
    rng = np.random.default_rng(SEED + 5)
    x = rng.random((BATCH, MLP_W5[0]), dtype=np.float32)
    labels = rng.integers(0, MLP_W5[-1], BATCH).astype(np.int64)
    return {"x": x, "labels": labels, "layers": linear_weights(rng, MLP_W5)}
