"""Every error leaves head office as ``ErrorBody`` JSON with a 4xx (or 5xx) status.

Request validation (FastAPI/pydantic) is mapped to stable codes:

* a body that is not JSON at all -> 400 ``malformed``;
* an unknown entity name in a push op -> 422 ``unknown_entity``;
* a protocol other than "v1" -> 400 ``unsupported_version``;
* any other shape problem (wrong types, unknown or missing fields, too many ops)
  -> 422 ``validation_failed``, with the pydantic error locations in ``details`` (never the
  offending values: they may be a child's personal data).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ss_core.protocol.wire import ErrorBody, ErrorCode
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
            return error_response(405, ErrorCode.MALFORMED, "this method is not allowed here")
        code = ErrorCode.UNAUTHORIZED if exc.status_code in (401, 403) else ErrorCode.MALFORMED
        return error_response(exc.status_code, code, str(exc.detail))
