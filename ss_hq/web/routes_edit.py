"""Staff correct a child's record: GET/POST ``/children/{id}/edit`` (admin and staff).

The page shows the form and the outcome; checking and saving are
:func:`ss_hq.review.child_edit_service.save_child_edit`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from ss_core.domain import labels as L
from ss_core.domain.enums import (
    Category,
    DobPrecision,
    Gender,
    LivingArrangement,
    SchoolSystem,
    Stage,
)
from ss_hq.admin.site_service import open_site_names
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Record
from ss_hq.core.security import SignedInStaff
from ss_hq.review.child_edit_service import EDITABLE_FIELDS, editable_child, save_child_edit
from ss_hq.review.review_service import ReviewError
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render, words_for
from ss_hq.web.i18n import issue_message

router = APIRouter(include_in_schema=False)
EditStaff = Annotated[SignedInStaff, allowed("edit")]


def _shown(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as the form shows them (text), categories as a list."""
    shown: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        value = values.get(name)
        if name == "categories":
            shown[name] = [str(c) for c in value] if isinstance(value, list) else []
        else:
            shown[name] = "" if value is None else str(value)
    return shown


def _options(request: Request, sites: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """The choices, labelled as the laptop labels them (the shared tables)."""
    words = words_for(request)
    return {
        "gender": [(str(int(g)), words.code(L.GENDER, int(g))) for g in Gender],
        "dob_precision": [(p.value, words.code(L.DOB_PRECISION, p.value)) for p in DobPrecision],
        "site_id": sorted(sites.items(), key=lambda item: item[1]),
        "stage": [(s.value, words.code(L.STAGE, s.value)) for s in Stage],
        "school_system": [(s.value, words.code(L.SCHOOL_SYSTEM, s.value)) for s in SchoolSystem],
        "living_arrangement": [(a.value, words.code(L.LIVING, a.value)) for a in LivingArrangement],
        "categories": [(c.value, words.code(L.CATEGORY, c.value)) for c in Category],
    }


def _edit_page(
    request: Request,
    record: Record,
    values: Mapping[str, Any],
    *,
    version: int,
    sites: Mapping[str, str],
    issues: Mapping[str, str] | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> Response:
    t = words_for(request).t
    issues = issues or {}
    errors = {name: t(issue_message(code)) for name, code in issues.items()}
    other_errors = [message for name, message in errors.items() if name not in EDITABLE_FIELDS]
    return render(
        request,
        "child_edit.html",
        {
            "record": record,
            "version": version,
            "values": _shown(values),
            "errors": errors,
            "other_errors": other_errors,
            "options": _options(request, sites),
            "notice": notice,
        },
        status_code=status_code,
    )


async def posted_categories(request: Request) -> list[str]:
    """The ticked category boxes (a repeated form field, which CsrfForm's dict drops)."""
    form = await request.form()
    return [c for c in form.getlist("categories") if isinstance(c, str)][:20]


PostedCategories = Annotated[list[str], Depends(posted_categories)]


def _editable(session: Session, child_id: str) -> Record | None:
    """The child to edit; None when it was erased or merged (PageNotFound when unknown)."""
    try:
        return editable_child(session, child_id)
    except ReviewError as exc:
        if exc.code == "not_found":
            raise PageNotFound() from None
        return None


def _refuse_tombstone(request: Request) -> Response:
    message = "This child's record was erased or merged into another record and cannot be edited."
    return render(request, "message.html", {"message": message}, status_code=409)


@router.get("/children/{child_id}/edit")
def edit_child_form(
    request: Request, child_id: str, staff: EditStaff, session: SessionDep
) -> Response:
    record = _editable(session, child_id)
    if record is None:
        return _refuse_tombstone(request)
    sites = open_site_names(session, also=record.site_id)
    return _edit_page(request, record, record.fields or {}, version=record.version, sites=sites)


@router.post("/children/{child_id}/edit")
def save_child_edit_page(
    request: Request,
    child_id: str,
    staff: EditStaff,
    form: CsrfForm,
    categories: PostedCategories,
    session: SessionDep,
) -> Response:
    record = _editable(session, child_id)
    if record is None:
        return _refuse_tombstone(request)
    sites = open_site_names(session, also=record.site_id)
    try:
        outcome = save_child_edit(
            session,
            record.id,
            form,
            categories,
            sites=sites,
            staff_user=staff.username,
            now=now_ms(),
        )
    except ReviewError:
        message = "The form was incomplete. Reload the page and try again."
        return render(request, "message.html", {"message": message}, status_code=400)
    if outcome.saved:
        return RedirectResponse(f"/children/{record.id}?saved=1", status_code=303)
    record = editable_child(session, record.id)
    invalid = "Some values are not valid. Nothing was saved; correct the marked fields."
    return _edit_page(
        request,
        record,
        outcome.values,
        version=outcome.base_version,
        sites=sites,
        issues=outcome.issues,
        notice=invalid if outcome.issues else "Nothing was changed.",
        status_code=422 if outcome.issues else 200,
    )
