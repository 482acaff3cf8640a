"""The demo-data generator: deterministic, realistic, internally consistent and fast."""

from __future__ import annotations

import csv
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from stdnum.cn import ric

from ss_core.domain import enums
from ss_core.domain.consent import consent_state, validate_consent
from ss_core.domain.dates import age_on as youngest_age_on
from ss_core.domain.validation import validate_child, validate_guardian
from ss_core.protocol.ids import is_valid_id
from ss_desktop.demo import names as demo_names
from ss_desktop.demo.data import (
    DemoChild,
    DemoGenerator,
    DemoSite,
    age_on,
)

TODAY = date(2026, 5, 20)
AREAS_CSV = Path(__file__).resolve().parents[2] / "resources" / "divisions" / "areas.csv"
PHONE = re.compile(r"^1[3-9]\d{9}$")


@pytest.fixture(scope="module")
def world() -> tuple[DemoGenerator, list[DemoSite], list, list[DemoChild]]:
    gen = DemoGenerator(7, today=TODAY)
    sites = gen.sites()
    programs = gen.programs(sites)
    children = list(gen.children(20_000, sites, programs))
    return gen, sites, programs, children


def _dump(gen: DemoGenerator, count: int) -> list:
    sites = gen.sites()
    programs = gen.programs(sites)
    children = list(gen.children(count, sites, programs))
    enrollments: dict[str, list[str]] = defaultdict(list)
    for child in children:
        for pid in child.program_ids:
            enrollments[pid].append(child.id)
    attendance = list(gen.attendance(programs, enrollments))
    return [
        [asdict(s) for s in sites],
        [asdict(p) for p in programs],
        [asdict(c) for c in children],
        attendance,
    ]


# --- determinism --------------------------------------------------------------------------------
def test_same_seed_gives_identical_output() -> None:
    assert _dump(DemoGenerator(3, today=TODAY), 300) == _dump(DemoGenerator(3, today=TODAY), 300)


def test_different_seed_gives_different_output() -> None:
    a = _dump(DemoGenerator(3, today=TODAY), 100)
    b = _dump(DemoGenerator(4, today=TODAY), 100)
    assert [s["id"] for s in a[0]] != [s["id"] for s in b[0]]
    names_a = [(c["fields"]["surname"], c["fields"]["given_name"]) for c in a[2]]
    names_b = [(c["fields"]["surname"], c["fields"]["given_name"]) for c in b[2]]
    assert names_a != names_b


def test_output_does_not_depend_on_call_order_or_count() -> None:
    gen = DemoGenerator(11, today=TODAY)
    sites = gen.sites()
    programs = gen.programs(sites)
    many = list(gen.children(200, sites, programs))
    assert gen.sites() == sites  # calling again gives the same sites and ids
    assert gen.programs(sites) == programs
    few = list(gen.children(50, sites, programs))
    assert few == many[:50]


def test_global_random_is_left_alone() -> None:
    import random

    random.seed(123)
    expected = random.random()
    random.seed(123)
    gen = DemoGenerator(1, today=TODAY)
    sites = gen.sites()
    list(gen.children(50, sites, gen.programs(sites)))
    assert random.random() == expected


# --- ids ----------------------------------------------------------------------------------------
def test_ids_are_unique_valid_uuid7(world) -> None:
    _gen, sites, programs, children = world
    ids = [s.id for s in sites] + [p.id for p in programs]
    for child in children[:3000]:
        ids.append(child.id)
        ids += [g["id"] for g in child.guardians] + [c["id"] for c in child.consents]
    assert len(set(ids)) == len(ids)
    for value in ids:
        assert is_valid_id(value)
        parsed = uuid.UUID(value)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    # ids made one after another sort in creation order, like real UUIDv7s
    child_ids = [c.id for c in children[:3000]]
    assert child_ids == sorted(child_ids)


# --- identity -----------------------------------------------------------------------------------
def test_id_numbers_are_valid_and_agree_with_the_child(world) -> None:
    children = world[3]
    with_id = [c for c in children if c.fields["id_number"]]
    assert 0.5 < len(with_id) / len(children) < 0.7
    for child in with_id:
        f = child.fields
        number = ric.validate(f["id_number"])  # check digit, birth date, birthplace
        assert f["dob_precision"] == "exact"
        assert ric.get_birth_date(number).isoformat() == f["dob"]
        assert number[:6] == f["hukou_division"]
        assert int(number[16]) % 2 == (1 if f["gender"] == 1 else 0)
        assert f["gender"] in (1, 2)


def test_dob_precision_is_stored_as_documented(world) -> None:
    children = world[3]
    counts = Counter(c.fields["dob_precision"] for c in children)
    assert 0.02 < counts["month"] / len(children) < 0.08
    assert 0.01 < counts["year"] / len(children) < 0.05
    for child in children:
        dob = child.fields["dob"]
        if child.fields["dob_precision"] == "month":
            assert dob.endswith("-01")
        elif child.fields["dob_precision"] == "year":
            assert dob.endswith("-01-01")


@pytest.mark.parametrize("today", [TODAY, date(2024, 2, 29), date(2025, 9, 1), date(2025, 8, 31)])
def test_ages_are_between_3_and_17(today: date) -> None:
    gen = DemoGenerator(5, today=today)
    sites = gen.sites()
    children = list(gen.children(3000, sites, gen.programs(sites)))
    ages = Counter(age_on(date.fromisoformat(c.fields["dob"]), today) for c in children)
    assert min(ages) >= 3 and max(ages) <= 17
    for child in children:  # also the youngest the child can be, given the dob precision
        dob = date.fromisoformat(child.fields["dob"])
        assert youngest_age_on(dob, child.fields["dob_precision"], today) >= 3
    assert sum(n for age, n in ages.items() if 6 <= age <= 15) / len(children) > 0.8


def test_surnames_follow_real_frequencies(world) -> None:
    children = world[3]
    counts = Counter(c.fields["surname"] for c in children)
    assert {s for s, _ in counts.most_common(3)} == {"王", "李", "张"}
    assert counts.most_common(4)[3][0] == "刘"
    assert any(counts[s] for s in ("欧阳", "司马", "诸葛", "上官"))
    special = ("单", "曾", "解", "仇", "朴", "区", "查", "覃", "盖", "缪", "乐", "翟", "吕")
    assert sum(1 for s in special if counts[s]) >= 10


def test_names_are_cjk_and_plausible(world) -> None:
    cjk = re.compile(r"^[\u4e00-\u9fff]+$")
    for child in world[3][:5000]:
        f = child.fields
        assert cjk.match(f["surname"]) and 1 <= len(f["surname"]) <= 2
        assert cjk.match(f["given_name"]) and 1 <= len(f["given_name"]) <= 2
        assert f["pinyin"] is None and f["status"] == "active"


# --- places -------------------------------------------------------------------------------------
def _areas() -> dict[str, str]:
    with AREAS_CSV.open(encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def test_every_division_code_is_real(world) -> None:
    areas = _areas()
    for code, (_province, _prefecture, county) in demo_names.COUNTIES.items():
        assert areas.get(code) == county, code
    _gen, sites, _programs, children = world
    used = {s.division_code for s in sites}
    used |= {c.fields["hukou_division"] for c in children if c.fields["hukou_division"]}
    used |= {c.fields["residence_division"] for c in children}
    assert used <= set(areas)
    assert used <= set(demo_names.COUNTIES)


def test_sites_cover_the_programme_regions() -> None:
    sites = DemoGenerator(1, today=TODAY).sites()
    assert 12 <= len(sites) <= 20
    assert len({s.code for s in sites}) == len(sites)
    by_type = Counter(s.site_type for s in sites)
    assert by_type["special_school"] == 1
    migrant_provinces = {s.division_code[:2] for s in sites if s.site_type == "migrant_school"}
    assert migrant_provinces == {"31", "11", "44"}
    rural = {
        s.division_code[:2]
        for s in sites
        if s.site_type in ("public_school", "teaching_point", "care_home")
    }
    assert {"34", "41", "53", "52", "51"} <= rural
    centre = [s for s in sites if s.site_type == "community_centre"]
    assert len(centre) == 1 and centre[0].division_code.startswith("31")
    for s in sites:
        assert s.site_type in set(enums.SiteType)
        tier_one = s.division_code[:4] in ("3101", "1101", "4401", "4403")
        assert (s.city_tier == 1) == tier_one


# --- consistency of a child's record ------------------------------------------------------------
def test_field_values_belong_to_the_domain_enums(world) -> None:
    for child in world[3]:
        f = child.fields
        assert f["gender"] in set(enums.Gender)
        assert f["dob_precision"] in set(enums.DobPrecision)
        assert f["hukou_type"] in set(enums.HukouType)
        assert f["stage"] in set(enums.Stage)
        assert f["school_system"] in set(enums.SchoolSystem)
        assert set(f["categories"]) <= set(enums.Category)
        assert f["living_arrangement"] in set(enums.LivingArrangement)
        for key in ("father_status", "mother_status"):
            assert f[key] in set(enums.ParentStatus)
        assert f["parent_visit_frequency"] in set(enums.ContactFrequency) | {None}
        assert set(f["disability_types"]) <= set(enums.DisabilityType)
        assert f["hardship"] in set(enums.HardshipStatus)
        for g in child.guardians:
            assert g["relationship"] in set(enums.Relationship)
            assert g["status"] in set(enums.ParentStatus)
        for c in child.consents:
            assert c["giver_role"] in set(enums.ConsentGiverRole)
            assert c["method"] in set(enums.ConsentMethod)
            assert set(c["scopes"]) <= set(enums.ConsentScope)


def test_records_pass_the_domain_validation(world) -> None:
    """What the form would refuse must not come out of the generator either."""
    for child in world[3]:
        f = child.fields
        assert validate_child(f, today=TODAY) == [], f
        for guardian in child.guardians:
            assert validate_guardian(guardian) == [], guardian
        dob = date.fromisoformat(f["dob"])
        for consent in child.consents:
            issues = validate_consent(
                consent, child_dob=dob, child_dob_precision=f["dob_precision"], today=TODAY
            )
            assert issues == [], consent
        state = consent_state(
            child.consents, child_dob=dob, child_dob_precision=f["dob_precision"], today=TODAY
        )
        active = child.consents and not child.consents[0]["withdrawn_on"]
        assert state.registration_ok == bool(active)
        if active and (f["disability_types"] or f["care_placement"]):
            assert state.sensitive_ok


def test_categories_match_the_fields(world) -> None:
    _gen, sites, _programs, children = world
    site_type = {s.id: s.site_type for s in sites}
    tier = {s.id: s.city_tier for s in sites}
    counts = Counter()
    for child in children:
        f = child.fields
        cats = f["categories"]
        counts.update(cats)
        assert len(set(cats)) == len(cats)
        assert ("in_care" in cats) == (site_type[f["site_id"]] == "care_home")
        assert ("disability" in cats) == bool(f["disability_types"])
        assert ("lower_tier" in cats) == (tier[f["site_id"]] >= 3)
        if "left_behind" in cats:
            youngest = youngest_age_on(date.fromisoformat(f["dob"]), f["dob_precision"], TODAY)
            assert youngest < 16
            assert "working_away" in (f["father_status"], f["mother_status"])
            assert f["living_arrangement"] not in ("both_parents", "one_parent")
        if site_type[f["site_id"]] == "migrant_school":
            assert "migrant" in cats
        if "low_income" in cats:
            assert f["hardship"] not in ("none", "unknown")
    assert set(counts) == set(enums.Category)


def test_left_behind_children_mostly_live_with_grandparents(world) -> None:
    left = [c for c in world[3] if "left_behind" in c.fields["categories"]]
    assert len(left) > 1000
    share = sum(c.fields["living_arrangement"] == "grandparents" for c in left) / len(left)
    assert 0.84 < share < 0.94
    for child in left:
        if child.fields["living_arrangement"] == "grandparents":
            caregivers = [g for g in child.guardians if g["is_primary_caregiver"]]
            assert caregivers[0]["relationship"].endswith("grandparent")
            assert caregivers[0]["name"] == child.fields["caregiver_name"]


def test_disability_is_rare_except_at_the_special_school(world) -> None:
    _gen, sites, _programs, children = world
    special = next(s.id for s in sites if s.site_type == "special_school")
    share = sum(bool(c.fields["disability_types"]) for c in children) / len(children)
    assert 0.015 < share < 0.05
    at_special = [c for c in children if c.fields["site_id"] == special]
    assert sum(bool(c.fields["disability_types"]) for c in at_special) / len(at_special) > 0.85
    for child in children:
        f = child.fields
        if f["disability_types"]:
            assert f["disability_grade"] in (1, 2, 3, 4)
            assert isinstance(f["disability_certificate"], bool)
        else:
            assert f["disability_grade"] is None and not f["autism"]


def test_stage_and_grade_fit_the_age_and_school_system(world) -> None:
    _gen, sites, _programs, children = world
    shanghai = {s.id for s in sites if s.division_code.startswith("31")}
    school_year = TODAY.year - 1  # TODAY is in May
    max_grade = {
        "6-3-3": {"preschool": 3, "primary": 6, "junior": 3, "senior": 3},
        "5-4": {"preschool": 3, "primary": 5, "junior": 4, "senior": 3},
    }
    for child in children:
        f = child.fields
        assert f["school_system"] == ("5-4" if f["site_id"] in shanghai else "6-3-3")
        if f["stage"] == "vocational":
            assert 1 <= f["grade"] <= 3
        else:
            assert 1 <= f["grade"] <= max_grade[f["school_system"]][f["stage"]]
        assert f["class_name"].endswith("班")
        if f["dob_precision"] != "exact":
            continue
        dob = date.fromisoformat(f["dob"])
        school_age = age_on(dob, date(school_year, 9, 1))
        if f["stage"] == "primary":
            assert school_age - 5 - f["grade"] in (0, 1)  # 1 = held back a year
        elif f["stage"] == "junior":
            primary = 5 if f["school_system"] == "5-4" else 6
            assert school_age - 5 - primary - f["grade"] in (0, 1)
        elif f["stage"] == "preschool":
            assert 3 <= school_age <= 5


def test_guardians_are_consistent(world) -> None:
    _gen, sites, _programs, children = world
    care_homes = {s.id for s in sites if s.site_type == "care_home"}
    phones = total = 0
    counts = Counter()
    for child in children:
        f = child.fields
        assert 1 <= len(child.guardians) <= 2
        counts[len(child.guardians)] += 1
        assert sum(g["is_primary_caregiver"] for g in child.guardians) == 1
        assert any(g["is_legal_guardian"] for g in child.guardians)
        for g in child.guardians:
            assert g["child_id"] == child.id
            total += 1
            if g["phone"] is not None:
                phones += 1
                assert PHONE.match(g["phone"]), g["phone"]
            if g["relationship"] == "father":
                assert g["name"].startswith(f["surname"])
                assert g["status"] == f["father_status"]
            if g["status"] == "working_away":
                assert g["work_place"]
        if f["site_id"] in care_homes:
            assert f["living_arrangement"] == "care_home"
            assert any(g["relationship"] == "institution" for g in child.guardians)
            assert f["care_placement"] and f["care_since"] and f["caregiver_name"]
            assert f["dob"] <= f["care_since"] <= TODAY.isoformat()
        else:
            assert f["care_placement"] is None
        for parent in ("father", "mother"):
            away = f[f"{parent}_status"] == "working_away"
            assert bool(f[f"{parent}_work_place"]) == away
    assert 0.8 < phones / total < 0.9
    assert counts[2] > counts[1]


# --- consent ------------------------------------------------------------------------------------
def test_consent_rules(world) -> None:
    children = world[3]
    with_consent = [c for c in children if c.consents]
    assert 0.89 < len(with_consent) / len(children) < 0.95
    withdrawn = 0
    for child in with_consent:
        f = child.fields
        (consent,) = child.consents
        given = date.fromisoformat(consent["given_on"])
        dob = date.fromisoformat(f["dob"])
        assert TODAY - timedelta(days=731) <= given <= TODAY
        assert given >= dob
        assert consent["scopes"][0] == "registration"
        assert len(set(consent["scopes"])) == len(consent["scopes"])
        sensitive = bool(f["disability_types"] or f["care_placement"]) or f["hardship"] in (
            "dibao",
            "tekun",
            "low_income",
            "orphan",
            "de_facto_unsupported",
        )
        assert ("sensitive" in consent["scopes"]) == sensitive
        assert consent["notice_version"] == "2024-01" and consent["collector"] == "demo"
        if consent["giver_role"] == "self":
            assert age_on(dob, given) >= 14
            assert consent["giver_name"] == f["surname"] + f["given_name"]
        else:
            giver = [g for g in child.guardians if g["name"] == consent["giver_name"]]
            assert giver, "the consent giver is one of the child's guardians"
            role = "legal_guardian" if giver[0]["is_legal_guardian"] else "entrusted_caregiver"
            assert consent["giver_role"] == role
        if consent["withdrawn_on"]:
            withdrawn += 1
            assert consent["given_on"] <= consent["withdrawn_on"] <= TODAY.isoformat()
            assert consent["withdrawal_reason"]
        else:
            assert consent["withdrawal_reason"] is None
    assert 0 < withdrawn < 0.03 * len(with_consent)
    assert any(c.consents[0]["giver_role"] == "self" for c in with_consent)


# --- programs and attendance --------------------------------------------------------------------
def test_children_are_enrolled_in_programs_of_their_site(world) -> None:
    _gen, _sites, programs, children = world
    site_of = {p.id: p.site_id for p in programs}
    for child in children:
        assert 1 <= len(child.program_ids) <= 2
        assert len(set(child.program_ids)) == len(child.program_ids)
        assert all(site_of[pid] == child.fields["site_id"] for pid in child.program_ids)
    for p in programs:
        assert p.program_type in set(enums.ProgramType)
        assert p.starts_on < p.ends_on
        assert re.match(r"^\d{4} (Spring|Summer|Autumn)$", p.term)
    assert {"2026 Spring", "2025 Autumn"} <= {p.term for p in programs}


def test_attendance_sessions_and_marks(world) -> None:
    gen, _sites, programs, children = world
    enrollments: dict[str, list[str]] = defaultdict(list)
    for child in children:
        for pid in child.program_ids:
            enrollments[pid].append(child.id)
    by_id = {p.id: p for p in programs}
    marks = Counter()
    sessions = defaultdict(list)
    for session, session_marks in gen.attendance(programs, enrollments, sessions_per_program=6):
        program = by_id[session["program_id"]]
        held = session["held_on"]
        assert program.starts_on <= held <= min(program.ends_on, TODAY.isoformat())
        assert session["lessons"] in (1, 2) and session["topic"]
        sessions[program.id].append(date.fromisoformat(held))
        assert sorted(m["child_id"] for m in session_marks) == sorted(enrollments[program.id])
        for m in session_marks:
            assert m["session_id"] == session["id"]
            marks[m["mark"]] += 1
    for held in sessions.values():
        assert len(held) <= 6
        assert all((b - a).days == 7 for a, b in zip(held, held[1:], strict=False))
    spring = [p for p in programs if p.term == "2026 Spring"]
    assert all(len(sessions[p.id]) == 6 for p in spring)  # the spring term is well under way
    autumn_2026 = DemoGenerator(7, today=date(2026, 9, 2))
    future = [p for p in autumn_2026.programs(autumn_2026.sites()) if p.starts_on > "2026-09-02"]
    assert future and not list(autumn_2026.attendance(future, {}))  # nothing after today
    total = sum(marks.values())
    assert 0.8 < marks["present"] / total < 0.9
    assert 0.07 < marks["absent"] / total < 0.13
    assert 0.03 < marks["excused"] / total < 0.07


# --- bad input ----------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [-1, 1.5, "10", True, None])
def test_children_rejects_a_bad_count(count) -> None:
    gen = DemoGenerator(1, today=TODAY)
    with pytest.raises(ValueError):
        gen.children(count, gen.sites(), [])


def test_children_zero_count_gives_nothing() -> None:
    gen = DemoGenerator(1, today=TODAY)
    assert list(gen.children(0, gen.sites(), [])) == []


def test_children_need_a_site_of_a_known_type() -> None:
    gen = DemoGenerator(1, today=TODAY)
    with pytest.raises(ValueError):
        gen.children(5, [], [])
    odd = DemoSite("x", "ZZ-XX-99", "某机构", "space_station", "341221", False, 3)
    with pytest.raises(ValueError):
        gen.children(5, [odd], [])
    with pytest.raises(ValueError):
        gen.programs([odd])


def test_a_laptops_own_site_gets_children_like_the_demo_site_of_its_type() -> None:
    """An enrolled laptop's sites are not the demo's: their children follow the type."""
    gen = DemoGenerator(1, today=TODAY)
    own = DemoSite("x", "ZZ-PS-99", "某县中心小学", "public_school", "341221", True, 3)
    children = list(gen.children(30, [own], gen.programs([own])))
    assert all(c.fields["site_id"] == "x" for c in children)
    assert {c.fields["residence_division"] for c in children} == {"341221"}
    assert all(c.program_ids for c in children)


def test_children_without_programs_have_no_enrollment() -> None:
    gen = DemoGenerator(1, today=TODAY)
    children = list(gen.children(20, gen.sites(), []))
    assert len(children) == 20 and all(c.program_ids == [] for c in children)


def test_children_only_at_the_sites_given() -> None:
    gen = DemoGenerator(1, today=TODAY)
    sites = [s for s in gen.sites() if s.site_type == "care_home"]
    children = list(gen.children(100, sites, gen.programs(sites)))
    assert {c.fields["site_id"] for c in children} == {s.id for s in sites}


@pytest.mark.parametrize("sessions", [-1, 2.0, True])
def test_attendance_rejects_bad_session_counts(sessions) -> None:
    gen = DemoGenerator(1, today=TODAY)
    programs = gen.programs(gen.sites())
    with pytest.raises(ValueError):
        gen.attendance(programs, {}, sessions_per_program=sessions)


def test_attendance_rejects_enrollments_of_unknown_programs() -> None:
    gen = DemoGenerator(1, today=TODAY)
    programs = gen.programs(gen.sites())
    with pytest.raises(ValueError):
        gen.attendance(programs, {"not-a-program": ["c1"]})


def test_attendance_with_zero_sessions_is_empty() -> None:
    gen = DemoGenerator(1, today=TODAY)
    programs = gen.programs(gen.sites())
    assert list(gen.attendance(programs, {}, sessions_per_program=0)) == []


@pytest.mark.parametrize("seed", ["1", 1.0, None, False])
def test_seed_must_be_an_int(seed) -> None:
    with pytest.raises(TypeError):
        DemoGenerator(seed)


# --- speed --------------------------------------------------------------------------------------
def test_a_large_demo_gives_most_children_guardians_and_a_consent() -> None:
    """(Its speed is measured by bench/bench_foundation.py, not here.)"""
    gen = DemoGenerator(1, today=TODAY)
    sites = gen.sites()
    programs = gen.programs(sites)
    guardians = consents = 0
    for child in gen.children(20_000, sites, programs):
        guardians += len(child.guardians)
        consents += len(child.consents)
    assert guardians > 30_000 and consents > 18_000
