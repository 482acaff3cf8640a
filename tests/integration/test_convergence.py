"""Three laptops edit each other's records and converge with head office (issue 5, item 2)."""

from __future__ import annotations

import random

from ss_desktop.services.children import ChildForm

FIELDS = ("surname", "given_name", "grade", "status", "class_name", "notes")


def _hq_view(hq) -> dict[str, dict]:
    return {
        rid: {name: record.fields.get(name) for name in FIELDS}
        for rid, record in hq.records("child").items()
    }


def _laptop_view(laptop) -> dict[str, dict]:
    return {rid: {name: row[name] for name in FIELDS} for rid, row in laptop.child_rows().items()}


def test_three_laptops_edit_each_others_records_and_converge(hq, laptops):
    site = hq.site()
    machines = [laptops.new(f"laptop{i}") for i in range(3)]
    for laptop in machines:
        laptop.enroll(hq, site)
    rng = random.Random(7)
    created = {laptop.name: [laptop.register(site, rng) for _ in range(3)] for laptop in machines}
    for laptop in machines:
        laptop.sync()
    for laptop in machines:  # everyone now holds everyone's children
        assert laptop.sync().checksum_ok is True
        assert len(laptop.child_rows()) == 9

    a, b, c = machines
    b_child, c_child, a_child = created["laptop1"][0], created["laptop2"][0], created["laptop0"][0]
    # Different fields of one record on two laptops: both edits survive.
    a.children.update(b_child, ChildForm({"class_name": "三(1)班"}))
    c.children.update(b_child, ChildForm({"notes": "喜欢画画"}))
    # The same field on two laptops: the later edit wins everywhere.
    # (Not "grade": head office refuses a grade edit sent without its stage; see the report.)
    b.children.update(c_child, ChildForm({"class_name": "二(3)班"}))
    a.children.update(c_child, ChildForm({"class_name": "四(1)班"}))
    # An archive on one laptop while another edits the name.
    c.children.archive(a_child, "moved away with the family")
    b.children.update(a_child, ChildForm({"given_name": "子涵"}))

    for _ in range(2):
        for laptop in machines:
            report = laptop.sync()
            assert report.rejected == 0
    reports = [laptop.sync() for laptop in machines]
    assert all(r.checksum_ok for r in reports)
    assert {r.local_count for r in reports} == {reports[0].server_count}

    expected = _hq_view(hq)
    assert expected[b_child]["class_name"] == "三(1)班"
    assert expected[b_child]["notes"] == "喜欢画画"
    assert expected[c_child]["class_name"] == "四(1)班"
    assert expected[a_child]["status"] == "archived"
    assert expected[a_child]["given_name"] == "子涵"
    for laptop in machines:
        assert _laptop_view(laptop) == expected, laptop.name
        assert laptop.pending() == 0
