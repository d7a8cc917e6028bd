"""The two pictures of one trace, as plain nodes and edges, collapsed when they would be a wall of boxes.

- ``values``: tensors and the ops between them, like micrograd (input edges carry the gradient sent back).
- ``autograd``: ``grad_fn`` nodes, ``AccumulateGrad`` and the leaves they fill, like torchviz; each edge
  goes from the node that receives a gradient to the node that sends it (drawn with its arrow backwards).

Beyond ``limit`` nodes, module calls are folded into one box each, and if that is not enough the middle
of the graph (by creation order) becomes one summary node counting what it holds. The notice says so.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from engine.trace_values import collector_paused

VIEW_NODE_LIMIT = 100  # nodes drawn at most before folding modules and summarizing the middle
FAN_OUT_LIMIT = 3  # a node feeding more ops than this is drawn again beside each further use (dot stays fast)
VIEWS = ("values", "autograd")
_DIGITS = re.compile(r"\d+")


def view(data: dict[str, Any], kind: str = "values", limit: int = VIEW_NODE_LIMIT) -> dict[str, Any]:
    """``{kind, nodes, edges, groups, notice, collapsed}`` for drawing ``data`` (a trace) as ``kind``."""
    if kind not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {kind!r}")
    with collector_paused():
        return _view(data, kind, limit)


def _view(data: dict[str, Any], kind: str, limit: int) -> dict[str, Any]:
    nodes, edges = _values(data) if kind == "values" else _autograd(data)
    groups = _groups(data, nodes)
    total, folded, summarized = len(nodes), 0, 0
    if len(nodes) > limit and groups:
        nodes, edges, folded = _fold(nodes, edges, groups)
        groups = []
    if len(nodes) > limit:
        nodes, edges, summarized = _summarize(nodes, edges, limit)
    nodes, edges = _spread(nodes, edges)
    notice = data.get("notice")
    if folded or summarized:
        parts = [f"{folded} module calls folded"] if folded else []
        parts += [f"{summarized} nodes in the middle summarized"] if summarized else []
        notice = f"Large graph: showing {len(nodes)} of {total} nodes ({'; '.join(parts)})."
    return {
        "kind": kind,
        "nodes": nodes,
        "edges": edges,
        "groups": groups,
        "notice": notice,
        "collapsed": {"total": total, "shown": len(nodes), "folded": folded, "summarized": summarized},
    }


def _values(data: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    nodes = [{"id": t["id"], "role": "tensor", "data": t} for t in data["tensors"]]
    nodes += [{"id": op["id"], "role": "op", "data": op} for op in data["ops"] if op["kind"] == "op"]
    edges = [
        {"id": e["id"], "source": e["source"], "target": e["target"], "grad": e["grad"], "role": e["kind"]}
        for e in data["edges"]
    ]
    return nodes, edges


def _autograd(data: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    tensors = {t["id"]: t for t in data["tensors"]}
    nodes = [
        {"id": op["id"], "role": "op" if op["kind"] == "op" else "accumulate", "data": op}
        for op in data["ops"]
    ]
    edges = [
        {
            "id": e["id"],
            "source": e["grad_node"],
            "target": e["target"],
            "grad": e["grad"],
            "role": "backward",
        }
        for e in data["edges"]
        if e["kind"] == "input" and e["grad_node"] is not None
    ]
    for op in data["ops"]:
        if op["kind"] == "accumulate":
            nodes.append({"id": op["tensor"], "role": "tensor", "data": tensors[op["tensor"]]})
            edges.append(
                {
                    "id": f"l-{op['tensor']}-{op['id']}",
                    "source": op["tensor"],
                    "target": op["id"],
                    "grad": None,
                    "role": "link",
                }
            )
    shown = {node["id"] for node in nodes}
    for root in data.get("roots", []):
        tensor = tensors.get(root)
        if tensor is None or root in shown:
            continue
        nodes.append({"id": root, "role": "tensor", "data": tensor})
        if tensor["op"] is not None:
            edges.append(
                {
                    "id": f"e-{tensor['op']}-{root}",
                    "source": tensor["op"],
                    "target": root,
                    "grad": tensor["observed_grad"],
                    "role": "output",
                }
            )
    return nodes, edges


def _groups(data: dict[str, Any], nodes: list[dict]) -> list[dict[str, Any]]:
    """Module calls as clusters: their ops, parameters and internal tensors (each node in one group)."""
    present = {node["id"] for node in nodes}
    tensors = {t["id"]: t for t in data["tensors"]}
    ops = {op["id"]: op for op in data["ops"]}
    accumulators = {op["tensor"]: op["id"] for op in data["ops"] if op["kind"] == "accumulate"}
    taken: set[str] = set()
    groups = []
    for call in data.get("modules", []):
        members = list(call["ops"]) + list(call["params"])
        members += [ops[op_id]["output"] for op_id in call["internal"] if op_id in ops]
        members += [accumulators[param] for param in call["params"] if param in accumulators]
        members = [m for m in members if m in present and m not in taken]
        taken.update(members)
        output = ops[call["output"]]["output"] if call["output"] in ops else None
        groups.append(
            {
                "id": call["id"],
                "name": call["name"],
                "type": call["type"],
                "nodes": members,
                "output": output,
                "output_data": tensors.get(output),
            }
        )
    return [group for group in groups if group["nodes"]]


def _redirect(edges: list[dict], target_of: dict[str, str]) -> list[dict]:
    """Edges with endpoints moved into their collapsed node; edges inside one node and repeats dropped."""
    kept, seen = [], set()
    for edge in edges:
        source = target_of.get(edge["source"], edge["source"])
        target = target_of.get(edge["target"], edge["target"])
        if source == target or (source, target) in seen:
            continue
        seen.add((source, target))
        kept.append({**edge, "source": source, "target": target})
    return kept


def _fold(nodes: list[dict], edges: list[dict], groups: list[dict]) -> tuple[list[dict], list[dict], int]:
    target_of = {member: group["id"] for group in groups for member in group["nodes"]}
    kept = [node for node in nodes if node["id"] not in target_of]
    kept += [{"id": group["id"], "role": "module", "data": group} for group in groups]
    return kept, _redirect(edges, target_of), len(groups)


def _order(node: dict[str, Any]) -> int:
    source = node["data"].get("output") or node["id"] if node["role"] == "module" else node["id"]
    match = _DIGITS.search(source or "")
    return int(match.group()) if match else 0


def _summarize(nodes: list[dict], edges: list[dict], limit: int) -> tuple[list[dict], list[dict], int]:
    """Keep the earliest and the latest nodes; the middle becomes one node that counts its ops."""
    ordered = sorted(nodes, key=_order)
    head = (limit - 1) // 2
    tail = limit - 1 - head
    middle = ordered[head : len(ordered) - tail]
    counts = Counter(node["data"].get("grad_fn", node["role"]) for node in middle if node["role"] != "tensor")
    summary = {
        "id": "summary",
        "role": "summary",
        "data": {
            "count": len(middle),
            "tensors": sum(node["role"] == "tensor" for node in middle),
            "ops": dict(counts.most_common()),
        },
    }
    target_of = {node["id"]: "summary" for node in middle}
    kept = ordered[:head] + [summary] + ordered[len(ordered) - tail :]
    return kept, _redirect(edges, target_of), len(middle)


def _spread(nodes: list[dict], edges: list[dict]) -> tuple[list[dict], list[dict]]:
    """Give a node with many uses (a weight in a loop) a copy beside each use after the first few.

    Long edges from one node across the whole picture make dot's layout slow and the picture unreadable;
    a copy has the id ``<id>~<n>`` and ``copy_of`` set, so the page can treat it as the node itself.
    """
    uses: dict[str, int] = {}
    by_id = {node["id"]: node for node in nodes}
    spread_edges, copies = [], []
    for edge in edges:
        source = edge["source"]
        if edge["role"] in ("input", "backward") and by_id.get(source, {}).get("role") in (
            "tensor",
            "accumulate",
        ):
            uses[source] = uses.get(source, 0) + 1
            if uses[source] > FAN_OUT_LIMIT:
                copy_id = f"{source}~{uses[source]}"
                copies.append({**by_id[source], "id": copy_id, "copy_of": source})
                edge = {**edge, "source": copy_id}
        spread_edges.append(edge)
    return nodes + copies, spread_edges
