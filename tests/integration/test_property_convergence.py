"""Hypothesis: 2-3 laptops, random create/edit/archive scripts, random partial syncs and USB
bundle trips -> every replica converges and every change is at head office exactly once
(issue 5, item 7)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from ss_core.protocol.hlc import system_ms
from ss_desktop.services.children import ChildForm
from ss_hq.sync.bundle_service import import_bundle

FIELDS = ("given_name", "class_name", "notes", "status")
TEXT = st.sampled_from(["一班", "二班", "三班", "喜欢画画", "需要眼镜", ""])

step = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 2)),
    st.tuples(
        st.just("edit"),
        st.integers(0, 2),
        st.integers(0, 50),
        st.sampled_from(["class_name", "notes"]),
        TEXT,
    ),
    st.tuples(st.just("archive"), st.integers(0, 2), st.integers(0, 50)),
    st.tuples(st.just("sync"), st.integers(0, 2)),
    st.tuples(st.just("bundle"), st.integers(0, 2)),
)


def _view(rows):
    return {rid: {f: row.get(f) for f in FIELDS} for rid, row in rows.items()}


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(replicas=st.integers(2, 3), script=st.lists(step, min_size=3, max_size=14))
def test_random_scripts_converge_exactly_once(hq, laptops, tmp_path, replicas, script):
    site = hq.site()
    machines = [laptops.new(f"r{len(laptops.made)}") for _ in range(replicas)]
    devices = [m.enroll(hq, site) for m in machines]
    rng = random.Random(len(script))
    for number, action in enumerate(script):
        laptop = machines[action[1] % replicas]
        known = sorted(rid for rid, row in laptop.child_rows().items() if row["status"] == "active")
        if action[0] == "create":
            laptop.register(site, rng)
        elif action[0] == "edit" and known:
            laptop.children.update(
                known[action[2] % len(known)], ChildForm({action[3]: action[4] or None})
            )
        elif action[0] == "archive" and known:
            laptop.children.archive(known[action[2] % len(known)], "left the programme")
        elif action[0] == "sync":
            laptop.sync()
        elif action[0] == "bundle":
            service = laptop.sync_service()
            bundle = tmp_path / f"{laptop.name}-{number}-{system_ms()}.zip"
            service.export_bundle(bundle)
            with Session(hq.engine) as session:
                result = import_bundle(session, bundle.read_bytes(), now=system_ms())
            receipt = bundle.with_suffix(".receipt")
            receipt.write_bytes(result.receipt)
            service.receive_receipt(receipt)

    for _ in range(2):
        for laptop in machines:
            laptop.sync()
    expected = {
        rid: {f: record.fields.get(f) for f in FIELDS}
        for rid, record in hq.records("child").items()
        if record.site_id == site
    }
    for laptop, device_id in zip(machines, devices, strict=True):
        report = laptop.sync()
        assert report.checksum_ok is True and report.pending == 0
        assert _view(laptop.child_rows()) == expected
        seqs = hq.applied_seqs(device_id)
        assert seqs == list(range(1, len(laptop.outbox_seqs()) + 1))
