"""Rules shared by the laptop (ss_desktop) and head office (ss_hq).

Imports neither Qt nor a database: see docs/design/architecture.md.
"""

from importlib import metadata

DISTRIBUTION = "stepping-stones-registration"


def version() -> str:
    """The installed version (pyproject.toml's, the one place it is written)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
