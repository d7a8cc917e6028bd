"""The recorded graph as plain data: tensors, operations, edges, the backward steps and module calls.

Use::

    with ForwardRecorder() as forward, BackwardRecorder() as steps:   # both optional
        y = x ** 2 + 2 * x + 1
        y.backward()
    data = trace([y], names={x: "x", y: "y"}, forward=forward, backward=steps)

``trace(roots, *, names, extra, backward, forward, lines, modules) -> dict`` returns JSON-ready data:

- ``tensors``: ``{id, name, label, kind, shape, dtype, value, requires_grad, is_leaf, retains_grad, grad,
  observed_grad, op, line}``. ``kind`` is ``leaf`` (a tensor without grad_fn), ``result`` (made by an op),
  ``constant`` (a number an op used, known from the ForwardRecorder) or ``no_grad`` (an ``extra`` tensor
  without a graph: computed under no_grad or never needing one). ``value``/``grad``/``observed_grad`` are
  ``trace_values.encode`` dicts; ``grad`` is ``.grad`` as PyTorch holds it, ``observed_grad`` the gradient
  of the output with respect to this tensor seen in the last backward (non-leaves too).
- ``ops``: ``{id, kind: "op", grad_fn, symbol, label, rule, rule_numbers, inputs, output, line, order,
  grad_in}`` and ``{id, kind: "accumulate", grad_fn: "AccumulateGrad", tensor, grad_in}`` for leaves.
- ``edges``: ``{id, kind: "input", source: tensor, target: op, index, grad, grad_node}`` and
  ``{id, kind: "output", source: op, target: tensor, grad}``; ``grad_node`` is the autograd-view node the
  gradient on this edge goes to (the producer's op or the leaf's AccumulateGrad).
- ``backward``: the steps of the last pass (see ``trace_steps``); ``modules``: module calls
  (``trace_modules``); ``roots``: the root tensors' ids; ``notice``: why the trace is partial, or None.

Ids come from creation order (the ForwardRecorder's ordinals, else the order of ``seq``), never from
``id()``: the same code gives the same ids, and with one ForwardRecorder a node keeps its id across frames.
``names`` maps tensors to variable names; ``lines`` maps a node's ``seq`` (or a tensor) to its source
line; ``modules`` maps variable names to ``nn.Module`` objects, whose parameters are named and grouped.
The two pictures of a trace (value graph, autograd graph) are ``engine.trace_view.view(data, kind)``;
``engine.draw`` (engine/drawing.py) and ``app.services.render`` draw them with Graphviz.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any

from engine.autograd import AccumulateGrad
from engine.tensor import Tensor
from engine.trace_build import Builder
from engine.trace_modules import describe_calls, module_calls
from engine.trace_names import module_names, names_from
from engine.trace_record import BackwardRecorder, ForwardRecorder
from engine.trace_steps import backward_steps
from engine.trace_values import collector_paused

TRACE_NODE_LIMIT = 50_000  # nodes walked at most; beyond it the trace stops and says so
_SEQ = attrgetter("seq")  # creation order of nodes
__all__ = ["BackwardRecorder", "ForwardRecorder", "trace", "names_from", "TRACE_NODE_LIMIT"]


def _walk(tensors: Iterable[Tensor]) -> tuple[list[Any], list[Any], set[Any], bool]:
    """Every node reachable from the tensors' grad_fns (iteratively): the functions, the AccumulateGrad
    nodes (in the order reached), all of them as a set, and whether the limit cut the walk."""
    seen: set[Any] = set()
    stack = [t.grad_fn for t in tensors if t.grad_fn is not None]
    functions: list[Any] = []
    accumulators: list[Any] = []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        if len(seen) >= TRACE_NODE_LIMIT:
            return functions, accumulators, seen, True
        seen.add(node)
        if isinstance(node, AccumulateGrad):
            accumulators.append(node)
            continue  # it has no inputs
        functions.append(node)
        for child, _ in node.next_functions:
            if child is not None and child not in seen:
                stack.append(child)
    return functions, accumulators, seen, False


def trace(
    roots: Iterable[Tensor] = (),
    *,
    names: Mapping[Tensor, str] | None = None,
    extra: Iterable[Tensor] = (),
    backward: BackwardRecorder | None = None,
    forward: ForwardRecorder | None = None,
    lines: Mapping[Any, int] | None = None,
    modules: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The graph reachable from ``roots`` (plus ``extra`` tensors) as JSON-ready data; see the module doc."""
    with collector_paused():
        return _trace(list(roots), list(extra), names, backward, forward, lines, modules)


def _trace(
    roots: list,
    extra: list,
    names: Mapping | None,
    backward: BackwardRecorder | None,
    forward: ForwardRecorder | None,
    lines: Mapping | None,
    modules: Mapping | None,
) -> dict[str, Any]:
    if modules:
        module_named, owners = module_names(modules)
        names = {**module_named, **names} if names else module_named
    else:
        names, owners = dict(names or {}), {}
    builder = Builder(names, forward, lines, backward)
    functions, accumulators, builder.walked, truncated = _walk(roots + extra)
    functions.sort(key=_SEQ)
    output_of = builder.output_of
    for tensor in itertools.chain(roots, extra, names):
        if tensor.grad_fn is not None:
            output_of.setdefault(tensor.grad_fn, tensor)
    _input_shapes(functions, builder.shape_of)
    calls, builder.module_outputs = module_calls(functions, owners)
    for node in functions:
        builder.add_node(node)
    for node in accumulators:
        builder.add_accumulator(node)
    for tensor in itertools.chain(roots, extra):
        if tensor.grad_fn is None:
            builder.leaf(tensor, "leaf" if tensor._requires_grad else "no_grad")
    steps = backward_steps(backward, builder) if backward is not None else []
    return {
        "version": 1,
        "roots": [
            builder.result_id(t.grad_fn) if t.grad_fn is not None else builder.tensor_id(t) for t in roots
        ],
        "tensors": builder.tensors_in_order(),
        "ops": builder.ops,
        "edges": builder.edges,
        "backward": steps,
        "modules": describe_calls(calls, builder.op_id, builder.tensor_id),
        "notice": f"The graph has more than {TRACE_NODE_LIMIT} nodes; only part of it is shown."
        if truncated
        else None,
    }


def _input_shapes(functions: list, shape_of: dict[Any, tuple | None]) -> None:
    """Each node's output (shape, dtype) as the ops that use it saw it (None when none recorded it)."""
    for node in functions:
        metas = node.input_meta
        edges = node.next_functions
        if len(metas) < len(edges):  # inputs without a recorded meta count as None
            metas = (*metas, *[None] * (len(edges) - len(metas)))
        for (child, _), meta in zip(edges, metas, strict=False):
            if child is None:
                continue
            if meta is not None:
                shape_of[child] = meta  # the last use decides, as the ops are in creation order
            elif child not in shape_of:
                shape_of[child] = None
