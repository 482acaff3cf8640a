"""Validation of ID numbers, phones, dates of birth, grades, names and whole records."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.cn import ric

from ss_core.domain import (
    IssueCode,
    Severity,
    ValidationFailed,
    age_on,
    needs_guardian_consent,
    parse_dob,
    raise_if_errors,
    validate_child,
    validate_dob,
    validate_grade,
    validate_guardian,
    validate_id_number,
    validate_mobile,
    validate_phone,
)
from ss_core.domain.errors import Issue

TODAY = date(2024, 6, 15)


def make_id(place: str = "110101", born: str = "20150304", seq: str = "001") -> str:
    """A made-up ID number with a correct check digit (seq odd = male)."""
    body = place + born + seq
    return body + ric.calc_check_digit(body + "0")


def codes(issues: list[Issue]) -> set[str]:
    return {str(i.code) for i in issues}


def valid_child(**over: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "surname": "王",
        "given_name": "小明",
        "gender": 1,
        "dob": "2015-03-04",
        "dob_precision": "exact",
        "site_id": "0190c5d2-0000-7000-8000-000000000001",
        "stage": "primary",
        "grade": 3,
        "school_system": "6-3-3",
        "categories": ["migrant"],
        "boarding": False,
        "hukou_division": "110101",
        "hukou_type": "resident",
        "notes": "喜欢画画",
        "status": "active",
    }
    fields.update(over)
    return fields


# ------------------------------------------------------------------ ID number


class TestIdNumber:
    def test_valid_number_has_no_issue(self) -> None:
        assert validate_id_number(make_id(), today=TODAY) == []

    def test_lowercase_x_and_fullwidth_digits_are_accepted(self) -> None:
        # find a body whose check digit is X
        for seq in range(1000):
            number = make_id(seq=f"{seq:03d}")
            if number.endswith("X"):
                break
        typed = number[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x"
        assert validate_id_number(typed, today=TODAY) == []

    def test_wrong_check_digit(self) -> None:
        number = make_id()
        wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
        assert codes(validate_id_number(wrong, today=TODAY)) == {"id_number.check_digit"}

    @pytest.mark.parametrize("value", ["", "12345", "11010120150304001", "1101012015030400111",
                                       "11010120150304A011", "abc"])  # fmt: skip
    def test_bad_format(self, value: str) -> None:
        assert codes(validate_id_number(value, today=TODAY)) == {"id_number.format"}

    def test_future_birth_date_is_an_error(self) -> None:
        number = make_id(born="20300101")
        assert codes(validate_id_number(number, today=TODAY)) == {"id_number.future_birth_date"}

    def test_impossible_birth_date(self) -> None:
        number = make_id(born="20150230")
        assert codes(validate_id_number(number, today=TODAY)) == {"id_number.invalid_birth_date"}

    def test_birth_date_cross_check_exact(self) -> None:
        number = make_id(born="20150304")
        issues = validate_id_number(number, dob=date(2015, 3, 5), today=TODAY)
        assert codes(issues) == {"id_number.birth_date_mismatch"}
        assert issues[0].params["id_birth_date"] == "2015-03-04"
        assert validate_id_number(number, dob=date(2015, 3, 4), today=TODAY) == []

    def test_birth_date_cross_check_respects_precision(self) -> None:
        number = make_id(born="20150304")
        assert validate_id_number(number, dob=date(2015, 1, 1), dob_precision="year",
                                  today=TODAY) == []  # fmt: skip
        assert validate_id_number(number, dob=date(2015, 3, 1), dob_precision="month",
                                  today=TODAY) == []  # fmt: skip
        wrong_month = validate_id_number(
            number, dob=date(2015, 4, 1), dob_precision="month", today=TODAY
        )
        assert codes(wrong_month) == {"id_number.birth_date_mismatch"}
        wrong_year = validate_id_number(
            number, dob=date(2016, 1, 1), dob_precision="year", today=TODAY
        )
        assert codes(wrong_year) == {"id_number.birth_date_mismatch"}

    def test_sex_digit_cross_check(self) -> None:
        male = make_id(seq="001")
        female = make_id(seq="002")
        assert validate_id_number(male, gender=1, today=TODAY) == []
        assert validate_id_number(female, gender=2, today=TODAY) == []
        issues = validate_id_number(male, gender=2, today=TODAY)
        assert codes(issues) == {"id_number.sex_mismatch"}
        assert issues[0].params == {"expected": "1", "found": "2"}
        # unknown / unstated gender is not cross-checked
        assert validate_id_number(male, gender=0, today=TODAY) == []
        assert validate_id_number(male, gender=9, today=TODAY) == []

    def test_unknown_birthplace_is_only_a_warning_and_check_digit_still_checked(self) -> None:
        number = make_id(place="999999")
        issues = validate_id_number(number, today=TODAY)
        assert codes(issues) == {"id_number.unknown_birthplace"}
        assert issues[0].severity == Severity.WARNING
        raise_if_errors(issues)  # a warning alone does not raise
        wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
        assert "id_number.check_digit" in codes(validate_id_number(wrong, today=TODAY))


# ------------------------------------------------------------------ phones


class TestPhones:
    @pytest.mark.parametrize(
        "value",
        ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "008613812345678",
         "８６１３８１２３４５６７８", "19912345678"],
    )  # fmt: skip
    def test_valid_mobiles(self, value: str) -> None:
        assert validate_mobile(value) == []

    @pytest.mark.parametrize(
        "value", ["1381234567", "138123456789", "12812345678", "23812345678", "", "phone"]
    )
    def test_invalid_mobiles(self, value: str) -> None:
        assert codes(validate_mobile(value)) == {"phone.format"}

    def test_ten_digit_phone_is_rejected(self) -> None:
        assert codes(validate_mobile("1381234567")) == {"phone.format"}
        assert codes(validate_phone("1381234567")) == {"phone.format"}

    @pytest.mark.parametrize("value", ["021-12345678", "0755-1234567", "(010) 1234 5678"])
    def test_landlines_accepted_by_validate_phone(self, value: str) -> None:
        assert validate_phone(value) == []
        assert codes(validate_mobile(value)) == {"phone.format"}


# ------------------------------------------------------------------ dates of birth


class TestDob:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2015-03-04", (date(2015, 3, 4), "exact")),
            ("2015-3-4", (date(2015, 3, 4), "exact")),
            ("2015/03/04", (date(2015, 3, 4), "exact")),
            ("2015年3月4日", (date(2015, 3, 4), "exact")),
            ("20150304", (date(2015, 3, 4), "exact")),
            ("２０１５-03", (date(2015, 3, 1), "month")),
            ("2015-03", (date(2015, 3, 1), "month")),
            ("2015", (date(2015, 1, 1), "year")),
            (" 2015年 ", (date(2015, 1, 1), "year")),
        ],
    )
    def test_parse_accepts(self, text: str, expected: tuple[date, str]) -> None:
        assert parse_dob(text) == expected

    @pytest.mark.parametrize("text", ["", "2015-02-30", "2015-13", "15-03-04", "March 2015",
                                      "1850", "2015-03-04-05"])  # fmt: skip
    def test_parse_rejects_with_dob_format(self, text: str) -> None:
        with pytest.raises(ValidationFailed) as exc:
            parse_dob(text)
        assert exc.value.codes == ["dob.format"]

    def test_future_birth_date_is_an_error(self) -> None:
        assert codes(validate_dob(date(2024, 6, 16), "exact", today=TODAY)) == {"dob.future"}
        assert codes(validate_dob(date(2024, 7, 1), "month", today=TODAY)) == {"dob.future"}
        assert codes(validate_dob(date(2025, 1, 1), "year", today=TODAY)) == {"dob.future"}
        # this month / this year may already have happened
        assert validate_dob(date(2024, 6, 1), "month", today=TODAY) == []
        assert validate_dob(date(2024, 1, 1), "year", today=TODAY) == []

    def test_adult_is_a_warning(self) -> None:
        issues = validate_dob(date(2006, 6, 15), "exact", today=TODAY)
        assert codes(issues) == {"dob.too_old"}
        assert issues[0].severity == Severity.WARNING
        assert issues[0].params == {"age": 18}
        assert validate_dob(date(2006, 6, 16), "exact", today=TODAY) == []

    def test_adult_warning_only_when_certainly_18(self) -> None:
        # born some time in 2006: could still be 17 on 2024-06-15
        assert validate_dob(date(2006, 1, 1), "year", today=TODAY) == []
        assert codes(validate_dob(date(2005, 1, 1), "year", today=TODAY)) == {"dob.too_old"}

    def test_month_precision_must_be_stored_as_first_of_month(self) -> None:
        issues = validate_dob(date(2015, 3, 4), "month", today=TODAY)
        assert codes(issues) == {"dob.precision_mismatch"}

    def test_age_is_conservative(self) -> None:
        assert age_on(date(2010, 6, 15), "exact", TODAY) == 14
        assert age_on(date(2010, 6, 16), "exact", TODAY) == 13
        assert age_on(date(2010, 6, 1), "month", TODAY) == 13  # might be born 30 June
        assert age_on(date(2010, 1, 1), "year", TODAY) == 13  # might be born 31 Dec
        assert age_on(date(2030, 1, 1), "exact", TODAY) == 0

    def test_needs_guardian_consent(self) -> None:
        assert needs_guardian_consent(date(2010, 6, 16), "exact", TODAY)
        assert not needs_guardian_consent(date(2010, 6, 15), "exact", TODAY)
        assert needs_guardian_consent(date(2010, 1, 1), "year", TODAY)  # maybe not yet 14
        assert not needs_guardian_consent(date(2009, 1, 1), "year", TODAY)
        assert needs_guardian_consent(None, None, TODAY)
        assert needs_guardian_consent("2010-06-16", "exact", TODAY)  # as stored
        assert not needs_guardian_consent("2010-06-15", "exact", TODAY)
        assert needs_guardian_consent(date(2010, 1, 1), "bogus", TODAY)  # cautious


# ------------------------------------------------------------------ grades


class TestGrade:
    @pytest.mark.parametrize(
        ("stage", "grade", "system", "ok"),
        [
            ("primary", 6, "6-3-3", True),
            ("primary", 6, "5-4", False),
            ("primary", 5, "5-4", True),
            ("junior", 4, "5-4", True),
            ("junior", 4, "6-3-3", False),
            ("junior", 0, "6-3-3", False),
            ("senior", 3, "6-3-3", True),
            ("senior", 4, "6-3-3", False),
            ("vocational", 3, None, True),
            ("preschool", 3, None, True),
            ("preschool", 4, None, False),
            ("primary", None, "6-3-3", True),
        ],
    )
    def test_ranges(self, stage: str, grade: int | None, system: str | None, ok: bool) -> None:
        issues = validate_grade(stage, grade, system)
        assert (issues == []) is ok
        if not ok:
            assert codes(issues) == {"grade.out_of_range"}

    def test_out_of_range_carries_the_limits(self) -> None:
        assert validate_grade("primary", 6, "5-4")[0].params == {"min": 1, "max": 5}

    def test_unknown_stage_and_system(self) -> None:
        assert codes(validate_grade("college", 1, None)) == {"enum.invalid"}
        assert codes(validate_grade("primary", 1, "4-4-4")) == {"enum.invalid"}


# ------------------------------------------------------------------ child record


class TestChild:
    def test_valid_child(self) -> None:
        assert validate_child(valid_child(), today=TODAY) == []

    def test_valid_child_with_id_and_everything(self) -> None:
        fields = valid_child(
            id_number=make_id(),
            pinyin="Wang Xiaoming",
            residence_division="310101",
            living_arrangement="grandparents",
            father_status="working_away",
            mother_status="working_away",
            father_work_place="深圳",
            parent_visit_frequency="yearly",
            caregiver_name="奶奶",
            disability_types=["hearing"],
            disability_grade=2,
            disability_certificate=True,
            autism=False,
            hardship="dibao",
            hardship_evidence_seen=True,
            care_since="2020-01-01",
        )
        assert validate_child(fields, today=TODAY, division_exists=lambda c: True) == []

    def test_missing_names(self) -> None:
        issues = validate_child(valid_child(surname="", given_name=None), today=TODAY)
        assert {(i.code, i.field) for i in issues} == {
            ("name.required", "surname"),
            ("name.required", "given_name"),
        }

    def test_missing_required_fields(self) -> None:
        fields = valid_child()
        del fields["dob"], fields["site_id"], fields["gender"]
        issues = validate_child(fields, today=TODAY)
        assert {(i.code, i.field) for i in issues} == {
            ("value.required", "dob"),
            ("value.required", "site_id"),
            ("value.required", "gender"),
        }

    @pytest.mark.parametrize("name", ["阿卜杜·热合曼", "王", "Mary", "Mary-Jane O'Neil", "𠮷"])
    def test_accepted_names(self, name: str) -> None:
        assert validate_child(valid_child(given_name=name), today=TODAY) == []

    @pytest.mark.parametrize("name", ["小明1", "王 小明x", "·小明", "小明·", "@", "小明Tom"])
    def test_invalid_name_characters(self, name: str) -> None:
        issues = validate_child(valid_child(given_name=name), today=TODAY)
        assert codes(issues) == {"name.invalid_characters"}

    def test_name_too_long(self) -> None:
        issues = validate_child(valid_child(given_name="明" * 21), today=TODAY)
        assert codes(issues) == {"name.too_long"}
        assert issues[0].params == {"max": 20}
        assert validate_child(valid_child(given_name="明" * 20), today=TODAY) == []

    def test_future_dob_and_bad_dob(self) -> None:
        assert codes(validate_child(valid_child(dob="2030-01-01"), today=TODAY)) == {"dob.future"}
        assert codes(validate_child(valid_child(dob="2015-02-30"), today=TODAY)) == {"dob.format"}
        assert codes(validate_child(valid_child(dob="yesterday"), today=TODAY)) == {"dob.format"}

    def test_id_number_cross_checked_with_form(self) -> None:
        fields = valid_child(id_number=make_id(born="20150305", seq="002"))
        assert codes(validate_child(fields, today=TODAY)) == {
            "id_number.birth_date_mismatch",
            "id_number.sex_mismatch",
        }

    def test_wrong_id_check_digit(self) -> None:
        number = make_id()
        wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
        issues = validate_child(valid_child(id_number=wrong), today=TODAY)
        assert codes(issues) == {"id_number.check_digit"}

    def test_unknown_division(self) -> None:
        known = {"110101", "310101"}
        issues = validate_child(
            valid_child(hukou_division="110199", residence_division="310101"),
            today=TODAY,
            division_exists=known.__contains__,
        )
        assert {(i.code, i.field) for i in issues} == {("division.unknown", "hukou_division")}

    def test_division_format(self) -> None:
        issues = validate_child(valid_child(hukou_division="1101"), today=TODAY)
        assert codes(issues) == {"division.format"}

    def test_unknown_enum_values_are_named(self) -> None:
        issues = validate_child(
            valid_child(hukou_type="martian", categories=["migrant", "rich"], gender=5),
            today=TODAY,
        )
        assert {(i.code, i.field, i.params["value"]) for i in issues} == {
            ("enum.invalid", "hukou_type", "martian"),
            ("enum.invalid", "categories", "rich"),
            ("enum.invalid", "gender", 5),
        }

    def test_grade_checked_inside_child(self) -> None:
        issues = validate_child(valid_child(grade=6, school_system="5-4"), today=TODAY)
        assert codes(issues) == {"grade.out_of_range"}

    def test_notes_too_long(self) -> None:
        issues = validate_child(valid_child(notes="字" * 2001), today=TODAY)
        assert codes(issues) == {"text.too_long"}
        assert issues[0].params == {"max": 2000}

    def test_control_characters_in_text(self) -> None:
        issues = validate_child(valid_child(class_name="三年级\x00二班"), today=TODAY)
        assert {(i.code, i.field) for i in issues} == {("text.invalid_characters", "class_name")}
        assert validate_child(valid_child(notes="第一行\n第二行\t完"), today=TODAY) == []

    def test_disability_grade_range(self) -> None:
        issues = validate_child(valid_child(disability_grade=5), today=TODAY)
        assert codes(issues) == {"disability_grade.out_of_range"}

    def test_wrong_types(self) -> None:
        issues = validate_child(valid_child(boarding="yes", grade="3"), today=TODAY)
        assert {(i.code, i.field) for i in issues} == {
            ("value.invalid_type", "boarding"),
            ("value.invalid_type", "grade"),
        }

    def test_care_since_rules(self) -> None:
        assert codes(validate_child(valid_child(care_since="2030-01-01"), today=TODAY)) == {
            "date.future"
        }
        assert codes(validate_child(valid_child(care_since="2014-01-01"), today=TODAY)) == {
            "date.before_birth"
        }
        assert codes(validate_child(valid_child(care_since="01/02/2020"), today=TODAY)) == {
            "date.format"
        }

    def test_pinyin_characters(self) -> None:
        issues = validate_child(valid_child(pinyin="Wang 小明"), today=TODAY)
        assert codes(issues) == {"pinyin.invalid_characters"}
        assert validate_child(valid_child(pinyin="Lǚ Xiǎomíng"), today=TODAY) == []

    def test_partial_checks_only_given_fields(self) -> None:
        assert validate_child({"notes": "新的备注"}, partial=True, today=TODAY) == []
        assert codes(validate_child({"grade": 9, "stage": "primary"}, partial=True)) == {
            "grade.out_of_range"
        }
        assert codes(validate_child({"surname": ""}, partial=True)) == {"name.required"}

    def test_adult_child_is_only_a_warning(self) -> None:
        issues = validate_child(valid_child(dob="2000-01-01"), today=TODAY)
        assert codes(issues) == {"dob.too_old"}
        raise_if_errors(issues)


# ------------------------------------------------------------------ guardian record


class TestGuardian:
    def valid(self, **over: object) -> dict[str, object]:
        fields: dict[str, object] = {
            "child_id": "c1",
            "name": "王大山",
            "relationship": "father",
            "is_legal_guardian": True,
            "is_primary_caregiver": False,
            "phone": "13812345678",
            "status": "working_away",
            "work_place": "广东东莞",
            "contact_frequency": "monthly",
        }
        fields.update(over)
        return fields

    def test_valid(self) -> None:
        assert validate_guardian(self.valid()) == []
        assert validate_guardian(self.valid(phone=None)) == []
        assert validate_guardian(self.valid(phone="021-12345678")) == []

    def test_name_required(self) -> None:
        assert codes(validate_guardian(self.valid(name=" "))) == {"name.required"}

    def test_bad_phone(self) -> None:
        assert codes(validate_guardian(self.valid(phone="1381234567"))) == {"phone.format"}

    def test_bad_enums(self) -> None:
        issues = validate_guardian(self.valid(relationship="uncle", status="lost"))
        assert {(i.code, i.field) for i in issues} == {
            ("enum.invalid", "relationship"),
            ("enum.invalid", "status"),
        }

    def test_partial(self) -> None:
        assert validate_guardian({"phone": "13812345678"}, partial=True) == []
        assert codes(validate_guardian({"name": ""}, partial=True)) == {"name.required"}


# ------------------------------------------------------------------ the error type


def test_validation_failed_names_codes_but_no_personal_values() -> None:
    number = make_id(born="20150305", seq="002")
    issues = validate_child(
        valid_child(id_number=number, phone="13812345678", given_name="小明1"), today=TODAY
    )
    err = ValidationFailed(issues)
    text = str(err) + repr(err.issues)
    assert "id_number.birth_date_mismatch" in text
    assert "name.invalid_characters" in text
    for personal in (number, "2015-03-04", "2015-03-05", "小明", "13812345678"):
        assert personal not in text


def test_warnings_alone_do_not_raise_and_are_not_in_issues() -> None:
    warning = Issue("dob.too_old", "dob", {"age": 19}, Severity.WARNING)
    error = Issue("name.required", "surname")
    raise_if_errors([warning])
    with pytest.raises(ValidationFailed) as exc:
        raise_if_errors([warning, error])
    assert exc.value.issues == [error]


def test_every_issue_code_is_unique_and_snake_case() -> None:
    values = [c.value for c in IssueCode]
    assert len(values) == len(set(values))
    for v in values:
        assert v == v.lower() and " " not in v
