"""Records to repair: stored records that cannot be sent to laptops as they are (staff).

A small page of its own (``/repair``): the records :mod:`ss_hq.core.record_problems` lists —
entity, site, field and problem, never a value — with a link to the child they belong to
(its edit page corrects the fields it shows), a button per field that clears the value that
cannot be kept (a written change like any other: history, change log, laptops), and a button
that checks every stored record again.
"""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ss_hq.api.deps import SessionDep
from ss_hq.core import record_problems
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Record
from ss_hq.core.records import OpRejected
from ss_hq.core.security import SignedInStaff
from ss_hq.review.review_service import staff_write
from ss_hq.review.search_service import site_names
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
RepairStaff = Annotated[SignedInStaff, allowed("children")]
EditStaff = Annotated[SignedInStaff, allowed("edit")]

# Problem codes (ss_core.protocol.record_fields) -> the English text of the page (translated
# with the pages' table).
PROBLEM_TEXTS = {
    "text.invalid_characters": "text with a character that cannot be stored (a lone surrogate or NUL)",
    "value.out_of_range": "a number outside the 64-bit range",
    "value.not_finite": "not a number (NaN or Infinity)",
    "value.invalid_type": "a value of the wrong type",
    "value.too_deep": "a value nested too deeply",
    "field_name.invalid": "a field name that cannot be stored",
    "hlc.invalid": "a damaged change stamp",
}


def _problem_rows(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(field, English problem text) of each problem code ``problem@field``."""
    rows = []
    for code in codes:
        problem, _, field = code.partition("@")
        rows.append((field, PROBLEM_TEXTS.get(problem, "a value that cannot be stored")))
    return rows


@router.get("/repair")
def repair_page(request: Request, staff: RepairStaff, session: SessionDep) -> Response:
    records = record_problems.listed(session)
    return render(
        request,
        "repair.html",
        {
            "records": records,
            "problems": _problem_rows,
            "sites": site_names(session, [r.site_id for r in records]),
            "checked": request.query_params.get("checked"),
            "cleared": request.query_params.get("cleared"),
            "error": request.query_params.get("error"),
        },
    )


@router.post("/repair/scan")
def scan_again(staff: EditStaff, _form: CsrfForm, session: SessionDep) -> Response:
    found = record_problems.scan(session, now=now_ms())
    return RedirectResponse(f"/repair?checked={found}", status_code=303)


@router.post("/repair/{record_id}/clear")
def clear_value(record_id: str, staff: EditStaff, form: CsrfForm, session: SessionDep) -> Response:
    """Clear one field whose stored value cannot be kept (empty is "not given")."""
    field = str(form.get("field", ""))
    record = session.get(Record, record_id[:36])
    if record is None or f"@{field}" not in "".join(record_problems.problems_of(record)):
        raise PageNotFound()
    try:
        staff_write(
            session,
            ChangeLogWriter(session),
            record,
            {field: None},
            staff_user=staff.username,
            now=now_ms(),
        )
    except OpRejected as exc:
        session.rollback()
        return RedirectResponse(f"/repair?error={quote(exc.message)}", status_code=303)
    session.commit()
    log.info("record %s: %s cleared for repair", record.id, field)
    return RedirectResponse("/repair?cleared=1", status_code=303)
