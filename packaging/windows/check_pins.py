"""Every package the Windows build installed is pinned in constraints.txt, at that version.

    python packaging/windows/check_pins.py constraints.txt pip-freeze.txt

A package that pip pulled in without a pin (a Windows-only dependency, say) would make the
next build differ; this names it so it can be pinned (exit 1).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OWN = {"stepping-stones-registration", "pip"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found[canonical(name)] = version.strip()
    return found


def main(constraints: str, freeze: str) -> int:
    pinned = pins(Path(constraints))
    problems = []
    for name, version in pins(Path(freeze)).items():
        if name in OWN:
            continue
        if name not in pinned:
            problems.append(f"{name}=={version} is not pinned")
        elif pinned[name] != version:
            problems.append(f"{name}: installed {version}, pinned {pinned[name]}")
    for problem in problems:
        print(f"check_pins: {problem} in {constraints}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
