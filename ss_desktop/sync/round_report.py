"""What a sync round tells its caller: as it goes (:class:`RoundObserver`: progress, each
batch, each retry) and at the end (:class:`RoundReport`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from ss_desktop.sync.retry import RetryEvent

# progress(phase, done, total): phase is "push", "pull", "check" or "audit"; total may be None.
ProgressCallback = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BatchDone:
    """A batch went through: *size* changes (pull: received; audit: rows) in *seconds*;
    *done* of *total* so far in its phase; bytes on the wire so far in the round."""

    phase: str
    size: int
    done: int
    total: int | None
    seconds: float
    bytes_sent: int
    bytes_received: int


@dataclass
class RoundObserver:
    """What a round tells its caller as it goes (each optional)."""

    progress: ProgressCallback | None = None
    batch: Callable[[BatchDone], None] | None = None
    retry: Callable[[RetryEvent], None] | None = None


@dataclass
class RoundReport:
    pushed: int = 0  # changes head office acknowledged in this round
    pulled: int = 0  # changes received and merged
    rejected: int = 0  # changes head office refused: now in the quarantine
    duplicates: int = 0  # changes head office already had (a resend)
    held_back: int = 0  # changes head office asked to send again later
    resent: int = 0  # acknowledged changes sent again (head office restored from a backup)
    seconds: float = 0.0
    pending: int = 0  # changes still waiting for an acknowledgement
    checksum_ok: bool | None = None
    local_count: int | None = None
    server_count: int | None = None
    refetched: bool = False  # pulled everything again (cursor too old, or a mismatch)
    clock_offset_ms: int = 0
    clock_warning: bool = False
    restamped: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    audit_sent: int = 0  # audit rows head office took in this round
    audit_chain_ok: bool | None = None  # None: nothing sent
    audit_broken_at: int | None = None  # the first audit row id that does not verify
    audit_problem: str | None = None  # ss_core.protocol.audit_chain.ChainProblem value
    audit_message: str | None = None  # head office's English explanation
    retries: int = 0  # requests tried again after a failure on the way
    changed: dict[str, list[str]] = field(default_factory=dict)  # entity -> record ids

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
