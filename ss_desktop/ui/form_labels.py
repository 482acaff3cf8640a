"""Translatable labels of the stored codes (enums) the form, sites and attendance pages show.

The tables live in :mod:`ss_core.domain.labels` (head office shows the same words); labels are
English source text in the "Enum" context, translated at the moment they are shown
(``enum_label``) so a language switch takes effect at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ss_core.domain.labels import (
    ATTENDANCE,
    CATEGORY,
    CHILD_STATUS,
    CONSENT_METHOD,
    CONSENT_SCOPE,
    DISABILITY,
    DISABILITY_GRADE,
    DOB_PRECISION,
    ENUM_CONTEXT,
    FREQUENCY,
    GENDER,
    GIVER_ROLE,
    HARDSHIP,
    HUKOU_TYPE,
    LIVING,
    PARENT_STATUS,
    PROGRAM_TYPE,
    RELATIONSHIP,
    ROLE,
    SCHOOL_SYSTEM,
    SITE_STATUS,
    SITE_TYPE,
    STAGE,
)

__all__ = [  # the tables, re-exported for the pages
    "ATTENDANCE",
    "CATEGORY",
    "CHILD_STATUS",
    "CONSENT_METHOD",
    "CONSENT_SCOPE",
    "DISABILITY",
    "DISABILITY_GRADE",
    "DOB_PRECISION",
    "ENUM_CONTEXT",
    "FREQUENCY",
    "GENDER",
    "GIVER_ROLE",
    "HARDSHIP",
    "HUKOU_TYPE",
    "LIVING",
    "PARENT_STATUS",
    "PROGRAM_TYPE",
    "RELATIONSHIP",
    "ROLE",
    "SCHOOL_SYSTEM",
    "SITE_STATUS",
    "SITE_TYPE",
    "STAGE",
    "enum_label",
]


def enum_label(labels: Mapping[Any, str], value: object) -> str:
    """The translated label of a stored code; the code itself when it has no label."""
    text = labels.get(value)
    if text is None:
        return "" if value is None else str(value)
    return QCoreApplication.translate(ENUM_CONTEXT, text)
