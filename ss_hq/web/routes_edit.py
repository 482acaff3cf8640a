"""Staff correct a child's record: GET/POST ``/children/{id}/edit`` (admin and staff).

Only the fields that changed are written, through :func:`ss_hq.core.records.write_record` with a
fresh head-office HLC, ``base_version`` = the version the form showed and the staff member as
author; the change history and the change log (what laptops pull) follow from there.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from ss_core.domain.enums import (
    Category,
    DobPrecision,
    Gender,
    LivingArrangement,
    SchoolSystem,
    Stage,
)
from ss_core.protocol.wire import Entity
from ss_core.resources import resource_path
from ss_hq.api.deps import SessionDep
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Record
from ss_hq.core.records import Author, OpRejected, write_record
from ss_hq.core.security import SignedInStaff
from ss_hq.review.review_service import server_stamp
from ss_hq.review.search_service import refresh_child_index, site_names
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, language_of, render
from ss_hq.web.i18n import (
    DOB_PRECISION_LABELS,
    LIVING_ARRANGEMENT_LABELS,
    SCHOOL_SYSTEM_LABELS,
    issue_message,
    translator,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
EditStaff = Annotated[SignedInStaff, allowed("edit")]

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
    with resource_path("divisions", "areas.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(row["code"] for row in csv.DictReader(f) if row.get("code"))


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


def _shown(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as the form shows them (text), categories as a list."""
    shown: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        value = values.get(name)
        if name == "categories":
            shown[name] = [str(c) for c in value] if isinstance(value, list) else []
        else:
            shown[name] = "" if value is None else str(value)
    return shown


def _options(request: Request, sites: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    t = translator(language_of(request))
    return {
        "gender": [(str(int(g)), t(f"gender_{int(g)}")) for g in Gender],
        "dob_precision": [(p.value, t(DOB_PRECISION_LABELS[p.value])) for p in DobPrecision],
        "site_id": sorted(sites.items(), key=lambda item: item[1]),
        "stage": [(s.value, t(s.value)) for s in Stage],
        "school_system": [(s.value, t(SCHOOL_SYSTEM_LABELS[s.value])) for s in SchoolSystem],
        "living_arrangement": [
            (a.value, t(LIVING_ARRANGEMENT_LABELS[a.value])) for a in LivingArrangement
        ],
        "categories": [(c.value, t(c.value)) for c in Category],
    }


def _editable_child(session: Session, child_id: str) -> Record:
    record = session.get(Record, child_id[:36])
    if record is None or record.entity != Entity.CHILD.value:
        raise PageNotFound()
    return record


def _is_tombstone(record: Record) -> bool:
    return record.erased or record.deleted or record.merged_into is not None


def _refuse_tombstone(request: Request) -> Response:
    message = "This child's record was erased or merged into another record and cannot be edited."
    return render(request, "message.html", {"message": message}, status_code=409)


def _edit_page(
    request: Request,
    record: Record,
    values: Mapping[str, Any],
    *,
    version: int,
    sites: Mapping[str, str],
    issues: Mapping[str, str] | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> Response:
    t = translator(language_of(request))
    issues = issues or {}
    errors = {name: t(issue_message(code)) for name, code in issues.items()}
    other_errors = [message for name, message in errors.items() if name not in EDITABLE_FIELDS]
    return render(
        request,
        "child_edit.html",
        {
            "record": record,
            "version": version,
            "values": _shown(values),
            "errors": errors,
            "other_errors": other_errors,
            "options": _options(request, sites),
            "notice": notice,
        },
        status_code=status_code,
    )


async def posted_categories(request: Request) -> list[str]:
    """The ticked category boxes (a repeated form field, which CsrfForm's dict drops)."""
    form = await request.form()
    return [c for c in form.getlist("categories") if isinstance(c, str)][:20]


PostedCategories = Annotated[list[str], Depends(posted_categories)]


@router.get("/children/{child_id}/edit")
def edit_child_form(
    request: Request, child_id: str, staff: EditStaff, session: SessionDep
) -> Response:
    record = _editable_child(session, child_id)
    if _is_tombstone(record):
        return _refuse_tombstone(request)
    sites = site_names(session)
    return _edit_page(request, record, record.fields or {}, version=record.version, sites=sites)


@router.post("/children/{child_id}/edit")
def save_child_edit(
    request: Request,
    child_id: str,
    staff: EditStaff,
    form: CsrfForm,
    categories: PostedCategories,
    session: SessionDep,
) -> Response:
    record = _editable_child(session, child_id)
    if _is_tombstone(record):
        return _refuse_tombstone(request)
    shown_version = str(form.get("version", "")).strip()
    if not shown_version.isdigit() or len(shown_version) > 18:
        message = "The form was incomplete. Reload the page and try again."
        return render(request, "message.html", {"message": message}, status_code=400)
    # The version the staff member saw; never beyond what is stored (a forged field).
    base_version = min(int(shown_version), record.version)
    sites = site_names(session)
    parsed = parse_child_form(form, categories, sites=sites)
    changed = changed_fields(record.fields or {}, parsed.values)
    issues = dict(parsed.issues)
    issues.update({k: v for k, v in unknown_divisions(changed).items() if k not in issues})

    def again(found: Mapping[str, str], notice: str | None, status_code: int) -> Response:
        return _edit_page(
            request,
            record,
            parsed.values,
            version=base_version,
            sites=sites,
            issues=found,
            notice=notice,
            status_code=status_code,
        )

    invalid = "Some values are not valid. Nothing was saved; correct the marked fields."
    if issues:
        return again(issues, invalid, 422)
    if not changed:
        return again({}, "Nothing was changed.", 200)
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
            author=Author(staff_user=staff.username),
            now=now_ms(),
        )
        refresh_child_index(session, record.id)
    except OpRejected as exc:
        session.rollback()
        found = issues_from_rejection(exc.message) or {"": "value.invalid_type"}
        record = _editable_child(session, child_id)
        return again(found, invalid, 422)
    session.commit()
    log.info("child %s edited at head office: %s", record.id, ", ".join(sorted(changed)))
    return RedirectResponse(f"/children/{record.id}?saved=1", status_code=303)
