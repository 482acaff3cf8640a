"""ss-desktop speaks the user's language: ``--lang`` or the system's, in its messages, its
help, the import's reasons and error report; a class list's total and signature rows are
skipped, not refused; each reason is printed once. Real processes, real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.unit.import_fixtures import good_rows, write_xlsx
from tests.unit.test_cli import run

CHINESE_SYSTEM = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
ENGLISH_SYSTEM = {"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8", "LANGUAGE": "en_GB"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli-lang") / "data"
    assert run(data, "init", "--admin", "admin").returncode == 0
    done = run(data, "demo", "--count", "0", "--json")  # the demo sites, no child
    assert done.returncode == 0, done.stderr
    return data


def _site(data_dir: Path) -> str:
    from ss_desktop.config import AppPaths
    from ss_desktop.services.sites import SitesService
    from ss_desktop.services.unlock import unlock
    from tests.unit.test_cli import PASSWORD

    app, session = unlock(AppPaths.resolve(data_dir), "admin", PASSWORD)
    try:
        return SitesService(app, session).list_sites()[0].code
    finally:
        app.close()


def _with_system(env: dict[str, str]):
    """run() with the system's language set by the environment (no --lang)."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    return saved


def _restore(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        (["--lang", "zh_CN"], "没有符合条件的儿童。"),
        (["--lang", "en"], "No child matches."),
        (CHINESE_SYSTEM, "没有符合条件的儿童。"),
        (ENGLISH_SYSTEM, "No child matches."),
    ],
)
def test_messages_follow_lang_or_the_system_language(data_dir, how, expected):
    if isinstance(how, dict):
        saved = _with_system(how)
        try:
            done = run(data_dir, "search", "zzzz")
        finally:
            _restore(saved)
    else:
        done = run(data_dir, *how, "search", "zzzz")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_errors_and_help_in_chinese(data_dir):
    wrong = run(data_dir, "--lang", "zh_CN", "stats", password="not the password")
    assert wrong.returncode == 2
    assert "用户名或密码错误" in wrong.stderr
    bad = run(data_dir, "--lang", "zh_CN", "export", str(data_dir / "x.pdf"))
    assert bad.returncode == 2 and "导出文件名必须以 .xlsx 或 .csv 结尾" in bad.stderr
    helped = run(data_dir, "--lang", "zh_CN", "--help", user=None)
    assert helped.returncode == 0 and "导入班级名单" in helped.stdout
    stats = run(data_dir, "--lang", "zh_CN", "stats")
    assert "儿童（在册）：0" in stats.stdout and "上次同步：从未" in stats.stdout
    for args, words in (
        (("search", "王", "--limit", "0"), "--limit 必须是 1 或更大的数"),
        (("sync", "--give-up-after", "0"), "--give-up-after 必须大于 0 秒"),
    ):
        refused = run(data_dir, "--lang", "zh_CN", *args)
        assert refused.returncode == 2 and words in refused.stderr, refused.stderr


@pytest.mark.parametrize(("lang", "separator"), [("en", ": "), ("zh_CN", "：")])
def test_stats_names_every_count_in_words(data_dir, lang, separator):
    """Each line of ``stats`` is labelled in the user's language (no internal key such as
    pending_records), and a yes/no reads as a word, not Python's False."""
    keys = json.loads(run(data_dir, "stats", "--json").stdout)
    shown = run(data_dir, "--lang", lang, "stats")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == len(keys)
    labels = [line.split(separator, 1)[0] for line in lines]
    assert not set(labels) & set(keys), labels
    assert all(line.split(separator, 1)[1] not in ("True", "False") for line in lines), lines


def _class_list(path: Path, *, footer: bool, bad: bool, seed: int) -> Path:
    rows = good_rows(6, seed=seed)
    if bad:
        rows[1][1] = "12"  # digits for a name: surname and given name both complain
        rows[2][2] = "?"  # not a gender
    if footer:
        rows += [
            [],
            ["合计", "6人", "男3人", "女3人", None, None, None, "班主任：李老师"],
            ["制表人：王老师", None, None, "2024年9月1日"],
        ]
    return write_xlsx(path, rows)


def test_a_clean_list_with_its_total_rows_imports_and_exits_0(data_dir, tmp_path):
    listed = _class_list(tmp_path / "class.xlsx", footer=True, bad=False, seed=21)
    done = run(
        data_dir, "--lang", "zh_CN", "import", str(listed), "--site", _site(data_dir), "--json"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = json.loads(done.stdout)
    assert (out["imported"], out["rejected"], out["skipped"]) == (6, 0, 2)
    assert [r["row"] for r in out["skipped_rows"]] == [11, 12]
    assert out["skipped_rows"][0]["reason"] == "这是名单的合计行或签名行，不是儿童：已跳过。"


def test_import_reasons_and_error_report_in_chinese_each_reason_once(data_dir, tmp_path):
    listed = _class_list(tmp_path / "mixed.xlsx", footer=True, bad=True, seed=22)
    report = tmp_path / "errors.xlsx"
    done = run(
        data_dir,
        "--lang",
        "zh_CN",
        "import",
        str(listed),
        "--site",
        _site(data_dir),
        "--dry-run",
        "--error-report",
        str(report),
    )
    assert done.returncode == 3, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "可导入 4 行，拒绝 2 行。"
    name_line = next(line for line in lines if line.startswith("  第 5 行："))
    assert name_line.count("姓名只能使用汉字或字母") == 1
    assert any("“?”不是性别" in line for line in lines)
    assert sum("已跳过" in line for line in lines) == 2
    sheet = load_workbook(report).active
    reasons = [row[-2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(reasons) == 2
    assert reasons[0].count("姓名只能使用汉字或字母") == 1
    assert "不是性别" in reasons[1]
    assert [c.value for c in sheet[1]][-1] == "行号"


def test_import_in_english_prints_each_reason_once(data_dir, tmp_path):
    listed = _class_list(tmp_path / "mixed.xlsx", footer=False, bad=True, seed=23)
    done = run(
        data_dir, "--lang", "en", "import", str(listed), "--site", _site(data_dir), "--dry-run"
    )
    assert done.returncode == 3
    name_line = next(line for line in done.stdout.splitlines() if line.startswith("  row 5:"))
    assert name_line.count("Use Chinese characters or letters only in the name") == 1
