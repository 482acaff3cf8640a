"""Words for stored codes and field names on head office's pages and in its exports.

A stored code (gender ``2``, stage ``junior``, scopes ``["registration"]``) is shown with the
label the laptop shows for it: the English tables of :mod:`ss_core.domain.labels`, translated
with the laptop's own translation file (``ss_desktop_<lang>.qm`` among the resources, as
every installation has it; the .ts source in a checkout not built yet), context "Enum". Field names are labelled with English text that the page's translator
(``ss_hq.web.i18n``, the table the edit page uses) turns into the page's language.

:class:`Words` puts both together for one language; ids (sites, programs, children,
sessions) are shown by the names the caller gives it, never as ids.
"""

from __future__ import annotations

import csv
import functools
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ss_core.domain import labels as L
from ss_core.resources import resource_path

Translate = Callable[[str], str]

BOOL = "bool"
DATE = "date"
DIVISION = "division"
REF = "ref"  # a record id: shown by the name the caller knows it by
TEXT = "text"

# entity -> field -> English label (a key of the page's translation table).
FIELD_LABELS: dict[str, dict[str, str]] = {
    "child": {
        "surname": "Surname",
        "given_name": "Given name",
        "pinyin": "Pinyin",
        "gender": "Gender",
        "dob": "Date of birth",
        "dob_precision": "Date of birth precision",
        "id_number": "ID number",
        "hukou_division": "Hukou division",
        "hukou_type": "Hukou type",
        "residence_division": "Residence division",
        "site_id": "Site",
        "stage": "Stage",
        "grade": "Grade",
        "school_system": "School system",
        "class_name": "Class",
        "boarding": "Boarding",
        "categories": "Categories",
        "living_arrangement": "Living arrangement",
        "father_status": "Father",
        "mother_status": "Mother",
        "father_work_place": "Father works in",
        "mother_work_place": "Mother works in",
        "parent_visit_frequency": "Sees the parents",
        "caregiver_name": "Caregiver",
        "care_placement": "Care placement",
        "care_since": "In care since",
        "disability_types": "Disability",
        "disability_grade": "Disability grade",
        "disability_certificate": "Disability certificate",
        "autism": "Autism",
        "hardship": "Hardship",
        "hardship_evidence_seen": "Hardship evidence seen",
        "notes": "Notes",
        "status": "Status",
        "archive_reason": "Archive reason",
        "merged_into": "Merged into",
    },
    "guardian": {
        "name": "Name",
        "relationship": "Relationship",
        "is_legal_guardian": "Legal guardian",
        "is_primary_caregiver": "Primary caregiver",
        "phone": "Phone",
        "status": "Parent status",
        "work_place": "Works in",
        "contact_frequency": "Contact with the child",
        "child_id": "Child",
    },
    "consent": {
        "giver_name": "Given by",
        "giver_relationship": "Relationship",
        "giver_role": "Capacity",
        "method": "Method",
        "given_on": "Given on",
        "notice_version": "Notice version",
        "scopes": "Scopes",
        "child_assent": "Child's assent",
        "collector": "Collected by",
        "withdrawn_on": "Withdrawn on",
        "withdrawal_reason": "Reason for withdrawal",
        "child_id": "Child",
    },
    "enrollment": {
        "program_id": "Program",
        "since": "Since",
        "until": "Until",
        "child_id": "Child",
    },
    "attendance_mark": {"session_id": "Lesson", "mark": "Present or absent", "child_id": "Child"},
    "site": {
        "code": "Code",
        "name": "Site name",
        "site_type": "Type",
        "division_code": "Division",
        "status": "Status",
        "boarding": "Boarding",
        "city_tier": "City tier",
    },
    "program": {"name": "Program name", "program_type": "Program type", "site_id": "Site"},
}

# entity -> field -> how its value is shown: a label table (lists take each item's label),
# or one of BOOL, DATE, DIVISION, REF, TEXT (the default).
FIELD_KINDS: dict[str, dict[str, Any]] = {
    "child": {
        "gender": L.GENDER,
        "dob": DATE,
        "dob_precision": L.DOB_PRECISION,
        "hukou_division": DIVISION,
        "residence_division": DIVISION,
        "hukou_type": L.HUKOU_TYPE,
        "site_id": REF,
        "stage": L.STAGE,
        "school_system": L.SCHOOL_SYSTEM,
        "boarding": BOOL,
        "categories": L.CATEGORY,
        "living_arrangement": L.LIVING,
        "father_status": L.PARENT_STATUS,
        "mother_status": L.PARENT_STATUS,
        "parent_visit_frequency": L.FREQUENCY,
        "care_since": DATE,
        "disability_types": L.DISABILITY,
        "disability_grade": L.DISABILITY_GRADE,
        "disability_certificate": BOOL,
        "autism": BOOL,
        "hardship": L.HARDSHIP,
        "hardship_evidence_seen": BOOL,
        "status": L.CHILD_STATUS,
        "merged_into": REF,
    },
    "guardian": {
        "relationship": L.RELATIONSHIP,
        "is_legal_guardian": BOOL,
        "is_primary_caregiver": BOOL,
        "status": L.PARENT_STATUS,
        "contact_frequency": L.FREQUENCY,
        "child_id": REF,
    },
    "consent": {
        "giver_relationship": L.RELATIONSHIP,
        "giver_role": L.GIVER_ROLE,
        "method": L.CONSENT_METHOD,
        "given_on": DATE,
        "scopes": L.CONSENT_SCOPE,
        "child_assent": BOOL,
        "withdrawn_on": DATE,
        "child_id": REF,
    },
    "enrollment": {"program_id": REF, "since": DATE, "until": DATE, "child_id": REF},
    "attendance_mark": {"session_id": REF, "mark": L.ATTENDANCE, "child_id": REF},
    "site": {
        "site_type": L.SITE_TYPE,
        "division_code": DIVISION,
        "status": L.SITE_STATUS,
        "boarding": BOOL,
    },
    "program": {"program_type": L.PROGRAM_TYPE, "site_id": REF},
}

# Entity names (English keys of the page's translation table).
ENTITY_LABELS: dict[str, str] = {
    "child": "Child",
    "guardian": "Guardian",
    "consent": "Consent",
    "enrollment": "Program enrollment",
    "attendance_mark": "Attendance",
    "attendance_session": "Lesson",
    "site": "Site",
    "program": "Program",
}


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
QM_MESSAGES = 0x69
# Tags of a message record in a .qm file (Qt's qtranslator.cpp).
QM_END, QM_TRANSLATION, QM_OBSOLETE1, QM_SOURCE, QM_CONTEXT, QM_COMMENT = 1, 3, 5, 6, 7, 8


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of a compiled Qt translation (.qm): its messages
    section holds, per message, the translation (UTF-16), the source text and the context.
    A plural message gives its first form; a file that is not a .qm gives nothing."""
    out: dict[tuple[str, str], str] = {}
    if not data.startswith(QM_MAGIC):
        return out
    pos = len(QM_MAGIC)
    while pos + 5 <= len(data):
        tag, length = data[pos], int.from_bytes(data[pos + 1 : pos + 5], "big")
        section = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
        if tag == QM_MESSAGES:
            out.update(_qm_messages(section))
    return out


def _qm_messages(data: bytes) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    pos, context, source, translation = 0, "", "", None
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag == QM_END:
            if translation is not None and source:
                out.setdefault((context, source), translation)
            context, source, translation = "", "", None
            continue
        if tag == QM_OBSOLETE1:
            pos += 4
            continue
        length = int.from_bytes(data[pos : pos + 4], "big")
        pos += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        value = data[pos : pos + length]
        pos += length
        if tag == QM_TRANSLATION and translation is None:
            translation = value.decode("utf-16-be")
        elif tag == QM_SOURCE:
            source = value.decode("utf-8")
        elif tag == QM_CONTEXT:
            context = value.decode("utf-8")
        elif tag not in (QM_TRANSLATION, QM_COMMENT):
            return out  # a record this reader does not know: keep what was read
    return out


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The same from a translation source (.ts): finished, singular entries."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    out: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue
            if message.get("numerus") != "yes" and translation.text:
                out[(name, source)] = translation.text
    return out


@functools.cache
def laptop_translations(language: str) -> dict[tuple[str, str], str]:
    """{(context, English source): translation} of the laptop's translation for *language*:
    the compiled file every installation has (.qm), else the source (.ts) of a checkout whose
    translations are not built yet; empty for English."""
    if language == "en":
        return {}
    qm = resource_path("translations", f"ss_desktop_{language}.qm")
    try:
        found = read_qm(qm.read_bytes())
    except OSError:
        found = {}
    return found or read_ts(resource_path("translations", f"ss_desktop_{language}.ts"))


@functools.cache
def division_names() -> dict[str, str]:
    """{county code: "province prefecture county"} from the bundled GB/T 2260 tables (a
    prefecture named 市辖区, as under a municipality, is left out)."""
    folder = ("divisions",)

    def read(name: str) -> list[dict[str, str]]:
        try:
            with resource_path(*folder, name).open(encoding="utf-8", newline="") as handle:
                return list(csv.DictReader(handle))
        except OSError:
            return []

    provinces = {row["code"]: row["name"] for row in read("provinces.csv")}
    cities = {row["code"]: row["name"] for row in read("cities.csv")}
    out: dict[str, str] = {}
    for row in read("areas.csv"):
        city = cities.get(row.get("cityCode", ""), "")
        parts = [provinces.get(row.get("provinceCode", ""), "")]
        if city and city not in ("市辖区", "县", "省直辖县级行政区划", parts[0]):
            parts.append(city)
        parts.append(row["name"])
        out[row["code"]] = "".join(p for p in parts if p)
    return out


def _as_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.startswith("["):
        try:
            loaded = json.loads(value)
        except ValueError:
            return None
        return loaded if isinstance(loaded, list) else None
    return None


def date_text(value: Any) -> str:
    """An ISO date (or date-time) as YYYY-MM-DD; anything else as it is."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text[:10] if len(text) >= 10 and text[4:5] == "-" else text


def day_of(value: Any) -> date | None:
    """A stored date as a date (for spreadsheets), or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def time_text(ms: int | None) -> str:
    if not isinstance(ms, int) or isinstance(ms, bool) or ms <= 0:
        return ""
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


class Words:
    """Labels and values in one language: *t* translates the pages' English texts (field
    labels, yes/no), the laptop's translation file the stored codes; *names* gives the
    display name of ids (sites, programs, children, lessons)."""

    def __init__(
        self, language: str, t: Translate, *, names: Mapping[str, str] | None = None
    ) -> None:
        self.language = language
        self.t = t
        self.names: dict[str, str] = dict(names or {})
        self._laptop = laptop_translations(language)

    def code(self, table: Mapping[Any, str], value: Any) -> str:
        """The label of one stored code (the code itself when the table has none)."""
        english = table.get(value)
        if english is None and isinstance(value, str) and value.isdigit():
            english = table.get(int(value))
        if english is None:
            return "" if value is None else str(value)
        return self._laptop.get((L.ENUM_CONTEXT, english), english)

    def codes(self, table: Mapping[Any, str], values: Any) -> str:
        items = _as_list(values)
        if items is None:
            return self.code(table, values)
        return (
            "、".join(self.code(table, v) for v in items)
            if self.language != "en"
            else (", ".join(self.code(table, v) for v in items))
        )

    def field(self, entity: str, name: str) -> str:
        english = FIELD_LABELS.get(entity, {}).get(name)
        return self.t(english) if english else name.replace("_", " ")

    def entity(self, entity: str) -> str:
        return self.t(ENTITY_LABELS.get(entity, entity))

    def yes_no(self, value: Any) -> str:
        if value is None:
            return ""
        return self.t("yes") if value else self.t("no")

    def value(self, entity: str, name: str, value: Any) -> str:
        """*value* of field *name* of an *entity* record, as a person reads it."""
        if value is None or value == "" or value == []:
            return ""
        kind = FIELD_KINDS.get(entity, {}).get(name, TEXT)
        if isinstance(kind, dict):
            return self.codes(kind, value)
        if kind == BOOL:
            return self.yes_no(value)
        if kind == DATE:
            return date_text(value)
        if kind == DIVISION:
            return division_names().get(str(value), str(value))
        if kind == REF:
            return self.names.get(str(value), self.t("(not known at head office)"))
        items = _as_list(value)
        if items is not None:
            return ", ".join(str(v) for v in items)
        if isinstance(value, dict):
            return ", ".join(f"{k}: {v}" for k, v in value.items())
        if isinstance(value, bool):
            return self.yes_no(value)
        return str(value)
