"""Realistic, entirely fake demo data: sites, programs, children, guardians, consent, attendance.

Pure Python (no database, no Qt). The output is a function of ``seed`` and ``today`` only:

* Every public method draws from its own ``random.Random`` seeded from ``(seed, stream name)``,
  never from the global ``random``; so ``sites()`` gives the same sites however often and in
  whatever order the methods are called, and the first *n* children of ``children(m)`` are the
  same for every ``m >= n``.
* Ids are not ``ss_core.protocol.ids.new_id()`` (time-based, so not reproducible) but valid
  UUIDv7 strings built from the seeded generator: a 48-bit millisecond timestamp that starts
  some time before ``today`` and grows with every id (so ids sort in creation order, as real
  ones made on a laptop do), the version and variant bits, and 74 random bits.

Resident ID numbers are valid GB 11643 numbers (``stdnum.cn.ric.validate`` accepts them) whose
birthplace is the child's hukou county, whose birth date is the child's date of birth and whose
17th digit is odd for boys and even for girls. Phone numbers are random digits after a mobile
prefix. Categories are those ``ss_core.domain.categories.suggest_categories`` suggests.
Generating 100,000 children with guardians, consent and enrollment takes about 3 s on one
core of a small machine (attendance for them, about 1.1 million marks, about 0.3 s).
"""

from __future__ import annotations

import bisect
import logging
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, TypeVar

from stdnum.cn.ric import calc_check_digit

from ss_core.domain.categories import suggest_categories
from ss_core.domain.dates import age_on as youngest_age_on
from ss_desktop.services import demo_names as names

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


class _Weighted(Generic[T]):
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


class _IdMaker:
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
class _Profile:
    """How children at one kind of site look (see ``demo_names.PROFILES``)."""

    kind: str
    school_ages: _Weighted[int]
    origins: _Weighted[str] | None
    system: str
    classes: int
    left_behind: float
    disability: float
    boarding: float
    hardship: _Weighted[str]


def _weighted(table: dict[Any, float]) -> _Weighted[Any]:
    return _Weighted(table.items())


def _build_profile(spec: dict[str, Any]) -> _Profile:
    origins = spec["origins"]
    return _Profile(
        kind=spec["kind"],
        school_ages=_weighted(spec["school_ages"]),
        origins=_Weighted(names.HUKOU_ORIGINS[origins]) if origins else None,
        system=spec["system"],
        classes=spec["classes"],
        left_behind=spec["left_behind"],
        disability=spec["disability"],
        boarding=spec["boarding"],
        hardship=_weighted(names.HARDSHIP[spec["hardship"]]),
    )


_PROFILES = {key: _build_profile(spec) for key, spec in names.PROFILES.items()}
_SITE_PROFILE = {t[0]: t[6] for t in names.SITE_TEMPLATES}
_SITE_SHARE = {t[0]: t[7] for t in names.SITE_TEMPLATES}

_HAN_SURNAMES = _Weighted(names.HAN_SURNAMES)
_YI_SURNAMES = _Weighted(names.YI_SURNAMES)
_W = {key: _weighted(table) for key, table in names.WEIGHTS.items()}
_GENDER = _W["gender"]
_PRECISION = _W["dob_precision"]
_HUKOU_TYPE = _W["hukou_type"]
_HUKOU_TYPE_CARE = _W["hukou_type_care"]
_PHONE_SECOND = _W["phone_second_digit"]
_AWAY_ARRANGEMENT = _W["away_arrangement"]
_UNABLE = _W["unable_parent"]
_OTHER_PARENT = _W["other_parent"]
_VISITS = _W["visits"]
_CARE_FATHER = _W["care_father"]
_CARE_MOTHER = _W["care_mother"]
_DISABILITY_SPECIAL = _W["disability_special"]
_DISABILITY_OTHER = _W["disability_other"]
_DISABILITY_GRADE = _W["disability_grade"]
_MARKS = _W["mark"]
_HARDSHIP_UNSUPPORTED = _weighted(names.HARDSHIP["unsupported"])
_WORK_CITIES = {k: _Weighted(v) for k, v in names.WORK_CITIES.items()}
_DEFAULT_WORK_CITIES = _Weighted(names.DEFAULT_WORK_CITIES)
_UNABLE_SET = frozenset({"deceased", "incapacitated", "missing"})
_SENSITIVE_HARDSHIP = frozenset({"dibao", "tekun", "low_income", "orphan", "de_facto_unsupported"})
_CN_DIGITS = "一二三四五六七八九"


def _choice(rng: random.Random, seq: Sequence[T]) -> T:
    """``rng.choice`` without its overhead (this is the hot path for 100,000 children)."""
    return seq[int(rng.random() * len(seq))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """A uniform int in ``[low, high]``; like ``rng.randint``, only faster."""
    return low + int(rng.random() * (high - low + 1))


def age_on(dob: date, day: date) -> int:
    """Completed years of life on ``day``."""
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _term_start(year: int, month: int, day: int) -> date:
    """The first Monday on or after the given day."""
    d = date(year, month, day)
    return d + timedelta(days=(7 - d.weekday()) % 7)


class DemoGenerator:
    """Deterministic generator of demo and benchmark data (see the module docstring)."""

    def __init__(self, seed: int = 1, *, today: date | None = None) -> None:
        """``today`` defaults to the clock's date: pass it for output that is the same tomorrow."""
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise TypeError("seed must be an int")
        self.seed = seed
        self.today = today or date.today()
        month_day = (self.today.month, self.today.day)
        self._school_year = self.today.year if month_day >= (9, 1) else self.today.year - 1

    def _stream(self, name: str) -> random.Random:
        return random.Random(f"ss-demo/{self.seed}/{name}")

    # --- sites and programs -----------------------------------------------------------------
    def sites(self) -> list[DemoSite]:
        rng = self._stream("sites")
        make_id = _IdMaker(rng, self.today - timedelta(days=900))
        return [
            DemoSite(make_id(), code, name, site_type, county, boarding, tier)
            for code, name, site_type, county, boarding, tier, _p, _s in names.SITE_TEMPLATES
        ]

    def _terms(self) -> dict[str, tuple[str, date, date]]:
        t = self.today
        autumn_year = t.year if t.month >= 9 else t.year - 1
        spring_year = autumn_year if t.month >= 9 else t.year
        summer_year = t.year if (t.month, t.day) >= (8, 20) else t.year - 1
        return {
            "spring": (
                f"{spring_year} Spring",
                _term_start(spring_year, 2, 24),
                date(spring_year, 7, 3),
            ),
            "summer": (
                f"{summer_year} Summer",
                _term_start(summer_year, 7, 10),
                date(summer_year, 8, 14),
            ),
            "autumn": (
                f"{autumn_year} Autumn",
                _term_start(autumn_year, 9, 1),
                date(autumn_year + 1, 1, 16),
            ),
        }

    def programs(self, sites: Sequence[DemoSite]) -> list[DemoProgram]:
        """Two terms (spring, autumn) of each site's programs; summer camps once."""
        rng = self._stream("programs")
        make_id = _IdMaker(rng, self.today - timedelta(days=800))
        terms = self._terms()
        out: list[DemoProgram] = []
        for site in sites:
            profile = _profile_for(site)
            for program_type, base in names.PROGRAMS_BY_PROFILE[profile]:
                plan = (
                    [("summer", base)]
                    if program_type == "summer"
                    else [("spring", f"{base}（春季）"), ("autumn", f"{base}（秋季）")]
                )
                for term_key, name in plan:
                    term, start, end = terms[term_key]
                    start += timedelta(days=rng.randrange(5))  # spread over the week
                    out.append(
                        DemoProgram(
                            make_id(),
                            name,
                            program_type,
                            site.id,
                            term,
                            start.isoformat(),
                            end.isoformat(),
                        )
                    )
        return out

    # --- children -----------------------------------------------------------------------------
    def children(
        self, count: int, sites: Sequence[DemoSite], programs: Sequence[DemoProgram]
    ) -> Iterator[DemoChild]:
        """``count`` children spread over ``sites``, each enrolled in 1-2 of its site's programs.

        Streaming: children are made as they are consumed. A site without programs in
        ``programs`` gives children with no enrollment.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be a non-negative int")
        if not sites:
            raise ValueError("children need at least one site")
        for site in sites:
            _profile_for(site)  # fail fast on a site this generator does not know
        return self._children(count, list(sites), programs)

    def _children(
        self, count: int, sites: list[DemoSite], programs: Sequence[DemoProgram]
    ) -> Iterator[DemoChild]:
        rng = self._stream("children")
        make_id = _IdMaker(rng, self.today - timedelta(days=400))
        site_table = _Weighted((s, _SITE_SHARE[s.code]) for s in sites)
        by_site: dict[str, list[str]] = {s.id: [] for s in sites}
        for p in programs:
            if p.site_id in by_site:
                by_site[p.site_id].append(p.id)
        factory = _ChildFactory(rng, make_id, self.today, self._school_year)
        for _ in range(count):
            site = site_table.pick(rng)
            child = factory.make(site, _PROFILES[_SITE_PROFILE[site.code]])
            pool = by_site[site.id]
            if pool:
                k = 2 if len(pool) > 1 and rng.random() < 0.4 else 1
                first = int(rng.random() * len(pool))
                child.program_ids = [pool[first]]
                if k == 2:
                    second = int(rng.random() * (len(pool) - 1))
                    child.program_ids.append(pool[second + (second >= first)])
            yield child
        logger.info("generated %d demo children", count)

    # --- attendance ---------------------------------------------------------------------------
    def attendance(
        self,
        programs: Sequence[DemoProgram],
        enrollments: dict[str, list[str]],
        *,
        sessions_per_program: int = 8,
    ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Weekly sessions from each program's start, never after its end nor after ``today``,
        at most ``sessions_per_program`` each, with a mark for every enrolled child."""
        if isinstance(sessions_per_program, bool) or not isinstance(sessions_per_program, int):
            raise ValueError("sessions_per_program must be an int")
        if sessions_per_program < 0:
            raise ValueError("sessions_per_program must not be negative")
        known = {p.id for p in programs}
        unknown = set(enrollments) - known
        if unknown:
            raise ValueError(f"enrollments name {len(unknown)} program(s) not in programs")
        return self._attendance(programs, enrollments, sessions_per_program)

    def _attendance(
        self,
        programs: Sequence[DemoProgram],
        enrollments: dict[str, list[str]],
        sessions_per_program: int,
    ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        rng = self._stream("attendance")
        make_id = _IdMaker(rng, self.today - timedelta(days=300))
        today = self.today
        for program in programs:
            topics = names.SESSION_TOPICS.get(program.program_type, names.SESSION_TOPICS["other"])
            held = date.fromisoformat(program.starts_on)
            end = min(date.fromisoformat(program.ends_on), today)
            children = enrollments.get(program.id, [])
            for n in range(sessions_per_program):
                if held > end:
                    break
                session_id = make_id()
                session = {
                    "id": session_id,
                    "program_id": program.id,
                    "held_on": held.isoformat(),
                    "lessons": 2 if rng.random() < 0.3 else 1,
                    "topic": topics[n % len(topics)],
                }
                marks = [
                    {"session_id": session_id, "child_id": cid, "mark": _MARKS.pick(rng)}
                    for cid in children
                ]
                yield session, marks
                held += timedelta(days=7)


def _profile_for(site: DemoSite) -> str:
    try:
        return _SITE_PROFILE[site.code]
    except KeyError:
        raise ValueError(f"unknown demo site code {site.code!r}") from None


class _ChildFactory:
    """Makes one child with guardians and consent; split out to keep the pieces readable."""

    def __init__(
        self, rng: random.Random, make_id: _IdMaker, today: date, school_year: int
    ) -> None:
        self.rng = rng
        self.make_id = make_id
        self.today = today
        self.today_ord = today.toordinal()
        self.school_year = school_year

    # names ------------------------------------------------------------------------------
    def given_name(self, gender: int) -> str:
        rng = self.rng
        if gender == 0:
            gender = 1 if rng.random() < 0.5 else 2
        r = rng.random()
        if gender == 1:
            if r < 0.15:
                return _choice(rng, names.BOY_SINGLE)
            if r < 0.6:
                return _choice(rng, names.BOY_NAMES)
            return _choice(rng, names.BOY_FIRST) + _choice(rng, names.BOY_SECOND)
        if r < 0.15:
            return _choice(rng, names.GIRL_SINGLE)
        if r < 0.6:
            return _choice(rng, names.GIRL_NAMES)
        return _choice(rng, names.GIRL_FIRST) + _choice(rng, names.GIRL_SECOND)

    def phone(self) -> str | None:
        rng = self.rng
        if rng.random() >= 0.85:
            return None
        return f"1{_PHONE_SECOND.pick(rng)}{int(rng.random() * 1_000_000_000):09d}"

    def work_city(self, county: str | None) -> str:
        table = _WORK_CITIES.get((county or "")[:2], _DEFAULT_WORK_CITIES)
        return table.pick(self.rng)

    # dates ------------------------------------------------------------------------------
    def birth(self, school_age: int) -> tuple[str, str, date]:
        """(stored dob, precision, true dob) for a child of ``school_age`` on 1 September."""
        rng = self.rng
        year = self.school_year - school_age
        first = date(year - 1, 9, 2).toordinal()
        last = date(year, 9, 1).toordinal()
        true_dob = date.fromordinal(_between(rng, first, last))
        precision = _PRECISION.pick(rng)
        if precision == "month":
            stored = true_dob.replace(day=1)
        elif precision == "year":
            stored = true_dob.replace(month=1, day=1)
        else:
            stored = true_dob
        # both the oldest (stored date) and the youngest age the precision allows are 3-17
        if not (
            age_on(stored, self.today) <= 17 and youngest_age_on(stored, precision, self.today) >= 3
        ):
            stored, precision = true_dob, "exact"
        return stored.isoformat(), precision, true_dob

    # school -----------------------------------------------------------------------------
    def school(self, school_age: int, profile: _Profile) -> tuple[str, int, str]:
        """(stage, grade within stage, class name)."""
        rng = self.rng
        n = 1 if profile.classes == 1 else _between(rng, 1, profile.classes)
        if school_age < 6:
            grade = max(1, school_age - 2)
            return "preschool", grade, f"{'小中大'[grade - 1]}({n})班"
        if profile.kind == "rural" and school_age >= 15:
            grade = 1 if school_age == 15 else (3 if rng.random() < 0.15 else 2)
            return "vocational", grade, f"职{_CN_DIGITS[grade - 1]}({n})班"
        index = school_age - 5
        if index > 1 and rng.random() < 0.04:  # held back a year
            index -= 1
        primary_years = 5 if profile.system == "5-4" else 6
        if index <= primary_years:
            return "primary", index, f"{_CN_DIGITS[index - 1]}({n})班"
        if index <= 9:
            grade = index - primary_years
            if profile.system == "5-4":  # Shanghai says 六年级..九年级
                return "junior", grade, f"{_CN_DIGITS[index - 1]}({n})班"
            return "junior", grade, f"初{_CN_DIGITS[grade - 1]}({n})班"
        grade = index - 9
        return "senior", grade, f"高{_CN_DIGITS[grade - 1]}({n})班"

    # the child ----------------------------------------------------------------------------
    def make(self, site: DemoSite, profile: _Profile) -> DemoChild:
        rng = self.rng
        today = self.today
        child_id = self.make_id()
        gender = _GENDER.pick(rng)
        if site.code == "SC-PS-01" and rng.random() < 0.7:
            surname = _YI_SURNAMES.pick(rng)
            pool = names.YI_GIVEN_BOY if gender == 1 else names.YI_GIVEN_GIRL
            given = _choice(rng, pool)
        else:
            surname = _HAN_SURNAMES.pick(rng)
            given = self.given_name(gender)
        school_age = profile.school_ages.pick(rng)
        dob, precision, true_dob = self.birth(school_age)
        age = age_on(date.fromisoformat(dob), today)
        stage, grade, class_name = self.school(school_age, profile)

        hukou_type = (_HUKOU_TYPE_CARE if profile.kind == "care_home" else _HUKOU_TYPE).pick(rng)
        hukou = None
        if hukou_type != "unregistered":
            hukou = profile.origins.pick(rng) if profile.origins else site.division_code

        fields: dict[str, Any] = {
            "surname": surname,
            "given_name": given,
            "pinyin": None,
            "gender": gender,
            "dob": dob,
            "dob_precision": precision,
            "id_number": None,
            "hukou_division": hukou,
            "hukou_type": hukou_type,
            "residence_division": site.division_code,
            "site_id": site.id,
            "stage": stage,
            "grade": grade,
            "school_system": profile.system,
            "class_name": class_name,
            "boarding": False,
            "categories": [],
            "living_arrangement": None,
            "father_status": None,
            "mother_status": None,
            "father_work_place": None,
            "mother_work_place": None,
            "parent_visit_frequency": None,
            "caregiver_name": None,
            "care_placement": None,
            "care_since": None,
            "disability_types": [],
            "disability_grade": None,
            "disability_certificate": None,
            "autism": False,
            "hardship": "unknown",
            "hardship_evidence_seen": False,
            "notes": _choice(rng, names.NOTES) if rng.random() < 0.03 else "",
            "status": "active",
        }
        if precision == "exact" and gender in (1, 2) and hukou and rng.random() < 0.65:
            fields["id_number"] = self.id_number(hukou, dob, gender)

        guardians = self.family(fields, site, profile, surname, child_id, true_dob)
        self.disability(fields, profile)
        self.hardship(fields, profile)
        fields["boarding"] = site.boarding and (
            fields["living_arrangement"] == "boarding_school"
            or (school_age >= 9 and rng.random() < profile.boarding)
        )
        suggested = suggest_categories(
            fields, site_type=site.site_type, city_tier=site.city_tier, today=today
        )
        fields["categories"] = [category.value for category in suggested]
        consents = self.consent(fields, guardians, child_id, age, surname + given)
        return DemoChild(child_id, fields, guardians, consents)

    def id_number(self, county: str, dob: str, gender: int) -> str:
        rng = self.rng
        sex_digit = 2 * int(rng.random() * 5) + (1 if gender == 1 else 0)
        body = f"{county}{dob.replace('-', '')}{1 + int(rng.random() * 99):02d}{sex_digit}"
        return body + calc_check_digit(body + "0")  # stdnum wants the full 18 characters

    # family and guardians -----------------------------------------------------------------------
    def family(
        self,
        f: dict[str, Any],
        site: DemoSite,
        profile: _Profile,
        surname: str,
        child_id: str,
        true_dob: date,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        father_name = surname + _choice(rng, names.FATHER_NAMES)
        mother_surname = _HAN_SURNAMES.pick(rng)
        mother_name = mother_surname + _choice(rng, names.MOTHER_NAMES)
        home = f["hukou_division"] or site.division_code

        def grandparent(maternal: bool) -> str:
            if rng.random() < 0.5:
                return (mother_surname if maternal else surname) + _choice(
                    rng, names.GRANDFATHER_NAMES
                )
            return _HAN_SURNAMES.pick(rng) + _choice(rng, names.GRANDMOTHER_NAMES)

        def person(
            rel: str,
            name: str,
            legal: bool,
            primary: bool,
            status: str | None,
            work: str | None = None,
            contact: str | None = None,
        ) -> dict[str, Any]:
            return {
                "id": self.make_id(),
                "child_id": child_id,
                "name": name,
                "relationship": rel,
                "is_legal_guardian": legal,
                "is_primary_caregiver": primary,
                "phone": self.phone(),
                "status": status,
                "work_place": work,
                "contact_frequency": contact,
            }

        if profile.kind == "care_home":
            father, mother = _CARE_FATHER.pick(rng), _CARE_MOTHER.pick(rng)
            f.update(living_arrangement="care_home", father_status=father, mother_status=mother)
            f["caregiver_name"] = _HAN_SURNAMES.pick(rng) + _choice(rng, names.MOTHER_NAMES)
            f["care_placement"] = "residential" if rng.random() < 0.8 else "foster_family"
            start = max(true_dob.toordinal(), self.today_ord - 12 * 365)
            f["care_since"] = date.fromordinal(_between(rng, start, self.today_ord)).isoformat()
            f["parent_visit_frequency"] = (
                "never" if {father, mother} <= _UNABLE_SET else _VISITS.pick(rng)
            )
            out = [person("institution", site.name, True, True, "with_child")]
            if rng.random() < 0.25:
                out.append(
                    person(
                        "other_relative",
                        _HAN_SURNAMES.pick(rng) + _choice(rng, names.MOTHER_NAMES),
                        False,
                        False,
                        "unknown",
                    )
                )
            return out

        if rng.random() < profile.left_behind:
            if rng.random() < 0.7:
                father, mother = "working_away", "working_away"
            elif rng.random() < 0.75:
                father, mother = "working_away", _UNABLE.pick(rng)
            else:
                father, mother = _UNABLE.pick(rng), "working_away"
            arrangement = _AWAY_ARRANGEMENT.pick(rng)
            if arrangement == "boarding_school" and not site.boarding:
                arrangement = "grandparents"
            visits = _VISITS.pick(rng)
            fw = self.work_city(home) if father == "working_away" else None
            mw = self.work_city(home) if mother == "working_away" else None
            f.update(
                living_arrangement=arrangement,
                father_status=father,
                mother_status=mother,
                father_work_place=fw,
                mother_work_place=mw,
                parent_visit_frequency=visits,
            )
            if father == "working_away":
                parent = person("father", father_name, True, False, father, fw, visits)
            else:
                parent = person("mother", mother_name, True, False, mother, mw, visits)
            if arrangement == "grandparents":
                maternal = rng.random() < 0.25
                name = grandparent(maternal)
                rel = "maternal_grandparent" if maternal else "paternal_grandparent"
                f["caregiver_name"] = name
                return [person(rel, name, False, True, "with_child"), parent]
            if arrangement == "other_relatives":
                name = _HAN_SURNAMES.pick(rng) + _choice(rng, names.MOTHER_NAMES)
                f["caregiver_name"] = name
                return [person("other_relative", name, False, True, "with_child"), parent]
            parent["is_primary_caregiver"] = True
            return [parent]

        r = rng.random()
        if r < 0.72:
            f.update(
                living_arrangement="both_parents",
                father_status="with_child",
                mother_status="with_child",
            )
            mother_primary = rng.random() < 0.7
            out = [
                person("mother", mother_name, True, mother_primary, "with_child"),
                person("father", father_name, True, not mother_primary, "with_child"),
            ]
            if rng.random() < 0.1:
                out.pop(1 if rng.random() < 0.5 else 0)  # only one parent written on the form
                out[0]["is_primary_caregiver"] = True
            return out
        other = _OTHER_PARENT.pick(rng)
        mother_stays = rng.random() < 0.7
        visits = _VISITS.pick(rng) if other == "working_away" else None
        work = self.work_city(home) if other == "working_away" else None
        if mother_stays:
            f.update(
                living_arrangement="one_parent",
                father_status=other,
                mother_status="with_child",
                father_work_place=work,
                parent_visit_frequency=visits,
            )
            out = [person("mother", mother_name, True, True, "with_child")]
            if other in ("working_away", "unknown") and rng.random() < 0.6:
                out.append(person("father", father_name, True, False, other, work, visits))
        else:
            f.update(
                living_arrangement="one_parent",
                father_status="with_child",
                mother_status=other,
                mother_work_place=work,
                parent_visit_frequency=visits,
            )
            out = [person("father", father_name, True, True, "with_child")]
            if other in ("working_away", "unknown") and rng.random() < 0.6:
                out.append(person("mother", mother_name, True, False, other, work, visits))
        return out

    # disability and hardship ----------------------------------------------------------------
    def disability(self, f: dict[str, Any], profile: _Profile) -> None:
        rng = self.rng
        if rng.random() >= profile.disability:
            return
        table = _DISABILITY_SPECIAL if profile.kind == "special" else _DISABILITY_OTHER
        kind = table.pick(rng)
        f["disability_types"] = [kind]
        f["disability_grade"] = _DISABILITY_GRADE.pick(rng)
        f["disability_certificate"] = rng.random() < 0.75
        autism_rate = {"mental": 0.8, "multiple": 0.3, "intellectual": 0.1}.get(kind, 0.0)
        f["autism"] = rng.random() < autism_rate

    def hardship(self, f: dict[str, Any], profile: _Profile) -> None:
        rng = self.rng
        father, mother = f["father_status"], f["mother_status"]
        if father == "deceased" and mother == "deceased":
            status = "orphan"
        elif profile.kind == "care_home" or (
            {father, mother} & _UNABLE_SET
            and {father, mother} <= _UNABLE_SET | {"working_away"}
            and rng.random() < 0.4
        ):
            status = _HARDSHIP_UNSUPPORTED.pick(rng)
        else:
            status = profile.hardship.pick(rng)
        f["hardship"] = status
        if status in _SENSITIVE_HARDSHIP:
            f["hardship_evidence_seen"] = rng.random() < (0.4 if status == "low_income" else 0.7)

    # consent ----------------------------------------------------------------------------------
    def consent(
        self,
        f: dict[str, Any],
        guardians: list[dict[str, Any]],
        child_id: str,
        age: int,
        child_name: str,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= 0.92:
            return []  # still pending
        dob = date.fromisoformat(f["dob"])
        lower = max(self.today_ord - 730, dob.toordinal())
        if age >= 15 and f["dob_precision"] == "exact" and rng.random() < 0.35:
            fourteenth = _add_years(dob, 14).toordinal()
            giver_name, relationship, role = child_name, "self", "self"
            lower = max(lower, fourteenth)
            method = "paper_signed" if rng.random() < 0.7 else "in_person"
        else:
            legal = [g for g in guardians if g["is_legal_guardian"]]
            primary = [g for g in guardians if g["is_primary_caregiver"]]
            giver = primary[0] if primary and (not legal or rng.random() < 0.6) else legal[0]
            giver_name, relationship = giver["name"], giver["relationship"]
            role = "legal_guardian" if giver["is_legal_guardian"] else "entrusted_caregiver"
            if giver["status"] == "working_away":
                method = "wechat" if rng.random() < 0.6 else "phone"
            elif relationship == "institution":
                method = "paper_signed"
            else:
                method = "paper_signed" if rng.random() < 0.7 else "in_person"
        given = _between(rng, lower, self.today_ord)
        scopes = ["registration"]
        if f["disability_types"] or f["hardship"] in _SENSITIVE_HARDSHIP or f["care_placement"]:
            scopes.append("sensitive")
        if rng.random() < 0.5:
            scopes.append("photos")
        if rng.random() < 0.2:
            scopes.append("identifiable_reporting")
        if rng.random() < 0.15:
            scopes.append("sharing")
        withdrawn_on = reason = None
        if rng.random() < 0.01:
            withdrawn_on = date.fromordinal(_between(rng, given, self.today_ord)).isoformat()
            reason = _choice(rng, names.WITHDRAWAL_REASONS)
        return [
            {
                "id": self.make_id(),
                "child_id": child_id,
                "giver_name": giver_name,
                "giver_relationship": relationship,
                "giver_role": role,
                "method": method,
                "given_on": date.fromordinal(given).isoformat(),
                "notice_version": NOTICE_VERSION,
                "scopes": scopes,
                "child_assent": age >= 8 and rng.random() < 0.8,
                "collector": COLLECTOR,
                "withdrawn_on": withdrawn_on,
                "withdrawal_reason": reason,
            }
        ]


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
