"""The conflicts inbox and suspected duplicates (review: staff and admin): resolving a
conflict, and merging a pair or saying it is not the same child, each after a confirmation
page that says what will change and asks for a reason; splitting a merge again (admins)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.security import SignedInStaff
from ss_hq.review.child_view import reference_names
from ss_hq.review.duplicates_service import (
    dismiss_pair,
    dismissed_pairs,
    list_open_pairs,
    pair_by_id,
    reopen_pair,
)
from ss_hq.review.merge_plan import plan_merge
from ss_hq.review.merge_service import (
    SPLIT_DAYS,
    merge_of,
    merge_pair,
    recent_merges,
    split_merge,
)
from ss_hq.review.review_service import ReviewError, get_conflict, list_conflicts, resolve_conflict
from ss_hq.review.search_service import site_names
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render, words_for

router = APIRouter(include_in_schema=False)
ReviewStaff = Annotated[SignedInStaff, allowed("review")]
SplitStaff = Annotated[SignedInStaff, allowed("split")]


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise PageNotFound() from None


def _query_int(request: Request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() and len(value) < 18 else None


# ------------------------------------------------------------------------------ conflicts


@router.get("/conflicts")
def conflicts_page(request: Request, staff: ReviewStaff, session: SessionDep) -> Response:
    conflicts = list_conflicts(session)
    ids = {c.child_id or "" for c in conflicts} | {str(c.current_value) for c in conflicts}
    resolved_id = _query_int(request, "resolved")
    resolved = get_conflict(session, resolved_id) if resolved_id is not None else None
    return render(
        request,
        "conflicts.html",
        {
            "conflicts": conflicts,
            "resolved": resolved,
            "devices": all_device_labels(session),
            "words": words_for(request, reference_names(session, ids)),
            "error": request.query_params.get("error"),
        },
    )


@router.post("/conflicts/{conflict_id}/resolve")
def resolve_conflict_page(
    conflict_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep
) -> Response:
    number = _int(conflict_id)
    try:
        resolve_conflict(
            session,
            number,
            form.get("choice", ""),
            staff_user=staff.username,
            now=now_ms(),
            combined=form.get("combined"),
        )
    except ReviewError as exc:
        return RedirectResponse(f"/conflicts?error={exc.code}#conflict-{number}", status_code=303)
    return RedirectResponse(f"/conflicts?resolved={number}", status_code=303)


# ------------------------------------------------------------------------------ duplicates


@router.get("/duplicates")
def duplicates_page(request: Request, staff: ReviewStaff, session: SessionDep) -> Response:
    now = now_ms()
    merged_id = _query_int(request, "merged")
    pair_id = _query_int(request, "dismissed") or _query_int(request, "reopened")
    return render(
        request,
        "duplicates.html",
        {
            "pairs": list_open_pairs(session),
            "sites": site_names(session),
            "devices": all_device_labels(session),
            "merges": recent_merges(session, now=now),
            "dismissed": dismissed_pairs(session),
            "split_days": SPLIT_DAYS,
            "merged": merge_of(session, merged_id, now=now) if merged_id is not None else None,
            "pair_done": pair_by_id(session, pair_id) if pair_id is not None else None,
            "done": request.query_params.get("done"),
            "error": request.query_params.get("error"),
            "words": words_for(request),
        },
    )


def _merge_page(
    request: Request, session: SessionDep, pair_id: int, keep: str, **extra: Any
) -> Response:
    try:
        plan = plan_merge(session, pair_id, keep)
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    ids = {plan.keep_id, plan.drop_id, plan.site_id or "", plan.drop_site_id or ""}
    for dependent in [*plan.moves, *(d.removed for d in plan.duplicates)]:
        ids.update(str(dependent.fields.get(k) or "") for k in ("program_id", "session_id"))
    names = reference_names(session, ids)
    context = {"plan": plan, "words": words_for(request, names), "reason": ""} | extra
    return render(request, "merge_confirm.html", context, status_code=422 if extra else 200)


@router.get("/duplicates/{pair_id}/merge")
def merge_confirmation(
    request: Request, pair_id: str, staff: ReviewStaff, session: SessionDep, keep: str = ""
) -> Response:
    return _merge_page(request, session, _int(pair_id), keep[:36])


@router.post("/duplicates/{pair_id}/merge")
def merge_page(
    request: Request, pair_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep
) -> Response:
    number, keep = _int(pair_id), form.get("keep", "")[:36]
    reason = form.get("reason", "").strip()
    if not reason:
        return _merge_page(request, session, number, keep, problem="reason")
    try:
        result = merge_pair(
            session, number, keep, staff_user=staff.username, now=now_ms(), reason=reason
        )
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    return RedirectResponse(f"/duplicates?merged={result.merge_id}", status_code=303)


def _pair_page(
    request: Request, session: SessionDep, pair_id: int, template: str, **extra: Any
) -> Response:
    pair = pair_by_id(session, pair_id)
    if pair is None:
        raise PageNotFound()
    context = {
        "pair": pair,
        "sites": site_names(session),
        "devices": all_device_labels(session),
        "words": words_for(request),
        "reason": "",
    } | extra
    return render(request, template, context, status_code=422 if extra else 200)


@router.get("/duplicates/{pair_id}/dismiss")
def dismiss_confirmation(
    request: Request, pair_id: str, staff: ReviewStaff, session: SessionDep
) -> Response:
    pair = pair_by_id(session, _int(pair_id))
    if pair is None or pair.status != "open":
        return RedirectResponse("/duplicates?error=not_found", status_code=303)
    return _pair_page(request, session, pair.id, "dismiss_confirm.html")


@router.post("/duplicates/{pair_id}/dismiss")
def dismiss_page(
    request: Request, pair_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep
) -> Response:
    number = _int(pair_id)
    reason = form.get("reason", "").strip()
    if not reason:
        return _pair_page(request, session, number, "dismiss_confirm.html", problem="reason")
    try:
        dismiss_pair(session, number, staff_user=staff.username, now=now_ms(), reason=reason)
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    return RedirectResponse(f"/duplicates?dismissed={number}", status_code=303)


@router.post("/duplicates/{pair_id}/reopen")
def reopen_page(pair_id: str, staff: ReviewStaff, form: CsrfForm, session: SessionDep) -> Response:
    """Undo a wrong "not the same child": the pair is back in the list."""
    number = _int(pair_id)
    try:
        reopen_pair(
            session,
            number,
            staff_user=staff.username,
            now=now_ms(),
            reason=form.get("reason", ""),
        )
    except ReviewError as exc:
        return RedirectResponse(f"/duplicates?error={exc.code}", status_code=303)
    return RedirectResponse(f"/duplicates?reopened={number}#pair-{number}", status_code=303)


# ------------------------------------------------------------------------------ split


def _split_page(request: Request, session: SessionDep, merge_id: int, **extra: Any) -> Response:
    merge = merge_of(session, merge_id, now=now_ms())
    if merge is None:
        raise PageNotFound()
    return render(
        request,
        "split_confirm.html",
        {"merge": merge, "split_days": SPLIT_DAYS, "reason": ""} | extra,
        status_code=422 if extra else 200,
    )


@router.get("/merges/{merge_id}/split")
def split_confirmation(
    request: Request, merge_id: str, staff: SplitStaff, session: SessionDep
) -> Response:
    return _split_page(request, session, _int(merge_id))


@router.post("/merges/{merge_id}/split")
def split_page(
    request: Request, merge_id: str, staff: SplitStaff, form: CsrfForm, session: SessionDep
) -> Response:
    number = _int(merge_id)
    reason = form.get("reason", "").strip()
    if not reason:
        return _split_page(request, session, number, problem="reason")
    try:
        new_child = split_merge(
            session, number, staff_user=staff.username, now=now_ms(), reason=reason
        )
    except ReviewError as exc:
        return _split_page(request, session, number, problem=exc.code)
    return RedirectResponse(f"/children/{new_child}?saved=split", status_code=303)
