"""Record identities: UUIDv7, made on the laptop, sortable by creation time."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> str:
    """A fresh UUIDv7 in its canonical 36-character text form."""
    return str(uuid6.uuid7())


def is_valid_id(value: object) -> bool:
    """True when *value* is a canonical UUID string (any version we might receive)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
