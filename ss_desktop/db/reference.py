"""Reference data loaded from ``resources/``: administrative divisions (GB/T 2260)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

from ss_core.resources import resource_path
from ss_desktop.db.engine import WRITE_OPTIONS, raw_cursor

DIVISIONS_EDITION = "2022-10-31"

# (code, name, level, parent_code, province_code, valid_from, valid_to, edition)
DivisionRow = tuple[str, str, int, str | None, str, None, None, str]


def read_divisions(folder: Path | None = None) -> Iterator[DivisionRow]:
    """Rows (code, name, level, parent_code, province_code, valid_from, valid_to, edition)."""
    folder = folder or resource_path("divisions")
    with (folder / "provinces.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield (row["code"], row["name"], 1, None, row["code"], None, None, DIVISIONS_EDITION)
    with (folder / "cities.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            province = row["provinceCode"]
            yield (row["code"], row["name"], 2, province, province, None, None, DIVISIONS_EDITION)
    with (folder / "areas.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield (
                row["code"],
                row["name"],
                3,
                row["cityCode"],
                row["provinceCode"],
                None,
                None,
                DIVISIONS_EDITION,
            )


def load_divisions_if_empty(engine: Engine) -> int:
    """Fill the division table from resources when it is empty; returns rows added."""
    with engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
        raw = raw_cursor(conn)
        if raw.execute("SELECT 1 FROM division LIMIT 1").fetchone():
            return 0
        rows = list(read_divisions())
        raw.executemany(
            "INSERT INTO division (code, name, level, parent_code, province_code, valid_from,"
            " valid_to, edition) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)
