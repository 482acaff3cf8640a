"""Class-list import benchmark: a 5,000-row .xlsx through the whole import (read, map,
preview with validation and duplicate checks, batched saves) against the raw write path
(ChangeWriter.save of the same, already-normalized rows, same batch size), in one run.

    .venv/bin/python -m bench.bench_import [--rows 5000]

Prints the numbers and writes bench/results/import.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from ss_desktop.config import AppPaths
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp
from ss_desktop.services.importing import BATCH_ROWS, ImportService, row_changes
from ss_desktop.services.setup import initialize
from tests.unit.import_fixtures import good_rows, write_xlsx
from tests.unit.services_fixtures import add_site

RESULTS = Path(__file__).resolve().parent / "results"
PASSWORD = "Bench-import-2024"


def _fresh(root: Path) -> tuple[LocalApp, object, str]:
    app = initialize(AppPaths.resolve(root), admin="admin", password=PASSWORD)
    session = Accounts(app).sign_in("admin", PASSWORD)
    return app, session, add_site(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        path = write_xlsx(tmp_path / "class.xlsx", good_rows(args.rows, seed=11))

        app, session, site = _fresh(tmp_path / "import")
        service = ImportService(app, session)
        service.open(path)  # warm the division table (read once per data folder)
        t0 = time.perf_counter()
        source = service.open(path)
        t1 = time.perf_counter()
        preview = service.preview(source, source.suggested, site)
        t2 = time.perf_counter()
        result = service.run(preview)
        t3 = time.perf_counter()
        forms = [r.form for r in preview.valid_rows]
        app.close()

        app, session, site = _fresh(tmp_path / "raw")
        batches = []
        for start in range(0, len(forms), BATCH_ROWS):
            changes = []
            for form in forms[start : start + BATCH_ROWS]:
                form.fields["site_id"] = site
                changes.extend(row_changes(form, "admin")[1])
            batches.append(changes)
        r0 = time.perf_counter()
        for changes in batches:
            app.writer.save(changes, actor="admin", action="import")
        r1 = time.perf_counter()
        app.close()

    whole = t3 - t0
    raw = r1 - r0
    out = {
        "rows": args.rows,
        "imported": result.imported,
        "read_s": round(t1 - t0, 3),
        "preview_s": round(t2 - t1, 3),
        "save_s": round(t3 - t2, 3),
        "import_total_s": round(whole, 3),
        "import_rows_per_s": round(result.imported / whole, 1),
        "import_save_rows_per_s": round(result.imported / (t3 - t2), 1),
        "raw_write_s": round(raw, 3),
        "raw_write_rows_per_s": round(len(forms) / raw, 1),
        "batch_rows": BATCH_ROWS,
        "python": sys.version.split()[0],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "import.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
