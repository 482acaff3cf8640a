"""FastAPI dependencies: ``SessionDep`` (one session per request) and ``DeviceDep``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from ss_hq.core.models import Device
from ss_hq.sync.device_service import authenticate

bearer_scheme = HTTPBearer(auto_error=False, description="the token from device enrollment")


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_device(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Device:
    token = (
        credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else None
    )
    return authenticate(session, token)


DeviceDep = Annotated[Device, Depends(get_device)]
