"""The head-office FastAPI application factory. Nothing is built at import time."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from sqlalchemy import text
from sqlalchemy.engine import Engine

from ss_hq.api.encoding import BodyDecodingMiddleware, ResponseCompressionMiddleware
from ss_hq.api.errors import install_error_handlers
from ss_hq.api.sync_routes import router as sync_router
from ss_hq.db import make_engine
from ss_hq.settings import HQSettings

log = logging.getLogger(__name__)


def create_app(
    settings: HQSettings,
    *,
    engine: Engine | None = None,
    extra_routers: list[APIRouter] | None = None,
    with_web: bool = True,
) -> FastAPI:
    """A ready app for *settings*. The database must already be migrated (``ss-hq migrate``).

    *engine* lets tests share one engine; otherwise the app makes its own and disposes of it
    on shutdown. *extra_routers* are added after the sync API; *with_web* adds the staff
    web pages (``ss_hq.web``), their security headers and static files.
    """
    own_engine = engine is None
    db_engine = engine if engine is not None else make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own_engine:
            db_engine.dispose()

    app = FastAPI(
        title="Stepping Stones head office",
        version="1",
        summary="Sync API v1 for the registration laptops",
        lifespan=lifespan,
    )
    app.state.engine = db_engine
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(sync_router)
    if with_web:
        from ss_hq.web import install_web

        install_web(app)
    for router in extra_routers or []:
        app.include_router(router)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """200 when the process is up and the database answers."""
        with db_engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return {"status": "ok"}

    # Outermost first: decompress requests before anything reads them; compress responses last.
    app.add_middleware(ResponseCompressionMiddleware, min_bytes=settings.compress_min_bytes)
    app.add_middleware(BodyDecodingMiddleware, max_body_bytes=settings.max_body_bytes)
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): settings from the environment."""
    return create_app(HQSettings.from_env())
