"""A loopback TCP proxy that misbehaves on purpose (asyncio, in a background thread).

Between a laptop and head office it can: cut a connection after N bytes in either direction,
reset connections (RST), delay every chunk (latency), throttle to a bit rate (2G), answer with
garbage or an HTTP 500 instead of forwarding, or stall (accept and never answer).

    proxy = FaultProxy(target_port).start()
    proxy.set(Faults(cut_downstream_after=120))   # every connection from now on
    proxy.set(Faults())                          # behave again
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Faults:
    cut_upstream_after: int | None = None  # laptop -> head office bytes before the cut
    cut_downstream_after: int | None = None  # head office -> laptop bytes before the cut
    reset: bool = False  # RST as soon as the connection is accepted
    latency_s: float = 0.0  # added to every chunk, each way
    rate_bps: int | None = None  # bits per second, each way
    garbage: bytes | None = None  # answer this (raw) instead of forwarding
    stall: bool = False  # read the request, never answer


GARBAGE_JSON = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
    b'Connection: close\r\n\r\n{"changes": [tru'
)
HTTP_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
    b"Connection: close\r\n\r\noops!"
)
BAD_ZSTD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: zstd\r\n"
    b"Content-Length: 12\r\nConnection: close\r\n\r\n\x28\xb5\x2f\xfdgarbage!"
)
CHUNK = 1024


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.faults = Faults()
        self.connections = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, faults: Faults) -> None:
        self.faults = faults

    def start(self) -> FaultProxy:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        future.result(timeout=10)
        return self

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def _stop() -> None:
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(_stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    # -------------------------------------------------------------------------- per client
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        faults = self.faults
        self.connections += 1
        try:
            if faults.reset:
                _reset(writer)
                return
            if faults.garbage is not None or faults.stall:
                await reader.read(65536)
                if faults.stall:
                    await asyncio.sleep(3600)
                writer.write(faults.garbage or b"")
                await writer.drain()
                return
            try:
                up_reader, up_writer = await asyncio.open_connection(*self.target)
            except OSError:
                _reset(writer)
                return
            up = asyncio.ensure_future(
                self._pump(reader, up_writer, faults.cut_upstream_after, faults, "up")
            )
            down = asyncio.ensure_future(
                self._pump(up_reader, writer, faults.cut_downstream_after, faults, "down")
            )
            done, pending = await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
            if any(task.result() == "cut" for task in done):
                for task in pending:
                    task.cancel()
                _reset(writer)
                _reset(up_writer)
                return
            await asyncio.wait(pending, timeout=30)
            for task in pending:
                task.cancel()
            up_writer.close()
        except (ConnectionError, asyncio.CancelledError, OSError):
            pass
        finally:
            writer.close()

    async def _pump(
        self,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
        limit: int | None,
        faults: Faults,
        direction: str,
    ) -> str:
        sent = 0
        try:
            while True:
                data = await source.read(CHUNK)
                if not data:
                    if sink.can_write_eof():
                        sink.write_eof()
                    return "eof"
                if limit is not None and sent + len(data) >= limit:
                    data = data[: max(0, limit - sent)]
                    sink.write(data)
                    await sink.drain()
                    return "cut"
                if faults.latency_s:
                    await asyncio.sleep(faults.latency_s)
                if faults.rate_bps:
                    await asyncio.sleep(len(data) * 8 / faults.rate_bps)
                sink.write(data)
                await sink.drain()
                sent += len(data)
                if direction == "up":
                    self.bytes_up += len(data)
                else:
                    self.bytes_down += len(data)
        except (ConnectionError, OSError):
            return "error"


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST instead of FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
