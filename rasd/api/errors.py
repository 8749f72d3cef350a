"""Errors of the HTTP API (codes R8xx) and the HTTP status of every RasdError.

Kept apart from ``app.py`` so the CLI can report a missing ``api`` extra without importing it.
"""
from __future__ import annotations

from rasd.errors import DataMissingError, InputError, RasdError


class ApiError(RasdError):
    """A request the API cannot answer; ``status`` is its HTTP status."""

    code = "R800"
    status = 400
    hint = "See GET /docs for the endpoints and their parameters."


class NotFoundError(ApiError):
    code = "R801"
    status = 404
    hint = "List what is stored with GET /events or GET /stats."


class RequestError(ApiError):
    """The request's parameters or body are invalid."""

    code = "R802"
    status = 422


class UnauthorizedError(ApiError):
    """A write without the server's token."""

    code = "R805"
    status = 401


class ForbiddenError(ApiError):
    """A write to a server that takes none (started without a token)."""

    code = "R806"
    status = 403


class MissingExtraError(RasdError):
    code = "R810"
    hint = "Install the API extra: pip install 'rasd[api]'."


# Statuses of the core errors; any other RasdError is the server's problem (500).
_STATUS = {InputError: 400, DataMissingError: 503}


def http_status(error: RasdError) -> int:
    if isinstance(error, ApiError):
        return error.status
    return next((s for cls, s in _STATUS.items() if isinstance(error, cls)), 500)
