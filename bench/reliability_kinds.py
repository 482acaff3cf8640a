"""The kinds of operation the kill campaign interrupts on one laptop: save, bulk import,
backup, restore and schema upgrade (the sync kinds: bench/reliability_sync.py).

Each kind prepares its data once (a template data folder), then runs trials: the operation
in a forked child killed after *delay* seconds (None: let it finish), and the checks of
bench/reliability_ops.py on what is left.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from bench.reliability_ops import (
    PASSWORD,
    Folder,
    Report,
    Trial,
    check_opens,
    outbox_gaps_and_repeats,
    rng_child,
    run_child,
)
from ss_desktop.config import AppPaths
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp
from ss_desktop.services.errors import ServiceError

Trialer = Callable[[random.Random, float | None], Trial]


_BASES: dict[Path, tuple[Folder, str]] = {}


def make_laptop(path: Path, *, demo: int = 0, seed: int = 1) -> tuple[Folder, str]:
    """A data folder with an admin and one site (and *demo* children); closed again.

    The first one under a folder is made as the app makes it (``init``); the others copy it
    (one Argon2 hash and one schema creation for the whole campaign)."""
    from ss_desktop.demo import DemoService
    from ss_desktop.services.setup import initialize
    from ss_desktop.services.sites import SitesService

    root = path.parent
    if root not in _BASES:
        paths = AppPaths.resolve(root / "base-laptop")
        app = initialize(paths, admin="admin", password=PASSWORD)
        try:
            session = Accounts(app).sign_in("admin", PASSWORD)
            site = SitesService(app, session).create_site(
                "测试学校", "migrant_school", code="SITE-1"
            )
        finally:
            app.close()
        _BASES[root] = (Folder.at(paths.data_dir), site.id)
    base, site_id = _BASES[root]
    folder = base.copy_to(path)
    if demo:
        app, session = folder.open()
        try:
            DemoService(app, session).populate(demo, seed=seed)
        finally:
            app.close()
    return folder, site_id


def errors_of(lines: list[str], trial: Trial) -> None:
    """An error a child reported (not a kill) is a finding, unless it is the one expected."""
    for line in lines:
        if line.startswith("error"):
            trial.faults.append(line[:200])


# -- save ----------------------------------------------------------------------------------
class SaveKind:
    name = "save"
    SAVES = 25  # a finished run saves this many children
    RESET_EVERY = 20

    def __init__(self, root: Path) -> None:
        self.root = root
        self.template, self.site = make_laptop(root / "save-template")
        self.work: Folder | None = None
        self.used = 0

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        if self.work is None or self.used >= self.RESET_EVERY:
            self.work, self.used = self.template.copy_to(self.root / "save-work"), 0
        self.used += 1
        folder, site, seed = self.work, self.site, rng.random()
        before = {r[0] for r in folder.query("SELECT id FROM child")}

        def body(report: Report) -> None:
            from ss_desktop.services.children import ChildrenService

            app, session = folder.open()
            service, r = ChildrenService(app, session), random.Random(seed)
            report("go")
            for _ in range(self.SAVES):
                report(f"saved {service.register(rng_child(site, r)).child_id}")

        run = run_child(body, delay)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        check_opens(folder, trial)
        reported = {line.split()[1] for line in run.lines if line.startswith("saved ")}
        now = {r[0] for r in folder.query("SELECT id FROM child")}
        trial.lost += len(reported - now)
        unreported = (now - before) - reported
        if len(unreported) > 1:  # at most the one whose "saved" the kill cut off
            trial.faults.append(f"{len(unreported)} children saved without being reported")
        for child in now - before:  # each child whole: with its guardian and its consent
            parts = folder.query(
                "SELECT (SELECT count(*) FROM guardian WHERE child_id = ?),"
                " (SELECT count(*) FROM consent WHERE child_id = ?)",
                child,
                child,
            )[0]
            if parts != (1, 1):
                trial.lost += 1
                trial.faults.append(f"a child saved without its guardian or consent: {parts}")
        gaps, repeats = outbox_gaps_and_repeats(folder)
        trial.doubled += repeats
        if gaps:
            trial.faults.append(f"{gaps} gaps in the change numbers")
        return trial


# -- bulk import ---------------------------------------------------------------------------
class ImportKind:
    name = "import"
    ROWS = 1000
    RESET_EVERY = 8

    def __init__(self, root: Path) -> None:
        from ss_desktop.services.importing import ImportService
        from tests.unit.import_fixtures import good_rows, write_csv

        self.root = root
        self.template, self.site = make_laptop(root / "import-template")
        rows = good_rows(self.ROWS, seed=5)
        for n, row in enumerate(rows):
            row[1] = row[1][:1] + chr(0x4E00 + n // 90) + chr(0x4E00 + n % 90)
        path = write_csv(root / "class.csv", rows)
        app, session = self.template.open()
        try:
            service = ImportService(app, session)
            source = service.open(path)
            self.preview = service.preview(
                source, source.suggested, self.site, check_existing=False
            )
        finally:
            app.close()
        valid = self.preview.valid_rows
        self.total = len(valid)
        self.guardians = sum(len(r.form.guardians) for r in valid if r.form)
        self.consents = sum(len(r.form.consents) for r in valid if r.form)
        assert self.total >= 900, self.total
        self.work: Folder | None = None
        self.used = 0

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        from ss_desktop.services.importing import ImportService
        from ss_desktop.services.importing.service import BATCH_ROWS

        if self.work is None or self.used >= self.RESET_EVERY:
            self.work, self.used = self.template.copy_to(self.root / "import-work"), 0
        self.used += 1
        folder, preview = self.work, self.preview
        before = folder.counts()

        def body(report: Report) -> None:
            app, session = folder.open()
            service = ImportService(app, session)
            report("go")
            service.run(preview, progress=lambda done, total: report(f"batch {done}"))

        run = run_child(body, delay)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        check_opens(folder, trial)
        after = folder.counts()
        added = after["child"] - before["child"]
        done = max(
            (int(line.split()[1]) for line in run.lines if line.startswith("batch ")), default=0
        )
        if added < done:
            trial.lost += done - added
        if added > min(done + BATCH_ROWS, self.total):
            trial.doubled += added - min(done + BATCH_ROWS, self.total)
        if added % BATCH_ROWS and added != self.total:
            trial.faults.append(f"{added} children: part of a batch")
        per_child_g = self.guardians / self.total
        per_child_c = self.consents / self.total
        if after["guardian"] - before["guardian"] != round(added * per_child_g) or after[
            "consent"
        ] - before["consent"] != round(added * per_child_c):
            trial.faults.append("rows saved without their guardians or consents")
        gaps, repeats = outbox_gaps_and_repeats(folder)
        trial.doubled += repeats
        if gaps:
            trial.faults.append(f"{gaps} gaps in the change numbers")
        return trial


# -- backup --------------------------------------------------------------------------------
def check_backups(folder: Folder, trial: Trial) -> None:
    """Every file under a backup's name restores: whole archive, database opens, counts."""
    from ss_desktop.db.snapshot import Snapshot
    from ss_desktop.services.backup_file import read_backup, verify_backup
    from ss_desktop.services.backup_names import find_backups

    for found in find_backups(folder.paths.backup_dir):
        try:
            backup = read_backup(found.path)
            assert backup.manifest is not None
            verify_backup(found.path, folder.key, Snapshot(backup.manifest.counts, "", None))
        except (ServiceError, AssertionError, OSError) as exc:
            trial.corrupt += 1
            trial.faults.append(f"backup {found.path.name} does not restore: {exc}")


class BackupKind:
    name = "backup"

    def __init__(self, root: Path, *, children: int = 600) -> None:
        self.root = root
        self.folder, _site = make_laptop(root / "backup-work", demo=children)
        self.counts = self.folder.counts()

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        from ss_desktop.services.auto_backup import DAILY, AutoBackups

        folder = self.folder

        def body(report: Report) -> None:
            app, _session = folder.open()
            report("go")
            made = AutoBackups(app).run(DAILY, force=True).made
            report(f"made {made.path.name if made else '-'}")

        run = run_child(body, delay)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        before_open = folder.counts()
        check_opens(folder, trial)
        if before_open != self.counts:
            trial.lost += 1
            trial.faults.append(f"the data changed: {before_open} != {self.counts}")
        check_backups(folder, trial)
        made = [line.split()[1] for line in run.lines if line.startswith("made ")]
        if made and not (folder.paths.backup_dir / made[0]).exists():
            trial.lost += 1
            trial.faults.append("a backup reported as made is not there")
        return trial


# -- restore -------------------------------------------------------------------------------
class RestoreKind:
    name = "restore"

    def __init__(self, root: Path, *, children: int = 300, later: int = 60) -> None:
        from ss_desktop.demo import DemoService
        from ss_desktop.services.backup_file import write_backup

        self.root = root
        self.template, _site = make_laptop(root / "restore-template", demo=children)
        app, session = self.template.open()
        try:
            keyring = app.keyring
            assert keyring is not None
            self.backup = write_backup(
                app.paths.database, app.key, keyring, root / "old.ssbackup", reason="manual"
            ).path
            DemoService(app, session).populate(later, seed=7)
        finally:
            app.close()
        self.old = children
        self.new = self.template.counts()["child"]

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        from ss_desktop.services.restore import restore_over_damaged, restore_signed_in

        folder = self.template.copy_to(self.root / "restore-work")
        damaged = rng.random() < 0.5
        source = self.backup
        if damaged:
            folder.paths.database.write_bytes(b"")

        def body(report: Report) -> None:
            if damaged:
                report("go")
                restore_over_damaged(
                    LocalApp(folder.paths), source, "admin", PASSWORD, problem="database.empty"
                )
            else:
                app, session = folder.open()
                report("go")
                restore_signed_in(app, session, source, PASSWORD)
            report("restored")

        run = run_child(body, delay)
        trial = Trial(f"{self.name}", run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        self._check(folder, damaged, "restored" in run.lines, trial)
        return trial

    def _check(self, folder: Folder, damaged: bool, reported: bool, trial: Trial) -> None:
        from ss_desktop.services.restore import restore_over_damaged
        from ss_desktop.services.unlock import unlock

        try:
            app, _session = unlock(folder.paths, "admin", PASSWORD)  # completes a restore
            app.close()
        except ServiceError as exc:
            if not (damaged and exc.code == "database.empty" and not reported):
                trial.opened = False
                trial.faults.append(f"does not open: {exc.code}")
                return
            # not restored yet: the empty file is as it was; the restore still works
            if folder.paths.database.stat().st_size != 0:
                trial.faults.append("the damaged file was changed")
            with LocalApp(folder.paths) as app:
                restore_over_damaged(app, self.backup, "admin", PASSWORD)
        if not folder.integrity():
            trial.corrupt += 1
        children = folder.counts()["child"]
        if children not in (self.old, self.new) or (reported and children != self.old):
            trial.lost += 1
            trial.faults.append(f"{children} children after the restore")
        if children == self.old and not damaged:  # the replaced data is in a backup
            saved = list(folder.paths.backup_dir.glob("auto-*-before-restore.ssbackup"))
            from ss_desktop.services.backup_file import read_manifest

            if not any((m := read_manifest(p)) and m.children == self.new for p in saved):
                trial.lost += 1
                trial.faults.append("the replaced data is in no backup")
        check_backups(folder, trial)


# -- schema upgrade ------------------------------------------------------------------------
class UpgradeKind:
    name = "upgrade"
    FROM = "0004"

    def __init__(self, root: Path, *, children: int = 1500) -> None:
        from alembic import command

        from ss_desktop.db.migrate import alembic_config, open_database

        self.root = root
        self.template, _site = make_laptop(root / "upgrade-template", demo=children)
        paths = self.template.paths
        engine = open_database(paths.database, self.template.key, backup_dir=paths.backup_dir)
        try:
            with engine.connect() as conn:
                command.downgrade(alembic_config(conn), self.FROM)  # as the older release left it
                conn.commit()
        finally:
            engine.dispose()
        for old in paths.backup_dir.glob("*"):
            old.unlink()
        self.counts = self.template.counts()

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        from ss_desktop.db.keyring import Keyring
        from ss_desktop.db.migrate import head_revision
        from ss_desktop.services.opening import open_data
        from ss_desktop.services.unlock import unlock

        folder = self.template.copy_to(self.root / "upgrade-work")
        assert folder.query("SELECT version_num FROM alembic_version")[0][0] == self.FROM

        def body(report: Report) -> None:
            keyring = Keyring.load(folder.paths.keyring)
            key = keyring.unwrap("admin", PASSWORD)  # the password, before the upgrade starts
            report("go")
            open_data(LocalApp(folder.paths), key, keyring)
            report("upgraded")

        run = run_child(body, delay)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        try:
            app, _session = unlock(folder.paths, "admin", PASSWORD)  # finishes the upgrade
            app.close()
        except Exception as exc:  # noqa: BLE001 - a finding
            trial.opened = False
            trial.faults.append(f"does not open: {type(exc).__name__}: {exc}")
            return trial
        if folder.query("SELECT version_num FROM alembic_version")[0][0] != head_revision():
            trial.faults.append("not upgraded")
        if not folder.integrity():
            trial.corrupt += 1
        after = folder.counts()
        for table in ("child", "guardian", "consent", "outbox"):
            if after[table] != self.counts[table]:
                trial.lost += abs(after[table] - self.counts[table])
                trial.faults.append(f"{table}: {self.counts[table]} -> {after[table]}")
        check_backups(folder, trial)
        return trial
