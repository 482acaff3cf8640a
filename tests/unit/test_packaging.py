"""What each program installs, and the one version (scripts/check_install.sh installs both
programs into fresh environments; this checks the declarations quickly)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ss_core import version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!\[;~]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_shared_dependencies_pull_neither_program_s_own() -> None:
    shared = _names(PROJECT["dependencies"])
    assert not shared & {"pyside6-essentials", "pyside6-addons", "sqlcipher3-wheels", "httpx"}
    assert not shared & {"fastapi", "uvicorn", "psycopg", "jinja2", "pygal"}


def test_the_laptop_and_head_office_extras_keep_apart() -> None:
    extras = PROJECT["optional-dependencies"]
    desktop, hq = _names(extras["desktop"]), _names(extras["hq"])
    assert {"pyside6-essentials", "pyside6-addons", "sqlcipher3-wheels"} <= desktop
    assert {"fastapi", "uvicorn", "psycopg"} <= hq
    assert not desktop & {"fastapi", "uvicorn", "psycopg", "starlette"}
    assert not hq & {"pyside6-essentials", "pyside6-addons", "sqlcipher3-wheels"}


def test_the_version_is_written_once_and_read_from_the_package_metadata() -> None:
    assert version() == PROJECT["version"]
    literal = re.compile(rf"['\"]{re.escape(PROJECT['version'])}['\"]")
    for package in ("ss_core", "ss_desktop", "ss_hq"):
        for path in (ROOT / package).rglob("*.py"):
            assert not literal.search(path.read_text(encoding="utf-8")), path
