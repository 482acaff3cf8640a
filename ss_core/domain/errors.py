"""Validation issues and the error that carries them.

Domain code never builds user-facing text: it returns :class:`Issue` objects with a stable
``code`` (see :class:`IssueCode`), the ``field`` concerned and ``params`` a translated message
needs. The UI maps codes to text.

``params`` may hold values the user typed (e.g. the birth date read from an ID number) so that
the message can show them on screen. They must never be logged: ``repr(issue)`` and
``str(ValidationFailed)`` therefore show codes, fields and parameter *names* only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class IssueCode(StrEnum):
    """Every issue code the domain rules produce. Values are stable; add, never rename."""

    # resident ID number (GB 11643)
    ID_NUMBER_FORMAT = "id_number.format"
    ID_NUMBER_CHECK_DIGIT = "id_number.check_digit"
    ID_NUMBER_INVALID_BIRTH_DATE = "id_number.invalid_birth_date"
    ID_NUMBER_FUTURE_BIRTH_DATE = "id_number.future_birth_date"
    ID_NUMBER_BIRTH_DATE_MISMATCH = "id_number.birth_date_mismatch"
    ID_NUMBER_SEX_MISMATCH = "id_number.sex_mismatch"
    ID_NUMBER_UNKNOWN_BIRTHPLACE = "id_number.unknown_birthplace"  # WARNING
    # phone numbers
    PHONE_FORMAT = "phone.format"
    # date of birth
    DOB_FORMAT = "dob.format"
    DOB_FUTURE = "dob.future"
    DOB_TOO_OLD = "dob.too_old"  # WARNING: 18 or older
    DOB_PRECISION_MISMATCH = "dob.precision_mismatch"  # month/year precision but day/month != 01
    # other dates
    DATE_FORMAT = "date.format"
    DATE_FUTURE = "date.future"
    DATE_BEFORE_BIRTH = "date.before_birth"
    # names and text
    NAME_REQUIRED = "name.required"
    NAME_TOO_LONG = "name.too_long"
    NAME_INVALID_CHARACTERS = "name.invalid_characters"
    PINYIN_INVALID_CHARACTERS = "pinyin.invalid_characters"
    TEXT_TOO_LONG = "text.too_long"
    TEXT_INVALID_CHARACTERS = "text.invalid_characters"  # control characters
    # generic
    REQUIRED = "value.required"
    INVALID_TYPE = "value.invalid_type"
    ENUM_INVALID = "enum.invalid"
    # places, school
    DIVISION_FORMAT = "division.format"
    DIVISION_UNKNOWN = "division.unknown"
    GRADE_OUT_OF_RANGE = "grade.out_of_range"
    DISABILITY_GRADE_OUT_OF_RANGE = "disability_grade.out_of_range"
    # consent
    CONSENT_SCOPES_REQUIRED = "consent.scopes_required"
    CONSENT_SELF_UNDER_14 = "consent.self_under_14"
    CONSENT_WITHDRAWAL_REASON_REQUIRED = "consent.withdrawal_reason_required"
    CONSENT_WITHDRAWN_BEFORE_GIVEN = "consent.withdrawn_before_given"


@dataclass(frozen=True, repr=False)
class Issue:
    """One problem with one field. ``code`` is an :class:`IssueCode` value."""

    code: str
    field: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict, hash=False, compare=True)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def __hash__(self) -> int:
        return hash((str(self.code), self.field, self.severity))

    def __repr__(self) -> str:  # no values: issues may end up in logs
        keys = ",".join(sorted(self.params))
        return f"Issue({self.code!s}@{self.field}, {self.severity.value}, params=[{keys}])"

    __str__ = __repr__


def errors_only(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == Severity.ERROR]


def warnings_only(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == Severity.WARNING]


class ValidationFailed(Exception):
    """Raised when at least one ERROR issue exists. ``issues`` holds the errors only."""

    def __init__(self, issues: Iterable[Issue]):
        self.issues: list[Issue] = errors_only(issues)
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [f"{i.code!s} ({i.field})" for i in self.issues]
        return "validation failed: " + ", ".join(parts) if parts else "validation failed"

    def __str__(self) -> str:
        return self._describe()

    @property
    def codes(self) -> list[str]:
        return [str(i.code) for i in self.issues]


def raise_if_errors(issues: Iterable[Issue]) -> None:
    """Raise :class:`ValidationFailed` if ``issues`` holds an error; warnings alone pass."""
    errors = errors_only(issues)
    if errors:
        raise ValidationFailed(errors)
