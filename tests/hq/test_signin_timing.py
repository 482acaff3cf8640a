"""Staff sign-in costs the same work whether the account exists, is disabled or locked, or the
password is wrong or right: one Argon2 verification with the same parameters, so the answer's
time does not tell an attacker which accounts exist or are locked. (Before, an unknown name
was answered in about 6 ms and a known one in about 300 ms.) Timings themselves are measured
in bench/bench_signin.py."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from sqlmodel import Session, select

from ss_hq.core.models import StaffUser
from tests.hq.test_web_support import PASSWORD, add_staff, sign_in

PARAMS = re.compile(r"^\$argon2(?:id|i|d)\$v=\d+\$(m=\d+,t=\d+,p=\d+)\$")


@pytest.fixture
def verifications(monkeypatch):
    """The Argon2 verifications made, by their cost parameters (m, t, p)."""
    made: list[str] = []
    real = PasswordHasher.verify

    def counted(self, hash, password):
        match = PARAMS.match(hash if isinstance(hash, str) else hash.decode())
        made.append(match.group(1) if match else "not argon2")
        return real(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    return made


def test_every_sign_in_costs_one_argon2_verification_of_the_same_cost(
    client, engine, verifications
):
    add_staff(engine, "known", "staff")
    add_staff(engine, "disabled", "staff")
    add_staff(engine, "locked", "staff")
    with Session(engine) as session:
        user = session.exec(select(StaffUser).where(StaffUser.username == "disabled")).one()
        user.disabled = True
        session.add(user)
        session.commit()
    for _ in range(5):  # five wrong passwords lock the account
        assert sign_in(client, "locked", "wrong-password").status_code == 401
    verifications.clear()
    outcomes = {
        "wrong password": sign_in(client, "known", "wrong-password").status_code,
        "unknown name": sign_in(client, "nobody-by-this-name", PASSWORD).status_code,
        "disabled": sign_in(client, "disabled", PASSWORD).status_code,
        "locked, right password": sign_in(client, "locked", PASSWORD).status_code,
        "right password": sign_in(client, "known", PASSWORD).status_code,  # signs in: last
    }
    assert outcomes == {
        "wrong password": 401,
        "unknown name": 401,
        "disabled": 401,
        "locked, right password": 401,
        "right password": 303,
    }
    assert len(verifications) == len(outcomes)  # exactly one each
    assert len(set(verifications)) == 1 and verifications[0] != "not argon2"
