"""The command line's language: what ``ss-desktop`` prints follows ``--lang``, else the
system's language (Chinese on a Chinese system), as the app does.

Texts are English source text in the "Cli" translation context (and the contexts of the
services' messages), translated from the same catalogue as the app's
(:class:`ss_desktop.ui.i18n.Catalogue`, read without starting Qt). A text must be written out
in a ``translate("Cli", "...")`` call for ``make ts-update`` to find it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ss_desktop.ui.i18n import Catalogue, requested_language, resolve_language

_catalogue: Catalogue | None = None


def translate(context: str, text: str) -> str:
    """*text* (English) in the command line's language."""
    return _catalogue(context, text) if _catalogue is not None else text


def set_language(argv: Sequence[str]) -> str:
    """Choose the language for a command line (``--lang`` in *argv*, else the system's)."""
    global _catalogue
    _catalogue = Catalogue(resolve_language(requested_language(list(argv)), None))
    return _catalogue.language


def language() -> str:
    return _catalogue.language if _catalogue is not None else "en"
