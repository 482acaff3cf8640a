"""The head-office FastAPI application factory. Nothing is built at import time."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from sqlalchemy import text
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from ss_hq.api.encoding import BodyDecodingMiddleware, ResponseCompressionMiddleware
from ss_hq.api.errors import FailureMiddleware, install_error_handlers
from ss_hq.api.sync_routes import router as sync_router
from ss_hq.core import clock
from ss_hq.core.db import make_engine
from ss_hq.core.security import SecurityHeadersMiddleware
from ss_hq.core.settings import HQSettings
from ss_hq.review.duplicate_queue import DrainScheduler

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
    web pages (``ss_hq.web``) and their static files.
    """
    own_engine = engine is None
    db_engine = engine if engine is not None else make_engine(settings.database_url)

    duplicate_checks = DrainScheduler(
        db_engine, lambda: clock.now_ms(), delay_s=settings.duplicate_check_delay_ms / 1000
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Checks queued by pushes just before a stop or a crash are served now.
        await run_in_threadpool(duplicate_checks.request_drain)
        yield
        await run_in_threadpool(duplicate_checks.stop)
        if own_engine:
            db_engine.dispose()

    app = FastAPI(
        title="Stepping Stones head office",
        version="1",
        summary="Sync API v1 for the registration laptops",
        lifespan=lifespan,
    )
    app.state.engine = db_engine
    app.state.duplicate_checks = duplicate_checks
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(sync_router)
    if with_web:
        from ss_hq.core.secrets_hashing import dummy_password_hash
        from ss_hq.web import install_web

        install_web(app)
        dummy_password_hash()  # made now: the first sign-in of an unknown name is not slower
    for router in extra_routers or []:
        app.include_router(router)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """200 when the process is up and the database answers."""
        with db_engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return {"status": "ok"}

    # Each one added wraps the ones before: compress responses last, decompress requests
    # before anything reads them, answer any failure with an error body, and add the security
    # headers to everything (errors of the layers inside included).
    app.add_middleware(ResponseCompressionMiddleware, min_bytes=settings.compress_min_bytes)
    app.add_middleware(BodyDecodingMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(FailureMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


# Python's cyclic garbage collector runs a young-generation pass every 700 net allocations of
# container objects; applying a push batch allocates millions (records, merge outcomes, rows),
# and the passes were about a quarter of head office's time per batch. A server process
# collects every 50,000 instead, and objects alive after start-up are left out of the passes.
GC_THRESHOLD = 50_000


def tune_gc() -> None:
    """For a server process, once the application is built (see GC_THRESHOLD)."""
    gc.collect()
    gc.freeze()
    _first, *older = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *older)


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): settings from the environment."""
    app = create_app(HQSettings.from_env())
    tune_gc()
    return app
