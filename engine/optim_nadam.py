"""``torch.optim.NAdam``: Adam with Nesterov momentum, in PyTorch 2.13's single-tensor arithmetic and order.

Each step's momentum ``mu`` warms up by ``momentum_decay``; their running product ``mu_product`` is kept as
PyTorch keeps it, a 0-d float32. The update adds the gradient and the first moment separately, each over the
bias-corrected root of the second moment (see engine/optim_extra.py on square roots and the last bit).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.optim_arithmetic import addcdiv, addcmul, lerp, multiply_add, scalar
from engine.optim_checks import check_adam_options, check_not_negative
from engine.optim_extra import StepState
from engine.pickling import present_as


class NAdam(StepState):
    """Adam whose step looks ahead along the momentum (Nesterov), with a momentum that warms up."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 2e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        momentum_decay: float = 4e-3,
        decoupled_weight_decay: bool = False,
        *,
        foreach: bool | None = None,
        maximize: bool = False,
        capturable: bool = False,
        differentiable: bool = False,
    ) -> None:
        check_adam_options(lr, eps, betas, weight_decay)
        check_not_negative("momentum_decay", momentum_decay)
        options = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay}
        options |= {"momentum_decay": momentum_decay, "decoupled_weight_decay": decoupled_weight_decay}
        flags = {"maximize": maximize, "foreach": foreach, "capturable": capturable}
        super().__init__(params, {**options, **flags, "differentiable": differentiable})

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, decay, warm_up = group["lr"], group["weight_decay"], group["momentum_decay"]
            for param, grad in self._gradients(group):
                state = self._state(
                    param, ("exp_avg", "exp_avg_sq"), mu_product=np.array(1.0, dtype=np.float32)
                )
                step = self._count_step(state)
                if decay != 0 and group["decoupled_weight_decay"]:
                    self._update(param, param._data * scalar(1 - lr * decay, param._data))
                elif decay != 0:
                    grad = multiply_add(decay, param._data, grad)
                mu = beta1 * (1.0 - 0.5 * 0.96 ** (step * warm_up))
                mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((step + 1) * warm_up))
                state["mu_product"] = np.array(state["mu_product"] * np.float32(mu), dtype=np.float32)
                product = float(state["mu_product"])
                state["exp_avg"] = lerp(state["exp_avg"], grad, 1 - beta1)
                second = addcmul(state["exp_avg_sq"] * scalar(beta2, grad), grad, grad, 1 - beta2)
                state["exp_avg_sq"] = second
                denom = np.sqrt(second / scalar(1 - beta2**step, second)) + scalar(group["eps"], second)
                moved = addcdiv(param._data, grad, denom, -lr * (1.0 - mu) / (1.0 - product))
                moved = addcdiv(moved, state["exp_avg"], denom, -lr * mu_next / (1.0 - product * mu_next))
                self._update(param, moved)
        return loss


present_as(NAdam, "torch.optim.nadam")  # <class 'torch.optim.nadam.NAdam'>, as in PyTorch
