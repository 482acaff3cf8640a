"""Enrolling this laptop with head office: with a one-time code over the network, or with an
enrollment file head office wrote for a laptop that has never been online
(``ss-hq enroll-file``).

At enrollment the laptop makes its Ed25519 key pair (USB bundles are signed with it) and
sends the public half; head office answers with the device id, a bearer token, the sites
the laptop serves, its own public keys and its time (the first clock correction).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
from pydantic import ValidationError
from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.wire import EnrollRequest, EnrollResponse, PullChange
from ss_desktop.db import sync_store as store
from ss_desktop.sync.client import (
    ConnectionSettings,
    SyncApi,
    make_http_client,
    normalize_server_url,
)
from ss_desktop.sync.clock_repair import ClockCheck, correct_clock
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.keys import new_signing_key, public_of, signing_key, verify_key

log = logging.getLogger(__name__)

ENROLLMENT_FILE_FORMAT = "ss-enrollment-v1"
CODE_MIN, CODE_MAX = 4, 64


@dataclass(frozen=True)
class EnrollmentResult:
    device_id: str
    sites: tuple[str, ...]
    server_url: str | None
    clock: ClockCheck
    # {entity: ids} an enrollment file brought (its sites and programs), for open lists
    changed: dict[str, list[str]] = field(default_factory=dict, compare=False)


def enroll_online(
    engine: Engine,
    clock: HybridClock,
    *,
    server_url: str,
    code: str,
    device_name: str,
    app_version: str = "",
    ca_bundle: str | None = None,
    allow_insecure: bool = False,
    http_factory: Callable[[ConnectionSettings], httpx.Client] = make_http_client,
) -> EnrollmentResult:
    code = (code or "").strip().upper()
    if not (CODE_MIN <= len(code) <= CODE_MAX):
        raise SyncError("invalid_code")
    url = normalize_server_url(server_url, allow_insecure=allow_insecure)
    private = new_signing_key()
    settings = ConnectionSettings(url, ca_bundle=ca_bundle, allow_insecure=allow_insecure)
    api = SyncApi(http_factory(settings))
    try:
        answer = api.enroll(
            EnrollRequest(
                code=code,
                device_name=(device_name or "laptop")[:120],
                app_version=app_version[:64],
                device_signing_key=public_of(private),
            )
        )
    finally:
        api.close()
    return _record(
        engine, clock, answer, url, private, ca_bundle=ca_bundle, allow_insecure=allow_insecure
    )


def enroll_from_file(engine: Engine, clock: HybridClock, path: Path) -> EnrollmentResult:
    """Import an enrollment file written by ``ss-hq enroll-file``."""
    path = Path(path)
    if not path.is_file():
        raise SyncError("file_missing", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != ENROLLMENT_FILE_FORMAT:
            raise ValueError("format")
        private = str(data["device_signing_key"])
        answer = EnrollResponse(
            device_id=data["device_id"],
            token=data["token"],
            sites=list(data["sites"]),
            server_signing_key=data["server_signing_key"],
            server_encryption_key=data["server_encryption_key"],
            server_time=int(data["server_time"]),
        )
        signing_key(private)
        server_url = data.get("server_url") or None
        if server_url:
            server_url = normalize_server_url(server_url, allow_insecure=True)
        # What a first pull would bring (files from older head offices have none).
        changes = [PullChange.model_validate(c) for c in data.get("changes") or []]
        cursor = str(data.get("next_cursor") or "0")
        if not cursor.isdigit():
            raise ValueError("next_cursor")
    except (ValueError, KeyError, TypeError, ValidationError, UnicodeDecodeError) as exc:
        raise SyncError("enrollment_file_invalid", path=str(path)) from exc
    except SyncError as exc:
        raise SyncError("enrollment_file_invalid", path=str(path)) from exc
    # The file's time is old by the time it is imported: do not correct the clock from it.
    result = _record(engine, clock, answer, server_url, private, correct=False)
    if changes:
        touched = store.apply_page(engine, clock, changes, cursor).touched()
        result = replace(result, changed=touched)
    return result


def _record(
    engine: Engine,
    clock: HybridClock,
    answer: EnrollResponse,
    server_url: str | None,
    private: str,
    *,
    ca_bundle: str | None = None,
    allow_insecure: bool = False,
    correct: bool = True,
) -> EnrollmentResult:
    verify_key(answer.server_signing_key, code="bad_response")
    store.save_enrollment(
        engine,
        server_url=server_url,
        device_id=answer.device_id,
        token=answer.token,
        sites=answer.sites,
        device_signing_key=private,
        server_signing_key=answer.server_signing_key,
        server_encryption_key=answer.server_encryption_key,
        ca_bundle=ca_bundle,
        allow_insecure=allow_insecure,
        clock_offset_ms=clock.offset_ms,
    )
    check = (
        correct_clock(engine, clock, answer.server_time)
        if correct
        else ClockCheck(offset_ms=clock.offset_ms, restamped=0)
    )
    log.info("enrolled as device %s for %d site(s)", answer.device_id, len(answer.sites))
    return EnrollmentResult(answer.device_id, tuple(answer.sites), server_url, check)
