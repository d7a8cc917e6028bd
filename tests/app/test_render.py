"""Rendering traces with the real Graphviz ``dot``: SVG ids, PNG bytes, missing dot, time limit, cache."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

import engine as torch
from app.services import render
from engine.trace_graph import BackwardRecorder, ForwardRecorder, trace
from engine.trace_view import view

SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def two_paths(name_a: str = "a") -> dict:
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        d = a * b + a
        d.backward()
    return trace([d], names={a: name_a, b: "b", d: "d"}, forward=forward, backward=backward)


def svg_groups(svg: bytes, kind: str) -> dict[str, str]:
    """The SVG's ``<g>`` elements of one kind (node or edge): id -> class."""
    root = ElementTree.fromstring(svg)
    return {
        g.get("id"): g.get("class") for g in root.iter(f"{SVG}g") if kind in (g.get("class") or "").split()
    }


@pytest.fixture(autouse=True)
def fresh_cache():
    render.clear_cache()
    yield
    render.clear_cache()


def test_svg_nodes_and_edges_carry_the_trace_ids():
    data = two_paths()
    svg = render.render(data, "svg", "values")
    expected = view(data, "values")
    assert set(svg_groups(svg, "node")) == {node["id"] for node in expected["nodes"]}
    assert set(svg_groups(svg, "edge")) == {edge["id"] for edge in expected["edges"]}
    assert svg_groups(svg, "node")[by_kind(data, "d")] == "node node-tensor"


def by_kind(data: dict, name: str) -> str:
    return next(t["id"] for t in data["tensors"] if t["name"] == name)


def test_edge_labels_show_each_paths_gradient():
    svg = render.render(two_paths(), "svg", "values").decode()
    assert "← 3" in svg and "← 1" in svg and "grad 4" in svg


def test_autograd_view_svg_has_grad_fn_nodes():
    data = two_paths()
    svg = render.render(data, "svg", "autograd")
    ops = {op["id"] for op in data["ops"]}
    assert ops <= set(svg_groups(svg, "node"))
    text = svg.decode()
    assert "MulBackward0" in text and text.count(">AccumulateGrad<") == 2


def test_png_comes_from_dot():
    png = render.render(two_paths(), "png", "values")
    assert png.startswith(PNG_MAGIC) and len(png) > 1000


def test_japanese_names_reach_the_drawing():
    svg = render.render(two_paths(name_a="重み"), "svg", "values").decode()
    assert "重み" in svg
    assert render.render(two_paths(name_a="重み"), "png", "values").startswith(PNG_MAGIC)


def test_dot_and_json_formats_need_no_binary(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    data = two_paths()
    assert render.render(data, "dot").decode().startswith("digraph")
    assert render.render(data, "json").decode().startswith('{"version": 1')


def test_missing_dot_names_the_fix_and_keeps_the_source(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no `dot` anywhere
    with pytest.raises(render.GraphvizMissingError) as caught:
        render.render(two_paths(), "svg")
    assert "apt-get install graphviz" in str(caught.value)
    assert caught.value.dot_source.startswith("digraph") and caught.value.dot == caught.value.dot_source
    assert isinstance(caught.value, render.DotUnavailable)


def test_dot_past_its_time_limit_is_stopped():
    with pytest.raises(render.RenderTimeoutError) as caught:
        render.render(two_paths(), "svg", timeout=1e-6)
    assert "digraph" in caught.value.dot_source


def test_second_render_of_the_same_graph_comes_from_the_cache(monkeypatch, tmp_path):
    data = two_paths()
    first = render.render(data, "svg")
    monkeypatch.setenv("PATH", str(tmp_path))  # dot is gone, yet the same DOT is answered
    assert render.render(data, "svg") == first
    with pytest.raises(render.GraphvizMissingError):
        render.render(data, "png")  # a different output is not cached


def test_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(render.config, "RENDER_CACHE_ENTRIES", 2)
    for name in ("p", "q", "r"):
        render.render(two_paths(name_a=name), "svg")
    assert len(render._cache) == 2


def test_large_graph_is_collapsed_with_a_visible_notice():
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(400):
        y = y * 1.0
    svg = render.render(trace([y]), "svg", limit=40)
    assert len(svg_groups(svg, "node")) <= 40
    assert "Large graph: showing" in svg.decode()


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format must be one of"):
        render.render(two_paths(), "gif")


def test_draw_names_tensors_after_the_callers_variables():
    import graphviz

    from engine.drawing import draw

    x = torch.tensor(3.0, requires_grad=True)
    y = x**2 + 2 * x + 1
    y.backward()
    graph = torch.draw(y)  # the notebook spelling: `import engine as torch; torch.draw(y)`
    assert isinstance(graph, graphviz.Digraph)
    assert "<B>x</B>" in graph.source and "<B>y</B>" in graph.source and "grad 8" in graph.source
    autograd = draw(y, view="autograd")
    assert "PowBackward0" in autograd.source and "AccumulateGrad" in autograd.source


def test_draw_with_a_recording_shows_intermediate_values_and_edge_gradients():
    from engine import Recording, draw

    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    with Recording() as seen:
        d = a * b + a
        d.backward()
    source = draw(d, recording=seen).source
    assert "a*b" in source and ">6<" in source  # the unnamed product and its value
    assert "← 3" in source and "← 1" in source and "grad 4" in source
