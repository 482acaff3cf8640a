"""Errors the services raise; the API turns them into ``ErrorBody`` responses."""

from __future__ import annotations

from typing import Any

from ss_core.protocol.wire import ErrorCode


class ServiceError(Exception):
    """A refusal with a stable code, a human message and the HTTP status that fits it."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        status: int = 400,
        details: dict[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.status = status
        self.details = details or {}
        super().__init__(f"{code.value}: {message}")
