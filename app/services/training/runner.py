"""A training run as a sequence of events, driven by the engine's real ``nn``/``optim`` loop.

``train_step`` is the article's loop body, line for line. ``Training`` walks the epochs batch by batch and
queues the events they produce (``start``, ``epochs``, ``snapshot``, ``diverged``, ``done``) in ``outbox``;
``run_events`` drains it as a generator. The same configuration gives the same events, bit for bit.

Most epochs of a long run only add their numbers to the open columns (``epoch_event.Epochs``). The others,
landmarks, also validate, snapshot or trace, or end the run. ``train_for`` runs a full-batch run's epochs in
one loop (the five lines, then the numbers) and mini-batches as ``run_batch``, as stepping does.

The loop records rather than reports: a landmark copies the parameters, and a ``reporter.Reporter`` makes
the events from the records (``take_records``) later, on a twin of the model; in a worker, in a process of
its own. ``take_events`` reports here.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from typing import Any

import numpy as np

import engine as torch
from app import config
from app.services.training import measures
from app.services.training.config import RunConfig
from app.services.training.datasets import CLASSIFICATION
from app.services.training.epoch_event import Epochs, EpochWriter
from app.services.training.experiment import Experiment, build
from app.services.training.reporter import Record, Reporter, Snapshot, TraceRequest, state_of

# a free-running run trains this long, then hands its events over (a command ends a turn at once)
TURN_SECONDS = config.TRAIN_HANDOVER_SECONDS
# plain epochs look at the clock and for commands about this often (every epoch of a slow model, at most
# every MAX_CHECK_STRIDE-th of a fast one): a look costs ~1% of a small model's epoch, right after its step
CHECK_SECONDS = 0.001
MAX_CHECK_STRIDE = 64
# near the end, a turn stops this share of the time left short of the run's expected end (and lasts
# SHORTEST_TURN_SECONDS at least), so that what is left to report when training ends is a few milliseconds'
# worth of epochs, not a whole turn's: the reporter takes 5-7% of the training's time to make a turn's events
# (the spiral's and the article's; 7 ms after a 0.1 s turn, which the stream would wait), so the next turn,
# a quarter as long, leaves it time to catch up. Halving the time left instead took the article's 5,000
# epochs 8 hand-overs rather than 5 (its loop ~0.5% faster with fewer)
LEFT_AFTER_TURN = 0.2
SHORTEST_TURN_SECONDS = 0.005
MAX_SNAPSHOTS = 100  # snapshots per run at most (each predicts a grid or curve): longer runs space them out
# snapshots carrying a traced step per run at most (a trace costs several steps): the others carry None
MAX_TRACED_SNAPSHOTS = 10
# validation losses per run at most (a chart's worth): longer runs validate every k-th epoch, so that the
# held-out forward pass costs about 1% of the training rather than a third of it
VALIDATION_POINTS = 100
# epochs per run at most whose training accuracy, gradient norms and parameter values are read (more than a
# chart shows): longer runs read them every k-th epoch, the first and the last, and every epoch a step command
# ends. The loss of every epoch is reported. A read costs more in a loop than alone: its numpy calls find
# their code and data cold after a step (counting a classifier's right answers every epoch, 1.5 us alone,
# made the spiral's 190 us epochs 4% slower)
CHART_POINTS = 500
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

    An epoch's numbers are appended to the open columns as it ends; other events (``queue``) end them, so
    each becomes one ``epochs`` event, between the events around it, when ``take_events`` is called.
    """

    def __init__(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self._lr = float(experiment.optimizer.param_groups[0]["lr"])
        self.epoch = 0  # epochs completed
        self.batch = 0  # batches completed in the current epoch
        self.finished = False
        epochs = self._epochs = experiment.config.epochs
        self._validate_every = max(1, math.ceil(epochs / VALIDATION_POINTS))  # long runs: not every epoch
        self._validates = len(experiment.dataset.x_val) > 0  # no held-out rows (the article's 3 points): none
        self._measure_every = max(1, math.ceil(epochs / CHART_POINTS))
        self.stepping = False  # set while epochs end by step commands (a paused run): each is measured
        self._last_stretch = False  # whether train_for has reached the epochs after the last landmark
        self._stride = 1  # plain epochs between looks at the clock: CHECK_SECONDS' worth at the last rate
        self._turn_began: tuple[float, int] | None = None  # (time, epoch) as the last turn began
        self.snapshot_every = max(experiment.config.snapshot_every, math.ceil(epochs / MAX_SNAPSHOTS))
        snapshots = math.ceil(epochs / self.snapshot_every)
        self.trace_every = self.snapshot_every * math.ceil(snapshots / MAX_TRACED_SNAPSHOTS)
        self.small = measures.is_small(experiment)  # small models report every value and trace snapshots
        self._classifying = experiment.dataset.task == CLASSIFICATION
        self._train_positive = measures.positive(experiment.dataset.y_train)
        self._train_rows = len(experiment.dataset.y_train)
        self._epoch_writer = EpochWriter(experiment, self.small, self._classifying)
        self._trace: TraceRequest | None = None  # the step a coming snapshot traces
        self._reporter: Reporter | None = None  # take_events': made when first called
        self.outbox: list[Record] = []  # filled by queue and _record; see take_records
        self._columns: Epochs | None = None  # the open columns, the outbox's last item
        self._batches = self._epoch_batches()
        self._steps = self.batches_per_epoch  # the same every epoch
        self._loss_sum, self._seen, self._correct = 0.0, 0, 0
        self._landmark = self._next_landmark(0)
        self.queue(self._start_event())
        self.queue(Snapshot(0, state_of(experiment), None))

    @property
    def lr(self) -> float:
        """The learning rate the next step uses (read every epoch: kept, and changed only by ``set_lr``)."""
        return self._lr

    def set_lr(self, lr: float) -> None:
        """Change the learning rate from the next step on, as ``param_group["lr"] = lr`` does in PyTorch."""
        self._lr = float(lr)
        self._columns = None  # the open columns keep the rate they began with
        for group in self.experiment.optimizer.param_groups:
            group["lr"] = self._lr

    def queue(self, event: dict[str, Any] | Snapshot) -> None:
        """Put an event (or a snapshot to make) in the outbox after the epochs read so far."""
        self._columns = None
        self.outbox.append(event)

    def _open_columns(self) -> Epochs:
        columns = self._columns
        if columns is None:
            columns = self._columns = self._epoch_writer.begin(self.epoch + 1, self._lr)
            self.outbox.append(columns)
        return columns

    def _next_landmark(self, epoch: int) -> int:
        """The first epoch after ``epoch`` that does more than add its numbers (the last one at most)."""
        every = [self.snapshot_every]
        every += [self._validate_every] if self._validates else []
        every += [self.trace_every] if self.small else []
        after = [_next_multiple(epoch, k) for k in every]
        return min(self._epochs, *after, *([1] if epoch == 0 else []))  # the first: validated and measured

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
        return self._traces(self.epoch + 1)

    def _traces(self, epoch: int) -> bool:
        """Whether ``epoch`` ends with a traced snapshot (its last step is traced)."""
        return self.small and (epoch % self.trace_every == 0 or epoch == self._epochs)

    def run_batch(self) -> None:
        """Train on the next batch with the article's five lines, keeping what a snapshot's trace needs."""
        experiment = self.experiment
        x, y = (experiment.x_train, experiment.y_train) if self._batches is None else self.current_batch()
        if self.small and self.batch == self._steps - 1 and self.trace_due():
            rows = None if self._batches is None else self._batches[self.batch]
            self._trace = TraceRequest(state_of(experiment), rows)  # the parameters the step begins with
        pred, loss = train_step(experiment.model, experiment.loss_fn, experiment.optimizer, x, y)
        self.finish_batch(pred, loss, y)

    def finish_batch(self, pred: torch.Tensor, loss: torch.Tensor, y: torch.Tensor) -> None:
        """Account for a completed step; at the end of an epoch, queue its events."""
        value = loss._data.item()  # loss.item(), read in place
        if not math.isfinite(value):
            self._diverge(value)
            return
        if self._batches is not None:  # mini-batches: the epoch's loss is their row-weighted mean
            rows = len(y._data)
            self._loss_sum += value * rows
            self._seen += rows
        if self._classifying:
            targets = self._train_positive if y is self.experiment.y_train else measures.positive(y._data)
            self._correct += measures.correct(pred._data, targets)  # read in place: no detached copy
        self.batch += 1
        if self.batch == self._steps:
            self._end_epoch(value)

    def _end_epoch(self, last_loss: float) -> None:
        single = self._batches is None
        epoch_loss = last_loss if single else self._loss_sum / self._seen  # one batch: exactly its loss
        accuracy = self._correct / (self._train_rows if single else self._seen) if self._classifying else None
        columns = self._record(epoch_loss, accuracy)
        epoch = self.epoch
        state = None  # the parameters now, copied once for what reports on them
        if self._validates and (epoch % self._validate_every == 0 or epoch == 1 or epoch == self._epochs):
            state = columns.validated[len(columns.loss) - 1] = state_of(self.experiment)
        if epoch % self.snapshot_every == 0 or epoch == self._epochs:
            self.queue(Snapshot(epoch, state_of(self.experiment) if state is None else state, self._trace))
            self._trace = None
        if epoch == self._landmark:
            self._landmark = self._next_landmark(epoch)
        self.batch, self._correct = 0, 0
        if epoch == self._epochs:
            self.finish("finished")
        elif not single:
            self._batches = self._epoch_batches()
            self._loss_sum, self._seen = 0.0, 0

    def _record(self, loss: float, accuracy: float | None) -> Epochs:
        """Count the epoch and append its numbers to the open columns (which it returns)."""
        columns = self._open_columns()
        epoch = self.epoch = self.epoch + 1
        columns.loss.append(loss)
        if epoch % self._measure_every == 0 or epoch == 1 or epoch == self._epochs or self.stepping:
            self._epoch_writer.read(columns, accuracy)
        return columns

    def train_for(self, seconds: float, interrupted: threading.Event) -> None:
        """Train batch after batch for about ``seconds``, less if ``interrupted`` is set or the run ends.

        A full-batch run's epochs take ``_full_batch_epochs``, mini-batches ``run_batch``.
        The call also returns as the last stretch (after the last landmark but the end) begins, so that its
        events are handed over while it trains: what is left to report once the run ends is that stretch. Near
        the end, turns are shorter than ``seconds`` (``_turn_length``), for the same reason.
        """
        now, begun = time.monotonic(), self.epoch
        until = now + self._turn_length(seconds, now)
        while not self.finished:
            if self._landmark == self._epochs and not self._last_stretch:
                self._last_stretch = True
                if self.epoch > begun:
                    return
            if self._batches is None and self.batch == 0:
                self._full_batch_epochs(until, interrupted)
            else:
                self.run_batch()
            if time.monotonic() >= until or interrupted.is_set():
                return

    def _turn_length(self, seconds: float, now: float) -> float:
        """``seconds``, or less when the run should end sooner: all but ``LEFT_AFTER_TURN`` of the time left
        (``SHORTEST_TURN_SECONDS`` at least), at the rate since the last turn began."""
        began, self._turn_began = self._turn_began, (now, self.epoch)
        if began is None or now <= began[0] or self.epoch <= began[1]:
            return seconds
        left = (self._epochs - self.epoch) * (now - began[0]) / (self.epoch - began[1])
        return min(seconds, max(left * (1 - LEFT_AFTER_TURN), SHORTEST_TURN_SECONDS))

    def _full_batch_epochs(self, until: float, interrupted: threading.Event) -> None:
        """Full-batch epochs (landmarks too) until the turn is up, the last stretch begins or the run ends.

        Every epoch is the five lines, written out as a script's loop has them, then its numbers; a landmark
        adds its work (``_end_epoch``) after its step, and a traced step's parameters are copied before it,
        so the loop is left only to hand over. The epochs done are counted in a local, stored as the loop
        ends however it ends: the call and two attribute stores per epoch cost ~0.3% of the article's run in
        instructions (callgrind, 317.2k against 316.2k an epoch).
        """
        experiment = self.experiment
        model, loss_fn, optimizer = experiment.model, experiment.loss_fn, experiment.optimizer
        x, y = experiment.x_train, experiment.y_train
        classifying, positive, correct = self._classifying, self._train_positive, measures.correct
        rows, read = self._train_rows, self._epoch_writer.read
        isfinite, every = math.isfinite, self._measure_every
        landmark, last = self._landmark, self._epochs
        traced = landmark if self._traces(landmark) else 0
        columns: Epochs | None = None  # opened by the first plain epoch: a landmark may end them
        add_loss = None
        done = self.epoch
        stride = self._stride
        check, since, looked = done + stride, done, time.monotonic()
        try:
            for epoch in range(done + 1, last + 1):
                if epoch == traced:
                    self._trace = TraceRequest(state_of(experiment), None)  # the parameters it begins with
                optimizer.zero_grad()
                pred = model(x)
                loss = loss_fn(pred, y)
                loss.backward()
                optimizer.step()
                value = loss._data.item()  # loss.item(), read in place
                if not isfinite(value):
                    self.epoch = done
                    self._diverge(value)
                    return
                if epoch == landmark:
                    self.epoch = done
                    if classifying:
                        self._correct = correct(pred._data, positive)
                    self._end_epoch(value)
                    done = epoch
                    landmark = self._landmark
                    if self.finished or (landmark == last and not self._last_stretch):
                        return  # the run is over, or its last stretch begins: hand over what it has
                    traced = landmark if self._traces(landmark) else 0
                    columns = None
                else:
                    done = epoch
                    if columns is None:
                        columns = self._open_columns()
                        add_loss = columns.loss.append
                    add_loss(value)
                    if epoch % every == 0:  # counted at once: keeping the logits for later slows steps more
                        read(columns, correct(pred._data, positive) / rows if classifying else None)
                if epoch >= check:
                    now = time.monotonic()
                    if now >= until or interrupted.is_set():
                        return
                    stride = self._stride = _stride(epoch - since, now - looked)
                    check, since, looked = epoch + stride, epoch, now
        finally:
            self.epoch = done

    def _diverge(self, value: float) -> None:
        epoch = self.epoch + 1
        cause = DIVERGED_CAUSE.format(value=value, epoch=epoch, lr=self.lr)
        self.queue(
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
        self.queue(event)

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
            "validate_every": self._validate_every if self._validates else None,  # None: no held-out rows
            "measure_every": self._measure_every,
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

    def take_records(self) -> list[Record]:
        """What was recorded since the last call, oldest first, for a ``Reporter`` to turn into events."""
        queued, self.outbox, self._columns = self.outbox, [], None
        return queued

    def take_events(self) -> list[dict[str, Any]]:
        """The events since the last call, oldest first (consecutive epochs as one ``epochs`` event), made
        here by a reporter of this run's own."""
        if self._reporter is None:
            self._reporter = Reporter(self.experiment.config)
        return self._reporter.report(self.take_records())


def _stride(epochs: int, seconds: float) -> int:
    """How many epochs take about ``CHECK_SECONDS`` at the rate just seen (1 to ``MAX_CHECK_STRIDE``)."""
    if seconds <= 0:
        return MAX_CHECK_STRIDE
    return max(1, min(MAX_CHECK_STRIDE, int(epochs * CHECK_SECONDS / seconds)))


def _next_multiple(epoch: int, every: int) -> int:
    """The first multiple of ``every`` after ``epoch``."""
    return (epoch // every + 1) * every


def run_events(config: RunConfig) -> Iterator[dict[str, Any]]:
    """Every event of a run from start to ``done``, training batch by batch as the consumer pulls.

    Each ``epochs`` event holds one epoch here, so the sequence does not depend on timing: the same
    configuration gives the same events, bit for bit. (A streamed run groups epochs by turns of
    ``TURN_SECONDS``; its ``epoch_rows`` are the same.)
    """
    training = Training(build(config))
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run overflows: reported, not warned
        yield from training.take_events()
        while not training.finished:
            training.run_batch()
            yield from training.take_events()
