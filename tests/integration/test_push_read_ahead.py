"""While head office applies one push batch, the laptop reads the next one from its outbox
(ss_desktop.sync.runner). A read-ahead batch is used only if nothing was written meanwhile;
these tests write in the middle of a push, against a real ``ss-hq serve``."""

from __future__ import annotations

import random

from sqlmodel import Session, col, select

from ss_desktop.sync.policy import BatchSizer
from ss_hq.core.models import AppliedOp, ChangeHistory
from tests.integration.harness import child_form
from tests.integration.test_consent_sync import guardian_consent


def _small_batches(laptop, size: int = 4):
    service = laptop.sync_service()
    service.push_batch = BatchSizer(size=size, maximum=size)
    return service


def test_a_multi_batch_push_arrives_exactly_once_in_order(hq, laptops):
    site = hq.site()
    laptop = laptops.new("a")
    device_id = laptop.enroll(hq, site)
    rng = random.Random(3)
    ids = [laptop.register(site, rng) for _ in range(7)]  # 21 changes: 6 batches of 4
    report = _small_batches(laptop).sync_round(attempts=1, sleep=lambda s: None)
    assert (report.pushed, report.rejected, report.pending) == (21, 0, 0)
    assert report.checksum_ok is True
    assert hq.applied_seqs(device_id) == list(range(1, 22))
    assert set(ids) <= set(hq.records("child"))


def test_a_withdrawal_made_during_the_push_is_honoured_by_the_batches_read_ahead(hq, laptops):
    site = hq.site()
    laptop = laptops.new("a")
    device_id = laptop.enroll(hq, site)
    rng = random.Random(4)
    first = [laptop.register(site, rng)]  # changes 1-3: the first batch
    form = child_form(site, rng, surname="翟", given_name="文静")
    form.consents = [guardian_consent()]
    late = laptop.children.register(form).child_id  # changes 4-6: the batch read ahead
    first.append(laptop.register(site, rng))
    phone = form.guardians[0]["phone"]
    consent_id = laptop.children.get(late)["consents"][0]["id"]
    done: list[int] = []

    def progress(phase: str, pushed: int, total: int | None) -> None:
        # After the first batch is acknowledged, the next one is already read: withdraw the
        # consent of a child whose changes are still to go, and register another child.
        if phase == "push" and pushed and not done:
            done.append(pushed)
            laptop.children.withdraw_consent(
                late, consent_id, withdrawn_on="2026-10-01", reason="不再参加"
            )
            laptop.register(site, rng)

    report = _small_batches(laptop, 3).sync_round(
        progress=progress, attempts=1, sleep=lambda s: None
    )
    assert done == [3]
    assert report.rejected == 0 and report.checksum_ok is True
    assert report.pending == report.waiting_for_consent  # only what consent holds back
    # Every change arrived once, in order, including those written during the push.
    seqs = hq.applied_seqs(device_id)
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == report.pushed
    assert set(first) <= set(hq.records("child"))
    # Nothing personal of the withdrawn child ever reached head office, not even in history.
    record = hq.records("child").get(late)
    assert record is None or (record.deleted and record.fields.get("surname") is None)
    with Session(hq.engine) as session:
        sent = session.exec(
            select(ChangeHistory).where(col(ChangeHistory.record_id).in_(_late_ids(hq, late)))
        ).all()
        assert session.exec(select(AppliedOp)).all()
    texts = " ".join(repr(h.changes) for h in sent)
    assert "翟" not in texts and "文静" not in texts and phone not in texts


def _late_ids(hq, child_id: str) -> list[str]:
    """The child and the guardians and consents head office holds for it."""
    ids = [child_id]
    for entity in ("guardian", "consent"):
        ids += [r.id for r in hq.records(entity).values() if r.child_id == child_id]
    return ids
