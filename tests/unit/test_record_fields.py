"""The columns both sides share (ss_core.protocol.record_fields): the laptop's tables have exactly
these fields, and values a laptop could not store are named with a stable code."""

from __future__ import annotations

import pytest

from ss_core.protocol.record_fields import (
    RECORD_FIELDS,
    Kind,
    field_problems,
    stored_problems,
    value_problem,
)
from ss_core.protocol.wire import INT64_MAX, INT64_MIN, Entity
from ss_desktop.db.tables import JSON_LIST_FIELDS, SYNCED_TABLES, data_fields

PYTHON_TYPES = {"str": Kind.TEXT, "int": Kind.INTEGER, "bool": Kind.BOOLEAN}


def _kind(entity: Entity, name: str) -> Kind:
    if name in JSON_LIST_FIELDS.get(entity, ()):
        return Kind.TEXT_LIST
    annotation = str(SYNCED_TABLES[entity].model_fields[name].annotation)
    base = annotation.replace("<class '", "").replace("'>", "").split(" |")[0]
    return PYTHON_TYPES[base]


@pytest.mark.parametrize("entity", list(SYNCED_TABLES))
def test_the_laptop_tables_have_exactly_the_shared_fields(entity):
    assert tuple(RECORD_FIELDS[entity]) == data_fields(entity)
    assert {n: _kind(entity, n) for n in data_fields(entity)} == RECORD_FIELDS[entity]


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        (Kind.TEXT, "王小明", None),
        (Kind.TEXT, "emoji \U0001f600 is a scalar value", None),
        (Kind.TEXT, "lone \ud800", "text.invalid_characters"),
        (Kind.TEXT, "low \udfff alone", "text.invalid_characters"),
        (Kind.TEXT, "a\x00b", "text.invalid_characters"),
        (Kind.TEXT, 5, "value.invalid_type"),
        (Kind.INTEGER, INT64_MAX, None),
        (Kind.INTEGER, INT64_MIN, None),
        (Kind.INTEGER, INT64_MAX + 1, "value.out_of_range"),
        (Kind.INTEGER, INT64_MIN - 1, "value.out_of_range"),
        (Kind.INTEGER, float("nan"), "value.not_finite"),
        (Kind.INTEGER, float("inf"), "value.not_finite"),
        (Kind.INTEGER, 2.0, "value.invalid_type"),
        (Kind.INTEGER, True, "value.invalid_type"),
        (Kind.BOOLEAN, 1, "value.invalid_type"),
        (Kind.BOOLEAN, False, None),
        (Kind.TEXT_LIST, ["migrant"], None),
        (Kind.TEXT_LIST, ["\ud800"], "text.invalid_characters"),
        (Kind.TEXT_LIST, [1], "value.invalid_type"),
        (Kind.TEXT_LIST, "migrant", "value.invalid_type"),
        (Kind.TEXT, None, None),
        (None, {"a": [1, 2.5, "x"]}, None),
        (None, {"a": [float("-inf")]}, "value.not_finite"),
        (None, {"\ud800": 1}, "field_name.invalid"),
    ],
)
def test_value_problems(kind, value, problem):
    assert value_problem(kind, value) == problem


def test_field_problems_name_the_field_never_the_value():
    problems = field_problems(
        Entity.CHILD,
        {"surname": "王", "notes": "秘密\ud800", "favourite_colour": "blue", "grade": 2**63},
    )
    assert problems == [
        "text.invalid_characters@notes",
        "field.unknown@favourite_colour",
        "value.out_of_range@grade",
    ]
    assert "秘密" not in " ".join(problems)
    # Head office's own fields (merged_into) are not refused when not asked to.
    assert field_problems(Entity.CHILD, {"merged_into": "x"}, known_only=False) == []


def test_stored_problems_also_check_stamps_and_unknown_entities():
    assert stored_problems("child", {"surname": "王"}, ["0001-00000-a\ud800"]) == ["hlc.invalid"]
    assert stored_problems("child", {"extra": 2**64}) == ["value.out_of_range@extra"]
    assert stored_problems("something_new", {"x": "ok", "y": "\x00"}) == [
        "text.invalid_characters@y"
    ]
