"""The laptops' audit logs for admin staff: chain status per laptop, the rows (filtered,
paginated) and the export of processing records (.csv, .xlsx) for the compliance audit."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from ss_hq.admin import audit_export, audit_service
from ss_hq.admin.audit_service import AuditFilterError, AuditFilters
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.security import ADMIN, SignedInStaff
from ss_hq.sync.device_service import list_devices
from ss_hq.web.deps import CsrfForm, NotAllowed, PageNotFound, StaffDep, render, words_for

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100
FilterQuery = Annotated[str | None, Query(max_length=200)]


def _admin(staff: SignedInStaff) -> SignedInStaff:
    # The audit log names who did what on every laptop: admins only.
    if staff.role != ADMIN:
        raise NotAllowed()
    return staff


@router.get("/audit")
def audit_page(
    request: Request,
    staff: StaffDep,
    session: SessionDep,
    device: FilterQuery = None,
    actor: FilterQuery = None,
    action: FilterQuery = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    _admin(staff)
    error: str | None = None
    try:
        filters = audit_service.parse_filters(device, actor, action, date_from, date_to)
    except AuditFilterError as exc:
        error = str(exc)
        filters = AuditFilters()
    rows, total = (
        audit_service.search(session, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        if error is None
        else ([], 0)
    )
    query = filters.as_query()
    return render(
        request,
        "audit.html",
        {
            "chains": audit_service.chain_statuses(session),
            "devices": list_devices(session),
            "labels": all_device_labels(session),
            "names": audit_service.record_names(session, rows),
            "words": words_for(request),
            "actions": audit_service.known_actions(session),
            "rows": rows,
            "total": total,
            "page": page,
            "pages": max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE),
            "filters": filters,
            "raw": {"from": date_from or "", "to": date_to or ""},
            "query": urlencode(query),
            "error": error,
            "done": request.query_params.get("done"),
        },
        status_code=422 if error else 200,
    )


@router.get("/audit/export.{kind}")
def export_audit(
    request: Request,
    kind: str,
    staff: StaffDep,
    session: SessionDep,
    device: FilterQuery = None,
    actor: FilterQuery = None,
    action: FilterQuery = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
) -> Response:
    _admin(staff)
    if kind not in ("csv", "xlsx"):
        raise PageNotFound()
    try:
        filters = audit_service.parse_filters(device, actor, action, date_from, date_to)
    except AuditFilterError as exc:
        return render(request, "message.html", {"message": str(exc)}, status_code=422)
    stem = "processing-records"
    if filters.date_from or filters.date_to:
        stem += f"-{filters.date_from or 'start'}-to-{filters.date_to or 'now'}"
    content = audit_export.export_file(
        session, filters, kind=kind, actor=staff.username, now=now_ms()
    )
    media = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[kind]
    return Response(
        content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{stem}.{kind}"'},
    )


@router.post("/audit/chains/{device_id}/clear")
def clear_chain_flag(
    device_id: str, staff: StaffDep, form: CsrfForm, session: SessionDep
) -> Response:
    """An admin looked into a broken chain and clears the flag (the rows keep their marks)."""
    _admin(staff)
    if not audit_service.clear_flag(session, device_id[:36], actor=staff.username, now=now_ms()):
        raise PageNotFound()
    return RedirectResponse("/audit?done=cleared", status_code=303)
