"""A run advanced one phase at a time: zero_grad -> forward -> loss -> backward -> step.

Each phase runs the same call the article's loop makes and reports what it changed: gradients cleared,
predictions made, the loss computed, gradients filled, parameters moved. After ``step`` the batch counts as
done in the ``Training`` it belongs to, so stepping by phases and running freely can be mixed mid-epoch.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.services.training import measures
from app.services.training.runner import Training
from app.services.training.tracing import graph, recorded_backward

PHASES = ("zero_grad", "forward", "loss", "backward", "step")
SAYS = {
    "zero_grad": "optimizer.zero_grad(): every parameter's .grad is cleared (set to None) for a new sum",
    "forward": "pred = model(x): the model computes its predictions and records the graph",
    "loss": "loss = loss_fn(pred, y): one number saying how far the predictions are from the targets",
    "backward": "loss.backward(): gradients flow back through the graph and fill each parameter's .grad",
    "step": "optimizer.step(): each parameter moves against its gradient, scaled by the learning rate",
}


class PhaseStepper:
    """Runs the phases of the current batch of a ``Training`` one call at a time."""

    def __init__(self, training: Training) -> None:
        self.training = training
        self.next_phase = 0
        self._x = self._y = self._pred = self._loss = self._steps = None

    @property
    def mid_batch(self) -> bool:
        """Whether a batch has been started by phases and not yet finished."""
        return self.next_phase != 0

    def advance(self) -> dict[str, Any]:
        """Run the next phase; its ``phase`` event (returned) and any epoch events go to the outbox."""
        training, experiment = self.training, self.training.experiment
        name = PHASES[self.next_phase]
        position = {"epoch": training.epoch + 1, "batch": training.batch + 1}
        if name == "zero_grad":
            self._x, self._y = training.current_batch()
            experiment.optimizer.zero_grad()
            changed = self._gradients()
        elif name == "forward":
            self._pred = experiment.model(self._x)
            changed = {"pred": self._values(self._pred.detach().numpy()), "shape": list(self._pred.shape)}
        elif name == "loss":
            self._loss = experiment.loss_fn(self._pred, self._y)
            changed = {"loss": measures.finite(self._loss.item())}
        elif name == "backward":
            self._steps = recorded_backward(self._loss)
            changed = self._gradients()
        else:
            named = experiment.model.named_parameters()
            before = {name: param.detach().numpy().copy() for name, param in named}
            experiment.optimizer.step()
            changed = self._moves(before)
        event = {
            "type": "phase",
            "phase": name,
            **position,
            "says": SAYS[name],
            "changed": changed,
            "trace": self._trace(),
        }
        self.next_phase = (self.next_phase + 1) % len(PHASES)
        training.queue(event)  # before the epoch events this step may complete
        if name == "step":
            pred, loss, y = self._pred, self._loss, self._y
            self._x = self._y = self._pred = self._loss = self._steps = None
            training.finish_batch(pred, loss, y)
        return event

    def finish_batch(self) -> list[dict[str, Any]]:
        """Run the phases left in a batch started by phases, so free running resumes on a batch boundary."""
        return [self.advance() for _ in range(len(PHASES) - self.next_phase)] if self.mid_batch else []

    def _trace(self) -> dict[str, Any] | None:
        """The graph at this moment, for small models (after ``step`` it shows the moved parameters)."""
        if not measures.is_small(self.training.experiment):
            return None
        return graph(self.training.experiment, self._x, self._y, self._pred, self._loss, self._steps)

    def _values(self, array: np.ndarray) -> Any:
        """Predictions in full for a small model on a few rows, else None (the shape says how many)."""
        small = measures.is_small(self.training.experiment) and array.size <= measures.SHOWN_PREDICTIONS
        return measures.nested(array) if small else None

    def _gradients(self) -> dict[str, Any]:
        experiment = self.training.experiment
        changed: dict[str, Any] = {"grad_norms": measures.gradient_norms(experiment)}
        if measures.is_small(experiment):
            changed["grads"] = measures.gradient_values(experiment)
        return changed

    def _moves(self, before: dict[str, np.ndarray]) -> dict[str, Any]:
        model = self.training.experiment.model
        after = {name: param.detach().numpy() for name, param in model.named_parameters()}
        changed: dict[str, Any] = {
            "lr": self.training.lr,
            "moved_by": {
                name: measures.finite(float(np.linalg.norm((after[name] - before[name]).astype(np.float64))))
                for name in after
            },
        }
        if measures.is_small(self.training.experiment):
            changed["params_before"] = {name: measures.nested(value) for name, value in before.items()}
            changed["params"] = {name: measures.nested(value) for name, value in after.items()}
        return changed
