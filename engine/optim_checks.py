"""The optimizers' refusals of bad options, in PyTorch's words: ``Invalid learning rate: -1``."""

from __future__ import annotations


def check_not_negative(name: str, value: float, wording: str = "value") -> None:
    """PyTorch's refusal of a negative option: ``Invalid learning rate: -1.0``."""
    if not 0.0 <= value:
        raise ValueError(f"Invalid {name} {wording}: {value}")


def check_adam_options(lr: float, eps: float, betas: tuple[float, float], weight_decay: float) -> None:
    """The options the Adam family checks, in PyTorch's order and words."""
    check_not_negative("learning", lr, "rate")
    check_not_negative("epsilon", eps)
    for index, beta in enumerate(betas):
        if not 0.0 <= beta < 1.0:
            raise ValueError(f"Invalid beta parameter at index {index}: {beta}")
    check_not_negative("weight_decay", weight_decay)


def check_sgd_options(
    lr: float, momentum: float, dampening: float, weight_decay: float, nesterov: bool
) -> None:
    """What SGD checks, in PyTorch's order and words."""
    check_not_negative("learning", lr, "rate")
    check_not_negative("momentum", momentum)
    check_not_negative("weight_decay", weight_decay)
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")


def check_fused(fused: bool | None, foreach: bool | None, differentiable: bool) -> None:
    """What the optimizers with a fused kernel refuse (after their options), in PyTorch's words. The engine
    has one implementation; the flags only describe PyTorch's."""
    if fused and differentiable:
        raise RuntimeError("`fused` does not support `differentiable`")
    if fused and foreach:
        raise RuntimeError("`fused` and `foreach` cannot be `True` together.")
