"""What events report about the model: parameter values, gradient norms, validation, prediction snapshots.

Numbers are plain Python floats (JSON-ready); a value that is not finite becomes ``None`` (JSON has no NaN).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

import engine as torch
from app.services.training.datasets import CLASSIFICATION
from app.services.training.experiment import Experiment

SMALL_MODEL_PARAMETERS = 64  # models up to this many numbers report every value (the article's has 2)
SHOWN_PREDICTIONS = 100  # predictions a phase event lists one by one; beyond, only their shape
DRAWN_FEATURES = 2  # inputs a picture can show: a curve for 1, a decision surface for 2
GRID_SIZE = 40  # points per side of the decision-boundary grid: 1,600 predictions, a smooth picture
CURVE_POINTS = 100  # points of a fitted 1-D curve
MARGIN = 0.1  # share of the data's range added on each side of the plotted area
SNAPSHOT_DIGITS = 4  # decimals of a snapshot's predictions: finer than a screen pixel
LISTED_SQUARES = 8  # gradients up to this many values are squared as Python floats (beats a numpy call)


def finite(value: float) -> float | None:
    """``value`` as a float, or ``None`` when it is NaN or infinite."""
    value = float(value)
    return value if math.isfinite(value) else None


def nested(array: np.ndarray) -> Any:
    """An array as nested lists of floats (``None`` for values that are not finite)."""
    values = array.tolist() if array.dtype.kind == "f" else array.astype(np.float64).tolist()
    return values if all_finite(values, array.ndim) else _with_nones(array)


def all_finite(values: Any, ndim: int = 1) -> bool:
    """Whether nested lists hold only finite numbers, cheaply: an inf or NaN makes their sum non-finite.

    (A sum that overflows only sends a finite array down the slower exact path, which keeps its values.)
    """
    if ndim > 2:
        return all(all_finite(row, ndim - 1) for row in values)
    total = sum(map(sum, values)) if ndim == 2 else sum(values) if ndim == 1 else values
    return math.isfinite(total)


def _with_nones(array: np.ndarray) -> Any:
    return [_with_nones(row) for row in array] if array.ndim else finite(array)


def is_small(experiment: Experiment) -> bool:
    """Whether the model is small enough to report every parameter and trace its graph."""
    return experiment.parameters <= SMALL_MODEL_PARAMETERS


def parameter_values(experiment: Experiment) -> dict[str, Any]:
    """Every parameter by its ``named_parameters`` name, as nested lists (read in place, no copy)."""
    return {name: nested(param._data) for name, param in experiment.named_parameters}


def gradient_values(experiment: Experiment) -> dict[str, Any]:
    """Every parameter's ``.grad`` as nested lists, ``None`` where there is no gradient (after zero_grad)."""
    return {
        name: None if param.grad is None else nested(param.grad.numpy())
        for name, param in experiment.named_parameters
    }


def gradient_norms(experiment: Experiment) -> dict[str, float | None]:
    """The L2 norm of each Linear layer's gradients (weight and bias together); 0 where none are set."""
    names = [name for name, _ in experiment.layer_parameters]
    return dict(zip(names, map(finite, layer_norms(experiment.layer_parameters)), strict=True))


def layer_norms(layers: list[tuple[str, tuple[Any, ...]]]) -> list[float]:
    """Each layer's gradient norm as a float, finite or not (``finite`` makes it JSON-ready), in place."""
    return [norm([param._grad._data for param in params if param._grad is not None]) for _, params in layers]


def norm(arrays: list[np.ndarray]) -> float:
    """The L2 norm of some arrays' values taken together, summed cheaply: a few values as Python floats,
    more with one dot product per array (in float32, the gradients' own precision)."""
    squares = 0.0
    for values in arrays:
        if values.size > LISTED_SQUARES:
            squares += float(np.vdot(values, values))
        else:
            for value in values.ravel().tolist():
                squares += value * value
    return math.sqrt(squares)


def positive(target: np.ndarray) -> np.ndarray:
    """Which 0/1 targets are 1 (a full-batch run computes this once for all its epochs)."""
    return target > 0.5


def correct(pred: np.ndarray, is_positive: np.ndarray) -> int:
    """How many predictions (logits) fall on the right side of 0 for their targets (``positive`` of them)."""
    return int(np.count_nonzero((pred > 0) == is_positive))


def validation(experiment: Experiment) -> tuple[float | None, float | None]:
    """Loss and accuracy (classification only) on the held-out points, without recording a graph."""
    if len(experiment.dataset.x_val) == 0:
        return None, None
    with torch.no_grad():
        pred = experiment.model(experiment.x_val)
        loss = experiment.loss_fn(pred, experiment.y_val).item()
    if experiment.dataset.task != CLASSIFICATION:
        return finite(loss), None
    return finite(loss), correct(pred.numpy(), positive(experiment.dataset.y_val)) / len(pred)


def _span(values: np.ndarray) -> tuple[float, float]:
    low, high = float(values.min()), float(values.max())
    pad = (high - low) * MARGIN or 1.0
    return low - pad, high + pad


class Drawing:
    """What a run's snapshots draw: the fitted curve (1 feature), the decision surface on a grid (2), or none.

    Where to predict depends only on the training data, so the points are worked out once per run; each
    snapshot then costs one forward pass over them.
    """

    def __init__(self, experiment: Experiment) -> None:
        self._experiment = experiment
        self._classifying = experiment.dataset.task == CLASSIFICATION
        x = experiment.dataset.x_train
        self._points: torch.Tensor | None = None
        self._fixed: dict[str, Any] = {"kind": "none"}  # the snapshot's fields that never change
        if x.shape[1] == 1:
            xs = np.linspace(*_span(x[:, 0]), CURVE_POINTS)
            self._points = torch.from_numpy(xs[:, None].astype(np.float32))
            self._fixed = {"kind": "curve", "x": nested(np.round(xs, SNAPSHOT_DIGITS))}
        elif x.shape[1] == 2:
            (x0, x1), (y0, y1) = _span(x[:, 0]), _span(x[:, 1])
            grid_x, grid_y = np.meshgrid(np.linspace(x0, x1, GRID_SIZE), np.linspace(y0, y1, GRID_SIZE))
            points = np.stack([grid_x.ravel(), grid_y.ravel()], axis=1)
            self._points = torch.from_numpy(points.astype(np.float32))
            self._fixed = {"kind": "grid", "extent": [x0, x1, y0, y1], "size": GRID_SIZE}

    def predictions(self) -> dict[str, Any]:
        """The snapshot's drawing with the model as it stands: ``kind``, then its points and predictions."""
        fixed = self._fixed
        if self._points is None:
            return dict(fixed)
        values = self._predict()
        if fixed["kind"] == "curve":
            return {"kind": "curve", "x": list(fixed["x"]), "y": nested(values)}
        return {
            **fixed,
            "extent": list(fixed["extent"]),
            "values": nested(values.reshape(GRID_SIZE, GRID_SIZE)),
        }

    def _predict(self) -> np.ndarray:
        with torch.no_grad():
            out = self._experiment.model(self._points).numpy()[:, 0]
        if self._classifying:
            out = 1.0 / (1.0 + np.exp(-out.astype(np.float64)))  # the probability of class 1
        return np.round(out.astype(np.float64), SNAPSHOT_DIGITS)
