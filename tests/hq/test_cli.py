"""The ss-hq command line: sites, enrollment codes, staff accounts, stats, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from ss_core.protocol.wire import EnrollRequest
from ss_hq.__main__ import main
from ss_hq.core.db import make_engine
from ss_hq.core.models import StaffUser
from ss_hq.core.secrets_hashing import verify_password
from ss_hq.sync.device_service import enroll


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_site_add_and_list(capsys, db):
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "site",
        "add",
        "--code",
        "PD01",
        "--name",
        "浦东新区民工子弟学校",
        "--type",
        "migrant_school",
        "--division",
        "310115",
    )
    assert code == 0 and "PD01" in out
    code, out, _ = run(capsys, "site", "list", "--db", db, "--json")
    assert code == 0
    sites = json.loads(out)["sites"]
    assert [(s["code"], s["name"], s["type"], s["division"]) for s in sites] == [
        ("PD01", "浦东新区民工子弟学校", "migrant_school", "310115")
    ]
    code, _, err = run(
        capsys,
        "--db",
        db,
        "site",
        "add",
        "--code",
        "pd01",
        "--name",
        "x",
        "--type",
        "online",
        "--division",
        "310115",
    )
    assert code == 2 and "already exists" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--code", "A1", "--name", "x", "--type", "castle", "--division", "310115"], "site type"),
        (["--code", "A1", "--name", "x", "--type", "online", "--division", "31011"], "division"),
        (["--code", "a b", "--name", "x", "--type", "online", "--division", "310115"], "site code"),
    ],
)
def test_bad_site_input_exits_2_with_a_message(capsys, db, args, message):
    code, _, err = run(capsys, "--db", db, "site", "add", *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_enroll_code_prints_a_code_that_enrolls_once(capsys, db):
    run(
        capsys,
        "--db",
        db,
        "site",
        "add",
        "--code",
        "CH1",
        "--name",
        "关爱之家",
        "--type",
        "care_home",
        "--division",
        "510104",
    )
    code, out, _ = run(capsys, "--db", db, "enroll-code", "--site", "CH1", "--expires", "2d")
    assert code == 0
    enrollment_code = out.split()[-1]
    engine = make_engine(db)
    with Session(engine) as session:
        response = enroll(session, EnrollRequest(code=enrollment_code, device_name="laptop"), now=1)
    assert len(response.sites) == 1
    code, _, err = run(capsys, "--db", db, "enroll-code", "--site", "NOPE")
    assert code == 2 and "NOPE" in err
    code, _, err = run(capsys, "--db", db, "enroll-code", "--site", "CH1", "--expires", "soon")
    assert code == 2 and "--expires" in err


def test_create_staff_with_password_from_env(capsys, db, monkeypatch):
    monkeypatch.setenv("SS_HQ_PASSWORD", "correct horse battery")
    code, out, _ = run(capsys, "--db", db, "create-staff", "lihua", "--role", "staff")
    assert code == 0 and "lihua" in out
    with Session(make_engine(db)) as session:
        user = session.exec(select(StaffUser)).one()
    assert user.role == "staff"
    assert user.password_hash.startswith("$argon2")
    assert verify_password(user.password_hash, "correct horse battery")
    code, _, err = run(capsys, "--db", db, "create-staff", "lihua", "--role", "staff")
    assert code == 2 and "already exists" in err
    monkeypatch.setenv("SS_HQ_PASSWORD", "short")
    code, _, err = run(capsys, "--db", db, "create-staff", "wang", "--role", "admin")
    assert code == 2 and "at least" in err


def test_stats_json_counts(capsys, db):
    run(
        capsys,
        "--db",
        db,
        "site",
        "add",
        "--code",
        "S1",
        "--name",
        "一小",
        "--type",
        "public_school",
        "--division",
        "110101",
    )
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["sites"] == 1
    for key in ("children", "devices", "open_conflicts", "suspected_duplicates", "changes_applied"):
        assert stats[key] == 0


def test_device_list_and_revoke(capsys, db):
    run(
        capsys,
        "--db",
        db,
        "site",
        "add",
        "--code",
        "S1",
        "--name",
        "一小",
        "--type",
        "public_school",
        "--division",
        "110101",
    )
    _, out, _ = run(capsys, "--db", db, "enroll-code", "--site", "S1")
    with Session(make_engine(db)) as session:
        device_id = enroll(
            session, EnrollRequest(code=out.split()[-1], device_name="pc"), now=1
        ).device_id
    code, out, _ = run(capsys, "--db", db, "device", "list", "--json")
    assert code == 0 and json.loads(out)["devices"][0]["id"] == device_id
    assert run(capsys, "--db", db, "device", "revoke", device_id)[0] == 0
    _, out, _ = run(capsys, "--db", db, "device", "list", "--json")
    assert json.loads(out)["devices"][0]["revoked_at"] is not None
    code, _, err = run(capsys, "--db", db, "device", "revoke", "no-such-device")
    assert code == 2 and "no device" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        [],
        ["site"],
        ["create-staff", "x", "--role", "emperor"],
        ["serve", "--port", "eighty"],
        ["--db", "mysql://somewhere/db", "migrate"],
    ],
)
def test_bad_arguments_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exited:
        code = main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_console_script_runs_as_a_module(tmp_path):
    db = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "ss_hq", "--db", db, "migrate"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "ss_hq", "nonsense"], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
