"""The graph trace (``engine.trace_graph``) of a training step, for snapshots and phase steps of small models.

Only the backward pass is recorded (``BackwardRecorder``): trace ids then follow the nodes' creation order
within the step, so the same run gives the same trace. The engine's observers are per thread, so runs in
other threads never show up in this one's recording.
"""

from __future__ import annotations

from typing import Any

import engine as torch
from engine.trace_graph import BackwardRecorder, trace


def recorded_backward(loss: torch.Tensor) -> BackwardRecorder:
    """``loss.backward()``, keeping the gradient that reached each node."""
    with BackwardRecorder() as steps:
        loss.backward()
    return steps


def graph(
    experiment: Any,
    x: torch.Tensor,
    y: torch.Tensor,
    pred: torch.Tensor | None = None,
    loss: torch.Tensor | None = None,
    steps: BackwardRecorder | None = None,
) -> dict[str, Any]:
    """The step's graph as it stands: parameters alone, then up to ``pred``, then up to ``loss``."""
    names = {x: "x", y: "y"}
    if pred is not None:
        names[pred] = "pred"
    if loss is not None:
        names[loss] = "loss"
    roots = [loss] if loss is not None else [pred] if pred is not None else []
    extra = [] if roots else list(experiment.model.parameters())
    return trace(roots, names=names, extra=extra, backward=steps, modules={"model": experiment.model})


def step_graph(experiment: Any, x: torch.Tensor, y: torch.Tensor) -> dict[str, Any]:
    """The graph of a training step between backward and the update: zero_grad, forward, loss, backward.

    A ``Reporter`` runs it on a twin loaded with the parameters the step began with (``optimizer.step``
    is left to the run itself, which has its optimizer's state).
    """
    experiment.optimizer.zero_grad()
    pred = experiment.model(x)
    loss = experiment.loss_fn(pred, y)
    steps = recorded_backward(loss)
    return graph(experiment, x, y, pred, loss, steps)
