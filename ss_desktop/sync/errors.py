"""Errors of the sync client: a stable code (translated by ss_desktop.services.sync_messages)
and parameters. ``retryable`` says whether the sync loop should try again after a backoff.
``cancelled``: the user stopped the round (nothing acknowledged is lost)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ss_desktop.db.sync_store import DiskFullError

# Codes the user can only fix by changing what they typed or chose (CLI exit code 2).
USAGE_CODES = frozenset(
    {
        "invalid_code",
        "code_expired",
        "bad_url",
        "insecure_url",
        "not_enrolled",
        "bundle_only",
        "address_known",
        "enrollment_file_invalid",
        "bundle_tampered",
        "bundle_foreign",
        "receipt_invalid",
        "file_missing",
        "file_exists",
        "ca_bundle_missing",
    }
)
# Transient problems: the next attempt may succeed.
RETRYABLE_CODES = frozenset(
    {
        "unreachable",
        "dns_failure",
        "connection_lost",
        "timeout",
        "server_error",
        "bad_response",
        "rate_limited",
    }
)


class SyncError(Exception):
    """A sync problem with a stable *code* and message parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code if not params else f"{code} {params}")

    @property
    def retryable(self) -> bool:
        return self.code in RETRYABLE_CODES

    @property
    def is_usage(self) -> bool:
        return self.code in USAGE_CODES


@contextmanager
def disk_full_as_sync_error() -> Iterator[None]:
    """The store reports a full disk as DiskFullError; the sync client's callers get the
    same SyncError("disk_full") as for a bundle that cannot be written."""
    try:
        yield
    except DiskFullError as exc:
        raise SyncError("disk_full") from exc
