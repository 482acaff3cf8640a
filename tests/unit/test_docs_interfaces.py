"""The design documents say what the programs do now: the tables of docs/design/interfaces.md
are the ones scripts/design_tables.py reads from the code, and every error code either program
can give is explained in docs/design/sync.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")  # the HTTP routes are read from head office's app

from scripts import design_tables
from ss_core.protocol.wire import ErrorCode

ROOT = Path(__file__).resolve().parents[2]
INTERFACES = ROOT / "docs" / "design" / "interfaces.md"
SYNC = ROOT / "docs" / "design" / "sync.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def test_the_tables_read_from_the_code_are_current() -> None:
    text = INTERFACES.read_text(encoding="utf-8")
    wanted = design_tables.render(text, design_tables.tables())
    assert wanted == text, "run: .venv/bin/python -m scripts.design_tables"


def test_every_command_with_json_output_says_what_it_prints() -> None:
    documented = {row[0] for row in design_tables._desktop_outputs() + design_tables._hq_outputs()}
    taking_json = design_tables.json_commands(
        design_tables.desktop_parser(), "ss-desktop"
    ) | design_tables.json_commands(design_tables.hq_parser(), "ss-hq")
    assert taking_json == documented


def test_every_environment_variable_the_code_reads_is_explained() -> None:
    assert set(design_tables.environment_in_code()) == set(design_tables.ENVIRONMENT)


def test_every_head_office_error_code_is_explained() -> None:
    table = _section(SYNC.read_text(encoding="utf-8"), "Error codes")
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
    assert listed == {code.value for code in ErrorCode}


def test_every_laptop_sync_error_code_is_named() -> None:
    from ss_desktop.services.sync_messages import SYNC_TEMPLATES
    from ss_desktop.sync.errors import RETRYABLE_CODES, USAGE_CODES

    table = _section(SYNC.read_text(encoding="utf-8"), "Error codes")
    named = set(re.findall(r"`([a-z_]+)`", table))
    missing = (set(SYNC_TEMPLATES) | RETRYABLE_CODES | USAGE_CODES) - named
    # Two texts are not failures of a request: the clock warning, and one nothing raises now.
    assert missing <= {"nothing_to_export", "clock_off"}, sorted(missing)


def test_a_stale_table_is_noticed() -> None:
    text = INTERFACES.read_text(encoding="utf-8")
    stale = text.replace("`ss-desktop stats [--json]`", "`ss-desktop stats`")
    assert stale != text
    assert design_tables.render(stale, design_tables.tables()) == text
    with pytest.raises(LookupError):
        design_tables.render("no tables here\n", design_tables.tables())
