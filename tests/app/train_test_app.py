"""A small app serving the training router (with the project's error handlers and /healthz) for the tests.

``app/main.py`` does not include the training router yet; this module stands in for it under uvicorn.
"""

from __future__ import annotations

from fastapi import FastAPI

from app import errors
from app.routers import health, train

app = FastAPI(title="koubai training (test)")
errors.install(app)
app.include_router(health.router)
app.include_router(train.router)
