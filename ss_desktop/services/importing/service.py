"""Import a class list: open a file, map its columns, preview, save the valid rows.

Saving: rows are checked first (the preview), and only rows without errors are saved, in
batches of :data:`BATCH_ROWS` rows, each batch one ``ChangeWriter.save`` call (one
transaction): a child with its guardians and consent is saved whole or not at all. Should the
writer still refuse a batch, that batch is saved row by row so its valid rows are not lost.

Cancel takes effect between batches: the batches already saved stay saved (each is complete;
the summary says how many rows were imported) and nothing of the remaining rows is written.
One transaction for the whole file would make cancel undo everything, but would hold the
database's write lock for the whole import of a large list; batches keep the app responsive.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ss_core.domain.errors import ValidationFailed
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db.write import Change
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.importing import mapping as m
from ss_desktop.services.importing.errors import ImportFileError
from ss_desktop.services.importing.places import PlaceIndex
from ss_desktop.services.importing.preview import (
    ERROR,
    CellProblem,
    PreviewRow,
    RowChecker,
    SiteFacts,
    problem_from_issue,
)
from ss_desktop.services.importing.reading import RawTable, read_table
from ss_desktop.services.permissions import Permission, require
from ss_desktop.services.reference import ReferenceService
from ss_desktop.services.sites import SitesService

log = logging.getLogger(__name__)

BATCH_ROWS = 250
Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


@dataclass
class ImportSource:
    """An opened file: its rows, the header row found and the mapping to start from."""

    path: Path
    table: RawTable
    header: m.HeaderRow
    suggested: dict[int, str]
    remembered: bool  # the suggestion is a mapping the user confirmed for this layout before

    @property
    def data_rows(self) -> list[tuple[int, list[Any]]]:
        start = self.header.index + 1
        return list(zip(self.table.row_numbers[start:], self.table.rows[start:], strict=True))

    @property
    def column_count(self) -> int:
        return len(self.header.cells)


@dataclass
class ImportPreview:
    source: ImportSource
    mapping: dict[int, str]
    site_id: str
    rows: list[PreviewRow]

    @property
    def valid_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.ok]

    @property
    def rejected_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def duplicate_count(self) -> int:
        return sum(
            1
            for r in self.rows
            if any(
                p.code in ("import.duplicate_existing", "import.duplicate_in_file")
                for p in r.problems
            )
        )

    @property
    def warning_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.problems)


@dataclass
class ImportResult:
    imported: int
    rejected: list[PreviewRow]
    cancelled: bool
    not_attempted: int  # valid rows left unsaved because of a cancel
    child_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def touched(self) -> dict[str, list[str]]:
        return {Entity.CHILD.value: list(self.child_ids)}


class ImportService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        require(session.role, Permission.IMPORT)
        self.app = app
        self.session = session
        self.layouts = m.LayoutMemory(app.paths.data_dir)

    # -- step 1: the file ------------------------------------------------------------------
    def open(self, path: Path) -> ImportSource:
        table = read_table(Path(path))
        header = m.find_header(table.rows)
        remembered = self.layouts.recall(header)
        suggestion = remembered if remembered else m.suggest_mapping(header)
        return ImportSource(Path(path), table, header, suggestion, bool(remembered))

    # -- step 2: the site ------------------------------------------------------------------
    def sites(self) -> list[tuple[str, str, str | None]]:
        """(id, name, code) of the sites this user may import into."""
        return [(s.id, s.name, s.code) for s in SitesService(self.app, self.session).list_sites()]

    def site_for(self, code: str | None) -> str:
        """The site id for a site code; without a code, the only site the user has."""
        sites = SitesService(self.app, self.session).list_sites()
        if code:
            for site in sites:
                if site.code == code or site.id == code:
                    return site.id
            raise ImportFileError("import.site_unknown", site=code)
        if len(sites) == 1:
            return sites[0].id
        raise ImportFileError("import.site_required")

    def _site_facts(self, site_id: str) -> SiteFacts:
        ChildrenService(self.app, self.session)._check_site(site_id)
        for site in SitesService(self.app, self.session).list_sites():
            if site.id == site_id:
                return SiteFacts(site.id, site.site_type, site.division_code, site.city_tier)
        raise ImportFileError("import.site_unknown", site=site_id)

    # -- step 3: the preview ---------------------------------------------------------------
    def preview(
        self,
        source: ImportSource,
        mapping: Mapping[int, str | None],
        site_id: str,
        *,
        progress: Progress | None = None,
        check_existing: bool = True,
    ) -> ImportPreview:
        clean = m.check_mapping(mapping, source.header)
        site = self._site_facts(site_id)
        table = ReferenceService(self.app).divisions()
        places = PlaceIndex(table)
        children = ChildrenService(self.app, self.session)

        def division_exists(code: str) -> bool:
            option = table.by_code.get(code)
            return option is not None and option.level == 3

        checker = RowChecker(
            clean,
            site,
            place_lookup=places.lookup,
            division_exists=division_exists,
            find_duplicates=children.find_duplicates if check_existing else None,
            today=self.app.writer.today(),
        )
        rows = source.data_rows
        out: list[PreviewRow] = []
        for n, (number, cells) in enumerate(rows, start=1):
            out.append(checker.check(number, cells))
            if progress and n % 100 == 0:
                progress(n, len(rows))
        if progress:
            progress(len(rows), len(rows))
        return ImportPreview(source, clean, site_id, out)

    def remember_layout(self, preview: ImportPreview) -> None:
        self.layouts.remember(preview.source.header, preview.mapping)

    # -- step 4: saving --------------------------------------------------------------------
    def run(
        self,
        preview: ImportPreview,
        *,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
        batch_rows: int = BATCH_ROWS,
    ) -> ImportResult:
        started = time.perf_counter()
        self._site_facts(preview.site_id)  # the user may still import into this site
        self.remember_layout(preview)
        valid = preview.valid_rows
        rejected = list(preview.rejected_rows)
        result = ImportResult(0, rejected, False, 0)
        total = len(valid)
        for start in range(0, total, batch_rows):
            if should_cancel is not None and should_cancel():
                result.cancelled = True
                result.not_attempted = total - start
                break
            batch = valid[start : start + batch_rows]
            self._save_batch(batch, result)
            if progress:
                progress(min(start + batch_rows, total), total)
        result.rejected.sort(key=lambda r: r.number)
        result.seconds = time.perf_counter() - started
        log.info(
            "import: %d rows saved, %d rejected, cancelled=%s",
            result.imported,
            len(result.rejected),
            result.cancelled,
        )
        return result

    def _save_batch(self, rows: list[PreviewRow], result: ImportResult) -> None:
        planned = [
            (row, *row_changes(row.form, self.session.username))
            for row in rows
            if row.form is not None
        ]
        changes = [c for _, _, row_changes_ in planned for c in row_changes_]
        try:
            self.app.writer.save(changes, actor=self.session.username, action="import")
        except ValidationFailed:
            # Should not happen after the preview; keep the valid rows, report the others.
            for row, child_id, one in planned:
                try:
                    self.app.writer.save(one, actor=self.session.username, action="import")
                except ValidationFailed as exc:
                    row.problems.extend(problem_from_issue(None, issue) for issue in exc.issues)
                    if not any(p.severity == ERROR for p in row.problems):
                        row.problems.append(CellProblem(None, "import.save_failed"))
                    result.rejected.append(row)
                else:
                    result.imported += 1
                    result.child_ids.append(child_id)
            return
        result.imported += len(planned)
        result.child_ids.extend(child_id for _, child_id, _ in planned)


def row_changes(form: ChildForm | None, collector: str) -> tuple[str, list[Change]]:
    """The changes that register one imported child with its guardians and consent."""
    assert form is not None
    child_id = new_id()
    changes = [Change(Entity.CHILD, child_id, dict(form.fields))]
    for guardian in form.guardians:
        changes.append(Change(Entity.GUARDIAN, new_id(), {**guardian, "child_id": child_id}))
    for consent in form.consents:
        changes.append(
            Change(
                Entity.CONSENT, new_id(), {"collector": collector, **consent, "child_id": child_id}
            )
        )
    return child_id, changes
