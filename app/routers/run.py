"""POST /api/run: run a learner's snippet in the sandbox and answer with what it printed and built."""

from __future__ import annotations

from fastapi import APIRouter, Response
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
async def run(body: RunRequest) -> Response:
    """Run the code on the engine; an error in the code is part of the answer (200 with `error`).

    The worker encodes the answer (every field of `RunResponse`); its bytes are sent as they are.
    """
    try:
        answer = await run_in_threadpool(sandbox.run_code_json, body.code, lang=body.lang)
    except sandbox.ServerBusy as busy:
        raise_if_busy(busy.result)
        raise
    return Response(content=answer, media_type="application/json")
