"""Validation of single values (ID number, phones, names, grades) and of whole records.

Every function is pure and returns a list of :class:`Issue`; none raises on bad input (except
:func:`parse_dob`, which reports ``dob.format`` through :class:`ValidationFailed`). Pass
``today`` to pin the date in tests. Consent rules live in :mod:`ss_core.domain.consent` and
are re-exported here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from ss_core.domain.consent import ConsentState, consent_state, validate_consent
from ss_core.domain.dates import (
    age_on,
    coerce_date,
    needs_guardian_consent,
    parse_dob,
    validate_dob,
)
from ss_core.domain.enums import (
    Category,
    ChildStatus,
    ContactFrequency,
    DisabilityType,
    DobPrecision,
    Gender,
    HardshipStatus,
    HukouType,
    LivingArrangement,
    ParentStatus,
    Relationship,
    SchoolSystem,
    Stage,
    member,
)
from ss_core.domain.errors import Issue, IssueCode, Severity
from ss_core.domain.normalize import normalize_id_number, normalize_phone

__all__ = [
    "ConsentState",
    "age_on",
    "consent_state",
    "needs_guardian_consent",
    "parse_dob",
    "validate_child",
    "validate_consent",
    "validate_dob",
    "validate_grade",
    "validate_guardian",
    "validate_id_number",
    "validate_landline",
    "validate_mobile",
    "validate_name",
    "validate_phone",
    "GRADE_RANGES",
    "NAME_MAX_LEN",
]

NAME_MAX_LEN = 20
GUARDIAN_NAME_MAX_LEN = 60
PINYIN_MAX_LEN = 80
NOTES_MAX_LEN = 2000

# ---------------------------------------------------------------- resident ID number


def _id_birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)
def _known_birthplace(county_code: str, birth_year: int) -> bool:
    """stdnum's birthplace lookup (~0.3 ms a call), cached per county code and birth year.
    A code that names a province or prefecture but no county makes stdnum raise KeyError
    (python-stdnum 2.2): unknown too."""
    probe = f"{county_code}{birth_year:04d}0101001"
    try:
        ric.get_birth_place(probe + ric.calc_check_digit(probe + "0"))
    except (StdnumValidationError, KeyError):
        return False
    return True


def validate_id_number(
    value: str,
    *,
    dob: date | None = None,
    dob_precision: str = "exact",
    gender: int | None = None,
    today: date | None = None,
) -> list[Issue]:
    """Check a resident ID number (GB 11643) and cross-check it with the form.

    Errors: format, check digit, impossible or future birth date, birth date different from
    the form's (compared at the form's precision), sex digit different from the form's gender.
    Warning: a birthplace code unknown to python-stdnum's table.
    """
    f = "id_number"
    if not isinstance(value, str):
        return [Issue(IssueCode.ID_NUMBER_FORMAT, f, {"length": 18})]
    number = normalize_id_number(value)
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        return [Issue(IssueCode.ID_NUMBER_FORMAT, f, {"length": 18})]
    issues: list[Issue] = []
    if ric.calc_check_digit(number) != number[-1]:
        issues.append(Issue(IssueCode.ID_NUMBER_CHECK_DIGIT, f))
    born = _id_birth_date(number)
    now = today if today is not None else date.today()
    if born is None or born.year < 1900:
        issues.append(Issue(IssueCode.ID_NUMBER_INVALID_BIRTH_DATE, f))
    elif born > now:
        issues.append(Issue(IssueCode.ID_NUMBER_FUTURE_BIRTH_DATE, f))
    else:
        if dob is not None and not _same_at_precision(born, dob, dob_precision):
            issues.append(
                Issue(
                    IssueCode.ID_NUMBER_BIRTH_DATE_MISMATCH,
                    f,
                    {"id_birth_date": born.isoformat(), "precision": str(dob_precision)},
                )
            )
        if not issues and not _known_birthplace(number[:6], born.year):
            issues.append(Issue(IssueCode.ID_NUMBER_UNKNOWN_BIRTHPLACE, f, {}, Severity.WARNING))
    if gender in (Gender.MALE, Gender.FEMALE):
        id_gender = Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE
        if id_gender != gender:
            issues.append(
                Issue(
                    IssueCode.ID_NUMBER_SEX_MISMATCH,
                    f,
                    {"expected": str(int(id_gender)), "found": str(int(gender))},
                )
            )
    return issues


def _same_at_precision(a: date, b: date, precision: str | None) -> bool:
    try:
        p = DobPrecision(precision or DobPrecision.EXACT)
    except ValueError:
        p = DobPrecision.EXACT
    if p == DobPrecision.YEAR:
        return a.year == b.year
    if p == DobPrecision.MONTH:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


# ---------------------------------------------------------------- phones

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[1-9][0-9]{1,2}[0-9]{7,8}")
_LANDLINE_RAW = re.compile(r"\(?0[1-9][0-9]{1,2}\)?[\s\-]?[0-9]{3,4}[\s\-]?[0-9]{4}")


def validate_mobile(value: str, *, field: str = "phone") -> list[Issue]:
    """Mainland mobile: 11 digits starting 13-19 once +86/0086, spaces and dashes are gone."""
    if isinstance(value, str) and _MOBILE.fullmatch(normalize_phone(value)):
        return []
    return [Issue(IssueCode.PHONE_FORMAT, field)]


def validate_landline(value: str, *, field: str = "phone") -> list[Issue]:
    """Landline with area code: 0 + 2-3 digits, then 7-8 digits ("021-12345678")."""
    if isinstance(value, str) and _LANDLINE.fullmatch(normalize_phone(value)):
        return []
    return [Issue(IssueCode.PHONE_FORMAT, field)]


def validate_phone(value: str, *, field: str = "phone") -> list[Issue]:
    """A mainland mobile or a landline with area code."""
    if not validate_mobile(value, field=field) or not validate_landline(value, field=field):
        return []
    return [Issue(IssueCode.PHONE_FORMAT, field)]


# ---------------------------------------------------------------- names and text

_CJK = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_DOTS = "\u00b7\u2022\u2027\u30fb\uff65"
_CJK_NAME = re.compile(rf"[{_CJK}]+(?:[{_DOTS}][{_CJK}]+)*")
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a"
_LATIN_NAME = re.compile(rf"[{_LATIN_LETTER}]+(?:(?:[ '\-.]|\. )[{_LATIN_LETTER}]+)*\.?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PINYIN = re.compile(r"[A-Za-zÀ-ɏüÜǖǘǚǜ'’ \-·]*")


def validate_name(value: Any, *, field: str, max_len: int = NAME_MAX_LEN) -> list[Issue]:
    """A surname or given name: CJK characters (with · for minority names) or Latin letters."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Issue(IssueCode.NAME_REQUIRED, field)]
    if not isinstance(value, str):
        return [Issue(IssueCode.INVALID_TYPE, field, {"expected": "text"})]
    s = value.strip()
    issues: list[Issue] = []
    if len(s) > max_len:
        issues.append(Issue(IssueCode.NAME_TOO_LONG, field, {"max": max_len}))
    if not (_CJK_NAME.fullmatch(s) or _LATIN_NAME.fullmatch(s)):
        issues.append(Issue(IssueCode.NAME_INVALID_CHARACTERS, field))
    return issues


def validate_text(value: Any, *, field: str, max_len: int) -> list[Issue]:
    if not isinstance(value, str):
        return [Issue(IssueCode.INVALID_TYPE, field, {"expected": "text"})]
    issues: list[Issue] = []
    if len(value.strip()) > max_len:
        issues.append(Issue(IssueCode.TEXT_TOO_LONG, field, {"max": max_len}))
    if _CONTROL.search(value):
        issues.append(Issue(IssueCode.TEXT_INVALID_CHARACTERS, field))
    return issues


def _validate_pinyin(value: Any) -> list[Issue]:
    issues = validate_text(value, field="pinyin", max_len=PINYIN_MAX_LEN)
    if not issues and not _PINYIN.fullmatch(value):
        issues.append(Issue(IssueCode.PINYIN_INVALID_CHARACTERS, "pinyin"))
    return issues


# ---------------------------------------------------------------- grades

# stage -> system -> (min, max) grade within the stage
GRADE_RANGES: dict[Stage, dict[SchoolSystem, tuple[int, int]]] = {
    Stage.PRESCHOOL: {SchoolSystem.SIX_THREE_THREE: (1, 3), SchoolSystem.FIVE_FOUR: (1, 3)},
    Stage.PRIMARY: {SchoolSystem.SIX_THREE_THREE: (1, 6), SchoolSystem.FIVE_FOUR: (1, 5)},
    Stage.JUNIOR: {SchoolSystem.SIX_THREE_THREE: (1, 3), SchoolSystem.FIVE_FOUR: (1, 4)},
    Stage.SENIOR: {SchoolSystem.SIX_THREE_THREE: (1, 3), SchoolSystem.FIVE_FOUR: (1, 3)},
    Stage.VOCATIONAL: {SchoolSystem.SIX_THREE_THREE: (1, 3), SchoolSystem.FIVE_FOUR: (1, 3)},
}


def validate_grade(stage: str | None, grade: int | None, system: str | None) -> list[Issue]:
    """Grade within its stage: primary 1-6 (1-5 in 5-4), junior 1-3 (1-4 in 5-4: grades 6-9),
    senior, vocational and preschool 1-3. No grade is fine; a grade without stage is not."""
    issues: list[Issue] = []
    st = _enum_or_issue(Stage, stage, "stage", issues) if stage is not None else None
    sy = (
        _enum_or_issue(SchoolSystem, system, "school_system", issues)
        if system is not None
        else SchoolSystem.SIX_THREE_THREE
    )
    if issues or grade is None:
        return issues
    if isinstance(grade, bool) or not isinstance(grade, int):
        return [Issue(IssueCode.INVALID_TYPE, "grade", {"expected": "integer"})]
    if st is None:
        return [Issue(IssueCode.REQUIRED, "stage")]
    lo, hi = GRADE_RANGES[st][sy or SchoolSystem.SIX_THREE_THREE]
    if not lo <= grade <= hi:
        return [Issue(IssueCode.GRADE_OUT_OF_RANGE, "grade", {"min": lo, "max": hi})]
    return []


# ---------------------------------------------------------------- field helpers


def _enum_or_issue(enum_cls: Any, value: Any, field: str, issues: list[Issue]) -> Any:
    try:
        return member(enum_cls, value)
    except (ValueError, TypeError):
        shown = value if isinstance(value, (str, int)) and len(str(value)) <= 40 else "?"
        issues.append(Issue(IssueCode.ENUM_INVALID, field, {"value": shown}))
        return None


def _check_enum_list(enum_cls: Any, value: Any, field: str, issues: list[Issue]) -> None:
    if not isinstance(value, (list, tuple, set, frozenset)):
        issues.append(Issue(IssueCode.INVALID_TYPE, field, {"expected": "list"}))
        return
    for item in value:
        _enum_or_issue(enum_cls, item, field, issues)


def _check_bool(value: Any, field: str, issues: list[Issue]) -> None:
    if not isinstance(value, bool):
        issues.append(Issue(IssueCode.INVALID_TYPE, field, {"expected": "boolean"}))


def _check_division(
    value: Any, field: str, issues: list[Issue], exists: Callable[[str], bool] | None
) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"[1-9][0-9]{5}", value):
        issues.append(Issue(IssueCode.DIVISION_FORMAT, field))
    elif exists is not None and not exists(value):
        issues.append(Issue(IssueCode.DIVISION_UNKNOWN, field))


def _check_date(
    value: Any, field: str, issues: list[Issue], today: date, not_before: date | None = None
) -> date | None:
    try:
        d = coerce_date(value)
    except ValueError:
        issues.append(Issue(IssueCode.DATE_FORMAT, field))
        return None
    if d > today:
        issues.append(Issue(IssueCode.DATE_FUTURE, field))
    elif not_before is not None and d < not_before:
        issues.append(Issue(IssueCode.DATE_BEFORE_BIRTH, field))
    return d


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------- child record

CHILD_REQUIRED = ("surname", "given_name", "gender", "dob", "site_id")

_CHILD_ENUMS: dict[str, Any] = {
    "hukou_type": HukouType,
    "living_arrangement": LivingArrangement,
    "father_status": ParentStatus,
    "mother_status": ParentStatus,
    "parent_visit_frequency": ContactFrequency,
    "hardship": HardshipStatus,
    "status": ChildStatus,
}
_CHILD_TEXTS = {
    "class_name": 40,
    "father_work_place": 100,
    "mother_work_place": 100,
    "caregiver_name": 40,
    "care_placement": 100,
    "archive_reason": 200,
    "notes": NOTES_MAX_LEN,
    "site_id": 64,
}
_CHILD_BOOLS = (
    "boarding",
    "disability_certificate",
    "autism",
    "hardship_evidence_seen",
)


def validate_child(
    fields: Mapping[str, Any],
    *,
    today: date | None = None,
    division_exists: Callable[[str], bool] | None = None,
    partial: bool = False,
) -> list[Issue]:
    """All issues of a child record (field names: see the module's CHILD_* tables).

    ``partial=True`` checks only the fields present (an edit sends the changed fields);
    otherwise missing required fields are reported. Unknown keys are ignored. ``None`` in an
    optional field means "not given".
    """
    now = today if today is not None else date.today()
    issues: list[Issue] = []

    def given(name: str) -> bool:
        return name in fields and not _blank(fields[name])

    if not partial:
        for name in CHILD_REQUIRED:
            if not given(name):
                code = IssueCode.NAME_REQUIRED if name in ("surname", "given_name") else None
                issues.append(Issue(code or IssueCode.REQUIRED, name))
    for name in ("surname", "given_name"):
        if name in fields and given(name):
            issues.extend(validate_name(fields[name], field=name))
        elif partial and name in fields:
            issues.append(Issue(IssueCode.NAME_REQUIRED, name))
    if given("pinyin"):
        issues.extend(_validate_pinyin(fields["pinyin"]))

    gender = None
    if "gender" in fields and fields["gender"] is not None:
        g = fields["gender"]
        if isinstance(g, bool):
            issues.append(Issue(IssueCode.ENUM_INVALID, "gender", {"value": str(g)}))
        else:
            gender = _enum_or_issue(Gender, g, "gender", issues)

    precision = DobPrecision.EXACT
    if given("dob_precision"):
        precision = _enum_or_issue(DobPrecision, fields["dob_precision"], "dob_precision", issues)
    dob = None
    if given("dob"):
        try:
            dob = coerce_date(fields["dob"])
        except ValueError:
            issues.append(Issue(IssueCode.DOB_FORMAT, "dob"))
        else:
            if precision is not None:
                issues.extend(validate_dob(dob, precision, today=now))

    if given("id_number"):
        issues.extend(
            validate_id_number(
                fields["id_number"],
                dob=dob,
                dob_precision=precision or DobPrecision.EXACT,
                gender=gender,
                today=now,
            )
        )
    for name in ("hukou_division", "residence_division"):
        if given(name):
            _check_division(fields[name], name, issues, division_exists)
    for name, enum_cls in _CHILD_ENUMS.items():
        if given(name):
            _enum_or_issue(enum_cls, fields[name], name, issues)
    for name, max_len in _CHILD_TEXTS.items():
        if given(name):
            issues.extend(validate_text(fields[name], field=name, max_len=max_len))
    for name in _CHILD_BOOLS:
        if name in fields and fields[name] is not None:
            _check_bool(fields[name], name, issues)

    if any(n in fields for n in ("stage", "grade", "school_system")):
        issues.extend(
            validate_grade(
                fields.get("stage") if given("stage") else None,
                fields.get("grade"),
                fields.get("school_system") if given("school_system") else None,
            )
        )
    if fields.get("categories") is not None:
        _check_enum_list(Category, fields["categories"], "categories", issues)
    if fields.get("disability_types") is not None:
        _check_enum_list(DisabilityType, fields["disability_types"], "disability_types", issues)
    grade = fields.get("disability_grade")
    if grade is not None and (
        isinstance(grade, bool) or not isinstance(grade, int) or not 1 <= grade <= 4
    ):
        issues.append(Issue(IssueCode.DISABILITY_GRADE_OUT_OF_RANGE, "disability_grade"))
    if given("care_since"):
        _check_date(fields["care_since"], "care_since", issues, now, not_before=dob)
    return issues


# ---------------------------------------------------------------- guardian record

GUARDIAN_REQUIRED = ("child_id", "name", "relationship")


def validate_guardian(fields: Mapping[str, Any], *, partial: bool = False) -> list[Issue]:
    """Issues of a guardian record. ``phone`` is optional: a mobile or a landline with area code."""
    issues: list[Issue] = []

    def given(name: str) -> bool:
        return name in fields and not _blank(fields[name])

    if not partial or "name" in fields:
        if not given("name"):
            issues.append(Issue(IssueCode.NAME_REQUIRED, "name"))
        else:
            issues.extend(
                validate_text(fields["name"], field="name", max_len=GUARDIAN_NAME_MAX_LEN)
            )
    if not partial:
        for name in ("child_id", "relationship"):
            if not given(name):
                issues.append(Issue(IssueCode.REQUIRED, name))
    if given("relationship"):
        _enum_or_issue(Relationship, fields["relationship"], "relationship", issues)
    if given("status"):
        _enum_or_issue(ParentStatus, fields["status"], "status", issues)
    if given("contact_frequency"):
        _enum_or_issue(ContactFrequency, fields["contact_frequency"], "contact_frequency", issues)
    for name in ("is_legal_guardian", "is_primary_caregiver"):
        if fields.get(name) is not None:
            _check_bool(fields[name], name, issues)
    if given("phone"):
        issues.extend(validate_phone(fields["phone"], field="phone"))
    if given("work_place"):
        issues.extend(validate_text(fields["work_place"], field="work_place", max_len=100))
    return issues
