"""Where the reference data and assets are (``resources/`` in the source tree): administrative
divisions, icons, compiled translations.

- the frozen app: ``sys._MEIPASS/resources`` (build.spec puts them there);
- a source checkout, or an editable install: the repository's ``resources/``;
- an installed package (``pip install '.[desktop]'``): the package ``ss_resources``, which is
  the same folder installed by setup.py, with the translations compiled during the build.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


@lru_cache(maxsize=1)
def resources_root() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        return Path(frozen_base) / "resources"
    source_tree = Path(__file__).resolve().parent.parent / "resources"
    if (source_tree / "divisions").is_dir():
        return source_tree
    spec = find_spec("ss_resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return source_tree  # nothing found: lookups say which file is missing


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``, e.g. ``resource_path("divisions", "areas.csv")``."""
    return resources_root().joinpath(*parts)
