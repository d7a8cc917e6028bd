"""Drawing a graph: ``draw(y)`` for notebooks, and ``build``, the Digraph of every koubai picture.

``draw`` traces the graph behind its tensors and returns a ``graphviz.Digraph``, which Jupyter shows
inline (like torchviz's ``make_dot``); inside ``with Recording() as seen:`` it also knows every intermediate
value and per-edge gradient (``draw(y, recording=seen)``). ``build`` turns one view of a trace
(``engine.trace_view.view``) into that Digraph and is also what the server renders with (looks in
``draw_style``). Every node, edge and cluster carries its trace id as the SVG element id (and a class
saying what it is) so a page can attach behaviour. ``graphviz`` is imported only when a graph is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from html import escape
from typing import Any

from engine.draw_style import (
    ACCENT,
    FONT,
    FONT_SIZE,
    INK,
    LEAF_FILL,
    MODULE_COLOUR,
    MUTED,
    OP_FILL,
    SMALL_FONT_SIZE,
    font,
    legend,
    rows,
    tensor_label,
    tooltip,
)
from engine.tensor import Tensor
from engine.trace_graph import trace
from engine.trace_names import names_from
from engine.trace_record import BackwardRecorder, ForwardRecorder
from engine.trace_view import VIEW_NODE_LIMIT
from engine.trace_view import view as trace_view


def _add_node(graph: Any, node: dict[str, Any], kind: str) -> None:
    data, role = node["data"], node["role"]
    copy = f" copy-of-{node['copy_of']}" if node.get("copy_of") else ""  # the same node drawn again
    common = {"id": node["id"], "class": f"node-{role}{copy}", "tooltip": tooltip(data)}
    if role == "tensor":
        fill = LEAF_FILL if data.get("is_leaf") and data.get("requires_grad") else "white"
        style = "rounded,filled,dashed" if data.get("kind") in ("no_grad", "constant") else "rounded,filled"
        graph.node(
            node["id"],
            tensor_label(data),
            shape="box",
            style=style,
            fillcolor=fill,
            color=MUTED if data.get("kind") == "constant" else INK,
            **common,
        )
    elif role == "op" and kind == "values":
        graph.node(
            node["id"],
            escape(data["label"]),
            shape="circle" if len(data["label"]) <= 3 else "ellipse",
            style="filled",
            fillcolor=OP_FILL,
            color=MUTED,
            fontsize=str(FONT_SIZE + 2),
            **common,
        )
    elif role in ("op", "accumulate"):
        graph.node(
            node["id"],
            escape(data["grad_fn"]),
            shape="box",
            style="filled",
            fillcolor=LEAF_FILL if role == "accumulate" else OP_FILL,
            color=MUTED,
            **common,
        )
    elif role == "module":
        label = rows(font(escape(data["name"]), MODULE_COLOUR, bold=True), font(escape(data["type"]), INK))
        graph.node(
            node["id"],
            label,
            shape="box",
            style="rounded,filled",
            fillcolor="white",
            color=MODULE_COLOUR,
            peripheries="2",
            **common,
        )
    else:  # the summary of a collapsed middle
        counts = [f"{name} ×{count:,}" for name, count in list(data["ops"].items())[:4]]
        label = rows(
            font(f"… {data['count']:,} nodes", INK, bold=True),
            *(font(escape(line), MUTED, SMALL_FONT_SIZE) for line in counts),
        )
        graph.node(node["id"], label, shape="note", color=MUTED, **common)


def _add_edge(graph: Any, edge: dict[str, Any], kind: str) -> None:
    attributes = {"id": edge["id"], "class": f"edge-{edge['role']}"}
    grad = edge.get("grad")
    labelled = ("input", "backward", "output") if kind == "autograd" else ("input",)
    if grad is not None and edge["role"] in labelled:
        arrow = "" if kind == "autograd" else "← "
        attributes["label"] = f"<{font(escape(arrow + grad['text']), ACCENT)}>"
    if kind == "autograd":
        attributes["dir"] = "back"  # the gradient flows from the target back to the source
    if edge["role"] == "link":
        attributes["style"] = "dashed"
    graph.edge(edge["source"], edge["target"], **attributes)


def build(view: dict[str, Any], lang: str = "en") -> Any:
    """The ``graphviz.Digraph`` of one view (values or autograd) of a trace; ``lang`` is the legend's."""
    import graphviz  # only drawing needs it; the engine itself imports numpy alone

    kind = view["kind"]
    graph = graphviz.Digraph(
        "koubai",
        graph_attr={
            "rankdir": "LR",
            "fontname": FONT,
            "bgcolor": "white",
            "nodesep": "0.3",
            "ranksep": "0.45",
            "pad": "0.25",
            "label": legend(view, lang),
            "labelloc": "b",
            "labeljust": "l",
            "fontsize": str(FONT_SIZE),
            "id": f"graph-{kind}",
            "class": f"koubai-{kind}",
        },
        node_attr={"fontname": FONT, "fontsize": str(FONT_SIZE), "fontcolor": INK, "penwidth": "1.2"},
        edge_attr={"fontname": FONT, "fontsize": str(SMALL_FONT_SIZE + 1), "color": INK, "arrowsize": "0.7"},
    )
    grouped = {member: group for group in view.get("groups", []) for member in group["nodes"]}
    for node in view["nodes"]:
        if node["id"] not in grouped:
            _add_node(graph, node, kind)
    by_id = {node["id"]: node for node in view["nodes"]}
    for group in view.get("groups", []):
        with graph.subgraph(name=f"cluster_{group['id']}") as cluster:
            cluster.attr(
                label=f"<{font(escape(group['name']), MODULE_COLOUR, bold=True)} "
                f"{font(escape(group['type']), MUTED)}>",
                style="rounded,dashed",
                color=MODULE_COLOUR,
                id=group["id"],
                labeljust="l",
                labelloc="t",
                **{"class": "module"},
            )
            for member in group["nodes"]:
                _add_node(cluster, by_id[member], kind)
    for edge in view["edges"]:
        _add_edge(graph, edge, kind)
    return graph


class Recording:
    """Both recorders at once, for notebooks: ``with Recording() as seen:`` then ``draw(y, recording=seen)``.

    With it the picture has every intermediate value and the gradient each edge carried back.
    """

    def __enter__(self) -> Recording:
        self.forward = ForwardRecorder().__enter__()
        self.backward = BackwardRecorder().__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.backward.__exit__(*exc_info)
        self.forward.__exit__(*exc_info)


def draw(
    *roots: Tensor,
    recording: Recording | None = None,
    view: str = "values",
    names: Mapping[Tensor, str] | None = None,
    modules: Mapping[str, Any] | None = None,
    backward: BackwardRecorder | None = None,
    forward: ForwardRecorder | None = None,
    limit: int = VIEW_NODE_LIMIT,
) -> Any:
    """The graph behind ``roots`` as a ``graphviz.Digraph``; variables of the caller name its tensors.

    ``view`` is "values" (tensors and ops) or "autograd" (grad_fn nodes). Without ``names`` and
    ``modules``, the caller's variables are used, so ``draw(y)`` in a notebook labels ``x`` and ``y``.
    """
    if names is None and modules is None:
        caller = sys._getframe(1)
        names, modules = names_from({**caller.f_globals, **caller.f_locals})
    if recording is not None:
        forward, backward = recording.forward, recording.backward
    data = trace(roots, names=names, modules=modules, backward=backward, forward=forward)
    return build(trace_view(data, view, limit))
