"""A USB bundle brought to head office, applied from the Devices page.

The same path as ``ss-hq import-bundle``: the bundle's signature and encryption are checked,
its changes go through the push path (a bundle applied twice is all "duplicate" the second
time), and the signed receipt — acknowledgements plus head office's changes for that laptop —
comes back as a download to carry back to the laptop.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.sync.bundle_service import BundleRefused, import_bundle
from ss_hq.web.deps import CsrfForm, render
from ss_hq.web.routes_admin import DeviceStaff, devices_context

router = APIRouter(include_in_schema=False)
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


@router.post("/devices/bundles")
async def upload_bundle(
    request: Request, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    submitted = await request.form()  # already parsed (and its CSRF token checked) by CsrfForm
    upload = submitted.get("bundle")
    problem: str | None = None
    detail = ""
    data = b""
    if not isinstance(upload, UploadFile) or not upload.filename:
        problem = "choose"
    else:
        data = await upload.read(MAX_BUNDLE_BYTES + 1)
        if not data:
            problem = "empty"
        elif len(data) > MAX_BUNDLE_BYTES:
            problem = "too_large"
    if problem is None:
        try:
            result = import_bundle(session, data, now=now_ms())
        except BundleRefused as exc:
            problem = exc.code
            detail = exc.message
        else:
            name = f"receipt-{result.bundle_id[:13]}.ssr"
            counts = ",".join(f"{k}={v}" for k, v in sorted(result.statuses.items()))
            return Response(
                result.receipt,
                media_type="application/octet-stream",
                headers={
                    "Content-Disposition": f'attachment; filename="{name}"',
                    "X-Bundle-Changes": counts,
                },
            )
    context = devices_context(request, session, now_ms())
    context["bundle_error"] = problem
    context["bundle_detail"] = detail
    return render(request, "devices.html", context, status_code=422)
