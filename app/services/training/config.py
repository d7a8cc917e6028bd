"""A training run's configuration: what to learn, with which model and optimizer, checked field by field.

The defaults are the article's training loop: ``nn.Linear(1, 1)``, ``MSELoss``, ``SGD(lr=0.01)``, 100 epochs
on the three points of y = 2x, the whole set as one batch. Pydantic reports a wrong field with its name and
the allowed values; ``InvalidRun`` carries the problems found later (the CSV, the model's size).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app import config
from app.services.training.datasets import CLASSIFICATION, task_of

DatasetName = Literal["line", "noisy_line", "sine", "circle", "xor", "blobs", "moons", "spiral", "csv"]
LOSSES_BY_TASK = {"regression": ("mse", "l1"), "classification": ("bce_with_logits", "mse")}
MAX_NOISE = 2.0  # gaussian noise (standard deviation, in the data's units) beyond which a set is only noise
MAX_LEARNING_RATE = 100.0  # large enough to watch a run diverge, small enough to be a typo guard
MAX_SEED = 2**32 - 1  # numpy seeds are unsigned 32-bit numbers here


class InvalidRun(ValueError):
    """A configuration that passed field checks but cannot run; ``problems`` are (field, what to fix)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))
        self.problems = problems


class RunConfig(BaseModel):
    """Everything that decides a run; the same configuration and seed give the same events, bit for bit."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetName = Field("line", description="a built-in set, or 'csv' with the CSV text in `csv`")
    samples: int = Field(200, ge=4, le=config.TRAIN_MAX_ROWS, description="points of a generated set")
    noise: float = Field(0.1, ge=0.0, le=MAX_NOISE, description="gaussian noise of a generated set")
    validation_split: float = Field(0.2, ge=0.0, le=0.5, description="fraction of points held out")
    csv: str | None = Field(None, description="CSV text: numeric columns, the target last")
    model: Literal["linear", "mlp"] = Field("linear", description="nn.Linear alone, or an MLP")
    hidden: list[int] = Field([], max_length=config.TRAIN_MAX_LAYERS, description="MLP hidden widths")
    activation: Literal["relu", "tanh", "sigmoid"] = Field("tanh", description="between MLP layers")
    loss: Literal["mse", "l1", "bce_with_logits"] | None = Field(None, description="default: by task")
    optimizer: Literal["sgd", "adam"] = "sgd"
    lr: float = Field(0.01, gt=0.0, le=MAX_LEARNING_RATE, description="learning rate")
    momentum: float = Field(0.0, ge=0.0, lt=1.0, description="SGD momentum")
    batch_size: int | None = Field(None, ge=1, le=config.TRAIN_MAX_ROWS, description="default: whole set")
    epochs: int = Field(100, ge=1, le=config.TRAIN_MAX_EPOCHS)
    seed: int = Field(0, ge=0, le=MAX_SEED, description="data split and initial weights")
    snapshot_every: int = Field(10, ge=1, le=config.TRAIN_MAX_EPOCHS, description="epochs between snapshots")

    @model_validator(mode="after")
    def _consistent(self) -> RunConfig:
        if self.dataset == "csv" and not self.csv:
            raise ValueError("dataset 'csv' needs the CSV text in the field `csv`")
        if self.dataset != "csv" and self.csv is not None:
            raise ValueError(f"`csv` is only read with dataset 'csv' (dataset is '{self.dataset}')")
        if self.model == "mlp" and not self.hidden:
            raise ValueError("model 'mlp' needs hidden layer widths, e.g. hidden: [16, 16]")
        if self.model == "linear" and self.hidden:
            raise ValueError("model 'linear' has no hidden layers: drop `hidden` or choose model 'mlp'")
        wide = [width for width in self.hidden if not 1 <= width <= config.TRAIN_MAX_WIDTH]
        if wide:
            raise ValueError(f"hidden widths must be 1 to {config.TRAIN_MAX_WIDTH} (got {wide[0]})")
        if self.dataset != "csv" and self.loss is not None:
            check_loss(self.loss, task_of(self.dataset))
        return self

    def loss_for(self, task: str) -> str:
        """The loss to train with: the chosen one, else MSE for regression and BCE-with-logits otherwise."""
        if self.loss is not None:
            return self.loss
        return "bce_with_logits" if task == CLASSIFICATION else "mse"


def check_loss(loss: str, task: str) -> None:
    """Refuse a loss that does not fit the task (BCE needs 0/1 targets)."""
    if loss not in LOSSES_BY_TASK[task]:
        allowed = " or ".join(f"'{name}'" for name in LOSSES_BY_TASK[task])
        raise ValueError(f"loss '{loss}' does not fit a {task} set: use {allowed}")
