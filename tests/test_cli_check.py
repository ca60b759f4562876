"""``argmap check`` and ``argmap checks`` through the command line."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import __version__, catalogue
from argmap.cli import app

ROOT = Path(__file__).parents[1]
FIXTURES = Path("tests") / "fixtures" / "checks"
GOLDEN = ROOT / "tests" / "golden" / "check"

runner = CliRunner()
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>AM\d{3}) (?P<name>[a-z-]+) (?P<message>.+)$")


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    """Run from the repository root so that paths in the output are relative and stable."""
    monkeypatch.chdir(ROOT)


def check(*args: str | Path):
    return runner.invoke(app, ["check", *map(str, args)])


def golden(name: str, text: str) -> None:
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


# -- output formats ---------------------------------------------------------------------


def test_text_output_is_one_line_per_finding():
    path = FIXTURES / "unsupported-premise-fail.yaml"
    result = check(path)
    lines = result.stdout.splitlines()
    assert lines, result.output
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["path"] == str(path)
    assert f"{path}:10: AM101 unsupported-premise premise 'crash-any-ride' has no support" in result.stdout
    assert result.stderr == "1 map checked: 1 error, 0 warnings, 3 infos\n"
    golden("unsupported-premise-fail.txt", result.stdout)


def test_hints_follow_their_finding():
    result = check(FIXTURES / "unsupported-premise-fail.yaml", "--hints", "--select", "AM101")
    assert result.stdout.splitlines()[1] == (
        "    hint: give it a reason (an inference to it), cite a source (`source: id`), or mark it `assumption: true`"
    )


def test_json_output_shape():
    path = FIXTURES / "unsupported-premise-fail.yaml"
    result = check(path, "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["findings"]
    assert data["findings"], result.output
    for finding in data["findings"]:
        assert {"code", "name", "severity", "message", "target", "path", "line"} <= set(finding)
        assert finding["path"] == str(path)
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["line"], int)
    first = next(f for f in data["findings"] if f["code"] == "AM101")
    assert (first["name"], first["target"], first["line"], first["severity"]) == (
        "unsupported-premise",
        "crash-any-ride",
        10,
        "error",
    )
    assert result.exit_code == 1
    golden("unsupported-premise-fail.json", result.stdout)


def test_json_output_is_empty_list_for_a_clean_map():
    result = check(FIXTURES / "clean" / "socrates.yaml", "--format", "json", "--ignore", "AM109")
    assert json.loads(result.stdout) == {"findings": []}
    assert result.exit_code == 0


def test_json_of_several_maps_keeps_each_path():
    result = check(FIXTURES / "disconnected-fail.yaml", FIXTURES / "unused-source-fail.yaml", "-f", "json")
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {str(FIXTURES / "disconnected-fail.yaml"), str(FIXTURES / "unused-source-fail.yaml")}


# -- exit codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "plain", "strict"),
    [
        ("unsupported-thesis-fail", 1, 1),  # an error
        ("disconnected-fail", 0, 1),  # a warning
        ("unused-source-fail", 0, 0),  # only infos
        ("disconnected-pass", 0, 0),
    ],
)
def test_exit_codes(name, plain, strict):
    path = FIXTURES / f"{name}.yaml"
    assert check(path).exit_code == plain
    assert check(path, "--strict").exit_code == strict
    assert check(path, "--strict", "--exit-zero").exit_code == 0


def test_bad_input_exits_2_even_with_exit_zero(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\n", encoding="utf-8")
    result = check(bad, "--exit-zero")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:1:1: the map has no 'thesis'")


def test_a_bad_map_among_good_ones_still_reports_the_good_ones(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nthesis: [x]\nclaims: {}\n", encoding="utf-8")
    good = FIXTURES / "unsupported-thesis-fail.yaml"
    result = check(good, bad)
    assert result.exit_code == 2
    assert f"{good}:7: AM102 unsupported-thesis" in result.stdout
    assert f"{bad}:2:9: thesis must be text" in result.stderr
    assert "Traceback" not in result.output


# -- choosing checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "AM101"], {"AM101"}),
        (["--select", "unsupported-premise"], {"AM101"}),
        (["--select", "AM10"], {"AM101", "AM109"}),
        (["--select", "am101", "--select", "single-point-of-failure"], {"AM101", "AM109"}),
        (["--ignore", "AM109"], {"AM101"}),
        (["--ignore", "single-point-of-failure"], {"AM101"}),
        (["--select", "AM1", "--ignore", "AM101"], {"AM109"}),
        (["--ignore", "AM1"], set()),
    ],
)
def test_select_and_ignore(options, codes):
    result = check(FIXTURES / "unsupported-premise-fail.yaml", "-f", "json", *options)
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == codes


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_check_is_a_usage_error(option):
    result = check(FIXTURES / "unsupported-premise-fail.yaml", option, "unsuported-premise")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown check 'unsuported-premise' (did you mean 'unsupported-premise'?)" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_code_is_a_usage_error():
    result = check(FIXTURES / "unsupported-premise-fail.yaml", "--select", "AM999")
    assert result.exit_code == 2
    assert "unknown check 'AM999'" in result.stderr


def test_ignore_on_an_element_silences_its_finding(tmp_path):
    text = (ROOT / FIXTURES / "unsupported-premise-fail.yaml").read_text(encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        text.replace(
            "  crash-any-ride: Cyclists risk a crash on every ride.\n",
            "  crash-any-ride:\n    text: Cyclists risk a crash on every ride.\n    ignore: [unsupported-premise]\n",
        ),
        encoding="utf-8",
    )
    result = check(path, "-f", "json")
    assert result.exit_code == 0
    assert "AM101" not in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_ignore_on_an_element_with_an_unknown_name_exits_2(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("title: T\nthesis: t\nclaims:\n  t:\n    text: Trees.\n    ignore: [nope]\n", encoding="utf-8")
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:4:3: 't' ignores unknown check 'nope'")


# -- paths ----------------------------------------------------------------------------------


def test_folders_are_expanded_recursively_and_sorted(tmp_path):
    maps = tmp_path / "maps"
    (maps / "nested").mkdir(parents=True)
    shutil.copy(ROOT / FIXTURES / "unsupported-thesis-fail.yaml", maps / "b.yaml")
    shutil.copy(ROOT / FIXTURES / "disconnected-fail.yaml", maps / "nested" / "a.yml")
    (maps / "notes.md").write_text("# not a map\n", encoding="utf-8")
    result = check(maps)
    assert result.exit_code == 1
    paths = [LINE.match(line)["path"] for line in result.stdout.splitlines()]
    assert sorted(set(paths)) == [str(maps / "b.yaml"), str(maps / "nested" / "a.yml")]
    assert result.stderr.startswith("2 maps checked:")


def test_a_map_that_cannot_be_read_is_not_counted_as_checked(tmp_path):
    shutil.copy(ROOT / FIXTURES / "disconnected-fail.yaml", tmp_path / "good.yaml")
    (tmp_path / "broken.yaml").write_text("title: t\nthesis: a\nclaims:\n  a: A\n  a: B\n", encoding="utf-8")
    result = check(tmp_path)
    assert result.exit_code == 2
    assert {LINE.match(line)["path"] for line in result.stdout.splitlines()} == {str(tmp_path / "good.yaml")}
    first, summary = result.stderr.splitlines()
    assert first.startswith(f"{tmp_path / 'broken.yaml'}:5:3: duplicate key 'a'")
    assert summary.startswith("1 map checked: ") and summary.endswith("; 1 could not be read")


def test_the_clean_folder_has_no_errors_or_warnings():
    result = check(FIXTURES / "clean", "--strict")
    assert result.exit_code == 0, result.stdout
    assert result.stderr.startswith(
        f"{len(list((ROOT / FIXTURES / 'clean').glob('*.yaml')))} maps checked: 0 errors, 0 warnings"
    )


def test_a_folder_without_maps_is_a_usage_error(tmp_path):
    result = check(tmp_path)
    assert result.exit_code == 2
    assert "no map files found" in result.stderr


def test_a_missing_path_exits_2(tmp_path):
    result = check(tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'nope.yaml'}:1:1: cannot read the file")


def test_an_unknown_suffix_exits_2(tmp_path):
    path = tmp_path / "map.txt"
    path.write_text("title: T\n", encoding="utf-8")
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: cannot tell the format")  # placed, as every unreadable map
    assert check(path, "--from", "yaml").stderr.startswith(f"{path}:1:1: the map has no 'thesis'")


def test_no_path_is_a_usage_error():
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2


# -- the catalogue, version and help -----------------------------------------------------------


def test_checks_lists_the_catalogue():
    result = runner.invoke(app, ["checks"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(catalogue())
    for line, chk in zip(lines, catalogue(), strict=True):
        assert line.split()[:3] == [chk.code, chk.name, chk.severity.value]
        assert line.endswith(chk.summary)


def test_checks_as_json():
    result = runner.invoke(app, ["checks", "--format", "json"])
    rows = json.loads(result.stdout)["checks"]
    assert [(r["code"], r["name"], r["severity"]) for r in rows] == [
        (c.code, c.name, c.severity.value) for c in catalogue()
    ]
    assert all(r["summary"] and r["hint"] for r in rows)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"argmap {__version__}\n"


@pytest.mark.parametrize(
    ("command", "mentions"),
    [
        ([], ["check", "checks", "render", "show", "--version"]),
        (["check"], ["--format", "--select", "--ignore", "--strict", "Exit 0"]),
        (["checks"], ["--format"]),
        (["render"], ["--output", "svg"]),
        (["show"], ["outline"]),
    ],
)
def test_help(command, mentions):
    for flag in ("--help", "-h"):
        result = runner.invoke(app, [*command, flag])
        assert result.exit_code == 0
        for word in mentions:
            assert word in result.stdout, (command, word)


def test_no_arguments_shows_help():
    result = runner.invoke(app, [])
    assert "Usage" in result.output
    assert "check" in result.output


def test_the_teaching_map_in_maps_is_clean_and_stands() -> None:
    """maps/school-meals.yaml shows what a map with no defect looks like: no finding of any severity."""
    result = CliRunner().invoke(app, ["check", str(ROOT / "maps" / "school-meals.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
