"""Each row of a class list turned into a child form plus the problems of its cells.

Nothing is written here: every row is checked with the same domain validators the one write
path uses (``validate_child``, ``validate_guardian``, ``validate_consent``), and against the
children already saved and the rows above it in the same file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.categories import suggest_categories
from ss_core.domain.consent import validate_consent
from ss_core.domain.errors import Issue, Severity
from ss_core.domain.pinyin import split_name
from ss_core.domain.validation import validate_child, validate_guardian
from ss_desktop.services.children import ChildForm, DuplicateMatch
from ss_desktop.services.importing import mapping as m
from ss_desktop.services.importing import values as v

DUPLICATE_SCORE = 80.0  # same name and birth date, or the same ID number: not imported
ERROR, WARNING = "error", "warning"
POSSIBLE_DUPLICATE = "import.possible_duplicate"  # a warning: imported, worth a look


@dataclass(frozen=True)
class CellProblem:
    """What is wrong with one cell (``column`` None: with the row as a whole)."""

    column: int | None
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: str = ERROR
    field: str = ""


@dataclass
class PreviewRow:
    number: int  # the row number Excel shows for this row
    cells: list[Any]
    form: ChildForm | None
    problems: list[CellProblem] = field(default_factory=list)
    duplicate_of: str | None = None

    @property
    def ok(self) -> bool:
        return self.form is not None and not any(p.severity == ERROR for p in self.problems)

    def problems_in(self, column: int) -> list[CellProblem]:
        return [p for p in self.problems if p.column == column]

    def warnings(self, code: str) -> list[CellProblem]:
        return [p for p in self.problems if p.severity == WARNING and p.code == code]


@dataclass(frozen=True)
class SiteFacts:
    id: str
    site_type: str | None
    division_code: str | None
    city_tier: int | None


# domain field -> the import fields whose column shows its problems (first mapped wins)
_CHILD_FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "surname": (m.FULL_NAME, m.SURNAME),
    "given_name": (m.FULL_NAME, m.GIVEN_NAME),
    "pinyin": (m.FULL_NAME, m.SURNAME),
    "gender": (m.GENDER,),
    "dob": (m.DOB,),
    "dob_precision": (m.DOB,),
    "id_number": (m.ID_NUMBER,),
    "stage": (m.GRADE,),
    "grade": (m.GRADE,),
    "school_system": (m.GRADE,),
    "class_name": (m.CLASS_NAME, m.GRADE),
    "hukou_division": (m.HUKOU_PLACE,),
    "residence_division": (m.RESIDENCE_PLACE,),
    "hukou_type": (m.HUKOU_TYPE,),
    "notes": (m.NOTES,),
}
# (name, phone, the relationship's column or the relationship itself)
_GUARDIAN_GROUPS = (
    (m.GUARDIAN_NAME, m.GUARDIAN_PHONE, m.GUARDIAN_RELATIONSHIP),
    (m.GUARDIAN2_NAME, m.GUARDIAN2_PHONE, m.GUARDIAN2_RELATIONSHIP),
    (m.FATHER_NAME, m.FATHER_PHONE, "father"),
    (m.MOTHER_NAME, m.MOTHER_PHONE, "mother"),
)

DuplicateFinder = Callable[[ChildForm], list[DuplicateMatch]]


class RowChecker:
    """Builds and checks one preview row at a time (plain Python; no database writes)."""

    def __init__(
        self,
        mapping: Mapping[int, str],
        site: SiteFacts,
        *,
        place_lookup: v.PlaceLookup,
        division_exists: Callable[[str], bool],
        find_duplicates: DuplicateFinder | None,
        today: date,
    ) -> None:
        self.columns = {name: index for index, name in mapping.items()}
        self.site = site
        self.place_lookup = place_lookup
        self.division_exists = division_exists
        self.find_duplicates = find_duplicates
        self.today = today
        self._seen_names: dict[tuple[str, str, str], int] = {}
        self._seen_ids: dict[str, int] = {}

    # -- helpers -------------------------------------------------------------------------
    def _column_of(self, *names: str) -> int | None:
        for name in names:
            if name in self.columns:
                return self.columns[name]
        return None

    def _issue_column(self, issue_field: str) -> int | None:
        return self._column_of(*_CHILD_FIELD_COLUMNS.get(issue_field, ()))

    # -- one row -------------------------------------------------------------------------
    def check(self, number: int, cells: list[Any]) -> PreviewRow:
        problems: list[CellProblem] = []

        def take(name: str, parser: Callable[[Any], v.Parsed]) -> v.Parsed:
            index = self.columns.get(name)
            if index is None or index >= len(cells):
                return v.BLANK
            parsed = parser(cells[index])
            if parsed.problem:
                problems.append(CellProblem(index, parsed.problem, parsed.params, ERROR, name))
            return parsed

        f: dict[str, Any] = {"site_id": self.site.id}
        if m.FULL_NAME in self.columns:
            full = take(m.FULL_NAME, v.parse_name).value or ""
            f["surname"], f["given_name"] = split_name(full) if full else ("", "")
        else:
            f["surname"] = take(m.SURNAME, v.parse_name).value or ""
            f["given_name"] = take(m.GIVEN_NAME, v.parse_name).value or ""
        gender = take(m.GENDER, v.parse_gender).value
        dob = take(m.DOB, v.parse_date)
        id_number = take(m.ID_NUMBER, v.parse_id_number).value
        if id_number:
            f["id_number"] = id_number
        if dob.value is not None:
            f["dob"], f["dob_precision"] = dob.value.isoformat(), dob.extra.get("precision")
        elif not dob.problem and id_number and len(id_number) == 18:
            born = v.parse_date(id_number[6:14])  # the birth date written in the ID number
            if born.value is not None:
                f["dob"], f["dob_precision"] = born.value.isoformat(), "exact"
        if gender is not None:
            f["gender"] = gender
        elif id_number and len(id_number) == 18 and id_number[16].isdigit():
            f["gender"] = 1 if int(id_number[16]) % 2 else 2
        grade = take(m.GRADE, v.parse_grade)
        if grade.value is not None:
            f["stage"], f["grade"] = grade.value
            # a fourth year of junior secondary exists only in the 5-4 system (Shanghai)
            f["school_system"] = "5-4" if grade.value == ("junior", 4) else "6-3-3"
        class_name = take(m.CLASS_NAME, v.parse_text).value or grade.extra.get("class_name")
        if class_name:
            f["class_name"] = class_name
        lookup = self.place_lookup
        for name, target in (
            (m.HUKOU_PLACE, "hukou_division"),
            (m.RESIDENCE_PLACE, "residence_division"),
        ):
            place = take(name, lambda cell: v.parse_place(cell, lookup)).value
            if place:
                f[target] = place
        hukou_type = take(m.HUKOU_TYPE, v.parse_hukou_type).value
        if hukou_type:
            f["hukou_type"] = hukou_type
        notes = take(m.NOTES, v.parse_notes).value
        if notes:
            f["notes"] = notes

        guardians, guardian_columns = self._guardians(take, problems)
        consents = self._consents(take, guardians, problems)

        flagged = {p.column for p in problems}
        for issue in validate_child(f, today=self.today, division_exists=self.division_exists):
            column = self._issue_column(issue.field)
            if column is None or column not in flagged:
                problems.append(problem_from_issue(column, issue))
        for guardian, (name_col, phone_col, rel_col) in zip(
            guardians, guardian_columns, strict=True
        ):
            for issue in validate_guardian({**guardian, "child_id": "-"}):
                column = {"name": name_col, "phone": phone_col}.get(issue.field, rel_col)
                if column is None or column not in flagged:
                    problems.append(problem_from_issue(column, issue))
        consent_col = self.columns.get(m.CONSENT_DATE)
        if consents and consent_col not in flagged:
            dob_value = date.fromisoformat(f["dob"]) if f.get("dob") else None
            for issue in validate_consent(
                {**consents[0], "child_id": "-"},
                child_dob=dob_value,
                child_dob_precision=f.get("dob_precision"),
                today=self.today,
            ):
                problems.append(problem_from_issue(consent_col, issue))

        f["categories"] = [
            str(c)
            for c in suggest_categories(
                f,
                site_type=self.site.site_type,
                residence_prefecture=self.site.division_code,
                city_tier=self.site.city_tier,
                today=self.today,
            )
        ]
        form = ChildForm(f, guardians, consents)
        # one reason per cell and code: surname and given name share the name column
        unique = {(p.column, p.code, repr(sorted(p.params.items()))): p for p in problems}
        row = PreviewRow(number, cells, form, list(unique.values()))
        if row.ok:
            self._duplicates(row)
        return row

    def _guardians(
        self, take: Any, problems: list[CellProblem]
    ) -> tuple[list[dict[str, Any]], list[tuple[int | None, int | None, int | None]]]:
        guardians: list[dict[str, Any]] = []
        columns: list[tuple[int | None, int | None, int | None]] = []
        for name_field, phone_field, relationship in _GUARDIAN_GROUPS:
            name = take(name_field, v.parse_text).value
            phone = take(phone_field, v.parse_phone).value
            rel_col = None
            if relationship in m.IMPORT_FIELDS:
                rel_col = self.columns.get(relationship)
                # an unknown relationship is already reported; still check name and phone
                relationship = take(relationship, v.parse_relationship).value or "other"
            if not name and not phone:
                continue
            if not name:
                problems.append(
                    CellProblem(
                        self.columns.get(phone_field),
                        "import.guardian_name_missing",
                        {},
                        ERROR,
                        phone_field,
                    )
                )
                continue
            guardian: dict[str, Any] = {
                "name": name,
                "relationship": relationship,
                "is_legal_guardian": relationship in ("father", "mother"),
            }
            if phone:
                guardian["phone"] = phone
            guardians.append(guardian)
            columns.append((self.columns.get(name_field), self.columns.get(phone_field), rel_col))
        return guardians, columns

    def _consents(
        self, take: Any, guardians: list[dict[str, Any]], problems: list[CellProblem]
    ) -> list[dict[str, Any]]:
        given = take(m.CONSENT_DATE, lambda cell: v.parse_date(cell, code="date.format"))
        if given.value is None:
            return []
        if not guardians:
            problems.append(
                CellProblem(
                    self.columns.get(m.CONSENT_DATE),
                    "import.consent_without_guardian",
                    {},
                    ERROR,
                    m.CONSENT_DATE,
                )
            )
            return []
        giver = guardians[0]
        return [
            {
                "giver_name": giver["name"],
                "giver_relationship": giver["relationship"],
                "giver_role": "legal_guardian",
                "method": "paper_signed",
                "given_on": given.value.isoformat(),
                "scopes": ["registration"],
            }
        ]

    def _duplicates(self, row: PreviewRow) -> None:
        assert row.form is not None
        f = row.form.fields
        name_col = self._issue_column("surname")
        key = (f.get("surname", ""), f.get("given_name", ""), f.get("dob", ""))
        earlier = self._seen_names.get(key)
        if earlier is None and f.get("id_number"):
            earlier = self._seen_ids.get(f["id_number"])
        if earlier is not None:
            row.problems.append(
                CellProblem(
                    name_col, "import.duplicate_in_file", {"row": earlier}, ERROR, "surname"
                )
            )
            return
        self._seen_names[key] = row.number
        if f.get("id_number"):
            self._seen_ids[f["id_number"]] = row.number
        if self.find_duplicates is None:
            return
        found = self.find_duplicates(row.form)
        if not found:
            return
        best = found[0]
        if best.score >= DUPLICATE_SCORE:
            row.duplicate_of = best.record_id
            row.problems.append(
                CellProblem(
                    name_col,
                    "import.duplicate_existing",
                    {"score": round(best.score)},
                    ERROR,
                    "surname",
                )
            )
        else:
            row.problems.append(
                CellProblem(
                    name_col,
                    POSSIBLE_DUPLICATE,
                    {"score": round(best.score)},
                    WARNING,
                    "surname",
                )
            )


# The first words of a class list's footer: totals, counts, signatures, dates of the list.
_FOOTER = re.compile(
    r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计|总人数|人数|统\s*计|共\s*\d+\s*[人名]|"
    r"班主任|制表|填表|审核|审批|负责人|校长|签名|签字|盖章|经办人|"
    r"total|sub-?total|sum\b|count\b|class teacher|prepared by|signed|signature)",
    re.IGNORECASE,
)


# What a child's name in a class list looks like (characters or letters, dots, spaces).
_NAME_SHAPE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134fA-Za-z·.\s]+")


def is_footer_row(cells: Sequence[Any], mapping: Mapping[int, str]) -> bool:
    """A class list's total or signature row (``合计 40人 … 班主任：李老师``): a cell, other
    than the notes, starts with such words, and the name column holds no child's name
    (it is empty, or the total itself, or a count such as "40人"). A child's row may well
    name the class teacher as a guardian or in the notes."""
    columns = {name: index for index, name in mapping.items()}
    notes = columns.get(m.NOTES)
    if not any(
        i != notes and _FOOTER.match(v.cell_text(c)) for i, c in enumerate(cells) if c is not None
    ):
        return False
    name_index = columns.get(m.FULL_NAME, columns.get(m.SURNAME))
    name = (
        v.cell_text(cells[name_index]) if name_index is not None and name_index < len(cells) else ""
    )
    return not name or bool(_FOOTER.match(name)) or not _NAME_SHAPE.fullmatch(name)


def problem_from_issue(column: int | None, issue: Issue) -> CellProblem:
    severity = WARNING if issue.severity == Severity.WARNING else ERROR
    return CellProblem(column, str(issue.code), dict(issue.params), severity, issue.field)
