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
    """The latest backward pass over the traced graph, in the order the engine ran it; fills each input
    edge's ``grad`` on the way: what its op sent back along it."""
    in_graph = {op["id"] for op in builder.ops}
    input_edges, encode, op_id, op_ids = builder.input_edges, builder.encode, builder.op_id, builder.op_ids
    pending: dict[str, list[dict[str, Any]]] = {}
    steps: list[dict[str, Any]] = []
    for step, grad_in in zip(backward.steps, builder.step_grads, strict=True):
        node = step.node
        # asked for every step, in order: an id is numbered when first asked for
        node_id = op_ids.get(node) or op_id(node)
        if node_id not in in_graph:
            continue
        sends = []
        edges = input_edges.get(node_id, ())  # per input: its edge, or None when it has none
        for edge, grad in zip(edges, step.grads_out, strict=False):
            if edge is None:
                continue
            # a later step of the same node would overwrite it
            sent = edge["grad"] = encode(grad) if grad is not None else None
            to = edge["grad_node"]
            if sent is None or to is None:
                continue
            sends.append({"edge": edge["id"], "to": to, "index": edge["index"], "grad": sent})
            arrival = {"edge": edge["id"], "from": node_id, "grad": sent}
            waiting = pending.get(to)
            if waiting is None:
                pending[to] = [arrival]
            else:
                waiting.append(arrival)
        accumulate = None
        if step.after is not None:
            accumulate = {
                "tensor": builder.tensor_id(node.variable),
                "before": encode(step.before) if step.before is not None else None,
                "after": encode(step.after),
            }
        steps.append(
            {
                "index": len(steps),
                "node": node_id,
                "grad_fn": type(node).__name__,  # AccumulateGrad's name() is PyTorch's C++ one
                "grad_in": grad_in,
                "seed": not steps,
                "arrivals": pending.pop(node_id, []),
                "sends": sends,
                "accumulate": accumulate,
            }
        )
    return steps
