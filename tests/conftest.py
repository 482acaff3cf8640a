"""Settings shared by every test."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Machines running the suite are small and busy: wall-clock deadlines make property tests
# flaky without testing anything a user notices.
settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Argon2 at the shipped cost (64 MiB, 3 passes) takes a third of a second or more per hash, and
# every data folder, sign-in and staff account hashes: the suite hashes at a trivial cost
# instead. tests/unit/test_password_cost.py checks, in fresh processes, that the shipped cost
# is what ships.
from ss_core.passwords import PASSWORDS, Cost  # noqa: E402

PASSWORDS.use_cost(Cost(time_cost=1, memory_cost=64, parallelism=1))
