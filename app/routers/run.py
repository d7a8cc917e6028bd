"""POST /api/run: run a learner's snippet in the sandbox and answer with what it printed and built."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from app.routers.busy import raise_if_busy
from app.schemas import Problem, RunRequest, RunResponse
from app.services import sandbox

router = APIRouter(prefix="/api", tags=["run"])


BUSY_RESPONSE = {
    "model": Problem,
    "description": "Every sandbox worker is busy: retry after `Retry-After` seconds.",
}


@router.post("/run", response_model=RunResponse, responses={422: {"model": Problem}, 503: BUSY_RESPONSE})
async def run(body: RunRequest) -> dict[str, Any]:
    """Run the code on the engine; an error in the code is part of the answer (200 with `error`)."""
    result = await run_in_threadpool(sandbox.run_code, body.code, lang=body.lang)
    raise_if_busy(result)
    return result
