"""Shared pieces of the demo-data generator: result types, weighted tables, seeded ids."""

from __future__ import annotations

import bisect
import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, TypeVar

from ss_desktop.demo import names

logger = logging.getLogger(__name__)

T = TypeVar("T")

NOTICE_VERSION = "2024-01"
COLLECTOR = "demo"


@dataclass
class DemoSite:
    id: str
    code: str
    name: str
    site_type: str
    division_code: str
    boarding: bool
    city_tier: int | None


@dataclass
class DemoProgram:
    id: str
    name: str
    program_type: str
    site_id: str
    term: str
    starts_on: str
    ends_on: str


@dataclass
class DemoChild:
    """``fields``: the child's columns (no ``id``); ``guardians`` and ``consents``: dicts that
    carry their own ``id`` and ``child_id``; ``program_ids``: the programs the child attends."""

    id: str
    fields: dict[str, Any]
    guardians: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    program_ids: list[str] = field(default_factory=list)


class Weighted(Generic[T]):
    """Draw items with fixed relative weights: one ``random()`` and a bisection per draw."""

    __slots__ = ("_items", "_cum", "_total")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        self._items: list[T] = []
        self._cum: list[float] = []
        total = 0.0
        for item, weight in pairs:
            if weight <= 0:
                continue
            total += weight
            self._items.append(item)
            self._cum.append(total)
        if not self._items:
            raise ValueError("a weighted table needs at least one positive weight")
        self._total = total

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect.bisect_right(self._cum, rng.random() * self._total)]


class IdMaker:
    """Valid, reproducible UUIDv7 strings whose timestamps grow from ``start``."""

    __slots__ = ("_rng", "_ms")

    def __init__(self, rng: random.Random, start: date) -> None:
        self._rng = rng
        self._ms = int(datetime(start.year, start.month, start.day, tzinfo=UTC).timestamp() * 1000)

    def __call__(self) -> str:
        bits = self._rng.getrandbits(86)
        self._ms += 1 + (bits >> 74)  # 0-4 s apart, about two seconds on average
        rand = bits & ((1 << 74) - 1)
        value = (
            (self._ms & 0xFFFF_FFFF_FFFF) << 80
            | 0x7 << 76  # version 7
            | (rand >> 62) << 64  # 12 random bits (rand_a)
            | 0b10 << 62  # RFC 9562 variant
            | (rand & ((1 << 62) - 1))  # 62 random bits (rand_b)
        )
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True)
class Profile:
    """How children at one kind of site look (see ``names.PROFILES``)."""

    kind: str
    school_ages: Weighted[int]
    origins: Weighted[str] | None
    system: str
    classes: int
    left_behind: float
    disability: float
    boarding: float
    hardship: Weighted[str]


def _weighted(table: dict[Any, float]) -> Weighted[Any]:
    return Weighted(table.items())


def _build_profile(spec: dict[str, Any]) -> Profile:
    origins = spec["origins"]
    return Profile(
        kind=spec["kind"],
        school_ages=_weighted(spec["school_ages"]),
        origins=Weighted(names.HUKOU_ORIGINS[origins]) if origins else None,
        system=spec["system"],
        classes=spec["classes"],
        left_behind=spec["left_behind"],
        disability=spec["disability"],
        boarding=spec["boarding"],
        hardship=_weighted(names.HARDSHIP[spec["hardship"]]),
    )


PROFILES = {key: _build_profile(spec) for key, spec in names.PROFILES.items()}
SITE_PROFILE = {t[0]: t[6] for t in names.SITE_TEMPLATES}
SITE_SHARE = {t[0]: t[7] for t in names.SITE_TEMPLATES}

HAN_SURNAMES = Weighted(names.HAN_SURNAMES)
YI_SURNAMES = Weighted(names.YI_SURNAMES)
_W = {key: _weighted(table) for key, table in names.WEIGHTS.items()}
GENDER = _W["gender"]
PRECISION = _W["dob_precision"]
HUKOU_TYPE = _W["hukou_type"]
HUKOU_TYPE_CARE = _W["hukou_type_care"]
PHONE_SECOND = _W["phone_second_digit"]
AWAY_ARRANGEMENT = _W["away_arrangement"]
UNABLE = _W["unable_parent"]
OTHER_PARENT = _W["other_parent"]
VISITS = _W["visits"]
CARE_FATHER = _W["care_father"]
CARE_MOTHER = _W["care_mother"]
DISABILITY_SPECIAL = _W["disability_special"]
DISABILITY_OTHER = _W["disability_other"]
DISABILITY_GRADE = _W["disability_grade"]
MARKS = _W["mark"]
HARDSHIP_UNSUPPORTED = _weighted(names.HARDSHIP["unsupported"])
WORK_CITIES = {k: Weighted(v) for k, v in names.WORK_CITIES.items()}
DEFAULT_WORK_CITIES = Weighted(names.DEFAULT_WORK_CITIES)
UNABLE_SET = frozenset({"deceased", "incapacitated", "missing"})
SENSITIVE_HARDSHIP = frozenset({"dibao", "tekun", "low_income", "orphan", "de_facto_unsupported"})
CN_DIGITS = "一二三四五六七八九"


def choice(rng: random.Random, seq: Sequence[T]) -> T:
    """``rng.choice`` without its overhead (this is the hot path for 100,000 children)."""
    return seq[int(rng.random() * len(seq))]


def between(rng: random.Random, low: int, high: int) -> int:
    """A uniform int in ``[low, high]``; like ``rng.randint``, only faster."""
    return low + int(rng.random() * (high - low + 1))


def age_on(dob: date, day: date) -> int:
    """Completed years of life on ``day``."""
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def term_start(year: int, month: int, day: int) -> date:
    """The first Monday on or after the given day."""
    d = date(year, month, day)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
