"""POST /api/graph: the graph drawn by real Graphviz as SVG or PNG, or given as DOT or trace JSON."""

import json
import struct
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from app import config
from app.main import app
from app.services import render
from tests.data import article

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as client:
        yield client


def draw(client, code: str, **options):
    return client.post("/api/graph", json={"code": code, **options})


def svg_groups(svg_text: str) -> dict[str, str]:
    """Every ``<g>`` of an SVG with an id: id -> class."""
    root = ET.fromstring(svg_text)
    return {g.get("id"): g.get("class", "") for g in root.iter(f"{SVG}g") if g.get("id")}


def test_svg_is_parseable_and_its_nodes_carry_the_trace_ids(client):
    response = draw(client, article.TWO_PATHS, format="svg", view="values")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    groups = svg_groups(response.text)
    trace = draw(client, article.TWO_PATHS, format="json").json()
    tensor_ids = {tensor["id"] for tensor in trace["tensors"] if tensor["name"] in {"a", "b", "c", "d"}}
    op_ids = {op["id"] for op in trace["ops"] if op["kind"] == "op"}
    edge_ids = {edge["id"] for edge in trace["edges"]}
    assert tensor_ids | op_ids <= {gid for gid, cls in groups.items() if "node" in cls.split()}
    assert edge_ids <= {gid for gid, cls in groups.items() if "edge" in cls.split()}


def test_svg_shows_the_gradient_of_a(client):
    root = ET.fromstring(draw(client, article.TWO_PATHS, format="svg").text)
    node_a = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "t0")
    texts = [text.text for text in node_a.iter(f"{SVG}text")]
    assert texts[:3] == ["a", "2", "grad 4"]


def test_autograd_view_shows_grad_fn_names(client):
    response = draw(client, article.FIRST_GRADIENT, format="svg", view="autograd")
    assert response.status_code == 200
    assert "AccumulateGrad" in response.text and "PowBackward0" in response.text


CONVOLUTION = """import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
conv = nn.Conv2d(1, 2, 3, padding=1, padding_mode='reflect')
x = torch.randn(1, 1, 6, 6, requires_grad=True)
y = F.adaptive_avg_pool2d(F.avg_pool2d(F.max_pool2d(conv(x), 2), 2, ceil_mode=True), 1)
y.sum().backward()
"""


def test_autograd_view_names_the_convolution_and_pooling_nodes(client):
    response = draw(client, CONVOLUTION, format="svg", view="autograd")
    assert response.status_code == 200
    for name in ("ReflectionPad2DBackward0", "ConvolutionBackward0", "MaxPool2DWithIndicesBackward0"):
        assert name in response.text
    assert "AvgPool2DBackward0" in response.text and "MeanBackward1" in response.text  # 1x1: a mean


def test_values_view_writes_pooling_as_the_code_that_made_it(client):
    response = draw(client, CONVOLUTION, format="svg", view="values")
    assert response.status_code == 200
    assert "max_pool2d(conv(pad(x)))" in response.text


def test_png_is_a_real_png(client):
    response = draw(client, article.FIRST_GRADIENT, format="png")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", response.content[16:24])
    assert width > 100 and height > 50


def test_dot_is_graphviz_source_text(client):
    response = draw(client, article.FIRST_GRADIENT, format="dot", view="autograd")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/vnd.graphviz; charset=utf-8"
    assert response.text.startswith("digraph")
    assert "AddBackward0" in response.text


def test_json_is_the_final_graph_of_the_run(client):
    drawn = draw(client, article.TWO_PATHS, format="json")
    assert drawn.headers["content-type"] == "application/json"
    ran = client.post("/api/run", json={"code": article.TWO_PATHS}).json()["graph"]
    drawn = drawn.json()
    assert steps_by_node(drawn.pop("backward")) == steps_by_node(ran.pop("backward"))
    assert drawn == ran


def steps_by_node(steps: list[dict]) -> dict[str, dict]:
    """Backward steps by node, without their position: the engine breaks ties between AccumulateGrad
    nodes (both ready at once) by memory address, so their order may differ from run to run."""
    return {step["node"]: {key: value for key, value in step.items() if key != "index"} for step in steps}


def test_frame_picks_the_graph_of_that_backward_call(client):
    code = article.ACCUMULATION.replace("    x.grad.zero_()", "    pass")
    grads = []
    for frame in range(3):
        trace = json.loads(draw(client, code, format="json", frame=frame).content)
        grads.append(next(t for t in trace["tensors"] if t["name"] == "x")["grad"]["value"])
    assert grads == [2.0, 4.0, 6.0]


def test_frame_that_does_not_exist_is_422_saying_how_many_there_are(client):
    response = draw(client, article.FIRST_GRADIENT, format="json", frame=7)
    assert response.status_code == 422
    assert response.json()["message"] == (
        "`frame` 7 does not exist: this run recorded 2 frame(s), numbered from 0."
    )


def test_missing_dot_is_503_with_the_fix_and_the_dot_source(client, monkeypatch, tmp_path):
    render.clear_cache()
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no `dot` to be found
    response = draw(client, article.FIRST_GRADIENT, format="svg")
    assert response.status_code == 503
    body = response.json()
    assert "apt-get install graphviz" in body["message"]
    assert body["detail"]["dot"].startswith("digraph")


def test_dot_over_its_time_limit_is_503_with_the_dot_source(client, monkeypatch):
    render.clear_cache()
    monkeypatch.setattr(config, "DOT_TIMEOUT_SECONDS", 1e-6)
    response = draw(client, article.TWO_PATHS, format="png")
    assert response.status_code == 503
    assert "took longer than" in response.json()["message"]
    assert response.json()["detail"]["dot"].startswith("digraph")


def test_legend_follows_the_language_asked_for(client):
    english = draw(client, article.TWO_PATHS, format="svg").text
    japanese = draw(client, article.TWO_PATHS, format="svg", lang="ja").text
    assert "gradient sent back along an edge" in english and "辺を逆向きに流れた勾配" not in english
    assert "辺を逆向きに流れた勾配" in japanese and "gradient sent back along an edge" not in japanese
    autograd = draw(client, article.TWO_PATHS, format="dot", view="autograd", lang="ja").text
    assert "backward が勾配を送る向き" in autograd
