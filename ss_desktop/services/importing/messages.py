"""English text for the import's codes; the GUI translates them (contexts "Import" and
"ImportField"), the CLI and the error report print them. Domain issue codes (ID number,
phone ...) use the templates of :mod:`ss_desktop.services.messages`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.importing.preview import CellProblem
from ss_desktop.services.messages import (
    ISSUE_TEMPLATES,
    Translate,
    english,
    fill,
)

IMPORT_CONTEXT = "Import"
FIELD_CONTEXT = "ImportField"

IMPORT_TEMPLATES: dict[str, str] = {
    "import.missing": QT_TRANSLATE_NOOP("Import", "The file does not exist: {path}"),
    "import.empty": QT_TRANSLATE_NOOP("Import", "The file is empty: there is no row to import."),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Import",
        "The file is too large ({size_mb} MB; at most {limit_mb} MB or 60,000 rows). Split the class list into smaller files.",
    ),
    "import.too_many_rows": QT_TRANSLATE_NOOP(
        "Import",
        "The file has {rows} rows ({size_mb} MB); at most {limit} rows can be imported at once. Split the class list into smaller files.",
    ),
    "import.old_excel_or_password": QT_TRANSLATE_NOOP(
        "Import",
        "This is an old Excel file (.xls) or a workbook protected by a password. Open it in Excel or WPS, remove the password if it has one, and save it as .xlsx: File > Save as > Excel Workbook (*.xlsx).",
    ),
    "import.password_protected": QT_TRANSLATE_NOOP(
        "Import",
        "The workbook is protected by a password, so it cannot be read. Open it in Excel or WPS, remove the password (File > Info > Protect Workbook) and save it as .xlsx: File > Save as > Excel Workbook (*.xlsx).",
    ),
    "import.old_excel": QT_TRANSLATE_NOOP(
        "Import",
        "This is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx: File > Save as > Excel Workbook (*.xlsx); then import the new file.",
    ),
    "import.unreadable": QT_TRANSLATE_NOOP(
        "Import", "This file is neither an Excel workbook (.xlsx) nor a CSV file, or it is damaged."
    ),
    "import.encoding": QT_TRANSLATE_NOOP(
        "Import",
        "The text of this CSV file is in an unknown encoding (not UTF-8 or GBK). Open it in Excel or WPS and save it as .xlsx, or as CSV UTF-8.",
    ),
    "import.no_header": QT_TRANSLATE_NOOP(
        "Import",
        "No header row found: the file needs a row naming its columns, such as 姓名, 性别, 出生日期 (or Name, Gender, Date of birth), within its first 30 rows.",
    ),
    "import.mapped_twice": QT_TRANSLATE_NOOP(
        "Import",
        '"{field}" is chosen for two columns: {first} and {second}. Choose it for one column only.',
    ),
    "import.no_name_column": QT_TRANSLATE_NOOP(
        "Import",
        "Choose the column with the children's names (or one for the surname and one for the given name).",
    ),
    "import.site_required": QT_TRANSLATE_NOOP(
        "Import", "Choose the site these children belong to."
    ),
    "import.site_unknown": QT_TRANSLATE_NOOP("Import", "There is no site with the code {site}."),
    # cell problems
    "import.gender_unknown": QT_TRANSLATE_NOOP(
        "Import", "'{value}' is not a gender: write 男 or 女 (M or F)."
    ),
    "import.date_unknown": QT_TRANSLATE_NOOP(
        "Import", "'{value}' is not a date: write it like 2015-03-04, 2015.3.4 or 2015年3月4日."
    ),
    "import.grade_unknown": QT_TRANSLATE_NOOP(
        "Import", "'{value}' is not a grade: write it like 三年级, 初一, 七年级 or 高二."
    ),
    "import.relationship_unknown": QT_TRANSLATE_NOOP(
        "Import",
        "'{value}' is not a relationship: write 父亲, 母亲, 爷爷, 奶奶, 外公, 外婆 ... or 其他.",
    ),
    "import.hukou_type_unknown": QT_TRANSLATE_NOOP(
        "Import", "'{value}' is not a hukou type: write 居民, 农业, 非农业 or 未登记."
    ),
    "import.place_unknown": QT_TRANSLATE_NOOP(
        "Import",
        "'{value}' is not a known county: write province, city and county (安徽省阜阳市临泉县) or the 6-digit code.",
    ),
    "import.id_number_as_number": QT_TRANSLATE_NOOP(
        "Import",
        "Excel stored this ID number as a number and lost its last digits. Format the column as Text and type the numbers again.",
    ),
    "import.phone_as_number": QT_TRANSLATE_NOOP(
        "Import",
        "Excel shows this phone number in scientific notation. Format the column as Text and type it again.",
    ),
    "import.guardian_name_missing": QT_TRANSLATE_NOOP(
        "Import", "A phone number without the guardian's name: add the name."
    ),
    "import.consent_without_guardian": QT_TRANSLATE_NOOP(
        "Import", "A consent date without a guardian: add the guardian who gave consent."
    ),
    "import.duplicate_in_file": QT_TRANSLATE_NOOP(
        "Import",
        "The same child as row {row} of this file (same name and birth date, or same ID number).",
    ),
    "import.duplicate_existing": QT_TRANSLATE_NOOP(
        "Import",
        "This child is already registered (same name and birth date, or same ID number). Not imported again.",
    ),
    "import.possible_duplicate": QT_TRANSLATE_NOOP(
        "Import",
        "A child with a similar name or the same birth date is already registered. Check it is not the same child.",
    ),
    "import.save_failed": QT_TRANSLATE_NOOP("Import", "This row could not be saved."),
    "import.footer_row": QT_TRANSLATE_NOOP(
        "Import", "A total or signature row of the list, not a child: skipped."
    ),
}

# how the reasons of a row are put together (the command line and the error report)
ROW_REASON_FORMS = (
    QT_TRANSLATE_NOOP("Import", "{column}: {reason}"),
    QT_TRANSLATE_NOOP("Import", "; "),
)

FIELD_LABELS: dict[str, str] = {
    "full_name": QT_TRANSLATE_NOOP("ImportField", "Name"),
    "surname": QT_TRANSLATE_NOOP("ImportField", "Surname"),
    "given_name": QT_TRANSLATE_NOOP("ImportField", "Given name"),
    "gender": QT_TRANSLATE_NOOP("ImportField", "Gender"),
    "dob": QT_TRANSLATE_NOOP("ImportField", "Date of birth"),
    "id_number": QT_TRANSLATE_NOOP("ImportField", "ID number"),
    "grade": QT_TRANSLATE_NOOP("ImportField", "Grade"),
    "class_name": QT_TRANSLATE_NOOP("ImportField", "Class"),
    "guardian_name": QT_TRANSLATE_NOOP("ImportField", "Guardian"),
    "guardian_relationship": QT_TRANSLATE_NOOP("ImportField", "Guardian's relationship"),
    "guardian_phone": QT_TRANSLATE_NOOP("ImportField", "Guardian's phone"),
    "guardian2_name": QT_TRANSLATE_NOOP("ImportField", "Second guardian"),
    "guardian2_relationship": QT_TRANSLATE_NOOP("ImportField", "Second guardian's relationship"),
    "guardian2_phone": QT_TRANSLATE_NOOP("ImportField", "Second guardian's phone"),
    "father_name": QT_TRANSLATE_NOOP("ImportField", "Father's name"),
    "father_phone": QT_TRANSLATE_NOOP("ImportField", "Father's phone"),
    "mother_name": QT_TRANSLATE_NOOP("ImportField", "Mother's name"),
    "mother_phone": QT_TRANSLATE_NOOP("ImportField", "Mother's phone"),
    "hukou_place": QT_TRANSLATE_NOOP("ImportField", "Hukou place"),
    "hukou_type": QT_TRANSLATE_NOOP("ImportField", "Hukou type"),
    "residence_place": QT_TRANSLATE_NOOP("ImportField", "Current address (county)"),
    "notes": QT_TRANSLATE_NOOP("ImportField", "Notes"),
    "consent_date": QT_TRANSLATE_NOOP("ImportField", "Consent date"),
}


def import_text(code: str, params: Mapping[str, Any], translate: Translate = english) -> str:
    """Text for an import code or a domain issue code (translated when *translate* is Qt's)."""
    params = dict(params)
    if "field" in params and params["field"] in FIELD_LABELS:
        params["field"] = translate(FIELD_CONTEXT, FIELD_LABELS[params["field"]])
    if code in IMPORT_TEMPLATES:
        return fill(translate(IMPORT_CONTEXT, IMPORT_TEMPLATES[code]), params)
    if code in ISSUE_TEMPLATES:
        return fill(translate("Issue", ISSUE_TEMPLATES[code]), params)
    return code


def problem_text(problem: CellProblem, translate: Translate = english) -> str:
    return import_text(problem.code, problem.params, translate)


def field_label(name: str, translate: Translate = english) -> str:
    return translate(FIELD_CONTEXT, FIELD_LABELS.get(name, name))
