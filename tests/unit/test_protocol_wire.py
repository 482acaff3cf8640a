"""Wire models refuse what head office must not accept, and ids are UUIDv7."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from ss_core.protocol.ids import is_valid_id, new_id
from ss_core.protocol.wire import (
    Entity,
    PushOp,
    PushRequest,
    scope_checksum,
    scope_checksum_of_lines,
)

HLC = "0001780000000000-00000-dev"


def op(**over):
    base = dict(
        device_seq=1,
        op_id=new_id(),
        entity="child",
        record_id=new_id(),
        hlc=HLC,
        fields={"surname": "王"},
    )
    base.update(over)
    return base


def test_ids_are_uuid7_and_sort_by_creation() -> None:
    ids = [new_id() for _ in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    assert all(is_valid_id(i) for i in ids)
    assert not is_valid_id("not-an-id") and not is_valid_id(42)


def test_push_op_parses_and_rejects_bad_input() -> None:
    parsed = PushOp.model_validate(op())
    assert parsed.entity is Entity.CHILD
    with pytest.raises(ValidationError):
        PushOp.model_validate(op(entity="spaceship"))
    with pytest.raises(ValidationError):
        PushOp.model_validate(op(device_seq=0))
    with pytest.raises(ValidationError):
        PushOp.model_validate(op(unexpected="field"))
    with pytest.raises(ValidationError):
        PushOp.model_validate(op(record_id="1234"))


def test_push_request_caps_batch_size() -> None:
    ops = [op(device_seq=i + 1) for i in range(2001)]
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"device_id": new_id(), "batch_id": new_id(), "ops": ops})


def test_scope_checksum_is_order_independent_and_sensitive_to_versions() -> None:
    a, b = new_id(), new_id()
    assert scope_checksum([(a, 1), (b, 2)]) == scope_checksum([(b, 2), (a, 1)])
    assert scope_checksum([(a, 1), (b, 2)]) != scope_checksum([(a, 1), (b, 3)])
    assert scope_checksum([])[0] == 0
    # the laptop builds the lines in SQL: the same checksum as head office's pairs
    assert scope_checksum_of_lines([f"{b}:2", f"{a}:1"]) == scope_checksum([(a, 1), (b, 2)])
    assert scope_checksum_of_lines([]) == scope_checksum([])
