"""Bad request bodies get a 422 (or 413) whose message says what was wrong and how to fix it."""

import pytest
from fastapi.testclient import TestClient

from app import config
from app.main import app


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as client:
        yield client


def post_raw(client, url, content, content_type="application/json"):
    return client.post(url, content=content, headers={"content-type": content_type})


def test_body_that_is_not_json_is_422_naming_the_json_error(client):
    response = post_raw(client, "/api/run", b"{code: print(1)}")
    assert response.status_code == 422
    assert response.json()["message"].startswith("The body is not valid JSON (Expecting property name")


def test_body_sent_as_plain_text_is_422_asking_for_json(client):
    response = post_raw(client, "/api/run", b'{"code": "print(1)"}', content_type="text/plain")
    assert response.status_code == 422
    assert response.json()["message"].startswith("The body was sent as text/plain; it must be JSON.")


def test_missing_code_is_422_naming_the_field_and_the_fix(client):
    response = client.post("/api/run", json={"lang": "en"})
    assert response.status_code == 422
    message = response.json()["message"]
    assert message.startswith("`code` is missing.")
    assert 'Send a JSON object such as {"code": "print(1)"}' in message


def test_code_of_the_wrong_type_is_422_quoting_what_was_sent(client):
    response = client.post("/api/run", json={"code": 42})
    assert response.status_code == 422
    assert response.json()["message"].startswith("`code` must be a string, not int 42.")


def test_a_json_array_instead_of_an_object_is_422(client):
    response = client.post("/api/run", json=["print(1)"])
    assert response.status_code == 422
    assert response.json()["message"].startswith("The body must be a JSON object, not list ['print(1)'].")


def test_unknown_lang_is_422_listing_the_choices(client):
    response = client.post("/api/run", json={"code": "print(1)", "lang": "fr"})
    assert response.status_code == 422
    assert response.json()["message"].startswith("`lang` must be 'ja' or 'en', not 'fr'.")


def test_misspelt_field_is_422_rather_than_silently_ignored(client):
    response = client.post("/api/run", json={"code": "print(1)", "langauge": "ja"})
    assert response.status_code == 422
    assert response.json()["message"].startswith("`langauge` is not a field of this request")


def test_unknown_format_and_view_are_both_reported(client):
    response = client.post("/api/graph", json={"code": "print(1)", "format": "gif", "view": "pretty"})
    assert response.status_code == 422
    message = response.json()["message"]
    assert "`format` must be 'svg', 'png', 'dot' or 'json', not 'gif'." in message
    assert "`view` must be 'values' or 'autograd', not 'pretty'." in message


def test_negative_frame_is_422(client):
    response = client.post("/api/graph", json={"code": "print(1)", "frame": -1})
    assert response.status_code == 422
    assert response.json()["message"].startswith("`frame`: Input should be greater than or equal to 0")


def test_422_keeps_pydantics_records_under_detail(client):
    response = client.post("/api/run", json={})
    assert response.json()["detail"][0]["loc"] == ["body", "code"]
    assert response.json()["detail"][0]["type"] == "missing"


def test_body_over_the_limit_is_refused_with_413(client):
    response = client.post("/api/run", json={"code": "#" * (config.MAX_BODY_BYTES + 1)})
    assert response.status_code == 413


def test_streamed_body_over_the_limit_is_413_with_a_message(client):
    chunk = b"#" * 65536
    chunks = (config.MAX_BODY_BYTES // len(chunk)) + 2

    def body():
        yield b'{"code": "'
        for _ in range(chunks):
            yield chunk
        yield b'"}'

    response = client.post("/api/run", content=body(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["message"] == (
        f"The request body is larger than the server's limit of {config.MAX_BODY_BYTES:,} bytes; send less."
    )


def test_the_server_still_answers_after_bad_requests(client):
    post_raw(client, "/api/run", b"\xff\xfe not utf-8")
    assert client.get("/healthz").json() == {"status": "ok"}


def test_frame_of_the_wrong_type_is_422_asking_for_an_integer(client):
    response = client.post("/api/graph", json={"code": "print(1)", "frame": "last"})
    assert response.status_code == 422
    assert response.json()["message"].startswith("`frame` must be an integer, not str 'last'.")
