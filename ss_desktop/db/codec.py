"""Values between the domain, the wire (JSON) and SQLite columns."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import orjson

from ss_core.domain.normalize import (
    clean_text,
    normalize_id_number,
    normalize_name,
    normalize_phone,
)
from ss_core.protocol.wire import Entity
from ss_desktop.db.tables import JSON_LIST_FIELDS, SYNCED_TABLES, data_fields

NAME_FIELDS = {
    Entity.CHILD: ("surname", "given_name", "caregiver_name"),
    Entity.GUARDIAN: ("name",),
    Entity.CONSENT: ("giver_name",),
}
MULTILINE_FIELDS = frozenset({"notes"})

# Fields wiped when head office orders an erasure (PIPL): everything that names a person.
PERSONAL_FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.CHILD: (
        "surname",
        "given_name",
        "pinyin",
        "dob",
        "id_number",
        "hukou_division",
        "residence_division",
        "class_name",
        "father_work_place",
        "mother_work_place",
        "caregiver_name",
        "care_placement",
        "notes",
    ),
    Entity.GUARDIAN: ("name", "phone", "work_place"),
    Entity.CONSENT: ("giver_name", "collector"),
}

_BOOL_COLUMNS: dict[Entity, frozenset[str]] = {}
_DEFAULTS: dict[Entity, dict[str, Any]] = {}
_FIELDS: dict[Entity, tuple[str, ...]] = {}
for _entity, _model in SYNCED_TABLES.items():
    _FIELDS[_entity] = data_fields(_entity)
    _BOOL_COLUMNS[_entity] = frozenset(
        name
        for name, info in _model.model_fields.items()
        if info.annotation in (bool, "bool")
        or str(info.annotation) in ("bool | None", "typing.Optional[bool]")
    )
    _DEFAULTS[_entity] = {name: _model.model_fields[name].default for name in _FIELDS[_entity]}


def fields_of(entity: Entity) -> tuple[str, ...]:
    return _FIELDS[entity]


def defaults_of(entity: Entity) -> dict[str, Any]:
    return _DEFAULTS[entity]


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_LIST_FIELDS: dict[Entity, frozenset[str]] = {
    entity: JSON_LIST_FIELDS.get(entity, frozenset()) for entity in SYNCED_TABLES
}


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, compact, UTF-8 text). orjson: this is the hottest call of
    the write path (outbox fields, audit details, list columns)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _clean(kind: str, value: str) -> str | None:
    if kind == "name":
        value = normalize_name(value)
    elif kind == "id_number":
        value = normalize_id_number(value)
    elif kind == "phone":
        value = normalize_phone(value) if value.strip() else ""
    else:
        value = clean_text(value, multiline=kind == "multiline")
    return value or None


# Short values repeat endlessly (enum codes, names, grades): clean each once.
_normalize_text = functools.lru_cache(maxsize=65_536)(_clean)


def normalize_value(entity: Entity, name: str, value: Any) -> Any:
    """The stored (and wire) form of one field value: plain JSON types, cleaned text."""
    if value is None or type(value) in (int, bool):
        return value
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if name in NAME_FIELDS.get(entity, ()):
            kind = "name"
        elif name == "id_number" or name == "phone":
            kind = name
        else:
            kind = "multiline" if name in MULTILINE_FIELDS else "text"
        return _normalize_text(kind, value) if len(value) <= 64 else _clean(kind, value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [v.value if isinstance(v, Enum) else v for v in value]
        return list(dict.fromkeys(items))
    return value


def to_column(entity: Entity, name: str, value: Any) -> Any:
    """A normalized field value as stored in its column."""
    if name in _LIST_FIELDS[entity]:
        return dumps(list(value) if value is not None else [])
    return value


def from_column(entity: Entity, name: str, value: Any) -> Any:
    """A column value as the domain sees it (lists parsed, 0/1 as bool)."""
    if value is None:
        return [] if name in JSON_LIST_FIELDS.get(entity, ()) else None
    if name in JSON_LIST_FIELDS.get(entity, ()):
        return json.loads(value)
    if name in _BOOL_COLUMNS[entity]:
        return bool(value)
    return value


def decode_row(entity: Entity, row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (from_column(entity, key, value) if key in _FIELDS[entity] else value)
        for key, value in row.items()
    }


# Per-field HLC stamps. A record created in one save has every field at the same stamp, so
# it is stored as {"*": stamp}; later edits add the fields they change. This keeps ~1 KB of
# repeated stamps out of every row.
DEFAULT_STAMP_KEY = "*"


def load_field_hlcs(text: str | None) -> dict[str, str]:
    return json.loads(text) if text else {}


def field_stamp(stamps: dict[str, str], name: str) -> str | None:
    """The stamp of *name*: its own, else the record's creation stamp."""
    return stamps.get(name) or stamps.get(DEFAULT_STAMP_KEY)


def expand_field_hlcs(stamps: dict[str, str], names: Iterable[str]) -> dict[str, str]:
    """Every field's stamp spelled out (for reading and for the wire)."""
    return {n: s for n in names if (s := field_stamp(stamps, n)) is not None}
