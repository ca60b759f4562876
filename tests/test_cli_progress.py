"""Progress lines appear on a terminal only, and never in output that scripts read."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

from typer.testing import CliRunner

from argmap.cli import _progress, app


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_step_is_silent_off_a_terminal():
    stream = io.StringIO()
    with _progress.step("reading big.yaml", stream):
        pass
    assert stream.getvalue() == ""


def test_a_quick_step_clears_its_line_and_a_long_one_leaves_its_time(monkeypatch):
    quick = _Terminal()
    with _progress.step("reading big.yaml", quick):
        pass
    assert quick.getvalue().startswith("reading big.yaml\u2026")
    assert quick.getvalue().endswith("\r\033[K")
    monkeypatch.setattr(_progress, "LONG", 0.0)
    slow = _Terminal()
    with _progress.step("drawing 9,000 elements", slow):
        pass
    assert slow.getvalue().endswith("\r\033[Kdrawing 9,000 elements: 0.0 s\n")


def test_render_output_has_no_progress_when_piped(tmp_path):
    out = tmp_path / "map.dot"
    chain = Path(__file__).parent / "fixtures" / "focus" / "chain.yaml"
    result = CliRunner().invoke(app, ["render", str(chain), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == f"wrote {out} (dot)\n"


def test_check_and_evaluate_write_no_progress_when_piped():
    chain = Path(__file__).parent / "fixtures" / "focus" / "chain.yaml"
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(chain), "--exit-zero"])
    evaluated = runner.invoke(app, ["evaluate", str(chain)])
    assert checked.exit_code == 0 and evaluated.exit_code == 0
    assert checked.stderr == "1 map checked: 4 errors, 8 warnings, 5 infos\n"
    assert evaluated.stderr == ""


def test_check_shows_its_steps_on_a_terminal(monkeypatch):
    chain = Path(__file__).parent / "fixtures" / "focus" / "chain.yaml"
    terminal = _Terminal()
    monkeypatch.setattr(_progress, "sys", SimpleNamespace(stderr=terminal))
    result = CliRunner().invoke(app, ["check", str(chain), "--exit-zero"])
    assert result.exit_code == 0
    assert f"reading {chain}\u2026" in terminal.getvalue()
    assert "checking 10 claims\u2026" in terminal.getvalue()


def test_render_names_its_last_step_after_what_it_does(monkeypatch, tmp_path):
    chain = Path(__file__).parent / "fixtures" / "focus" / "chain.yaml"
    terminal = _Terminal()
    monkeypatch.setattr(_progress, "sys", SimpleNamespace(stderr=terminal))
    runner = CliRunner()
    assert runner.invoke(app, ["render", str(chain), "-o", str(tmp_path / "map.dot")]).exit_code == 0
    assert "writing the DOT of " in terminal.getvalue() and "Graphviz" not in terminal.getvalue()
    terminal.truncate(0)
    assert runner.invoke(app, ["render", str(chain), "-o", str(tmp_path / "map.svg")]).exit_code == 0
    assert "elements with Graphviz\u2026" in terminal.getvalue()
