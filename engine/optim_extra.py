"""``torch.optim`` AdamW, RMSprop and Adagrad: PyTorch 2.13's update rules, in the order its single-tensor
(``foreach=False``, and its default) path does the arithmetic, so float32 parameters agree with PyTorch's bit
for bit but for square roots: PyTorch's (vectorised) ``sqrt`` is not correctly rounded, numpy's is, so about
one value in six may differ from PyTorch's by one unit in the last place, and the next steps carry that on.

The arithmetic, rounded as PyTorch's kernels round it, is engine/optim_arithmetic.py. State is kept as numpy
arrays, ``step`` a 0-d float32 as PyTorch keeps it (``state_dict()`` shows it as ``tensor(5.)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.optim import Adam, Optimizer
from engine.optim_arithmetic import addcdiv, addcmul, lerp, multiply_add, scalar
from engine.optim_checks import check_adam_options, check_fused, check_not_negative
from engine.pickling import present_as
from engine.tensor import Tensor

GROUP_SIZE_MISMATCH = (
    "loaded state dict contains a parameter group that doesn't match the size of optimizer's group"
)


class StepState(Optimizer):
    """What the three share: the gradient each parameter steps with, a float32 ``step``, loading a state."""

    def _gradients(self, group: dict[str, Any]) -> Iterable[tuple[Tensor, np.ndarray]]:
        self._stepped = True  # a learning-rate scheduler stepping before this is warned about
        for param in group["params"]:
            if param._grad is not None:
                grad = param._grad._data
                yield param, -grad if group["maximize"] else grad

    def _state(self, param: Tensor, names: Iterable[str], **initial: Any) -> dict[str, Any]:
        """The parameter's state, made at its first step (``first_step``, then any ``initial`` values)."""
        state = self.state.setdefault(param, {})
        if not state:
            state.update(first_step(param, names), **initial)
        return state

    @staticmethod
    def _count_step(state: dict[str, Any]) -> float:
        state["step"] = np.array(state["step"] + 1, dtype=np.float32)
        return float(state["step"])

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Per-parameter state by position and every group's options, as ``state_dict()`` gave them."""
        groups = state_dict["param_groups"]
        if len(groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        pairs = list(zip(self.param_groups, groups, strict=True))
        if any(len(old["params"]) != len(new["params"]) for old, new in pairs):
            raise ValueError(GROUP_SIZE_MISMATCH)
        params = {}
        for old, new in pairs:
            params.update(zip(new["params"], old["params"], strict=True))
            old.update({key: value for key, value in new.items() if key != "params"})
        self.state = {}
        for position, values in state_dict["state"].items():
            param = params[position]
            self.state[param] = {key: self._state_value(key, value, param) for key, value in values.items()}

    @staticmethod
    def _state_value(key: str, value: Any, param: Tensor) -> Any:
        data = value._data if isinstance(value, Tensor) else value
        if key == "step":
            return np.array(data, dtype=np.float32)
        return np.array(data, dtype=param._data.dtype)


def first_step(param: Tensor, names: Iterable[str]) -> dict[str, Any]:
    """A parameter's state before its first step: ``step`` 0 and zeros for every running average."""
    return {"step": np.array(0.0, dtype=np.float32), **{name: np.zeros_like(param._data) for name in names}}


class AdamW(StepState, Adam):
    """Adam whose weight decay shrinks the weight itself (``p *= 1 - lr * weight_decay``) before the step."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        capturable: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        check_adam_options(lr, eps, betas, weight_decay)
        check_fused(fused, foreach, differentiable)
        options = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad}
        flags = {"maximize": maximize, "foreach": foreach, "capturable": capturable}
        flags.update(differentiable=differentiable, fused=fused, decoupled_weight_decay=True)
        Optimizer.__init__(self, params, {**options, **flags})

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, eps, amsgrad = group["lr"], group["eps"], group["amsgrad"]
            names = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq") if amsgrad else ("exp_avg", "exp_avg_sq")
            for param, grad in self._gradients(group):
                state = self._state(param, names)
                step = self._count_step(state)
                if group["weight_decay"] != 0:
                    self._update(param, param._data * scalar(1 - lr * group["weight_decay"], param._data))
                state["exp_avg"] = lerp(state["exp_avg"], grad, 1 - beta1)
                squares = state["exp_avg_sq"] * scalar(beta2, grad)
                state["exp_avg_sq"] = addcmul(squares, grad, grad, 1 - beta2)
                second = state["exp_avg_sq"]
                if amsgrad:
                    second = state["max_exp_avg_sq"] = np.maximum(state["max_exp_avg_sq"], second)
                step_size = lr / (1 - beta1**step)
                root_correction = (1 - beta2**step) ** 0.5
                denominator = np.sqrt(second) / scalar(root_correction, second) + scalar(eps, second)
                self._update(param, addcdiv(param._data, state["exp_avg"], denominator, -step_size))
        return loss


class RMSprop(StepState):
    """Divides each step by a running root mean square of the gradients (``centered``: their variance)."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0,
        momentum: float = 0,
        centered: bool = False,
        capturable: bool = False,
        foreach: bool | None = None,
        maximize: bool = False,
        differentiable: bool = False,
    ) -> None:
        check_not_negative("learning", lr, "rate")
        check_not_negative("epsilon", eps)
        check_not_negative("momentum", momentum)
        check_not_negative("weight_decay", weight_decay)
        check_not_negative("alpha", alpha)
        options = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps, "centered": centered}
        flags = {"weight_decay": weight_decay, "capturable": capturable, "foreach": foreach}
        flags.update(maximize=maximize, differentiable=differentiable)
        super().__init__(params, {**options, **flags})

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            lr, alpha, momentum = group["lr"], group["alpha"], group["momentum"]
            names = ["square_avg"] + ["momentum_buffer"] * (momentum > 0) + ["grad_avg"] * group["centered"]
            for param, grad in self._gradients(group):
                state = self._state(param, names)
                self._count_step(state)
                if group["weight_decay"] != 0:
                    grad = multiply_add(group["weight_decay"], param._data, grad)
                squares = state["square_avg"] * scalar(alpha, grad)
                state["square_avg"] = addcmul(squares, grad, grad, 1 - alpha)
                if group["centered"]:
                    state["grad_avg"] = lerp(state["grad_avg"], grad, 1 - alpha)
                    spread = np.sqrt(addcmul(state["square_avg"], state["grad_avg"], state["grad_avg"], -1))
                else:
                    spread = np.sqrt(state["square_avg"])
                spread = spread + scalar(group["eps"], spread)
                if momentum > 0:
                    buffer = state["momentum_buffer"] * scalar(momentum, grad)
                    state["momentum_buffer"] = addcdiv(buffer, grad, spread, 1)
                    self._update(param, multiply_add(-lr, state["momentum_buffer"], param._data))
                else:
                    self._update(param, addcdiv(param._data, grad, spread, -lr))
        return loss


class Adagrad(StepState):
    """Divides each step by the root of all squared gradients so far; its rate decays as lr/(1+t·decay)."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        lr_decay: float = 0,
        weight_decay: float = 0,
        initial_accumulator_value: float = 0,
        eps: float = 1e-10,
        foreach: bool | None = None,
        *,
        maximize: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        check_not_negative("learning", lr, "rate")
        check_not_negative("lr_decay", lr_decay)
        check_not_negative("weight_decay", weight_decay)
        check_not_negative("initial_accumulator_value", initial_accumulator_value)
        check_not_negative("epsilon", eps)
        check_fused(fused, foreach, differentiable)
        options = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay}
        flags = {"initial_accumulator_value": initial_accumulator_value, "foreach": foreach}
        flags.update(maximize=maximize, differentiable=differentiable, fused=fused)
        super().__init__(params, {**options, **flags})
        for group in self.param_groups:  # as PyTorch, every parameter has its state from the start
            for param in group["params"]:
                start = np.full_like(param._data, group["initial_accumulator_value"])
                self.state[param] = {"step": np.array(0.0, dtype=np.float32), "sum": start}

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            for param, grad in self._gradients(group):
                state = self.state[param]
                step = self._count_step(state)
                if group["weight_decay"] != 0:
                    grad = multiply_add(group["weight_decay"], param._data, grad)
                rate = group["lr"] / (1 + (step - 1) * group["lr_decay"])
                state["sum"] = addcmul(state["sum"], grad, grad, 1)
                spread = np.sqrt(state["sum"]) + scalar(group["eps"], state["sum"])
                self._update(param, addcdiv(param._data, grad, spread, -rate))
        return loss


# where PyTorch defines them: type(optimizer) prints <class 'torch.optim.adamw.AdamW'> as there
present_as(AdamW, "torch.optim.adamw")
present_as(RMSprop, "torch.optim.rmsprop")
present_as(Adagrad, "torch.optim.adagrad")
