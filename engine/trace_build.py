"""Builds the trace's lists from the recorded graph: one entry per tensor, op and edge, ids by creation order.

Used by ``engine.trace.trace``; kept apart so that the public entry point and its documentation stay short.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.autograd import AccumulateGrad
from engine.tensor import Tensor
from engine.trace_names import EXPRESSION_CHARACTERS, expression, operator_label
from engine.trace_record import BackwardRecorder, ForwardRecorder, Recorded
from engine.trace_rules import rule_with_numbers
from engine.trace_values import Encodings, dtype_name, encode

UNKNOWN_CONSTANT = "c"  # how a formula writes a number an op used when no ForwardRecorder saw it


class Builder:
    """Turns the reachable graph into the trace's lists (one pass over the nodes in creation order).

    Ids come from ordinals given at first request, so the order in which entries ask for ids is part of
    the output: the methods below ask in the order the trace's lists are built.
    """

    def __init__(
        self,
        names: Mapping,
        forward: ForwardRecorder | None,
        lines: Mapping | None,
        backward: BackwardRecorder | None,
    ) -> None:
        self.names, self.forward, self.lines = names, forward, lines or {}
        self.gradients = backward.gradients() if backward is not None else {}
        self.ordinals: dict[int, int] = {}  # id(item) -> ordinal, when there is no ForwardRecorder
        self.tensors: dict[str, dict[str, Any]] = {}
        self.tensor_order: list[tuple[int, str]] = []  # (ordinal, id) per entry: creation order when sorted
        self.ops: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.output_of: dict[Any, Tensor] = {}
        self.shape_of: dict[Any, tuple] = {}
        self.module_outputs: dict[Any, tuple[str, set]] = {}
        self.walked: set[Any] = set()  # the nodes in the trace
        self.encode = Encodings().encode  # trace_values.encode, once per array (and per equal small ones)
        self.op_ids: dict[Any, str] = {}  # node -> its op id (asked for by its edges and steps again)
        self.recorded: dict[Any, Recorded | None] = {}  # node -> what the ForwardRecorder saw

    def recorded_node(self, node: Any) -> Recorded | None:
        """What the ForwardRecorder saw of ``node`` (None without a recorder), looked up once."""
        if self.forward is None:
            return None
        if node in self.recorded:
            return self.recorded[node]
        found = self.recorded[node] = self.forward.node(node)
        return found

    # -- ids --------------------------------------------------------------------------------------
    def ordinal(self, item: Any) -> int:
        if self.forward is not None:
            return self.forward.ordinal(item, create=True)
        ordinals, key = self.ordinals, id(item)
        found = ordinals.get(key)
        if found is None:
            found = ordinals[key] = len(ordinals)  # the next number: one per item seen so far
        return found

    def tensor_id(self, tensor: Tensor) -> str:
        return f"t{self.ordinal(tensor)}"

    def op_id(self, node: Any) -> str:
        found = self.op_ids.get(node)
        if found is None:
            found = self.op_ids[node] = (
                f"acc{self.ordinal(node.variable)}"
                if isinstance(node, AccumulateGrad)
                else f"op{self.ordinal(node)}"
            )
        return found

    def result_id(self, node: Any) -> str:
        return f"t{self.ordinal(node)}"

    def tensors_in_order(self) -> list[dict[str, Any]]:
        """The tensor entries in creation order: by ordinal, an op's result before its constants."""
        tensors = self.tensors
        return [tensors[tensor_id] for _, tensor_id in sorted(self.tensor_order)]

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
        ordinal = self.ordinal(node if node is not None else tensor)
        tensor_id = f"t{ordinal}"
        if tensor_id in self.tensors:
            return tensor_id
        self.tensor_order.append((ordinal, tensor_id))
        if tensor is not None:
            array = tensor._data
        if array is None and node is not None:
            recorded = self.recorded_node(node)
            if recorded is not None:
                array = recorded.output
        if array is not None:
            shape, dtype = array.shape, array.dtype
        else:
            meta = self.shape_of.get(node, ((), None))
            shape, dtype = meta[0], meta[1]
        if tensor is None:
            name = grad = None
            grad_node = node
            requires_grad, retains_grad = kind == "result", False
        else:
            name = self.names.get(tensor)
            grad = tensor._grad
            grad_node = node if node is not None or tensor._accumulator is None else tensor._accumulator()
            requires_grad, retains_grad = tensor._requires_grad, bool(tensor._retains_grad)
        self.tensors[tensor_id] = {
            "id": tensor_id,
            "name": name,
            "label": name or label,
            "kind": kind,
            "shape": list(shape),
            "dtype": None if dtype is None else dtype_name(dtype),
            "value": self.encode(array),
            "requires_grad": requires_grad,
            "is_leaf": node is None,
            "retains_grad": retains_grad,
            "grad": self.encode(grad._data) if grad is not None else None,
            "observed_grad": self.encode(self.gradients.get(grad_node)) if grad_node is not None else None,
            "op": self.op_id(node) if node is not None else None,
            "line": self._line(tensor, node) if self.lines or self.forward is not None else None,
        }
        return tensor_id

    def _line(self, tensor: Tensor | None, node: Any) -> int | None:
        lines = self.lines
        if lines:  # speed: most traces have no lines at all
            if tensor is not None and tensor in lines:
                return lines[tensor]
            if node is not None and node.seq in lines:
                return lines[node.seq]
        recorded = self.recorded_node(node) if node is not None else None
        return recorded.line if recorded is not None else None

    def input_of(self, node: Any, index: int) -> tuple[str | None, Any, str | None]:
        """Input ``index`` of ``node``: its tensor id, its value when the op ran, and its label."""
        child = node.next_functions[index][0]
        recorded = self.recorded_node(node) if self.forward is not None else None
        value = recorded.inputs[index] if recorded is not None and index < len(recorded.inputs) else None
        if child is None:
            source = recorded.sources[index]() if recorded is not None and recorded.sources[index] else None
            if source is not None and source in self.names:
                tensor_id = self.add_tensor(source, kind="leaf")
                return tensor_id, value, self.tensors[tensor_id]["label"]
            if value is None:
                return None, None, None
            ordinal = self.ordinal(node)
            entry_id = f"t{ordinal}c{index}"  # after its op's result
            if entry_id not in self.tensors:
                self.tensors[entry_id] = {**_constant(entry_id, value), "line": self._line(None, node)}
                self.tensor_order.append((ordinal, entry_id))
            return entry_id, value, self.tensors[entry_id]["label"]  # the label is text(value)
        if isinstance(child, AccumulateGrad):
            tensor_id = self.add_tensor(child.variable)
            leaf_value = child.variable._data if value is None else value
            return tensor_id, leaf_value, self.tensors[tensor_id]["label"]
        if child not in self.walked:  # beyond the trace's node limit
            return None, None, None
        entry = self.tensors[self.result_id(child)]
        if value is None and entry["value"] is not None:
            value = entry["value"].get("value")
        return entry["id"], value, entry["label"]

    def add_node(self, node: Any) -> None:
        """An op, its output tensor and its input and output edges (inputs are already added)."""
        next_functions = node.next_functions
        inputs = [self.input_of(node, index) for index in range(len(next_functions))]
        ids, values, labels, names = [], [], [], []  # speed: one pass over the inputs for the four lists
        for tensor_id, value, label in inputs:
            ids.append(tensor_id)
            values.append(value)
            labels.append(label if tensor_id is not None else UNKNOWN_CONSTANT)
            names.append(label or UNKNOWN_CONSTANT)
        grad_fn = node.name()
        if grad_fn == "PowBackward0":
            labels = labels[:1]
        written = expression(node, labels) if None not in labels else None
        if node in self.module_outputs:
            written = self.module_label(node, inputs) or written
        output_id = self.add_tensor(self.output_of.get(node), node, "result", label=written)
        output = self.tensors[output_id]
        op_id = self.op_id(node)
        encoded = output["value"]
        out_value = encoded["value"] if encoded and "value" in encoded else None
        numbers = rule_with_numbers(node, names, values, output["label"] or "out", out_value)
        grad_in = self.encode(self.gradients.get(node))
        self.ops.append(
            {
                "id": op_id,
                "kind": "op",
                "grad_fn": grad_fn,
                "symbol": node.symbol,
                "label": operator_label(node),
                "rule": getattr(node, "rule", None),
                "rule_numbers": numbers,
                "inputs": ids,
                "output": output_id,
                "line": output["line"],
                "order": self.ordinal(node),
                "grad_in": grad_in,
            }
        )
        edges, walked = self.edges, self.walked
        for index, (tensor_id, _, _) in enumerate(inputs):
            if tensor_id is None:
                continue
            child = next_functions[index][0]
            edges.append(
                {
                    "id": f"e-{tensor_id}-{op_id}-{index}",
                    "kind": "input",
                    "source": tensor_id,
                    "target": op_id,
                    "index": index,
                    "grad": None,
                    "grad_node": self.op_id(child) if child in walked else None,
                }
            )
        edges.append(
            {
                "id": f"e-{op_id}-{output_id}",
                "kind": "output",
                "source": op_id,
                "target": output_id,
                "grad": grad_in,
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
