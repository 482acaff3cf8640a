"""Class lists in and out: ``import`` (.xlsx or .csv) and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ss_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, emit, signed_in
from ss_desktop.cli.text import translate
from ss_desktop.config import AppPaths


class ProgressLines:
    """``(done, total)`` callbacks of a long import or export as lines on stderr, one per
    tenth of the rows (stdout keeps the result: one JSON object with --json). Files of
    fewer than :attr:`MIN_ROWS` rows finish too soon to need them."""

    MIN_ROWS = 1000

    def __init__(self, template: str) -> None:
        self.template = template  # translated, with {done} and {total}
        self.next_share = 1

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_ROWS or done * 10 < self.next_share * total:
            return
        self.next_share = done * 10 // total + 1
        line = self.template.format(done=f"{done:,}", total=f"{total:,}")
        print(line, file=sys.stderr, flush=True)


EXIT_REJECTED_ROWS = 3


def cmd_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.importing import (
        ImportFileError,
        ImportService,
        column_letter,
        import_text,
        problem_text,
        write_error_report,
    )

    with signed_in(paths, args) as (app, session):
        service = ImportService(app, session)
        try:
            source = service.open(Path(args.file))
            site_id = service.site_for(args.site)
            preview = service.preview(
                source,
                source.suggested,
                site_id,
                progress=ProgressLines(translate("Cli", "... checked {done} of {total} rows")),
            )
        except ImportFileError as exc:
            raise CliError(import_text(exc.code, exc.params, translate), EXIT_USAGE) from exc
        if args.dry_run:
            imported, rejected = len(preview.valid_rows), preview.rejected_rows
        else:
            result = service.run(
                preview,
                progress=ProgressLines(translate("Cli", "... imported {done} of {total} rows")),
            )
            imported, rejected = result.imported, result.rejected
        saved_numbers = {r.number for r in rejected}
        doubtful = [r for r in preview.possible_duplicates if r.number not in saved_numbers]
        if args.error_report and (rejected or doubtful):
            write_error_report(
                Path(args.error_report),
                source.header,
                rejected,
                translate,
                row_label=translate("ImportWizard", "Row"),
                possible_duplicates=doubtful,
            )
        listed: list[dict[str, Any]] = []
        for row in rejected:
            reasons = [
                {
                    "column": None if p.column is None else column_letter(p.column),
                    "code": p.code,
                    "reason": problem_text(p, translate),
                }
                for p in row.problems
                if p.severity == "error"
            ]
            listed.append({"row": row.number, "reasons": reasons})
        skipped = [
            {
                "row": row.number,
                "code": row.reason,
                "reason": import_text(row.reason, {}, translate),
            }
            for row in preview.skipped
        ]
        if args.dry_run:
            summary = translate(
                "Cli", "would import {imported} row(s), rejected {rejected} row(s)."
            )
        else:
            summary = translate("Cli", "imported {imported} row(s), rejected {rejected} row(s).")
        lines = [summary.format(imported=imported, rejected=len(rejected))]
        in_column = translate("Import", "{column}: {reason}")
        for entry in listed:
            text = translate("Import", "; ").join(
                dict.fromkeys(
                    in_column.format(column=r["column"], reason=r["reason"])
                    if r["column"]
                    else r["reason"]
                    for r in entry["reasons"]
                )
            )
            lines.append(
                translate("Cli", "  row {row}: {reasons}").format(row=entry["row"], reasons=text)
            )
        for entry in skipped:
            lines.append(
                translate("Cli", "  row {row} skipped: {reason}").format(
                    row=entry["row"], reason=entry["reason"]
                )
            )
        duplicates = [
            {
                "row": row.number,
                "score": p.params.get("score"),
                "reason": problem_text(p, translate),
            }
            for row in doubtful
            for p in row.warnings("import.possible_duplicate")
        ]
        if duplicates:
            lines.append(
                translate("Cli", "{n} row(s) may be a child already registered:").format(
                    n=len(duplicates)
                )
            )
            lines.extend(
                translate("Cli", "  row {row}: {reason} (score {score})").format(
                    row=d["row"], reason=d["reason"], score=d["score"]
                )
                for d in duplicates
            )
        emit(
            args,
            {
                "imported": imported,
                "rejected": len(rejected),
                "skipped": len(skipped),
                "dry_run": args.dry_run,
                "rejected_rows": listed,
                "possible_duplicates": duplicates,
                "skipped_rows": skipped,
            },
            lines,
        )
    return EXIT_REJECTED_ROWS if rejected else EXIT_OK


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.exporting import ExportService

    target = Path(args.file)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise CliError(translate("Cli", "the export file must end in .xlsx or .csv"), EXIT_USAGE)
    from ss_desktop.ui.list_export import export_labels

    headers, value_label = export_labels(translate)
    with signed_in(paths, args) as (app, session):
        result = ExportService(app, session).export(
            target,
            filters={"status": "active"},
            headers=headers,
            value_label=value_label,
            progress=ProgressLines(translate("Cli", "... exported {done} of {total} rows")),
        )
        emit(
            args,
            {"path": str(result.path), "rows": result.rows, "columns": list(result.columns)},
            [
                translate("Cli", "Exported {n} children to {path}.").format(
                    n=result.rows, path=result.path
                )
            ],
        )
    return EXIT_OK
