"""No module imports another module's private names (``from x import _y``): a name with a
leading underscore is free to change with its module. What two modules share is public, and
named as such."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("ss_core", "ss_desktop", "ss_hq")


def private_imports(root: Path = ROOT) -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom) or node.level:
                    continue
                if (node.module or "").split(".")[0] not in PACKAGES:
                    continue
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
                        found.append(f"{where} imports {alias.name} from {node.module}")
    return found


def test_no_module_imports_another_module_s_private_names() -> None:
    assert private_imports() == []


def test_the_check_sees_a_private_import_and_lets_public_ones_be(tmp_path: Path) -> None:
    package = tmp_path / "ss_core"
    package.mkdir()
    (package / "a.py").write_text(
        "from ss_core.b import _secret, __version__, public\nfrom os import _exit\n"
        "from . import _relative\n",
        encoding="utf-8",
    )
    assert private_imports(tmp_path) == ["ss_core/a.py:1 imports _secret from ss_core.b"]
