"""The API's contract: request and response bodies, with examples that /docs shows and a client can send."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.examples import FIRST_GRADIENT, TWO_PATHS

Lang = Literal["ja", "en"]
GraphFormat = Literal["svg", "png", "dot", "json"]
GraphView = Literal["values", "autograd"]

TRACE_DESCRIPTION = (
    "The graph trace (plain JSON): tensor and op nodes with their values and gradients, the edges with the "
    "gradient each carried, and the ordered steps of the last backward pass."
)


class Request(BaseModel):
    """Base of request bodies: unknown fields are refused, so a misspelt one is reported, not ignored."""

    model_config = ConfigDict(extra="forbid")


class RunRequest(Request):
    """A snippet to run, and the language of the hints in the answer."""

    code: str = Field(description="Python code using `import torch`, as a learner pastes it.")
    lang: Lang = Field("en", description="Language of error hints: `ja` or `en`.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"code": FIRST_GRADIENT, "lang": "en"}, {"code": TWO_PATHS, "lang": "ja"}]
        }
    )


class GraphRequest(Request):
    """A snippet to run and how to draw its graph."""

    code: str = Field(description="Python code using `import torch`.")
    format: GraphFormat = Field(
        "svg", description="`svg` and `png` are drawn by Graphviz; `dot` is its source."
    )
    view: GraphView = Field(
        "values",
        description="`values`: tensors and ops with values and gradients; `autograd`: grad_fn nodes.",
    )
    frame: int | None = Field(
        None,
        ge=0,
        description="Draw the graph as it was at this frame (one per `.backward()` call, then the end); "
        "default: the final graph.",
    )
    lang: Lang = Field("en", description="Language of the picture's legend: `ja` or `en`.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"code": FIRST_GRADIENT, "format": "svg", "view": "values"},
                {"code": TWO_PATHS, "format": "dot", "view": "autograd", "frame": 0},
            ]
        }
    )


class Hint(BaseModel):
    """What to do about an error, in both languages."""

    ja: str
    en: str


class RunError(BaseModel):
    """An error in the learner's code: where it happened and what to do about it."""

    type: str = Field(description="Python's class name for the error, e.g. `RuntimeError`, `NameError`.")
    message: str = Field(description="The message, in PyTorch's wording for autograd errors.")
    line: int | None = Field(None, description="1-based line of the code where it happened.")
    column: int | None = Field(None, description="1-based column on that line.")
    hint: Hint | None = Field(None, description="A hint a beginner can act on.")
    limit: str | None = Field(
        None, description="When a budget stopped the run: the name of its limit in app/config.py."
    )


class Frame(BaseModel):
    """The graph at one moment of the run: after a `.backward()` call, or at the end."""

    label: str = Field(description="What the moment is: `backward #1`, `backward #2` ... or `end`.")
    line: int | None = Field(None, description="The line of the `.backward()` call (none for the end).")
    graph: dict[str, Any] = Field(description=TRACE_DESCRIPTION)


class Variable(BaseModel):
    """One of the snippet's variables at the end of the run; the tensor fields are null for other values."""

    name: str
    type: str = Field(description="Python's class name of the value, e.g. `Tensor`, `int`, `Linear`.")
    repr: str = Field(description="The value as PyTorch prints it (shortened when long).")
    shape: list[int] | None = None
    dtype: str | None = Field(None, description="e.g. `torch.float32`.")
    requires_grad: bool | None = None
    is_leaf: bool | None = None
    grad: str | None = Field(None, description="`.grad` as PyTorch prints it, or null.")


# The real answer to: import torch / x = torch.tensor(3.0, requires_grad=True) / print(x) / y = x * z
EXAMPLE_TRACE = {
    "version": 1,
    "roots": [],
    "tensors": [
        {
            "id": "t0",
            "name": "x",
            "label": "x",
            "kind": "leaf",
            "shape": [],
            "dtype": "float32",
            "value": {"shape": [], "text": "3", "value": 3.0},
            "requires_grad": True,
            "is_leaf": True,
            "retains_grad": False,
            "grad": None,
            "observed_grad": None,
            "op": None,
            "line": 2,
        }
    ],
    "ops": [],
    "edges": [],
    "backward": [],
    "modules": [],
    "notice": None,
}
NAME_ERROR_RESULT = {
    "stdout": "tensor(3., requires_grad=True)\n",
    "error": {
        "type": "NameError",
        "message": "name 'z' is not defined",
        "line": 4,
        "column": 9,
        "hint": {
            "ja": "使う前に代入するか import してください。",
            "en": "Assign or import the name before using it.",
        },
        "limit": None,
    },
    "variables": [
        {
            "name": "x",
            "type": "Tensor",
            "repr": "tensor(3., requires_grad=True)",
            "shape": [],
            "dtype": "torch.float32",
            "requires_grad": True,
            "is_leaf": True,
            "grad": None,
        }
    ],
    "frames": [{"label": "end", "line": 4, "graph": EXAMPLE_TRACE}],
    "graph": EXAMPLE_TRACE,
    "warnings": [],
    "stats": {"steps": 4, "tensor_elements": 1, "elapsed_ms": 1.987},
}


class RunResponse(BaseModel):
    """What the snippet printed, the error that stopped it if any, its variables and its graph."""

    stdout: str = Field(description="Everything printed, including what was printed before an error.")
    error: RunError | None = Field(description="Why the run stopped early; null when it ran to the end.")
    variables: list[Variable] = Field(description="The snippet's variables at the end, in order of creation.")
    frames: list[Frame] = Field(description="The graph after each `.backward()` call and at the end.")
    graph: dict[str, Any] | None = Field(description=TRACE_DESCRIPTION + " The graph at the end of the run.")
    warnings: list[str] = Field([], description="Warnings the engine gave, worded as PyTorch's.")
    stats: dict[str, int | float] = Field(
        {}, description="What the run used: interpreter steps, tensor elements, ms."
    )

    model_config = ConfigDict(json_schema_extra={"examples": [NAME_ERROR_RESULT]})


class Title(BaseModel):
    """A title in both languages."""

    ja: str
    en: str


class ExampleOut(BaseModel):
    """One of the article's examples, ready to load into the editor."""

    id: str = Field(description="Stable identifier, e.g. `first_gradient`.")
    title: Title
    code: str

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "first_gradient",
                    "title": {
                        "ja": "はじめての勾配: y = x² + 2x + 1 の x = 3 での傾き",
                        "en": "First gradient: the slope of y = x² + 2x + 1 at x = 3",
                    },
                    "code": FIRST_GRADIENT,
                }
            ]
        }
    )


class Health(BaseModel):
    """The server is up and its event loop answers."""

    status: Literal["ok"] = "ok"

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})


class Problem(BaseModel):
    """An error answer: FastAPI's `detail` plus a readable `message` saying what to fix."""

    detail: Any = Field(description="Machine-readable detail (pydantic's error records for a 422).")
    message: str = Field(description="What was wrong and how to fix it, in plain words.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "detail": [
                        {"type": "missing", "loc": ["body", "code"], "msg": "Field required", "input": {}}
                    ],
                    "message": '`code` is missing. Send a JSON object such as {"code": "print(1)"} with '
                    "Content-Type: application/json; /docs shows every field.",
                }
            ]
        }
    )
