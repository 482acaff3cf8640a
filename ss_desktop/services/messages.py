"""English text for every stable code the domain and the services produce.

The GUI translates these templates with ``QCoreApplication.translate(context, template)``;
``QT_TRANSLATE_NOOP`` (:mod:`ss_core.domain.labels`) is a plain function (this layer does not
import Qt) that pyside6-lupdate still recognises, so every template lands in the ``.ts`` files.
The CLI translates them with the same catalogue (a ``translate(context, text)`` callable).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from ss_core.domain.errors import Issue, ValidationFailed
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.db.engine import DatabaseError, OperationalError

ISSUE_CONTEXT = "Issue"
ERROR_CONTEXT = "ServiceError"

# translate(context, English source text) -> text in the user's language
Translate = Callable[[str, str], str]


def english(_context: str, text: str) -> str:
    return text


ISSUE_TEMPLATES: dict[str, str] = {
    "id_number.format": QT_TRANSLATE_NOOP(
        "Issue", "The ID number must have 18 characters: 17 digits and a last digit or X."
    ),
    "id_number.check_digit": QT_TRANSLATE_NOOP(
        "Issue",
        "The ID number's last character does not match the others. Check each digit against the card.",
    ),
    "id_number.invalid_birth_date": QT_TRANSLATE_NOOP(
        "Issue", "The birth date inside the ID number is not a real date. Check digits 7 to 14."
    ),
    "id_number.future_birth_date": QT_TRANSLATE_NOOP(
        "Issue", "The birth date inside the ID number is in the future. Check digits 7 to 14."
    ),
    "id_number.birth_date_mismatch": QT_TRANSLATE_NOOP(
        "Issue",
        "The ID number says the child was born on {id_birth_date}, which differs from the birth date on the form. Correct one of them.",
    ),
    "id_number.sex_mismatch": QT_TRANSLATE_NOOP(
        "Issue", "The ID number's 17th digit does not match the gender chosen on the form."
    ),
    "id_number.unknown_birthplace": QT_TRANSLATE_NOOP(
        "Issue",
        "The first six digits of the ID number are not a known place code. Check them; you can still save.",
    ),
    "phone.format": QT_TRANSLATE_NOOP(
        "Issue",
        "Enter an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 021-12345678).",
    ),
    "dob.format": QT_TRANSLATE_NOOP(
        "Issue",
        "Enter the birth date as year-month-day (2015-03-04), year-month (2015-03) or year (2015).",
    ),
    "dob.future": QT_TRANSLATE_NOOP("Issue", "The birth date is in the future."),
    "dob.too_old": QT_TRANSLATE_NOOP(
        "Issue", "This child is 18 or older. Check the birth date; you can still save."
    ),
    "dob.precision_mismatch": QT_TRANSLATE_NOOP(
        "Issue", "The birth date has more detail than the chosen precision."
    ),
    "date.format": QT_TRANSLATE_NOOP("Issue", "Enter the date as year-month-day, e.g. 2024-09-01."),
    "date.future": QT_TRANSLATE_NOOP("Issue", "This date is in the future."),
    "date.before_birth": QT_TRANSLATE_NOOP("Issue", "This date is before the child was born."),
    "name.required": QT_TRANSLATE_NOOP("Issue", "Enter the name."),
    "name.too_long": QT_TRANSLATE_NOOP("Issue", "The name is too long (at most {max} characters)."),
    "name.invalid_characters": QT_TRANSLATE_NOOP(
        "Issue", "Use Chinese characters or letters only in the name (a middle dot · is allowed)."
    ),
    "pinyin.invalid_characters": QT_TRANSLATE_NOOP(
        "Issue", "Use letters and spaces only in the pinyin."
    ),
    "text.too_long": QT_TRANSLATE_NOOP(
        "Issue", "This text is too long (at most {max} characters)."
    ),
    "text.invalid_characters": QT_TRANSLATE_NOOP(
        "Issue", "This text contains characters that cannot be saved."
    ),
    "value.required": QT_TRANSLATE_NOOP("Issue", "This field is required."),
    "value.invalid_type": QT_TRANSLATE_NOOP("Issue", "This value has the wrong form."),
    "enum.invalid": QT_TRANSLATE_NOOP("Issue", "Choose one of the listed options."),
    "division.format": QT_TRANSLATE_NOOP("Issue", "A place code has 6 digits."),
    "division.unknown": QT_TRANSLATE_NOOP(
        "Issue", "This place code is not in the list of provinces, prefectures and counties."
    ),
    "grade.out_of_range": QT_TRANSLATE_NOOP(
        "Issue", "This grade does not exist in this school stage."
    ),
    "disability_grade.out_of_range": QT_TRANSLATE_NOOP(
        "Issue", "The disability grade is 1 (most severe) to 4."
    ),
    "consent.scopes_required": QT_TRANSLATE_NOOP(
        "Issue", "Tick at least one thing the guardian agreed to."
    ),
    "consent.self_under_14": QT_TRANSLATE_NOOP(
        "Issue", "A child under 14 cannot consent alone: record the guardian's consent."
    ),
    "consent.withdrawal_reason_required": QT_TRANSLATE_NOOP(
        "Issue", "Say why the consent was withdrawn."
    ),
    "reference.unknown": QT_TRANSLATE_NOOP(
        "Issue", "This refers to a record that does not exist (any more). Reload and try again."
    ),
    "consent.withdrawn_before_given": QT_TRANSLATE_NOOP(
        "Issue", "The withdrawal date is before the consent date."
    ),
    "consent.sensitive_scope_required": QT_TRANSLATE_NOOP(
        "Issue",
        "Disability, health, income and care details need the guardian's consent for sensitive details: tick “Sensitive details (disability, health, income, care)” in the consent, or leave this empty.",
    ),
}

ERROR_TEMPLATES: dict[str, str] = {
    "sign_in.failed": QT_TRANSLATE_NOOP("ServiceError", "Wrong user name or password."),
    "sign_in.locked": QT_TRANSLATE_NOOP(
        "ServiceError", "Too many wrong passwords. Try again in {seconds} seconds."
    ),
    "sign_in.inactive": QT_TRANSLATE_NOOP(
        "ServiceError", "This account is switched off. Ask an administrator."
    ),
    "permission.denied": QT_TRANSLATE_NOOP("ServiceError", "Your role may not do this."),
    "permission.view_sensitive": QT_TRANSLATE_NOOP(
        "ServiceError",
        "Your role may not show hidden details (ID number, phone, disability, hardship, care placement). Ask a coordinator.",
    ),
    "demo.sites_not_here": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This laptop is enrolled for sites head office has not sent yet. Sync once, then add the demo children: they go to this laptop's own sites.",
    ),
    "site.not_allowed": QT_TRANSLATE_NOOP(
        "ServiceError", "You may only work with children of your own sites."
    ),
    "not_found": QT_TRANSLATE_NOOP("ServiceError", "This record no longer exists."),
    "setup.already_initialized": QT_TRANSLATE_NOOP(
        "ServiceError", "This data folder is already set up ({path})."
    ),
    "setup.not_initialized": QT_TRANSLATE_NOOP(
        "ServiceError", "No data here yet ({path}). Run 'ss-desktop init --admin NAME' first."
    ),
    "user.exists": QT_TRANSLATE_NOOP("ServiceError", "A user with this name already exists."),
    "user.name_invalid": QT_TRANSLATE_NOOP(
        "ServiceError", "A user name has 2 to 32 letters, digits, dots, dashes or underscores."
    ),
    "password.too_short": QT_TRANSLATE_NOOP(
        "ServiceError", "The password needs at least {min} characters."
    ),
    "password.too_common": QT_TRANSLATE_NOOP(
        "ServiceError", "This password is too easy to guess. Choose another."
    ),
    "archive.reason_required": QT_TRANSLATE_NOOP(
        "ServiceError", "Say why the record is archived or restored."
    ),
    "duplicate.id_number_needs_reason": QT_TRANSLATE_NOOP(
        "ServiceError",
        "A child with this ID number is already registered on this laptop. Check the number, "
        "or give the reason to register a second child with it.",
    ),
    "backup.not_a_backup": QT_TRANSLATE_NOOP(
        "ServiceError", "This file is not a backup of this app."
    ),
    "backup.missing": QT_TRANSLATE_NOOP("ServiceError", "The file does not exist: {path}"),
    "backup.target_exists": QT_TRANSLATE_NOOP(
        "ServiceError", "A file already exists there: {path}. Choose another name."
    ),
    "database.not_ours": QT_TRANSLATE_NOOP(
        "ServiceError", "The data file is not a database of this app. It was not changed."
    ),
    "database.corrupt": QT_TRANSLATE_NOOP(
        "ServiceError", "The data file is damaged. It was not changed; restore a backup."
    ),
    "database.empty": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data file is empty (0 bytes): it was damaged, for example by a power cut. It was not changed. Restore a backup: the sign-in window offers the automatic backups.",
    ),
    "database.missing": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data file is missing ({path}), although this laptop has accounts. Nothing was changed. Restore a backup: the sign-in window offers the automatic backups.",
    ),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This backup file is damaged or incomplete (cut short while it was written or copied?). Nothing was changed. Choose another backup.",
    ),
    "backup.too_new": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This backup was made by a newer version of this app ({version}). Install that version or a newer one to restore it. Nothing was changed.",
    ),
    "backup.other_laptop": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This backup was made on another laptop: restoring it here would replace this laptop's own data. Nothing was changed. To move a laptop's data to a new laptop, restore the backup there before its first run.",
    ),
    "backup.too_old": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This backup is from a release before encryption: it can only be restored from Settings while the data opens. Nothing was changed.",
    ),
    "backup.verify_failed": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The backup could not be verified after writing ({reason}), so it was not kept. Check the disk and try again.",
    ),
    "backup.not_possible": QT_TRANSLATE_NOOP(
        "ServiceError", "These data are not encrypted yet: sign in once, then back up."
    ),
    "backup.drive_absent": QT_TRANSLATE_NOOP(
        "ServiceError", "The removable drive for backups is not plugged in."
    ),
    "backup.drive_failed": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The copy to the removable drive failed. Check the drive; the backup on this laptop was made.",
    ),
    "restore.data_opens": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data opens normally. Sign in and restore from Settings instead. Nothing was changed.",
    ),
    "restore.data_looks_whole": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data file looks whole, and this password does not open it. Sign in, then restore from Settings. Nothing was changed.",
    ),
    "database.too_new": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data was saved by a newer version of this app. Install the newer version; the data was not changed.",
    ),
    "database.migration_failed": QT_TRANSLATE_NOOP(
        "ServiceError",
        "Updating the data file failed. A copy made before the update is at {backup}.",
    ),
    "database.locked": QT_TRANSLATE_NOOP(
        "ServiceError", "The data file is busy (another copy of the app?). Try again."
    ),
    "disk.full": QT_TRANSLATE_NOOP(
        "ServiceError", "The disk is full. Free some space; nothing typed was lost."
    ),
    "validation.failed": QT_TRANSLATE_NOOP("ServiceError", "Some fields need fixing: {fields}"),
    "keyfile.missing": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The key file is missing ({path}), so the encrypted data cannot be opened. Put the data folder back as it was, or ask head office for a recovery (see the user guide).",
    ),
    "keyfile.damaged": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The key file is damaged or cut short ({path}). Nothing was changed. Put back a good copy of the data folder, or ask head office for a recovery.",
    ),
    "keyfile.foreign": QT_TRANSLATE_NOOP(
        "ServiceError", "The key file is not one of this app ({path}). Nothing was changed."
    ),
    "keyfile.too_new": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The key file was written by a newer version of this app ({path}). Install the newer version.",
    ),
    "keyfile.not_this_database": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data file does not belong to this laptop's key file (was it copied from another laptop?). Nothing was changed. Restore a backup made on this laptop, or ask head office for a recovery.",
    ),
    "backup.wrong_password": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This password does not open the backup. Enter the password that {user} had when the backup was made. Nothing was changed.",
    ),
    "recovery.no_wrap": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This laptop was never enrolled with head office, so head office cannot recover its data. Only a user's password opens it.",
    ),
    "recovery.no_request": QT_TRANSLATE_NOOP(
        "ServiceError",
        "No recovery was requested on this laptop. Make a request first ('ss-desktop recovery request FILE').",
    ),
    "recovery.bad_file": QT_TRANSLATE_NOOP(
        "ServiceError",
        "This is not head office's answer to this laptop's recovery request ({reason}). Nothing was changed.",
    ),
    "site.name_required": QT_TRANSLATE_NOOP("ServiceError", "Enter the site's name."),
    "site.name_too_long": QT_TRANSLATE_NOOP(
        "ServiceError", "The site's name is too long (at most {max} characters)."
    ),
    "site.code_invalid": QT_TRANSLATE_NOOP(
        "ServiceError", "A site code has up to 32 letters, digits, dashes or underscores."
    ),
    "site.type_invalid": QT_TRANSLATE_NOOP("ServiceError", "Choose the kind of site."),
    "export.format": QT_TRANSLATE_NOOP(
        "ServiceError", "Export to a file ending in .xlsx or .csv (not “{suffix}”)."
    ),
    "password.rules": QT_TRANSLATE_NOOP(
        "ServiceError", "This password does not meet the password rules: choose another one."
    ),
    "setup.failed": QT_TRANSLATE_NOOP(
        "ServiceError",
        "The data folder could not be set up. Check that the folder can be written to, then try again.",
    ),
}

# Exit codes of the CLI per error code (2 = the input is unusable).
USAGE_CODES = {
    "demo.sites_not_here",
    "sign_in.failed",
    "sign_in.locked",
    "sign_in.inactive",
    "permission.denied",
    "site.not_allowed",
    "permission.view_sensitive",
    "setup.already_initialized",
    "setup.not_initialized",
    "user.exists",
    "user.name_invalid",
    "password.too_short",
    "password.too_common",
    "archive.reason_required",
    "duplicate.id_number_needs_reason",
    "backup.not_a_backup",
    "backup.missing",
    "backup.target_exists",
    "database.not_ours",
    "database.corrupt",
    "database.too_new",
    "validation.failed",
    "not_found",
    "site.name_required",
    "site.name_too_long",
    "site.code_invalid",
    "site.type_invalid",
    "keyfile.missing",
    "keyfile.damaged",
    "keyfile.foreign",
    "keyfile.too_new",
    "keyfile.not_this_database",
    "backup.wrong_password",
    "database.empty",
    "database.missing",
    "backup.damaged",
    "backup.too_new",
    "backup.other_laptop",
    "backup.too_old",
    "restore.data_opens",
    "restore.data_looks_whole",
    "recovery.no_wrap",
    "recovery.no_request",
    "recovery.bad_file",
    "export.format",
    "password.rules",
}


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_SafeDict({k: v for k, v in params.items()}))


def issue_text(issue: Issue, translate: Translate = english) -> str:
    template = ISSUE_TEMPLATES.get(str(issue.code))
    if template is None:
        return str(issue.code)
    return fill(translate(ISSUE_CONTEXT, template), issue.params)


def error_code_of(exc: BaseException) -> tuple[str, dict[str, Any]]:
    """The stable code and parameters for any exception a service call may raise."""
    from ss_desktop.services.errors import ServiceError

    if isinstance(exc, ServiceError):
        return exc.code, exc.params
    if isinstance(exc, ValidationFailed):
        return "validation.failed", {"fields": ", ".join(sorted({i.field for i in exc.issues}))}
    name = type(exc).__name__
    mapping = {
        "NotOurDatabaseError": "database.not_ours",
        "PlaintextDatabaseError": "database.not_ours",
        "WrongKeyError": "keyfile.not_this_database",
        "CorruptDatabaseError": "database.corrupt",
        "DatabaseTooNewError": "database.too_new",
    }
    if name in mapping:
        return mapping[name], {}
    if name == "MigrationFailedError":
        return "database.migration_failed", {"backup": getattr(exc, "backup_path", None)}
    text = str(getattr(exc, "orig", exc)).lower()
    if (
        isinstance(getattr(exc, "orig", exc), (sqlite3.OperationalError, OperationalError))
        or "sqlite" in text
    ):
        if "locked" in text or "busy" in text:
            return "database.locked", {}
        if "full" in text:
            return "disk.full", {}
    if (
        isinstance(getattr(exc, "orig", exc), (sqlite3.DatabaseError, DatabaseError))
        and "malformed" in text
    ):
        return "database.corrupt", {}
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return "disk.full", {}
    return "unexpected", {"type": name}


def describe_error(exc: BaseException, translate: Translate = english) -> tuple[str, int]:
    """Message (English, or translated by *translate*) and CLI exit code for an exception."""
    code, params = error_code_of(exc)
    if code == "validation.failed" and isinstance(exc, ValidationFailed):
        lines = dict.fromkeys(f"{i.field}: {issue_text(i, translate)}" for i in exc.issues)
        head = translate("Cli", "some fields need fixing:")
        return head + "\n  " + "\n  ".join(lines), 2
    if code == "unexpected":
        text = translate("Cli", "unexpected error ({type}); see the log file for details")
        return fill(text, params), 1
    template = ERROR_TEMPLATES.get(code)
    text = fill(translate(ERROR_CONTEXT, template), params) if template else code
    return text, (2 if code in USAGE_CODES else 1)
