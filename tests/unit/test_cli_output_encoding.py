"""The command line writes UTF-8 into files and pipes whatever the system's code page.

Python writes redirected output in the code page of Windows: 1252 on an English system, 936
(GBK) on a Chinese one. PYTHONIOENCODING gives a process the same streams here, so these
tests show on any system what a volunteer on Windows got: a crash in ``search`` (1252), or
``--json`` in GBK (936). The frozen Windows app is checked the same way under Wine
(packaging/windows/smoke.sh).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ss_desktop.console import setup_output_streams

PASSWORD = "Tree-house-42"


def run(data_dir: Path, *args: str, encoding: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SS_DESKTOP_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONUTF8", None)
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    cmd = [sys.executable, "-m", "ss_desktop", "--data-dir", str(data_dir)]
    if args[0] != "init":
        cmd += ["--user", "admin"]
    return subprocess.run(
        cmd + list(args), capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("encoding") / "数据 文件夹"
    assert run(data, "init", "--admin", "admin").returncode == 0
    done = run(data, "demo", "--count", "30", "--seed", "3", "--json")
    assert done.returncode == 0, done.stderr
    return data


def test_search_output_redirected_is_utf8_on_any_code_page(data_dir: Path) -> None:
    for code_page in ("cp1252", "gbk"):
        found = run(data_dir, "search", "a", "--json", encoding=code_page)
        assert found.returncode == 0, found.stderr.decode("utf-8", "replace")
        children = json.loads(found.stdout.decode("utf-8"))["children"]
        assert children and all(c["name"] and not c["name"].isascii() for c in children)

    plain = run(data_dir, "search", "a", encoding="cp1252")
    assert plain.returncode == 0, plain.stderr.decode("utf-8", "replace")
    assert children[0]["name"] in plain.stdout.decode("utf-8")


def test_error_messages_redirected_are_utf8(tmp_path: Path) -> None:
    data = tmp_path / "数据 文件夹"
    out = run(data, "stats", "--json", encoding="cp1252")
    assert out.returncode == 2
    assert str(data) in out.stderr.decode("utf-8")  # the folder's Chinese name, as UTF-8


class FakeStream(io.TextIOWrapper):
    def __init__(self, encoding: str, console: bool) -> None:
        # "\n" stays "\n" (not "\r\n" on Windows): the bytes compared are the encoding's
        super().__init__(io.BytesIO(), encoding=encoding, newline="\n")
        self.console = console

    def isatty(self) -> bool:
        return self.console


def test_a_pipe_in_any_encoding_becomes_utf8() -> None:
    for encoding in ("cp1252", "gbk", "ascii", "utf-8"):
        stream = FakeStream(encoding, console=False)
        setup_output_streams([stream])
        stream.write("王小明\n")
        stream.flush()
        assert stream.buffer.getvalue().decode("utf-8").strip() == "王小明"


def test_a_console_keeps_its_encoding_and_does_not_stop_on_what_it_cannot_show() -> None:
    stream = FakeStream("cp1252", console=True)
    setup_output_streams([stream])
    assert stream.encoding == "cp1252"
    stream.write("Zhang 张\n")  # raised UnicodeEncodeError before
    stream.flush()
    assert stream.buffer.getvalue() == b"Zhang ?\n"
    utf8 = FakeStream("utf-8", console=True)
    setup_output_streams([utf8])
    utf8.write("张\n")
    utf8.flush()
    assert utf8.buffer.getvalue() == "张\n".encode()


def test_missing_streams_are_left_alone() -> None:
    setup_output_streams([None])  # the windowed Windows app has no stdout
