"""The Windows build under Wine: installer size, app size, start to the sign-in window.

    make dist-windows smoke-windows          (the build, the installer, the test copy and prefix)
    .venv/bin/python -m bench.bench_windows [--children 2000] [--runs 5]

Start: as bench_build measures it (a fresh process each run, SS_DESKTOP_EXIT_WHEN_READY=1,
the clock started just before the spawn, Chinese interface, --children demo children), with
the frozen ss-desktop.exe under Wine in the clean prefix of the smoke run (no Python there)
and the test copy of the build (without Qt's network-list plugin, which spins in Wine). The
first run also starts Wine's server and is reported on its own; the others find it running,
as Windows' own services always are. Wine's figures are not Windows' (see docs/BUILDING.md).

Results: windows.json in bench/results/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.bench_build import make_data, start_once
from bench.common import summary, write_result

ROOT = Path(__file__).resolve().parent.parent
# where packaging/windows/common.sh keeps the Wine prefixes and the test copy of the build
BUILD = Path(
    subprocess.run(
        ["bash", "-c", 'source packaging/windows/common.sh && printf %s "$WIN_BUILD"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
)
DIST = ROOT / "dist-windows"
TEST_APP = BUILD / "test-app" / "ss-desktop" / "ss-desktop.exe"
PREFIX = BUILD / "prefix-bench"
RUNNER = ROOT / "packaging" / "windows" / "wine-run.sh"
MB = 1_000_000


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / MB, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    installers = sorted(DIST.glob("SteppingStones-*-setup.exe"))
    if not installers or not TEST_APP.exists():
        raise SystemExit("run make dist-windows smoke-windows first")
    result = {
        "installer": {
            "file": installers[-1].name,
            "mb": round(installers[-1].stat().st_size / MB, 1),
        },
        "app_folder_mb": folder_mb(DIST / "ss-desktop"),
    }
    print(f"installer {result['installer']}; app folder {result['app_folder_mb']} MB", flush=True)
    subprocess.run(
        ["bash", "-c", f'source packaging/windows/common.sh && new_prefix "{PREFIX}"'],
        cwd=ROOT,
        check=True,
    )
    os.environ["WINEPREFIX"] = str(PREFIX)
    tmp = Path(tempfile.mkdtemp(prefix="ss-bench-windows-"))
    try:
        data = tmp / "data"
        make_data(data, args.children)
        program = [str(RUNNER), str(TEST_APP)]
        first = start_once(program, data)
        runs = [start_once(program, data) for _ in range(args.runs)]
    finally:
        subprocess.run(["wineserver", "-k"], check=False)
        subprocess.run(["wineserver", "-w"], check=False)
        shutil.rmtree(tmp, ignore_errors=True)
    result["start_to_sign_in_under_wine"] = {
        "children": args.children,
        "first_run_ms": round(first, 1),
        "runs_ms": summary(runs),
    }
    path = write_result("windows", result)
    print(f"start under Wine: first {first:.0f} ms, p50 {summary(runs)['p50_ms']:.0f} ms")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
