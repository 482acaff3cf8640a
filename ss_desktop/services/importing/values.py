"""Turning spreadsheet cells into field values.

Each parser takes one cell as read (str, int, float, datetime, None) and returns a
:class:`Parsed`: the value, or the stable code of what is wrong with the cell. Nothing here
touches the database; place names are resolved with a lookup the caller supplies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ss_core.domain.dates import parse_dob
from ss_core.domain.errors import ValidationFailed
from ss_core.domain.normalize import normalize_id_number, normalize_name, to_halfwidth

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's leap-year bug included)
_SERIAL_MIN, _SERIAL_MAX = 1, 80_000  # 1900 .. 2119


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    problem: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # more fields the cell told us


BLANK = Parsed()


def cell_text(value: Any) -> str:
    """A cell as text: numbers without '.0', full-width forms half-width, spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return to_halfwidth(str(value)).strip()


def is_blank(value: Any) -> bool:
    return cell_text(value) == ""


# ---------------------------------------------------------------- names and text


def parse_name(value: Any) -> Parsed:
    text = normalize_name(cell_text(value))
    return Parsed(text) if text else BLANK


def parse_text(value: Any) -> Parsed:
    text = " ".join(cell_text(value).split())
    return Parsed(text) if text else BLANK


def parse_notes(value: Any) -> Parsed:
    if value is None:
        return BLANK
    text = to_halfwidth(str(value)).strip()
    return Parsed(text) if text else BLANK


# ---------------------------------------------------------------- gender

_GENDERS = {
    "男": 1,
    "男生": 1,
    "男孩": 1,
    "男性": 1,
    "m": 1,
    "male": 1,
    "boy": 1,
    "1": 1,
    "女": 2,
    "女生": 2,
    "女孩": 2,
    "女性": 2,
    "f": 2,
    "female": 2,
    "girl": 2,
    "2": 2,
    # the labels an export writes for the other codes
    "不详": 0,
    "未知": 0,
    "unknown": 0,
    "0": 0,
    "未说明": 9,
    "notstated": 9,
    "9": 9,
}


def parse_gender(value: Any) -> Parsed:
    text = cell_text(value).lower().replace(" ", "")
    if not text:
        return BLANK
    if text in _GENDERS:
        return Parsed(_GENDERS[text])
    return Parsed(problem="import.gender_unknown", params={"value": text[:20]})


# ---------------------------------------------------------------- dates


def excel_serial_to_date(serial: float) -> date:
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: Any, *, code: str = "import.date_unknown") -> Parsed:
    """A date with its precision: Excel dates and serial numbers, 2015-03-04, 2015.3.4,
    2015/03/04, 2015年3月4日, 20150304, 2015-03 and 2015 (month or year precision)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return BLANK
    if isinstance(value, datetime):
        return Parsed(value.date(), extra={"precision": "exact"})
    if isinstance(value, date):
        return Parsed(value, extra={"precision": "exact"})
    text = cell_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if len(text) not in (4, 6, 8) and _SERIAL_MIN <= number <= _SERIAL_MAX:
            return Parsed(excel_serial_to_date(number), extra={"precision": "exact"})
    elif re.fullmatch(r"\d{5}(\.\d+)?", text) and _SERIAL_MIN <= float(text) <= _SERIAL_MAX:
        return Parsed(excel_serial_to_date(float(text)), extra={"precision": "exact"})
    text = re.sub(r"\s+", "", text)
    compact_month = re.fullmatch(r"(\d{4})(\d{2})", text)
    if compact_month and 1 <= int(compact_month[2]) <= 12:
        text = f"{compact_month[1]}-{compact_month[2]}"
    text = re.sub(r"[日号]$", "", text.replace("年", "-").replace("月", "-")).rstrip("-")
    try:
        parsed, precision = parse_dob(text)
    except ValidationFailed:
        return Parsed(problem=code, params={"value": cell_text(value)[:20]})
    return Parsed(parsed, extra={"precision": str(precision)})


# ---------------------------------------------------------------- ID number and phone


def parse_id_number(value: Any) -> Parsed:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 1e15:
        return Parsed(problem="import.id_number_as_number")  # Excel keeps 15 digits only
    text = normalize_id_number(cell_text(value))
    if not text:
        return BLANK
    if re.fullmatch(r"\d{15}[0-9.]*E\+?\d+", text) or ("E+" in text and "." in text):
        return Parsed(problem="import.id_number_as_number")
    return Parsed(text)


def parse_phone(value: Any) -> Parsed:
    text = cell_text(value)
    if not text:
        return BLANK
    if re.fullmatch(r"[0-9.]+E\+?\d+", text.upper()):
        return Parsed(problem="import.phone_as_number")
    return Parsed(text)


# ---------------------------------------------------------------- grades

_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
    "两": 2,
}
_NUM = r"(十[一二]?|[一二三四五六七八九两]|1[0-2]|[1-9])"
_STAGE_WORDS = (
    (re.compile(rf"^(?:小学)?{_NUM}年级$"), None),
    (re.compile(rf"^初(?:中)?{_NUM}(?:年级)?$"), "junior"),
    (re.compile(rf"^高(?:中)?{_NUM}(?:年级)?$"), "senior"),
    (re.compile(rf"^(?:中职|职高|中专|职业高中){_NUM}(?:年级)?$"), "vocational"),
    (re.compile(rf"^(?:grade|g|year|y){_NUM}$"), None),
    # the children list's labels (an export writes them): 小学3年级, Junior secondary 1 ...
    (re.compile(rf"^(?:学前|preschool){_NUM}(?:年级)?$"), "preschool"),
    (re.compile(rf"^(?:primary){_NUM}$"), "primary"),
    (re.compile(rf"^(?:juniorsecondary|junior){_NUM}$"), "junior"),
    (re.compile(rf"^(?:seniorsecondary|senior){_NUM}$"), "senior"),
    (re.compile(rf"^(?:secondaryvocational|vocational){_NUM}$"), "vocational"),
    (re.compile(rf"^{_NUM}$"), None),
)
_PRESCHOOL = {
    "小班": 1,
    "中班": 2,
    "大班": 3,
    "幼儿园小班": 1,
    "幼儿园中班": 2,
    "幼儿园大班": 3,
    "学前班": 3,
    "托班": 1,
}
_CLASS_IN_GRADE = re.compile(
    r"^(.*?年级)\s*[(（]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*班$"
)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _CN_DIGITS[token]


def parse_grade(value: Any) -> Parsed:
    """(stage, grade in stage) from 一年级, 3年级, 初一, 七年级 (= junior 1), 高二, 中职一,
    大班, Grade 3, 3 ... in the 6-3-3 system. "三年级2班" also gives the class."""
    raw = cell_text(value).lower().replace(" ", "")
    if not raw:
        return BLANK
    extra: dict[str, Any] = {}
    m = _CLASS_IN_GRADE.match(raw)
    if m:
        raw = m[1]
        extra["class_name"] = f"{m[2]}班"
    if raw in _PRESCHOOL:
        return Parsed(("preschool", _PRESCHOOL[raw]), extra=extra)
    for pattern, stage in _STAGE_WORDS:
        found = pattern.match(raw)
        if not found:
            continue
        n = _number(found[1])
        if stage is not None:
            return Parsed((stage, n), extra=extra)
        if 1 <= n <= 6:
            return Parsed(("primary", n), extra=extra)
        if 7 <= n <= 9:
            return Parsed(("junior", n - 6), extra=extra)
        return Parsed(("senior", n - 9), extra=extra)
    return Parsed(problem="import.grade_unknown", params={"value": raw[:20]})


# ---------------------------------------------------------------- relationships, hukou type

_RELATIONSHIPS = {
    "father": ("父亲", "父", "爸爸", "爸", "father", "dad"),
    "mother": ("母亲", "母", "妈妈", "妈", "mother", "mum", "mom"),
    "paternal_grandparent": (
        "爷爷",
        "奶奶",
        "祖父",
        "祖母",
        "祖父母",
        "爷爷奶奶",
        "grandfather",
        "grandmother",
        "grandparent",
        "paternalgrandparent",
    ),
    "maternal_grandparent": (
        "外公",
        "外婆",
        "姥姥",
        "姥爷",
        "外祖父",
        "外祖母",
        "外祖父母",
        "maternalgrandparent",
    ),
    "sibling": (
        "哥哥",
        "姐姐",
        "兄",
        "姐",
        "兄长",
        "弟弟",
        "妹妹",
        "兄弟姐妹",
        "sibling",
        "brother",
        "sister",
    ),
    "other_relative": (
        "叔叔",
        "阿姨",
        "舅舅",
        "舅妈",
        "姑姑",
        "姑父",
        "伯伯",
        "伯父",
        "伯母",
        "婶婶",
        "姨妈",
        "亲戚",
        "其他亲属",
        "relative",
        "otherrelative",
        "uncle",
        "aunt",
    ),
    "institution": ("福利院", "机构", "institution"),
    "other": ("其他", "其它", "other"),
}
_RELATIONSHIP_LOOKUP = {w: k for k, words in _RELATIONSHIPS.items() for w in words}


def parse_relationship(value: Any) -> Parsed:
    text = cell_text(value).lower().replace(" ", "")
    if not text:
        return BLANK
    if text in _RELATIONSHIP_LOOKUP:
        return Parsed(_RELATIONSHIP_LOOKUP[text])
    return Parsed(problem="import.relationship_unknown", params={"value": text[:20]})


_HUKOU_TYPES = (
    ("非农", "non_agricultural_legacy"),
    ("城镇", "non_agricultural_legacy"),
    ("农业", "agricultural_legacy"),
    ("农村", "agricultural_legacy"),
    ("居民", "resident"),
    ("未登记", "unregistered"),
    ("未落户", "unregistered"),
    ("not registered", "unregistered"),
    ("无户口", "unregistered"),
    ("黑户", "unregistered"),
    ("不详", "unknown"),
    ("不知道", "unknown"),
    ("non-agricultural", "non_agricultural_legacy"),
    ("agricultural", "agricultural_legacy"),
    ("resident", "resident"),
    ("unregistered", "unregistered"),
    ("unknown", "unknown"),
)


def parse_hukou_type(value: Any) -> Parsed:
    text = cell_text(value).lower()
    if not text:
        return BLANK
    for word, code in _HUKOU_TYPES:
        if word in text:
            return Parsed(code)
    return Parsed(problem="import.hukou_type_unknown", params={"value": text[:20]})


# ---------------------------------------------------------------- places

PlaceLookup = Callable[[str], str | None]


def parse_place(value: Any, lookup: PlaceLookup) -> Parsed:
    """A county code from a 6-digit code or a written place (安徽省阜阳市临泉县)."""
    text = cell_text(value).replace(" ", "")
    if not text:
        return BLANK
    code = lookup(text)
    if code is None:
        return Parsed(problem="import.place_unknown", params={"value": text[:30]})
    return Parsed(code)
