"""How a laptop is named on every staff page: the name given at enrollment (renamable at head
office), with the last characters of its id only when another laptop has the same name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlmodel import Session, select

from ss_hq.core.models import Device

TIEBREAK_CHARS = 6


def device_labels(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{device id: label} for (id, name) pairs: the name, and ``name · 1a2b3c`` (the id's
    last six characters) for laptops that share their name with another."""
    items = list(pairs)
    counts: dict[str, int] = {}
    for _id, name in items:
        key = (name or "").strip().casefold()
        counts[key] = counts.get(key, 0) + 1
    out: dict[str, str] = {}
    for device_id, name in items:
        shown = (name or "").strip()
        if not shown or counts[shown.casefold()] > 1:
            suffix = device_id.replace("-", "")[-TIEBREAK_CHARS:]
            shown = f"{shown} · {suffix}" if shown else suffix
        out[device_id] = shown
    return out


def all_device_labels(session: Session) -> dict[str, str]:
    return device_labels(session.exec(select(Device.id, Device.name)).all())


def label_of(labels: Mapping[str, str], device_id: str | None, head_office: str) -> str:
    """The label of *device_id*; *head_office* (already translated) when there is none."""
    if not device_id:
        return head_office
    return labels.get(device_id, device_id.replace("-", "")[-TIEBREAK_CHARS:])
