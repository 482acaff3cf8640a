"""Staff correct a child's record at head office (the edit page's saving).

Only the fields that changed are written, through :func:`ss_hq.core.records.write_record` with
a fresh head-office HLC, ``base_version`` = the version the form showed and the staff member as
author; the change history, the change log (what laptops pull) and head office's audit chain
follow from there. The page (``ss_hq.web.routes_edit``) only shows the form and the outcome.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from ss_core.domain.enums import Category
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.labels import division_names
from ss_hq.core.models import Record
from ss_hq.core.records import Author, OpRejected, write_record
from ss_hq.core.staff_audit import Action, record_action
from ss_hq.review.review_service import ReviewError, server_stamp
from ss_hq.review.search_service import refresh_child_index

log = logging.getLogger(__name__)

# Free-text fields of the form and their longest accepted input (the domain rules have the
# real limits; these only stop absurd posts before anything else runs).
TEXT_FIELDS: dict[str, int] = {
    "surname": 100,
    "given_name": 100,
    "pinyin": 200,
    "dob": 40,
    "id_number": 40,
    "hukou_division": 20,
    "residence_division": 20,
    "class_name": 200,
    "notes": 5000,
}
CHOICE_FIELDS = ("dob_precision", "site_id", "stage", "school_system", "living_arrangement")
EDITABLE_FIELDS = (
    "surname",
    "given_name",
    "pinyin",
    "gender",
    "dob",
    "dob_precision",
    "id_number",
    "hukou_division",
    "residence_division",
    "site_id",
    "stage",
    "grade",
    "school_system",
    "class_name",
    "categories",
    "living_arrangement",
    "notes",
)
DIVISION_FIELDS = ("hukou_division", "residence_division")
_ISSUE = re.compile(r"([a-z_]+\.[a-z_]+)@([a-z0-9_]*)")
_INTEGER = re.compile(r"[+-]?[0-9]{1,4}")
_DIVISION = re.compile(r"[1-9][0-9]{5}")
_CATEGORY_ORDER = [c.value for c in Category]


@functools.cache
def known_divisions() -> frozenset[str]:
    """County-level GB/T 2260 codes from the bundled reference data."""
    return frozenset(division_names())


@dataclass
class ParsedForm:
    """What the staff member typed: values to store, and issue codes found before storing."""

    values: dict[str, Any]
    issues: dict[str, str] = field(default_factory=dict)  # field -> issue code


def _text(raw: str, *, keep_inner_lines: bool = False) -> str | None:
    text = raw.strip() if not keep_inner_lines else raw.rstrip()
    return text if text.strip() else None


def parse_child_form(
    form: Mapping[str, str], categories: list[str], *, sites: Mapping[str, str]
) -> ParsedForm:
    """Turn the posted form into record values (``None`` = empty). Pure; no database."""
    values: dict[str, Any] = {}
    issues: dict[str, str] = {}
    for name, max_len in TEXT_FIELDS.items():
        raw = str(form.get(name, ""))[: max_len + 1]
        values[name] = _text(raw, keep_inner_lines=name == "notes")
    if values["id_number"]:
        values["id_number"] = values["id_number"].replace(" ", "").upper()
    for name in CHOICE_FIELDS:
        values[name] = _text(str(form.get(name, ""))[:64])
    gender = str(form.get("gender", "")).strip()
    values["gender"] = int(gender) if gender.isdigit() and len(gender) <= 2 else gender or None
    grade = str(form.get("grade", "")).strip()
    if not grade:
        values["grade"] = None
    elif _INTEGER.fullmatch(grade):
        values["grade"] = int(grade)
    else:
        values["grade"] = grade[:10]
        issues["grade"] = "value.not_integer"
    chosen = {c for c in categories if isinstance(c, str)}
    known = [c for c in _CATEGORY_ORDER if c in chosen]
    values["categories"] = known + sorted(c[:40] for c in chosen - set(known))
    if values["site_id"] is None:
        issues["site_id"] = "value.required"
    elif values["site_id"] not in sites:
        issues["site_id"] = "enum.invalid"
    return ParsedForm(values, issues)


def _comparable(name: str, value: Any) -> Any:
    if name == "categories":
        return frozenset(value or ())
    if isinstance(value, str):
        value = value.rstrip() if name == "notes" else value.strip()
        if name == "id_number":
            value = value.replace(" ", "").upper()
        return value or None
    return value


def changed_fields(stored: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values that differ from the stored record."""
    return {
        name: values[name]
        for name in EDITABLE_FIELDS
        if _comparable(name, values.get(name)) != _comparable(name, stored.get(name))
    }


def unknown_divisions(changed: Mapping[str, Any]) -> dict[str, str]:
    """Changed division codes of the right shape that name no county."""
    return {
        name: "division.unknown"
        for name in DIVISION_FIELDS
        if isinstance(changed.get(name), str)
        and _DIVISION.fullmatch(changed[name])
        and changed[name] not in known_divisions()
    }


def issues_from_rejection(message: str) -> dict[str, str]:
    """field -> first issue code, read from an OpRejected message ("code@field, ...")."""
    out: dict[str, str] = {}
    for code, name in _ISSUE.findall(message):
        out.setdefault(name, code)
    return out


def editable_child(session: Session, child_id: str) -> Record:
    """The child to edit; ReviewError ``not_found``, or ``tombstone`` for a record that was
    erased, deleted or merged into another."""
    record = session.get(Record, child_id[:36])
    if record is None or record.entity != Entity.CHILD.value:
        raise ReviewError("not_found", "no such child")
    if record.erased or record.deleted or record.merged_into is not None:
        raise ReviewError("tombstone", "this record was erased or merged and cannot be edited")
    return record


@dataclass(frozen=True)
class EditOutcome:
    """``saved``: the changed fields were written. Otherwise ``issues`` (field -> issue code)
    says what to correct, or nothing was changed; ``values`` are what the form showed."""

    saved: bool
    changed: list[str]
    issues: dict[str, str]
    values: dict[str, Any]
    base_version: int


def save_child_edit(
    session: Session,
    child_id: str,
    form: Mapping[str, str],
    categories: list[str],
    *,
    sites: Mapping[str, str],
    staff_user: str,
    now: int,
) -> EditOutcome:
    """Check and save the edit form of one child (*sites*: the sites it may move to).
    Raises ReviewError ``bad_version`` for a form without the version it showed."""
    record = editable_child(session, child_id)
    shown_version = str(form.get("version", "")).strip()
    if not shown_version.isdigit() or len(shown_version) > 18:
        raise ReviewError("bad_version", "the form was incomplete")
    # The version the staff member saw; never beyond what is stored (a forged field).
    base_version = min(int(shown_version), record.version)
    parsed = parse_child_form(form, categories, sites=sites)
    changed = changed_fields(record.fields or {}, parsed.values)
    issues = dict(parsed.issues)
    issues.update({k: v for k, v in unknown_divisions(changed).items() if k not in issues})

    def outcome(found: Mapping[str, str], saved: bool = False) -> EditOutcome:
        return EditOutcome(saved, sorted(changed), dict(found), parsed.values, base_version)

    if issues or not changed:
        return outcome(issues)
    try:
        write_record(
            session,
            ChangeLogWriter(session),
            entity=Entity.CHILD,
            record_id=record.id,
            fields=changed,
            hlc=server_stamp(record),
            base_version=base_version,
            deleted=False,
            author=Author(staff_user=staff_user),
            now=now,
        )
        refresh_child_index(session, record.id)
    except OpRejected as exc:
        session.rollback()
        return outcome(issues_from_rejection(exc.message) or {"": "value.invalid_type"})
    record_action(
        session,
        actor=staff_user,
        action=Action.EDIT,
        now=now,
        entity=Entity.CHILD.value,
        record_id=record.id,
        detail={"fields": sorted(changed)},
    )
    session.commit()
    log.info("child %s edited at head office: %s", record.id, ", ".join(sorted(changed)))
    return outcome({}, saved=True)
