"""What the Sync page says: sync errors, the clock and audit-log warnings, why head office
refused a change, the kinds of records, the phases of a round, and times in local time.

Every text keeps the "SyncPage" translation context it had when it lived in
:mod:`ss_desktop.ui.sync_page`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.messages import fill
from ss_desktop.services.sync_messages import (
    RETRY_CONTEXT,
    RETRY_TEMPLATES,
    SYNC_CONTEXT,
    SYNC_TEMPLATES,
    describe_offset,
    retry_params,
)
from ss_desktop.ui.errors import error_message


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


# Head office's reasons for refusing a change (ss_core.protocol.wire.ErrorCode), in words.
REASONS = {
    "validation_failed": QT_TRANSLATE_NOOP(
        "SyncPage", "Head office found a value it cannot accept. Correct the record, then retry."
    ),
    "forbidden_site": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The record belongs to a site this laptop is not enrolled for. Move it to one of this laptop's sites, or ask head office to add the site, then retry.",
    ),
    "clock_skew": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change was stamped with a date far in the future. Set the laptop's date and time, then retry.",
    ),
    "unknown_entity": QT_TRANSLATE_NOOP(
        "SyncPage", "Head office does not know this kind of record. Update the app, then retry."
    ),
    "malformed": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change could not be read by head office. Retry; if it comes back, dismiss it.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change refers to a record head office does not have. Retry after the first sync.",
    ),
    "site_closed": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Head office has closed this child's site: it takes no new children. Move the child to an open site, then retry.",
    ),
}
OTHER_REASON = QT_TRANSLATE_NOOP("SyncPage", "Head office refused the change ({reason}).")
# A guardian, consent ... refused because its child was refused too (head office does not
# know the child): what to do is about the child, not this record.
CHILD_REFUSED = QT_TRANSLATE_NOOP(
    "SyncPage",
    "Head office has not accepted the child this record belongs to (see the child's row). Retrying the child sends this record again with it.",
)
ENTITIES = {
    "child": QT_TRANSLATE_NOOP("SyncPage", "Child"),
    "guardian": QT_TRANSLATE_NOOP("SyncPage", "Guardian"),
    "consent": QT_TRANSLATE_NOOP("SyncPage", "Consent"),
    "enrollment": QT_TRANSLATE_NOOP("SyncPage", "Programme enrolment"),
    "site": QT_TRANSLATE_NOOP("SyncPage", "Site"),
    "program": QT_TRANSLATE_NOOP("SyncPage", "Programme"),
    "attendance_session": QT_TRANSLATE_NOOP("SyncPage", "Attendance session"),
    "attendance_mark": QT_TRANSLATE_NOOP("SyncPage", "Attendance mark"),
}
PHASES = {
    "push": QT_TRANSLATE_NOOP("SyncPage", "Sending changes: {done} of {total}"),
    "pull": QT_TRANSLATE_NOOP("SyncPage", "Receiving changes from head office: {done}"),
    "check": QT_TRANSLATE_NOOP("SyncPage", "Comparing with head office…"),
    "audit": QT_TRANSLATE_NOOP("SyncPage", "Sending the audit log: {done} of {total}"),
}


def sync_error_message(code: str, params: dict[str, Any] | None = None) -> str:
    """Translated text for a sync error code (ss_desktop.services.sync_messages)."""
    params = dict(params or {})
    if code.startswith("service:"):
        return error_message(ServiceError(code.split(":", 1)[1], **params))
    template = SYNC_TEMPLATES.get(code)
    if template is None:
        return QCoreApplication.translate(
            "Errors",
            "Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.",
        ).format(type=params.get("type", code))
    return fill(QCoreApplication.translate(SYNC_CONTEXT, template), params)


def clock_warning_message(offset_ms: int) -> str:
    amount = describe_offset(offset_ms)
    direction = (
        QCoreApplication.translate("SyncPage", "ahead")
        if offset_ms < 0
        else QCoreApplication.translate("SyncPage", "behind")
    )
    return sync_error_message("clock_off", {"amount": f"{amount} ({direction})"})


def audit_warning_message(problem: str | None, row: int | None) -> str:
    """What the user reads when head office finds this laptop's audit log altered."""
    texts = {
        "hash_mismatch": QCoreApplication.translate(
            "SyncPage", "Audit log row {row} was changed on this laptop before it was sent."
        ),
        "gap": QCoreApplication.translate(
            "SyncPage", "Audit log rows before row {row} were deleted on this laptop."
        ),
        "prev_mismatch": QCoreApplication.translate(
            "SyncPage", "Audit log rows before row {row} were changed on this laptop."
        ),
        "rewritten": QCoreApplication.translate(
            "SyncPage",
            "This laptop's audit log was rewritten from row {row} (edited, or an "
            "older backup was restored).",
        ),
        "laptop_reported": QCoreApplication.translate(
            "SyncPage",
            "Audit log row {row} was changed on this laptop after it was sent; head "
            "office keeps the original.",
        ),
    }
    detail = texts.get(
        problem or "",
        QCoreApplication.translate(
            "SyncPage", "This laptop's audit log does not verify from row {row}."
        ),
    )
    return QCoreApplication.translate(
        "SyncPage", "{detail} Head office has been told. Syncing goes on; tell your coordinator."
    ).format(detail=detail.format(row=row if row is not None else "?"))


def reason_text(reason: str, *, child_refused: bool = False) -> str:
    """Head office's *reason* in words; *child_refused*: the record's child waits in the
    quarantine too, so a value check of this record most likely failed on the child."""
    if child_refused and reason == "validation_failed":
        return _t(CHILD_REFUSED)
    template = REASONS.get(reason)
    if template is None:
        return _t(OTHER_REASON).format(reason=reason)
    return _t(template)


def local_time(value: Any) -> str:
    if not value:
        return QCoreApplication.translate("SyncPage", "never")
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def entity_name(entity: str) -> str:
    """The kind of record a refused change is about, in words (unknown kinds as they are)."""
    return _t(ENTITIES.get(entity, entity))


def phase_text(phase: str, done: int, total: int) -> str:
    """The progress line of a round in *phase* ("push", "pull" or "check")."""
    template = PHASES.get(phase, PHASES["check"])
    return _t(template).format(done=done, total=max(total, done))


def retry_message(code: str, delay: float, attempt: int) -> str:
    """While a round rides out a failure: what happened and when it sends again."""
    template = RETRY_TEMPLATES.get(code, RETRY_TEMPLATES["connection_lost"])
    return fill(QCoreApplication.translate(RETRY_CONTEXT, template), retry_params(delay, attempt))


def error_text(exc: BaseException) -> str:
    """A failed enrolment or bundle job, in words (sync codes first, then service errors)."""
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in SYNC_TEMPLATES:
        return sync_error_message(code, getattr(exc, "params", {}))
    return error_message(exc)
