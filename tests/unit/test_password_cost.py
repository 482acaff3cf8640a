"""The suite hashes passwords cheaply (tests/conftest.py); the programs must not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from argon2 import extract_parameters

from ss_core.passwords import SHIPPED_COST

REPO = Path(__file__).resolve().parents[2]


def test_the_shipped_cost_is_rfc_9106s_second_recommendation() -> None:
    assert (SHIPPED_COST.time_cost, SHIPPED_COST.memory_cost, SHIPPED_COST.parallelism) == (
        3,
        64 * 1024,
        4,
    )


def test_a_fresh_process_hashes_at_the_shipped_cost() -> None:
    code = (
        "import json; from ss_core.passwords import PASSWORDS; "
        "print(json.dumps(PASSWORDS.cost.__dict__))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == SHIPPED_COST.__dict__


def test_a_data_folder_made_by_the_command_line_holds_shipped_cost_hashes(tmp_path) -> None:
    """`ss-desktop init` in its own process: the admin's hash and the key wrap use the
    shipped cost (what a laptop gets), whatever the test suite uses in its own process."""
    data = tmp_path / "data"
    env = {**os.environ, "SS_DESKTOP_PASSWORD": "Tree-house-42"}
    subprocess.run(
        [sys.executable, "-m", "ss_desktop", "--data-dir", str(data), "init", "--admin", "alice"],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=True,
    )
    keys = json.loads((data / "keys.json").read_text())
    users = keys["users"] if isinstance(keys.get("users"), dict) else None
    assert users and "alice" in users
    argon = users["alice"]["argon2"]
    assert (argon["t"], argon["m"], argon["p"]) == (3, 65536, 4)
    from ss_desktop.config import AppPaths
    from ss_desktop.db import local_users
    from ss_desktop.services.app import LocalApp

    app, _session = LocalApp.unlock(AppPaths.resolve(data), "alice", "Tree-house-42")
    try:
        user = local_users.find_user(app.engine, "alice")
        assert user is not None
        params = extract_parameters(user.password_hash)
        assert (params.time_cost, params.memory_cost, params.parallelism) == (3, 65536, 4)
    finally:
        app.close()
