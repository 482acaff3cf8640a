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

import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from ss_desktop.demo import names
from ss_desktop.demo.basics import (
    MARKS,
    PROFILES,
    SITE_PROFILE,
    SITE_SHARE,
    DemoChild,
    DemoProgram,
    DemoSite,
    IdMaker,
    Weighted,
    age_on,
    logger,
    term_start,
)
from ss_desktop.demo.children import ChildFactory

__all__ = ["DemoChild", "DemoGenerator", "DemoProgram", "DemoSite", "age_on"]


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
        make_id = IdMaker(rng, self.today - timedelta(days=900))
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
                term_start(spring_year, 2, 24),
                date(spring_year, 7, 3),
            ),
            "summer": (
                f"{summer_year} Summer",
                term_start(summer_year, 7, 10),
                date(summer_year, 8, 14),
            ),
            "autumn": (
                f"{autumn_year} Autumn",
                term_start(autumn_year, 9, 1),
                date(autumn_year + 1, 1, 16),
            ),
        }

    def programs(self, sites: Sequence[DemoSite]) -> list[DemoProgram]:
        """Two terms (spring, autumn) of each site's programs; summer camps once."""
        rng = self._stream("programs")
        make_id = IdMaker(rng, self.today - timedelta(days=800))
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
            _profile_for(site)  # fail fast on a site of a type this generator does not know
        return self._children(count, list(sites), programs)

    def _children(
        self, count: int, sites: list[DemoSite], programs: Sequence[DemoProgram]
    ) -> Iterator[DemoChild]:
        rng = self._stream("children")
        make_id = IdMaker(rng, self.today - timedelta(days=400))
        site_table = Weighted((s, _share_of(s)) for s in sites)
        by_site: dict[str, list[str]] = {s.id: [] for s in sites}
        for p in programs:
            if p.site_id in by_site:
                by_site[p.site_id].append(p.id)
        factory = ChildFactory(rng, make_id, self.today, self._school_year)
        for _ in range(count):
            site = site_table.pick(rng)
            child = factory.make(site, PROFILES[_profile_for(site)])
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
        make_id = IdMaker(rng, self.today - timedelta(days=300))
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
                    {"session_id": session_id, "child_id": cid, "mark": MARKS.pick(rng)}
                    for cid in children
                ]
                yield session, marks
                held += timedelta(days=7)


# The kind of children a site that is not one of the demo's own gets (a laptop's real
# sites): by its type; a migrant school in Beijing or Guangdong like the demo's there.
_TYPE_PROFILE = {
    "migrant_school": "migrant_sh",
    "private_school": "migrant_sh",
    "community_centre": "community_sh",
    "online": "community_sh",
    "public_school": "rural_primary",
    "teaching_point": "teaching_point",
    "special_school": "special",
    "vocational_school": "vocational",
    "care_home": "care_home",
}
_MIGRANT_BY_PROVINCE = {"11": "migrant_bj", "44": "migrant_gd"}
_OTHER_SITE_SHARE = 5


def _profile_for(site: DemoSite) -> str:
    if site.code in SITE_PROFILE:
        return SITE_PROFILE[site.code]
    try:
        profile = _TYPE_PROFILE[site.site_type]
    except KeyError:
        raise ValueError(f"no demo children for a site of type {site.site_type!r}") from None
    if profile == "migrant_sh":
        return _MIGRANT_BY_PROVINCE.get((site.division_code or "")[:2], profile)
    return profile


def _share_of(site: DemoSite) -> float:
    return SITE_SHARE.get(site.code, _OTHER_SITE_SHARE)
