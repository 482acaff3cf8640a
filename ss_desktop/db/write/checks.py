"""The checks of the one write path: each record's fields by the domain rules the laptop and
head office share (``ss_core.domain``), and the records a change refers to (a guardian's child,
an enrollment's program...), which must exist on this laptop or come in the same save.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.consent import validate_consent
from ss_core.domain.errors import Issue
from ss_core.domain.validation import validate_child, validate_guardian
from ss_core.protocol.wire import Entity
from ss_desktop.db import rows as sql
from ss_desktop.db.engine import raw_cursor
from ss_desktop.db.write.changes import Plan

UNKNOWN_REFERENCE = "reference.unknown"  # Issue code: child_id/program_id/... not found

_REFERENCES: dict[Entity, tuple[tuple[str, Entity], ...]] = {
    Entity.GUARDIAN: (("child_id", Entity.CHILD),),
    Entity.CONSENT: (("child_id", Entity.CHILD),),
    Entity.ENROLLMENT: (("child_id", Entity.CHILD), ("program_id", Entity.PROGRAM)),
    Entity.ATTENDANCE_SESSION: (("program_id", Entity.PROGRAM),),
    Entity.ATTENDANCE_MARK: (
        ("session_id", Entity.ATTENDANCE_SESSION),
        ("child_id", Entity.CHILD),
    ),
}


class RecordChecks:
    """Validation of planned records; caches the administrative division codes it looks up."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._division_codes: frozenset[str] | None = None

    def division_exists(self, code: str) -> bool:
        if self._division_codes is None:
            with self.engine.connect() as conn:
                cur = raw_cursor(conn)
                self._division_codes = frozenset(
                    r[0] for r in cur.execute("SELECT code FROM division WHERE valid_to IS NULL")
                )
        return code in self._division_codes

    def validate(
        self,
        entity: Entity,
        values: dict[str, Any],
        partial: bool,
        today: date,
        batch: dict[Entity, dict[str, dict[str, Any]]],
        cursor: sqlite3.Cursor,
    ) -> list[Issue]:
        if entity is Entity.CHILD:
            return validate_child(
                values, today=today, division_exists=self.division_exists, partial=partial
            )
        if entity is Entity.GUARDIAN:
            return validate_guardian(values, partial=partial)
        if entity is Entity.CONSENT:
            child_id = values.get("child_id")
            child = batch.get(Entity.CHILD, {}).get(child_id) if child_id else None
            if child is None and child_id:
                found = cursor.execute(
                    "SELECT dob, dob_precision FROM child WHERE id = ?", (child_id,)
                ).fetchone()
                child = {"dob": found[0], "dob_precision": found[1]} if found else {}
            child = child or {}
            dob = child.get("dob")
            return validate_consent(
                values,
                child_dob=date.fromisoformat(dob) if isinstance(dob, str) else dob,
                child_dob_precision=child.get("dob_precision"),
                today=today,
                partial=partial,
            )
        return []

    @staticmethod
    def check_references(
        cursor: sqlite3.Cursor,
        plans: list[Plan],
        batch: dict[Entity, dict[str, dict[str, Any]]],
    ) -> list[Issue]:
        wanted: dict[Entity, set[str]] = {}
        for plan in plans:
            for name, target in _REFERENCES.get(plan.entity, ()):
                ref = plan.changed.get(name)
                if ref and ref not in batch.get(target, {}):
                    wanted.setdefault(target, set()).add(ref)
        found = {t: sql.existing_ids(cursor, t, ids) for t, ids in wanted.items()}
        issues = []
        for plan in plans:
            for name, target in _REFERENCES.get(plan.entity, ()):
                ref = plan.changed.get(name)
                if ref and ref not in batch.get(target, {}) and ref not in found[target]:
                    issues.append(Issue(UNKNOWN_REFERENCE, name, {"entity": target.value}))
        return issues
