"""``argmap brief``: sides, formats, output files, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.cli._app import collect_paths

ROOT = Path(__file__).parents[1]
LIBRARY = Path("tests") / "fixtures" / "brief" / "library.yaml"
VRAEM = Path("maps") / "vraem.yaml"
GOLDEN = ROOT / "tests" / "golden" / "brief"
MAPS = sorted(collect_paths([ROOT / "maps"]))

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    """Run from the repository root so that paths in the output are relative and stable."""
    monkeypatch.chdir(ROOT)


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def test_markdown_on_stdout_without_output():
    result = run("brief", LIBRARY, "--side", "con")
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / "library-con.md").read_text(encoding="utf-8")
    assert result.stderr == ""


@pytest.mark.parametrize("side", ["pro", "con"])
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_both_sides_on_every_map_in_maps(path, side):
    result = run("brief", path.relative_to(ROOT), "-s", side)
    assert result.exit_code == 0, result.output
    heading = "# Pro brief: " if side == "pro" else "# Con brief: "
    assert result.stdout.startswith(heading)
    assert "## Sources" in result.stdout
    assert "### 1. " in result.stdout


@pytest.mark.parametrize("side", ["pro", "con"])
def test_the_committed_vraem_briefs_are_what_the_command_prints(side):
    result = run("brief", VRAEM, "--side", side)
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "docs" / "briefs" / f"vraem-{side}.md").read_text(encoding="utf-8")


def test_output_file_gets_the_brief_and_stdout_stays_empty(tmp_path):
    target = tmp_path / "brief.md"
    result = run("brief", LIBRARY, "-s", "pro", "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == (GOLDEN / "library-pro.md").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_html_from_the_suffix_embeds_the_lit_diagram(tmp_path):
    target = tmp_path / "brief.html"
    result = run("brief", LIBRARY, "-s", "con", "-o", target)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<h1>Con brief: Sunday opening</h1>" in page
    assert "<svg" in page and 'fill="#ffd54f"' in page
    assert "<script" not in page


def test_format_option_wins_over_the_suffix_and_works_on_stdout(tmp_path):
    result = run("brief", LIBRARY, "-s", "pro", "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    target = tmp_path / "notes.txt"
    result = run("brief", LIBRARY, "-s", "pro", "-f", "md", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Pro brief: Sunday opening")


def test_points_option_caps_the_points(tmp_path):
    result = run("brief", VRAEM, "-s", "con", "--points", "2")
    assert result.exit_code == 0, result.output
    assert "### 2. " in result.stdout and "### 3. " not in result.stdout
    assert "**Also open:**" in result.stdout


def test_unknown_suffix_is_refused_before_anything_is_written(tmp_path):
    target = tmp_path / "brief.txt"
    result = run("brief", LIBRARY, "-s", "con", "-o", target)
    assert result.exit_code == 2
    assert "cannot tell the brief's format" in result.stderr
    assert not target.exists()


def test_side_is_required_and_checked():
    result = run("brief", LIBRARY)
    assert result.exit_code == 2
    assert "--side" in result.stderr
    result = run("brief", LIBRARY, "--side", "neutral")
    assert result.exit_code == 2


def test_a_broken_map_exits_2_with_its_place_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: Broken\nthesis: t\nclaims:\n  t: A thesis.\n  a: A premise.\ninferences:\n  - {from: a, to: nowhere}\n",
        encoding="utf-8",
    )
    target = tmp_path / "brief.md"
    result = run("brief", bad, "-s", "con", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:7:")
    assert "unknown id 'nowhere'" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_a_failed_brief_leaves_an_existing_output_as_it_was(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: Ignores\nthesis: t\nclaims:\n  t: A thesis.\n  a:\n    text: A premise.\n    ignore: [no-such-check]\n"
        "inferences:\n  - {from: a, to: t}\n",
        encoding="utf-8",
    )
    target = tmp_path / "brief.md"
    target.write_text("the old brief\n", encoding="utf-8")
    result = run("brief", bad, "-s", "pro", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:5")
    assert "no-such-check" in result.stderr
    assert target.read_text(encoding="utf-8") == "the old brief\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "brief.md"]


def test_output_into_a_missing_folder_or_over_the_map_is_refused(tmp_path):
    result = run("brief", LIBRARY, "-s", "con", "-o", tmp_path / "nowhere" / "brief.md")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    copy = tmp_path / "map.md"
    copy.write_text(LIBRARY.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("brief", copy, "-s", "con", "--from", "yaml", "-o", copy)
    assert result.exit_code == 2
    assert "refusing to write the output over an input file" in result.stderr
    assert copy.read_text(encoding="utf-8") == LIBRARY.read_text(encoding="utf-8")


def test_a_missing_map_exits_2():
    result = run("brief", "maps/no-such-map.yaml", "-s", "con")
    assert result.exit_code == 2
    assert "no-such-map.yaml" in result.stderr
