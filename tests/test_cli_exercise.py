"""``argmap exercise`` and ``argmap exercises``: the files written, their escaping, and bad input."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from argmap import load_map
from argmap.cli import app
from argmap.exercises import kinds

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "exercises"
GOLDEN = HERE / "golden" / "exercises"
MEALS = FIXTURES / "meals.yaml"
HOSTILE = FIXTURES / "hostile.yaml"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_markdown_worksheet_key_and_diagrams(tmp_path):
    out = tmp_path / "sheet.md"
    result = run("exercise", MEALS, "--kind", "missing-premise", "--seed", "1", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.key.md", "sheet.key.svg", "sheet.md", "sheet.svg"]
    sheet = out.read_text(encoding="utf-8")
    key = (tmp_path / "sheet.key.md").read_text(encoding="utf-8")
    assert "![The argument map](sheet.svg)" in sheet
    assert "![The complete argument map](sheet.key.svg)" in key
    assert (tmp_path / "sheet.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "- [x] " in key and "- [x] " not in sheet
    assert "**Answer:**" in key and "**Answer:**" not in sheet


def test_markdown_matches_the_golden_files(tmp_path):
    out = tmp_path / "meals.md"
    assert run("exercise", MEALS, "--kind", "missing-premise", "--seed", "3", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == (GOLDEN / "meals-missing-premise.md").read_text(encoding="utf-8")
    key = (tmp_path / "meals.key.md").read_text(encoding="utf-8")
    assert key == (GOLDEN / "meals-missing-premise.key.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(kinds()))
def test_every_kind_from_the_command_line(tmp_path, kind):
    out = tmp_path / f"{kind}.md"
    result = run("exercise", MEALS, "--kind", kind, "-o", out)
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.md"
    assert run("exercise", MEALS, "--kind", kind, "-o", again).exit_code == 0
    assert out.read_text(encoding="utf-8").replace(f"{kind}.", "X.") == again.read_text(encoding="utf-8").replace(
        "again.", "X."
    )


def test_png_diagrams(tmp_path):
    out = tmp_path / "w.md"
    assert run("exercise", MEALS, "--kind", "weakest-link", "--image", "png", "-o", out).exit_code == 0
    assert (tmp_path / "w.png").read_bytes().startswith(b"\x89PNG")
    assert "![The argument map](w.png)" in out.read_text(encoding="utf-8")


def test_html_is_one_self_contained_page_with_the_map_text_escaped(tmp_path):
    out = tmp_path / "w.html"
    result = run("exercise", HOSTILE, "--kind", "missing-premise", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.html", "w.key.html"]
    for page in (out, tmp_path / "w.key.html"):
        text = page.read_text(encoding="utf-8")
        assert text.count("<svg") == 1 and "<?xml" not in text
        assert "<script" not in text and "<img" not in text and "<b>tags" not in text
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", text), "nothing is loaded from elsewhere"
        assert html.escape("<script>alert(1)</script>") in text or "&lt;script&gt;" in text
        assert "@page" in text


def test_markdown_escapes_the_map_text(tmp_path):
    out = tmp_path / "w.md"
    assert run("exercise", HOSTILE, "--kind", "reconstruct", "-o", out).exit_code == 0
    rendered = MarkdownIt("commonmark").enable(["table"]).render(out.read_text(encoding="utf-8"))
    assert "<script" not in rendered and "<img" not in rendered and "<a href" not in rendered
    assert "<h1>" in rendered and rendered.count("<h1>") == 1


def test_pdf_worksheet_and_key(tmp_path):
    out = tmp_path / "w.pdf"
    result = run("exercise", HOSTILE, "--kind", "label-relations", "-o", out)
    assert result.exit_code == 0, result.output
    for page in (out, tmp_path / "w.key.pdf"):
        data = page.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_too_small_a_map_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "w.md"
    result = run("exercise", FIXTURES / "tiny.yaml", "--kind", "missing-premise", "-o", out)
    assert result.exit_code == 2
    tiny = load_map(FIXTURES / "tiny.yaml")
    thesis_line = tiny.line_of(tiny.thesis)  # the place: the thesis whose argument is too small
    assert thesis_line > 1
    assert f"tiny.yaml:{thesis_line}: this map has no reason with two or more premises" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_bad_kind_format_and_unreadable_map_exit_2(tmp_path):
    result = run("exercise", MEALS, "--kind", "weakest", "-o", tmp_path / "w.md")
    assert result.exit_code == 2 and "did you mean 'weakest-link'" in result.output
    result = run("exercise", MEALS, "--kind", "reconstruct", "-o", tmp_path / "w.txt")
    assert result.exit_code == 2 and "cannot tell the worksheet format" in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    result = run("exercise", broken, "--kind", "reconstruct", "-o", tmp_path / "w.md")
    assert result.exit_code == 2 and re.search(r"broken\.yaml:\d+", result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_never_writes_over_the_map(tmp_path):
    copy = tmp_path / "m.key.md"
    copy.write_text(MEALS.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("exercise", copy, "--from", "yaml", "--kind", "reconstruct", "-o", tmp_path / "m.md")
    assert result.exit_code == 2 and "over an input" in result.output
    assert copy.read_text(encoding="utf-8") == MEALS.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.key.md"], "nothing written, not even the sheet"


def test_count_beyond_what_the_map_gives_is_noted(tmp_path):
    result = run("exercise", MEALS, "--kind", "missing-premise", "--count", "5", "-o", tmp_path / "w.md")
    assert result.exit_code == 0
    assert "gives 1 question(s) of this kind, not 5" in result.output


def test_exercises_lists_every_kind():
    result = run("exercises")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names == list(kinds())


def test_the_worksheet_in_docs_is_what_the_readme_command_writes(tmp_path):
    """docs/worksheets/ is regenerated by the command the README gives, when the map or the kind changes."""
    docs = Path(__file__).parents[1] / "docs" / "worksheets"
    out = tmp_path / "vraem-missing-premise.md"
    vraem = Path(__file__).parents[1] / "maps" / "vraem.yaml"
    result = runner.invoke(app, ["exercise", str(vraem), "--kind", "missing-premise", "--seed", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("vraem-missing-premise.md", "vraem-missing-premise.key.md"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (docs / name).read_text(encoding="utf-8"), name
