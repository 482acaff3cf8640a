"""Every error a user can meet has words, in English and in Chinese.

The services raise stable codes (``ServiceError("export.format")``, ``SyncError("timeout")``);
the UI and CLI turn them into sentences (ss_desktop/services/messages.py, sync_messages.py,
importing/messages.py). A code without a template reaches the user as the raw code: this test
reads every literal code raised in the laptop's code and finds its template, and every
template's Chinese translation.
"""

from __future__ import annotations

import ast
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ss_desktop.services import sync_messages
from ss_desktop.services.importing import messages as import_messages
from ss_desktop.services.importing.errors import FILE_ERROR_CODES
from ss_desktop.services.messages import ERROR_CONTEXT, ERROR_TEMPLATES, USAGE_CODES

ROOT = Path(__file__).resolve().parents[2]
ZH = ROOT / "resources" / "translations" / "ss_desktop_zh_CN.ts"
SERVICE_ERRORS = {"ServiceError", "SignInError", "PermissionDenied", "NotFound", "SetupError",
                  "PasswordRuleError", "DataFileError"}  # fmt: skip
# Codes whose message is made in code, not from a template (describe_error).
COMPOSED = {"validation.failed", "unexpected"}


def raised_codes(class_names: set[str], root: Path = ROOT / "ss_desktop") -> dict[str, str]:
    """code -> where: the first argument of every call of *class_names* that is a literal,
    and the ``code = "..."`` default of those classes."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(root.parent).as_posix()}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                first = node.args[0] if node.args else None
                literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
                if name in class_names and literal:
                    found.setdefault(first.value, where)  # type: ignore[union-attr]
            elif isinstance(node, ast.ClassDef) and node.name in class_names:
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and [getattr(t, "id", None) for t in statement.targets] == ["code"]
                        and isinstance(statement.value, ast.Constant)
                    ):
                        found.setdefault(statement.value.value, where)
    return found


def chinese() -> dict[tuple[str, str], str]:
    """(context, English source) -> finished Chinese translation."""
    out = {}
    for context in ET.parse(ZH).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            text = translation.text or "".join(f.text or "" for f in translation)
            if text.strip():
                out[(name, message.findtext("source") or "")] = text
    return out


def test_every_service_error_code_raised_has_a_message() -> None:
    codes = raised_codes(SERVICE_ERRORS)
    assert "export.format" in codes  # the scan sees the calls (this one had no message once)
    missing = {
        code: where
        for code, where in codes.items()
        if code not in ERROR_TEMPLATES and code not in COMPOSED and code != "error"
    }
    assert missing == {}


def test_every_import_file_error_has_a_message() -> None:
    codes = set(raised_codes({"ImportFileError"})) | set(FILE_ERROR_CODES)
    assert sorted(codes - set(import_messages.IMPORT_TEMPLATES)) == []


def test_every_sync_error_code_raised_has_a_message() -> None:
    codes = raised_codes({"SyncError"})
    assert "timeout" in codes
    missing = {c: w for c, w in codes.items() if c not in sync_messages.SYNC_TEMPLATES}
    assert missing == {}


def test_every_cli_usage_code_has_a_message() -> None:
    assert sorted(USAGE_CODES - set(ERROR_TEMPLATES) - COMPOSED) == []


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


TEMPLATE_TABLES = {
    "ServiceError": (ERROR_CONTEXT, ERROR_TEMPLATES),
    "SyncError": (sync_messages.SYNC_CONTEXT, sync_messages.SYNC_TEMPLATES),
    "SyncRetry": (sync_messages.RETRY_CONTEXT, sync_messages.RETRY_TEMPLATES),
    "Import": (import_messages.IMPORT_CONTEXT, import_messages.IMPORT_TEMPLATES),
}


@pytest.mark.parametrize("table", sorted(TEMPLATE_TABLES))
def test_every_message_has_its_chinese_translation_with_the_same_placeholders(table: str) -> None:
    context, templates = TEMPLATE_TABLES[table]
    zh = chinese()
    untranslated, wrong = [], []
    for code, english in templates.items():
        text = zh.get((context, english))
        if text is None:
            untranslated.append(code)
            continue
        if placeholders(english) != placeholders(text):
            wrong.append(code)
    assert untranslated == [] and wrong == []


def test_the_scan_finds_a_literal_code_and_a_class_default(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text(
        "class NotFound(ServiceError):\n    code = 'not_found'\n\n"
        "def f(code):\n    raise ServiceError('x.y', n=1)\n    raise ServiceError(code)\n",
        encoding="utf-8",
    )
    found = raised_codes({"NotFound", "ServiceError"}, root=package)
    assert found == {"not_found": "pkg/a.py:1", "x.y": "pkg/a.py:5"}
