"""Sensitive fields are masked whenever a child is read for display.

PIPL minimisation (docs/design/domain.md): the ID number, the guardians' phones and the detail of
disability, hardship and care placement stay hidden unless needed. Every screen reads a child
through :meth:`ChildrenService.view`, which masks these fields for every role; showing the
stored values is :meth:`ChildrenService.reveal`, allowed with ``Permission.VIEW_SENSITIVE``
only, and each showing writes one audit row naming the fields (never their values).

The model stores no street address: the hukou place and where the child lives are county
codes (GB/T 2260), which category suggestions need, so they are not masked.

Masks:
- ID number: only the last 4 characters stay (``**************123X``);
- phone: the first 3 and last 4 digits stay (``138****5678``);
- free text: ``••••••`` (the same length whatever the text, so its length tells nothing);
- choices (hardship, disability types/grade/certificate, autism): no value at all; the
  record's ``masked`` list says the field holds something hidden.

A masked value must never be saved back as a new value: :func:`drop_masked_echoes` removes,
from an edit, every field whose value is still the mask of the stored value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

MASK_CHAR = "*"
TEXT_MASK = "••••••"
ID_KEEP_LAST = 4
PHONE_KEEP_FIRST = 3
PHONE_KEEP_LAST = 4
MASKED_KEY = "masked"  # the list of masked field names added to a masked record
GUARDIAN_PREFIX = "guardian."


class MaskKind(StrEnum):
    ID_NUMBER = "id_number"
    PHONE = "phone"
    TEXT = "text"
    CHOICE = "choice"


CHILD_SENSITIVE: dict[str, MaskKind] = {
    "id_number": MaskKind.ID_NUMBER,
    "disability_types": MaskKind.CHOICE,
    "disability_grade": MaskKind.CHOICE,
    "disability_certificate": MaskKind.CHOICE,
    "autism": MaskKind.CHOICE,
    "hardship": MaskKind.CHOICE,
    "care_placement": MaskKind.TEXT,
}
GUARDIAN_SENSITIVE: dict[str, MaskKind] = {"phone": MaskKind.PHONE}
# The names reveal() accepts and the audit log records: child fields, then "guardian.<field>".
SENSITIVE_FIELDS: tuple[str, ...] = (
    *CHILD_SENSITIVE,
    *(GUARDIAN_PREFIX + name for name in GUARDIAN_SENSITIVE),
)


def mask_id_number(value: str) -> str:
    """``**************123X``: only the last 4 characters stay."""
    text = str(value)
    keep = ID_KEEP_LAST if len(text) > ID_KEEP_LAST else 0
    return MASK_CHAR * (len(text) - keep) + text[len(text) - keep :]


def mask_phone(value: str) -> str:
    """``138****5678``: the first 3 and last 4 digits stay (short numbers: all hidden)."""
    text = str(value)
    if len(text) < PHONE_KEEP_FIRST + PHONE_KEEP_LAST + 1:
        return MASK_CHAR * len(text)
    hidden = len(text) - PHONE_KEEP_FIRST - PHONE_KEEP_LAST
    return text[:PHONE_KEEP_FIRST] + MASK_CHAR * hidden + text[-PHONE_KEEP_LAST:]


def has_value(value: Any) -> bool:
    """Whether a stored field holds something (False is an answer; None, "" and [] are not)."""
    return value is not None and value != "" and value != []


def mask_value(kind: MaskKind, value: Any) -> Any:
    """What a screen shows instead of *value* (an empty value is shown as it is)."""
    if not has_value(value):
        return value
    if kind is MaskKind.ID_NUMBER:
        return mask_id_number(value)
    if kind is MaskKind.PHONE:
        return mask_phone(value)
    if kind is MaskKind.TEXT:
        return TEXT_MASK
    return [] if isinstance(value, list) else None


def mask_record(record: Mapping[str, Any], sensitive: Mapping[str, MaskKind]) -> dict[str, Any]:
    """A copy of *record* with its sensitive values masked and ``masked`` listing them."""
    out = dict(record)
    masked = []
    for name, kind in sensitive.items():
        if name in out and has_value(out[name]):
            out[name] = mask_value(kind, out[name])
            masked.append(name)
    out[MASKED_KEY] = masked
    return out


def mask_child(child: Mapping[str, Any]) -> dict[str, Any]:
    """A child as ``ChildrenService.get`` returns it, masked for display, guardians too."""
    out = mask_record(child, CHILD_SENSITIVE)
    out["guardians"] = [mask_record(g, GUARDIAN_SENSITIVE) for g in child.get("guardians", [])]
    return out


def drop_masked_echoes(
    fields: Mapping[str, Any], stored: Mapping[str, Any], sensitive: Mapping[str, MaskKind]
) -> dict[str, Any]:
    """*fields* without the sensitive ones that only repeat the mask of the stored value.

    A form shows ``**************123X``; saved unchanged, that text must keep the stored ID
    number, not replace it. Choices are masked as "no value", which cannot be told from a
    cleared field here: the form leaves masked choices out of what it saves.
    """
    out = dict(fields)
    for name, kind in sensitive.items():
        if kind is MaskKind.CHOICE or name not in out:
            continue
        current = stored.get(name)
        if has_value(current) and out[name] == mask_value(kind, current):
            del out[name]
    return out


def check_field_names(names: Iterable[str]) -> tuple[str, ...]:
    """The sensitive field names asked for, in the canonical order; unknown names refused."""
    wanted = list(dict.fromkeys(names))
    unknown = [n for n in wanted if n not in SENSITIVE_FIELDS]
    if unknown:
        raise ValueError(f"not sensitive fields: {sorted(unknown)}")
    return tuple(n for n in SENSITIVE_FIELDS if n in wanted)
