"""Why a class-list file cannot be used at all (as opposed to problems in single cells)."""

from __future__ import annotations

from ss_desktop.services.errors import ServiceError


class ImportFileError(ServiceError):
    """The file is unusable: nothing was imported. ``code`` is one of FILE_ERROR_CODES."""

    code = "import.unreadable"


FILE_ERROR_CODES = (
    "import.missing",
    "import.empty",
    "import.too_large",
    "import.too_many_rows",
    "import.old_excel_or_password",
    "import.password_protected",
    "import.old_excel",
    "import.unreadable",
    "import.encoding",
    "import.no_header",
    "import.mapped_twice",
    "import.no_name_column",
    "import.site_required",
    "import.site_unknown",
)
