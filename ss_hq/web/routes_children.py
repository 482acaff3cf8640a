"""The dashboard, the children list and search, a child's page, export and erasure."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import col, select

from ss_core.domain.enums import Category, Stage
from ss_core.protocol.wire import Entity
from ss_hq.admin.dashboard_service import build_dashboard
from ss_hq.admin.export_service import export_csv, export_xlsx
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.models import ChangeHistory, Record, field_changes
from ss_hq.core.security import SignedInStaff
from ss_hq.review.erasure_service import erase_child
from ss_hq.review.review_service import ReviewError
from ss_hq.review.search_service import ChildFilters, child_row, search_children, site_names
from ss_hq.web.charts import bar_chart
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
HISTORY_LINES = 500  # field changes shown on a child's page, newest first

DashboardStaff = Annotated[SignedInStaff, allowed("dashboard")]
ChildrenStaff = Annotated[SignedInStaff, allowed("children")]
ExportStaff = Annotated[SignedInStaff, allowed("export")]
EditStaff = Annotated[SignedInStaff, allowed("edit")]


@router.get("/")
def dashboard_page(request: Request, staff: DashboardStaff, session: SessionDep) -> Response:
    from ss_hq.web.deps import language_of
    from ss_hq.web.i18n import translator

    t = translator(language_of(request))
    data = build_dashboard(session)
    gender_label = {k: t(f"gender_{k}") for k in data.by_gender}
    sections = [
        ("By category", data.categories, t),
        ("By province", data.by_province, t),
        ("By site", data.by_site, str),
        ("By gender", data.by_gender, lambda k: gender_label.get(k, k)),
        ("By age band", data.by_age_band, t),
        ("By stage", data.by_stage, t),
        ("By hukou", data.by_hukou_local, t),
    ]
    charts = [
        {
            "title": t(title),
            "id": title.lower().replace(" ", "-"),
            "svg": bar_chart(t(title), counts, label) if counts else "",
            "rows": [(label(k), v) for k, v in counts.items()],
        }
        for title, counts, label in sections
    ]
    return render(request, "dashboard.html", {"data": data, "charts": charts})


def _filters(
    q: str | None, site: str | None, category: str | None, stage: str | None
) -> ChildFilters:
    return ChildFilters(
        query=(q or "")[:100],
        site_id=site or None,
        category=category if category in {c.value for c in Category} else None,
        stage=stage if stage in {s.value for s in Stage} else None,
    )


FilterQuery = Annotated[str | None, Query(max_length=200)]


@router.get("/children")
def children_page(
    request: Request,
    staff: ChildrenStaff,
    session: SessionDep,
    q: FilterQuery = None,
    site: FilterQuery = None,
    category: FilterQuery = None,
    stage: FilterQuery = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = _filters(q, site, category, stage)
    rows, total = search_children(session, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    sites = site_names(session)
    query_string = request.url.query
    export_query = "&".join(p for p in query_string.split("&") if not p.startswith("page="))
    return render(
        request,
        "children.html",
        {
            "rows": rows,
            "total": total,
            "page": page,
            "pages": max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE),
            "filters": filters,
            "sites": sites,
            "categories": [c.value for c in Category],
            "stages": [s.value for s in Stage],
            "export_query": export_query,
        },
    )


@router.get("/children/export.{kind}")
def export_children(
    staff: ExportStaff,
    session: SessionDep,
    kind: str,
    q: FilterQuery = None,
    site: FilterQuery = None,
    category: FilterQuery = None,
    stage: FilterQuery = None,
) -> Response:
    filters = _filters(q, site, category, stage)
    if kind == "csv":
        return Response(
            export_csv(session, filters),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="children.csv"'},
        )
    if kind == "xlsx":
        return Response(
            export_xlsx(session, filters),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": 'attachment; filename="children.xlsx"'},
        )
    raise PageNotFound()


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


@router.get("/children/{child_id}")
def child_page(
    request: Request, child_id: str, staff: ChildrenStaff, session: SessionDep
) -> Response:
    record = session.get(Record, child_id[:36])
    if record is None or record.entity != Entity.CHILD.value:
        raise PageNotFound()
    row = child_row(session, record.id)
    dependents = session.exec(
        select(Record).where(Record.child_id == record.id).order_by(col(Record.entity))
    ).all()
    related_ids = [record.id] + [d.id for d in dependents]
    history = session.exec(
        select(ChangeHistory)
        .where(col(ChangeHistory.record_id).in_(related_ids))
        .order_by(col(ChangeHistory.at).desc(), col(ChangeHistory.id).desc())
        .limit(HISTORY_LINES)
    ).all()
    entity_of = {d.id: d.entity for d in dependents} | {record.id: record.entity}
    return render(
        request,
        "child.html",
        {
            "record": record,
            "row": row,
            "site": site_names(session, [record.site_id]).get(record.site_id or "", ""),
            "fields": sorted((k, _value(v)) for k, v in (record.fields or {}).items()),
            "dependents": [
                (d.entity, d.id, d.deleted, sorted((k, _value(v)) for k, v in d.fields.items()))
                for d in dependents
            ],
            "history": [
                {
                    "at": h.at,
                    "entity": entity_of.get(h.record_id, h.entity),
                    "field": field,
                    "old": _value(old),
                    "new": _value(new),
                    "by": h.staff_user or (h.device_id or "")[:8],
                    "applied": h.applied,
                }
                for h in history
                for field, old, new, _hlc in field_changes(h)
            ][:HISTORY_LINES],
            "saved": request.query_params.get("saved"),
        },
    )


@router.post("/children/{child_id}/erase")
def erase_child_page(
    request: Request, child_id: str, staff: EditStaff, form: CsrfForm, session: SessionDep
) -> Response:
    if form.get("confirm", "").strip() != "ERASE":
        return RedirectResponse(f"/children/{child_id}", status_code=303)
    try:
        erase_child(session, child_id[:36], staff_user=staff.username, now=now_ms())
    except ReviewError as exc:
        if exc.code == "not_found":
            raise PageNotFound() from None
    return RedirectResponse(f"/children/{child_id}?saved=erased", status_code=303)
