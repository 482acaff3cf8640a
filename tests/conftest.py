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

# Passwords are hashed at a trivial cost in the suite (tests/fixtures/passwords.py).
from ss_core.passwords import PASSWORDS  # noqa: E402
from tests.fixtures.passwords import TEST_COST  # noqa: E402

PASSWORDS.use_cost(TEST_COST)
