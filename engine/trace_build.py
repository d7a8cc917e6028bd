"""Builds the trace's lists from the recorded graph: one entry per tensor, op and edge, ids by creation order.

Used by ``engine.trace_graph.trace``; kept apart so that the public entry point and its documentation
stay short. The tensor entries themselves are written by ``engine.trace_entries``.
"""

from __future__ import annotations

from typing import Any

from engine.autograd import AccumulateGrad
from engine.trace_entries import Entries
from engine.trace_names import EXPRESSION_CHARACTERS, expression, operator_label
from engine.trace_rules import RULES, rule_with_numbers

UNKNOWN_CONSTANT = "c"  # how a formula writes a number an op used when no ForwardRecorder saw it


class Builder(Entries):
    """Turns the reachable graph into the trace's lists (one pass over the nodes in creation order).

    Ids come from ordinals given at first request, so the order in which entries ask for ids is part of
    the output: the methods below ask in the order the trace's lists are built.
    """

    def __init__(self, *entries_args: Any) -> None:
        """Takes ``Entries``' arguments: names, forward recorder, lines, backward recorder."""
        super().__init__(*entries_args)
        self.ops: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.input_edges: dict[str, list[dict[str, Any] | None]] = {}  # op id -> per input: its edge or None
        self.output_of: dict[Any, Any] = {}  # node -> the tensor it made, when the trace knows it
        self.module_outputs: dict[Any, tuple[str, set]] = {}
        self.walked: set[Any] = set()  # the nodes in the trace

    def input_of(
        self, node: Any, index: int, child: Any, recorded: Any
    ) -> tuple[str | None, Any, str | None]:
        """Input ``index`` of ``node`` (made by ``child``): its tensor id, its value when the op ran, and
        its label; ``recorded`` is what the ForwardRecorder saw of ``node`` (or None)."""
        value = recorded.inputs[index] if recorded is not None and index < len(recorded.inputs) else None
        if child is None:
            source = recorded.sources[index]() if recorded is not None and recorded.sources[index] else None
            if source is not None and source in self.names:
                entry = self.leaf(source, "leaf")
                return entry["id"], value, entry["label"]
            if value is None:
                return None, None, None
            entry = self.constant(node, index, value)
            return entry["id"], value, entry["label"]  # the label is text(value)
        if isinstance(child, AccumulateGrad):
            entry = self.leaf(child.variable, "leaf")
            return entry["id"], child.variable._data if value is None else value, entry["label"]
        if child not in self.walked:  # beyond the trace's node limit
            return None, None, None
        entry = self.results[child]
        if value is None and entry["value"] is not None:
            value = entry["value"].get("value")
        return entry["id"], value, entry["label"]

    def add_node(self, node: Any) -> None:
        """An op, its output tensor and its input and output edges (inputs are already added)."""
        next_functions = node.next_functions
        recorded = self.recorded_node(node) if self.forward is not None else None
        ids, values, labels = [], [], []  # speed: one pass over the inputs for the three lists
        for index, (child, _) in enumerate(next_functions):
            tensor_id, value, label = self.input_of(node, index, child, recorded)
            ids.append(tensor_id)
            values.append(value)
            labels.append(label if tensor_id is not None else UNKNOWN_CONSTANT)
        grad_fn = type(node).__name__  # the class, as PyTorch prints it (CopySlices, not its C++ name)
        written = labels[:1] if grad_fn == "PowBackward0" else labels
        if recorded is not None:  # an input given as None (conv2d without a bias) is not written
            written = [
                label
                for label, value, known in zip(written, values, ids, strict=False)
                if known or value is not None
            ]
        written = expression(node, written, grad_fn) if None not in written else None
        if node in self.module_outputs:
            written = self.module_label(node, ids, labels) or written
        ordinal = self.ordinal(node)  # asked for after the inputs': a new leaf input is numbered first
        grad_in = self.gradients.get(node)
        output = self.result(self.output_of.get(node), node, ordinal, written, grad_in)
        op_id, output_id = output["op"], output["id"]
        rule = RULES.get(grad_fn)
        numbers = None
        if rule is not None:
            encoded = output["value"]
            out_value = encoded["value"] if encoded and "value" in encoded else None
            names = [label or UNKNOWN_CONSTANT for label in labels]
            numbers = rule_with_numbers(node, rule, names, values, output["label"] or "out", out_value)
        self.ops.append(
            {
                "id": op_id,
                "kind": "op",
                "grad_fn": grad_fn,
                "symbol": node.symbol,
                "label": operator_label(node, grad_fn),
                "rule": getattr(node, "rule", None),
                "rule_numbers": numbers,
                "inputs": ids,
                "output": output_id,
                "line": output["line"],
                "order": ordinal,
                "grad_in": grad_in,
            }
        )
        edges, walked, op_ids = self.edges, self.walked, self.op_ids
        self.input_edges[op_id] = by_input = [None] * len(ids)
        for index, tensor_id in enumerate(ids):
            if tensor_id is None:
                continue
            child = next_functions[index][0]
            grad_node = (op_ids.get(child) or self.op_id(child)) if child in walked else None
            by_input[index] = edge = {
                "id": f"e-{tensor_id}-{op_id}-{index}",
                "kind": "input",
                "source": tensor_id,
                "target": op_id,
                "index": index,
                "grad": None,
                "grad_node": grad_node,
            }
            edges.append(edge)
        edges.append(
            {
                "id": f"e-{op_id}-{output_id}",
                "kind": "output",
                "source": op_id,
                "target": output_id,
                "grad": grad_in,
            }
        )

    def module_label(self, node: Any, ids: list, labels: list) -> str | None:
        """``model(x)`` for the result of a module call: its path and the input it was given (``ids`` and
        ``labels`` of its inputs)."""
        path, members = self.module_outputs[node]
        given = [
            label
            for (child, _), tensor_id, label in zip(node.next_functions, ids, labels, strict=False)
            if tensor_id is not None and not isinstance(child, AccumulateGrad) and child not in members
        ]
        written = f"{path}({given[0]})" if given and given[0] else None
        return written if written and len(written) <= EXPRESSION_CHARACTERS else None

    def add_accumulator(self, node: AccumulateGrad) -> None:
        tensor_id = self.leaf(node.variable, "leaf")["id"]
        self.ops.append(
            {
                "id": self.op_id(node),
                "kind": "accumulate",
                "grad_fn": "AccumulateGrad",
                "symbol": node.symbol,
                "label": "AccumulateGrad",
                "tensor": tensor_id,
                "rule": "adds the arriving gradient into .grad",
                "grad_in": self.gradients.get(node),
            }
        )
