"""Build steps pyproject.toml cannot say: the reference data folder ``resources/`` installs as
the package ``ss_resources``, and its Qt translations (.ts) are compiled to .qm while the
package is built, so a plain ``pip install .`` gives an app in both languages. The user guides
(docs/user-guide.*.md, Help > User guide in the app) and the screenshots they show are copied
into ``ss_resources/docs``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"


class BuildWithTranslations(build_py):
    """build_py, then ``lrelease`` (from PySide6, a build requirement) for every .ts file."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "ss_resources" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        for ts in sorted((RESOURCES / "translations").glob("*.ts")):
            compile_translation(ts, target / ts.with_suffix(".qm").name)
        copy_user_guides(Path(self.build_lib) / "ss_resources" / "docs")


def copy_user_guides(target: Path) -> None:
    """The guides and every picture they show, in the same layout as docs/."""
    docs = ROOT / "docs"
    for guide in sorted(docs.glob("user-guide.*.md")):
        shown = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", guide.read_text(encoding="utf-8"))
        for name in [guide.name, *shown]:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(docs / name, target / name)


def compile_translation(ts: Path, qm: Path) -> None:
    code = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"
    subprocess.run([sys.executable, "-c", code, "-silent", str(ts), "-qm", str(qm)], check=True)


setup(
    packages=[
        *find_packages(include=["ss_core*", "ss_desktop*", "ss_hq*"]),
        "ss_resources",
    ],
    package_dir={"ss_resources": "resources"},
    cmdclass={"build_py": BuildWithTranslations},
)
