"""The version of the installed app."""

from __future__ import annotations

from importlib import metadata


def app_version() -> str:
    try:
        return metadata.version("stepping-stones-registration")
    except metadata.PackageNotFoundError:
        return "0+unknown"
