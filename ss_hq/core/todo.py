"""What waits for a reviewer: counted on the dashboard and in every page's navigation."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from ss_hq.core.models import Conflict, SuspectedDuplicate


def review_counts(session: Session) -> dict[str, int]:
    """{"conflicts": open conflicts, "duplicates": open suspected duplicate pairs}."""
    conflicts = session.exec(
        select(func.count()).select_from(Conflict).where(Conflict.status == "open")
    ).one()
    duplicates = session.exec(
        select(func.count())
        .select_from(SuspectedDuplicate)
        .where(SuspectedDuplicate.status == "open")
    ).one()
    return {"conflicts": int(conflicts), "duplicates": int(duplicates)}
