"""USB bundles (docs/design/sync.md, "USB bundle"): sync without any network.

A bundle is a zip file:

* ``manifest.json`` — format, bundle id, device id, key id, first/last seq, op count, the
  laptop's pull cursor, the encryption parameters and the SHA-256 of every other file;
* ``manifest.sig`` — base64 Ed25519 signature of the exact ``manifest.json`` bytes, made with
  the laptop's key from enrollment;
* ``ops.jsonl.zst`` — the unacknowledged changes (one PushOp JSON per line), zstd-compressed,
  then encrypted to head office's X25519 key: an ephemeral X25519 key agreement, HKDF-SHA256
  (info ``ss-bundle-v1:<bundle id>``) and AES-256-GCM (the bundle id as associated data).

Each bundle is cumulative from the last acknowledged change, so a lost stick loses nothing.
Head office answers with a receipt file signed with its Ed25519 key (acked seq, per-change
results and the changes for this laptop); only that receipt clears the outbox.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import os
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import zstandard
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import OpResult, PullChange
from ss_desktop.db import sync_store as store
from ss_desktop.db.codec import utc_now_iso
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.keys import b64, encryption_key, key_id, public_of, signing_key, verify_key

log = logging.getLogger(__name__)

BUNDLE_FORMAT = "ss-bundle-v1"
RECEIPT_FORMAT = "ss-receipt-v1"
ENCRYPTION_SCHEME = "x25519-hkdf-sha256-aes256gcm"
MANIFEST, SIGNATURE, OPS = "manifest.json", "manifest.sig", "ops.jsonl.zst"
MAX_RECEIPT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class BundleInfo:
    path: str
    bundle_id: str
    op_count: int
    first_seq: int | None
    last_seq: int | None
    bytes: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReceiptInfo:
    bundle_id: str
    acked_through_seq: int
    acked: int
    rejected: int
    duplicates: int
    pulled: int
    pending: int
    resent: int = 0  # acknowledged changes to carry again: head office restored from a backup
    # {entity: ids} the receipt's changes touched here (for open lists; not in as_dict)
    changed: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("changed")
        return out


class ReceiptPayload(BaseModel):
    format: str
    bundle_id: str
    device_id: str
    acked_through_seq: int
    results: list[OpResult]
    changes: list[PullChange]
    from_cursor: str
    next_cursor: str
    server_time: int


def canonical_zip(manifest: bytes, signature: bytes, sealed: bytes) -> bytes:
    """The zip, byte for byte reproducible from its three files (fixed dates, attributes and
    order): head office rebuilds it and compares, so no byte of the file goes unchecked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in ((MANIFEST, manifest), (SIGNATURE, signature), (OPS, sealed)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, content)
    return buffer.getvalue()


def bundle_key(shared: bytes, bundle_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"{BUNDLE_FORMAT}:{bundle_id}".encode(),
    ).derive(shared)


def export_bundle(engine: Engine, path: Path) -> BundleInfo:
    """Write every unacknowledged change to a signed, encrypted bundle at *path*."""
    enrollment = store.load_enrollment(engine)
    if not enrollment.enrolled or not enrollment.device_signing_key:
        raise SyncError("not_enrolled")
    if enrollment.revoked:
        raise SyncError("device_revoked")
    path = Path(path)
    if path.exists():
        raise SyncError("file_exists", path=str(path))
    ops = store.pending_ops(engine, 10_000_000)
    bundle_id = new_id()
    lines = b"".join(op.model_dump_json().encode() + b"\n" for op in ops)
    plain = zstandard.ZstdCompressor(level=9).compress(lines)
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(encryption_key(enrollment.server_encryption_key or ""))
    nonce = os.urandom(12)
    sealed = AESGCM(bundle_key(shared, bundle_id)).encrypt(nonce, plain, bundle_id.encode())
    public = public_of(enrollment.device_signing_key)
    manifest = {
        "format": BUNDLE_FORMAT,
        "bundle_id": bundle_id,
        "device_id": enrollment.device_id,
        "key_id": key_id(public),
        "first_seq": ops[0].device_seq if ops else None,
        "last_seq": ops[-1].device_seq if ops else None,
        "op_count": len(ops),
        "pull_cursor": enrollment.pull_cursor or "0",
        "created_at": utc_now_iso(),
        "encryption": {
            "scheme": ENCRYPTION_SCHEME,
            "ephemeral_key": b64(
                ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            ),
            "nonce": b64(nonce),
            "server_key_id": key_id(enrollment.server_encryption_key or ""),
        },
        "files": {OPS: hashlib.sha256(sealed).hexdigest()},
    }
    manifest_bytes = json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode()
    signature = signing_key(enrollment.device_signing_key).sign(manifest_bytes)
    data = canonical_zip(manifest_bytes, b64(signature).encode(), sealed)
    temporary = path.with_name(path.name + ".part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        if exc.errno == 28:
            raise SyncError("disk_full") from exc
        raise
    log.info("bundle %s written with %d change(s)", bundle_id, len(ops))
    return BundleInfo(
        str(path),
        bundle_id,
        len(ops),
        manifest["first_seq"],  # type: ignore[arg-type]
        manifest["last_seq"],  # type: ignore[arg-type]
        len(data),
    )


def read_receipt(data: bytes, server_signing_key: str) -> ReceiptPayload:
    """Verify and decode a receipt; raises SyncError('receipt_invalid')."""
    try:
        document = json.loads(data)
        if document.get("format") != RECEIPT_FORMAT:
            raise ValueError("format")
        payload = base64.b64decode(document["payload"], validate=True)
        signature = base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SyncError("receipt_invalid", detail="not a receipt file") from exc
    try:
        verify_key(server_signing_key, code="receipt_invalid").verify(signature, payload)
    except InvalidSignature as exc:
        raise SyncError("receipt_invalid", detail="signature does not match") from exc
    try:
        raw = zstandard.ZstdDecompressor().decompress(payload, max_output_size=MAX_RECEIPT_BYTES)
        receipt = ReceiptPayload.model_validate_json(raw)
    except (zstandard.ZstdError, ValidationError, ValueError) as exc:
        raise SyncError("receipt_invalid", detail="unreadable content") from exc
    if receipt.format != RECEIPT_FORMAT:
        raise SyncError("receipt_invalid", detail="format")
    return receipt


def receive_receipt(engine: Engine, clock: HybridClock, path: Path) -> ReceiptInfo:
    """Apply head office's receipt: acknowledge (and quarantine) the bundle's changes and
    merge the changes head office sent back."""
    enrollment = store.load_enrollment(engine)
    if not enrollment.enrolled or not enrollment.server_signing_key:
        raise SyncError("not_enrolled")
    path = Path(path)
    if not path.is_file():
        raise SyncError("file_missing", path=str(path))
    receipt = read_receipt(path.read_bytes(), enrollment.server_signing_key)
    if receipt.device_id != enrollment.device_id:
        raise SyncError("receipt_invalid", detail="written for another laptop")
    seqs = [r.device_seq for r in receipt.results]
    ops = store.pending_ops(engine, len(seqs) + 1, after=min(seqs) - 1) if seqs else []
    outcome = store.record_push_results(engine, ops, receipt.results, receipt.acked_through_seq)
    resent = 0
    if outcome.acked == 0 and outcome.held_back:
        # Head office waits for changes it had acknowledged (restored from an older backup):
        # the next bundle carries them again.
        resent = store.requeue_forgotten(engine, receipt.acked_through_seq)
    current = int(enrollment.pull_cursor or "0")
    start, end = int(receipt.from_cursor or "0"), int(receipt.next_cursor or "0")
    # Move the cursor only when the receipt's changes join up with what we already have.
    cursor = str(end) if start <= current < end else str(current)
    changed = store.apply_page(engine, clock, receipt.changes, cursor)
    log.info(
        "receipt %s: %d acked, %d pulled", receipt.bundle_id, outcome.acked, len(receipt.changes)
    )
    return ReceiptInfo(
        bundle_id=receipt.bundle_id,
        acked_through_seq=receipt.acked_through_seq,
        acked=outcome.acked,
        rejected=outcome.rejected,
        duplicates=outcome.duplicates,
        pulled=len(receipt.changes),
        pending=store.pending_count(engine),
        resent=resent,
        changed=changed.touched(),
    )
