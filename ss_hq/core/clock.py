"""Head office's notion of now, in wire units (ms since the Unix epoch, UTC)."""

from __future__ import annotations

from ss_core.protocol.hlc import system_ms


def now_ms() -> int:
    return system_ms()
