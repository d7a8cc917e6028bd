"""``torch.optim``: SGD (momentum, dampening, nesterov, weight decay) and Adam, updating in place; the
rate schedulers are ``lr_scheduler`` (engine/lr_scheduler.py), as in PyTorch."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.optim_checks import check_adam_options, check_fused, check_sgd_options
from engine.pickling import present_as, reduce_object
from engine.tensor import Tensor


class Optimizer:
    """Holds parameter groups and per-parameter state; ``step`` updates ``param.data`` in place."""

    defaults: dict[str, Any] = {}

    def __init__(self, params: Iterable[Any], defaults: dict[str, Any]) -> None:
        params = list(params)
        if not params:
            raise ValueError("optimizer got an empty parameter list")
        groups = params if isinstance(params[0], dict) else [{"params": params}]
        self.defaults = defaults
        self.param_groups: list[dict[str, Any]] = []
        for group in groups:
            self.param_groups.append({**defaults, **group, "params": list(group["params"])})
        self.state: dict[Tensor, dict[str, Any]] = {}

    def __reduce_ex__(self, protocol: int) -> str | tuple:
        return reduce_object(self, protocol)

    def zero_grad(self, set_to_none: bool = True) -> None:
        for group in self.param_groups:
            for param in group["params"]:
                if param._grad is None:
                    continue
                if set_to_none:
                    param._grad = None
                else:
                    param._grad.zero_()

    def _update(self, param: Tensor, new_value: np.ndarray) -> None:
        np.copyto(param._data, new_value, casting="unsafe")
        param._version_box[0] += 1

    def state_dict(self) -> dict[str, Any]:
        """PyTorch's layout: per-parameter state and groups refer to parameters by position."""
        positions: dict[int, int] = {}
        groups = []
        for group in self.param_groups:
            for param in group["params"]:
                positions.setdefault(id(param), len(positions))
            groups.append(
                {
                    **{k: v for k, v in group.items() if k != "params"},
                    "params": [positions[id(p)] for p in group["params"]],
                }
            )
        state = {
            positions[id(param)]: {
                k: Tensor._wrap(np.array(v)) if isinstance(v, np.ndarray) else v for k, v in values.items()
            }
            for param, values in self.state.items()
        }
        return {"state": state, "param_groups": groups}

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__} ("]
        for index, group in enumerate(self.param_groups):
            lines.append(f"Parameter Group {index}")
            for key in sorted(k for k in group if k != "params"):
                lines.append(f"    {key}: {group[key]}")
        return "\n".join(lines) + "\n)"


class SGD(Optimizer):
    """Stochastic gradient descent with PyTorch's momentum and Nesterov formulas."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        momentum: float = 0,
        dampening: float = 0,
        weight_decay: float = 0,
        nesterov: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        check_sgd_options(lr, momentum, dampening, weight_decay, nesterov)
        check_fused(fused, foreach, differentiable)
        super().__init__(
            params,
            {
                "lr": lr,
                "momentum": momentum,
                "dampening": dampening,
                "weight_decay": weight_decay,
                "nesterov": nesterov,
                "maximize": maximize,
                "foreach": foreach,
                "differentiable": differentiable,
                "fused": fused,
            },
        )

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        self._stepped = True  # a learning-rate scheduler stepping before this is warned about
        for group in self.param_groups:
            for param in group["params"]:
                if param._grad is None:
                    continue
                grad = param._grad._data
                if group["maximize"]:
                    grad = -grad
                if group["weight_decay"]:
                    grad = grad + group["weight_decay"] * param._data
                if group["momentum"]:
                    state = self.state.setdefault(param, {})
                    buffer = state.get("momentum_buffer")
                    if buffer is None:
                        buffer = np.array(grad, copy=True)
                    else:
                        buffer = buffer * group["momentum"] + (1 - group["dampening"]) * grad
                    state["momentum_buffer"] = buffer
                    grad = grad + group["momentum"] * buffer if group["nesterov"] else buffer
                if grad.dtype == param._data.dtype:  # speed: the same arithmetic, written in place
                    np.subtract(param._data, group["lr"] * grad, out=param._data)
                    param._version_box[0] += 1
                    continue
                self._update(param, param._data - group["lr"] * grad)
        return loss


class Adam(Optimizer):
    """Adam with bias correction (and AMSGrad); ``weight_decay`` is L2 added to the gradient."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        amsgrad: bool = False,
        *,
        foreach: bool | None = None,
        maximize: bool = False,
        capturable: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
        decoupled_weight_decay: bool = False,
    ) -> None:
        check_adam_options(lr, eps, betas, weight_decay)
        check_fused(fused, foreach, differentiable)
        super().__init__(
            params,
            {
                "lr": lr,
                "betas": betas,
                "eps": eps,
                "weight_decay": weight_decay,
                "amsgrad": amsgrad,
                "maximize": maximize,
                "foreach": foreach,
                "capturable": capturable,
                "differentiable": differentiable,
                "fused": fused,
                "decoupled_weight_decay": decoupled_weight_decay,
            },
        )

    def step(self, closure: Any = None) -> Any:
        loss = closure() if closure is not None else None
        self._stepped = True  # a learning-rate scheduler stepping before this is warned about
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for param in group["params"]:
                if param._grad is None:
                    continue
                grad = -param._grad._data if group["maximize"] else param._grad._data
                if group["weight_decay"] and group["decoupled_weight_decay"]:  # AdamW: shrink the weight
                    self._update(param, param._data * (1 - group["lr"] * group["weight_decay"]))
                elif group["weight_decay"]:
                    grad = grad + group["weight_decay"] * param._data
                state = self.state.get(param)
                if state is None:  # the first step: the averages start at 0 (made once, not every step)
                    state = self.state[param] = {
                        "step": 0,
                        "exp_avg": np.zeros_like(param._data),
                        "exp_avg_sq": np.zeros_like(param._data),
                    }
                state["step"] += 1
                state["exp_avg"] = beta1 * state["exp_avg"] + (1 - beta1) * grad
                state["exp_avg_sq"] = beta2 * state["exp_avg_sq"] + (1 - beta2) * grad * grad
                second = state["exp_avg_sq"]
                if group["amsgrad"]:
                    state["max_exp_avg_sq"] = np.maximum(state.get("max_exp_avg_sq", second), second)
                    second = state["max_exp_avg_sq"]
                correction1 = 1 - beta1 ** state["step"]
                correction2 = 1 - beta2 ** state["step"]
                denominator = np.sqrt(second) / np.sqrt(correction2) + group["eps"]
                self._update(param, param._data - group["lr"] / correction1 * state["exp_avg"] / denominator)
        return loss


# where PyTorch defines them: type(optimizer) prints <class 'torch.optim.sgd.SGD'> as there (pickle finds
# them in this module again: see engine/pickling.py)
present_as(Optimizer, "torch.optim.optimizer")
present_as(SGD, "torch.optim.sgd")
present_as(Adam, "torch.optim.adam")

from engine import lr_scheduler  # noqa: E402, F401 - torch.optim.lr_scheduler
from engine.optim_adamax import Adamax  # noqa: E402, F401 - torch.optim.Adamax
from engine.optim_extra import Adagrad, AdamW, RMSprop  # noqa: E402, F401 - torch.optim.AdamW ...
from engine.optim_nadam import NAdam  # noqa: E402, F401 - torch.optim.NAdam
