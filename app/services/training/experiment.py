"""Everything a run trains with, built from its configuration: data tensors, model, loss and optimizer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

import engine as torch
from app import config
from app.services.training.config import InvalidRun, RunConfig, check_loss
from app.services.training.csv_data import CsvProblems, from_csv
from app.services.training.datasets import Dataset, generate
from app.services.training.models import LOSSES, build_model, initialise, layers_of, parameter_count


@dataclass
class Experiment:
    """A configured run before its first epoch; ``optimizer.param_groups`` may change mid-run (``set lr``)."""

    config: RunConfig
    dataset: Dataset
    model: torch.nn.Module
    loss_fn: torch.nn.Module
    optimizer: torch.optim.Optimizer
    loss_name: str
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor
    y_val: torch.Tensor
    shuffle: np.random.Generator  # the order of mini-batches, stream 2 of the seed

    @cached_property
    def parameters(self) -> int:
        """How many numbers the optimizer moves."""
        return sum(param.numel() for param in self.model.parameters())

    @cached_property
    def named_parameters(self) -> list[tuple[str, torch.nn.Parameter]]:
        """The model's parameters with their names, looked up once (events read them every epoch)."""
        return list(self.model.named_parameters())

    @cached_property
    def layers(self) -> list[tuple[str, torch.nn.Linear]]:
        """The model's Linear layers with their names, looked up once."""
        return layers_of(self.model)

    @cached_property
    def layer_parameters(self) -> list[tuple[str, tuple[torch.nn.Parameter, ...]]]:
        """Each Linear layer's report name ("linear" for a bare one) and its weight and bias."""
        return [
            (name or "linear", tuple(param for param in (layer.weight, layer.bias) if param is not None))
            for name, layer in self.layers
        ]


def load_dataset(run: RunConfig) -> Dataset:
    """The configured dataset, or ``InvalidRun`` listing what is wrong with the uploaded CSV."""
    if run.dataset != "csv":
        return generate(run.dataset, run.samples, run.noise, run.validation_split, run.seed)
    try:
        return from_csv(run.csv or "", run.validation_split, run.seed)
    except CsvProblems as error:
        raise InvalidRun([("csv", problem) for problem in error.problems]) from None


def make_optimizer(run: RunConfig, model: torch.nn.Module) -> torch.optim.Optimizer:
    """``SGD`` (with momentum) or ``Adam`` over the model's parameters at the configured learning rate."""
    if run.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), lr=run.lr)
    return torch.optim.SGD(model.parameters(), lr=run.lr, momentum=run.momentum)


def check(run: RunConfig) -> tuple[Dataset, str]:
    """The run's dataset and loss, or ``InvalidRun`` (bad CSV, a loss that does not fit, a model too large):
    what ``build`` checks, without making the model (a server checks a run that a worker will build)."""
    dataset = load_dataset(run)
    loss_name = run.loss_for(dataset.task)
    try:
        check_loss(loss_name, dataset.task)
    except ValueError as error:
        raise InvalidRun([("loss", str(error))]) from None
    size = parameter_count(dataset.features, run.hidden)
    if size > config.TRAIN_MAX_PARAMETERS:
        raise InvalidRun(
            [
                (
                    "hidden",
                    f"this model has {size:,} parameters; the limit is "
                    f"{config.TRAIN_MAX_PARAMETERS:,}: use fewer or narrower layers",
                )
            ]
        )
    return dataset, loss_name


def build(run: RunConfig) -> Experiment:
    """The run's experiment, or ``InvalidRun`` (see ``check``)."""
    dataset, loss_name = check(run)
    model = build_model(dataset.features, run.hidden, run.activation)
    initialise(model, run.seed)
    return Experiment(
        config=run,
        dataset=dataset,
        model=model,
        loss_fn=LOSSES[loss_name](),
        optimizer=make_optimizer(run, model),
        loss_name=loss_name,
        x_train=torch.from_numpy(dataset.x_train),
        y_train=torch.from_numpy(dataset.y_train),
        x_val=torch.from_numpy(dataset.x_val),
        y_val=torch.from_numpy(dataset.y_val),
        shuffle=np.random.default_rng([run.seed, 2]),
    )
