"""How the command line writes text: UTF-8 into files and pipes, the console's own way on a
console.

Without this, Python writes redirected output in the system's code page: on an English
Windows (code page 1252) printing a Chinese name raised UnicodeEncodeError, and on a Chinese
Windows (936) ``--json`` came out in GBK. The frozen app ignores PYTHONUTF8 and
PYTHONIOENCODING, so the streams are set up here, first thing in ``main()``.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable
from typing import TextIO


def _is_console(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def setup_output_streams(streams: Iterable[TextIO | None] | None = None) -> None:
    """Files and pipes get UTF-8; a console keeps its encoding and shows '?' for a
    character it cannot show instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or reconfigure is None:
            continue  # no stream at all (the windowed app), or one we did not make
        if _is_console(stream):
            if codecs.lookup(stream.encoding).name != "utf-8":
                reconfigure(errors="replace")
        elif codecs.lookup(stream.encoding).name != "utf-8":
            reconfigure(encoding="utf-8")
