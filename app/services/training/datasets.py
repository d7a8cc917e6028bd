"""The lab's datasets: the article's y = 2x line, noisy regression curves and 2-D two-class sets.

Every set is drawn from a seeded numpy ``Generator``, so the same name, size, noise and seed give the same
points, bit for bit. Labels of the classification sets are 0.0 / 1.0 in an (n, 1) column, ready for
``BCEWithLogitsLoss``; regression targets are an (n, 1) column too, as ``MSELoss`` expects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

REGRESSION, CLASSIFICATION = "regression", "classification"
ARTICLE_X = [[1.0], [2.0], [3.0]]  # the article's training loop learns y = 2x from these three points
ARTICLE_Y = [[2.0], [4.0], [6.0]]


@dataclass(frozen=True)
class Dataset:
    """Training and validation points (float32, features in columns) and what is learned from them."""

    name: str
    task: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray

    @property
    def features(self) -> int:
        """Input columns of a point: 1 for the curves, 2 for the classification sets."""
        return int(self.x_train.shape[1])


def split(
    name: str, task: str, x: np.ndarray, y: np.ndarray, validation_split: float, rng: np.random.Generator
) -> Dataset:
    """Shuffle the points and keep the last ``validation_split`` of them aside for validation."""
    order = rng.permutation(len(x))
    held_out = int(round(len(x) * validation_split))
    cut = len(x) - held_out
    x, y = x[order].astype(np.float32), y[order].astype(np.float32).reshape(-1, 1)
    return Dataset(name, task, x[:cut], y[:cut], x[cut:], y[cut:])


def _noisy_line(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(-1.0, 1.0, (n, 1))
    return x, 2.0 * x + 1.0 + noise * rng.standard_normal((n, 1))


def _sine(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(-np.pi, np.pi, (n, 1))
    return x, np.sin(x) + noise * rng.standard_normal((n, 1))


def _circle(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # class 1 inside radius 0.5, class 0 on a ring from 0.7 to 1.0; noise jitters the positions
    inner = n // 2
    radius = np.concatenate([rng.uniform(0.0, 0.5, inner), rng.uniform(0.7, 1.0, n - inner)])
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    labels = np.concatenate([np.ones(inner), np.zeros(n - inner)])
    return x + noise * rng.standard_normal((n, 2)), labels


def _xor(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # class 1 where both coordinates share a sign; points near the axes are pushed out by a small margin
    x = rng.uniform(-1.0, 1.0, (n, 2))
    x += np.sign(x) * 0.05
    labels = (x[:, 0] * x[:, 1] > 0).astype(np.float64)
    return x + noise * rng.standard_normal((n, 2)), labels


def _blobs(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # two gaussian clouds around (-1, -1) (class 0) and (1, 1) (class 1); noise widens them
    labels = (np.arange(n) >= n // 2).astype(np.float64)
    centres = np.where(labels[:, None] > 0, 1.0, -1.0)
    return centres + (0.4 + noise) * rng.standard_normal((n, 2)), labels


def _moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # two interleaved half circles: the upper one (class 0) and the lower, shifted one (class 1)
    upper = n // 2
    angle = rng.uniform(0.0, np.pi, n)
    top = np.stack([np.cos(angle[:upper]), np.sin(angle[:upper])], axis=1)
    bottom = np.stack([1.0 - np.cos(angle[upper:]), 0.5 - np.sin(angle[upper:])], axis=1)
    labels = np.concatenate([np.zeros(upper), np.ones(n - upper)])
    return np.concatenate([top, bottom]) + noise * rng.standard_normal((n, 2)), labels


def _spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # two arms winding 1.75 turns out from the centre, the second arm the first turned by half a turn
    half = n // 2
    labels = np.concatenate([np.zeros(half), np.ones(n - half)])
    along = rng.uniform(0.0, 1.0, n)
    angle = along * 3.5 * np.pi + labels * np.pi
    x = np.stack([along * np.cos(angle), along * np.sin(angle)], axis=1)
    return x + noise * rng.standard_normal((n, 2)), labels


Generator = Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]
GENERATED: dict[str, tuple[str, Generator]] = {
    "noisy_line": (REGRESSION, _noisy_line),
    "sine": (REGRESSION, _sine),
    "circle": (CLASSIFICATION, _circle),
    "xor": (CLASSIFICATION, _xor),
    "blobs": (CLASSIFICATION, _blobs),
    "moons": (CLASSIFICATION, _moons),
    "spiral": (CLASSIFICATION, _spiral),
}
ARTICLE = "line"
NAMES = (ARTICLE, *GENERATED)


def task_of(name: str) -> str:
    """Whether the named set is learned by regression or by classification."""
    return REGRESSION if name == ARTICLE else GENERATED[name][0]


def article_line() -> Dataset:
    """The article's three points of y = 2x, all used for training (there is nothing to hold out)."""
    x, y = np.array(ARTICLE_X, np.float32), np.array(ARTICLE_Y, np.float32)
    empty = np.zeros((0, 1), np.float32)
    return Dataset(ARTICLE, REGRESSION, x, y, empty, empty)


def generate(name: str, samples: int, noise: float, validation_split: float, seed: int) -> Dataset:
    """The named set: ``samples`` points with gaussian ``noise``, split for validation, from ``seed``."""
    if name == ARTICLE:
        return article_line()
    task, draw = GENERATED[name]
    rng = np.random.default_rng([seed, 0])  # stream 0 of the seed: the data (the model's weights use 1)
    x, y = draw(samples, noise, rng)
    return split(name, task, x, y, validation_split, rng)
