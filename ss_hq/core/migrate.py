"""Bring a head-office database up to date: Alembic migrations, then the server's keys."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ss_hq.core.clock import now_ms
from ss_hq.core.models import ChangeLogState, ServerKey

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SIGNING_KEY = "ed25519_signing"
ENCRYPTION_KEY = "x25519_encryption"


class DatabaseTooNewError(RuntimeError):
    """The database was migrated by a newer ss-hq than this one."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Run every pending migration, then make sure the server keys and state rows exist."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    try:
        known = current is None or script.get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        raise DatabaseTooNewError(
            f"the database is at schema revision {current}, which this ss-hq does not know; "
            "upgrade ss-hq"
        )
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    ensure_server_state(engine)


def _raw_b64(key: object) -> str:
    raw = key.public_bytes(  # type: ignore[attr-defined]
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )
    return base64.b64encode(raw).decode()


def _private_b64(key: object) -> str:
    raw = key.private_bytes(  # type: ignore[attr-defined]
        encoding=serialization.Encoding.Raw,
        format=serialization.PrivateFormat.Raw,
        encryption_algorithm=serialization.NoEncryption(),
    )
    return base64.b64encode(raw).decode()


def ensure_server_state(engine: Engine) -> None:
    """Create head office's key pairs and the change-log state row on first use."""
    with Session(engine) as session:
        have = set(session.exec(select(ServerKey.kind)).all())
        made = False
        if SIGNING_KEY not in have:
            private = Ed25519PrivateKey.generate()
            session.add(
                ServerKey(
                    kind=SIGNING_KEY,
                    public_key=_raw_b64(private.public_key()),
                    private_key=_private_b64(private),
                    created_at=now_ms(),
                )
            )
            made = True
        if ENCRYPTION_KEY not in have:
            private_x = X25519PrivateKey.generate()
            session.add(
                ServerKey(
                    kind=ENCRYPTION_KEY,
                    public_key=_raw_b64(private_x.public_key()),
                    private_key=_private_b64(private_x),
                    created_at=now_ms(),
                )
            )
            made = True
        if session.get(ChangeLogState, 1) is None:
            session.add(ChangeLogState(id=1, min_retained_seq=0))
            made = True
        if made:
            try:
                session.commit()
            except IntegrityError:  # another process made them at the same moment
                session.rollback()
            else:
                log.info("head-office keys and state initialised")
