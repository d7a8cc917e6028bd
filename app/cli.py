"""The ``koubai`` console command: ``koubai graph FILE.py -o out.svg`` and ``koubai serve``.

``graph`` runs a local script (the user's own file, trusted: plain ``exec``) with ``import torch`` mapped to
the engine, then draws the graph of the last output it called ``.backward()`` on (or else the last tensor
it assigned) as SVG, PNG, DOT or trace JSON, chosen by the output file's extension.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import engine
from app import config
from engine.as_torch import imported_as_torch
from engine.trace_graph import BackwardRecorder, ForwardRecorder, names_from, trace


def run_script(path: Path) -> dict[str, Any]:
    """Run the script on the engine and trace its graph, with the source line of every op."""
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(path)}
    forward, backward = ForwardRecorder(), BackwardRecorder()

    def follow_lines(frame: Any, event: str, argument: Any) -> Any:
        if frame.f_code.co_filename != str(path):
            return None
        if event == "line":
            forward.line = frame.f_lineno
        return follow_lines

    previous = sys.gettrace()
    with imported_as_torch(), forward, backward:
        sys.settrace(follow_lines)
        try:
            exec(code, namespace)  # noqa: S102 - the user's own local file, run on purpose
        finally:
            sys.settrace(previous)
    names, modules = names_from(namespace)
    tensors = [value for value in namespace.values() if isinstance(value, engine.Tensor)]
    roots = _roots(backward, tensors)
    extra = [tensor for tensor in tensors if tensor.grad_fn is None and all(tensor is not r for r in roots)]
    return trace(roots, names=names, extra=extra, backward=backward, forward=forward, modules=modules)


def _roots(backward: BackwardRecorder, tensors: list[engine.Tensor]) -> list[engine.Tensor]:
    """The output of the last backward pass when a variable holds it, else the last tensor assigned."""
    if backward.steps:
        seed = backward.steps[0].node
        held = [tensor for tensor in tensors if tensor.grad_fn is seed]
        if held:
            return held[:1]
    return tensors[-1:]


def graph_command(arguments: argparse.Namespace) -> int:
    from app.services import render

    output = Path(arguments.output)
    fmt = output.suffix.lstrip(".").lower()
    if fmt not in render.FORMATS:
        print(
            f"koubai: the output must end in one of {', '.join('.' + f for f in render.FORMATS)}",
            file=sys.stderr,
        )
        return 2
    data = run_script(Path(arguments.file))
    try:
        output.write_bytes(render.render(data, fmt, arguments.view))
    except render.RenderError as error:
        fallback = output.with_suffix(".dot")
        fallback.write_text(error.dot_source, encoding="utf-8")
        print(f"koubai: {error}\nkoubai: the DOT source is in {fallback}", file=sys.stderr)
        return 1
    print(f"koubai: wrote {output}")
    return 0


def serve_command(arguments: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run("app.main:app", host=arguments.host, port=arguments.port, reload=arguments.reload)
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: ``graph`` and ``serve``."""
    top = argparse.ArgumentParser(prog="koubai", description="See the graph PyTorch's autograd records.")
    commands = top.add_subparsers(dest="command", required=True)
    graph = commands.add_parser(
        "graph", help="run a script with torch mapped to koubai's engine; draw its graph"
    )
    graph.add_argument("file", help="the Python script (it may `import torch`)")
    graph.add_argument("-o", "--output", required=True, help="out.svg, out.png, out.dot or out.json")
    graph.add_argument(
        "--view", choices=("values", "autograd"), default="values", help="which picture to draw"
    )
    graph.set_defaults(handler=graph_command)
    serve = commands.add_parser("serve", help="start the web lab")
    serve.add_argument("--host", default=config.HOST)
    serve.add_argument("--port", type=int, default=config.PORT)
    serve.add_argument("--reload", action="store_true", help="restart when the code changes (development)")
    serve.set_defaults(handler=serve_command)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``koubai`` command."""
    arguments = parser().parse_args(argv)
    return arguments.handler(arguments)


if __name__ == "__main__":
    sys.exit(main())
