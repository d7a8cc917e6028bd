"""The koubai web app: builds the FastAPI application and nothing else (``uvicorn app.main:app``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import config, errors
from app.routers import docs, examples, graph, health, pages, run, run_stream, train
from app.services import sandbox
from app.services.training.remote import start_workers, stop_workers

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    """Start the sandbox's and training's worker processes with the server, and stop them with it."""
    sandbox.start_pool(config.POOL_WORKERS)
    start_workers()
    try:
        yield
    finally:
        stop_workers()
        sandbox.shutdown_pool()


app = FastAPI(
    title="koubai",
    summary="Run PyTorch autograd snippets on a teaching engine and see the graph they build.",
    version="0.1.0",
    lifespan=lifespan,
    max_body_size=config.MAX_BODY_BYTES,
    docs_url=None,  # served by routers/docs.py from vendored files instead of a CDN
    redoc_url=None,
)
errors.install(app)
app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

app.include_router(pages.router)
app.include_router(run.router)
app.include_router(run_stream.router)
app.include_router(graph.router)
app.include_router(examples.router)
app.include_router(health.router)
app.include_router(docs.router)
app.include_router(train.router)
