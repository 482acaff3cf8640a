"""Head office's staff web pages (server-rendered, Chinese and English)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from ss_core.protocol.wire import ErrorCode
from ss_hq.api.errors import error_response
from ss_hq.web import (
    api_routes,
    routes_admin,
    routes_audit,
    routes_auth,
    routes_bundles,
    routes_children,
    routes_edit,
    routes_repair,
    routes_review,
)
from ss_hq.web.deps import (
    STATIC_DIR,
    CsrfFailed,
    NotAllowed,
    PageNotFound,
    SignInRequired,
    make_templates,
    render,
)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install_web(app: FastAPI) -> None:
    """Add the staff pages, their static files and error pages (the app adds the security
    headers to every response)."""
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for module in (
        routes_auth,
        routes_children,
        routes_edit,
        routes_review,
        routes_admin,
        routes_bundles,
        routes_audit,
        routes_repair,
        api_routes,
    ):
        app.include_router(module.router)

    @app.get("/favicon.ico", include_in_schema=False)
    async def _favicon() -> Response:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, _exc: SignInRequired) -> Response:
        if _wants_json(request):
            return error_response(401, ErrorCode.UNAUTHORIZED, "sign in as a staff member first")
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(NotAllowed)
    async def _not_allowed(request: Request, _exc: NotAllowed) -> Response:
        if _wants_json(request):
            return error_response(403, ErrorCode.UNAUTHORIZED, "your role does not allow this")
        return render(
            request, "message.html", {"message": "You may not open this page."}, status_code=403
        )

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, _exc: CsrfFailed) -> Response:
        if _wants_json(request):
            return error_response(403, ErrorCode.UNAUTHORIZED, "missing or wrong CSRF token")
        message = "The form expired or did not come from this site. Go back, reload the page and try again."
        return render(request, "message.html", {"message": message}, status_code=403)

    @app.exception_handler(PageNotFound)
    async def _not_found(request: Request, _exc: PageNotFound) -> Response:
        return render(request, "message.html", {"message": "Not found."}, status_code=404)
