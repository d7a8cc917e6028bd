"""The trace's ids and tensor entries: ordinals by first request, and one entry per leaf, result and constant.

The base of ``engine.trace_build.Builder``. Without a ForwardRecorder an id is numbered when first asked
for, so the order of the requests is part of the output; with one, ids are the recorder's ordinals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from engine.autograd import AccumulateGrad
from engine.trace_record import BackwardRecorder, ForwardRecorder, Recorded
from engine.trace_values import Encodings, dtype_name, encode

_NO_META = ((), None)  # (shape, dtype) of a result that no op recorded and no tensor holds


class Entries:
    """Ids and tensor entries of one trace; each array is encoded once (``trace_values.Encodings``)."""

    def __init__(
        self,
        names: Mapping,
        forward: ForwardRecorder | None,
        lines: Mapping | None,
        backward: BackwardRecorder | None,
    ) -> None:
        self.names, self.forward, self.lines = names, forward, lines or {}
        self.with_lines = bool(lines) or forward is not None  # speed: most traces have no lines at all
        self.encode = encode_once = Encodings().encode  # trace_values.encode, once per array
        steps = backward.steps if backward is not None else ()
        self.step_grads = grads = [encode_once(step.grad_in) for step in steps]  # per step: its gradient
        # node -> the encoded gradient that arrived at it in the latest pass (∂output/∂ its tensor)
        self.gradients: dict[Any, Any] = dict(zip([step.node for step in steps], grads, strict=True))
        # the creation ordinal of a node or tensor (a function of it, not a method: no cycle through self,
        # so the builder and all it holds are freed as soon as the trace is made, without the collector)
        self.ordinal = _first_request_ordinals() if forward is None else partial(forward.ordinal, create=True)
        self.tensors: dict[str, dict[str, Any]] = {}
        self.tensor_order: list[tuple[int, str]] = []  # (ordinal, id) per entry: creation order when sorted
        self.results: dict[Any, dict[str, Any]] = {}  # node -> the entry of the tensor it made
        self.leaves: dict[Any, dict[str, Any]] = {}  # tensor -> its entry, for a tensor no op made
        self.shape_of: dict[Any, tuple | None] = {}  # node -> its output's (shape, dtype) as its users saw it
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
    def tensor_id(self, tensor: Any) -> str:
        entry = self.leaves.get(tensor)  # speed: a leaf's id is asked for again by steps and modules
        return entry["id"] if entry is not None else f"t{self.ordinal(tensor)}"

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
    def leaf(self, tensor: Any, kind: str) -> dict[str, Any]:
        """The entry of a tensor no op of the trace made (once per id): ``leaf`` or ``no_grad``."""
        entry = self.leaves.get(tensor)
        if entry is not None:
            return entry
        ordinal = self.ordinal(tensor)
        tensor_id = f"t{ordinal}"
        entry = self.tensors.get(tensor_id)
        if entry is not None:
            return entry
        self.tensor_order.append((ordinal, tensor_id))
        array, grad, name = tensor._data, tensor._grad, self.names.get(tensor)
        accumulator = tensor._accumulator() if tensor._accumulator is not None else None
        entry = self.tensors[tensor_id] = self.leaves[tensor] = {
            "id": tensor_id,
            "name": name,
            "label": name or None,
            "kind": kind,
            "shape": list(array.shape),
            "dtype": dtype_name(array.dtype),
            "value": self.encode(array),
            "requires_grad": tensor._requires_grad,
            "is_leaf": True,
            "retains_grad": bool(tensor._retains_grad),
            "grad": self.encode(grad._data) if grad is not None else None,
            "observed_grad": self.gradients.get(accumulator) if accumulator is not None else None,
            "op": None,
            "line": self._line(tensor, None) if self.with_lines else None,
        }
        return entry

    def result(self, tensor: Any, node: Any, ordinal: int, label: str | None, grad_in: Any) -> dict[str, Any]:
        """The entry of the tensor ``node`` made (``tensor`` when the trace knows it), numbered ``ordinal``;
        ``grad_in`` is the encoded gradient that arrived at ``node``."""
        tensor_id = f"t{ordinal}"
        entry = self.tensors.get(tensor_id)
        if entry is not None:
            return entry
        self.tensor_order.append((ordinal, tensor_id))
        array = None
        if tensor is not None:
            array = tensor._data
        elif self.forward is not None:
            recorded = self.recorded_node(node)
            if recorded is not None:
                array = recorded.output
        if array is not None:
            shape, dtype = array.shape, array.dtype
        else:
            meta = self.shape_of.get(node, _NO_META)
            shape, dtype = meta[0], meta[1]
        if tensor is None:
            name = grad = None
            requires_grad, retains_grad = True, False
        else:
            name, grad = self.names.get(tensor), tensor._grad
            requires_grad, retains_grad = tensor._requires_grad, bool(tensor._retains_grad)
        op_id = self.op_ids[node] = f"op{ordinal}"
        entry = self.tensors[tensor_id] = self.results[node] = {
            "id": tensor_id,
            "name": name,
            "label": name or label,
            "kind": "result",
            "shape": list(shape),
            "dtype": None if dtype is None else dtype_name(dtype),
            "value": self.encode(array),
            "requires_grad": requires_grad,
            "is_leaf": False,
            "retains_grad": retains_grad,
            "grad": self.encode(grad._data) if grad is not None else None,
            "observed_grad": grad_in,
            "op": op_id,
            "line": self._line(tensor, node) if self.with_lines else None,
        }
        return entry

    def constant(self, node: Any, index: int, value: Any) -> dict[str, Any]:
        """The entry of a number ``node`` used as input ``index`` (``2`` in ``2 * x``): a value without a
        graph, numbered after the op's result."""
        ordinal = self.ordinal(node)
        entry_id = f"t{ordinal}c{index}"
        entry = self.tensors.get(entry_id)
        if entry is None:
            encoded = encode(value)
            entry = self.tensors[entry_id] = {
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
                "line": self._line(None, node),
            }
            self.tensor_order.append((ordinal, entry_id))
        return entry

    def _line(self, tensor: Any, node: Any) -> int | None:
        lines = self.lines
        if lines:
            if tensor is not None and tensor in lines:
                return lines[tensor]
            if node is not None and node.seq in lines:
                return lines[node.seq]
        recorded = self.recorded_node(node) if node is not None else None
        return recorded.line if recorded is not None else None


def _first_request_ordinals() -> Callable[[Any], int]:
    """Ordinals without a ForwardRecorder: each item gets the next number when first asked for."""
    ordinals: dict[int, int] = {}  # id(item) -> ordinal; the items outlive the trace being made

    def ordinal(item: Any) -> int:
        key = id(item)
        found = ordinals.get(key)
        if found is None:
            found = ordinals[key] = len(ordinals)  # the next number: one per item seen so far
        return found

    return ordinal
