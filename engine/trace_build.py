"""Builds the trace's lists from the recorded graph: one entry per tensor, op and edge, ids by creation order.

Used by ``engine.trace.trace``; kept apart so that the public entry point and its documentation stay short.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from engine.autograd import AccumulateGrad
from engine.tensor import Tensor
from engine.trace_names import EXPRESSION_CHARACTERS, expression, operator_label
from engine.trace_record import BackwardRecorder, ForwardRecorder
from engine.trace_rules import rule_with_numbers
from engine.trace_values import encode, text

UNKNOWN_CONSTANT = "c"  # how a formula writes a number an op used when no ForwardRecorder saw it


class Builder:
    """Turns the reachable graph into the trace's lists (one pass over the nodes in creation order)."""

    def __init__(
        self,
        names: Mapping,
        forward: ForwardRecorder | None,
        lines: Mapping | None,
        backward: BackwardRecorder | None,
    ) -> None:
        self.names, self.forward, self.lines = names, forward, lines or {}
        self.gradients = backward.gradients() if backward is not None else {}
        self.counter = itertools.count()
        self.ordinals: dict[int, int] = {}
        self.tensors: dict[str, dict[str, Any]] = {}
        self.ops: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.output_of: dict[Any, Tensor] = {}
        self.shape_of: dict[Any, tuple] = {}
        self.module_outputs: dict[Any, tuple[str, set]] = {}
        self.walked: set[Any] = set()  # the nodes in the trace
        self.encoded: dict[int, tuple[Any, Any]] = {}  # id(array) -> (array, its encoding)

    def encode(self, array: Any) -> dict[str, Any] | None:
        """``trace_values.encode``, once per array: one gradient appears on a node, its edges and its step."""
        if array is None:
            return None
        known = self.encoded.get(id(array))
        if known is None or known[0] is not array:
            known = self.encoded[id(array)] = (array, encode(array))
        return known[1]

    # -- ids --------------------------------------------------------------------------------------
    def ordinal(self, item: Any) -> int:
        if self.forward is not None:
            return self.forward.ordinal(item, create=True)
        if id(item) not in self.ordinals:
            self.ordinals[id(item)] = next(self.counter)
        return self.ordinals[id(item)]

    def tensor_id(self, tensor: Tensor) -> str:
        return f"t{self.ordinal(tensor)}"

    def op_id(self, node: Any) -> str:
        return (
            f"acc{self.ordinal(node.variable)}"
            if isinstance(node, AccumulateGrad)
            else f"op{self.ordinal(node)}"
        )

    def result_id(self, node: Any) -> str:
        return f"t{self.ordinal(node)}"

    # -- entries ----------------------------------------------------------------------------------
    def add_tensor(
        self,
        tensor: Tensor | None,
        node: Any = None,
        kind: str = "leaf",
        array: Any = None,
        label: str | None = None,
    ) -> str:
        """A tensor entry (once per id); ``node`` is the op that made it, when it was made by one."""
        tensor_id = self.result_id(node) if node is not None else self.tensor_id(tensor)
        if tensor_id in self.tensors:
            return tensor_id
        if tensor is not None:
            array = tensor._data
        recorded = self.forward.node(node) if self.forward is not None and node is not None else None
        if array is None and recorded is not None:
            array = recorded.output
        name = self.names.get(tensor) if tensor is not None else None
        grad_node = (
            node
            if node is not None
            else (tensor._accumulator() if tensor is not None and tensor._accumulator is not None else None)
        )
        shape = list(array.shape) if array is not None else list(self.shape_of.get(node, ((), None))[0])
        dtype = array.dtype if array is not None else self.shape_of.get(node, ((), None))[1]
        self.tensors[tensor_id] = {
            "id": tensor_id,
            "name": name,
            "label": name or label,
            "kind": kind,
            "shape": shape,
            "dtype": None if dtype is None else str(dtype),
            "value": self.encode(array),
            "requires_grad": tensor._requires_grad if tensor is not None else kind == "result",
            "is_leaf": node is None,
            "retains_grad": bool(tensor is not None and tensor._retains_grad),
            "grad": self.encode(tensor._grad._data)
            if tensor is not None and tensor._grad is not None
            else None,
            "observed_grad": self.encode(self.gradients.get(grad_node)) if grad_node is not None else None,
            "op": self.op_id(node) if node is not None else None,
            "line": self._line(tensor, node),
        }
        return tensor_id

    def _line(self, tensor: Tensor | None, node: Any) -> int | None:
        if tensor is not None and tensor in self.lines:
            return self.lines[tensor]
        if node is not None:
            if node.seq in self.lines:
                return self.lines[node.seq]
            recorded = self.forward.node(node) if self.forward is not None else None
            return recorded.line if recorded is not None else None
        return None

    def input_of(self, node: Any, index: int) -> tuple[str | None, Any, str | None]:
        """Input ``index`` of ``node``: its tensor id, its value when the op ran, and its label."""
        child = node.next_functions[index][0]
        recorded = self.forward.node(node) if self.forward is not None else None
        value = recorded.inputs[index] if recorded is not None and index < len(recorded.inputs) else None
        if child is None:
            source = recorded.sources[index]() if recorded is not None and recorded.sources[index] else None
            if source is not None and source in self.names:
                tensor_id = self.add_tensor(source, kind="leaf")
                return tensor_id, value, self.tensors[tensor_id]["label"]
            if value is None:
                return None, None, None
            entry_id = f"{self.result_id(node)}c{index}"
            self.tensors.setdefault(entry_id, {**_constant(entry_id, value), "line": self._line(None, node)})
            return entry_id, value, text(value)
        if isinstance(child, AccumulateGrad):
            tensor_id = self.add_tensor(child.variable)
            leaf_value = child.variable._data if value is None else value
            return tensor_id, leaf_value, self.tensors[tensor_id]["label"]
        if child not in self.walked:  # beyond the trace's node limit
            return None, None, None
        tensor_id = self.result_id(child)
        if value is None and self.tensors[tensor_id]["value"] is not None:
            value = self.tensors[tensor_id]["value"].get("value")
        return tensor_id, value, self.tensors[tensor_id]["label"]

    def add_node(self, node: Any) -> None:
        """An op, its output tensor and its input and output edges (inputs are already added)."""
        inputs = [self.input_of(node, index) for index in range(len(node.next_functions))]
        labels = [label if tensor_id is not None else UNKNOWN_CONSTANT for tensor_id, _, label in inputs]
        if node.name() == "PowBackward0":
            labels = labels[:1]
        written = expression(node, labels) if None not in labels else None
        if node in self.module_outputs:
            written = self.module_label(node, inputs) or written
        output_id = self.add_tensor(self.output_of.get(node), node, "result", label=written)
        output = self.tensors[output_id]
        op_id = self.op_id(node)
        names = [label or UNKNOWN_CONSTANT for _, _, label in inputs]
        out_value = output["value"]["value"] if output["value"] and "value" in output["value"] else None
        numbers = rule_with_numbers(
            node, names, [value for _, value, _ in inputs], output["label"] or "out", out_value
        )
        self.ops.append(
            {
                "id": op_id,
                "kind": "op",
                "grad_fn": node.name(),
                "symbol": node.symbol,
                "label": operator_label(node),
                "rule": getattr(node, "rule", None),
                "rule_numbers": numbers,
                "inputs": [tensor_id for tensor_id, _, _ in inputs],
                "output": output_id,
                "line": output["line"],
                "order": self.ordinal(node),
                "grad_in": self.encode(self.gradients.get(node)),
            }
        )
        for index, (tensor_id, _, _) in enumerate(inputs):
            if tensor_id is None:
                continue
            child = node.next_functions[index][0]
            self.edges.append(
                {
                    "id": f"e-{tensor_id}-{op_id}-{index}",
                    "kind": "input",
                    "source": tensor_id,
                    "target": op_id,
                    "index": index,
                    "grad": None,
                    "grad_node": self.op_id(child) if child in self.walked else None,
                }
            )
        self.edges.append(
            {
                "id": f"e-{op_id}-{output_id}",
                "kind": "output",
                "source": op_id,
                "target": output_id,
                "grad": self.encode(self.gradients.get(node)),
            }
        )

    def module_label(self, node: Any, inputs: list) -> str | None:
        """``model(x)`` for the result of a module call: its path and the input it was given."""
        path, members = self.module_outputs[node]
        given = [
            label
            for (child, _), (tensor_id, _, label) in zip(node.next_functions, inputs, strict=False)
            if tensor_id is not None and not isinstance(child, AccumulateGrad) and child not in members
        ]
        written = f"{path}({given[0]})" if given and given[0] else None
        return written if written and len(written) <= EXPRESSION_CHARACTERS else None

    def add_accumulator(self, node: AccumulateGrad) -> None:
        tensor_id = self.add_tensor(node.variable)
        self.ops.append(
            {
                "id": self.op_id(node),
                "kind": "accumulate",
                "grad_fn": "AccumulateGrad",
                "symbol": node.symbol,
                "label": "AccumulateGrad",
                "tensor": tensor_id,
                "rule": "adds the arriving gradient into .grad",
                "grad_in": self.encode(self.gradients.get(node)),
            }
        )


def _constant(entry_id: str, value: Any) -> dict[str, Any]:
    """A number an op used (``2`` in ``2 * x``): a value without a graph."""
    encoded = encode(value)
    return {
        "id": entry_id,
        "name": None,
        "label": encoded["text"],
        "kind": "constant",
        "shape": encoded["shape"],
        "dtype": None,
        "value": encoded,
        "requires_grad": False,
        "is_leaf": True,
        "retains_grad": False,
        "grad": None,
        "observed_grad": None,
        "op": None,
    }
