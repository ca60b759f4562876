"""Progress lines appear on a terminal only, and never in output that scripts read."""

from __future__ import annotations

import io
from pathlib import Path

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
