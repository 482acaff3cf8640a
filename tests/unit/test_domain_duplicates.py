"""Duplicate scoring: what the registration form warns about before saving."""

from __future__ import annotations

from datetime import date

from stdnum.cn import ric

from ss_core.domain import ChildFacts, name_keys, rank_candidates, score_pair


def make_id(born: str = "20150304", seq: str = "001") -> str:
    body = "110101" + born + seq
    return body + ric.calc_check_digit(body + "0")


def facts(
    record_id: str,
    surname: str = "张",
    given: str = "三",
    *,
    dob: date | None = date(2015, 3, 4),
    precision: str = "exact",
    id_number: str | None = None,
    phones: tuple[str, ...] = (),
    site: str | None = None,
    gender: int | None = 1,
    with_keys: bool = True,
) -> ChildFacts:
    keys = name_keys(surname, given).full if with_keys else ()
    return ChildFacts(record_id, surname, given, keys, dob, precision, id_number, phones,
                      site, gender)  # fmt: skip


def test_same_id_number_alone_is_near_certain() -> None:
    new = facts("new", "王", "芳", dob=None, id_number=make_id(), gender=None)
    old = facts("old", "李", "娜", dob=date(2012, 1, 1), id_number=make_id().lower())
    c = score_pair(new, old)
    assert c is not None and c.score >= 95
    assert "same_id_number" in c.reasons


def test_identical_id_ranks_first() -> None:
    new = facts("new", id_number=make_id(), site="s1")
    same_name_dob = facts("a", site="s1")
    same_id = facts("b", "张", "叁", dob=date(2015, 3, 5), id_number=make_id())
    ranked = rank_candidates(new, [same_name_dob, same_id])
    assert [c.record_id for c in ranked] == ["b", "a"]


def test_same_name_and_dob_is_at_least_80() -> None:
    c = score_pair(facts("new", gender=None), facts("old", gender=None))
    assert c is not None and c.score >= 80
    assert set(c.reasons) == {"same_name", "same_dob"}


def test_same_name_alone_stays_below_threshold() -> None:
    new = facts("new", dob=date(2015, 3, 4), site="s1")
    old = facts("old", dob=date(2013, 9, 1), site="s1")
    c = score_pair(new, old)
    assert c is not None and c.score < 60
    assert rank_candidates(new, [old]) == []


def test_homophone_with_same_dob_is_flagged_similar() -> None:
    new = facts("new", "张", "三")
    old = facts("old", "章", "三")
    ranked = rank_candidates(new, [old])
    assert [c.record_id for c in ranked] == ["old"]
    assert "similar_name" in ranked[0].reasons and "same_dob" in ranked[0].reasons


def test_one_character_typo_with_same_dob_is_flagged() -> None:
    new = facts("new", "王", "晓明")
    old = facts("old", "王", "小明")
    ranked = rank_candidates(new, [old])
    assert ranked and "similar_name" in ranked[0].reasons


def test_keys_computed_when_not_supplied() -> None:
    c = score_pair(facts("new", "张", "三", with_keys=False), facts("old", "章", "三"))
    assert c is not None and "similar_name" in c.reasons


def test_unrelated_children_score_below_threshold() -> None:
    new = facts("new", "王", "芳", dob=date(2014, 5, 1), site="s1", gender=2)
    others = [
        facts("a", "李", "娜", dob=date(2012, 1, 1), site="s1", gender=2),
        facts("b", "陈", "伟", dob=date(2014, 5, 2), gender=1),
        facts("c", "赵", "强", dob=None, gender=None),
    ]
    assert rank_candidates(new, others) == []
    for other in others:
        c = score_pair(new, other)
        assert c is None or c.score < 60


def test_different_gender_lowers_the_score() -> None:
    same = score_pair(facts("new", gender=1), facts("old", gender=1))
    different = score_pair(facts("new", gender=1), facts("old", gender=2))
    assert same is not None and different is not None
    assert different.score < same.score - 20
    assert "same_gender" in same.reasons and "same_gender" not in different.reasons


def test_different_id_numbers_lower_the_score() -> None:
    a = facts("new", id_number=make_id(seq="001"))
    b = facts("old", id_number=make_id(seq="003"))
    c = score_pair(a, b)
    assert c is not None and c.score < 60


def test_guardian_phone_and_dob_precision() -> None:
    new = facts("new", "张", "三", dob=date(2015, 1, 1), precision="year",
                phones=("+86 138 1234 5678",))  # fmt: skip
    old = facts("old", "张", "三", dob=date(2015, 7, 9), phones=("13812345678",))
    c = score_pair(new, old)
    assert c is not None
    assert set(c.reasons) >= {"same_name", "close_dob", "same_guardian_phone"}
    assert c.score >= 60


def test_close_dob_within_a_month() -> None:
    c = score_pair(facts("new", dob=date(2015, 3, 4)), facts("old", dob=date(2015, 4, 3)))
    assert c is not None and "close_dob" in c.reasons
    far = score_pair(facts("new", dob=date(2015, 3, 4)), facts("old", dob=date(2015, 6, 3)))
    assert far is not None and "close_dob" not in far.reasons


def test_ranking_order_limit_and_self_excluded() -> None:
    new = facts("new", site="s1", phones=("13812345678",))
    best = facts("best", site="s1", phones=("13812345678",))  # name + dob + phone + site
    good = facts("good", site="s1")  # name + dob + site
    fair = facts("fair", "章", "三")  # homophone + dob
    ranked = rank_candidates(new, [fair, good, new, best])
    assert [c.record_id for c in ranked] == ["best", "good", "fair"]
    assert ranked[0].score >= ranked[1].score >= ranked[2].score
    assert [c.record_id for c in rank_candidates(new, [fair, good, best], limit=2)] == [
        "best",
        "good",
    ]
    assert all(0 <= c.score <= 100 for c in ranked)


def test_near_homophone_is_similar() -> None:
    c = score_pair(facts("new", "张", "三"), facts("old", "张", "山"))
    assert c is not None and "similar_name" in c.reasons


def test_siblings_sharing_phone_and_site_stay_below_threshold() -> None:
    # same family, generation character shared, different birthdays
    phones = ("13812345678",)
    new = facts("new", "张", "小明", dob=date(2015, 3, 4), phones=phones, site="s1")
    sister = facts("old", "张", "小红", dob=date(2012, 8, 20), phones=phones, site="s1", gender=2)
    brother = facts("old2", "张", "小军", dob=date(2012, 8, 20), phones=phones, site="s1")
    assert rank_candidates(new, [sister, brother]) == []
