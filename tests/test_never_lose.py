"""Never lose a map: no command writes over its input, a failed command leaves no file
behind (whole or partial, or temporary), and no command changes any file it reads.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map
from argmap.cli import app

HERE = Path(__file__).parent
MAPS = HERE.parent / "maps"
FIXTURES = HERE / "fixtures"
MEALS = MAPS / "school-meals.yaml"
REFUSED = "refusing to write the output over an input file"

runner = CliRunner()

WRITING = {
    "render svg": ["render", "{map}", "--format", "svg", "-o", "{out}"],
    "render png": ["render", "{map}", "--format", "png", "-o", "{out}"],
    "render pdf": ["render", "{map}", "--format", "pdf", "-o", "{out}"],
    "render dot": ["render", "{map}", "--format", "dot", "-o", "{out}"],
    "html": ["html", "{map}", "-o", "{out}"],
    "convert yaml": ["convert", "{map}", "--to", "yaml", "-o", "{out}"],
    "convert json": ["convert", "{map}", "--to", "json", "-o", "{out}"],
    "convert argdown": ["convert", "{map}", "--to", "argdown", "-o", "{out}"],
    "brief md": ["brief", "{map}", "--side", "pro", "--format", "md", "-o", "{out}"],
    "brief html": ["brief", "{map}", "--side", "con", "--format", "html", "-o", "{out}"],
    "exercise md": ["exercise", "{map}", "--kind", "reconstruct", "--format", "md", "-o", "{out}"],
    "exercise html": ["exercise", "{map}", "--kind", "label-relations", "--format", "html", "-o", "{out}"],
}
"""Every command that writes a file, with the format given so that any ``-o`` name is accepted.
(PDF worksheets take ReportLab a second or two each, so they have a test of their own.)"""

SUFFIXES = {"render png": ".png", "render pdf": ".pdf", "html": ".html", "brief html": ".html"}


def invoke(command: str, map: Path, out: Path | str):
    args = [a.format(map=map, out=out) for a in WRITING[command]]
    return runner.invoke(app, args)


def fingerprint(path: Path) -> tuple[bytes, int]:
    """The file's bytes and modification time: both must stay the same."""
    return path.read_bytes(), path.stat().st_mtime_ns


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def assert_clean_failure(result, folder: Path, before: list[str]) -> None:
    """Exit 2 with a message and no traceback, and the folder exactly as it was (no output, no temporary file)."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and result.stderr.strip()
    assert listing(folder) == before


@pytest.fixture
def meals(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    shutil.copy(MEALS, path)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path


# -- never over an input -----------------------------------------------------------------------


def _same(meals: Path) -> Path:
    return meals


def _symlink(meals: Path) -> Path:
    link = meals.with_name("link.yaml")
    link.symlink_to(meals.name)
    return link


def _hard_link(meals: Path) -> Path:
    link = meals.with_name("hard.yaml")
    os.link(meals, link)
    return link


def _roundabout(meals: Path) -> Path:
    (meals.parent / "sub").mkdir()
    return meals.parent / "sub" / ".." / meals.name


@pytest.mark.parametrize("command", WRITING)
@pytest.mark.parametrize("target", [_same, _symlink, _hard_link, _roundabout], ids=lambda f: f.__name__.strip("_"))
def test_output_over_the_input_is_refused(meals, command, target):
    out = target(meals)
    before, files = fingerprint(meals), listing(meals.parent)
    result = invoke(command, meals, out)
    assert_clean_failure(result, meals.parent, files)
    assert REFUSED in result.stderr
    assert fingerprint(meals) == before
    assert out.samefile(meals) and (out.is_symlink() or target is not _symlink)


@pytest.mark.parametrize("command", WRITING)
def test_output_over_a_file_the_map_includes_is_refused(tmp_path, command):
    for name in ("include-main.argdown", "_include-part.argdown"):
        shutil.copy(FIXTURES / "argdown" / name, tmp_path / name)
    part = tmp_path / "_include-part.argdown"
    before, files = fingerprint(part), listing(tmp_path)
    args = [a.format(map=tmp_path / "include-main.argdown", out=part) for a in WRITING[command]]
    if command.startswith("exercise"):  # the map has no arrows: the one kind of exercise it can make
        args[args.index("--kind") + 1] = "spot-the-flaw"
    result = runner.invoke(app, args)
    assert_clean_failure(result, tmp_path, files)
    assert REFUSED in result.stderr
    assert fingerprint(part) == before


def test_a_pdf_worksheet_over_the_input_is_refused(meals):
    before, files = fingerprint(meals), listing(meals.parent)
    result = runner.invoke(
        app, ["exercise", str(meals), "--kind", "find-conclusion", "--format", "pdf", "-o", str(meals)]
    )
    assert_clean_failure(result, meals.parent, files)
    assert REFUSED in result.stderr
    assert fingerprint(meals) == before


@pytest.mark.parametrize(("input_name", "kind"), [("sheet.key.md", "reconstruct"), ("sheet.svg", "label-relations")])
def test_a_worksheet_file_beside_the_sheet_may_not_be_the_input(tmp_path, input_name, kind):
    source = tmp_path / input_name
    shutil.copy(MEALS, source)
    before, files = fingerprint(source), listing(tmp_path)
    result = runner.invoke(
        app, ["exercise", str(source), "--from", "yaml", "--kind", kind, "-o", str(tmp_path / "sheet.md")]
    )
    assert_clean_failure(result, tmp_path, files)
    assert REFUSED in result.stderr
    assert fingerprint(source) == before


# -- a failure leaves nothing --------------------------------------------------------------------


@pytest.mark.parametrize("command", WRITING)
def test_bad_input_writes_nothing(tmp_path, command):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Broken\nthesis: t\nclaims:\n  t: [unclosed\n", encoding="utf-8")
    files = listing(tmp_path)
    result = invoke(command, bad, tmp_path / f"out{SUFFIXES.get(command, '.md')}")
    assert_clean_failure(result, tmp_path, files)
    assert f"{bad}:" in result.stderr


def _folder_as_output(meals: Path) -> Path:
    (meals.parent / "taken").mkdir()
    return meals.parent / "taken"


def _missing_folder(meals: Path) -> Path:
    return meals.parent / "missing" / "out.txt"


def _file_as_folder(meals: Path) -> Path:
    return meals / "out.txt"


def _name_too_long(meals: Path) -> Path:
    return meals.parent / ("x" * 300)


@pytest.mark.parametrize("command", WRITING)
@pytest.mark.parametrize(
    "target",
    [_folder_as_output, _missing_folder, _file_as_folder, _name_too_long],
    ids=lambda f: f.__name__.strip("_"),
)
def test_an_output_that_cannot_be_written_leaves_nothing(meals, command, target):
    out = target(meals)
    before, files = fingerprint(meals), listing(meals.parent)
    result = invoke(command, meals, out)
    assert_clean_failure(result, meals.parent, files)
    assert str(out) in result.stderr or str(out.parent) in result.stderr
    assert fingerprint(meals) == before


def test_a_long_name_that_fits_is_written(meals):
    out = meals.parent / ("x" * 250 + ".yaml")
    result = invoke("convert yaml", meals, out)
    assert result.exit_code == 0, result.output
    assert load_map(out).title == load_map(meals).title
    assert listing(meals.parent) == sorted([meals.name, out.name])


@pytest.mark.parametrize("command", WRITING)
def test_an_unwritable_folder_leaves_nothing(meals, command, monkeypatch):
    """A read-only folder, as the operating system reports it (tests may run as root, who may write anywhere)."""

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    files = listing(meals.parent)
    result = invoke(command, meals, meals.parent / f"out{SUFFIXES.get(command, '.md')}")
    assert_clean_failure(result, meals.parent, files)
    assert "Permission denied" in result.stderr


@pytest.mark.parametrize("command", WRITING)
def test_a_full_disk_leaves_neither_output_nor_temporary_file(meals, command, monkeypatch):
    real = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: Full(real(fd, mode, *a, **k)))
    files = listing(meals.parent)
    result = invoke(command, meals, meals.parent / f"out{SUFFIXES.get(command, '.md')}")
    assert_clean_failure(result, meals.parent, files)
    assert "No space left on device" in result.stderr


def test_a_worksheet_is_written_whole_or_not_at_all(meals, monkeypatch):
    """The key is the second file: failing to write it must not leave the sheet alone."""
    real = tempfile.mkstemp
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", second_fails)
    files = listing(meals.parent)
    result = invoke("exercise md", meals, meals.parent / "sheet.md")
    assert_clean_failure(result, meals.parent, files)
    assert len(calls) == 2


def test_a_failed_drawing_writes_nothing(meals, monkeypatch):
    from pygraphviz import graphviz as gv

    monkeypatch.setattr(gv, "gvRenderData", lambda *args: (1, b""))
    files = listing(meals.parent)
    for command in ("render svg", "render png", "html", "brief html", "exercise md"):
        result = invoke(command, meals, meals.parent / f"out{SUFFIXES.get(command, '.md')}")
        assert_clean_failure(result, meals.parent, files)
        assert "Graphviz could not draw" in result.stderr, command


def test_replacing_an_output_keeps_the_old_one_until_the_new_one_is_whole(meals, monkeypatch):
    out = meals.parent / "out.yaml"
    out.write_text("the old output\n", encoding="utf-8")

    def broken_rename(*args):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_rename)
    files = listing(meals.parent)
    result = invoke("convert yaml", meals, out)
    assert_clean_failure(result, meals.parent, files)
    assert out.read_text(encoding="utf-8") == "the old output\n"


# -- no command changes what it reads ----------------------------------------------------------------


def hashes(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def every_command(source: Path, out: Path) -> list[list[str]]:
    """Every command argmap has, on one map, writing only into ``out``."""
    commands = [
        ["check", str(source)],
        ["check", str(source), "--format", "sarif"],
        ["show", str(source), "--evaluate"],
        ["evaluate", str(source), "--strength"],
        ["critical", str(source)],
        ["grade", str(source), "--key", str(source)],
        ["brief", str(source), "--side", "pro"],
    ]
    try:
        amap = load_map(source)
    except MapError:  # a fixture that is broken on purpose: every command must still leave it alone
        amap = None
    if amap is not None:
        commands.append(["whatif", str(source), f"--reject={next(iter(amap.claims))}"])
    for name, args in WRITING.items():
        suffix = SUFFIXES.get(name, ".dot" if name == "render dot" else ".md")
        commands.append(
            [a.format(map=source, out=out / f"{source.stem}-{name.replace(' ', '-')}{suffix}") for a in args]
        )
    for name in ("aif", "graphml", "mermaid", "markdown", "dot"):
        commands.append(["convert", str(source), "--to", name, "-o", "-"])
    return commands


def test_no_command_changes_a_file_it_reads(tmp_path):
    tree = tmp_path / "in"
    shutil.copytree(MAPS, tree / "maps")
    shutil.copytree(FIXTURES, tree / "fixtures")
    out = tmp_path / "out"
    out.mkdir()
    before = hashes(tree)
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    for source in files:  # the commands that read many maps, and a conversion of each
        runner.invoke(app, ["convert", str(source), "--to", "json", "-o", str(out / "last.argmap.json")])
    runner.invoke(app, ["check", str(tree)])
    runner.invoke(app, ["grade", str(tree / "fixtures" / "checks"), "--key", str(tree / "maps" / "school-meals.yaml")])
    every_format = [
        tree / "maps" / "school-meals.yaml",
        tree / "fixtures" / "argdown" / "include-main.argdown",
        tree / "fixtures" / "aif" / "school-meals.json",
        tree / "fixtures" / "kialo" / "school-meals.kialo.txt",
        tree / "fixtures" / "convert" / "hostile.yaml",
    ]
    for source in every_format:
        for args in every_command(source, out):
            result = runner.invoke(app, args)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert hashes(tree) == before
    assert sorted(p for p in tree.rglob("*") if p.is_file()) == files
