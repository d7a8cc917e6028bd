"""``tensor.backward()`` and ``torch.autograd.grad``: argument checks, then the engine's backward pass."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engine import autograd
from engine.tensor import Tensor

CREATE_GRAPH_UNSUPPORTED = "create_graph=True (higher-order gradients) is not supported by this engine"


def _as_list(values: Any) -> list:
    if values is None:
        return []
    return list(values) if isinstance(values, list | tuple) else [values]


def _root_gradient(output: Tensor, gradient: Any, position: int) -> np.ndarray:
    """The seed gradient: ones for a scalar output, else the one the caller gave."""
    if not output._requires_grad or output._grad_node() is None:  # (a view made in no_grad mode has no node)
        raise RuntimeError(f"element {position} of tensors does not require grad and does not have a grad_fn")
    if gradient is None:
        if output._data.size != 1:
            raise RuntimeError("grad can be implicitly created only for scalar outputs")
        return np.ones(output._data.shape, dtype=output._data.dtype)
    given = gradient._data if isinstance(gradient, Tensor) else np.asarray(gradient)
    if given.shape != output._data.shape:
        raise RuntimeError(
            f"Mismatch in shape: grad_output[{position}] has a shape of torch.Size({list(given.shape)}) "
            f"and output[{position}] has a shape of torch.Size({list(output._data.shape)})."
        )
    return given.astype(output._data.dtype, copy=False)


def _roots(outputs: list[Tensor], gradients: list) -> list[tuple[autograd.Node, np.ndarray]]:
    gradients = gradients or [None] * len(outputs)
    return [
        (out._grad_node(), _root_gradient(out, grad, i))
        for i, (out, grad) in enumerate(zip(outputs, gradients, strict=True))
    ]


def backward(
    tensors: Any,
    grad_tensors: Any = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    inputs: Any = None,
) -> None:
    """Accumulate the gradients of ``tensors`` into the leaves' ``.grad``."""
    if create_graph:
        raise NotImplementedError(CREATE_GRAPH_UNSUPPORTED)
    outputs = _as_list(tensors)
    roots = _roots(outputs, _as_list(grad_tensors))
    if inputs is not None:
        wanted = {x._grad_node(): x for x in _as_list(inputs)}
        captured: dict = dict.fromkeys(wanted)
        autograd.run_backward(roots, bool(retain_graph), captured)
        for node, grad in captured.items():
            if grad is not None:
                wanted[node]._store_grad(grad)
        return
    autograd.run_backward(roots, bool(retain_graph))


def grad(
    outputs: Any,
    inputs: Any,
    grad_outputs: Any = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    allow_unused: bool | None = None,
    materialize_grads: bool = False,
) -> tuple[Tensor | None, ...]:
    """The gradients of ``outputs`` with respect to ``inputs``, returned instead of stored in ``.grad``."""
    if create_graph:
        raise NotImplementedError(CREATE_GRAPH_UNSUPPORTED)
    targets: Sequence[Tensor] = _as_list(inputs)
    for target in targets:
        if not target._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    roots = _roots(_as_list(outputs), _as_list(grad_outputs))
    nodes = [target._grad_node() for target in targets]
    captured: dict = dict.fromkeys(nodes)
    autograd.run_backward(roots, bool(retain_graph), captured)
    results = []
    for target, node in zip(targets, nodes, strict=True):
        value = captured[node]
        if value is None and not (allow_unused or materialize_grads):
            raise RuntimeError(
                "One of the differentiated Tensors appears to not have been used in the graph. "
                "Set allow_unused=True if this is the desired behavior."
            )
        if value is None and materialize_grads:
            value = np.zeros_like(target._data)
        results.append(None if value is None else Tensor._wrap(np.array(value, dtype=target._data.dtype)))
    return tuple(results)
