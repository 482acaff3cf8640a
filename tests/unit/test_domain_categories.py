"""Suggested beneficiary categories and local hukou."""

from __future__ import annotations

from datetime import date

from ss_core.domain import Category, is_local_hukou, suggest_categories

TODAY = date(2024, 6, 15)


def suggest(**fields: object) -> dict[Category, str]:
    site_type = fields.pop("site_type", None)
    tier = fields.pop("city_tier", None)
    residence = fields.pop("residence_prefecture", None)
    return suggest_categories(
        fields, site_type=site_type, city_tier=tier, residence_prefecture=residence, today=TODAY
    )


def test_nothing_suggested_for_a_plain_record() -> None:
    assert suggest(dob="2015-03-04", hukou_division="310101", residence_division="310104") == {}


def test_is_local_hukou() -> None:
    assert is_local_hukou("510722", "510703") is True  # same prefecture
    assert is_local_hukou("510722", "310101") is False
    assert is_local_hukou("310101", "310115") is True  # all of Shanghai is one city
    assert is_local_hukou("500101", "500230") is True  # Chongqing's 5001 and 5002
    assert is_local_hukou("469002", "469005") is False  # Hainan's direct county-level cities
    assert is_local_hukou(None, "310101") is None
    assert is_local_hukou("31", "310101") is None


def test_migrant_from_hukou_elsewhere() -> None:
    assert suggest(hukou_division="510722", residence_division="310101") == {
        Category.MIGRANT: "hukou_other_prefecture"
    }
    assert suggest(hukou_division="510722", residence_prefecture="3101") == {
        Category.MIGRANT: "hukou_other_prefecture"
    }


def test_migrant_school() -> None:
    assert suggest(site_type="migrant_school") == {Category.MIGRANT: "migrant_school"}
    # a local hukou at a migrant school is still suggested through the school
    assert Category.MIGRANT in suggest(
        site_type="migrant_school", hukou_division="310101", residence_division="310101"
    )


def test_left_behind_both_parents_away() -> None:
    got = suggest(dob="2014-01-01", hukou_type="resident", father_status="working_away",
                  mother_status="working_away")  # fmt: skip
    assert got == {Category.LEFT_BEHIND: "both_parents_away"}


def test_left_behind_one_away_other_unable() -> None:
    got = suggest(dob="2014-01-01", father_status="working_away", mother_status="deceased")
    assert got == {Category.LEFT_BEHIND: "one_parent_away_other_unable"}
    got = suggest(dob="2014-01-01", mother_status="working_away", father_status="missing")
    assert got == {Category.LEFT_BEHIND: "one_parent_away_other_unable"}


def test_not_left_behind() -> None:
    away = {"father_status": "working_away", "mother_status": "working_away"}
    assert suggest(dob="2008-01-01", **away) == {}  # 16
    assert suggest(dob="2014-01-01", hukou_type="non_agricultural_legacy", **away) == {}
    assert suggest(dob="2014-01-01", father_status="working_away",
                   mother_status="with_child") == {}  # fmt: skip


def test_in_care() -> None:
    assert suggest(living_arrangement="care_home") == {Category.IN_CARE: "lives_in_care_home"}
    assert suggest(site_type="care_home") == {Category.IN_CARE: "care_home_site"}
    assert suggest(care_placement="阳光儿童村") == {Category.IN_CARE: "care_placement"}


def test_disability() -> None:
    assert suggest(disability_types=["hearing"]) == {Category.DISABILITY: "disability_type"}
    assert suggest(autism=True) == {Category.DISABILITY: "autism"}
    assert suggest(disability_types=[], autism=False) == {}


def test_low_income() -> None:
    assert suggest(hardship="dibao") == {Category.LOW_INCOME: "hardship_dibao"}
    assert suggest(hardship="de_facto_unsupported") == {
        Category.LOW_INCOME: "hardship_de_facto_unsupported"
    }
    assert suggest(hardship="none") == {}
    assert suggest(hardship="unknown") == {}


def test_lower_tier() -> None:
    assert suggest(city_tier=3) == {Category.LOWER_TIER: "city_tier"}
    assert suggest(city_tier=5) == {Category.LOWER_TIER: "city_tier"}
    assert suggest(city_tier=2) == {}


def test_several_at_once() -> None:
    got = suggest(
        dob="2013-05-01",
        hukou_division="510722",
        residence_division="310101",
        father_status="working_away",
        mother_status="working_away",
        hardship="tekun",
        autism=True,
        city_tier=4,
    )
    assert set(got) == {
        Category.MIGRANT,
        Category.LEFT_BEHIND,
        Category.LOW_INCOME,
        Category.DISABILITY,
        Category.LOWER_TIER,
    }
