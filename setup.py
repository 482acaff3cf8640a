"""Build steps pyproject.toml cannot say: the reference data folder ``resources/`` installs as
the package ``ss_resources``, and its Qt translations (.ts) are compiled to .qm while the
package is built, so a plain ``pip install .`` gives an app in both languages."""

from __future__ import annotations

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
