"""The dashboard, the children list and search, a child's page, export and erasure."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from ss_core.domain import labels as L
from ss_core.domain.enums import Category, Stage
from ss_hq.admin.dashboard_service import build_dashboard, build_todo
from ss_hq.admin.export_service import erased_matching, export_children
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.security import SignedInStaff
from ss_hq.review.child_view import child_page
from ss_hq.review.erasure_service import erase_child, plan_erasure
from ss_hq.review.merge_service import merge_into
from ss_hq.review.review_service import ReviewError
from ss_hq.review.search_service import SORTS, ChildFilters, search_children, site_names
from ss_hq.web.charts import bar_chart
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render, words_for
from ss_hq.web.i18n import erase_word_matches

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
WEEK_MS = 7 * 86_400_000

DashboardStaff = Annotated[SignedInStaff, allowed("dashboard")]
ChildrenStaff = Annotated[SignedInStaff, allowed("children")]
ExportStaff = Annotated[SignedInStaff, allowed("export")]
EraseStaff = Annotated[SignedInStaff, allowed("erase")]


@router.get("/")
def dashboard_page(request: Request, staff: DashboardStaff, session: SessionDep) -> Response:
    words = words_for(request)
    t = words.t
    data = build_dashboard(session)
    todo = build_todo(session, now=now_ms())
    sections: list[tuple[str, dict[str, int], Callable[[str], str]]] = [
        ("By category", data.categories, lambda k: words.code(L.CATEGORY, k)),
        ("By province", data.by_province, t),
        ("By site", data.by_site, str),
        ("By gender", data.by_gender, lambda k: words.code(L.GENDER, k) if k.isdigit() else t(k)),
        ("By age band", data.by_age_band, t),
        ("By stage", data.by_stage, lambda k: words.code(L.STAGE, k) if k != "unknown" else t(k)),
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
    return render(request, "dashboard.html", {"data": data, "charts": charts, "todo": todo})


def _filters(
    q: str | None,
    site: str | None,
    category: str | None,
    stage: str | None,
    sort: str | None = None,
    changed: str | None = None,
) -> ChildFilters:
    return ChildFilters(
        query=(q or "")[:100],
        site_id=site or None,
        category=category if category in {c.value for c in Category} else None,
        stage=stage if stage in {s.value for s in Stage} else None,
        sort=sort if sort in SORTS else "name",
        changed_since=now_ms() - WEEK_MS if changed == "week" else None,
    )


FilterQuery = Annotated[str | None, Query(max_length=200)]


def _query(**values: Any) -> str:
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


@router.get("/children")
def children_page(
    request: Request,
    staff: ChildrenStaff,
    session: SessionDep,
    q: FilterQuery = None,
    site: FilterQuery = None,
    category: FilterQuery = None,
    stage: FilterQuery = None,
    sort: FilterQuery = None,
    changed: FilterQuery = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = _filters(q, site, category, stage, sort, changed)
    rows, total = search_children(session, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
    kept = {
        "q": filters.query,
        "site": filters.site_id,
        "category": filters.category,
        "stage": filters.stage,
        "changed": "week" if filters.changed_since else None,
    }
    return render(
        request,
        "children.html",
        {
            "rows": rows,
            "total": total,
            "page": min(page, pages),
            "pages": pages,
            "filters": filters,
            "sites": site_names(session),
            "categories": [c.value for c in Category],
            "stages": [s.value for s in Stage],
            "sorts": SORTS,
            "filter_query": _query(**kept),
            "export_query": _query(**kept, sort=filters.sort),
            "page_query": _query(**kept, sort=filters.sort),
            "page_query_items": [
                (k, v) for k, v in {**kept, "sort": filters.sort}.items() if v not in (None, "")
            ],
            "erased_count": erased_matching(session, filters),
            "words": words_for(request),
        },
    )


@router.get("/children/export.{kind}")
def export_children_file(
    request: Request,
    staff: ExportStaff,
    session: SessionDep,
    kind: str,
    q: FilterQuery = None,
    site: FilterQuery = None,
    category: FilterQuery = None,
    stage: FilterQuery = None,
    sort: FilterQuery = None,
    changed: FilterQuery = None,
) -> Response:
    if kind not in ("csv", "xlsx"):
        raise PageNotFound()
    filters = _filters(q, site, category, stage, sort, changed)
    exported = export_children(
        session,
        filters,
        words_for(request),
        kind=kind,
        phones=staff.may("phones"),
        actor=staff.username,
        now=now_ms(),
    )
    media = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[kind]
    return Response(
        exported.content,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="children.{kind}"',
            "X-Children-Exported": str(exported.rows),
            "X-Erased-Children-Left-Out": str(exported.erased_left_out),
        },
    )


def _child_or_404(session: SessionDep, child_id: str) -> Any:
    page = child_page(session, child_id)
    if page is None:
        raise PageNotFound()
    return page


@router.get("/children/{child_id}")
def child_detail_page(
    request: Request, child_id: str, staff: ChildrenStaff, session: SessionDep
) -> Response:
    page = _child_or_404(session, child_id)
    merge = merge_into(session, page.id, now=now_ms()) if page.merged_into else None
    return render(
        request,
        "child.html",
        {
            "child": page,
            "words": words_for(request, page.names),
            "devices": all_device_labels(session),
            "merge": merge,
            "saved": request.query_params.get("saved"),
        },
    )


def _erase_page(request: Request, session: SessionDep, page: Any, **extra: Any) -> Response:
    """The erasure's confirmation (*extra*: what to correct and what was typed), or the
    child's page when there is nothing to erase any more."""
    try:
        plan = plan_erasure(session, page.id)
    except ReviewError:
        return RedirectResponse(f"/children/{page.id}", status_code=303)
    context = {"child": page, "plan": plan, "words": words_for(request, page.names)} | extra
    return render(request, "erase_confirm.html", context, status_code=422 if extra else 200)


@router.get("/children/{child_id}/erase")
def erase_confirmation(
    request: Request, child_id: str, staff: EraseStaff, session: SessionDep
) -> Response:
    return _erase_page(request, session, _child_or_404(session, child_id))


@router.post("/children/{child_id}/erase")
def erase_child_page(
    request: Request, child_id: str, staff: EraseStaff, form: CsrfForm, session: SessionDep
) -> Response:
    page = _child_or_404(session, child_id)
    reason = form.get("reason", "").strip()
    if not erase_word_matches(form.get("confirm", "")):
        return _erase_page(request, session, page, problem="word", reason=reason)
    if not reason:
        return _erase_page(request, session, page, problem="reason", reason=reason)
    with contextlib.suppress(ReviewError):  # already erased: the page says so
        erase_child(session, page.id, staff_user=staff.username, now=now_ms(), reason=reason)
    return RedirectResponse(f"/children/{page.id}?saved=erased", status_code=303)
