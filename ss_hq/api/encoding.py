"""Compressed bodies both ways, with a size cap (pure ASGI middleware).

Requests: ``Content-Encoding: zstd`` or ``gzip`` bodies are decompressed before FastAPI sees
them, never beyond ``max_body_bytes`` (413 ``payload_too_large``); a body that does not
decompress is 400 ``malformed``; another encoding is 415 ``unsupported_encoding``.
Responses: compressed with zstd when the request's Accept-Encoding allows it, else gzip.

A push that says ``Push-Partial: apply`` and whose connection is lost before its body has
arrived is still applied as far as it came: the complete ops of the zstd blocks received
(the laptop ends a block every few kilobytes), so the bytes a dropped link carried are not
lost. Nothing is answered (there is nobody to answer); the laptop asks
``GET /api/v1/sync/push/results`` what head office holds (docs/design/sync.md).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import zstandard

from ss_core.protocol.wire import ErrorCode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PUSH_PATH = "/api/v1/sync/push"
PARTIAL_HEADER = b"push-partial"
COMPRESSIBLE = ("application/json", "text/", "application/javascript", "image/svg+xml")


class BodyError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        self.status = status
        self.code = code
        self.message = message


async def _send_error(send: Send, status: int, code: ErrorCode, message: str) -> None:
    body = json.dumps({"code": code.value, "message": message, "details": {}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str:
    key: bytes  # ASGI headers are (name, value) byte pairs
    value: bytes
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def decompress(data: bytes, encoding: str, limit: int) -> bytes:
    """Decode *data*; raises :class:`BodyError` past *limit* bytes or on garbage."""
    too_large = BodyError(
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        f"the request body is larger than {limit} bytes once decompressed; send smaller batches",
    )
    try:
        if encoding == "zstd":
            reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
            out = reader.read(limit + 1)
            # stream_reader.read may return fewer bytes than asked: keep reading.
            chunks = [out]
            total = len(out)
            while out and total <= limit:
                out = reader.read(limit + 1 - total)
                chunks.append(out)
                total += len(out)
            result = b"".join(chunks)
        elif encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            result = inflater.decompress(data, limit + 1)
            if not inflater.eof and len(result) <= limit:
                raise BodyError(400, ErrorCode.MALFORMED, "the gzip body is truncated")
        else:
            raise BodyError(
                415,
                ErrorCode.UNSUPPORTED_ENCODING,
                f"Content-Encoding {encoding!r} is not supported; use zstd or gzip",
            )
    except BodyError:
        raise
    except (zstandard.ZstdError, zlib.error, gzip.BadGzipFile, EOFError, OSError) as exc:
        raise BodyError(
            400, ErrorCode.MALFORMED, f"the {encoding} body does not decompress"
        ) from exc
    if len(result) > limit:
        raise too_large
    return result


class BodyDecodingMiddleware:
    """Reads the whole request body (capped), decompresses it, hands it on uncompressed."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        encoding = _header(scope, b"content-encoding").strip().lower()
        limit = self.max_body_bytes
        # A compressed body is never allowed to be bigger than the decompressed cap.
        declared = _header(scope, b"content-length").strip()
        if declared.isdigit() and int(declared) > limit:
            await _send_error(send, 413, ErrorCode.PAYLOAD_TOO_LARGE, _too_large(limit))
            return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                partial = _partial_push(scope, encoding, b"".join(chunks), limit)
                if partial is not None:
                    await _apply_partial(self.app, scope, partial)
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > limit:
                await _send_error(send, 413, ErrorCode.PAYLOAD_TOO_LARGE, _too_large(limit))
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        headers = list(scope.get("headers", []))
        if encoding and encoding != "identity":
            try:
                body = decompress(body, encoding, limit)
            except BodyError as exc:
                await _send_error(send, exc.status, exc.code, exc.message)
                return
            headers = _decoded_headers(headers, body)
        await self.app(dict(scope, headers=headers), _replay(body, receive), send)


def _partial_push(scope: Scope, encoding: str, data: bytes, limit: int) -> bytes | None:
    """The push request made of the complete ops of a body cut short, or None (not a push
    that allows it, or no complete op)."""
    if (
        scope.get("path") != PUSH_PATH
        or _header(scope, PARTIAL_HEADER).strip().lower() != "apply"
        or encoding != "zstd"
        or not data
    ):
        return None
    try:
        text = zstandard.ZstdDecompressor().decompressobj().decompress(data)
    except zstandard.ZstdError:
        return None
    if len(text) > limit:
        return None
    request = complete_ops(text.decode("utf-8", errors="ignore"))
    if request is None or not request["ops"]:
        return None
    return json.dumps(request).encode()


def complete_ops(text: str) -> dict[str, Any] | None:
    """The fields of a push body cut short (``{"device_id": .., "batch_id": .., "ops": [..``)
    with the ops that arrived whole; None when the fields before ``ops`` did not."""
    decoder = json.JSONDecoder()
    found: dict[str, Any] = {}
    at = _skip(text, 0)
    if not text.startswith("{", at):
        return None
    at += 1
    try:
        while True:
            at = _skip(text, at)
            key, at = decoder.raw_decode(text, at)
            at = _skip(text, at)
            if not isinstance(key, str) or not text.startswith(":", at):
                return None
            at = _skip(text, at + 1)
            if key == "ops":
                break
            found[key], at = decoder.raw_decode(text, at)
            at = _skip(text, at)
            if not text.startswith(",", at):
                return None
            at += 1
    except json.JSONDecodeError:
        return None
    if not text.startswith("[", at) or "device_id" not in found or "batch_id" not in found:
        return None
    ops: list[Any] = []
    at += 1
    while True:
        try:
            op, at = decoder.raw_decode(text, _skip(text, at))
        except json.JSONDecodeError:
            break
        ops.append(op)
        at = _skip(text, at)
        if not text.startswith(",", at):
            break
        at += 1
    return {**found, "ops": ops}


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


async def _apply_partial(app: ASGIApp, scope: Scope, body: bytes) -> None:
    """Run the push of a cut request with the ops that arrived; its answer goes nowhere."""
    headers = _decoded_headers(scope.get("headers", []), body, drop=(b"accept-encoding",))

    async def gone() -> Message:
        return {"type": "http.disconnect"}

    async def nowhere(message: Message) -> None:
        return None

    await app(dict(scope, headers=headers), _replay(body, gone), nowhere)


def _decoded_headers(
    headers: list[tuple[bytes, bytes]], body: bytes, *, drop: tuple[bytes, ...] = ()
) -> list[tuple[bytes, bytes]]:
    """*headers* of a request whose body is now *body*, decompressed: no Content-Encoding,
    its Content-Length (and without the headers named in *drop*)."""
    left_out = (b"content-encoding", b"content-length", *drop)
    kept = [(k, v) for k, v in headers if k.lower() not in left_out]
    return [*kept, (b"content-length", str(len(body)).encode())]


def _replay(body: bytes, then: Receive) -> Receive:
    """A ``receive`` that gives *body* whole once, then whatever *then* gives."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return replay


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes; send smaller batches"


def choose_encoding(accept: str) -> str | None:
    """zstd if the client accepts it, else gzip, else nothing (q=0 means refused)."""
    accepted: dict[str, float] = {}
    for part in accept.split(","):
        bits = part.strip().split(";")
        name = bits[0].strip().lower()
        if not name:
            continue
        quality = 1.0
        for param in bits[1:]:
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        accepted[name] = quality
    for name in ("zstd", "gzip"):
        if accepted.get(name, accepted.get("*", 0.0)) > 0:
            return name
    return None


class ResponseCompressionMiddleware:
    """Compresses whole (non-streamed) responses of compressible types."""

    def __init__(self, app: ASGIApp, *, min_bytes: int) -> None:
        self.app = app
        self.min_bytes = min_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        encoding = choose_encoding(_header(scope, b"accept-encoding"))
        if encoding is None:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def wrapped_send(message: Message) -> None:
            nonlocal start, passthrough
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                by_name = {k.lower(): v for k, v in message.get("headers", [])}
                content_type = by_name.get(b"content-type", b"").decode("latin-1")
                if b"content-encoding" in by_name or not content_type.startswith(COMPRESSIBLE):
                    passthrough = True
                    await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            assert start is not None
            body = b"".join(chunks)
            headers = [
                (k, v)
                for k, v in start.get("headers", [])
                if k.lower() not in (b"content-length", b"content-encoding")
            ]
            if len(body) >= self.min_bytes:
                if encoding == "zstd":
                    body = zstandard.ZstdCompressor(level=3).compress(body)
                else:
                    body = gzip.compress(body, compresslevel=6)
                headers.append((b"content-encoding", encoding.encode()))
                headers.append((b"vary", b"Accept-Encoding"))
            headers.append((b"content-length", str(len(body)).encode()))
            await send(dict(start, headers=headers))
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, wrapped_send)
