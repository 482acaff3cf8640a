"""Export of the filtered children list for program officers: XLSX (openpyxl: header row
frozen, columns as wide as their contents, dates as dates) and CSV (UTF-8 with a BOM, so that
Excel on a Chinese Windows opens it with the right encoding).

Headers and values are in the page's language (the same words as the pages, see
:class:`ss_hq.core.labels.Words`); each child comes with up to two guardians (phones only for
roles that may see them) and the state of its consent. Erased children are left out and
counted on a notes sheet. Every export is recorded in head office's audit chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from ss_core.domain import labels as L
from ss_core.domain.consent import consent_state
from ss_core.protocol.wire import Entity
from ss_hq.core.labels import Words, day_of, division_names
from ss_hq.core.models import ChildIndex, Record
from ss_hq.core.spreadsheets import csv_bytes, xlsx_bytes
from ss_hq.core.staff_audit import Action, record_action
from ss_hq.review.search_service import (
    ChildFilters,
    ChildRow,
    filter_conditions,
    id_in,
    iter_children,
    search_children,
    site_names,
)

GUARDIANS = 2
CHUNK = 500


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    rows: int
    erased_left_out: int


def header(words: Words, *, phones: bool) -> list[str]:
    t = words.t
    columns = [
        t("Name"),
        t("Pinyin"),
        t("Gender"),
        t("Date of birth"),
        t("Site"),
        t("Stage"),
        t("Grade"),
        t("Class"),
        t("Categories"),
        t("Hukou place"),
        t("Local hukou"),
        t("Registered"),
    ]
    for n in range(1, GUARDIANS + 1):
        columns += [f"{t('Guardian')} {n}", f"{t('Relationship')} {n}"]
        if phones:
            columns.append(f"{t('Phone')} {n}")
    columns += [t("Consent"), t("Record id")]
    return columns


def _by_child(
    session: Session, entity: str, child_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    rows = session.exec(
        select(Record.child_id, Record.fields)
        .where(Record.entity == entity)
        .where(col(Record.deleted).is_(False))
        .where(col(Record.erased).is_(False))
        .where(id_in(session, Record.child_id, child_ids))
        .order_by(col(Record.created_at), col(Record.id))
    ).all()
    for child_id, fields in rows:
        if child_id:
            out.setdefault(child_id, []).append(dict(fields or {}))
    return out


def consent_text(words: Words, consents: list[dict[str, Any]], child: Record | None) -> str:
    """The consent state as an officer reads it: given (with its scopes), withdrawn, none."""
    fields = (child.fields or {}) if child is not None else {}
    state = consent_state(
        consents,
        child_dob=day_of(fields.get("dob")),
        child_dob_precision=fields.get("dob_precision"),
    )
    t = words.t
    if state.registration_ok:
        scopes = [s for s in L.CONSENT_SCOPE if s in state.active_scopes]
        return t("Given: {scopes}").replace("{scopes}", words.codes(L.CONSENT_SCOPE, scopes))
    if state.pending_reason == "withdrawn":
        return t("Withdrawn")
    return t("No consent recorded") if not consents else t("Not valid for registration")


def _cells(
    words: Words,
    row: ChildRow,
    record: Record | None,
    guardians: list[dict[str, Any]],
    consents: list[dict[str, Any]],
    sites: dict[str, str],
    *,
    phones: bool,
) -> list[object]:
    fields = (record.fields or {}) if record is not None else {}
    cells: list[object] = [
        row.surname + row.given_name,
        row.pinyin,
        words.code(L.GENDER, row.gender) if row.gender is not None else "",
        day_of(row.dob) or row.dob,
        sites.get(row.site_id or "", ""),
        words.code(L.STAGE, row.stage) if row.stage else "",
        row.grade if row.grade is not None else "",
        fields.get("class_name") or "",
        words.codes(L.CATEGORY, list(row.categories)),
        division_names().get(str(fields.get("hukou_division") or ""), ""),
        words.yes_no(row.hukou_local),
        _day(row.registered_at),
    ]
    for n in range(GUARDIANS):
        guardian = guardians[n] if n < len(guardians) else {}
        cells += [
            guardian.get("name") or "",
            words.code(L.RELATIONSHIP, guardian.get("relationship"))
            if guardian.get("relationship")
            else "",
        ]
        if phones:
            cells.append(guardian.get("phone") or "")
    cells += [consent_text(words, consents, record), row.id]
    return cells


def _day(ms: int) -> object:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).date() if ms > 0 else ""


def _chunks(rows: Iterable[ChildRow]) -> Iterator[list[ChildRow]]:
    chunk: list[ChildRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rows(
    session: Session, filters: ChildFilters, words: Words, *, phones: bool, counter: list[int]
) -> Iterator[list[object]]:
    sites = site_names(session)
    for chunk in _chunks(iter_children(session, filters)):
        ids = [r.id for r in chunk]
        records = {
            r.id: r
            for r in session.exec(select(Record).where(id_in(session, Record.id, ids))).all()
        }
        guardians = _by_child(session, Entity.GUARDIAN.value, ids)
        consents = _by_child(session, Entity.CONSENT.value, ids)
        for row in chunk:
            counter[0] += 1
            yield _cells(
                words,
                row,
                records.get(row.id),
                guardians.get(row.id, []),
                consents.get(row.id, []),
                sites,
                phones=phones,
            )


def erased_matching(session: Session, filters: ChildFilters) -> int:
    """Erased children the filters would match (left out of lists and exports)."""
    conditions = filter_conditions(replace(filters, include_inactive=True))
    query = (
        select(func.count())
        .select_from(ChildIndex)
        .where(col(ChildIndex.erased).is_(True))
        .where(col(ChildIndex.active).is_(True))
    )
    for condition in conditions:
        query = query.where(condition)
    return int(session.exec(query).one())


def export_children(
    session: Session,
    filters: ChildFilters,
    words: Words,
    *,
    kind: str,
    phones: bool,
    actor: str,
    now: int,
) -> ExportFile:
    """The filtered list as ``xlsx`` or ``csv`` bytes, recorded in the audit chain."""
    erased = erased_matching(session, filters)
    _rows_shown, total = search_children(session, filters, limit=1)
    columns = header(words, phones=phones)
    counter = [0]
    rows = _rows(session, filters, words, phones=phones, counter=counter)
    if kind == "csv":
        content = csv_bytes(columns, rows)
    else:
        t = words.t
        content = xlsx_bytes(
            t("Children"),
            columns,
            rows,
            notes=[
                (t("Children exported"), total),
                (t("Erased children (counted, not exported)"), erased),
            ],
            notes_sheet=t("Notes"),
        )
    record_action(
        session,
        actor=actor,
        action=Action.EXPORT_CHILDREN,
        now=now,
        detail={
            "count": counter[0],
            "erased_left_out": erased,
            "format": kind,
            "phones": phones,
            # The filters, except the search text (it may be a name): only that there was one.
            "filters": {
                k: (True if k == "query" else v)
                for k, v in filters.__dict__.items()
                if v not in (None, "", False)
            },
        },
    )
    session.commit()
    return ExportFile(content, counter[0], erased)
