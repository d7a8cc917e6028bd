"""GET /healthz: a cheap liveness check for load balancers and the tests."""

from __future__ import annotations

from fastapi import APIRouter

from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """Answer at once from the event loop, whatever the sandbox workers are doing."""
    return Health()
