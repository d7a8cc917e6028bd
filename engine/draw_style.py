"""The looks of koubai's graphs: colours, fonts and the HTML-like labels Graphviz draws (no graphviz import).

Values in the ink colour, gradients in the accent colour, names in bold, shapes when not scalar.
"""

from __future__ import annotations

from html import escape
from typing import Any

FONT = "Noto Sans CJK JP,DejaVu Sans,sans-serif"  # Japanese names render in PNG and in the SVG's browser
INK = "#1f2933"  # values, names, outlines
ACCENT = "#d9480f"  # gradients: node grads and the gradient each edge carried back
MUTED = "#868e96"  # shapes, constants, notes
OP_FILL = "#f1f3f5"
LEAF_FILL = "#e7f5ff"  # tensors that require grad and have no grad_fn: where .grad is kept
LEAF_MARK = "#74c0fc"  # the legend's swatch for LEAF_FILL (the fill itself is too pale to read as a mark)
MODULE_COLOUR = "#4263eb"
NOTICE_COLOUR = "#c92a2a"
FONT_SIZE = 14
SMALL_FONT_SIZE = 11


def font(text: str, colour: str | None = None, size: int | None = None, bold: bool = False) -> str:
    """``text`` (already escaped) in a colour, size and weight."""
    body = f"<B>{text}</B>" if bold else text
    attributes = (f' COLOR="{colour}"' if colour else "") + (f' POINT-SIZE="{size}"' if size else "")
    return f"<FONT{attributes}>{body}</FONT>" if attributes else body


def rows(*cells: str) -> str:
    """An HTML-like label: the non-empty cells stacked, left-aligned."""
    body = "".join(f'<TR><TD ALIGN="LEFT">{cell}</TD></TR>' for cell in cells if cell)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{body}</TABLE>>'


def _shape(tensor: dict[str, Any]) -> str:
    shape = tensor.get("shape") or []
    return font(escape(f"[{', '.join(map(str, shape))}]"), MUTED, SMALL_FONT_SIZE) if shape else ""


def tensor_label(tensor: dict[str, Any]) -> str:
    """Name (bold) and shape, the value, and the gradient in the accent colour."""
    title = escape(tensor["name"]) if tensor.get("name") else escape(tensor.get("label") or "")
    heading = " ".join(
        part
        for part in (font(title, INK, bold=bool(tensor.get("name"))) if title else "", _shape(tensor))
        if part
    )
    value = tensor.get("value")
    value_row = (
        font(escape(value["text"]), INK) if value else font("value not recorded", MUTED, SMALL_FONT_SIZE)
    )
    gradient = tensor.get("grad") or tensor.get("observed_grad")
    grad_row = ""
    if gradient is not None:
        grad_row = font("grad " + escape(gradient["text"]), ACCENT, bold=tensor.get("grad") is not None)
    note = (
        font("no graph (requires_grad=False)", MUTED, SMALL_FONT_SIZE)
        if tensor.get("kind") == "no_grad"
        else ""
    )
    if tensor.get("kind") == "constant":
        return rows(font(escape(value["text"]), MUTED))
    return rows(heading, value_row, grad_row, note)


def tooltip(data: dict[str, Any]) -> str:
    """What hovering shows: the grad_fn and its rule with numbers."""
    lines = [data.get("grad_fn") or data.get("name") or ""]
    lines += [line for line in (data.get("rule_numbers") or []) if line] or [data.get("rule") or ""]
    return "\n".join(line for line in lines if line)


LEGENDS = {  # the key under the picture, in the page's language
    "en": {
        "value": "■ value",
        "gradient": "■ gradient (bold: stored in .grad)",
        "edge": "← gradient sent back along an edge",
        "leaf": " leaf with requires_grad=True",
        "autograd": "grad_fn nodes: arrows show where backward sends each gradient",
        "edge_gradient": "■ gradient on the edge",
    },
    "ja": {
        "value": "■ 値",
        "gradient": "■ 勾配（太字: .grad に蓄積された値）",
        "edge": "← 辺を逆向きに流れた勾配",
        "leaf": " requires_grad=True の葉テンソル",
        "autograd": "grad_fn ノード: 矢印は backward が勾配を送る向き",
        "edge_gradient": "■ 辺を流れた勾配",
    },
}


def legend(view: dict[str, Any], lang: str = "en") -> str:
    """The key under the picture (and the notice when the graph was collapsed), in English or Japanese."""
    words = LEGENDS.get(lang, LEGENDS["en"])
    lines: list[str] = []
    if view.get("notice"):
        lines.append(font(escape(view["notice"]), NOTICE_COLOUR, bold=True))
    if view["kind"] == "values":
        lines.append(
            font(words["value"], INK, SMALL_FONT_SIZE)
            + "   "
            + font(words["gradient"], ACCENT, SMALL_FONT_SIZE)
            + "   "
            + font(words["edge"], ACCENT, SMALL_FONT_SIZE)
            + "   "
            + font("■", LEAF_MARK, SMALL_FONT_SIZE)
            + font(words["leaf"], INK, SMALL_FONT_SIZE)
        )
    else:
        lines.append(
            font(words["autograd"], INK, SMALL_FONT_SIZE)
            + "   "
            + font(words["edge_gradient"], ACCENT, SMALL_FONT_SIZE)
        )
    return rows(*lines)
