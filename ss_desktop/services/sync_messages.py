"""English text for the sync client's stable error codes (ss_desktop.sync.errors).

Same conventions as :mod:`ss_desktop.services.messages`: the GUI translates the templates with
``QCoreApplication.translate("SyncError", template)``; the CLI with its own catalogue.
"""

from __future__ import annotations

from typing import Any

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.messages import Translate, english, fill

SYNC_CONTEXT = "SyncError"

SYNC_TEMPLATES: dict[str, str] = {
    "invalid_code": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office does not know this enrollment code, or it was already used. Check the code, or ask head office for a new one.",
    ),
    "code_expired": QT_TRANSLATE_NOOP(
        "SyncError", "This enrollment code has expired. Ask head office for a new one."
    ),
    "device_revoked": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office has switched off sync for this laptop. Nothing was sent. Ask head office for a new enrollment code and enroll again; your unsent changes are kept.",
    ),
    "not_enrolled": QT_TRANSLATE_NOOP(
        "SyncError",
        "This laptop is not enrolled with head office yet (or head office no longer knows it). Enroll it with a code from head office.",
    ),
    "bundle_only": QT_TRANSLATE_NOOP(
        "SyncError",
        "This laptop was enrolled with a file that names no head-office address, so it syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back.",
    ),
    "address_known": QT_TRANSLATE_NOOP(
        "SyncError",
        "This laptop already has head office's address. To use another head office, enroll again with a code from it.",
    ),
    "bad_url": QT_TRANSLATE_NOOP(
        "SyncError", "'{url}' is not a server address. Enter it like https://hq.example.org."
    ),
    "insecure_url": QT_TRANSLATE_NOOP(
        "SyncError",
        "'{url}' is not encrypted (http). Use an https:// address, or switch on 'allow insecure connections' if head office told you to.",
    ),
    "ca_bundle_missing": QT_TRANSLATE_NOOP(
        "SyncError",
        "The certificate file {path} does not exist. Choose the file head office gave you.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office cannot be reached. Check the network connection; sync will try again. Your changes are kept on this laptop.",
    ),
    "dns_failure": QT_TRANSLATE_NOOP(
        "SyncError",
        "The head-office server name could not be found. Check the network connection and the server address; sync will try again.",
    ),
    "tls_failure": QT_TRANSLATE_NOOP(
        "SyncError",
        "The secure connection to head office failed: its certificate could not be checked. Check the server address and the certificate setting; nothing was sent.",
    ),
    "connection_lost": QT_TRANSLATE_NOOP(
        "SyncError",
        "The connection to head office broke off. Nothing was lost; sync will try again.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office stopped answering (the connection stalled). Nothing was lost; sync will try again with smaller pieces.",
    ),
    "server_error": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office had a problem (error {status}). Nothing was lost; sync will try again later.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncError", "Head office is busy. Sync will try again later."
    ),
    "bad_response": QT_TRANSLATE_NOOP(
        "SyncError",
        "Head office sent an answer that cannot be read ({detail}). Nothing was lost; sync will try again.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "SyncError", "Head office refused the request ({reason}): {message}"
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "SyncError",
        "The disk is full: the changes from head office could not be saved. Free some space; nothing was lost.",
    ),
    "enrollment_file_invalid": QT_TRANSLATE_NOOP(
        "SyncError", "{path} is not an enrollment file from head office, or it is damaged."
    ),
    "file_missing": QT_TRANSLATE_NOOP("SyncError", "The file does not exist: {path}"),
    "file_exists": QT_TRANSLATE_NOOP(
        "SyncError", "A file already exists there: {path}. Choose another name."
    ),
    "bundle_tampered": QT_TRANSLATE_NOOP(
        "SyncError",
        "The bundle file is damaged or was changed after it was written ({detail}). Nothing was applied. Export a new bundle on the laptop.",
    ),
    "bundle_foreign": QT_TRANSLATE_NOOP(
        "SyncError",
        "The bundle was not written by a laptop enrolled here, or not for this head office. Nothing was applied.",
    ),
    "receipt_invalid": QT_TRANSLATE_NOOP(
        "SyncError",
        "This receipt is damaged, is not from this laptop's head office, or is for another laptop ({detail}). Nothing was changed.",
    ),
    "nothing_to_export": QT_TRANSLATE_NOOP(
        "SyncError", "There are no unsent changes: no bundle is needed."
    ),
    "cancelled": QT_TRANSLATE_NOOP(
        "SyncError",
        "Sync cancelled. Nothing was lost: what head office acknowledged stays sent, the rest goes at the next sync.",
    ),
    "clock_off": QT_TRANSLATE_NOOP(
        "SyncError",
        "This laptop's clock is off by about {amount}. Set the right date and time in the system settings. Your changes were kept and stamped with head office's time.",
    ),
}


# While a round rides out a failure: what happened, and when it tries again (GUI progress).
RETRY_CONTEXT = "SyncRetry"
RETRY_TEMPLATES: dict[str, str] = {
    "connection_lost": QT_TRANSLATE_NOOP(
        "SyncRetry", "The connection broke off; sending again in {seconds} s (try {attempt})…"
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "SyncRetry", "The connection stalled; sending again in {seconds} s (try {attempt})…"
    ),
    "server_error": QT_TRANSLATE_NOOP(
        "SyncRetry", "Head office had a problem; trying again in {seconds} s (try {attempt})…"
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncRetry", "Head office is busy; trying again in {seconds} s (try {attempt})…"
    ),
    "bad_response": QT_TRANSLATE_NOOP(
        "SyncRetry",
        "Head office's answer could not be read; trying again in {seconds} s (try {attempt})…",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "SyncRetry", "Head office cannot be reached; trying again in {seconds} s (try {attempt})…"
    ),
    "dns_failure": QT_TRANSLATE_NOOP(
        "SyncRetry",
        "The head-office server name could not be found; trying again in {seconds} s (try {attempt})…",
    ),
}


def retry_params(delay: float, attempt: int) -> dict[str, Any]:
    """The parameters of a retry template: the wait rounded for reading, the next try."""
    return {"seconds": f"{delay:.1f}" if delay < 10 else f"{delay:.0f}", "attempt": attempt + 1}


def sync_error_text(
    code: str, params: dict[str, Any] | None = None, translate: Translate = english
) -> str:
    template = SYNC_TEMPLATES.get(code)
    return fill(translate(SYNC_CONTEXT, template), dict(params or {})) if template else code


def describe_offset(offset_ms: int) -> str:
    """'3 days', '16 years', '25 minutes': how far the laptop clock is off (English)."""
    seconds = abs(offset_ms) // 1000
    for unit, size in (("year", 365 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            amount = round(seconds / size)
            return f"{amount} {unit}{'s' if amount != 1 else ''}"
    return f"{seconds} seconds"


def clock_warning_text(offset_ms: int, translate: Translate = english) -> str:
    ahead = translate("Cli", "ahead") if offset_ms < 0 else translate("Cli", "behind")
    amount = f"{describe_offset(offset_ms)} ({ahead})"
    return sync_error_text("clock_off", {"amount": amount}, translate)
