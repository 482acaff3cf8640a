"""Checks of incoming record fields, using the laptop's domain rules where they exist.

First the rules of the columns both sides share (:mod:`ss_core.protocol.record_fields`): a
device may write only the fields the entity has, and every value must be one a laptop can
store (valid text, a 64-bit integer, no NaN or Infinity ...). Then the domain rules.
``ss_core.domain.validation`` provides ``validate_<entity>(fields, partial=...)`` for some
entities; it is looked up at call time, so head office keeps working (with the basic checks
below) for entities whose rules are not written yet.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ss_core.protocol.ids import is_valid_id
from ss_core.protocol.record_fields import field_problems
from ss_core.protocol.wire import Entity

log = logging.getLogger(__name__)

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_FIELDS = 200
# Fields that hold a record id.
REFERENCE_FIELDS = (
    "site_id",
    "child_id",
    "program_id",
    "session_id",
    "guardian_id",
    "merged_into",
)
# A child link every dependent record must carry when it is created.
CHILD_DEPENDENTS = frozenset(
    {Entity.GUARDIAN, Entity.CONSENT, Entity.ENROLLMENT, Entity.ATTENDANCE_MARK}
)


class FieldsInvalid(ValueError):
    """Incoming fields break a rule. ``codes`` are stable issue codes; no values are kept."""

    def __init__(self, codes: list[str]) -> None:
        self.codes = codes
        super().__init__("invalid fields: " + ", ".join(codes))


def _domain_validator(entity: Entity) -> Callable[..., list[Any]] | None:
    try:
        module = importlib.import_module("ss_core.domain.validation")
    except ImportError:
        return None
    return getattr(module, f"validate_{entity.value}", None)


def check_fields(
    entity: Entity,
    fields: Mapping[str, Any],
    *,
    creating: bool,
    stored: Mapping[str, Any] | None = None,
    child: Mapping[str, Any] | None = None,
    known_only: bool = True,
) -> None:
    """Raise :class:`FieldsInvalid` when *fields* cannot be stored for *entity*.

    An edit sends only the fields it changed; *stored* (the record's current fields) gives the
    rules their context, so a grade can be checked against the stored stage. *child* is the
    child a consent belongs to (its age decides who may consent). *known_only*: refuse fields
    the entity does not have (a device's change; head office keeps a few of its own, such as a
    merged child's ``merged_into``).
    """
    codes: list[str] = []
    if len(fields) > MAX_FIELDS:
        raise FieldsInvalid(["fields.too_many"])
    for name in fields:
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            codes.append("field_name.invalid")
            break
    if not codes:
        codes = field_problems(entity, fields, known_only=known_only)
    if codes:
        raise FieldsInvalid(codes)
    for name in REFERENCE_FIELDS:
        value = fields.get(name)
        if value is not None and not is_valid_id(value):
            codes.append(f"value.invalid_id@{name}")
    if creating and entity in CHILD_DEPENDENTS and not fields.get("child_id"):
        codes.append("value.required@child_id")
    if creating and entity in (Entity.CHILD, Entity.AUDIT) and not fields.get("site_id"):
        codes.append("value.required@site_id")
    if codes:
        raise FieldsInvalid(codes)
    validator = _domain_validator(entity)
    if validator is None:
        return
    values = {**(stored or {}), **fields} if not creating else dict(fields)
    kwargs: dict[str, Any] = {"partial": not creating}
    if entity is Entity.CONSENT:
        kwargs.update(
            child_dob=_date_or_none((child or {}).get("dob")),
            child_dob_precision=(child or {}).get("dob_precision"),
        )
    try:
        issues = validator(values, **kwargs)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # A value of an unexpected shape that the rule did not anticipate: still bad input.
        log.info("domain rule for %s raised %s", entity.value, type(exc).__name__)
        raise FieldsInvalid(["value.invalid_type"]) from None
    # Only what this change touches can be refused: an old stored value is not its fault.
    errors = [
        i
        for i in issues
        if getattr(i, "is_error", True) and (creating or i.field in fields or i.field == "")
    ]
    if errors:
        raise FieldsInvalid([f"{i.code}@{i.field}" for i in errors])


def _date_or_none(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
