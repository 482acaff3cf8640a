"""Password hashing, the same on the laptop and at head office: Argon2id.

The shipped cost is argon2-cffi's default profile (RFC 9106's second recommendation:
3 passes over 64 MiB, 4 lanes), about a third of a second on an old laptop. On the laptop a
user's hash also fixes the cost of deriving the key that unwraps the database key
(ss_desktop.db.keyring), so one cost protects both.

``PASSWORDS`` is the one hasher both programs use. Only the test suite lowers its cost
(``use_cost``), so that it does not spend its minutes hashing; a test checks, in a fresh
process, that the cost which ships is ``SHIPPED_COST``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from argon2 import PasswordHasher


@dataclass(frozen=True)
class Cost:
    time_cost: int
    memory_cost: int  # KiB
    parallelism: int


SHIPPED_COST = Cost(time_cost=3, memory_cost=65536, parallelism=4)


class PasswordHashing:
    """An Argon2id ``PasswordHasher`` whose cost can be set once (tests only)."""

    def __init__(self, cost: Cost = SHIPPED_COST) -> None:
        self._cost = cost
        self._hasher = PasswordHasher(**asdict(cost))

    @property
    def cost(self) -> Cost:
        return self._cost

    def use_cost(self, cost: Cost) -> None:
        """Hash new passwords at *cost* from now on (the test suite's cheap cost)."""
        self._cost = cost
        self._hasher = PasswordHasher(**asdict(cost))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """True, or raises argon2's ``VerificationError`` / ``InvalidHashError``."""
        return self._hasher.verify(password_hash, password)

    def check_needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)


PASSWORDS = PasswordHashing()
