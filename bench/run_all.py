"""Run the laptop benchmarks one after another (make bench). Each writes bench/results/*.json;
docs/PERFORMANCE.md lists them with their own commands, including the slower ones that need
PostgreSQL, npm or a PyInstaller build (bench_hq, bench_sync, bench_build)."""

from __future__ import annotations

import os
import subprocess
import sys

LAPTOP = [
    "bench.bench_foundation",
    "bench.bench_ui",
    "bench.bench_import",
    "bench.bench_encryption",
]


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for module in LAPTOP:
        print(f"== {module}", flush=True)
        if subprocess.run([sys.executable, "-m", module], env=env).returncode != 0:
            failed.append(module)
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
