"""The documented limits: each one refuses a map over it with exit 2 at a place, names itself and
how to raise it, and lets the same map through once raised; the defaults admit the benchmark sizes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map
from argmap.cli import app
from argmap.limits import LIMITS, MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]
MEALS = ROOT / "tests" / "fixtures" / "convert" / "meals.yaml"

runner = CliRunner()


def check(path: Path, env: dict[str, str] | None = None):
    return runner.invoke(app, ["check", str(path)], env=env)


def assert_refused(result, path: Path, limit) -> None:
    """Exit 2, no traceback, ``path:line:col:`` first, the limit and its variable named."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", result.stderr), result.stderr
    assert f"({limit.what})" in result.stderr
    assert f"raise it with the environment variable {limit.env}" in result.stderr


# -- the table ---------------------------------------------------------------------------


def test_every_limit_has_its_own_variable_and_a_positive_default():
    assert [limit.env for limit in LIMITS] == ["ARGMAP_MAX_BYTES", "ARGMAP_MAX_ELEMENTS", "ARGMAP_MAX_DEPTH"]
    assert all(limit.default > 0 for limit in LIMITS)


@pytest.mark.parametrize("raw", ["ten", "-5", "0", "1e6", "0x10"])
def test_a_malformed_setting_is_a_clear_error_not_a_traceback(tmp_path, raw):
    result = check(MEALS, env={"ARGMAP_MAX_DEPTH": raw})
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"ARGMAP_MAX_DEPTH must be a positive whole number, not {raw!r}" in result.stderr


def test_a_setting_may_use_underscores_like_a_python_number(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "1_000")
    assert MAX_BYTES.value() == 1000


# -- file size -----------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_and_passes_once_raised(tmp_path):
    path = tmp_path / "meals.yaml"
    path.write_bytes(MEALS.read_bytes())
    size = path.stat().st_size
    result = check(path, env={"ARGMAP_MAX_BYTES": str(size - 1)})
    assert_refused(result, path, MAX_BYTES)
    assert f"the file is {size} bytes, over the limit of {size - 1} bytes" in result.stderr
    assert check(path, env={"ARGMAP_MAX_BYTES": str(size)}).exit_code in (0, 1)


def test_a_pipe_is_read_no_further_than_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "1000")
    with pytest.raises(MapError, match="the file is more than 1000 bytes, over the limit of 1000"):
        load_map("/dev/zero", format="yaml")
