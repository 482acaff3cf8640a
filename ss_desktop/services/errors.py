"""Errors the services raise for users to read. Each has a stable code and parameters;
the UI and CLI turn them into translated text (ss_desktop.services.messages)."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A problem the user can act on. ``code`` is stable; ``params`` fill the message."""

    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.code)


class SignInError(ServiceError):
    code = "sign_in.failed"


class PermissionDenied(ServiceError):
    code = "permission.denied"


class NotFound(ServiceError):
    code = "not_found"


class SetupError(ServiceError):
    code = "setup.failed"


class PasswordRuleError(ServiceError):
    code = "password.rules"
