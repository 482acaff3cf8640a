"""Consent decides what is stored and what leaves the laptop (issue #7, part 3).

Domain rules (sensitive fields, the sync gate), the service's refusal of sensitive details
without the sensitive scope, and what the outbox hands to a push: held-back children, the
sensitive values stripped, nothing personal after a withdrawal.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from ss_core.domain.consent import (
    SENSITIVE_SCOPE_REQUIRED,
    SYNC_HOLD,
    SYNC_SEND,
    SYNC_WITHDRAWN,
    check_sensitive_consent,
    consent_state,
    holds_sensitive_value,
    sync_gate,
)
from ss_core.domain.errors import ValidationFailed
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity, PullChange
from ss_desktop.db import child_search
from ss_desktop.db import sync_store as store
from ss_desktop.db.write import Change
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.messages import issue_text
from tests.unit.services_fixtures import add_site, child_form, make_app

TODAY = date(2026, 6, 1)
UNDER_14 = date(2016, 3, 1)


def consent(*scopes: str, **over: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "giver_name": "李秀英",
        "giver_relationship": "mother",
        "giver_role": "legal_guardian",
        "method": "paper_signed",
        "given_on": "2025-09-01",
        "notice_version": "2025-01",
        "scopes": list(scopes) or ["registration"],
    }
    fields.update(over)
    return fields


@pytest.fixture()
def env(tmp_path):
    app, session = make_app(tmp_path)
    site = add_site(app)
    yield app, ChildrenService(app, session), site
    app.close()


def outbox(app) -> list[tuple[int, str, dict]]:
    with app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        rows = cur.execute("SELECT device_seq, entity, fields FROM outbox ORDER BY device_seq")
        return [(seq, entity, json.loads(fields)) for seq, entity, fields in rows]


def sent(app) -> list:
    """What a push (or a USB bundle) would send now."""
    return store.pending_ops(app.engine, 1000)


# -- domain ----------------------------------------------------------------------------------


class TestDomain:
    def test_which_values_are_sensitive(self) -> None:
        assert holds_sensitive_value("hardship", "dibao")
        assert holds_sensitive_value("disability_types", ["visual"])
        assert holds_sensitive_value("autism", True)
        assert holds_sensitive_value("care_placement", "residential")
        for name, value in [
            ("hardship", "none"),
            ("hardship", "unknown"),
            ("autism", False),
            ("disability_types", []),
            ("care_placement", None),
            ("surname", "王"),
            ("categories", ["disability"]),
        ]:
            assert not holds_sensitive_value(name, value), (name, value)

    def test_sensitive_values_need_the_sensitive_scope(self) -> None:
        fields = {"hardship": "dibao", "disability_types": ["visual"], "autism": False}
        only_registration = consent_state(
            [consent("registration")], child_dob=UNDER_14, child_dob_precision="exact", today=TODAY
        )
        issues = check_sensitive_consent(fields, only_registration)
        assert [(i.code, i.field) for i in issues] == [
            (SENSITIVE_SCOPE_REQUIRED, "disability_types"),
            (SENSITIVE_SCOPE_REQUIRED, "hardship"),
        ]
        both = consent_state(
            [consent("registration", "sensitive")],
            child_dob=UNDER_14,
            child_dob_precision="exact",
            today=TODAY,
        )
        assert check_sensitive_consent(fields, both) == []

    def test_sync_gate(self) -> None:
        def gate(consents, known=False):
            state = consent_state(
                consents, child_dob=UNDER_14, child_dob_precision="exact", today=TODAY
            )
            return sync_gate(state, known_at_head_office=known)

        withdrawn = consent(withdrawn_on="2026-01-05", withdrawal_reason="family moved")
        assert gate([]) == SYNC_HOLD  # under 14, no guardian consent
        assert gate([consent()]) == SYNC_SEND
        assert gate([withdrawn], known=True) == SYNC_WITHDRAWN
        assert gate([withdrawn], known=False) == SYNC_HOLD  # head office never had it
        assert gate([withdrawn, consent()], known=True) == SYNC_SEND  # another consent holds
        # a 10-year-old cannot consent alone: still held back
        assert gate([consent(giver_role="self", giver_relationship="self")]) == SYNC_HOLD


# -- the service refuses sensitive details without the sensitive scope -----------------------


def test_sensitive_detail_without_sensitive_consent_is_refused_and_nothing_saved(env) -> None:
    app, service, site = env
    before = outbox(app)
    form = child_form(site, hardship="dibao", disability_types=["hearing"], disability_grade=3)
    with pytest.raises(ValidationFailed) as info:
        service.register(form)  # the fixture's consent has the registration scope only
    issues = info.value.issues
    assert {(i.code, i.field) for i in issues} == {
        (SENSITIVE_SCOPE_REQUIRED, "hardship"),
        (SENSITIVE_SCOPE_REQUIRED, "disability_types"),
        (SENSITIVE_SCOPE_REQUIRED, "disability_grade"),
    }
    text = issue_text(issues[0])
    assert "consent for sensitive details" in text and "Sensitive details" in text
    assert outbox(app) == before
    assert service.search("").rows == []


def test_sensitive_detail_is_saved_with_the_sensitive_scope(env) -> None:
    app, service, site = env
    form = child_form(site, hardship="dibao")
    form.consents[0]["scopes"] = ["registration", "sensitive"]
    child_id = service.register(form).child_id
    assert service.get(child_id)["hardship"] == "dibao"
    (child_op,) = [op for op in sent(app) if op.entity is Entity.CHILD]
    assert child_op.fields["hardship"] == "dibao"


def test_adding_a_sensitive_detail_later_needs_the_scope_too(env) -> None:
    app, service, site = env
    child_id = service.register(child_form(site)).child_id
    with pytest.raises(ValidationFailed) as info:
        service.update(child_id, ChildForm({"care_placement": "residential"}))
    assert [i.field for i in info.value.issues] == ["care_placement"]
    assert service.get(child_id)["care_placement"] is None
    # "none" tells nothing sensitive: allowed
    service.update(child_id, ChildForm({"hardship": "none"}))
    assert service.get(child_id)["hardship"] == "none"


def test_sensitive_values_without_consent_are_not_pushed(env) -> None:
    """Values stored before the rule (or by a path other than the form) stay on the laptop."""
    app, service, site = env
    child_id = service.register(child_form(site)).child_id
    app.writer.save([Change(Entity.CHILD, child_id, {"hardship": "tekun"})], actor="test")
    child_ops = [op for op in sent(app) if op.record_id == child_id]
    assert child_ops and all("hardship" not in op.fields for op in child_ops)
    assert child_ops[0].fields["surname"] == "单"  # the rest of the record goes


def test_withdrawing_the_sensitive_scope_clears_the_details_everywhere(env) -> None:
    app, service, site = env
    form = child_form(site, hardship="dibao", autism=True)
    form.consents = [consent("registration"), consent("sensitive")]
    child_id = service.register(form).child_id
    sensitive = next(c for c in service.get(child_id)["consents"] if c["scopes"] == ["sensitive"])
    result = service.withdraw_consent(
        child_id, sensitive["id"], withdrawn_on="2026-01-05", reason="guardian asked"
    )
    child = service.get(child_id)
    assert child["hardship"] is None and not child["autism"]
    assert not result.consent_pending  # the registration consent still holds
    last_child_op = [op for op in sent(app) if op.record_id == child_id][-1]
    assert last_child_op.fields["hardship"] is None  # the clearing goes to head office


def test_withdrawal_needs_a_reason(env) -> None:
    app, service, site = env
    child_id = service.register(child_form(site)).child_id
    consent_id = service.get(child_id)["consents"][0]["id"]
    with pytest.raises(ValidationFailed) as info:
        service.withdraw_consent(child_id, consent_id, withdrawn_on="2026-01-05", reason="")
    assert "consent.withdrawal_reason_required" in info.value.codes
    assert service.get(child_id)["consents"][0]["withdrawn_on"] is None


# -- held back until consent -----------------------------------------------------------------


def test_child_under_14_without_consent_is_held_back_until_consent(env) -> None:
    app, service, site = env
    form = child_form(site, dob="2016-03-01")
    form.consents = []
    result = service.register(form)
    assert result.consent_pending
    assert sent(app) and all(op.record_id != result.child_id for op in sent(app))
    held = [seq for seq, entity, _ in outbox(app) if seq < 0]
    assert len(held) == 3  # the child and two guardians, parked
    assert store.held_count(app.engine) == 3
    page = child_search.search_children(app.engine, "", status="active", limit=10)
    assert [r.consent_pending for r in page.rows] == [True]

    first = [op.device_seq for op in sent(app)]
    result = service.update(result.child_id, ChildForm({}, [], [consent()]))
    assert not result.consent_pending
    ops = sent(app)
    released = [op for op in ops if op.device_seq not in first]
    assert [op.entity for op in released] == [
        Entity.CHILD,
        Entity.GUARDIAN,
        Entity.GUARDIAN,
        Entity.CONSENT,
    ]
    seqs = [op.device_seq for op in ops]
    assert seqs == list(range(1, len(seqs) + 1))  # no gap for head office
    assert store.held_count(app.engine) == 0


def test_a_consented_child_is_not_held_back(env) -> None:
    app, service, site = env
    child_id = service.register(child_form(site)).child_id
    assert {op.entity for op in sent(app) if op.record_id == child_id} == {Entity.CHILD}
    assert store.held_count(app.engine) == 0


def test_withdrawal_before_head_office_had_the_child_sends_nothing_personal(env) -> None:
    app, service, site = env
    child_id = service.register(child_form(site)).child_id
    consent_id = service.get(child_id)["consents"][0]["id"]
    service.withdraw_consent(
        child_id, consent_id, withdrawn_on="2026-01-05", reason="family moved away"
    )
    text = json.dumps([op.model_dump(mode="json") for op in sent(app)], ensure_ascii=False)
    for personal in ("单", "雄信", "李秀英", "13912345678", "341222", "五(2)班"):
        assert personal not in text
    child_ops = [op for op in sent(app) if op.record_id == child_id]
    assert child_ops[0].deleted and child_ops[0].fields == {"site_id": site}


def test_a_consent_pulled_from_head_office_releases_changes_held_here(env) -> None:
    """A child arrives from head office before its consent (another page of the pull); an
    edit made here in between is held back, and goes once the consent is pulled."""
    app, service, site = env
    child_id, consent_id = new_id(), new_id()
    child = {
        "surname": "王",
        "given_name": "小明",
        "gender": 1,
        "dob": "2016-02-03",
        "dob_precision": "exact",
        "site_id": site,
        "stage": "primary",
        "grade": 3,
    }
    stamp = str(app.writer.clock.now())
    app.writer.apply_remote(
        [
            PullChange(
                seq=1, entity=Entity.CHILD, record_id=child_id, version=1, hlc=stamp, fields=child
            )
        ]
    )
    service.update(child_id, ChildForm({"class_name": "三(1)班"}))
    assert all(op.record_id != child_id for op in sent(app))
    assert store.held_count(app.engine) == 1

    pulled = consent() | {"child_id": child_id}
    app.writer.apply_remote(
        [
            PullChange(
                seq=2,
                entity=Entity.CONSENT,
                record_id=consent_id,
                version=1,
                hlc=str(app.writer.clock.now()),
                fields=pulled,
            )
        ]
    )
    assert store.held_count(app.engine) == 0
    ops = sent(app)
    assert [op.fields for op in ops if op.record_id == child_id] == [{"class_name": "三(1)班"}]
    seqs = [op.device_seq for op in ops]
    assert seqs == list(range(1, len(seqs) + 1))
    # and the next local save numbers on from there
    service.update(child_id, ChildForm({"notes": "喜欢画画"}))
    seqs = [op.device_seq for op in sent(app)]
    assert seqs == list(range(1, len(seqs) + 1))
