"""Checks shared by the API tests (tests/api): every error answers in the one JSON shape."""
from __future__ import annotations


def assert_error(response, status: int, code: str) -> dict:
    """The response is the error ``code`` with HTTP ``status`` in the one shape
    ``{"error": {"code", "message", "hint"}}``, message and hint given, no traceback; returns it."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}
    assert body["error"]["code"] == code and body["error"]["message"] and body["error"]["hint"]
    assert "Traceback" not in response.text
    return body["error"]
