"""Head office restored from an older backup (DEPLOY.md, "Backups and the restore drill"):
it has forgotten changes it once acknowledged. A laptop sends them again, by network or by
USB bundle, and nothing is lost or doubled.

Head office runs on SQLite here, restored with SQLite's own backup API; what the laptop sees
(head office acknowledging less than before, and waiting for the changes it lost) is the
same on PostgreSQL."""

from __future__ import annotations

import json
import random
import shutil

import pytest

from ss_desktop.__main__ import main as desktop
from ss_hq.__main__ import main as hq_cli
from tests.integration.harness import PASSWORD, RestorableHQ


@pytest.fixture
def hq(sqlite_template, tmp_path):
    path = tmp_path / "hq.sqlite3"
    shutil.copyfile(sqlite_template, path)
    server = RestorableHQ(path, tmp_path / "hq-logs")
    server.start()
    try:
        yield server
    finally:
        server.close()


def test_a_laptop_sends_again_what_a_restored_head_office_lost(hq, laptops, tmp_path):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    early = [laptop.register(site, random.Random(n)) for n in range(2)]
    assert laptop.sync().pending == 0
    hq.backup(tmp_path / "backup.sqlite3")
    late = [laptop.register(site, random.Random(n)) for n in range(2, 4)]
    assert laptop.sync().pending == 0  # acknowledged: seq 1-12
    hq.restore(tmp_path / "backup.sqlite3")
    assert set(late).isdisjoint(hq.records("child"))
    assert hq.applied_seqs(device_id) == list(range(1, 7))

    newest = laptop.register(site, random.Random(9))
    report = laptop.sync()
    assert report.resent == 6 and report.rejected == 0 and report.pending == 0
    assert report.checksum_ok is True
    assert set(early + late + [newest]) <= set(hq.records("child"))
    assert hq.applied_seqs(device_id) == list(range(1, 16))  # each change once
    # The next round has nothing to send again.
    again = laptop.sync()
    assert (again.pushed, again.resent, again.pending) == (0, 0, 0)


def _desktop(laptop, capsys, *args):
    code = desktop(["--data-dir", str(laptop.paths.data_dir), "--user", "admin", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out) if "--json" in args else out.out


def _import(hq, capsys, bundle, receipt):
    code = hq_cli(
        ["--db", hq.database_url, "import-bundle", str(bundle), "--receipt", str(receipt), "--json"]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_a_bundle_carries_again_what_a_restored_head_office_lost(
    hq, laptops, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", PASSWORD)
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    hq.stop()  # from now on the laptop has no network: USB bundles only
    hq.backup(tmp_path / "backup.sqlite3")
    first = [laptop.register(site, random.Random(n)) for n in range(2)]
    _desktop(laptop, capsys, "bundle", "export", str(tmp_path / "b1.zip"))
    assert _import(hq, capsys, tmp_path / "b1.zip", tmp_path / "r1.json")["statuses"] == {
        "applied": 6
    }
    assert (
        _desktop(laptop, capsys, "bundle", "receive", str(tmp_path / "r1.json"), "--json")[
            "pending"
        ]
        == 0
    )
    hq.restore(tmp_path / "backup.sqlite3")  # head office loses seq 1-6

    second = laptop.register(site, random.Random(5))
    _desktop(laptop, capsys, "bundle", "export", str(tmp_path / "b2.zip"))  # seq 7-9 only
    held = _import(hq, capsys, tmp_path / "b2.zip", tmp_path / "r2.json")
    assert held["acked_through_seq"] == 0
    text = _desktop(laptop, capsys, "bundle", "receive", str(tmp_path / "r2.json"))
    assert "Head office had lost 6 change(s)" in text
    assert laptop.pending() == 9

    exported = _desktop(laptop, capsys, "bundle", "export", str(tmp_path / "b3.zip"), "--json")
    assert (exported["first_seq"], exported["last_seq"]) == (1, 9)
    assert _import(hq, capsys, tmp_path / "b3.zip", tmp_path / "r3.json")["statuses"] == {
        "applied": 9
    }
    received = _desktop(laptop, capsys, "bundle", "receive", str(tmp_path / "r3.json"), "--json")
    assert (received["pending"], received["resent"]) == (0, 0)
    assert set(first + [second]) <= set(hq.records("child"))
    assert hq.applied_seqs(device_id) == list(range(1, 10))
