"""The byte-counting TCP proxy of the sync benchmark (bench/bench_sync.py), in a process of
its own: every byte of every HTTP request and response, headers included, is counted the same
way for our sync and for PouchDB's; it can also shape the link (rate and latency each way,
delivered segment by segment as a real link does).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing as mp
import time
from typing import Any

SEGMENT = 1460  # bytes per delivery on a shaped link (a TCP segment)


class Link:
    """Shared-memory knobs and counters of the proxy process."""

    def __init__(self, ctx: Any) -> None:
        self.up = ctx.Value("q", 0, lock=False)  # client -> server bytes
        self.down = ctx.Value("q", 0, lock=False)  # server -> client bytes
        self.rate_bps = ctx.Value("q", 0, lock=False)  # 0: unlimited
        self.latency_ms = ctx.Value("q", 0, lock=False)  # one way
        self.port = ctx.Value("i", 0, lock=False)

    def total(self) -> int:
        return int(self.up.value + self.down.value)

    def shape(self, rate_bps: int, latency_ms: int) -> None:
        self.rate_bps.value, self.latency_ms.value = rate_bps, latency_ms


def _proxy_main(target_port: int, link: Link) -> None:
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # torn-down connections
    asyncio.run(_proxy(target_port, link))


async def _proxy(target_port: int, link: Link) -> None:
    async def pipe(reader: Any, writer: Any, counter: Any) -> None:
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
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(deliver())
        free_at = 0.0
        try:
            while True:
                data = await reader.read(65536)
                counter.value += len(data)
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
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            pipe(reader, up_writer, link.up),
            pipe(up_reader, writer, link.down),
            return_exceptions=True,
        )
        up_writer.close()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    link.port.value = server.sockets[0].getsockname()[1]
    async with server:
        await server.serve_forever()


class CountingProxy:
    def __init__(self, target_port: int) -> None:
        ctx = mp.get_context("spawn")
        self.link = Link(ctx)
        self.process = ctx.Process(target=_proxy_main, args=(target_port, self.link), daemon=True)

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
