"""The tables of docs/design/interfaces.md that are read from the code, so they cannot drift:
the commands and options of ``ss-desktop`` and ``ss-hq`` (their argparse parsers), the keys of
their ``--json`` outputs, the HTTP routes of head office (its FastAPI app), the environment
variables the programs read, and the column headers a class-list import recognises.

    .venv/bin/python -m scripts.design_tables           # rewrite the tables in the document
    .venv/bin/python -m scripts.design_tables --check   # exit 1 when a table is out of date

Each table sits between ``<!-- table: NAME -->`` and ``<!-- end table -->``;
tests/unit/test_docs_interfaces.py fails when one differs from what this script makes.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "design" / "interfaces.md"
SOURCES = ("ss_core", "ss_desktop", "ss_hq")
BLOCK = re.compile(r"(<!-- table: ([\w-]+) -->\n)(.*?)(<!-- end table -->)", re.S)

# What each environment variable is for (a variable the code reads without a line here makes
# the script stop and say so).
ENVIRONMENT = {
    "SS_DESKTOP_HOME": "the laptop's data folder, as `--data-dir` (which wins)",
    "SS_DESKTOP_PASSWORD": "the password of `--user` (or of the new admin for `init`, the new"
    " password for `recovery apply`); without it the command prompts on a terminal",
    "SS_DESKTOP_BACKUP_PASSWORD": "for `restore`: the password as it was when the backup was"
    " made (default: `SS_DESKTOP_PASSWORD`)",
    "SS_DESKTOP_EXIT_WHEN_READY": "set: the GUI prints `READY <time>` and exits as soon as the"
    " sign-in window or the first-run wizard shows (start-time benchmarks)",
    "SS_HQ_DATABASE_URL": "head office's database (`--db` wins); default: a SQLite file in the"
    " platform's data folder",
    "SS_HQ_KEYS_DIR": "read into the settings (`keys_dir`), used by nothing: head office's keys"
    " are rows of its database (`server_key`)",
    "SS_HQ_MAX_BODY_BYTES": "the largest request body, decompressed (default 16 MiB)",
    "SS_HQ_PASSWORD": "the password of `ss-hq create-staff`; without it the command prompts",
}


# ------------------------------------------------------------------ commands


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())
    usage = usage.removeprefix("usage: ").replace(" [-h]", "")
    return usage.replace(" COMMAND ...", " COMMAND").replace(" ACTION ...", " ACTION")


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[Any] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """(usage, help) of every command that does something, sub-commands included."""
    sub = _subparsers(parser)
    if sub is None:
        return
    helps = {choice.dest: choice.help or "" for choice in sub._choices_actions}
    for name, child in sub.choices.items():
        if _subparsers(child) is not None:
            yield from commands(child)
        else:
            yield _usage(child), helps.get(name, "")


def global_options(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    for action in parser._actions:
        if action.option_strings and not isinstance(action, argparse._HelpAction):
            spelled = ", ".join(action.option_strings)
            if action.nargs != 0:
                spelled += f" {action.metavar or action.dest.upper()}"
            yield spelled, action.help or ""


def command_table(parser: argparse.ArgumentParser) -> list[str]:
    rows = ["| command | what it does |", "| --- | --- |"]
    rows += [f"| `{_cell(usage)}` | {_cell(text)} |" for usage, text in commands(parser)]
    return rows


def options_table(parser: argparse.ArgumentParser) -> list[str]:
    rows = ["| option | meaning |", "| --- | --- |"]
    rows += [f"| `{_cell(option)}` | {_cell(text)} |" for option, text in global_options(parser)]
    return rows


def desktop_parser() -> argparse.ArgumentParser:
    from ss_desktop.cli.parser import build_parser

    return build_parser()


def hq_parser() -> argparse.ArgumentParser:
    from ss_hq.__main__ import build_parser

    return build_parser()


# ------------------------------------------------------------------ --json outputs


def _function(path: Path, name: str) -> ast.FunctionDef:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise LookupError(f"{name} is not in {path}")


def _printed_dict(path: Path, function: str) -> list[str]:
    """Keys of the dict literal a command function prints as JSON: ``emit(args, {...})``,
    ``_print_json({...})``, or ``summary = {...}``."""
    for node in ast.walk(_function(path, function)):
        found = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "emit" and len(node.args) > 1:
                found = node.args[1]
            elif node.func.id == "_print_json" and node.args:
                found = node.args[0]
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "summary" for t in node.targets
        ):
            found = node.value
        if isinstance(found, ast.Dict):
            return [k.value for k in found.keys if isinstance(k, ast.Constant)]
    raise LookupError(f"{function} in {path} prints no dict literal")


def _returned_dict(path: Path, function: str) -> list[str]:
    node = _function(path, function)
    for sub in ast.walk(node):
        if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Dict):
            return [k.value for k in sub.value.keys if isinstance(k, ast.Constant)]
    raise LookupError(f"{function} in {path} returns no dict literal")


def _fields(cls: type, *, extra: tuple[str, ...] = (), without: tuple[str, ...] = ()) -> list[str]:
    names = [f.name for f in dataclasses.fields(cls) if f.name not in without]
    return names + list(extra)


def _desktop_outputs() -> list[tuple[str, str, list[str]]]:
    from ss_desktop.demo import DemoReport
    from ss_desktop.services.sync import SyncReport
    from ss_desktop.sync.bundle import BundleInfo, ReceiptInfo

    cli = ROOT / "ss_desktop" / "cli"
    local, sync, files = cli / "local_data.py", cli / "sync.py", cli / "files.py"
    stats = _returned_dict(ROOT / "ss_desktop" / "db" / "queries.py", "stats")
    stats += _assigned_keys(ROOT / "ss_desktop" / "services" / "status.py", "stats")
    return [
        ("ss-desktop init", "", _printed_dict(local, "cmd_init")),
        ("ss-desktop demo", "", _fields(DemoReport, extra=("children_per_second",))),
        ("ss-desktop search", "children: `id`, `name`, `pinyin`, `site`, `dob`",
         _printed_dict(local, "cmd_search")),
        ("ss-desktop stats", "", stats),
        ("ss-desktop enroll", "", _printed_dict(sync, "cmd_enroll")),
        ("ss-desktop sync", "", _fields(SyncReport, without=("changed",))),
        ("ss-desktop bundle export", "", _fields(BundleInfo)),
        ("ss-desktop bundle receive", "", _fields(ReceiptInfo, without=("changed",))),
        ("ss-desktop import", "each rejected row: `row`, `reasons` (`column`, `code`, `reason`);"
         " each possible duplicate: `row`, `score`, `reason`", _printed_dict(files, "cmd_import")),
        ("ss-desktop export", "", _printed_dict(files, "cmd_export")),
    ]  # fmt: skip


def _assigned_keys(path: Path, function: str) -> list[str]:
    """Keys a function adds with ``counts["key"] = ...``."""
    node = _function(path, function)
    return [
        t.slice.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Assign)
        for t in sub.targets
        if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant)
    ]


def _hq_outputs() -> list[tuple[str, str, list[str]]]:
    from ss_hq.admin.site_service import SiteInfo
    from ss_hq.sync.device_service import DeviceInfo

    main = ROOT / "ss_hq" / "__main__.py"
    stats = _returned_dict(ROOT / "ss_hq" / "admin" / "stats_service.py", "stats")
    return [
        ("ss-hq site add", "", _fields(SiteInfo)),
        ("ss-hq site list", "each site: " + ", ".join(f"`{n}`" for n in _fields(SiteInfo)),
         ["sites"]),
        ("ss-hq stats", "", stats),
        ("ss-hq import-bundle", "", _printed_dict(main, "cmd_import_bundle")),
        ("ss-hq device list", "each device: " + ", ".join(f"`{n}`" for n in _fields(DeviceInfo)),
         ["devices"]),
    ]  # fmt: skip


def json_table(outputs: list[tuple[str, str, list[str]]]) -> list[str]:
    rows = ["| command with `--json` | keys of the one JSON object on stdout |", "| --- | --- |"]
    for command, note, keys in outputs:
        text = ", ".join(f"`{k}`" for k in keys)
        if note:
            text += f"; {note}"
        rows.append(f"| `{command}` | {text} |")
    return rows


def json_commands(parser: argparse.ArgumentParser, program: str) -> set[str]:
    """The commands that take ``--json``."""
    out: set[str] = set()

    def walk(p: argparse.ArgumentParser, words: list[str]) -> None:
        sub = _subparsers(p)
        if sub is None:
            if any("--json" in a.option_strings for a in p._actions):
                out.add(" ".join([program, *words]))
            return
        for name, child in sub.choices.items():
            walk(child, [*words, name])

    walk(parser, [])
    return out


# ------------------------------------------------------------------ HTTP routes


def _who(dependant: Any) -> str:
    """What a route's dependencies require: a device's bearer token, a staff session (with the
    roles its permission allows), or nothing. A handler may check more itself."""
    from ss_hq.core.security import PERMISSIONS

    found: list[str] = []
    stack = [dependant]
    while stack:
        current = stack.pop()
        stack.extend(current.dependencies)
        call = current.call
        name = getattr(call, "__qualname__", "")
        if name == "get_device":
            found.append("device token")
        elif name.startswith("allowed.") and call.__closure__:
            permission = next(
                c.cell_contents for c in call.__closure__ if isinstance(c.cell_contents, str)
            )
            roles = [role for role, granted in PERMISSIONS.items() if permission in granted]
            found.append(f"staff session ({', '.join(roles)})")
        elif name == "signed_in":
            found.append("staff session")
    narrowed = [f for f in found if f.startswith("staff session (")]
    return "; ".join(dict.fromkeys(narrowed or found)) or "nothing"


def _first_sentence(doc: str | None) -> str:
    text = " ".join((doc or "").split()).replace("``", "`")
    match = re.match(r"(.+?\.)(\s|$)", text)
    return match.group(1) if match else text


def routes() -> Iterator[tuple[str, str, str, str, str]]:
    """(method, path, handler, who may call it, what it does) of every route of head office."""
    from starlette.routing import Mount

    from ss_hq.app import create_app
    from ss_hq.core.settings import HQSettings

    app = create_app(HQSettings(database_url="sqlite://"))

    def entries() -> Iterator[tuple[str, set[str], Callable[..., Any] | None, Any]]:
        for route in app.routes:
            contexts = getattr(route, "effective_route_contexts", None)
            if contexts is not None:  # a router included in the app (FastAPI 0.16x)
                for context in contexts():
                    yield context.path, set(context.methods), context.endpoint, context.dependant
            elif isinstance(route, Mount):
                yield route.path + "/{file}", {"GET"}, None, None
            elif hasattr(route, "methods"):
                endpoint = getattr(route, "endpoint", None)
                yield (
                    route.path,
                    set(route.methods or ()),
                    endpoint,
                    getattr(route, "dependant", None),
                )

    for path, methods, endpoint, dependant in entries():
        who = _who(dependant) if dependant is not None else "nothing"
        for method in sorted(methods - {"HEAD"}):
            if endpoint is None:
                yield method, path, "static files (`ss_hq/web/static/`)", who, ""
            elif endpoint.__module__.startswith("ss_hq"):
                module = endpoint.__module__.replace(".", "/")
                module += "/__init__.py" if (ROOT / module).is_dir() else ".py"
                doc = _first_sentence(endpoint.__doc__)
                yield method, path, f"`{module}` `{endpoint.__name__}`", who, doc
            else:
                yield method, path, "FastAPI", who, "the API's description"


def routes_table() -> list[str]:
    rows = ["| request | needs | handler | what it does |", "| --- | --- | --- | --- |"]
    for method, path, handler, who, doc in routes():
        rows.append(f"| `{method} {path}` | {who} | {handler} | {_cell(doc)} |")
    return rows


# ------------------------------------------------------------------ environment


def environment_in_code() -> dict[str, list[str]]:
    """Every ``SS_...`` name the programs' code holds as a string, with the files."""
    found: dict[str, list[str]] = {}
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.fullmatch(r"SS_[A-Z0-9_]+", node.value)
                ):
                    name = path.relative_to(ROOT).as_posix()
                    files = found.setdefault(node.value, [])
                    if name not in files:
                        files.append(name)
    return dict(sorted(found.items()))


def environment_table() -> list[str]:
    rows = ["| variable | meaning | read in |", "| --- | --- | --- |"]
    for name, files in environment_in_code().items():
        if name not in ENVIRONMENT:
            raise LookupError(f"{name} is read by {files}: say what it is in ENVIRONMENT")
        where = ", ".join(f"`{f}`" for f in files)
        rows.append(f"| `{name}` | {ENVIRONMENT[name]} | {where} |")
    return rows


# ------------------------------------------------------------------ class-list import


def import_table() -> list[str]:
    from ss_desktop.services.importing import mapping

    rows = [
        "| field | headers recognised (case, spaces and punctuation ignored) |",
        "| --- | --- |",
    ]
    for field, headers in mapping.SYNONYMS.items():
        rows.append(f"| `{field}` | {_cell(', '.join(headers))} |")
    return rows


# ------------------------------------------------------------------ the document


def tables() -> dict[str, list[str]]:
    desktop, hq = desktop_parser(), hq_parser()
    return {
        "desktop-options": options_table(desktop),
        "desktop-commands": command_table(desktop),
        "desktop-json": json_table(_desktop_outputs()),
        "hq-options": options_table(hq),
        "hq-commands": command_table(hq),
        "hq-json": json_table(_hq_outputs()),
        "environment": environment_table(),
        "http-routes": routes_table(),
        "import-columns": import_table(),
    }


def render(text: str, made: dict[str, list[str]]) -> str:
    missing = set(made) - {m.group(2) for m in BLOCK.finditer(text)}
    if missing:
        raise LookupError(f"{DOCUMENT.name} has no place for the tables {sorted(missing)}")

    def fill(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in made:
            raise LookupError(f"no table is made for <!-- table: {name} -->")
        return match.group(1) + "\n".join(made[name]) + "\n" + match.group(4)

    return BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = DOCUMENT.read_text(encoding="utf-8")
    wanted = render(text, tables())
    if wanted == text:
        return 0
    if args.check:
        print(f"{DOCUMENT.relative_to(ROOT)} is out of date: run python -m scripts.design_tables")
        return 1
    DOCUMENT.write_text(wanted, encoding="utf-8")
    print(f"{DOCUMENT.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
