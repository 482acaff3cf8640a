"""The per-field merge rule: commutative, associative, idempotent; conflicts classified."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ss_core.protocol.merge import (
    FieldState,
    FieldStatus,
    Stamped,
    merge_fields,
    merge_incoming,
)

field_names = st.sampled_from(["surname", "given_name", "grade", "phone", "notes"])
values = st.one_of(
    st.none(), st.integers(-5, 5), st.text(max_size=3), st.lists(st.integers(0, 3), max_size=2)
)
stamps = st.builds(
    lambda wall, counter, node: f"{wall:016d}-{counter:05d}-{node}",
    st.integers(0, 20),
    st.integers(0, 3),
    st.sampled_from(["a", "b", "c"]),
)
field_maps = st.dictionaries(field_names, st.builds(Stamped, values, stamps), max_size=5)


@given(field_maps, field_maps)
def test_merge_is_commutative(a, b) -> None:
    assert merge_fields(a, b) == merge_fields(b, a)


@given(field_maps, field_maps, field_maps)
def test_merge_is_associative(a, b, c) -> None:
    assert merge_fields(merge_fields(a, b), c) == merge_fields(a, merge_fields(b, c))


@given(field_maps)
def test_merge_is_idempotent(a) -> None:
    assert merge_fields(a, a) == a


@given(field_maps, field_maps)
def test_merge_keeps_every_field_and_the_highest_stamp(a, b) -> None:
    merged = merge_fields(a, b)
    assert set(merged) == set(a) | set(b)
    for name, value in merged.items():
        candidates = [m[name] for m in (a, b) if name in m]
        assert value.hlc == max(c.hlc for c in candidates)


def test_higher_stamp_wins_regardless_of_arrival_order() -> None:
    old = {"grade": Stamped(3, "0000000000000001-00000-a")}
    new = {"grade": Stamped(4, "0000000000000002-00000-b")}
    assert merge_fields(old, new)["grade"].value == 4
    assert merge_fields(new, old)["grade"].value == 4


def test_incoming_edit_on_unchanged_field_is_applied() -> None:
    current = {"grade": FieldState(3, "0000000000000001-00000-a", version=1)}
    out = merge_incoming(current, {"grade": 4}, "0000000000000005-00000-b", base_version=1)
    assert out.fields["grade"].status is FieldStatus.APPLIED
    assert out.changed["grade"].value == 4
    assert not out.conflicts


def test_concurrent_same_field_edit_is_a_conflict_and_keeps_the_loser() -> None:
    # Field rewritten at version 2 by another laptop; the incoming edit was based on version 1.
    current = {"grade": FieldState(5, "0000000000000009-00000-a", version=2)}
    out = merge_incoming(current, {"grade": 4}, "0000000000000005-00000-b", base_version=1)
    conflict = out.fields["grade"]
    assert conflict.status is FieldStatus.CONFLICT
    assert conflict.winner.value == 5  # higher HLC stays
    assert conflict.loser == Stamped(4, "0000000000000005-00000-b")
    assert "grade" not in out.changed


def test_concurrent_edit_with_higher_stamp_wins_but_is_still_flagged() -> None:
    current = {"grade": FieldState(5, "0000000000000003-00000-a", version=2)}
    out = merge_incoming(current, {"grade": 4}, "0000000000000005-00000-b", base_version=1)
    assert out.fields["grade"].status is FieldStatus.CONFLICT
    assert out.changed["grade"].value == 4
    assert out.fields["grade"].loser.value == 5


def test_stale_edit_based_on_current_version_but_older_stamp_is_superseded() -> None:
    current = {"notes": FieldState("x", "0000000000000009-00000-a", version=1)}
    out = merge_incoming(current, {"notes": "y"}, "0000000000000002-00000-b", base_version=1)
    assert out.fields["notes"].status is FieldStatus.SUPERSEDED
    assert not out.changed


def test_same_value_is_unchanged_not_conflict() -> None:
    current = {"grade": FieldState(4, "0000000000000009-00000-a", version=3)}
    out = merge_incoming(current, {"grade": 4}, "0000000000000002-00000-b", base_version=1)
    assert out.fields["grade"].status is FieldStatus.UNCHANGED
    assert not out.changed and not out.conflicts


def test_different_fields_from_two_laptops_are_both_kept() -> None:
    current = {"grade": FieldState(5, "0000000000000009-00000-a", version=2)}
    out = merge_incoming(current, {"notes": "glasses"}, "0000000000000005-00000-b", base_version=1)
    assert out.changed == {"notes": Stamped("glasses", "0000000000000005-00000-b")}
    assert not out.conflicts
