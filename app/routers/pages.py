"""GET /: the playground page, rendered on the server with the article's first example already loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.examples import EXAMPLES
from app.schemas import Lang

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parents[2] / "templates")

router = APIRouter(tags=["pages"])


def preferred_lang(accept_language: str) -> Lang:
    """Japanese when the browser's first choice is Japanese, English otherwise."""
    return "ja" if accept_language.strip().lower().startswith("ja") else "en"


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(
    request: Request, lang: Annotated[Lang | None, Query(description="Page language")] = None
) -> HTMLResponse:
    """The page: editor, Run, output and graph; labels in the chosen language."""
    chosen = lang or preferred_lang(request.headers.get("accept-language", ""))
    return TEMPLATES.TemplateResponse(request, "index.html", {"lang": chosen, "code": EXAMPLES[0].code})
