"""``torch.optim.Adamax``: Adam with the infinity norm, PyTorch 2.13's single-tensor arithmetic in its order.

No square root is taken, so float32 parameters agree with PyTorch's bit for bit (engine/optim_arithmetic.py
rounds as PyTorch's kernels do); the shared state handling is engine/optim_extra.py's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.optim_arithmetic import addcdiv, lerp, multiply_add, scalar
from engine.optim_checks import check_adam_options
from engine.optim_extra import StepState
from engine.pickling import present_as


class Adamax(StepState):
    """Adam whose second moment is a decaying maximum of ``|grad|`` (the infinity norm), not squares."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 2e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        foreach: bool | None = None,
        *,
        maximize: bool = False,
        differentiable: bool = False,
        capturable: bool = False,
    ) -> None:
        check_adam_options(lr, eps, betas, weight_decay)
        options = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "foreach": foreach}
        flags = {"maximize": maximize, "differentiable": differentiable, "capturable": capturable}
        super().__init__(params, {**options, **flags})

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for param, grad in self._gradients(group):
                state = self._state(param, ("exp_avg", "exp_inf"))
                step = self._count_step(state)
                if group["weight_decay"] != 0:
                    grad = multiply_add(group["weight_decay"], param._data, grad)
                state["exp_avg"] = lerp(state["exp_avg"], grad, 1 - beta1)
                decayed = state["exp_inf"] * scalar(beta2, grad)
                state["exp_inf"] = np.maximum(decayed, np.abs(grad) + scalar(group["eps"], grad))
                rate = group["lr"] / (1 - beta1**step)
                self._update(param, addcdiv(param._data, state["exp_avg"], state["exp_inf"], -rate))
        return loss


present_as(Adamax, "torch.optim.adamax")  # <class 'torch.optim.adamax.Adamax'>, as in PyTorch
