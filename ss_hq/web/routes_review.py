"""The conflicts inbox and suspected duplicates (review: staff and admin)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.security import SignedInStaff
from ss_hq.review.duplicates_service import dismiss_pair, list_open_pairs, merge_pair
from ss_hq.review.review_service import ReviewError, list_conflicts, resolve_conflict
from ss_hq.review.search_service import site_names
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render

router = APIRouter(include_in_schema=False)
ReviewStaff = Annotated[SignedInStaff, allowed("review")]


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise PageNotFound() from None


@router.get("/conflicts")
def conflicts_page(request: Request, staff: ReviewStaff, session: SessionDep) -> Response:
    conflicts = list_conflicts(session)
    return render(
        request,
        "conflicts.html",
        {
            "conflicts": conflicts,
            "show": _value,
            "done": request.query_params.get("done"),
            "error": request.query_params.get("error"),
        },
    )


@router.post("/conflicts/{conflict_id}/resolve")
def resolve_conflict_page(
    conflict_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep
) -> Response:
    try:
        resolve_conflict(
            session,
            _int(conflict_id),
            form.get("choice", ""),
            staff_user=staff.username,
            now=now_ms(),
        )
    except ReviewError as exc:
        return RedirectResponse(f"/conflicts?error={exc.code}", status_code=303)
    return RedirectResponse("/conflicts?done=1", status_code=303)


@router.get("/duplicates")
def duplicates_page(request: Request, staff: ReviewStaff, session: SessionDep) -> Response:
    pairs = list_open_pairs(session)
    return render(
        request,
        "duplicates.html",
        {
            "pairs": pairs,
            "sites": site_names(session),
            "done": request.query_params.get("done"),
            "error": request.query_params.get("error"),
        },
    )


@router.post("/duplicates/{pair_id}/merge")
def merge_page(pair_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep) -> Response:
    try:
        merge_pair(
            session, _int(pair_id), form.get("keep", ""), staff_user=staff.username, now=now_ms()
        )
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    return RedirectResponse("/duplicates?done=merged", status_code=303)


@router.post("/duplicates/{pair_id}/dismiss")
def dismiss_page(pair_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep) -> Response:
    try:
        dismiss_pair(session, _int(pair_id), staff_user=staff.username, now=now_ms())
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    return RedirectResponse("/duplicates?done=dismissed", status_code=303)
