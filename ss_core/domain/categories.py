"""Suggesting the six beneficiary categories from a child's record.

Suggestions only: the user confirms them. Each suggestion comes with a stable reason code.

Simplifications (documented on purpose):
- "Rural hukou" for left-behind: since the 2014 reform most children hold a unified resident
  hukou (居民户口), which does not say rural or urban. We therefore accept every hukou type
  except the legacy non-agricultural one; the user confirms.
- An unknown date of birth does not block the left-behind suggestion (under-16 is assumed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ss_core.domain.dates import age_on, coerce_date
from ss_core.domain.enums import (
    Category,
    DobPrecision,
    HardshipStatus,
    HukouType,
    LivingArrangement,
    ParentStatus,
    SiteType,
    member,
)

LEFT_BEHIND_MAX_AGE = 15  # under 16 (State Council, 2016)
LOWER_TIER_MIN = 3  # "third tier or below"
_MUNICIPALITIES = ("11", "12", "31", "50")  # Beijing, Tianjin, Shanghai, Chongqing

# reason codes
REASON_HUKOU_ELSEWHERE = "hukou_other_prefecture"
REASON_MIGRANT_SCHOOL = "migrant_school"
REASON_BOTH_PARENTS_AWAY = "both_parents_away"
REASON_ONE_AWAY_OTHER_UNABLE = "one_parent_away_other_unable"
REASON_LIVES_IN_CARE_HOME = "lives_in_care_home"
REASON_CARE_HOME_SITE = "care_home_site"
REASON_CARE_PLACEMENT = "care_placement"
REASON_DISABILITY_TYPE = "disability_type"
REASON_AUTISM = "autism"
REASON_CITY_TIER = "city_tier"
# low income: "hardship_" + the HardshipStatus value, e.g. "hardship_dibao"

_LOW_INCOME = (
    HardshipStatus.DIBAO,
    HardshipStatus.TEKUN,
    HardshipStatus.LOW_INCOME,
    HardshipStatus.ORPHAN,
    HardshipStatus.DE_FACTO_UNSUPPORTED,
)
_UNABLE = (ParentStatus.DECEASED, ParentStatus.INCAPACITATED, ParentStatus.MISSING)


def prefecture_key(division: str | None) -> str | None:
    """The prefecture a GB/T 2260 code belongs to, for comparing places.

    Usually the first 4 digits. The four municipalities count as one prefecture each (all of
    Shanghai is "3101"); county-level units governed directly by a province ("xx90xx", e.g.
    Hainan's 469002) are their own prefecture, so the whole code is returned. Accepts 4- and
    6-digit codes; None for anything else.
    """
    if not isinstance(division, str) or not re.fullmatch(r"[1-9][0-9]{3}(?:[0-9]{2})?", division):
        return None
    if division[:2] in _MUNICIPALITIES:
        return division[:2] + "01"
    if division[2:4] == "90":
        return division if len(division) == 6 else None
    return division[:4]


def is_local_hukou(hukou_division: str | None, residence_division: str | None) -> bool | None:
    """True if the hukou is in the prefecture the child lives in; None when either is unknown."""
    a, b = prefecture_key(hukou_division), prefecture_key(residence_division)
    if a is None or b is None:
        return None
    return a == b


def _enum(enum_cls: Any, value: Any) -> Any:
    try:
        return member(enum_cls, value)
    except (ValueError, TypeError):
        return None


def _age(fields: Mapping[str, Any], today: date) -> int | None:
    try:
        dob = coerce_date(fields.get("dob"))
    except ValueError:
        return None
    precision = _enum(DobPrecision, fields.get("dob_precision")) or DobPrecision.EXACT
    return age_on(dob, precision, today)


def suggest_categories(
    fields: Mapping[str, Any],
    *,
    site_type: str | None = None,
    residence_prefecture: str | None = None,
    city_tier: int | None = None,
    today: date | None = None,
) -> dict[Category, str]:
    """Categories the record suggests, each with a reason code (see module constants)."""
    now = today if today is not None else date.today()
    site = _enum(SiteType, site_type)
    out: dict[Category, str] = {}

    # migrant
    residence = fields.get("residence_division") or residence_prefecture
    if is_local_hukou(fields.get("hukou_division"), residence) is False:
        out[Category.MIGRANT] = REASON_HUKOU_ELSEWHERE
    elif site == SiteType.MIGRANT_SCHOOL:
        out[Category.MIGRANT] = REASON_MIGRANT_SCHOOL

    # left-behind
    father = _enum(ParentStatus, fields.get("father_status"))
    mother = _enum(ParentStatus, fields.get("mother_status"))
    away = ParentStatus.WORKING_AWAY
    reason = None
    if father == away and mother == away:
        reason = REASON_BOTH_PARENTS_AWAY
    elif (father == away and mother in _UNABLE) or (mother == away and father in _UNABLE):
        reason = REASON_ONE_AWAY_OTHER_UNABLE
    age = _age(fields, now)
    hukou_type = _enum(HukouType, fields.get("hukou_type"))
    if (
        reason
        and (age is None or age <= LEFT_BEHIND_MAX_AGE)
        and hukou_type != HukouType.NON_AGRICULTURAL_LEGACY
    ):
        out[Category.LEFT_BEHIND] = reason

    # in care
    if _enum(LivingArrangement, fields.get("living_arrangement")) == LivingArrangement.CARE_HOME:
        out[Category.IN_CARE] = REASON_LIVES_IN_CARE_HOME
    elif site == SiteType.CARE_HOME:
        out[Category.IN_CARE] = REASON_CARE_HOME_SITE
    elif isinstance(fields.get("care_placement"), str) and fields["care_placement"].strip():
        out[Category.IN_CARE] = REASON_CARE_PLACEMENT

    # disability
    if fields.get("disability_types"):
        out[Category.DISABILITY] = REASON_DISABILITY_TYPE
    elif fields.get("autism") is True:
        out[Category.DISABILITY] = REASON_AUTISM

    # low income
    hardship = _enum(HardshipStatus, fields.get("hardship"))
    if hardship in _LOW_INCOME:
        out[Category.LOW_INCOME] = f"hardship_{hardship.value}"

    # lower-tier location
    if (
        isinstance(city_tier, int)
        and not isinstance(city_tier, bool)
        and city_tier >= LOWER_TIER_MIN
    ):
        out[Category.LOWER_TIER] = REASON_CITY_TIER
    return out
