"""One JSON error shape for every error, ours or the framework's (design §7):
``{"error": {"code", "message", "hint"}}``, never a traceback."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from rasd.api.errors import NotFoundError, RequestError, http_status
from rasd.errors import RasdError


def error(status: int, code: str, message: str, hint: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "hint": hint}}, status_code=status)


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg')}")
    return "; ".join(parts) or "invalid request"


async def rasd_error(request: Request, exc: RasdError) -> JSONResponse:
    return JSONResponse(exc.to_json(), status_code=http_status(exc))


async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error(RequestError.status, RequestError.code, validation_message(exc),
                 "See GET /openapi.json for the parameters and body of each endpoint.")


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    if exc.status_code == 404:
        return error(404, NotFoundError.code, f"nothing at {request.method} {request.url.path}",
                     "The endpoints are listed in GET /openapi.json.")
    if exc.status_code == 413:
        return error(413, "R804", str(exc.detail),
                     "Send a smaller body, or start rasd serve with a larger --max-body.")
    return error(exc.status_code, "R800", str(exc.detail), "See GET /openapi.json.")


async def unexpected(request: Request, exc: Exception) -> JSONResponse:
    return error(500, "R999", f"unexpected {type(exc).__name__}: {exc}",
                 "This is a bug in rasd; the server log has the details. Please report it.")


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` in the one shape."""
    app.add_exception_handler(RasdError, rasd_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)
