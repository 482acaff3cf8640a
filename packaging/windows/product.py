"""The version and publisher of the Windows build, read from pyproject.toml (one source).

    python packaging/windows/product.py            prints VERSION=..., VERSION4=..., PUBLISHER=...
                                                   for the shell (eval), e.g. VERSION4=0.1.0.0

build.spec uses ``product_info`` for the version resource of the .exe files; the installer
gets the same values from packaging/windows/installer.sh.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def product_info(pyproject: Path = PYPROJECT) -> dict:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    version = project["version"]
    numbers = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version).groups(default="0")
    return {
        "version": version,
        # Windows' file version has four numbers: 0.2.0rc1 -> 0.2.0.0
        "version4": (*(int(n) for n in numbers), 0),
        "publisher": project["authors"][0]["name"],
    }


if __name__ == "__main__":
    info = product_info()
    print(f"VERSION={shlex.quote(info['version'])}")
    print(f"VERSION4={'.'.join(map(str, info['version4']))}")
    print(f"PUBLISHER={shlex.quote(info['publisher'])}")
