"""A disk that fills up during save, bulk import, a pull from head office and a backup.

Each scenario puts the data folder on a small tmpfs of its own, fills the rest of it with a
file, and works until the disk is full. Then: the message must say so ("The disk is full"),
the data must pass ``PRAGMA integrity_check`` with everything committed still there, and
once the filler is removed the same work must succeed.

Mounting needs root or a user namespace: :func:`run_disk_full` runs the scenarios in a child
process under ``unshare`` (a private mount namespace: nothing stays mounted, even after a
crash). ``python -m bench.reliability_faults`` runs them in this process (as root).
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.reliability_kinds import make_laptop
from bench.reliability_ops import PASSWORD, Folder, rng_child

SCENARIOS = ("save", "import", "pull", "backup")


def unshare_command() -> list[str] | None:
    """How to get a private mount namespace here, or None."""
    if shutil.which("unshare") is None:
        return None
    flags = ["--mount"] if os.geteuid() == 0 else ["--mount", "--map-root-user"]
    probe = subprocess.run(["unshare", *flags, "true"], capture_output=True, text=True, check=False)
    return ["unshare", *flags] if probe.returncode == 0 else None


def run_disk_full(scenarios: tuple[str, ...] = SCENARIOS, timeout: float = 900) -> dict[str, Any]:
    """Each scenario's findings (see :func:`scenario_results`); {} when mounting is impossible."""
    prefix = unshare_command()
    if prefix is None:
        return {}
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "bench.reliability_faults", *scenarios],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"disk-full scenarios failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def mount_tmpfs(where: Path, size_mb: int) -> None:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(where)], check=True
    )


def fill(folder: Path, leave: int) -> Path:
    """A file that takes all the free space of *folder*'s disk but *leave* bytes."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    wanted = stat.f_bavail * stat.f_frsize - leave
    block = b"\0" * (1024 * 1024)
    with filler.open("wb") as handle:
        try:
            while wanted > 0:
                handle.write(block[: min(len(block), wanted)])
                wanted -= len(block)
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return filler


def message_of(exc: BaseException) -> str:
    from ss_desktop.services.messages import describe_error
    from ss_desktop.services.sync_messages import sync_error_text
    from ss_desktop.sync.errors import SyncError

    if isinstance(exc, SyncError):
        return sync_error_text(exc.code, exc.params)
    return describe_error(exc)[0]


def _until_full(work: Callable[[], Any], limit: int = 100_000) -> tuple[list[Any], BaseException]:
    done = []
    for _ in range(limit):
        try:
            done.append(work())
        except Exception as exc:  # noqa: BLE001 - the full disk, examined by the caller
            return done, exc
    raise AssertionError("the disk never filled up")


def _verdict(result: dict[str, Any]) -> dict[str, Any]:
    result["ok"] = bool(
        "disk is full" in result["message"].lower()
        and result["lost"] == 0
        and result["integrity"]
        and result["usable_after"]
    )
    return result


def scenario_save(root: Path) -> dict[str, Any]:
    from ss_desktop.services.children import ChildrenService

    folder, site = make_laptop(root / "data")
    filler = fill(root, leave=2 * 1024 * 1024)
    app, session = folder.open()
    rng = random.Random(3)
    service = ChildrenService(app, session)
    saved, exc = _until_full(lambda: service.register(rng_child(site, rng)).child_id)
    app.close()
    ids = {r[0] for r in folder.query("SELECT id FROM child")}
    result = {
        "saved_before_full": len(saved),
        "message": message_of(exc),
        "lost": len(set(saved) - ids),
        "integrity": folder.integrity(),
    }
    filler.unlink()
    app, session = folder.open()
    try:
        ChildrenService(app, session).register(rng_child(site, rng))
        result["usable_after"] = True
    finally:
        app.close()
    return _verdict(result)


def scenario_import(root: Path) -> dict[str, Any]:
    from ss_desktop.services.importing import ImportService
    from ss_desktop.services.importing.service import BATCH_ROWS
    from tests.unit.import_fixtures import good_rows, write_csv

    folder, site = make_laptop(root / "data")
    path = write_csv(Path(tempfile.mkdtemp()) / "class.csv", good_rows(2000, seed=9))
    app, session = folder.open()
    service = ImportService(app, session)
    source = service.open(path)
    preview = service.preview(source, source.suggested, site, check_existing=False)
    app.close()
    filler = fill(root, leave=5 * 1024 * 1024)
    app, session = folder.open()
    reported: list[int] = []
    try:
        ImportService(app, session).run(preview, progress=lambda d, t: reported.append(d))
        raise AssertionError("the import fitted on the full disk")
    except AssertionError:
        raise
    except Exception as exc:  # noqa: BLE001 - the full disk
        message = message_of(exc)
    finally:
        app.close()
    children = folder.query("SELECT count(*) FROM child")[0][0]
    done = max(reported, default=0)
    result = {
        "imported_before_full": children,
        "message": message,
        "lost": max(0, done - children),
        "integrity": folder.integrity() and children % BATCH_ROWS == 0,
    }
    filler.unlink()
    app, session = folder.open()
    try:
        again = ImportService(app, session).run(preview)
        result["usable_after"] = again.imported == len(preview.valid_rows)
    finally:
        app.close()
    return _verdict(result)


def scenario_pull(root: Path) -> dict[str, Any]:
    from bench.reliability_sync import SyncWorld
    from ss_desktop.config import AppPaths
    from ss_desktop.services.accounts import Accounts
    from ss_desktop.services.setup import initialize
    from ss_desktop.services.sync import SyncService

    elsewhere = Path(tempfile.mkdtemp(prefix="ss-hq-"))
    world = SyncWorld(elsewhere)  # head office and the writer on the ordinary disk
    try:
        world.register(400, random.Random(4))
        world.round(world.writer)
        paths = AppPaths.resolve(root / "data")  # the laptop that pulls, on the small disk
        app = initialize(paths, admin="admin", password=PASSWORD)
        SyncService(app, Accounts(app).sign_in("admin", PASSWORD)).enroll(
            world.hq.url, world.hq.code(world.site)
        )
        app.close()
        folder = Folder.at(paths.data_dir)
        filler = fill(root, leave=2 * 1024 * 1024)
        try:
            report = world.round(folder)
            raise AssertionError(f"the pull fitted on the full disk: {report}")
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - the full disk
            message = message_of(exc)
        result = {
            "pulled_before_full": folder.query("SELECT count(*) FROM child")[0][0],
            "message": message,
            "integrity": folder.integrity(),
        }
        filler.unlink()
        report = world.round(folder)
        pulled = {r[0] for r in folder.query("SELECT id FROM child")}
        result["lost"] = len(set(world.hq.records("child")) - pulled)
        result["usable_after"] = report.checksum_ok is True and not report.pending
        return _verdict(result)
    finally:
        world.close()
        shutil.rmtree(elsewhere, ignore_errors=True)


def scenario_backup(root: Path) -> dict[str, Any]:
    from ss_desktop.services.auto_backup import DAILY, AutoBackups

    folder, _site = make_laptop(root / "data", demo=150)
    before = folder.counts()
    filler = fill(root, leave=folder.paths.database.stat().st_size // 2)
    app, _session = folder.open()
    try:
        AutoBackups(app).run(DAILY, force=True)
        raise AssertionError("the backup fitted on the full disk")
    except AssertionError:
        raise
    except Exception as exc:  # noqa: BLE001 - the full disk
        message = message_of(exc)
    finally:
        app.close()
    leftovers = [p.name for p in folder.paths.backup_dir.iterdir()]
    result = {
        "message": message,
        "left_in_backup_folder": leftovers,
        "lost": 0 if folder.counts() == before else 1,
        "integrity": folder.integrity() and not leftovers,
    }
    filler.unlink()
    app, _session = folder.open()
    try:
        made = AutoBackups(app).run(DAILY, force=True).made
        result["usable_after"] = made is not None and made.path.exists()
    finally:
        app.close()
    return _verdict(result)


def scenario_results(scenarios: list[str], base: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name in scenarios:
        where = base / name
        mount_tmpfs(where, 48)
        try:
            results[name] = globals()[f"scenario_{name}"](where)
        except Exception as exc:  # noqa: BLE001 - reported as a failed scenario
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        finally:
            subprocess.run(["umount", "-l", str(where)], check=False)
        print(f"disk full during {name}: {results[name]}", file=sys.stderr, flush=True)
    return results


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scenarios = [a for a in sys.argv[1:] if a in SCENARIOS] or list(SCENARIOS)
    with tempfile.TemporaryDirectory(prefix="ss-full-") as tmp:
        results = scenario_results(scenarios, Path(tmp))
    print(json.dumps(results, ensure_ascii=False))
    return 0 if all(r.get("ok") for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
