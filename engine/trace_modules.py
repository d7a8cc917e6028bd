"""Which recorded operations belong to one ``nn.Module`` call, recognised from the module's parameters.

A ``Linear`` records ``TBackward0`` (of its weight) and ``AddmmBackward0`` (with its bias): both touch
the module's parameters, so both belong to the call, and the graph can draw the call as one box that
opens into addmm, weight and bias. Operations that only transform parameters (the weight's transpose)
join the call that consumes them; a call is the connected set of such operations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import Any

from engine.autograd import AccumulateGrad

_SEQ = attrgetter("seq")  # creation order of nodes


def module_calls(functions: Sequence[Any], owners: Mapping[Any, tuple[str, str]]) -> list[dict[str, Any]]:
    """Group ``functions`` (in creation order) into calls: ``{module: (path, type), nodes, internal}``."""
    if not owners:
        return []
    call_of: dict[Any, dict[str, Any]] = {}  # node -> its call
    internal: set[Any] = set()  # nodes fed only by one module's parameters (the weight's transpose)
    calls: list[dict[str, Any]] = []
    for node in functions:
        children = [child for child, _ in node.next_functions if child is not None]
        module, params_only = _module_of(children, owners, internal, call_of)
        if module is None:
            continue
        joined = [
            call_of[child] for child in children if child in call_of and call_of[child]["module"] == module
        ]
        call = _merged(joined, calls) if joined else _new_call(module, calls)
        call["nodes"].append(node)
        call_of[node] = call
        if params_only:
            internal.add(node)
    return [{**call, "internal": internal & set(call["nodes"])} for call in calls if call["nodes"]]


def _module_of(
    children: list, owners: Mapping, internal: set, call_of: dict
) -> tuple[tuple[str, str] | None, bool]:
    """The module an op belongs to, and whether its inputs are all parameters of modules.

    The module is the owner of its first parameter input, else that of its first input made inside a
    call from parameters only (the weight's transpose), else None.
    """
    owner = via = None
    params_only = True
    for child in children:
        if isinstance(child, AccumulateGrad):
            found = owners.get(child.variable)
            if found is None:
                params_only = False
            elif owner is None:
                owner = found
        else:
            params_only = False
            if via is None and child in internal:
                via = call_of[child]["module"]
    return (owner if owner is not None else via), params_only


def call_outputs(calls: Sequence[dict[str, Any]]) -> dict[Any, tuple[str, set]]:
    """The node whose result leaves each call, with the call's path and nodes (to label ``model(x)``)."""
    outputs = {}
    for call in calls:
        made = [node for node in call["nodes"] if node not in call["internal"]] or call["nodes"]
        outputs[max(made, key=_SEQ)] = (call["module"][0], set(call["nodes"]))
    return outputs


def describe_calls(
    calls: Sequence[dict[str, Any]], op_id: Callable, tensor_id: Callable
) -> list[dict[str, Any]]:
    """The calls as trace data: ``{id, name, type, ops, params, internal, output}``."""
    return [_described(call, index, op_id, tensor_id) for index, call in enumerate(calls)]


def _new_call(module: tuple[str, str], calls: list) -> dict[str, Any]:
    call = {"module": module, "nodes": []}
    calls.append(call)
    return call


def _merged(joined: list[dict[str, Any]], calls: list) -> dict[str, Any]:
    """One call from several partial ones (a transpose made before the addmm that uses it)."""
    target = joined[0]
    for other in joined[1:]:
        if other is not target and other["nodes"]:
            target["nodes"].extend(other["nodes"])
            other["nodes"] = []
    return target


def _described(call: dict[str, Any], index: int, op_id: Callable, tensor_id: Callable) -> dict[str, Any]:
    path, kind, internal = *call["module"], call["internal"]
    nodes = sorted(call["nodes"], key=_SEQ)
    params = []
    for node in nodes:
        for child, _ in node.next_functions:
            if isinstance(child, AccumulateGrad):
                param = tensor_id(child.variable)
                if param not in params:
                    params.append(param)
    outputs = [node for node in nodes if node not in internal]
    return {
        "id": f"m{index}",
        "name": path,
        "type": kind,
        "ops": [op_id(node) for node in nodes],
        "params": params,
        "internal": [op_id(node) for node in nodes if node in internal],
        "output": op_id(outputs[-1] if outputs else nodes[-1]),
    }
