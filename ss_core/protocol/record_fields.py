"""The fields each synced entity has, and which values the wire may carry in them.

Both sides keep these rules: the laptop's tables have exactly these data columns (a test
compares them), and head office refuses a pushed change that names another field or carries a
value a laptop could not store, before anything of it is written. The rules are the column's:

* text is a string of Unicode scalar values without NUL (no lone surrogate such as
  ``"\\ud800"``: neither JSON encoders nor SQLite's UTF-8 text can hold one);
* an integer is a JSON integer inside SQLite's (and PostgreSQL's BIGINT) 64-bit range — never
  a bool, never a float (``1.0``, ``NaN``, ``Infinity``);
* a boolean is true or false; a list is a list of texts (categories, consent scopes);
* ``null`` is "not given" in every field.

The domain rules (:mod:`ss_core.domain.validation`) then check what the values mean.
Problems are stable codes ``<problem>@<field>``; they never hold the value (it may be a
child's personal data).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from ss_core.protocol.wire import INT64_MAX, INT64_MIN, Entity, storable_text


class Kind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TEXT_LIST = "text_list"


T, N, B, L = Kind.TEXT, Kind.INTEGER, Kind.BOOLEAN, Kind.TEXT_LIST  # text, number, bool, list

RECORD_FIELDS: dict[Entity, dict[str, Kind]] = {
    Entity.SITE: {
        "code": T,
        "name": T,
        "site_type": T,
        "division_code": T,
        "boarding": B,
        "city_tier": N,
        "status": T,
    },
    Entity.PROGRAM: {
        "name": T,
        "program_type": T,
        "site_id": T,
        "term": T,
        "starts_on": T,
        "ends_on": T,
    },
    Entity.CHILD: {
        "surname": T,
        "given_name": T,
        "pinyin": T,
        "gender": N,
        "dob": T,
        "dob_precision": T,
        "id_number": T,
        "hukou_division": T,
        "hukou_type": T,
        "residence_division": T,
        "site_id": T,
        "stage": T,
        "grade": N,
        "school_system": T,
        "class_name": T,
        "boarding": B,
        "categories": L,
        "living_arrangement": T,
        "father_status": T,
        "mother_status": T,
        "father_work_place": T,
        "mother_work_place": T,
        "parent_visit_frequency": T,
        "caregiver_name": T,
        "care_placement": T,
        "care_since": T,
        "disability_types": L,
        "disability_grade": N,
        "disability_certificate": B,
        "autism": B,
        "hardship": T,
        "hardship_evidence_seen": B,
        "notes": T,
        "status": T,
        "archive_reason": T,
    },
    Entity.GUARDIAN: {
        "child_id": T,
        "name": T,
        "relationship": T,
        "is_legal_guardian": B,
        "is_primary_caregiver": B,
        "phone": T,
        "status": T,
        "work_place": T,
        "contact_frequency": T,
    },
    Entity.CONSENT: {
        "child_id": T,
        "giver_name": T,
        "giver_relationship": T,
        "giver_role": T,
        "method": T,
        "given_on": T,
        "notice_version": T,
        "scopes": L,
        "child_assent": B,
        "collector": T,
        "withdrawn_on": T,
        "withdrawal_reason": T,
    },
    Entity.ENROLLMENT: {"child_id": T, "program_id": T, "since": T, "until": T},
    Entity.ATTENDANCE_SESSION: {"program_id": T, "held_on": T, "lessons": N, "topic": T},
    Entity.ATTENDANCE_MARK: {"session_id": T, "child_id": T, "mark": T},
    # An audit entry pushed as a change (laptops send their audit log to POST /api/v1/audit;
    # an entry sent this way must name one of the device's sites like any other record).
    Entity.AUDIT: {
        "site_id": T,
        "at": T,
        "actor": T,
        "action": T,
        "entity": T,
        "record_id": T,
        "detail": T,
    },
}
del T, N, B, L


def storable_integer(value: int) -> bool:
    return INT64_MIN <= value <= INT64_MAX


def value_problem(kind: Kind | None, value: Any) -> str | None:
    """Why *value* cannot be stored in a field of *kind* (None: it can). *kind* None: any
    JSON value (a field head office keeps for itself) made of storable parts."""
    if value is None:
        return None
    if kind is None:
        return _any_problem(value, 0)
    if kind is Kind.TEXT:
        if type(value) is not str:
            return "value.invalid_type"
        return None if storable_text(value) else "text.invalid_characters"
    if kind is Kind.INTEGER:
        if type(value) is int:
            return None if storable_integer(value) else "value.out_of_range"
        if type(value) is float and not math.isfinite(value):
            return "value.not_finite"
        return "value.invalid_type"
    if kind is Kind.BOOLEAN:
        return None if type(value) is bool else "value.invalid_type"
    if not isinstance(value, list) or any(type(item) is not str for item in value):
        return "value.invalid_type"
    return None if all(storable_text(item) for item in value) else "text.invalid_characters"


def _any_problem(value: Any, depth: int) -> str | None:
    kind = type(value)
    if value is None or kind is bool:
        return None
    if kind is str:
        return None if storable_text(value) else "text.invalid_characters"
    if kind is int:
        return None if storable_integer(value) else "value.out_of_range"
    if kind is float:
        return None if math.isfinite(value) else "value.not_finite"
    if depth > 20:
        return "value.too_deep"
    if kind is list:
        for item in value:
            if (problem := _any_problem(item, depth + 1)) is not None:
                return problem
        return None
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or not storable_text(key):
                return "field_name.invalid"
            if (problem := _any_problem(item, depth + 1)) is not None:
                return problem
        return None
    return "value.invalid_type"


def field_problems(
    entity: Entity | None, fields: Mapping[str, Any], *, known_only: bool = True
) -> list[str]:
    """``<problem>@<field>`` for each field of *fields* that *entity* does not have
    (``field.unknown``; only with *known_only*) or whose value cannot be stored."""
    kinds = RECORD_FIELDS.get(entity, {}) if entity is not None else {}
    # The common case first, inline (this runs for every pushed and every pulled record):
    # known fields holding plain values of their kind.
    for name, value in fields.items():
        kind = kinds.get(name)
        if kind is None:
            break
        kind_of_value = type(value)
        if value is None or (kind_of_value is bool and kind is Kind.BOOLEAN):
            continue
        if kind_of_value is str:
            if kind is Kind.TEXT and storable_text(value):
                continue
        elif kind_of_value is int:
            if kind is Kind.INTEGER and INT64_MIN <= value <= INT64_MAX:
                continue
        elif (
            kind_of_value is list and kind is Kind.TEXT_LIST and value_problem(kind, value) is None
        ):
            continue
        break
    else:
        return []
    problems: list[str] = []
    for name, value in fields.items():
        if type(name) is not str or not storable_text(name):
            problems.append("field_name.invalid")
            continue
        kind = kinds.get(name)
        if kind is None and known_only:
            problems.append(f"field.unknown@{name}")
            continue
        problem = value_problem(kind, value)
        if problem is not None:
            problems.append(f"{problem}@{name}")
    return problems


def stored_problems(
    entity: str, fields: Mapping[str, Any], stamps: Iterable[Any] = ()
) -> list[str]:
    """What makes a stored record unfit to send to a laptop: a value of one of its fields a
    laptop could not store, a field name or a stamp that is not storable text. Fields the
    entity does not have are not a problem here (laptops ignore them)."""
    known = Entity(entity) if entity in Entity._value2member_map_ else None
    problems = field_problems(known, fields, known_only=False)
    for stamp in stamps:
        if type(stamp) is not str or not storable_text(stamp):
            problems.append("hlc.invalid")
            break
    return problems
