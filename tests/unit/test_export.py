"""Export of the children list: .xlsx and .csv (UTF-8 with BOM), role columns, audit."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import PermissionDenied
from ss_desktop.services.exporting import ExportService, columns_for_role
from tests.unit.services_fixtures import add_site, child_form, make_app


@pytest.fixture
def env(tmp_path):
    app, session = make_app(tmp_path)
    site = add_site(app)
    other = add_site(app, code="SH-MS-02")
    children = ChildrenService(app, session)
    children.register(child_form(site))
    children.register(
        child_form(site, given_name="小红", gender=2, stage="junior", grade=1, id_number=None)
    )
    children.register(child_form(other, surname="王", given_name="五", id_number=None))
    yield app, session, site, tmp_path
    app.close()


def test_csv_has_bom_and_the_filtered_rows(env):
    app, session, site, tmp = env
    result = ExportService(app, session).export(
        tmp / "list.csv", filters={"site_id": site, "stage": "primary"}
    )
    raw = (tmp / "list.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Name" and result.rows == 1
    assert rows[1][0] == "单雄信"
    assert "13912345678" in rows[1]  # an admin sees the guardian's phone


def test_xlsx_export_of_everything(env):
    app, session, site, tmp = env
    result = ExportService(app, session).export(tmp / "list.xlsx")
    values = list(load_workbook(tmp / "list.xlsx").active.values)
    assert result.rows == 3 and len(values) == 4
    assert {v[0] for v in values[1:]} == {"单雄信", "单小红", "王五"}


def test_volunteer_and_teacher_columns_hide_id_phone_address():
    for role in ("volunteer", "teacher"):
        columns = columns_for_role(role)
        assert "id_number" not in columns and "guardian1_phone" not in columns
        assert "hukou_place" not in columns and "residence_place" not in columns
    assert "id_number" in columns_for_role("coordinator")


def test_teacher_may_not_export(env):
    app, session, site, tmp = env
    with pytest.raises(PermissionDenied):
        ExportService(app, replace(session, role="teacher"))


def test_export_is_audited_without_values(env):
    app, session, site, tmp = env
    ExportService(app, session).export(tmp / "list.csv")
    with app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        action, detail = cur.execute(
            "SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert action == "export"
    detail = json.loads(detail)
    assert detail["count"] == 3 and detail["format"] == "csv"
    assert "单" not in json.dumps(detail, ensure_ascii=False)


def test_formula_like_cells_stay_text(env):
    app, session, site, tmp = env
    ChildrenService(app, session).register(
        child_form(site, surname="李", given_name="明", class_name="=1+1", id_number=None)
    )
    ExportService(app, session).export(tmp / "list.csv")
    text = (tmp / "list.csv").read_text(encoding="utf-8-sig")
    assert "'=1+1" in text
