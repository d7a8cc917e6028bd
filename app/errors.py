"""HTTP error answers a person can act on: what was wrong with the request and how to fix it.

FastAPI's default 422 lists pydantic's error records; we keep them under ``detail`` (clients rely on that
shape) and add ``message``, one plain sentence per problem, ending with where to find a correct example.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import config

FIX = (
    'Send a JSON object such as {"code": "print(1)"} with Content-Type: application/json; '
    "/docs shows every field."
)
FIXES = {  # by path, for the endpoints that take something other than code
    "/api/train": 'Send a JSON object such as {"dataset": "line", "epochs": 100} with Content-Type: '
    "application/json; /docs shows every field.",
    "/api/train/stream": "Send query parameters such as ?dataset=line&epochs=100; /docs shows every field.",
}
SHOWN_INPUT_CHARS = 40  # characters of a wrong value quoted back in a message: enough to recognise it
WANTED = {  # pydantic's type in an error record (``int_parsing`` -> ``int``) -> how a sentence says it
    "string": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "dict": "a JSON object",
    "list": "a JSON array",
}


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """The dotted name of a field from pydantic's location, without the leading ``body``."""
    parts = [str(part) for part in loc if part != "body"]
    return ".".join(parts)


def shown(value: Any) -> str:
    """A short, quoted rendering of a value the client sent."""
    text = repr(value)
    return text if len(text) <= SHOWN_INPUT_CHARS else text[: SHOWN_INPUT_CHARS - 1] + "…"


def describe(error: dict[str, Any], content_type: str) -> str:
    """One sentence for one pydantic error record: what is wrong, with the field named."""
    kind, name, ctx = error.get("type", ""), field_name(error.get("loc", ())), error.get("ctx") or {}
    value = error.get("input")
    if kind == "json_invalid":
        return f"The body is not valid JSON ({ctx.get('error', 'decode error')})."
    if not name:
        if isinstance(value, str | bytes) and "json" not in content_type:
            sent = f"as {content_type}" if content_type else "without a Content-Type"
            return f"The body was sent {sent}; it must be JSON."
        return f"The body must be a JSON object, not {type(value).__name__} {shown(value)}."
    if kind == "missing":
        return f"`{name}` is missing."
    if kind == "extra_forbidden":
        return f"`{name}` is not a field of this request; remove it (check its spelling)."
    if kind == "literal_error":
        return f"`{name}` must be {ctx.get('expected', 'one of the listed values')}, not {shown(value)}."
    if kind.endswith("_type") or kind.endswith("_parsing"):
        wanted = kind.removesuffix("_type").removesuffix("_parsing")
        return f"`{name}` must be {WANTED.get(wanted, wanted)}, not {type(value).__name__} {shown(value)}."
    return f"`{name}`: {error.get('msg', 'invalid value')} (got {shown(value)})."


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with pydantic's records under ``detail`` and a readable ``message``."""
    content_type = request.headers.get("content-type", "")
    sentences = list(dict.fromkeys(describe(error, content_type) for error in exc.errors()))
    message = " ".join([*sentences, FIXES.get(request.url.path, FIX)])
    return JSONResponse(
        status_code=422, content={"detail": jsonable_encoder(exc.errors()), "message": message}
    )


def http_message(status_code: int, detail: Any) -> str:
    """The sentence for an HTTP error raised by Starlette or a router."""
    if status_code == 413:
        limit = config.MAX_BODY_BYTES
        return f"The request body is larger than the server's limit of {limit:,} bytes; send less."
    if isinstance(detail, dict) and "message" in detail:
        return str(detail["message"])
    return str(detail)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """Any HTTPException as JSON with ``detail`` (FastAPI's shape) and ``message``."""
    content = {"detail": exc.detail, "message": http_message(exc.status_code, exc.detail)}
    return JSONResponse(status_code=exc.status_code, content=content, headers=exc.headers)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
