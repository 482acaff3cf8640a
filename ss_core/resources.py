"""Where the top-level ``resources/`` and ``docs/`` folders are, from source and in the frozen
app (build.spec copies both, with the same layout)."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        return Path(frozen_base)
    return Path(__file__).resolve().parent.parent


def resources_root() -> Path:
    """The ``resources`` folder: ``sys._MEIPASS/resources`` when frozen, else the repo's."""
    return _root() / "resources"


def docs_path(*parts: str) -> Path:
    """A path inside ``docs/`` (the user guides and their screenshots)."""
    return _root().joinpath("docs", *parts)


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``, e.g. ``resource_path("divisions", "areas.csv")``."""
    return resources_root().joinpath(*parts)
