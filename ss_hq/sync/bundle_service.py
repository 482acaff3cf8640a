"""Head office's side of USB bundles and offline enrollment (docs/design/sync.md, "USB bundle").

:func:`import_bundle` checks a laptop's bundle — zip structure, the device's Ed25519
signature over the manifest, the SHA-256 of the payload, AES-GCM decryption with head
office's X25519 key — then feeds the changes through the same push handler as the network
(so a replayed bundle answers "duplicate" for everything) and writes a receipt signed with
head office's Ed25519 key: the acked seq, the per-change results and the pull changes for
that laptop from the cursor named in the manifest.

The file formats mirror ``ss_desktop.sync.bundle`` (the two packages never import each
other); keep them in step.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import logging
import zipfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import zstandard
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import ValidationError
from sqlmodel import Session

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import (
    MAX_OPS_PER_PUSH,
    MAX_PULL_LIMIT,
    Entity,
    PushOp,
    PushRequest,
)
from ss_hq.core.migrate import ENCRYPTION_KEY, SIGNING_KEY
from ss_hq.core.models import Device, ServerKey
from ss_hq.core.secrets_hashing import new_token, token_hash
from ss_hq.core.staff_audit import CLI_ACTOR, Action, record_action
from ss_hq.sync import pull_service, push_service
from ss_hq.sync.device_service import server_public_keys

log = logging.getLogger(__name__)

BUNDLE_FORMAT = "ss-bundle-v1"
RECEIPT_FORMAT = "ss-receipt-v1"
ENROLLMENT_FILE_FORMAT = "ss-enrollment-v1"
ENCRYPTION_SCHEME = "x25519-hkdf-sha256-aes256gcm"
MANIFEST, SIGNATURE, OPS = "manifest.json", "manifest.sig", "ops.jsonl.zst"
MAX_BUNDLE_OPS_BYTES = 1024 * 1024 * 1024
MAX_RECEIPT_CHANGES = 200_000
# What an enrollment file carries besides credentials: records with nothing personal in them.
FILE_ENTITIES = frozenset({Entity.SITE, Entity.PROGRAM})


class BundleRefused(Exception):
    """The bundle cannot be applied. ``code``: bundle_tampered, bundle_foreign, device_revoked."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


@dataclass(frozen=True)
class ImportResult:
    bundle_id: str
    device_id: str
    op_count: int
    statuses: dict[str, int]
    acked_through_seq: int
    changes_returned: int
    receipt: bytes


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _unb64(text: Any) -> bytes:
    try:
        return base64.b64decode(str(text).encode(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BundleRefused("bundle_tampered", "a field is not valid base64") from exc


def _key_id(public_b64: str) -> str:
    return hashlib.sha256(public_b64.encode()).hexdigest()[:16]


def _private_key(session: Session, kind: str) -> bytes:
    key = session.get(ServerKey, kind)
    if key is None:
        raise RuntimeError("head office has no keys yet: run `ss-hq migrate`")
    return base64.b64decode(key.private_key)


def _read(data: bytes) -> tuple[bytes, bytes, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if not {MANIFEST, SIGNATURE, OPS} <= names:
                raise BundleRefused("bundle_tampered", "files are missing from the bundle")
            parts = archive.read(MANIFEST), archive.read(SIGNATURE), archive.read(OPS)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,  # an unknown compression method
        RuntimeError,  # "encrypted" flag set
        ValueError,
        OSError,
        EOFError,
    ) as exc:
        raise BundleRefused("bundle_tampered", "the file is not a readable bundle") from exc
    if canonical_zip(*parts) != data:
        raise BundleRefused("bundle_tampered", "the bundle file was changed after it was written")
    return parts


def canonical_zip(manifest: bytes, signature: bytes, sealed: bytes) -> bytes:
    """The laptop's byte-for-byte reproducible zip (ss_desktop.sync.bundle.canonical_zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in ((MANIFEST, manifest), (SIGNATURE, signature), (OPS, sealed)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, content)
    return buffer.getvalue()


def open_bundle(session: Session, data: bytes) -> tuple[dict[str, Any], Device, list[PushOp]]:
    """Verify and decrypt a bundle: (manifest, device, ops). Raises :class:`BundleRefused`."""
    manifest_bytes, signature_text, sealed = _read(data)
    try:
        manifest = json.loads(manifest_bytes)
        if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
            raise ValueError("format")
        device_id = str(manifest["device_id"])
        bundle_id = str(manifest["bundle_id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleRefused("bundle_tampered", "the manifest cannot be read") from exc
    device = session.get(Device, device_id)
    if device is None or not device.signing_key:
        raise BundleRefused("bundle_foreign", "the bundle comes from a laptop not enrolled here")
    try:
        verifier = Ed25519PublicKey.from_public_bytes(_unb64(device.signing_key))
        verifier.verify(_unb64(signature_text.decode("ascii", "replace")), manifest_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise BundleRefused(
            "bundle_tampered", "the manifest's signature does not match the laptop's key"
        ) from exc
    if manifest.get("key_id") != _key_id(device.signing_key):
        raise BundleRefused("bundle_foreign", "the bundle was signed with another key")
    if device.revoked_at is not None:
        raise BundleRefused("device_revoked", "head office revoked this laptop")
    if hashlib.sha256(sealed).hexdigest() != (manifest.get("files") or {}).get(OPS):
        raise BundleRefused("bundle_tampered", "the changes file does not match the manifest")
    encryption = manifest.get("encryption") or {}
    if encryption.get("scheme") != ENCRYPTION_SCHEME:
        raise BundleRefused("bundle_tampered", "unknown encryption scheme")
    try:
        ours = X25519PrivateKey.from_private_bytes(_private_key(session, ENCRYPTION_KEY))
        shared = ours.exchange(
            X25519PublicKey.from_public_bytes(_unb64(encryption["ephemeral_key"]))
        )
        key = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=None,
            info=f"{BUNDLE_FORMAT}:{bundle_id}".encode(),
        ).derive(shared)
        plain = AESGCM(key).decrypt(_unb64(encryption["nonce"]), sealed, bundle_id.encode())
    except (InvalidTag, ValueError, KeyError) as exc:
        raise BundleRefused(
            "bundle_foreign",
            "the bundle cannot be decrypted: it was written for another head office",
        ) from exc
    try:
        lines = zstandard.ZstdDecompressor().decompress(plain, max_output_size=MAX_BUNDLE_OPS_BYTES)
        ops = [PushOp.model_validate_json(line) for line in lines.splitlines() if line.strip()]
    except (zstandard.ZstdError, ValidationError, ValueError) as exc:
        raise BundleRefused("bundle_tampered", "the changes cannot be read") from exc
    if len(ops) != manifest.get("op_count"):
        raise BundleRefused("bundle_tampered", "the number of changes does not match")
    return manifest, device, ops


def import_bundle(session: Session, data: bytes, *, now: int) -> ImportResult:
    manifest, device, ops = open_bundle(session, data)
    results = []
    acked = device.acked_seq
    for start in range(0, len(ops), MAX_OPS_PER_PUSH):
        chunk = ops[start : start + MAX_OPS_PER_PUSH]
        request = PushRequest(device_id=device.id, batch_id=new_id(), ops=chunk)
        response = push_service.push(session, device, request, now=now)
        results.extend(response.results)
        acked = response.acked_through_seq
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.status.value] = statuses.get(result.status.value, 0) + 1

    changes, from_cursor, cursor = _changes_for(
        session, device, str(manifest.get("pull_cursor") or "0"), now=now
    )
    payload = {
        "format": RECEIPT_FORMAT,
        "bundle_id": manifest["bundle_id"],
        "device_id": device.id,
        "acked_through_seq": acked,
        "results": [r.model_dump(mode="json") for r in results],
        "changes": [c.model_dump(mode="json") for c in changes],
        "from_cursor": from_cursor,
        "next_cursor": cursor,
        "server_time": now,
    }
    packed = zstandard.ZstdCompressor(level=9).compress(
        json.dumps(payload, ensure_ascii=False).encode()
    )
    signer = Ed25519PrivateKey.from_private_bytes(_private_key(session, SIGNING_KEY))
    receipt = json.dumps(
        {"format": RECEIPT_FORMAT, "payload": _b64(packed), "signature": _b64(signer.sign(packed))}
    ).encode()
    log.info("bundle %s from device %s: %s", manifest["bundle_id"], device.id, statuses)
    return ImportResult(
        bundle_id=str(manifest["bundle_id"]),
        device_id=device.id,
        op_count=len(ops),
        statuses=statuses,
        acked_through_seq=acked,
        changes_returned=len(changes),
        receipt=receipt,
    )


def _changes_for(
    session: Session, device: Device, from_cursor: str, *, now: int
) -> tuple[list[Any], str, str]:
    """What a pull from *from_cursor* would bring *device* (at most MAX_RECEIPT_CHANGES; a
    cursor head office cannot serve restarts from zero): (changes, from, next cursor)."""
    if not from_cursor.isdigit():
        from_cursor = "0"
    changes: list[Any] = []
    cursor, restarted = from_cursor, False
    while True:
        page = pull_service.pull(session, device, cursor=cursor, limit=MAX_PULL_LIMIT, now=now)
        if page.must_refetch and not restarted:
            restarted, cursor, from_cursor, changes = True, "0", "0", []
            continue
        changes.extend(page.changes)
        cursor = page.next_cursor
        if not page.has_more or len(changes) >= MAX_RECEIPT_CHANGES:
            return changes, from_cursor, cursor


def laptop_server_url(value: str | None) -> str | None:
    """The head-office address written into an enrollment file, as the laptop will accept it:
    ``http(s)://host[:port][/prefix]`` without a trailing slash, or None for none. Raises
    ValueError for anything else (the laptop would refuse the whole file)."""
    text = (value or "").strip()
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError("the address must look like https://hq.example.org")
    return text.rstrip("/")


def create_offline_enrollment(
    session: Session,
    site_ids: list[str],
    *,
    device_name: str,
    server_url: str | None,
    now: int,
    actor: str = CLI_ACTOR,
) -> dict[str, Any]:
    """A device enrolled without a network: its token and a signing key made here, returned
    as the content of an enrollment file (keep it like a password). The file also carries the
    laptop's sites and programs, so it can register children before its first receipt comes
    back; nothing personal (the file is not encrypted)."""
    if not site_ids:
        raise ValueError("an enrollment needs at least one site")
    server_url = laptop_server_url(server_url)
    private = Ed25519PrivateKey.generate()
    private_raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public_raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    token = new_token()
    device_id = new_id()
    signing, encryption = server_public_keys(session)
    device = Device(
        id=device_id,
        name=device_name[:120],
        token_hash=token_hash(token),
        site_ids=list(site_ids),
        app_version="",
        signing_key=_b64(public_raw),
        created_at=now,
        last_seen_at=None,
    )
    session.add(device)
    record_action(
        session,
        actor=actor,
        action=Action.ISSUE_FILE,
        now=now,
        entity="device",
        record_id=device_id,
        detail={"sites": list(site_ids)},
    )
    session.commit()
    # The file is not encrypted: it carries the laptop's sites and programs, never a child's
    # record. Its cursor stays at the start, so the first receipt brings everything else.
    changes, _start, _end = _changes_for(session, device, "0", now=now)
    changes = [c for c in changes if c.entity in FILE_ENTITIES]
    log.info(
        "device %s enrolled offline for %d site(s), %d record(s) in its file",
        device_id,
        len(site_ids),
        len(changes),
    )
    return {
        "format": ENROLLMENT_FILE_FORMAT,
        "server_url": server_url,
        "device_id": device_id,
        "token": token,
        "sites": list(site_ids),
        "device_signing_key": _b64(private_raw),
        "server_signing_key": signing,
        "server_encryption_key": encryption,
        "server_time": now,
        "changes": [c.model_dump(mode="json") for c in changes],
        "next_cursor": "0",
    }
