"""The per-field merge rule shared by laptop and head office (docs/design/sync.md).

Every synced field carries the HLC of the write that set it. Two replicas merge a record
field by field: the higher HLC wins. Ties (the same stamp, which only one write can have)
are broken by the canonical JSON of the value so the rule stays deterministic, making
:func:`merge_fields` commutative, associative and idempotent.

Head office additionally classifies an incoming change against the record version the
laptop based its edit on (:func:`merge_incoming`): a field changed by someone else since
that version, with a different value, is a *conflict* — the higher HLC still wins, and the
losing value is reported so it can be kept in the change history and reviewed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Stamped:
    """A field value and the HLC string of the write that set it."""

    value: Any
    hlc: str

    def sort_key(self) -> tuple[str, str]:
        return (self.hlc, canonical_json(self.value))


def beats(a: Stamped, b: Stamped) -> bool:
    """True when *a* wins over *b*."""
    return a.sort_key() > b.sort_key()


def merge_field(a: Stamped, b: Stamped) -> Stamped:
    return a if a.sort_key() >= b.sort_key() else b


def merge_fields(a: Mapping[str, Stamped], b: Mapping[str, Stamped]) -> dict[str, Stamped]:
    """Union of both field maps, each field taking the winning stamped value."""
    merged: dict[str, Stamped] = dict(a)
    for name, incoming in b.items():
        current = merged.get(name)
        merged[name] = incoming if current is None else merge_field(current, incoming)
    return merged


class FieldStatus(StrEnum):
    APPLIED = "applied"  # incoming value taken, nobody else changed the field meanwhile
    SUPERSEDED = "superseded"  # a later write already holds the field; incoming value lost
    CONFLICT = "conflict"  # concurrent edits of the same field with different values
    UNCHANGED = "unchanged"  # incoming value equals the stored one


@dataclass(frozen=True, slots=True)
class FieldState:
    """A field as stored at head office: value, HLC, and the record version that wrote it."""

    value: Any
    hlc: str
    version: int


@dataclass(slots=True)
class FieldOutcome:
    name: str
    status: FieldStatus
    winner: Stamped
    loser: Stamped | None = None
    incoming_won: bool = False


@dataclass(slots=True)
class MergeOutcome:
    fields: dict[str, FieldOutcome] = field(default_factory=dict)

    @property
    def changed(self) -> dict[str, Stamped]:
        """Fields whose stored value must change: those where the incoming value won."""
        return {name: out.winner for name, out in self.fields.items() if out.incoming_won}

    @property
    def conflicts(self) -> list[FieldOutcome]:
        return [out for out in self.fields.values() if out.status is FieldStatus.CONFLICT]


def merge_incoming(
    current: Mapping[str, FieldState],
    incoming: Mapping[str, Any],
    incoming_hlc: str,
    base_version: int | None,
) -> MergeOutcome:
    """Classify each incoming field against the stored record.

    *base_version* is the record version the sender had seen (None or 0 for a new record).
    A stored field written at a version above *base_version* was changed concurrently.
    """
    outcome = MergeOutcome()
    base = base_version or 0
    for name, value in incoming.items():
        new = Stamped(value, incoming_hlc)
        stored = current.get(name)
        if stored is None:
            outcome.fields[name] = FieldOutcome(name, FieldStatus.APPLIED, new, None, True)
            continue
        old = Stamped(stored.value, stored.hlc)
        incoming_wins = beats(new, old)
        if canonical_json(stored.value) == canonical_json(value):
            status = FieldStatus.UNCHANGED
        elif stored.version > base:
            status = FieldStatus.CONFLICT
        elif incoming_wins:
            status = FieldStatus.APPLIED
        else:
            status = FieldStatus.SUPERSEDED
        won = incoming_wins and status is not FieldStatus.UNCHANGED
        winner, loser = (new, old) if incoming_wins else (old, new)
        outcome.fields[name] = FieldOutcome(name, status, winner, loser, won)
    return outcome
