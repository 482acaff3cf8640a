"""`ss-desktop demo` on a laptop enrolled with head office puts the children at the laptop's
own sites (head office refuses records of any other site), and a second run adds no site
and no programme; on a laptop that is not enrolled a second run reuses the demo's sites.
Real ss-hq process, the command line as a user runs it."""

from __future__ import annotations

import json

from ss_desktop.__main__ import main
from ss_desktop.services.sites import SitesService
from tests.integration.harness import PASSWORD


def _demo(laptop, capsys, *args: str) -> tuple[int, str, str]:
    laptop.app.close()  # the command opens the data folder itself
    data = str(laptop.paths.data_dir)
    code = main(["--data-dir", data, "--user", "admin", "--lang", "en", "demo", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _reopen(laptops, laptop):
    from ss_desktop.services.unlock import unlock

    laptop.app, laptop.session = unlock(laptop.paths, "admin", PASSWORD)
    return laptop


def _waiting_children(laptop) -> int:
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        return cur.execute(
            "SELECT count(DISTINCT record_id) FROM outbox WHERE entity = 'child' AND acked = 0"
        ).fetchone()[0]


def _site_ids(laptop) -> list[str]:
    return sorted(s.id for s in SitesService(laptop.app, laptop.session).list_sites())


def test_demo_on_an_enrolled_laptop_uses_its_own_sites(hq, laptops, capsys, monkeypatch):
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", PASSWORD)
    own = sorted([hq.site(), hq.site()])
    laptop = laptops.new()
    laptop.enroll(hq, *own)

    # enrolled, but its sites have not come from head office yet: a clear message, nothing added
    code, _out, err = _demo(laptop, capsys, "--count", "10")
    assert code == 2 and "Sync once, then add the demo children" in err
    _reopen(laptops, laptop)
    assert laptop.child_rows() == {}
    laptop.sync()
    assert _site_ids(laptop) == own

    code, out, err = _demo(laptop, capsys, "--count", "60", "--seed", "2", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert (report["children"], report["sites"]) == (60, 0)
    _reopen(laptops, laptop)
    assert _site_ids(laptop) == own
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        used = {r[0] for r in cur.execute("SELECT DISTINCT site_id FROM child")}
        programs = cur.execute("SELECT count(*) FROM program").fetchone()[0]
    assert used <= set(own)

    pushed = laptop.sync()
    assert pushed.rejected == 0 and laptop.quarantine() == []
    # every child reached head office but those that wait for a guardian's consent
    assert len(hq.records("child")) + _waiting_children(laptop) == 60

    code, out, err = _demo(laptop, capsys, "--count", "20", "--seed", "3", "--json")
    assert code == 0, err
    again = json.loads(out)
    assert (again["children"], again["sites"], again["programs"]) == (20, 0, 0)
    _reopen(laptops, laptop)
    assert _site_ids(laptop) == own
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        assert cur.execute("SELECT count(*) FROM program").fetchone()[0] == programs
    second = laptop.sync()
    assert second.rejected == 0 and laptop.quarantine() == []
    assert len(hq.records("child")) + _waiting_children(laptop) == 80


def test_a_second_demo_on_a_laptop_not_enrolled_adds_no_site(laptops, capsys, monkeypatch):
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", PASSWORD)
    laptop = laptops.new()
    assert _demo(laptop, capsys, "--count", "30", "--seed", "1")[0] == 0
    _reopen(laptops, laptop)
    first = _site_ids(laptop)
    assert len(first) == 19
    code, out, err = _demo(laptop, capsys, "--count", "30", "--seed", "9", "--json")
    assert code == 0, err
    assert (json.loads(out)["sites"], json.loads(out)["programs"]) == (0, 0)
    _reopen(laptops, laptop)
    assert _site_ids(laptop) == first
    assert len(laptop.child_rows()) == 60
