"""The training API's contract: the WebSocket's control messages, the stream's messages.

Every message on the SSE stream and the WebSocket is ``{"events": [...]}``: the events (each with a ``type``)
that arrived since the previous message, so a browser gets at most ~30 messages a second. Epochs come as
``epochs`` events: consecutive epochs' numbers in columns (app/services/training/epoch_event.py).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.services.training.config import MAX_LEARNING_RATE, RunConfig

__all__ = ["ARTICLE_CONFIG", "Control", "RunConfig", "RunsLive"]

ARTICLE_CONFIG: dict[str, Any] = {
    "dataset": "line",
    "model": "linear",
    "loss": "mse",
    "optimizer": "sgd",
    "lr": 0.01,
    "epochs": 100,
    "seed": 0,
}
EVENT_TYPES = ("start", "epochs", "snapshot", "phase", "paused", "resumed", "lr", "diverged", "done", "error")


class Control(BaseModel):
    """A message a client sends on ``/ws/train``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"type": "start", "config": ARTICLE_CONFIG, "paused": False},
                {"type": "pause"},
                {"type": "step", "unit": "phase"},
                {"type": "resume"},
                {"type": "set", "lr": 0.05},
                {"type": "stop"},
            ]
        },
    )

    type: Literal["start", "pause", "resume", "step", "stop", "set"]
    config: RunConfig | None = Field(None, description="`start`: the run to train (defaults: the article's)")
    paused: bool = Field(False, description="`start`: begin paused, to step from the first phase")
    unit: Literal["epoch", "phase"] = Field("epoch", description="`step`: one epoch, or one phase of a step")
    lr: float | None = Field(None, gt=0.0, le=MAX_LEARNING_RATE, description="`set`: the new learning rate")


class RunsLive(BaseModel):
    """How many training runs hold a slot, and how many may."""

    live: int
    limit: int
