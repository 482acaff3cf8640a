"""The byte-counting TCP proxy of the sync benchmarks (bench/bench_sync.py,
bench/bench_sync_faults.py) and of the flaky-link tests, in a process of its own: every byte of
every HTTP request and response, headers included, is counted the same way for our sync and for
PouchDB's; it can also shape the link (rate and latency each way, delivered segment by segment
as a real link does) and make it drop like a rural mobile link:

* *cuts*: each connection is cut (RST both ways) once a number of bytes drawn at random
  between ``cut_min`` and ``cut_max`` has gone through it, both directions together;
* *resets*: each 4 KB that goes through a connection resets it with probability
  ``reset_per_mille`` / 1000.

Faults strike where bytes are delivered (after the shaping), as on a real link: the bytes
before the fault arrive, the rest never does. Draws come from one seeded generator, so a run
can be repeated.

Given a *capture* folder, the proxy also writes there the bytes each connection delivered in
each direction and how it ended (``N.up``, ``N.down``, ``N.json``), for
:mod:`bench.sync_wire` to break the bytes down by request.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import multiprocessing as mp
import random
import socket
import struct
import time
from pathlib import Path
from typing import Any

SEGMENT = 1460  # bytes per delivery on a shaped link (a TCP segment)
RESET_CHUNK = 4096  # a reset is drawn for each of these many bytes delivered


class Link:
    """Shared-memory knobs and counters of the proxy process."""

    def __init__(self, ctx: Any) -> None:
        self.up = ctx.Value("q", 0, lock=False)  # client -> server bytes
        self.down = ctx.Value("q", 0, lock=False)  # server -> client bytes
        self.rate_bps = ctx.Value("q", 0, lock=False)  # 0: unlimited
        self.latency_ms = ctx.Value("q", 0, lock=False)  # one way
        self.port = ctx.Value("i", 0, lock=False)
        self.cut_min = ctx.Value("q", 0, lock=False)  # 0: no cuts
        self.cut_max = ctx.Value("q", 0, lock=False)
        self.reset_per_mille = ctx.Value("q", 0, lock=False)
        self.seed = ctx.Value("q", 0, lock=False)
        self.cuts = ctx.Value("q", 0, lock=False)  # connections cut so far
        self.resets = ctx.Value("q", 0, lock=False)  # connections reset so far
        self.connections = ctx.Value("q", 0, lock=False)

    def total(self) -> int:
        return int(self.up.value + self.down.value)

    def shape(self, rate_bps: int, latency_ms: int) -> None:
        self.rate_bps.value, self.latency_ms.value = rate_bps, latency_ms

    def drop(self, cut: tuple[int, int] | None, reset_per_mille: int = 0, seed: int = 0) -> None:
        """Faults of the connections opened from now on (None, 0: none)."""
        self.cut_min.value, self.cut_max.value = cut or (0, 0)
        self.reset_per_mille.value = reset_per_mille
        self.seed.value = seed

    def faults(self) -> dict[str, int]:
        return {
            "connections": int(self.connections.value),
            "cuts": int(self.cuts.value),
            "resets": int(self.resets.value),
        }


class _Doom:
    """When one connection dies: after a random number of bytes (a cut) or at a 4 KB chunk
    whose draw comes up (a reset), whichever comes first."""

    def __init__(self, link: Link, rng: random.Random) -> None:
        low, high = int(link.cut_min.value), int(link.cut_max.value)
        self.cut_at = rng.randint(low, max(low, high)) if low > 0 else None
        self.chance = int(link.reset_per_mille.value) / 1000
        self.rng = rng
        self.delivered = 0
        self.next_draw = RESET_CHUNK
        self.dead = False
        self.fault: str | None = None

    def room(self, size: int) -> tuple[int, str | None]:
        """How many of the next *size* bytes get through, and why the rest does not."""
        end = self.delivered + size
        fault: str | None = None
        stop = end
        if self.chance:
            while self.next_draw <= end:
                if self.rng.random() < self.chance:
                    stop, fault = self.next_draw, "reset"
                    break
                self.next_draw += RESET_CHUNK
        if self.cut_at is not None and self.cut_at <= stop:
            stop, fault = self.cut_at, "cut"
        self.delivered = min(end, stop)
        return stop - (end - size), fault


def _proxy_main(target_port: int, link: Link, capture: str | None = None) -> None:
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # torn-down connections
    asyncio.run(_proxy(target_port, link, Path(capture) if capture else None))


class _Capture:
    """The bytes one connection delivered each way, and how it ended (see the module)."""

    def __init__(self, folder: Path | None, number: int) -> None:
        self.folder, self.number = folder, number
        self.data: dict[str, bytearray] = {"up": bytearray(), "down": bytearray()}
        self.fault: str | None = None

    def add(self, direction: str, data: bytes) -> None:
        if self.folder is not None:
            self.data[direction] += data

    def close(self) -> None:
        if self.folder is None:
            return
        for direction, data in self.data.items():
            (self.folder / f"{self.number}.{direction}").write_bytes(bytes(data))
        (self.folder / f"{self.number}.json").write_text(json.dumps({"fault": self.fault}))


async def _proxy(target_port: int, link: Link, capture: Path | None = None) -> None:
    rng = random.Random()
    seeded = None

    def kill(*writers: Any) -> None:
        """RST both ways: the connection dies as when a mobile link drops."""
        for writer in writers:
            sock = writer.get_extra_info("socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()

    async def pipe(
        reader: Any, writer: Any, counter: Any, doom: _Doom, both: tuple, record: Any
    ) -> None:
        # A link model: bytes are serialized at rate_bps (one queue per direction) and
        # delivered latency_ms after they finished serializing; unlimited when rate is 0.
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    with contextlib.suppress(OSError):
                        if writer.can_write_eof():
                            writer.write_eof()
                    return
                delay = due - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                if doom.dead:
                    return
                passed, fault = doom.room(len(data))
                if passed:
                    writer.write(data[:passed])
                    counter.value += passed
                    record(data[:passed])
                if fault is not None:
                    doom.dead = True
                    doom.fault = fault
                    if fault == "cut":
                        link.cuts.value += 1
                    else:
                        link.resets.value += 1
                    with contextlib.suppress(OSError, ConnectionError):
                        await writer.drain()
                    kill(*both)
                    return
                await writer.drain()

        sender = asyncio.ensure_future(deliver())
        free_at = 0.0
        try:
            while not doom.dead:
                data = await reader.read(65536)
                rate, latency = link.rate_bps.value, link.latency_ms.value / 1000
                now = loop.time()
                if rate and data:
                    # Segment by segment, as a real link delivers them: a 60 KB body read
                    # at once must not reach the server in one piece 10 s later.
                    for i in range(0, len(data), SEGMENT):
                        segment = data[i : i + SEGMENT]
                        free_at = max(free_at, now) + len(segment) * 8 / rate
                        queue.put_nowait((free_at + latency, segment))
                else:
                    queue.put_nowait((now + latency, data))
                if not data:
                    break
            await sender
        except (ConnectionError, OSError):
            sender.cancel()

    async def handle(reader: Any, writer: Any) -> None:
        nonlocal seeded
        if seeded != link.seed.value:
            seeded = link.seed.value
            rng.seed(seeded)
        link.connections.value += 1
        doom = _Doom(link, rng)
        seen = _Capture(capture, int(link.connections.value))
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            writer.close()
            return
        both = (writer, up_writer)
        await asyncio.gather(
            pipe(reader, up_writer, link.up, doom, both, lambda d: seen.add("up", d)),
            pipe(up_reader, writer, link.down, doom, both, lambda d: seen.add("down", d)),
            return_exceptions=True,
        )
        up_writer.close()
        writer.close()
        seen.fault = doom.fault
        seen.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    link.port.value = server.sockets[0].getsockname()[1]
    async with server:
        await server.serve_forever()


class CountingProxy:
    def __init__(self, target_port: int, capture: Path | None = None) -> None:
        ctx = mp.get_context("spawn")
        self.link = Link(ctx)
        args = (target_port, self.link, str(capture) if capture else None)
        self.process = ctx.Process(target=_proxy_main, args=args, daemon=True)

    def __enter__(self) -> CountingProxy:
        self.process.start()
        deadline = time.monotonic() + 30
        while not self.link.port.value:
            if time.monotonic() > deadline:
                raise RuntimeError("the counting proxy did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.link.port.value}"
