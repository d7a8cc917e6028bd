"""``koubai graph``: a local script with ``import torch`` runs on the engine and its graph is written out."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from app.cli import main

FIRST_GRADIENT = """import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
y.backward()
print(x.grad)
"""
NO_GRAD = """import torch
model = torch.nn.Linear(10, 1)
x = torch.randn(5, 10)
with torch.no_grad():
    output = model(x)
"""


def script(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "snippet.py"
    path.write_text(source, encoding="utf-8")
    return path


def test_graph_json_holds_the_article_gradient(tmp_path, capsys):
    out = tmp_path / "graph.json"
    assert main(["graph", str(script(tmp_path, FIRST_GRADIENT)), "-o", str(out)]) == 0
    assert "tensor(8.)" in capsys.readouterr().out  # the script itself ran, on the engine
    data = json.loads(out.read_text(encoding="utf-8"))
    x = next(t for t in data["tensors"] if t["name"] == "x")
    assert x["grad"]["value"] == 8.0
    assert {op["line"] for op in data["ops"] if op["kind"] == "op"} == {3}  # every op came from line 3


def test_graph_svg_and_autograd_view(tmp_path):
    path = script(tmp_path, FIRST_GRADIENT)
    values, autograd = tmp_path / "v.svg", tmp_path / "a.svg"
    assert main(["graph", str(path), "-o", str(values)]) == 0
    assert main(["graph", str(path), "-o", str(autograd), "--view", "autograd"]) == 0
    ids = {g.get("id") for g in ElementTree.parse(values).getroot().iter("{http://www.w3.org/2000/svg}g")}
    assert "t0" in ids  # x, the first tensor recorded
    assert "PowBackward0" in autograd.read_text(encoding="utf-8")


def test_torch_is_restored_after_the_script(tmp_path):
    before = sys.modules.get("torch")
    assert main(["graph", str(script(tmp_path, FIRST_GRADIENT)), "-o", str(tmp_path / "g.dot")]) == 0
    assert sys.modules.get("torch") is before
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith("digraph")


def test_no_grad_script_draws_values_without_ops(tmp_path):
    out = tmp_path / "g.json"
    assert main(["graph", str(script(tmp_path, NO_GRAD)), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["ops"] == []
    assert {t["name"] for t in data["tensors"]} == {"x", "output"}


def test_unknown_extension_is_refused(tmp_path, capsys):
    assert main(["graph", str(script(tmp_path, FIRST_GRADIENT)), "-o", str(tmp_path / "g.gif")]) == 2
    assert ".svg" in capsys.readouterr().err


def test_console_module_runs_as_a_program(tmp_path):
    out = tmp_path / "g.png"
    finished = subprocess.run(
        [sys.executable, "-m", "app.cli", "graph", str(script(tmp_path, FIRST_GRADIENT)), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_serve_takes_host_and_port():
    from app.cli import parser, serve_command

    arguments = parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9123"])
    assert (arguments.host, arguments.port, arguments.handler) == ("0.0.0.0", 9123, serve_command)


def test_a_script_defining_its_own_module_class_names_the_instances_parameters(tmp_path):
    source = """import torch
from torch import nn

class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)

net = TinyNet()
loss = net(torch.ones(3, 2)).sum()
loss.backward()
"""
    out = tmp_path / "graph.json"
    assert main(["graph", str(script(tmp_path, source)), "-o", str(out)]) == 0
    names = {t["name"] for t in json.loads(out.read_text(encoding="utf-8"))["tensors"]}
    assert {"net.fc.weight", "net.fc.bias", "loss"} <= names
