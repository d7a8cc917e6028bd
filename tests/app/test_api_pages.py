"""The page, the examples list, the health check and the API's documentation."""

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from app.examples import EXAMPLES, FIRST_GRADIENT
from app.main import app


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as client:
        yield client


def test_healthz_is_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_examples_are_the_articles_five_in_order_with_both_titles(client):
    examples = client.get("/api/examples").json()
    assert [example["id"] for example in examples] == [
        "first_gradient",
        "two_paths",
        "accumulation",
        "no_grad",
        "training",
    ]
    assert examples[0]["code"] == FIRST_GRADIENT
    for example in examples:
        assert example["title"]["ja"] and example["title"]["en"]
        assert example["code"].startswith("import torch\n")


def test_examples_match_the_articles_code(client):
    served = {example["id"]: example["code"] for example in client.get("/api/examples").json()}
    assert served == {example.id: example.code for example in EXAMPLES}


def test_index_page_has_the_first_example_and_the_run_button(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="en">' in html
    assert "x = torch.tensor(3.0, requires_grad=True)" in html
    assert re.search(r'<button id="run"[^>]*>Run</button>', html)
    assert '<script src="/static/app.js" defer></script>' in html


def test_index_page_speaks_japanese_to_a_japanese_browser(client):
    html = client.get("/", headers={"accept-language": "ja,en;q=0.8"}).text
    assert '<html lang="ja">' in html
    assert re.search(r'<button id="run"[^>]*>実行</button>', html)


def test_lang_query_overrides_the_browser(client):
    html = client.get("/?lang=en", headers={"accept-language": "ja"}).text
    assert '<html lang="en">' in html


def test_textarea_holds_exactly_the_first_example(client):
    html = client.get("/").text
    textarea = re.search(r'<textarea id="code"[^>]*>(.*?)</textarea>', html, re.S)
    assert unescape(textarea.group(1)) == FIRST_GRADIENT


def test_static_script_and_stylesheet_are_served(client):
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/run", "/api/graph", "/api/examples", "/healthz"} <= set(paths)
    assert "/" not in paths


@pytest.mark.parametrize(
    "schema", ["RunRequest", "GraphRequest", "RunResponse", "ExampleOut", "Health", "Problem"]
)
def test_openapi_schemas_carry_examples(client, schema):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas[schema]["examples"]


def test_run_request_example_is_the_articles_first_snippet(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["RunRequest"]["examples"][0] == {"code": FIRST_GRADIENT, "lang": "en"}


def test_docs_page_is_served_from_vendored_files_without_a_cdn(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert "/openapi.json" in response.text
    assert "cdn" not in response.text.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/static/vendor/swagger-ui/{asset}" in response.text
        assert client.get(f"/static/vendor/swagger-ui/{asset}").status_code == 200
