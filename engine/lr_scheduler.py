"""``torch.optim.lr_scheduler``: StepLR, MultiStepLR, ExponentialLR and LambdaLR, as training loops call them.

A scheduler sets each parameter group's ``lr`` when made (the schedule's first value) and at each ``step()``,
which a loop calls once an epoch after ``optimizer.step()``. As in PyTorch, the step and decay rates multiply
the rate the group has now (so a rate changed by hand is decayed from there), LambdaLR multiplies the first
rate (``initial_lr``), and calling ``step()`` before the optimizer has stepped once is warned about.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from engine.pickling import present_as

STEP_ORDER_WARNING = (
    "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you "
    "should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do "
    "this will result in PyTorch skipping the first value of the learning rate schedule. See more details at "
    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
)

RESUMED_WITHOUT_INITIAL_LR = (
    "param 'initial_lr' is not specified in param_groups[{index}] when resuming scheduler with "
    "last_epoch >= 0.\nThis typically happens when:\n1. You're trying to resume training from a checkpoint "
    "but haven't properly loaded the optimizer state\n2. You're using last_epoch >= 0 for a fresh training "
    "run (not recommended)"
)


class LRScheduler:
    """The base: ``step()`` moves to the next epoch and sets every group's rate to ``_rates()``."""

    def __init__(self, optimizer: Any, last_epoch: int = -1) -> None:
        if not hasattr(optimizer, "param_groups"):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        if last_epoch == -1:
            for group in optimizer.param_groups:
                group.setdefault("initial_lr", group["lr"])
        else:
            for index, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise KeyError(RESUMED_WITHOUT_INITIAL_LR.format(index=index))
        self.optimizer = optimizer
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch
        self._step_count = 0
        self.step()  # the schedule's first value (epoch 0), as PyTorch's constructor does

    def _rates(self) -> list[float]:
        raise NotImplementedError

    def step(self) -> None:
        """Move to the next epoch: every group's ``lr`` becomes the schedule's value for it."""
        self._step_count += 1
        if self._step_count == 2 and not getattr(self.optimizer, "_stepped", False):
            warnings.warn(STEP_ORDER_WARNING, UserWarning, stacklevel=2)
        self.last_epoch += 1
        for group, rate in zip(self.optimizer.param_groups, self._rates(), strict=True):
            group["lr"] = rate
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]

    def get_last_lr(self) -> list[float]:
        """The rates the last ``step()`` set, one per parameter group."""
        return self._last_lr

    def state_dict(self) -> dict[str, Any]:
        """Everything but the optimizer (and LambdaLR's functions), as PyTorch saves it."""
        return {key: value for key, value in self.__dict__.items() if key not in ("optimizer", "lr_lambdas")}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        self.__dict__.update(state_dict)

    def _current(self) -> list[float]:
        return [group["lr"] for group in self.optimizer.param_groups]


class StepLR(LRScheduler):
    """The rate times ``gamma`` every ``step_size`` epochs."""

    def __init__(self, optimizer: Any, step_size: int, gamma: float = 0.1, last_epoch: int = -1) -> None:
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _rates(self) -> list[float]:
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return self._current()
        return [rate * self.gamma for rate in self._current()]


class MultiStepLR(LRScheduler):
    """The rate times ``gamma`` at each of the ``milestones`` epochs."""

    def __init__(
        self, optimizer: Any, milestones: Iterable[int], gamma: float = 0.1, last_epoch: int = -1
    ) -> None:
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _rates(self) -> list[float]:
        if self.last_epoch not in self.milestones:
            return self._current()
        factor = self.gamma ** self.milestones[self.last_epoch]
        return [rate * factor for rate in self._current()]


class ExponentialLR(LRScheduler):
    """The rate times ``gamma`` every epoch."""

    def __init__(self, optimizer: Any, gamma: float, last_epoch: int = -1) -> None:
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _rates(self) -> list[float]:
        if self.last_epoch == 0:
            return self._current()
        return [rate * self.gamma for rate in self._current()]


class LambdaLR(LRScheduler):
    """The first rate times ``lr_lambda(epoch)`` (one function, or one per parameter group)."""

    def __init__(self, optimizer: Any, lr_lambda: Callable | list[Callable], last_epoch: int = -1) -> None:
        groups = len(optimizer.param_groups)
        if isinstance(lr_lambda, list | tuple):
            if len(lr_lambda) != groups:
                raise ValueError(f"Expected {groups} lr_lambdas, but got {len(lr_lambda)}")
            self.lr_lambdas = list(lr_lambda)
        else:
            self.lr_lambdas = [lr_lambda] * groups
        super().__init__(optimizer, last_epoch)

    def _rates(self) -> list[float]:
        pairs = zip(self.lr_lambdas, self.base_lrs, strict=True)
        return [base * rule(self.last_epoch) for rule, base in pairs]


for _scheduler in (LRScheduler, StepLR, MultiStepLR, ExponentialLR, LambdaLR):
    present_as(_scheduler, "torch.optim.lr_scheduler")  # <torch.optim.lr_scheduler.StepLR object at ...>
