"""Builders shared by the service and CLI tests: a real data folder, real database."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from stdnum.cn import ric

from ss_desktop.demo import site_change
from ss_desktop.demo.data import DemoSite
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.children import ChildForm
from tests.fixtures.data_folder import initialized_app

ADMIN_PASSWORD = "Tree-house-42"


def make_app(tmp_path: Path) -> tuple[LocalApp, UserSession]:
    app = initialized_app(tmp_path / "data", admin="admin", password=ADMIN_PASSWORD)
    session = Accounts(app).sign_in("admin", ADMIN_PASSWORD)
    return app, session


def add_site(app: LocalApp, code: str = "SH-MS-01", division: str = "310112") -> str:
    site = DemoSite(
        id=f"0190{random.Random(code).getrandbits(28):07x}-0000-7000-8000-000000000000"[:36],
        code=code,
        name="上海市闵行区测试随迁子女学校",
        site_type="migrant_school",
        division_code=division,
        boarding=False,
        city_tier=1,
    )
    app.writer.save([site_change(site)], actor="test")
    return site.id


def fake_id_number(county: str, dob: date, male: bool, seq: int = 12) -> str:
    body = f"{county}{dob:%Y%m%d}{seq:02d}{1 if male else 2}"
    return body + ric.calc_check_digit(body + "0")


def child_form(site_id: str, **over) -> ChildForm:
    fields = {
        "surname": "单",
        "given_name": "雄信",
        "gender": 1,
        "dob": "2014-05-06",
        "dob_precision": "exact",
        "site_id": site_id,
        "stage": "primary",
        "grade": 5,
        "school_system": "6-3-3",
        "class_name": "五(2)班",
        "hukou_type": "resident",
        "hukou_division": "341222",
        "residence_division": "310112",
        "categories": ["migrant"],
    }
    fields.update(over)
    guardians = [
        {
            "name": "单建国",
            "relationship": "father",
            "is_legal_guardian": True,
            "is_primary_caregiver": False,
            "phone": "13912345678",
            "status": "working_away",
        },
        {
            "name": "李秀英",
            "relationship": "mother",
            "is_legal_guardian": True,
            "is_primary_caregiver": True,
            "phone": "15800001111",
            "status": "with_child",
        },
    ]
    consents = [
        {
            "giver_name": "李秀英",
            "giver_relationship": "mother",
            "giver_role": "legal_guardian",
            "method": "paper_signed",
            "given_on": "2024-09-01",
            "notice_version": "2024-01",
            "scopes": ["registration"],
            "child_assent": True,
        },
    ]
    return ChildForm(fields, guardians, consents)
