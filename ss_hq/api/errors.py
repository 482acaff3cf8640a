"""Every error leaves head office as ``ErrorBody`` JSON with a 4xx (or 5xx) status.

Request validation (FastAPI/pydantic) is mapped to stable codes:

* a body that is not JSON at all -> 400 ``malformed``;
* an unknown entity name in a push op -> 422 ``unknown_entity``;
* a protocol other than "v1" -> 400 ``unsupported_version``;
* any other shape problem (wrong types, unknown or missing fields, too many ops)
  -> 422 ``validation_failed``, with the pydantic error locations in ``details`` (never the
  offending values: they may be a child's personal data);
* a method the path does not take -> 405 ``malformed`` with ``Allow``;
* the database too busy to answer in time (SQLite's lock, PostgreSQL's lock or statement
  time-out) -> 503 ``busy`` with ``Retry-After``: nothing was committed, the laptop retries;
* anything else that fails -> 500 ``internal_error`` (logged here with its traceback but
  without the exception's text, which may quote a value).

The last two are answered by :class:`FailureMiddleware` (Starlette's own last resort answers
plain text, outside every middleware). It sits inside
:class:`~ss_hq.core.security.SecurityHeadersMiddleware`, the outermost one, so every error
(also those of the body decoding middleware) carries the security headers.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ss_core.protocol.wire import UNSTORABLE_TEXT, ErrorBody, ErrorCode
from ss_hq.core.errors import ServiceError

log = logging.getLogger(__name__)


def error_response(
    status: int, code: ErrorCode, message: str, details: dict[str, Any] | None = None, **kw: Any
) -> JSONResponse:
    body = ErrorBody(code=code, message=message, details=details or {})
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), **kw)


def _summarize(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "loc": [str(part) for part in e.get("loc", ())],
            "type": e.get("type", ""),
            "msg": e.get("msg", ""),
        }
        for e in errors[:20]
    ]


def classify_validation_errors(errors: list[dict[str, Any]]) -> tuple[int, ErrorCode, str]:
    types = {e.get("type") for e in errors}
    if "json_invalid" in types or "json_type" in types:
        return 400, ErrorCode.MALFORMED, "the request body is not valid JSON"
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        if loc and loc[-1] == "protocol":
            return 400, ErrorCode.UNSUPPORTED_VERSION, "this head office speaks protocol v1 only"
        if len(loc) >= 2 and loc[-1] == "entity" and "ops" in loc and e.get("type") == "enum":
            return (
                422,
                ErrorCode.UNKNOWN_ENTITY,
                "a push op names an entity head office does not know",
            )
    if any(UNSTORABLE_TEXT in str(e.get("msg", "")) for e in errors):
        return (
            422,
            ErrorCode.VALIDATION_FAILED,
            "a text holds a NUL character or a lone surrogate, which no laptop writes",
        )
    return 422, ErrorCode.VALIDATION_FAILED, "the request does not have the expected shape"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, exc.details, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        status, code, message = classify_validation_errors(errors)
        return error_response(status, code, message, {"errors": _summarize(errors)})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            parts = request.url.path.strip("/").split("/")
            if len(parts) >= 2 and parts[0] == "api" and parts[1] != "v1":
                return error_response(
                    400, ErrorCode.UNSUPPORTED_VERSION, "this head office speaks protocol v1 only"
                )
            return error_response(404, ErrorCode.NOT_FOUND, "no such page or resource")
        if exc.status_code == 405:
            return error_response(
                405, ErrorCode.MALFORMED, "this method is not allowed here", headers=exc.headers
            )
        code = ErrorCode.UNAUTHORIZED if exc.status_code in (401, 403) else ErrorCode.MALFORMED
        return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


BUSY_RETRY_AFTER_S = 2
# What the drivers say when a lock or a statement time-out ran out (no data of the request).
_BUSY_TEXTS = (
    "database is locked",
    "database table is locked",
    "lock timeout",
    "canceling statement due to",
)


def is_busy(exc: OperationalError) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return any(marker in text for marker in _BUSY_TEXTS)


def _kind(exc: BaseException) -> str:
    """The exception's type (and its driver error's), never its text: it may quote values."""
    orig = getattr(exc, "orig", None)
    return type(exc).__name__ + (f"/{type(orig).__name__}" if orig is not None else "")


class FailureMiddleware:
    """Turns an exception no handler took into an ``ErrorBody`` answer (503 ``busy`` or 500
    ``internal_error``), unless the answer had already started (then it is re-raised)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            await failure_response(scope, exc)(scope, receive, send)


def failure_response(scope: Any, exc: Exception) -> JSONResponse:
    where = f"{scope.get('method', '')} {scope.get('path', '')}"
    if isinstance(exc, OperationalError) and is_busy(exc):
        log.warning("%s: database busy (%s)", where, _kind(exc))
        return error_response(
            503,
            ErrorCode.BUSY,
            "head office is busy; try again in a moment",
            headers={"Retry-After": str(BUSY_RETRY_AFTER_S), "Cache-Control": "no-store"},
        )
    log.error(
        "%s failed: %s\n%s", where, _kind(exc), "".join(traceback.format_tb(exc.__traceback__))
    )
    return error_response(
        500,
        ErrorCode.INTERNAL_ERROR,
        "head office failed to answer; the fault is logged there",
        headers={"Cache-Control": "no-store"},
    )
