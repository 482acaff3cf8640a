"""The frozen build: build time, dist size and what dominates it, start to the sign-in window.

    .venv/bin/python -m bench.bench_build [--skip-build] [--children 2000] [--runs 5]

1. build time: ``pyinstaller build.spec --noconfirm --clean`` (translations built first), unless
   --skip-build (then the existing dist/ss-desktop is measured);
2. dist size: total, file count, the largest files and folders (du-like, bytes on disk);
3. start to an interactive sign-in window, frozen and from source, in the same run and against
   the same data folder (--children demo children): each run is a fresh process started with
   SS_DESKTOP_EXIT_WHEN_READY=1, which makes the app print ``READY <time.time()>`` once the
   sign-in window is shown and the event loop runs (ss_desktop/ui/app.py). The clock starts
   just before the process is spawned, so loading the executable, the interpreter and every
   import are included. The first frozen run after the build is reported on its own (coldest
   file cache this machine allows without root on the page cache).

Results: bench/results/build.json. Targets (issue 8): dist <= 200 MB, frozen start <= 2 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.common import summary, write_result

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "ss-desktop"
FROZEN = DIST / ("ss-desktop.exe" if os.name == "nt" else "ss-desktop")
BIN = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin")
PASSWORD = "Bench-build-2026"
MB = 1_000_000


def build() -> dict[str, float]:
    started = time.perf_counter()
    subprocess.run(["make", "translations"], cwd=ROOT, check=True, capture_output=True)
    translations = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "pyinstaller"), "build.spec", "--noconfirm", "--clean"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {
        "translations_s": round(translations, 1),
        "pyinstaller_s": round(time.perf_counter() - started, 1),
    }


def disk_size(path: Path) -> int:
    """Bytes of a regular file; symlinks (PyInstaller links Qt libraries) count as 0."""
    return 0 if path.is_symlink() else path.stat().st_size


def dist_size(top: int = 15) -> dict:
    files = [p for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = {p: disk_size(p) for p in files}
    total = sum(sizes.values())
    folders: dict[str, int] = defaultdict(int)
    for path, size in sizes.items():
        rel = path.relative_to(DIST).parts
        inner = rel[1:] if rel[0] == "_internal" else rel
        key = "/".join(inner[:3] if inner[:2] == ("PySide6", "Qt") else inner[:1])
        folders[key if len(inner) > 1 else "(top-level files)"] += size
    largest_files = sorted(sizes.items(), key=lambda kv: kv[1], reverse=True)[:top]
    largest_folders = sorted(folders.items(), key=lambda kv: kv[1], reverse=True)[:top]
    return {
        "total_mb": round(total / MB, 1),
        "files": len(files),
        "largest_files_mb": {str(p.relative_to(DIST)): round(s / MB, 1) for p, s in largest_files},
        "largest_folders_mb": {name: round(s / MB, 1) for name, s in largest_folders},
    }


def make_data(folder: Path, children: int) -> None:
    env = {**os.environ, "SS_DESKTOP_PASSWORD": PASSWORD}
    cli = [sys.executable, "-m", "ss_desktop", "--data-dir", str(folder)]
    subprocess.run(
        [*cli, "init", "--admin", "admin"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    subprocess.run(
        [*cli, "--user", "admin", "demo", "--count", str(children)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def start_once(program: list[str], data_dir: Path) -> float:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "SS_DESKTOP_EXIT_WHEN_READY": "1",
    }
    t0 = time.time()
    done = subprocess.run(
        [*program, "--data-dir", str(data_dir), "--lang", "zh_CN"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    ready = [line for line in done.stdout.splitlines() if line.startswith("READY ")]
    if done.returncode != 0 or not ready:
        raise RuntimeError(f"{program[0]} did not reach the sign-in window: {done.stderr[-2000:]}")
    return (float(ready[0].split()[1]) - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="measure the existing dist")
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    result: dict = {}
    if not args.skip_build:
        result["build"] = build()
        print(f"build: {result['build']}", flush=True)
    if not FROZEN.exists():
        sys.exit(f"no frozen app at {FROZEN}: run make dist (or drop --skip-build)")
    result["dist"] = dist_size()
    print(f"dist: {result['dist']['total_mb']} MB in {result['dist']['files']} files", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="ss-bench-build-"))
    try:
        data = tmp / "data"
        make_data(data, args.children)
        first = start_once([str(FROZEN)], data)
        frozen = [start_once([str(FROZEN)], data) for _ in range(args.runs)]
        source = [start_once([sys.executable, "-m", "ss_desktop"], data) for _ in range(args.runs)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result["start_to_sign_in"] = {
        "children": args.children,
        "frozen_first_run_ms": round(first, 1),
        "frozen_ms": summary(frozen),
        "from_source_ms": summary(source),
    }
    result["targets"] = {
        "dist_mb_max": 200,
        "dist_ok": result["dist"]["total_mb"] <= 200,
        "frozen_start_ms_max": 2000,
        "frozen_start_ok": result["start_to_sign_in"]["frozen_ms"]["p50_ms"] <= 2000,
    }
    path = write_result("build", result)
    print(
        f"start: frozen first {first:.0f} ms, frozen p50 "
        f"{result['start_to_sign_in']['frozen_ms']['p50_ms']:.0f} ms, from source p50 "
        f"{result['start_to_sign_in']['from_source_ms']['p50_ms']:.0f} ms"
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
