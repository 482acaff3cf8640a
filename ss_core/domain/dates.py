"""Dates of birth with a precision (exact / month / year) and ages computed from them.

A date of birth of month precision is stored as the 1st of that month, of year precision as
1 January. Ages are computed *conservatively*: the youngest the child can be (born on the last
possible day), so a child is never treated as 14 or 18 before they certainly are.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from ss_core.domain.enums import DobPrecision, member
from ss_core.domain.errors import Issue, IssueCode, Severity, ValidationFailed
from ss_core.domain.normalize import to_halfwidth

ADULT_AGE = 18
SELF_CONSENT_AGE = 14  # PIPL: under 14 needs a guardian's consent
MIN_BIRTH_YEAR = 1900

_EXACT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_EXACT_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_YEAR = re.compile(r"^(\d{4})\s*年?$")


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _precision(precision: str | DobPrecision | None) -> DobPrecision:
    """None means exact; an unknown value counts as year precision (the most cautious)."""
    if precision is None:
        return DobPrecision.EXACT
    try:
        return member(DobPrecision, precision)
    except ValueError:
        return DobPrecision.YEAR


def parse_dob(text: str) -> tuple[date, DobPrecision]:
    """Parse "2015-03-04", "2015-03" or "2015" (also / . 年月日 separators, "20150304").

    Raises :class:`ValidationFailed` with ``dob.format`` for anything else.
    """
    fail = ValidationFailed([Issue(IssueCode.DOB_FORMAT, "dob")])
    if not isinstance(text, str):
        raise fail
    s = to_halfwidth(text).strip()
    try:
        if m := _EXACT.match(s) or _EXACT_COMPACT.match(s):
            result = date(int(m[1]), int(m[2]), int(m[3])), DobPrecision.EXACT
        elif m := _MONTH.match(s):
            result = date(int(m[1]), int(m[2]), 1), DobPrecision.MONTH
        elif m := _YEAR.match(s):
            result = date(int(m[1]), 1, 1), DobPrecision.YEAR
        else:
            raise fail
    except ValueError:
        raise fail from None
    if result[0].year < MIN_BIRTH_YEAR:
        raise fail
    return result


def format_dob(dob: date, precision: str | DobPrecision) -> str:
    """ "2015-03-04", "2015-03" or "2015" — the inverse of :func:`parse_dob`."""
    p = _precision(precision)
    if p == DobPrecision.YEAR:
        return f"{dob.year:04d}"
    if p == DobPrecision.MONTH:
        return f"{dob.year:04d}-{dob.month:02d}"
    return dob.isoformat()


def normalize_dob(dob: date, precision: str | DobPrecision) -> date:
    """The stored form: day (and month) set to 1 for month (year) precision."""
    p = _precision(precision)
    if p == DobPrecision.YEAR:
        return date(dob.year, 1, 1)
    if p == DobPrecision.MONTH:
        return date(dob.year, dob.month, 1)
    return dob


def earliest_birth(dob: date, precision: str | DobPrecision) -> date:
    return normalize_dob(dob, precision)


def latest_birth(dob: date, precision: str | DobPrecision) -> date:
    p = _precision(precision)
    if p == DobPrecision.YEAR:
        return date(dob.year, 12, 31)
    if p == DobPrecision.MONTH:
        return date(dob.year, dob.month, calendar.monthrange(dob.year, dob.month)[1])
    return dob


def _years_between(born: date, on: date) -> int:
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return max(0, years)


def age_on(dob: date, precision: str | DobPrecision, today: date) -> int:
    """Completed years on ``today``, the youngest the child can be given the precision.

    0 for a birth date after ``today``.
    """
    return _years_between(latest_birth(dob, precision), today)


def needs_guardian_consent(
    dob: date | str | None, precision: str | DobPrecision | None, today: date | None = None
) -> bool:
    """True when the child may be under 14 (unknown birth dates count as under 14)."""
    if isinstance(dob, str):
        try:
            dob = coerce_date(dob)
        except ValueError:
            dob = None
    if dob is None:
        return True
    return age_on(dob, _precision(precision), _today(today)) < SELF_CONSENT_AGE


def validate_dob(
    dob: date, precision: str | DobPrecision, *, today: date | None = None
) -> list[Issue]:
    """Future birth date: error. Certainly 18 or older: warning ``dob.too_old``."""
    now = _today(today)
    p = _precision(precision)
    if earliest_birth(dob, p) > now:
        return [Issue(IssueCode.DOB_FUTURE, "dob")]
    if dob.year < MIN_BIRTH_YEAR:
        return [Issue(IssueCode.DOB_FORMAT, "dob")]
    issues: list[Issue] = []
    if normalize_dob(dob, p) != dob:
        issues.append(Issue(IssueCode.DOB_PRECISION_MISMATCH, "dob", {"precision": p.value}))
    age = age_on(dob, p, now)
    if age >= ADULT_AGE:
        issues.append(Issue(IssueCode.DOB_TOO_OLD, "dob", {"age": age}, Severity.WARNING))
    return issues


def coerce_date(value: Any) -> date:
    """A ``date`` from a date, datetime or ISO "YYYY-MM-DD" string; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            return date.fromisoformat(s)
    raise ValueError("not an ISO date")
