"""POST /api/graph: run a snippet and answer with its graph drawn as SVG or PNG, or as DOT or trace JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from app.routers.busy import raise_if_busy
from app.schemas import GraphRequest, Problem
from app.services import render, sandbox

router = APIRouter(prefix="/api", tags=["graph"])

MEDIA_TYPES = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "dot": "text/vnd.graphviz; charset=utf-8",
    "json": "application/json",
}


def no_graph(result: dict[str, Any]) -> HTTPException:
    """422 saying why there is nothing to draw: the run stopped before it built any graph."""
    error = result["error"]
    if error is None:  # not expected: a run that ends without an error keeps its end graph
        message = "The run ended without a graph to draw."
    else:
        message = f"The run stopped before it built a graph: {error.get('type')}: {error.get('message')}"
    return HTTPException(status_code=422, detail={"message": message, "error": error or {}})


def chosen_trace(result: dict[str, Any], frame: int | None) -> dict[str, Any]:
    """The trace of the requested frame, or the final graph; 422 naming the frames when it does not exist."""
    if frame is None:
        if result["graph"] is None:
            raise no_graph(result)
        return result["graph"]
    frames = result["frames"]
    if frame >= len(frames):
        message = (
            f"`frame` {frame} does not exist: this run recorded {len(frames)} frame(s), numbered from 0."
        )
        raise HTTPException(status_code=422, detail={"message": message})
    return frames[frame]["graph"]


@router.post(
    "/graph",
    response_class=Response,
    responses={
        200: {"content": {media: {} for media in MEDIA_TYPES.values()}, "description": "The drawn graph."},
        422: {"model": Problem},
        503: {
            "model": Problem,
            "description": "Graphviz's `dot` is missing or too slow (the DOT source is given), "
            "or every sandbox worker is busy (retry after `Retry-After` seconds).",
        },
    },
)
async def graph(body: GraphRequest) -> Response:
    """Run the code, then draw the graph of the requested frame in the requested view and format."""
    result = await run_in_threadpool(sandbox.run_code, body.code, lang=body.lang)
    raise_if_busy(result)
    trace = chosen_trace(result, body.frame)
    try:
        content = await run_in_threadpool(render.render, trace, body.format, body.view, lang=body.lang)
    except render.DotUnavailable as exc:
        raise HTTPException(status_code=503, detail={"message": str(exc), "dot": exc.dot}) from exc
    return Response(content=content, media_type=MEDIA_TYPES[body.format])
