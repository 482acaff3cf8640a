"""Wrong-password lockout, shared by sign-in before the database is open (the key file keeps
the count) and sign-in on an open database (idle lock, switch user).

After 5 wrong passwords in a row the account is locked for 30 s, doubling with each further
failure (30 s, 60 s, 120 s ... capped at 1 h). A correct password resets it.
"""

from __future__ import annotations

MAX_FAILURES = 5
BASE_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 3600


def lock_seconds(failures: int) -> int:
    if failures < MAX_FAILURES:
        return 0
    # failures >= MAX_FAILURES here, so the power is a whole number
    doubled: int = BASE_LOCK_SECONDS * 2 ** (failures - MAX_FAILURES)
    return min(doubled, MAX_LOCK_SECONDS)
