"""A training run as a sequence of events, driven by the engine's real ``nn``/``optim`` loop.

``train_step`` is the article's loop body, line for line. ``Training`` walks the epochs batch by batch and
queues the events they produce (``start``, ``epoch``, ``snapshot``, ``diverged``, ``done``) in ``outbox``;
``run_events`` drains it as a generator. The same configuration gives the same events, bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

import engine as torch
from app.services.training import measures, tracing
from app.services.training.config import RunConfig
from app.services.training.datasets import CLASSIFICATION
from app.services.training.epoch_event import NOT_VALIDATED, EpochWriter, Reading
from app.services.training.experiment import Experiment, build

MAX_SNAPSHOTS = 100  # snapshots per run at most (each predicts a grid or curve): longer runs space them out
# snapshots carrying a traced step per run at most (a trace costs several steps): the others carry None
MAX_TRACED_SNAPSHOTS = 10
# validation losses per run at most (a chart's worth): longer runs validate every k-th epoch, so that the
# held-out forward pass costs about 1% of the training rather than a third of it
VALIDATION_POINTS = 100
DIVERGED_CAUSE = (
    "The loss became {value} at epoch {epoch}: the learning rate {lr:g} is too large, "
    "so each step overshoots the minimum and the error grows instead of shrinking. "
    "Try a learning rate 10 times smaller."
)


def train_step(model: Any, loss_fn: Any, optimizer: Any, x: torch.Tensor, y: torch.Tensor) -> tuple[Any, Any]:
    """One pass of the article's loop: zero_grad, forward, loss, backward, step. Returns (pred, loss)."""
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    return pred, loss


class Training:
    """A run's position (epoch, batch) and the bookkeeping that turns finished batches into events.

    An epoch's numbers are read as it ends; the epochs read since the last ``take_events`` become ``epochs``
    events (columns, see ``epoch_event``) when it is called, one per run of epochs between other events.
    """

    def __init__(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self._lr = float(experiment.optimizer.param_groups[0]["lr"])
        self.epoch = 0  # epochs completed
        self.batch = 0  # batches completed in the current epoch
        self.finished = False
        epochs = self._epochs = experiment.config.epochs
        self._validate_every = max(1, math.ceil(epochs / VALIDATION_POINTS))  # long runs: not every epoch
        self.snapshot_every = max(experiment.config.snapshot_every, math.ceil(epochs / MAX_SNAPSHOTS))
        snapshots = math.ceil(epochs / self.snapshot_every)
        self.trace_every = self.snapshot_every * math.ceil(snapshots / MAX_TRACED_SNAPSHOTS)
        self.small = measures.is_small(experiment)  # small models report every value and trace snapshots
        self._classifying = experiment.dataset.task == CLASSIFICATION
        self._train_positive = measures.positive(experiment.dataset.y_train)
        self._train_rows = len(experiment.dataset.y_train)
        self._epoch_writer = EpochWriter(experiment, self.small, self._classifying)
        self._trace: dict[str, Any] | None = None  # the traced step of a coming snapshot
        self._drawing = measures.Drawing(experiment)
        self.outbox: list[dict[str, Any] | Reading] = []  # an epoch's Reading, written as it is taken
        self._batches = self._epoch_batches()
        self._steps = self.batches_per_epoch  # the same every epoch
        self._loss_sum, self._seen, self._correct, self._last_loss = 0.0, 0, 0, math.nan
        self.outbox.append(self._start_event())
        self.outbox.append(self._snapshot_event(None))

    @property
    def lr(self) -> float:
        """The learning rate the next step uses (read every epoch: kept, and changed only by ``set_lr``)."""
        return self._lr

    def set_lr(self, lr: float) -> None:
        """Change the learning rate from the next step on, as ``param_group["lr"] = lr`` does in PyTorch."""
        self._lr = float(lr)
        for group in self.experiment.optimizer.param_groups:
            group["lr"] = self._lr

    def _epoch_batches(self) -> list[np.ndarray] | None:
        """Row indices of each mini-batch of the coming epoch (shuffled anew), or None: one full batch."""
        rows, size = len(self.experiment.dataset.x_train), self.experiment.config.batch_size
        if size is None or size >= rows:
            return None
        order = self.experiment.shuffle.permutation(rows)
        return [order[start : start + size] for start in range(0, rows, size)]

    @property
    def batches_per_epoch(self) -> int:
        """How many steps make one epoch."""
        return 1 if self._batches is None else len(self._batches)

    def current_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The inputs and targets of the next step."""
        experiment = self.experiment
        if self._batches is None:
            return experiment.x_train, experiment.y_train
        rows = self._batches[self.batch]
        data = experiment.dataset
        return torch.from_numpy(data.x_train[rows]), torch.from_numpy(data.y_train[rows])

    def trace_due(self) -> bool:
        """Whether the epoch the next step completes (if it is its last batch) ends with a traced snapshot."""
        coming = self.epoch + 1
        return self.small and (coming % self.trace_every == 0 or coming == self._epochs)

    def run_batch(self) -> None:
        """Train on the next batch with the article's five lines, tracing the step a snapshot will carry."""
        experiment = self.experiment
        x, y = (experiment.x_train, experiment.y_train) if self._batches is None else self.current_batch()
        if self.small and self.batch == self._steps - 1 and self.trace_due():
            (pred, loss), self._trace = tracing.traced_step(experiment, x, y)
        else:
            pred, loss = train_step(experiment.model, experiment.loss_fn, experiment.optimizer, x, y)
        self.finish_batch(pred, loss, y)

    def finish_batch(self, pred: torch.Tensor, loss: torch.Tensor, y: torch.Tensor) -> None:
        """Account for a completed step; at the end of an epoch, queue its events."""
        value = loss._data.item()  # loss.item(), read in place
        if not math.isfinite(value):
            self._diverge(value)
            return
        self._last_loss = value
        if self._batches is not None:  # mini-batches: the epoch's loss is their row-weighted mean
            rows = len(y._data)
            self._loss_sum += value * rows
            self._seen += rows
        if self._classifying:
            targets = self._train_positive if y is self.experiment.y_train else measures.positive(y._data)
            self._correct += measures.correct(pred._data, targets)  # read in place: no detached copy
        self.batch += 1
        if self.batch == self._steps:
            self._end_epoch()

    def _end_epoch(self) -> None:
        single = self._batches is None
        epoch_loss = self._last_loss if single else self._loss_sum / self._seen  # one batch: exactly its loss
        accuracy = self._correct / (self._train_rows if single else self._seen) if self._classifying else None
        epoch = self.epoch = self.epoch + 1
        validated = epoch % self._validate_every == 0 or epoch == 1 or epoch == self._epochs
        validation = measures.validation(self.experiment) if validated else NOT_VALIDATED
        self.outbox.append(self._epoch_writer.read(epoch, epoch_loss, validation, accuracy, self.lr))
        if epoch % self.snapshot_every == 0 or epoch == self._epochs:
            self.outbox.append(self._snapshot_event(self._trace))
            self._trace = None
        self.batch, self._correct = 0, 0
        if epoch == self._epochs:
            self.finish("finished")
        elif not single:
            self._batches = self._epoch_batches()
            self._loss_sum, self._seen = 0.0, 0

    def _diverge(self, value: float) -> None:
        epoch = self.epoch + 1
        cause = DIVERGED_CAUSE.format(value=value, epoch=epoch, lr=self.lr)
        self.outbox.append(
            {
                "type": "diverged",
                "epoch": epoch,
                "batch": self.batch + 1,
                "loss": str(value),
                "lr": self.lr,
                "cause": cause,
            }
        )
        self.finish("diverged")

    def finish(self, reason: str) -> None:
        """End the run: queue ``done`` saying why (finished, diverged, stopped, time limit)."""
        if self.finished:
            return
        self.finished = True
        event: dict[str, Any] = {"type": "done", "reason": reason, "epochs": self.epoch}
        if self.small:
            event["params"] = measures.parameter_values(self.experiment)
        self.outbox.append(event)

    def _start_event(self) -> dict[str, Any]:
        experiment, data = self.experiment, self.experiment.dataset
        return {
            "type": "start",
            "dataset": data.name,
            "task": data.task,
            "features": data.features,
            "train_rows": len(data.x_train),
            "validation_rows": len(data.x_val),
            "loss": experiment.loss_name,
            "parameters": experiment.parameters,
            "batches_per_epoch": self.batches_per_epoch,
            "validate_every": self._validate_every,
            "snapshot_every": self.snapshot_every,
            "trace_every": self.trace_every if self.small else None,
            "epochs": experiment.config.epochs,
            "lr": self.lr,
            "model": repr(experiment.model),
            "points": self._points(),
            "params": measures.parameter_values(experiment) if self.small else None,
        }

    def _points(self) -> dict[str, Any] | None:
        """The data to plot under the fit: None past 2 features, where there is no picture to draw."""
        data = self.experiment.dataset
        if data.features > measures.DRAWN_FEATURES:
            return None
        arrays = {"x_train": data.x_train, "y_train": data.y_train, "x_val": data.x_val, "y_val": data.y_val}
        return {name: measures.nested(array) for name, array in arrays.items()}

    def _snapshot_event(self, trace: dict[str, Any] | None) -> dict[str, Any]:
        drawing = self._drawing.predictions()
        return {"type": "snapshot", "epoch": self.epoch, **drawing, "trace": trace}

    def take_events(self) -> list[dict[str, Any]]:
        """The events queued since the last call, oldest first; consecutive epochs as one ``epochs`` event."""
        queued, self.outbox = self.outbox, []
        events: list[dict[str, Any]] = []
        readings: list[Reading] = []
        for item in queued:
            if type(item) is tuple:
                readings.append(item)
                continue
            if readings:
                events.append(self._epoch_writer.event(readings))
                readings = []
            events.append(item)
        if readings:
            events.append(self._epoch_writer.event(readings))
        return events


def run_events(config: RunConfig) -> Iterator[dict[str, Any]]:
    """Every event of a run from start to ``done``, training as the consumer pulls."""
    training = Training(build(config))
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run overflows: reported, not warned
        yield from training.take_events()
        while not training.finished:
            training.run_batch()
            yield from training.take_events()
