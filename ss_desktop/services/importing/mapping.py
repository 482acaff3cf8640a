"""Which column holds what: header-row detection, mapping suggestions, remembered layouts.

A class list often starts with a title row ("2024学年 三年级2班 花名册"), merged cells and blank
rows; the header row is the first of the top rows that names at least two known columns (the
row naming the most wins). Each column's header is matched against Chinese and English names;
a mapping the user confirmed is remembered per layout (the normalized header cells), in
``import_layouts.json`` in the data folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ss_core.domain.normalize import to_halfwidth
from ss_desktop.services.importing.errors import ImportFileError

log = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 30
LAYOUTS_FILE = "import_layouts.json"
# The column the error report adds; ignored when that report is imported again.
REASON_HEADER = "错误原因 Reason"

# Import fields, in the order the wizard lists them.
FULL_NAME = "full_name"
SURNAME = "surname"
GIVEN_NAME = "given_name"
GENDER = "gender"
DOB = "dob"
ID_NUMBER = "id_number"
GRADE = "grade"
CLASS_NAME = "class_name"
GUARDIAN_NAME = "guardian_name"
GUARDIAN_RELATIONSHIP = "guardian_relationship"
GUARDIAN_PHONE = "guardian_phone"
GUARDIAN2_NAME = "guardian2_name"
GUARDIAN2_RELATIONSHIP = "guardian2_relationship"
GUARDIAN2_PHONE = "guardian2_phone"
FATHER_NAME = "father_name"
FATHER_PHONE = "father_phone"
MOTHER_NAME = "mother_name"
MOTHER_PHONE = "mother_phone"
HUKOU_PLACE = "hukou_place"
HUKOU_TYPE = "hukou_type"
RESIDENCE_PLACE = "residence_place"
NOTES = "notes"
CONSENT_DATE = "consent_date"

SYNONYMS: dict[str, tuple[str, ...]] = {
    FULL_NAME: (
        "姓名",
        "学生姓名",
        "儿童姓名",
        "幼儿姓名",
        "孩子姓名",
        "名字",
        "name",
        "studentname",
        "childname",
        "fullname",
        "childsname",
    ),
    SURNAME: ("姓", "姓氏", "surname", "familyname", "lastname"),
    GIVEN_NAME: ("名", "givenname", "firstname"),
    GENDER: ("性别", "gender", "sex"),
    DOB: (
        "出生日期",
        "出生年月",
        "出生年月日",
        "生日",
        "出生时间",
        "dateofbirth",
        "dob",
        "birthdate",
        "birthday",
        "born",
    ),
    ID_NUMBER: (
        "身份证号",
        "身份证号码",
        "身份证",
        "学生身份证号",
        "证件号码",
        "证件号",
        "公民身份号码",
        "idnumber",
        "idno",
        "idcard",
        "residentid",
        "idcardnumber",
    ),
    GRADE: ("年级", "就读年级", "所在年级", "grade", "year", "schoolgrade"),
    CLASS_NAME: ("班级", "班", "班别", "所在班级", "class", "classname", "form"),
    GUARDIAN_NAME: (
        "监护人",
        "监护人姓名",
        "家长",
        "家长姓名",
        "联系人",
        "监护人1",
        "guardian",
        "guardianname",
        "guardian1",
        "parent",
        "parentname",
        "contactname",
    ),
    GUARDIAN_RELATIONSHIP: (
        "关系",
        "与学生关系",
        "与儿童关系",
        "与孩子关系",
        "监护人关系",
        "与本人关系",
        "关系1",
        "relationship",
        "relation",
        "guardianrelationship",
        "relationship1",
    ),
    GUARDIAN_PHONE: (
        "联系电话",
        "电话",
        "手机",
        "手机号",
        "手机号码",
        "家长电话",
        "家长手机",
        "监护人电话",
        "监护人手机",
        "联系方式",
        "电话1",
        "phone",
        "mobile",
        "telephone",
        "tel",
        "contactphone",
        "phonenumber",
        "guardianphone",
        "phone1",
    ),
    # a second guardian, as an export writes it
    GUARDIAN2_NAME: ("监护人2", "guardian2"),
    GUARDIAN2_RELATIONSHIP: ("关系2", "relationship2"),
    GUARDIAN2_PHONE: ("电话2", "phone2"),
    FATHER_NAME: ("父亲姓名", "父亲", "爸爸姓名", "fathername", "father"),
    FATHER_PHONE: ("父亲电话", "父亲手机", "父亲联系电话", "爸爸电话", "fatherphone"),
    MOTHER_NAME: ("母亲姓名", "母亲", "妈妈姓名", "mothername", "mother"),
    MOTHER_PHONE: ("母亲电话", "母亲手机", "母亲联系电话", "妈妈电话", "motherphone"),
    HUKOU_PLACE: (
        "户籍地",
        "户籍",
        "户籍所在地",
        "户口所在地",
        "户口",
        "户籍地址",
        "hukou",
        "hukouplace",
        "registeredplace",
        "placeofhukou",
    ),
    HUKOU_TYPE: ("户口类型", "户籍类型", "户口性质", "户籍性质", "hukoutype"),
    RESIDENCE_PLACE: (
        "现住址",
        "居住地",
        "家庭住址",
        "住址",
        "现居住地",
        "address",
        "currentaddress",
        "residence",
        "homeaddress",
    ),
    NOTES: ("备注", "说明", "notes", "note", "remarks", "comment", "comments"),
    CONSENT_DATE: (
        "同意日期",
        "知情同意日期",
        "监护人同意日期",
        "签字日期",
        "consentdate",
        "consentgiven",
        "consent",
    ),
}
IMPORT_FIELDS: tuple[str, ...] = tuple(SYNONYMS)
_LOOKUP = {syn: name for name, syns in SYNONYMS.items() for syn in syns}
_BRACKETS = re.compile(r"[（(\[【<《].*?[)）\]】>》]")
_NOISE = re.compile(r"[\s*＊:：_\-./、,，#№]+")


def normalize_header(value: Any) -> str:
    if value is None:
        return ""
    text = to_halfwidth(str(value)).lower().strip()
    text = _BRACKETS.sub("", text)
    return _NOISE.sub("", text)


def field_for_header(value: Any) -> str | None:
    return _LOOKUP.get(normalize_header(value))


@dataclass(frozen=True)
class HeaderRow:
    index: int  # index into RawTable.rows
    cells: tuple[str, ...]  # header text per column ("" for an empty cell)


def find_header(rows: Sequence[Sequence[Any]]) -> HeaderRow:
    """The header row: among the first rows, the one naming the most known columns (>= 2)."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        known = {field_for_header(c) for c in row} - {None}
        if len(known) >= 2 and (best is None or len(known) > best[1]):
            best = (index, len(known))
    if best is None:
        raise ImportFileError("import.no_header")
    row = rows[best[0]]
    return HeaderRow(best[0], tuple("" if c is None else str(c).strip() for c in row))


def suggest_mapping(header: HeaderRow) -> dict[int, str]:
    """{column index: import field}; each field at most once (the first column naming it)."""
    out: dict[int, str] = {}
    used: set[str] = set()
    for index, cell in enumerate(header.cells):
        name = field_for_header(cell)
        if name and name not in used:
            out[index] = name
            used.add(name)
    return out


def check_mapping(mapping: Mapping[int, str | None], header: HeaderRow) -> dict[int, str]:
    """The mapping without unmapped columns; ImportFileError when a field is mapped twice or
    no column holds the child's name."""
    clean = {int(i): f for i, f in mapping.items() if f}
    seen: dict[str, int] = {}
    for index in sorted(clean):
        name = clean[index]
        if name not in IMPORT_FIELDS:
            raise ValueError(f"unknown import field {name!r}")
        if name in seen:
            raise ImportFileError(
                "import.mapped_twice",
                field=name,
                first=_column_label(header, seen[name]),
                second=_column_label(header, index),
            )
        seen[name] = index
    if FULL_NAME not in seen and not (SURNAME in seen and GIVEN_NAME in seen):
        raise ImportFileError("import.no_name_column")
    return clean


def _column_label(header: HeaderRow, index: int) -> str:
    letter = column_letter(index)
    text = header.cells[index] if index < len(header.cells) else ""
    return f"{letter} ({text})" if text else letter


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as Excel names columns)."""
    out = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def layout_signature(header: HeaderRow) -> str:
    cells = list(header.cells)
    if REASON_HEADER in cells:  # an error report: its own columns come after the file's
        cells = cells[: cells.index(REASON_HEADER)]
    cells = [normalize_header(c) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return hashlib.sha256("|".join(cells).encode()).hexdigest()[:24]


class LayoutMemory:
    """Mappings the user confirmed, per layout, in a small JSON file in the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LAYOUTS_FILE

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def recall(self, header: HeaderRow) -> dict[int, str] | None:
        entry = self._load().get(layout_signature(header))
        if not isinstance(entry, dict):
            return None
        mapping = entry.get("mapping")
        if not isinstance(mapping, dict):
            return None
        width = len(header.cells)
        return {
            int(k): v
            for k, v in mapping.items()
            if str(k).isdigit() and int(k) < width and v in IMPORT_FIELDS
        }

    def remember(self, header: HeaderRow, mapping: Mapping[int, str]) -> None:
        data = self._load()
        data[layout_signature(header)] = {"mapping": {str(k): v for k, v in mapping.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(self.path)
        except OSError as exc:  # remembering is a convenience: never fail an import for it
            log.warning("could not remember the import layout: %s", type(exc).__name__)
