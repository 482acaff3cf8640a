"""Helpers shared by the benchmarks: timing, percentiles, result files, a scratch PostgreSQL
database."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed_ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(samples_ms: list[float]) -> dict[str, float]:
    return {
        "n": len(samples_ms),
        "p50_ms": round(percentile(samples_ms, 50), 2),
        "p95_ms": round(percentile(samples_ms, 95), 2),
        "max_ms": round(max(samples_ms), 2),
        "mean_ms": round(statistics.fmean(samples_ms), 2),
    }


def machine() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **payload}, ensure_ascii=False, indent=2))
    return path


NEEDS_POSTGRES = "set DATABASE_URL to a PostgreSQL server (postgresql+psycopg://...)"


@dataclass
class ScratchDatabase:
    """A new, empty database on the PostgreSQL server that DATABASE_URL names."""

    url: str  # with its password, for make_engine and for a child process
    _name: str
    _admin: Engine  # AUTOCOMMIT, on the server's base database

    def drop(self) -> None:
        with self._admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))
        self._admin.dispose()


def scratch_postgres(prefix: str) -> ScratchDatabase | None:
    """Create a database named *prefix* plus a random suffix; None when DATABASE_URL does not
    name a PostgreSQL server (the caller says so and stops)."""
    base = os.environ.get("DATABASE_URL", "").strip()
    if not base.startswith("postgresql"):
        return None
    url0 = make_url(base)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url0, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return ScratchDatabase(
        url0.set(database=name).render_as_string(hide_password=False), name, admin
    )
