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


def module_calls(
    functions: Sequence[Any], owners: Mapping[Any, tuple[str, str]]
) -> tuple[list[dict[str, Any]], dict[Any, tuple[str, set]]]:
    """Group ``functions`` (in creation order) into calls: ``{module: (path, type), nodes, internal}``; and
    the node whose result leaves each call, with the call's path and nodes (to label ``model(x)``).

    An op belongs to the owner of its first parameter input, else to the call of its first input made
    inside a call from parameters only (the weight's transpose); it joins the calls of its inputs that
    belong to the same module (merging them), else starts a call.
    """
    if not owners:
        return [], {}
    call_of: dict[Any, dict[str, Any]] = {}  # node -> its call
    internal: set[Any] = set()  # nodes fed only by one module's parameters (the weight's transpose)
    calls: list[dict[str, Any]] = []
    for node in functions:
        owner = via = None
        params_only = True  # speed: one loop over the inputs finds the module and the calls near it
        near = []  # the calls of its inputs
        for child, _ in node.next_functions:
            if child is None:
                continue
            if isinstance(child, AccumulateGrad):
                found = owners.get(child.variable)
                if found is None:
                    params_only = False
                elif owner is None:
                    owner = found
            else:
                params_only = False
                call = call_of.get(child)
                if call is not None:
                    near.append(call)
                    if via is None and child in internal:
                        via = call["module"]
        module = owner if owner is not None else via
        if module is None:
            continue
        joined = [call for call in near if call["module"] == module] if near else near
        if not joined:
            call = _new_call(module, calls)
        else:
            call = joined[0] if len(joined) == 1 else _merged(joined)
        call["nodes"].append(node)
        call_of[node] = call
        if params_only:
            internal.add(node)
    found_calls, outputs = [], {}
    for call in calls:
        nodes = call["nodes"]
        if not nodes:
            continue
        inside = internal.intersection(nodes)
        found_calls.append({"module": call["module"], "nodes": nodes, "internal": inside})
        made = [node for node in nodes if node not in inside] if inside else nodes
        outputs[max(made or nodes, key=_SEQ)] = (call["module"][0], set(nodes))
    return found_calls, outputs


def describe_calls(
    calls: Sequence[dict[str, Any]], op_id: Callable, tensor_id: Callable
) -> list[dict[str, Any]]:
    """The calls as trace data: ``{id, name, type, ops, params, internal, output}``."""
    return [_described(call, index, op_id, tensor_id) for index, call in enumerate(calls)]


def _new_call(module: tuple[str, str], calls: list) -> dict[str, Any]:
    call = {"module": module, "nodes": []}
    calls.append(call)
    return call


def _merged(joined: list[dict[str, Any]]) -> dict[str, Any]:
    """One call from several partial ones (a transpose made before the addmm that uses it)."""
    target = joined[0]
    for other in joined[1:]:
        if other is not target and other["nodes"]:
            target["nodes"].extend(other["nodes"])
            other["nodes"] = []
    return target


def _described(call: dict[str, Any], index: int, op_id: Callable, tensor_id: Callable) -> dict[str, Any]:
    (path, kind), internal = call["module"], call["internal"]
    nodes = sorted(call["nodes"], key=_SEQ)
    params, ops, inside = [], [], []
    output = None
    for node in nodes:
        for child, _ in node.next_functions:
            if isinstance(child, AccumulateGrad):
                param = tensor_id(child.variable)
                if param not in params:
                    params.append(param)
    for node in nodes:  # after the parameters: ids are numbered in the order they are asked for
        ops.append(op_id(node))
        if node in internal:
            inside.append(ops[-1])
        else:
            output = node
    return {
        "id": f"m{index}",
        "name": path,
        "type": kind,
        "ops": ops,
        "params": params,
        "internal": inside,
        "output": op_id(output if output is not None else nodes[-1]),
    }
