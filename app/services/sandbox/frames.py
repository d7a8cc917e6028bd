"""Teaching output: a graph frame after each ``.backward()`` and at the end; an event per optimizer step."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from typing import Any

import engine
from app import config
from app.services.sandbox.answer import EncodedGraph
from app.services.sandbox.budgets import Budget
from engine.trace_graph import BackwardRecorder, ForwardRecorder, trace

Emit = Callable[[dict[str, Any]], None]


def _namespace_objects(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The variables the graph can name: tensors and modules."""
    return {
        name: value
        for name, value in namespace.items()
        if isinstance(value, (engine.Tensor, engine.nn.Module)) and not name.startswith("_")
    }


def _graph_size(tensors: list[engine.Tensor], limit: int) -> int:
    """Nodes of the recorded graph reachable from ``tensors``, counted up to just over ``limit``."""
    seen: set[int] = set()
    pending = [tensor.grad_fn for tensor in tensors if tensor.grad_fn is not None]
    while pending and len(seen) <= limit:
        node = pending.pop()
        if id(node) not in seen:
            seen.add(id(node))
            pending.extend(child for child, _ in node.next_functions if child is not None)
    return len(seen)


class TensorLines(Mapping):
    """tensor -> the line that made it, by identity and without keeping tensors alive.

    (A WeakKeyDictionary would compare tensors with ``==``, which is elementwise for tensors.)
    """

    def __init__(self) -> None:
        self.entries: dict[int, tuple[weakref.ref, int]] = {}

    def add(self, tensor: engine.Tensor, line: int) -> None:
        """Remember the line that made ``tensor`` (the first time it is seen)."""
        key = id(tensor)
        if key in self.entries and self.entries[key][0]() is tensor:
            return

        def forget(reference: weakref.ref, key: int = key) -> None:
            entry = self.entries.get(key)
            if entry is not None and entry[0] is reference:
                del self.entries[key]

        self.entries[key] = (weakref.ref(tensor, forget), line)

    def __getitem__(self, tensor: Any) -> int:
        entry = self.entries.get(id(tensor))
        if entry is None or entry[0]() is not tensor:
            raise KeyError(tensor)
        return entry[1]

    def __contains__(self, tensor: object) -> bool:
        entry = self.entries.get(id(tensor))
        return entry is not None and entry[0]() is tensor

    def __iter__(self):
        return (entry[0]() for entry in list(self.entries.values()) if entry[0]() is not None)

    def __len__(self) -> int:
        return len(self.entries)


class FrameRecorder:
    """Records the run's forward ops (with their source lines) and backward passes; builds the frames."""

    def __init__(self, emit: Emit, budget: Budget) -> None:
        self.emit, self.budget = emit, budget
        self.frames: list[dict[str, Any]] = []
        self.backward_calls = 0
        self.optimizer_steps = 0
        self.last_loss: float | None = None
        self.forward = ForwardRecorder()
        self.backward = BackwardRecorder()
        self.tensor_lines = TensorLines()
        self.frame_bytes = 0
        self._left_out: list[tuple[str, int | None]] = []  # (label, line) of each frame left out

    def __enter__(self) -> FrameRecorder:
        self.forward.__enter__()
        self.backward.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.backward.__exit__(*exc_info)
        self.forward.__exit__(*exc_info)

    def set_line(self, line: int) -> None:
        """The source line of the statement about to run: nodes recorded from now on carry it."""
        self.forward.line = line

    def graph(self, roots: list[engine.Tensor], namespace: Mapping[str, Any]) -> dict[str, Any]:
        """The trace of ``roots`` plus every tensor and module parameter the variables hold."""
        objects = _namespace_objects(namespace)
        tensors = [value for value in objects.values() if isinstance(value, engine.Tensor)]
        modules = {name: value for name, value in objects.items() if isinstance(value, engine.nn.Module)}
        parameters = [parameter for module in modules.values() for parameter in module.parameters()]
        seen = {id(root) for root in roots}
        extra = [t for t in [*tensors, *parameters] if id(t) not in seen and not seen.add(id(t))]
        roots = [*roots, *(t for t in extra if t.grad_fn is not None)]
        extra = [t for t in extra if t.grad_fn is None]
        names: dict[engine.Tensor, str] = {}
        for name, value in objects.items():  # a tensor held by two variables keeps the first name
            if isinstance(value, engine.Tensor):
                names.setdefault(value, name)
        self.budget.graph_nodes(_graph_size([*roots, *extra], config.SANDBOX_MAX_GRAPH_NODES))
        return trace(
            roots,
            names=names,
            extra=extra,
            backward=self.backward,
            forward=self.forward,
            lines=self.tensor_lines,
            modules=modules,
        )

    def _add_frame(
        self, label: str, line: int | None, graph: dict[str, Any], budgeted: bool = True
    ) -> EncodedGraph | None:
        """Record and emit a frame, unless it is ``budgeted`` and would take the frames past their byte
        budget; its graph (with its JSON, encoded once), or None."""
        encoded = EncodedGraph(graph)
        size = len(encoded.json)
        if budgeted and self.frame_bytes + size > config.SANDBOX_MAX_FRAMES_BYTES:
            self._left_out.append((label, line))
            return None
        self.frame_bytes += size
        frame = {"label": label, "line": line, "graph": encoded}
        self.frames.append(frame)
        self.emit({"type": "frame", **frame})
        return encoded

    @property
    def notices(self) -> list[str]:
        """The frames left out, said in words (reported with the warnings): one notice for all of them,
        naming the first and how many more."""
        if not self._left_out:
            return []
        (first, first_line), more = self._left_out[0], len(self._left_out) - 1
        which = f"The graph at '{first}' (line {first_line})" + (f" and {more} more after it" if more else "")
        notice = f"{which} {'are' if more else 'is'} not shown: the frames would be larger than "
        return [notice + f"{config.SANDBOX_MAX_FRAMES_BYTES} bytes."]

    def run_backward(
        self, call: Callable[[], Any], root: Any, line: int, namespace: Mapping[str, Any]
    ) -> Any:
        """Run one ``backward()`` call, then record its frame (within the frame budget)."""
        result = call()
        self.backward_calls += 1
        if isinstance(root, engine.Tensor) and root.numel() == 1:
            self.last_loss = float(root.detach().item())
        if self.backward_calls <= config.SANDBOX_MAX_FRAMES:
            roots = [root] if isinstance(root, engine.Tensor) else []
            self._add_frame(f"backward #{self.backward_calls}", line, self.graph(roots, namespace))
        return result

    def optimizer_step(self, line: int) -> None:
        """One event per ``optimizer.step()``, with the loss of the latest backward."""
        self.optimizer_steps += 1
        self.emit({"type": "step", "step": self.optimizer_steps, "loss": self.last_loss, "line": line})

    def finish(self, line: int | None, namespace: Mapping[str, Any]) -> dict[str, Any] | None:
        """The end frame: every variable's graph as the run left it. The page draws it, so the backward
        frames' byte budget never leaves it out (``SANDBOX_MAX_GRAPH_NODES`` bounds its size)."""
        return self._add_frame("end", line, self.graph([], namespace), budgeted=False)
