"""What the one write path takes and gives: a :class:`Change` in, a :class:`ChangeSet` out, and
between the two, the :class:`Plan` of each change (validated, ready to write) with the few facts
derived from it (its audit action, the children it re-indexes for search).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ss_core.domain.errors import Issue
from ss_core.domain.pinyin import display_pinyin as _display_pinyin
from ss_core.protocol.wire import Entity
from ss_desktop.db.codec import from_column

# Fields whose change re-indexes the child for search.
_SEARCH_FIELDS = frozenset({"surname", "given_name", "pinyin", "id_number", "deleted"})


@dataclass
class Change:
    """One record change. ``record_id=None`` creates a record with a new UUIDv7; an id that
    does not exist yet also creates (so a batch can link a child and its guardians)."""

    entity: Entity
    record_id: str | None
    fields: dict[str, Any]
    deleted: bool = False


@dataclass
class ChangeSet:
    created: dict[Entity, list[str]] = field(default_factory=dict)
    updated: dict[Entity, list[str]] = field(default_factory=dict)
    outbox_seqs: list[int] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.created and not self.updated

    def add(self, entity: Entity, record_id: str, *, created: bool) -> None:
        target = self.created if created else self.updated
        target.setdefault(entity, []).append(record_id)

    def touched(self) -> dict[str, list[str]]:
        """{entity: ids} created or updated, as the window's data_changed event names them."""
        out: dict[str, list[str]] = {}
        for group in (self.created, self.updated):
            for entity, ids in group.items():
                out.setdefault(str(entity.value), []).extend(ids)
        return out


@dataclass
class Plan:
    """A validated change ready to write."""

    entity: Entity
    record_id: str
    created: bool
    changed: dict[str, Any]  # normalized values of the fields that change
    full: dict[str, Any]  # the record after the change (domain values)
    stored: dict[str, Any] | None  # raw stored row (edits)
    deleted: bool


@lru_cache(maxsize=65536)
def display_pinyin(surname: str, given: str) -> str:
    """The pinyin shown in lists ("Shan Xiongxin"), cached: names repeat a lot."""
    return _display_pinyin(surname, given)


def batch_children(plans: Sequence[Plan]) -> dict[str, dict[str, Any]]:
    return {p.record_id: p.full for p in plans if p.entity is Entity.CHILD}


def action_for(plan: Plan) -> str:
    if plan.stored is None:
        return "create"
    if plan.deleted and not plan.stored["deleted"]:
        return "delete"
    if plan.entity is Entity.CHILD and "status" in plan.changed:
        old = plan.stored.get("status")
        new = plan.changed["status"]
        if new == "archived":
            return "archive"
        if old == "archived" and new == "active":
            return "restore"
    return "edit"


def children_to_reindex(plan: Plan, names: Sequence[str]) -> list[str]:
    if plan.entity is Entity.CHILD:
        return [plan.record_id] if plan.stored is None or _SEARCH_FIELDS & set(names) else []
    if plan.entity is Entity.GUARDIAN and (
        plan.stored is None or {"phone", "child_id", "deleted"} & set(names)
    ):
        ids = [plan.full.get("child_id")]
        if plan.stored is not None:
            ids.append(from_column(Entity.GUARDIAN, "child_id", plan.stored.get("child_id")))
        return [i for i in ids if i]
    return []
