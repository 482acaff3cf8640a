"""Recovery with head office's key (issue 7): a laptop whose users all forgot their passwords.

A real `ss-hq serve` enrolls the laptop (the database key is sealed to head office's key
then); the request, head office's answer and the new admin password go through the real
command lines, with the laptop's data locked the whole time until the answer arrives.
"""

from __future__ import annotations

import json

import pytest

from ss_desktop.__main__ import main as desktop
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import SignInError
from ss_desktop.services.unlock import unlock
from ss_hq.__main__ import main as hq_cli

NEW_PASSWORD = "Second-chance-2040"


def _desktop(laptop, *args):
    return desktop(["--data-dir", str(laptop.paths.data_dir), *args])


def _forget_everything(laptop):
    """Nobody knows a password any more: the app is closed and stays locked."""
    laptop.app.close()
    with pytest.raises(SignInError):
        unlock(laptop.paths, "admin", "a-guess-2040")


def test_head_office_recovers_a_laptop_whose_passwords_are_all_forgotten(
    hq, laptops, tmp_path, monkeypatch, capsys
):
    site = hq.site()
    laptop = laptops.new()
    laptop.enroll(hq, site)
    child_id = laptop.register(site)
    assert laptop.app.keyring.recovery_entry() is not None  # sealed at enrollment
    _forget_everything(laptop)

    request, answer = tmp_path / "request.json", tmp_path / "answer.json"
    assert _desktop(laptop, "recovery", "request", str(request)) == 0
    assert child_id not in request.read_text()  # no data travels, only the sealed key
    assert hq_cli(["--db", hq.database_url, "recover-key", str(request), "--out", str(answer)]) == 0
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", NEW_PASSWORD)
    assert _desktop(laptop, "recovery", "apply", str(answer), "--admin", "admin") == 0
    assert "Sign in as 'admin'" in capsys.readouterr().out

    app, session = unlock(laptop.paths, "admin", NEW_PASSWORD)
    with app:
        assert ChildrenService(app, session).get(child_id)["id"] == child_id
        with app.engine.connect() as conn:
            actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log")]
        assert "recovery_reset" in actions


def test_an_answer_that_is_tampered_or_for_another_laptop_is_refused(
    hq, laptops, tmp_path, monkeypatch, capsys
):
    site = hq.site()
    first, second = laptops.new(), laptops.new()
    for laptop in (first, second):
        laptop.enroll(hq, site)
        _forget_everything(laptop)
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", NEW_PASSWORD)
    answers = {}
    for laptop in (first, second):
        request, answer = tmp_path / f"{laptop.name}.req", tmp_path / f"{laptop.name}.ans"
        assert _desktop(laptop, "recovery", "request", str(request)) == 0
        assert (
            hq_cli(["--db", hq.database_url, "recover-key", str(request), "--out", str(answer)])
            == 0
        )
        answers[laptop.name] = answer
    capsys.readouterr()

    # the second laptop's answer on the first laptop
    assert _desktop(first, "recovery", "apply", str(answers[second.name]), "--admin", "admin") == 2
    assert "not head office's answer" in capsys.readouterr().err
    # one changed character in the sealed key
    data = json.loads(answers[first.name].read_text())
    text = data["sealed"]["ciphertext"]
    data["sealed"]["ciphertext"] = ("A" if text[0] != "A" else "B") + text[1:]
    tampered = tmp_path / "tampered.ans"
    tampered.write_text(json.dumps(data))
    assert _desktop(first, "recovery", "apply", str(tampered), "--admin", "admin") == 2
    assert "not head office's answer" in capsys.readouterr().err
    # the genuine answer still works afterwards: nothing was changed by the refusals
    assert _desktop(first, "recovery", "apply", str(answers[first.name]), "--admin", "admin") == 0
    unlock(first.paths, "admin", NEW_PASSWORD)[0].close()


def test_a_request_is_refused_by_another_head_office_and_without_enrollment(
    hq, laptops, tmp_path, capsys
):
    lonely = laptops.new()  # never enrolled: nothing was sealed for head office
    lonely.app.close()
    assert _desktop(lonely, "recovery", "request", str(tmp_path / "r.json")) == 2
    assert "never enrolled" in capsys.readouterr().err
    # a garbage request at head office
    junk = tmp_path / "junk.json"
    junk.write_text("not json at all")
    assert (
        hq_cli(
            ["--db", hq.database_url, "recover-key", str(junk), "--out", str(tmp_path / "a.json")]
        )
        == 2
    )
    assert "not a recovery request" in capsys.readouterr().err
