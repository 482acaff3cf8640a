"""The HTTP side of sync: one httpx client per sync thread, and typed calls of the v1 API.

* TLS certificates are verified (optionally against a custom CA bundle file).
* Plain ``http://`` only to a loopback address, unless ``allow_insecure`` is set.
* Request bodies are zstd-compressed; responses may come back zstd or gzip.
* A *stall* time-out, not a total one: httpx's read/write time-outs limit the time between
  two chunks of bytes, so a slow but moving 2G transfer is never cut, a dead one is. The
  answer to a request with a body may start that much later than the body's transit at
  :data:`SLOWEST_LINK_BYTES_PER_S` (the laptop's network stack takes the whole body at once;
  a 40 KB push batch then needs about 6 s on a 50 kbit/s link before head office has it).
* A push body is one zstd frame whose blocks end every :data:`PUSH_BLOCK_BYTES` of JSON, and
  says ``Push-Partial: apply``: when the link drops while it is on the way, head office
  applies the ops of the blocks that arrived, and :meth:`SyncApi.push_results` tells what it
  holds (docs/design/sync.md, "Riding out a bad link").
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import zstandard
from pydantic import BaseModel, ValidationError

from ss_core.protocol.wire import (
    AuditUploadRequest,
    AuditUploadResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeSummary,
)
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import FAST_LINK_ZSTD_LEVEL

log = logging.getLogger(__name__)

DEFAULT_STALL_SECONDS = 30.0
DEFAULT_CONNECT_SECONDS = 15.0
SLOWEST_LINK_BYTES_PER_S = 4000  # 32 kbit/s: a body's transit is allowed for at this rate
API = "/api/v1"
# A push body's zstd blocks end after this many bytes of JSON (~2 KB compressed): a push cut
# on the way loses at most the block in transit. Smaller blocks compress less well.
PUSH_BLOCK_BYTES = 16_384
Model = TypeVar("Model", bound=BaseModel)

# Head-office error codes that name a user-level problem of their own.
_PASSTHROUGH_CODES = {"invalid_code", "code_expired", "device_revoked"}


@dataclass(frozen=True)
class ConnectionSettings:
    server_url: str
    ca_bundle: str | None = None
    allow_insecure: bool = False
    stall_seconds: float = DEFAULT_STALL_SECONDS
    connect_seconds: float = DEFAULT_CONNECT_SECONDS


def normalize_server_url(url: str, *, allow_insecure: bool = False) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; refuses plain http to
    anything but loopback unless *allow_insecure*."""
    text = (url or "").strip()
    if "://" not in text:
        raise SyncError("bad_url", url=text)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("bad_url", url=text)
    if parts.query or parts.fragment:
        raise SyncError("bad_url", url=text)
    if parts.scheme == "http" and not allow_insecure and not is_loopback(parts.hostname):
        raise SyncError("insecure_url", url=text)
    return text.rstrip("/")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_http_client(settings: ConnectionSettings) -> httpx.Client:
    """An httpx client for one thread; the caller closes it."""
    base = normalize_server_url(settings.server_url, allow_insecure=settings.allow_insecure)
    verify: Any = True
    if settings.ca_bundle:
        path = Path(settings.ca_bundle)
        if not path.is_file():
            raise SyncError("ca_bundle_missing", path=str(path))
        verify = ssl.create_default_context(cafile=str(path))
    timeout = httpx.Timeout(
        connect=settings.connect_seconds,
        read=settings.stall_seconds,
        write=settings.stall_seconds,
        pool=settings.connect_seconds,
    )
    return httpx.Client(
        base_url=base,
        verify=verify,
        timeout=timeout,
        headers={"Accept-Encoding": "zstd, gzip", "User-Agent": "ss-desktop-sync/1"},
        follow_redirects=False,
    )


def _transport_error(exc: httpx.HTTPError) -> SyncError:
    """Name what went wrong on the way: DNS, TLS, a refused or cut connection, a stall."""
    if isinstance(exc, httpx.TimeoutException):
        return SyncError("timeout")
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    for item in chain:
        if isinstance(item, socket.gaierror):
            return SyncError("dns_failure")
        if isinstance(item, ssl.SSLError):
            return SyncError("tls_failure", detail=type(item).__name__)
    text = " ".join(str(item) for item in chain).lower()
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or ("temporary failure in name resolution" in text)
    ):
        return SyncError("dns_failure")
    if "certificate" in text or "ssl" in text or "tls" in text:
        return SyncError("tls_failure", detail="handshake")
    if isinstance(exc, httpx.ConnectError):
        return SyncError("unreachable")
    if isinstance(exc, httpx.DecodingError):
        return SyncError("bad_response", detail="undecodable body")
    return SyncError("connection_lost")


def _retry_after(header: str | None) -> float | None:
    """Seconds of a ``Retry-After: N`` header (a date is not used); None when absent."""
    try:
        seconds = float((header or "").strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def server_seconds(header: str | None) -> float | None:
    """The ``apply`` duration of a ``Server-Timing`` header (``apply;dur=12.5``, in ms), in
    seconds; None when absent or unreadable (an older head office)."""
    for entry in (header or "").split(","):
        name, *params = (part.strip() for part in entry.split(";"))
        if name != "apply":
            continue
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "dur":
                try:
                    seconds = float(value.strip().strip('"')) / 1000
                except ValueError:
                    return None
                return seconds if seconds >= 0 else None
    return None


class SyncApi:
    """Typed calls of the v1 sync API over one httpx client."""

    def __init__(self, http: httpx.Client, token: str | None = None) -> None:
        self.http = http
        self.token = token
        self._compressor = zstandard.ZstdCompressor(level=FAST_LINK_ZSTD_LEVEL)
        self._level = FAST_LINK_ZSTD_LEVEL
        self.bytes_sent = 0
        self.bytes_received = 0
        # Head office's own time on the last call (its Server-Timing "apply" entry), if given.
        self.last_server_seconds: float | None = None
        self.cancel: threading.Event | None = None  # set: the download in progress stops

    def close(self) -> None:
        self.http.close()

    @property
    def compression_level(self) -> int:
        """zstd level of request bodies (the sync runner raises it on a slow link)."""
        return self._level

    @compression_level.setter
    def compression_level(self, level: int) -> None:
        if level != self._level:
            self._compressor = zstandard.ZstdCompressor(level=level)
            self._level = level

    # -- calls --------------------------------------------------------------------------
    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        return self._call("POST", "/devices/enroll", EnrollResponse, body=request, auth=False)

    def push(self, request: PushRequest) -> PushResponse:
        return self._call(
            "POST",
            "/sync/push",
            PushResponse,
            body=request,
            compressed=self._push_body(request),
            headers={"Push-Partial": "apply"},
        )

    def push_results(self, from_seq: int, to_seq: int) -> PushResponse:
        """What head office holds of this laptop's changes *from_seq* to *to_seq*, after a
        push of them was cut (a head office older than this call answers ``not_found``)."""
        params = {"from_seq": from_seq, "to_seq": to_seq}
        return self._call("GET", "/sync/push/results", PushResponse, params=params)

    def _push_body(self, request: PushRequest) -> bytes:
        """The request's JSON, zstd-compressed in blocks that end every
        :data:`PUSH_BLOCK_BYTES` at the end of an op."""
        head = request.model_dump_json(exclude={"ops"})
        stream = self._compressor.compressobj()
        parts = [stream.compress(head[:-1].encode() + b',"ops":[')]
        in_block = 0
        for index, op in enumerate(request.ops):
            text = (b"," if index else b"") + op.model_dump_json().encode()
            parts.append(stream.compress(text))
            in_block += len(text)
            if in_block >= PUSH_BLOCK_BYTES:
                parts.append(stream.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK))
                in_block = 0
        parts.append(stream.compress(b"]}"))
        parts.append(stream.flush())
        return b"".join(parts)

    def pull(self, cursor: str, limit: int, *, skip_own: bool = False) -> PullResponse:
        """A page of changes after *cursor*. *skip_own*: leave out the records this laptop
        created that nobody has changed since (it holds them as head office does)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if skip_own:
            params["skip_own"] = "true"
        return self._call("GET", "/sync/pull", PullResponse, params=params)

    def summary(self) -> ScopeSummary:
        return self._call("GET", "/sync/summary", ScopeSummary)

    def upload_audit(self, request: AuditUploadRequest) -> AuditUploadResponse:
        return self._call("POST", "/audit", AuditUploadResponse, body=request)

    # -- plumbing -----------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        model: type[Model],
        *,
        body: BaseModel | None = None,
        compressed: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
    ) -> Model:
        """*compressed*: *body* already compressed with zstd."""
        headers = dict(headers or {})
        content: bytes | None = None
        if auth:
            if not self.token:
                raise SyncError("not_enrolled")
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            if compressed is None:
                compressed = self._compressor.compress(body.model_dump_json().encode())
            content = compressed
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "zstd"
            self.bytes_sent += len(content)
        timeout = httpx.USE_CLIENT_DEFAULT
        if content:
            limits = self.http.timeout
            transit = len(content) / SLOWEST_LINK_BYTES_PER_S
            timeout = httpx.Timeout(  # type: ignore[assignment]
                connect=limits.connect,
                read=(limits.read or DEFAULT_STALL_SECONDS) + transit,
                write=limits.write,
                pool=limits.pool,
            )
        try:
            with self.http.stream(
                method,
                API + path,
                content=content,
                params=params,
                headers=headers,
                timeout=timeout,
            ) as response:
                data = self._read(response)  # decoded (zstd/gzip) by httpx
        except httpx.HTTPError as exc:
            error = _transport_error(exc)
            log.info("%s %s failed: %s (%s)", method, path, error.code, type(exc).__name__)
            raise error from exc
        self.last_server_seconds = server_seconds(response.headers.get("server-timing"))
        if response.status_code >= 500 or response.status_code == 429:
            params_: dict[str, Any] = {"status": response.status_code}
            retry_after = _retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                params_["retry_after"] = retry_after
            code = "rate_limited" if response.status_code == 429 else "server_error"
            raise SyncError(code, **params_)
        if response.status_code >= 400:
            raise self._refusal(response.status_code, data)
        try:
            return model.model_validate_json(data)
        except (ValidationError, ValueError) as exc:
            log.info("%s %s: unreadable answer (%d bytes)", method, path, len(data))
            raise SyncError("bad_response", detail="unreadable answer") from exc

    def _read(self, response: httpx.Response) -> bytes:
        """The body, chunk by chunk: ``bytes_received`` grows as bytes arrive (a cut answer
        counts what came), and a cancel stops the download."""
        chunks: list[bytes] = []
        counted = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            downloaded = response.num_bytes_downloaded
            self.bytes_received += downloaded - counted
            counted = downloaded
            if self.cancel is not None and self.cancel.is_set():
                raise SyncError("cancelled")
        self.bytes_received += response.num_bytes_downloaded - counted
        return b"".join(chunks)

    @staticmethod
    def _refusal(status: int, data: bytes) -> SyncError:
        try:
            error = ErrorBody.model_validate(json.loads(data))
        except (ValidationError, ValueError):
            return SyncError("bad_response", detail=f"HTTP {status}")
        code = error.code.value
        if code in _PASSTHROUGH_CODES:
            return SyncError(code)
        if code == "unauthorized":
            return SyncError("not_enrolled")
        return SyncError("refused", reason=code, message=error.message)
