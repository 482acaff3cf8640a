"""Laptop clocks in 2009 and 2035 (issue 5, item 5): edits are kept, they do not win every
later conflict, and the user is told to fix the clock."""

from __future__ import annotations

from ss_core.protocol.hlc import system_ms
from ss_desktop.services.children import ChildForm

YEAR_MS = 365 * 24 * 3600 * 1000


def _shared_child(hq, laptops):
    site = hq.site()
    a, b = laptops.new("a"), laptops.new("b")
    a.enroll(hq, site)
    b.enroll(hq, site)
    child = a.register(site)
    a.sync()
    b.sync()
    return site, a, b, child


def _notes(hq, child_id):
    return hq.records("child")[child_id].fields.get("notes")


def test_laptop_clock_jumping_back_to_2009(hq, laptops):
    site, a, b, child = _shared_child(hq, laptops)
    laptops.reopen(a, now_ms=lambda: system_ms() - 16 * YEAR_MS)

    b.children.update(child, ChildForm({"notes": "from b"}))
    b.sync()
    a.children.update(child, ChildForm({"notes": "from a, later"}))  # after b's, in real time
    report = a.sync()
    assert report.rejected == 0 and report.restamped == 1
    assert report.clock_warning and "clock" in report.clock_warning
    assert "16 years" in report.clock_warning
    assert _notes(hq, child) == "from a, later"  # the later edit is kept, not lost to b's

    b.sync()
    b.children.update(child, ChildForm({"notes": "from b again"}))
    b.sync()
    a.sync()
    assert _notes(hq, child) == "from b again"  # and it does not win what came after it
    assert a.child_rows()[child]["notes"] == "from b again"
    # A record registered on the wrong clock after the correction is stamped right.
    new_child = a.register(site)
    assert a.sync().pushed == 3
    stamp = hq.records("child")[new_child].hlc
    assert abs(int(stamp.split("-")[0]) - system_ms()) < 3_600_000


def test_laptop_clock_jumping_ahead_to_2035(hq, laptops):
    site, a, b, child = _shared_child(hq, laptops)
    laptops.reopen(a, now_ms=lambda: system_ms() + 10 * YEAR_MS)

    a.children.update(child, ChildForm({"notes": "from a in 2035"}))
    report = a.sync()
    # Not refused as "more than a day in the future": stamped with head office's time.
    assert report.rejected == 0 and report.restamped == 1
    assert report.clock_warning and "ahead" in report.clock_warning
    assert _notes(hq, child) == "from a in 2035"
    stamp = hq.records("child")[child].hlc
    assert int(stamp.split("-")[0]) < system_ms() + 60_000

    b.sync()
    b.children.update(child, ChildForm({"notes": "from b, later"}))
    b.sync()
    a.sync()
    assert _notes(hq, child) == "from b, later"  # 2035 does not win every later conflict
    assert a.child_rows()[child]["notes"] == "from b, later"
    # After the correction the same laptop's next edit wins again, as a later edit should.
    a.children.update(child, ChildForm({"notes": "from a, after the fix"}))
    a.sync()
    assert _notes(hq, child) == "from a, after the fix"


def test_fresh_laptop_set_to_2009_registers_before_its_first_contact(hq, laptops):
    site = hq.site()
    a = laptops.new("a", now_ms=lambda: system_ms() - 16 * YEAR_MS)
    child = a.register(site)
    a.enroll(hq, site)  # the enrollment answer carries head office's time
    report = a.sync()
    assert report.pushed == 3 and report.rejected == 0
    assert report.clock_warning is not None
    stamp = hq.records("child")[child].hlc
    assert abs(int(stamp.split("-")[0]) - system_ms()) < 3_600_000
