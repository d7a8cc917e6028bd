"""The backward pass as data: ordered steps for a step-by-step animation, and the gradient on each edge.

A step is ``{index, node, grad_fn, grad_in, seed, arrivals, sends, accumulate}``: the node backward ran,
the gradient that reached it (``seed`` for the one ``.backward()`` started with), the gradients that
arrived along each edge and were summed into it, what it sent along each edge, and for an AccumulateGrad
the leaf's ``.grad`` before and after (``before`` is None when ``.grad`` was None).
"""

from __future__ import annotations

from typing import Any

from engine.trace_record import BackwardRecorder


def backward_steps(backward: BackwardRecorder, builder: Any) -> list[dict[str, Any]]:
    """The latest backward pass over the traced graph, in the order the engine ran it."""
    in_graph = {op["id"] for op in builder.ops}
    edge_at = {(edge["target"], edge["index"]): edge for edge in builder.edges if edge["kind"] == "input"}
    encode, op_id = builder.encode, builder.op_id
    pending: dict[str, list[dict[str, Any]]] = {}
    steps: list[dict[str, Any]] = []
    for step in backward.steps:
        node = step.node
        node_id = op_id(node)  # asked for every step, in order: an id is numbered when first asked for
        if node_id not in in_graph:
            continue
        sends = []
        for index, grad in enumerate(step.grads_out):
            if grad is None:
                continue
            edge = edge_at.get((node_id, index))
            if edge is None or edge["grad_node"] is None:
                continue
            sent = {"edge": edge["id"], "to": edge["grad_node"], "index": index, "grad": encode(grad)}
            sends.append(sent)
            pending.setdefault(edge["grad_node"], []).append(
                {"edge": edge["id"], "from": node_id, "grad": sent["grad"]}
            )
        accumulate = None
        if step.after is not None:
            accumulate = {
                "tensor": builder.tensor_id(node.variable),
                "before": encode(step.before),
                "after": encode(step.after),
            }
        steps.append(
            {
                "index": len(steps),
                "node": node_id,
                "grad_fn": node.name(),
                "grad_in": encode(step.grad_in),
                "seed": not steps,
                "arrivals": pending.pop(node_id, []),
                "sends": sends,
                "accumulate": accumulate,
            }
        )
    return steps


def edge_gradients(edges: list[dict[str, Any]], backward: BackwardRecorder | None, builder: Any) -> None:
    """Fill each input edge's ``grad``: what its op sent back along it in the latest pass."""
    if backward is None:
        return
    op_id = builder.op_id
    step_of = {op_id(step.node): step for step in backward.steps}
    for edge in edges:
        if edge["kind"] != "input":
            continue
        step = step_of.get(edge["target"])
        if step is not None and edge["index"] < len(step.grads_out):
            edge["grad"] = builder.encode(step.grads_out[edge["index"]])
