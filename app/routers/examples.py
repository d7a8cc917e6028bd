"""GET /api/examples: the article's examples, ready to load into the playground."""

from __future__ import annotations

from fastapi import APIRouter

from app.examples import EXAMPLES
from app.schemas import ExampleOut, Title

router = APIRouter(prefix="/api", tags=["examples"])


@router.get("/examples", response_model=list[ExampleOut])
def examples() -> list[ExampleOut]:
    """The article's five examples in order, with Japanese and English titles."""
    return [ExampleOut(id=e.id, title=Title(ja=e.title_ja, en=e.title_en), code=e.code) for e in EXAMPLES]
