"""Every reference a maintainer may follow leads somewhere in the repository.

The documents (every ``*.md``) and the code's docstrings and comments (Python, shell, Makefile,
TOML, YAML, NSIS, C, templates) are read for what they point at:

* paths under the repository's top-level folders (``ss_desktop/db/write/bulk.py``,
  ``docs/design/sync.md``, ``bench/``), globs and ``{a,b}`` lists included: each must exist;
* dotted names of our modules (``ss_desktop.db.write.ChangeWriter``): the module must exist, and
  the name after it must be defined there (or be a submodule);
* links of the Markdown documents (``[text](../README.md#design)``): the file must exist inside
  the repository, and the heading an anchor names must be in it;
* a section cited by title after a design document (``docs/design/sync.md, "USB bundles"``):
  the document must have a heading that starts so;
* bare document names (``DEPLOY.md``): a document of that name must be in the repository;
* nothing may point outside the repository: no ``../`` that climbs out of it, no absolute path
  of the machine the repository sits on (its own folder, home folders).
"""

from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()
PACKAGES = ("ss_core", "ss_desktop", "ss_hq", "tests", "bench", "scripts")
# Files whose text is not prose: data, generated translations, binary files.
NOT_READ = re.compile(
    r"\.(png|ico|icns|svg|sqlite3?|ts|qm|csv|json|lock|whl|zip|gz|zst|xlsx)$|(^|/)LICENSE$"
)
HASH_COMMENTS = re.compile(r"(\.(sh|toml|ya?ml|txt|cfg|ini|mako|gitignore)$|(^|/)Makefile$|^\.ci/)")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    reference: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reference!r} {self.problem}"


# ------------------------------------------------------------------ the repository's files


@cache
def repository_files() -> tuple[str, ...]:
    """Tracked files and new ones not ignored (git), else every file outside build folders."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        files = [name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skipped = {".git", ".venv", "build", "dist", "dist-windows", "node_modules", ".demo-data"}
        files = []
        for folder, dirs, names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d not in skipped and not d.endswith("cache")]
            for name in names:
                files.append(Path(folder, name).relative_to(ROOT).as_posix())
    return tuple(sorted(files))


@cache
def top_level_folders() -> frozenset[str]:
    return frozenset(name.split("/", 1)[0] for name in repository_files() if "/" in name)


@cache
def document_names() -> frozenset[str]:
    return frozenset(PurePosixPath(name).name for name in repository_files())


def machine_roots() -> tuple[str, ...]:
    """Absolute paths that only make sense on the machine holding this checkout."""
    roots = {_slashed(ROOT), "/home/", "/root/", "/Users/"}
    if ROOT.parent != Path(ROOT.anchor):
        roots.add(_slashed(ROOT.parent))
    return tuple(sorted(roots))


def _slashed(path: Path) -> str:
    """*path* as the references found are written: with slashes, after any drive (C:)."""
    return path.as_posix()[len(path.drive) :] + "/"


# ------------------------------------------------------------------ what is read


def _python_prose(text: str) -> Iterator[tuple[int, str]]:
    """Docstrings (and other bare string statements) and comments, with their first line."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            yield node.lineno, node.value.value
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def _line_comments(text: str, markers: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        for marker in markers:
            at = line.find(marker)
            while at > 0 and not line[at - 1].isspace():
                at = line.find(marker, at + 1)
            if at >= 0:
                yield number, line[at:]
                break


def _block_comments(text: str, start: str, end: str) -> Iterator[tuple[int, str]]:
    for match in re.finditer(re.escape(start) + r".*?" + re.escape(end), text, re.S):
        yield text.count("\n", 0, match.start()) + 1, match.group(0)


def prose_of(name: str, text: str) -> Iterator[tuple[int, str]]:
    """(line, text) pieces of *name* that speak to a reader."""
    if name.endswith(".md"):
        yield 1, text
    elif name.endswith((".py", ".spec")):
        yield from _python_prose(text)
    elif HASH_COMMENTS.search(name):
        yield from _line_comments(text, ("#",))
    elif name.endswith((".nsi", ".def")):
        yield from _line_comments(text, (";", "#"))
    elif name.endswith((".c", ".js", ".css")):
        yield from _line_comments(text, ("//",))
        yield from _block_comments(text, "/*", "*/")
    elif name.endswith(".html"):
        yield from _block_comments(text, "{#", "#}")
        yield from _block_comments(text, "<!--", "-->")


# ------------------------------------------------------------------ the references

URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s`'\")>\]]+")
PATH_CHARS = r"[\w.\-/*{},<>]"
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CLIMB = re.compile(r"(?<![\w.\-/])((?:\.\./)+[\w.\-/]*)")
BARE_DOC = re.compile(r"(?<![\w.\-/])([A-Za-z][\w-]*\.md)\b")
SECTION = re.compile(r"(docs/design/[\w-]+\.md)[,:]?\s+\"([^\"]+)\"")


def _expand(pattern: str) -> list[str]:
    """``a/{b,c}/d`` -> ``a/b/d``, ``a/c/d``; ``{name}`` and ``<name>`` (placeholders) -> ``*``."""
    pattern = re.sub(r"<[\w-]+>", "*", pattern)
    match = re.search(r"\{([^{}]*)\}", pattern)
    if match is None:
        return [pattern]
    options = match.group(1).split(",") if "," in match.group(1) else ["*"]
    out = []
    for option in options:
        out.extend(_expand(pattern[: match.start()] + option + pattern[match.end() :]))
    return out


def _exists(relative: str) -> bool:
    if not relative or relative in (".", "./"):
        return True
    if any(ch in relative for ch in "*?["):
        return any(ROOT.glob(relative.rstrip("/")))
    path = ROOT / relative
    return path.is_dir() if relative.endswith("/") else path.exists()


def _tidy(token: str) -> str:
    token = token.rstrip(".,:;")
    while token.count("{") < token.count("}") or (token.endswith(",") and "{" not in token):
        token = token[:-1]
    return token.rstrip(".,:;")


def repository_paths(text: str) -> Iterator[tuple[int, str]]:
    tops = "|".join(re.escape(t) for t in sorted(top_level_folders(), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.\-/~$])((?:{tops})/{PATH_CHARS}*)")
    for match in pattern.finditer(text):
        yield match.start(), _tidy(match.group(1))


@cache
def _module_names(relative: str) -> frozenset[str]:
    """Names a module (a ``.py`` file or a package folder) defines, imports or holds."""
    path = ROOT / relative
    names: set[str] = set()
    if path.is_dir():
        names.update(p.stem for p in path.glob("*.py"))
        names.update(p.name for p in path.iterdir() if p.is_dir())
        path = path / "__init__.py"
        if not path.is_file():
            return frozenset(names)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return frozenset(names)


def dotted_problem(dotted: str) -> str | None:
    """Why ``ss_desktop.db.write.ChangeWriter`` names nothing (None: it names something)."""
    parts = dotted.split(".")
    module, index = None, 0
    for i in range(1, len(parts) + 1):
        base = "/".join(parts[:i])
        if (ROOT / base).is_dir():
            module, index = base, i
        elif (ROOT / (base + ".py")).is_file():
            module, index = base + ".py", i
            break
        else:
            break
    if module is None:
        return "is not a module of the repository"
    if index == len(parts) or parts[index] in _module_names(module):
        return None
    return f"names nothing in {module}"


@cache
def headings(relative: str) -> tuple[str, ...]:
    text = (ROOT / relative).read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return tuple(m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M))


def slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def references_in(name: str, text: str) -> Iterator[Finding]:
    machine = machine_roots()
    for first_line, prose in prose_of(name, text):

        def line_of(offset: int, text: str, first_line: int = first_line) -> int:
            return first_line + text.count("\n", 0, offset)

        here = (ROOT / name).parent
        for match in re.finditer(r"(?<![\w.\-])(/[\w.\-]+(?:/[\w.\-]*)*)", prose):
            token = match.group(1)
            if any((token + "/").startswith(root) for root in machine):
                yield Finding(
                    name, line_of(match.start(), prose), token, "is a path of this machine"
                )
        plain = URL.sub(" ", prose)
        if name.endswith(".md"):  # link targets are followed from their document below
            plain = MD_LINK.sub("]()", plain)
        for offset, token in repository_paths(plain):
            missing = [p for p in _expand(token) if not _exists(p)]
            if missing:
                yield Finding(
                    name, line_of(offset, plain), token, "does not exist in the repository"
                )
        packages = "|".join(PACKAGES)
        for match in re.finditer(rf"(?<![\w.\-/])((?:{packages})(?:\.[A-Za-z_]\w*)+)", plain):
            dotted = match.group(1)
            if dotted.endswith((".py", ".md", ".sh", ".json")) or "/" in plain[match.end() :][:1]:
                continue
            problem = dotted_problem(dotted)
            if problem:
                yield Finding(name, line_of(match.start(), plain), dotted, problem)
        for match in CLIMB.finditer(plain):
            token = _tidy(match.group(1))
            # In a document, relative to its folder; in code, to the repository at most.
            target = (here / token if name.endswith(".md") else ROOT / token).resolve()
            if not target.is_relative_to(ROOT):
                yield Finding(
                    name, line_of(match.start(), plain), token, "points outside the repository"
                )
            elif not target.exists():
                yield Finding(name, line_of(match.start(), plain), token, "does not exist")
        for match in BARE_DOC.finditer(plain):
            if match.group(1) not in document_names():
                yield Finding(
                    name, line_of(match.start(), plain), match.group(1), "is no document here"
                )
        for match in SECTION.finditer(prose):
            doc, title = match.group(1), _normal(match.group(2)).rstrip(". ")
            if not (ROOT / doc).is_file():
                continue  # reported as a missing path
            if not any(_normal(h).startswith(title) for h in headings(doc)):
                yield Finding(
                    name, line_of(match.start(), prose), match.group(2), f"is no section of {doc}"
                )
        if name.endswith(".md"):
            yield from _links(name, prose)


def _links(name: str, text: str) -> Iterator[Finding]:
    here = PurePosixPath(name).parent
    for match in MD_LINK.finditer(text):
        target = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        resolved = (ROOT / here / path).resolve() if path else ROOT / name
        if not resolved.is_relative_to(ROOT):
            yield Finding(name, line, target, "points outside the repository")
            continue
        if not resolved.exists():
            yield Finding(name, line, target, "does not exist")
            continue
        if anchor and resolved.suffix == ".md":
            relative = resolved.relative_to(ROOT).as_posix()
            if anchor not in {slug(h) for h in headings(relative)}:
                yield Finding(name, line, target, "names no heading of its document")


def read_files() -> Iterator[tuple[str, str]]:
    for name in repository_files():
        if name == THIS_FILE or NOT_READ.search(name):
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        yield name, text


# ------------------------------------------------------------------ the tests


def test_every_reference_leads_to_a_file_of_the_repository() -> None:
    findings: dict[tuple[str, int, str], Finding] = {}
    for name, text in read_files():
        for finding in references_in(name, text):
            findings.setdefault((finding.file, finding.line, finding.reference), finding)
    listed = [str(f) for f in findings.values()]
    assert listed == [], "\n".join(listed)


def test_the_design_documents_the_code_cites_exist() -> None:
    design = ROOT / "docs" / "design"
    for name in ("architecture", "sync", "domain", "product", "interfaces"):
        assert (design / f"{name}.md").is_file(), name


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("see ss_desktop/db/write/no_such_module.py", "does not exist in the repository"),
        ("see `docs/design/nothing.md`", "does not exist in the repository"),
        ("bench/{bench_sync,bench_nothing}.py", "does not exist in the repository"),
        ("ss_desktop.db.write.NoSuchWriter", "names nothing in"),
        ("ss_desktop.no_such_package.thing", "names nothing in"),
        ("bench.no_such_benchmark", "names nothing in bench"),
        ("as ../shared/design/SYNC.md says", "points outside the repository"),
        ("see ARCHITECTURE.md", "is no document here"),
        ('docs/design/sync.md, "A section that is not there"', "is no section of"),
        (f"in {ROOT.as_posix()}/docs", "is a path of this machine"),
        ("the brief in /home/someone/notes.md", "is a path of this machine"),
    ],
)
def test_a_bad_reference_is_found(text: str, problem: str) -> None:
    findings = list(references_in("ss_core/example.py", f"# {text}\n"))
    assert any(problem in f.problem for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "see ss_desktop/db/write/bulk.py and bench/bench_sync.py",
        "tests/{unit,ui}/ and ss_desktop/services/*.py",
        "resources/translations/ss_desktop_<lang>.ts, tests/ui/{name}.py",
        "ss_desktop.db.write.ChangeWriter and ss_core.protocol.merge",
        "scripts.take_screenshots and ss_hq.core.records.write_record",
        'docs/design/sync.md, "Proof that nothing is lost or doubled"',
        "https://example.org/ss_desktop/nothing.py and /etc/systemd/system/ss-hq.service",
    ],
)
def test_a_good_reference_is_not_reported(text: str) -> None:
    assert list(references_in("ss_core/example.py", f"# {text}\n")) == []


def test_a_markdown_link_is_followed_from_its_document() -> None:
    good = "[guide](user-guide.en.md) [top](../README.md)\n"
    assert list(references_in("docs/example.md", good)) == []
    bad = "[x](../../outside.md) [y](missing.md) [z](../README.md#no-such-heading)\n"
    problems = [f.problem for f in references_in("docs/example.md", bad)]
    assert problems == [
        "points outside the repository",
        "does not exist",
        "names no heading of its document",
    ]
