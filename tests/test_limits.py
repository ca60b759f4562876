"""The documented limits: each one refuses a map over it with exit 2 at a place, names itself and
how to raise it, and lets the same map through once raised; the defaults admit the benchmark sizes."""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map
from argmap.cli import app
from argmap.limits import LIMITS, MAX_BYTES, MAX_DEPTH, MAX_ELEMENTS

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


# -- element count -------------------------------------------------------------------------


def _chain_yaml(n: int) -> str:
    """A map of ``n`` claims in a chain: ``n`` claims and ``n - 1`` inferences."""
    claims = "".join(f"  c{i}: Claim number {i}.\n" for i in range(n))
    inferences = "".join(f"  - from: c{i + 1}\n    to: c{i}\n" for i in range(n - 1))
    return f"title: Chain\nthesis: c0\nclaims:\n{claims}inferences:\n{inferences}"


def _chain(fmt: str, n: int) -> str:
    """The same chain in each input format."""
    if fmt == "yaml":
        return _chain_yaml(n)
    if fmt == "kialo":
        return "Discussion Title: Chain\n\n1. Claim number 0.\n" + "".join(
            f"1.{i}. Pro: Claim number {i}.\n" for i in range(1, n)
        )
    if fmt == "argdown":
        return "[c0]: Claim number 0.\n" + "".join(f"  + [c{i}]: Claim number {i}.\n" for i in range(1, n))
    from argmap.readers import parse_map
    from argmap.writers import dumps

    return dumps(parse_map(_chain_yaml(n), "chain.yaml"), "aif" if fmt == "aif" else "json")


SUFFIX = {"yaml": ".yaml", "kialo": ".kialo.txt", "argdown": ".argdown", "aif": ".aif.json", "json": ".argmap.json"}


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_a_map_over_the_element_limit_is_refused_in_every_format(tmp_path, fmt):
    path = tmp_path / f"chain{SUFFIX[fmt]}"
    path.write_text(_chain(fmt, 30), encoding="utf-8")
    result = check(path, env={"ARGMAP_MAX_ELEMENTS": "40"})
    assert_refused(result, path, MAX_ELEMENTS)
    assert re.search(r"the map has \d+ claims and inferences", result.stderr)
    assert check(path, env={"ARGMAP_MAX_ELEMENTS": "59"}).exit_code in (0, 1)


def test_the_default_element_limit_admits_the_largest_benchmark():
    # benchmarks/run.py reads maps of 100,000 claims (165,610 claims and inferences)
    assert MAX_ELEMENTS.default >= 3 * 165_610


# -- nesting depth ---------------------------------------------------------------------------


def _deep(fmt: str, depth: int) -> str:
    if fmt == "aif":
        return '{"nodes": [{"nodeID": "1", "type": "I", "text": "x", "deep": ' + "[" * depth + "]" * depth + "}]}"
    if fmt == "json":
        return '{"format": "argmap", "claims": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
    if fmt == "argdown-relations":
        return "[c0]: Top.\n" + "".join("  " * i + f"  + [c{i + 1}]: Level {i + 1}.\n" for i in range(depth))
    if fmt == "argdown-emphasis":
        return "[c0]: " + "*_" * (depth // 2) + "x" + "_*" * (depth // 2) + "\n"
    if fmt == "argdown-data":
        return "[c0]: Top. {deep: " + "[" * depth + "]" * depth + "}\n"
    raise AssertionError(fmt)


DEEP_SUFFIX = {
    "aif": ".json",
    "json": ".argmap.json",
    "argdown-relations": ".argdown",
    "argdown-emphasis": ".argdown",
    "argdown-data": ".argdown",
}


@pytest.mark.parametrize("fmt", list(DEEP_SUFFIX))
def test_nesting_past_the_depth_limit_is_refused_where_it_happens(tmp_path, fmt):
    path = tmp_path / f"deep{DEEP_SUFFIX[fmt]}"
    depth = 500 if fmt == "argdown-data" else 5_000  # deeper YAML meets libyaml's own bound of 1,000 first
    path.write_text(_deep(fmt, depth), encoding="utf-8")
    result = check(path)
    assert_refused(result, path, MAX_DEPTH)
    assert "nest" in result.stderr and "deeper" in result.stderr


@pytest.mark.parametrize("fmt", ["argdown-relations", "argdown-emphasis", "aif"])
def test_nesting_within_the_default_depth_is_read(tmp_path, fmt):
    path = tmp_path / f"deep{DEEP_SUFFIX[fmt]}"
    path.write_text(_deep(fmt, MAX_DEPTH.default - 4), encoding="utf-8")
    result = check(path)
    assert result.exit_code in (0, 1), result.output


def test_raising_the_depth_limit_admits_deeper_nesting(tmp_path):
    path = tmp_path / "deep.argdown"
    path.write_text(_deep("argdown-relations", 150), encoding="utf-8")
    assert_refused(check(path), path, MAX_DEPTH)
    assert check(path, env={"ARGMAP_MAX_DEPTH": "160"}).exit_code in (0, 1)


def test_yaml_nesting_is_bounded_by_the_yaml_parser_at_its_place(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("title: t\nthesis: a\nclaims:\n  a: " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    result = check(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:4:")
    assert "nesting depth" in result.stderr


# -- time and memory on pathological input ---------------------------------------------------------

OPENERS = ["[", "<", "{", "@[", "@<", "#(", "/*", "<!--", "//", "[a](", "{a},", "*_", ".a", ":"]
"""Marks an Argdown rule scans ahead from for its closing mark; unclosed, each used to cost a scan of the line."""


def _read_seconds(text: str, path: str) -> float:
    from argmap.readers import parse_map

    start = time.perf_counter()
    try:
        parse_map(text, path)
    except MapError as error:
        assert error.line >= 1, error
    return time.perf_counter() - start


@pytest.mark.parametrize("opener", OPENERS)
def test_a_long_argdown_line_of_unclosed_marks_is_read_in_linear_time(opener):
    # Before the lexer remembered where a rule must fail, 30,000 '[' took 30 s (quadratic).
    text = "[a]: " + opener * (100_000 // len(opener)) + "\n"
    assert _read_seconds(text, "long.argdown") < 3


def test_a_one_megabyte_argdown_line_is_read_in_bounded_time():
    line = "".join(OPENERS) * (1_000_000 // len("".join(OPENERS)))
    assert _read_seconds(f"[a]: {line}\n", "long.argdown") < 20


@pytest.mark.parametrize(
    "text",
    [
        "Discussion Title: t\n\n1. Top.\n1.1. Pro: " + "[" * 200_000 + "\n",
        "Discussion Title: t\n\n1. Top.\n1.1. Pro: a" + " " * 200_000 + "b\n",
        "Discussion Title: a" + " " * 200_000 + "b\n\n1. Top.\n",
        "Discussion Title: t\n\n1. Top.\n1.1. Pro: x\n" + "".join(f"1.{i}. Pro: -> See 1.{i - 1}.\n" for i in range(2, 20_000)),
    ],
    ids=["brackets", "spaces", "title", "link-chain"],
)
def test_pathological_kialo_exports_are_read_in_linear_time(text):
    assert _read_seconds(text, "long.kialo.txt") < 3


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("aif", '{"nodes": [' + "\n" * 1_000_000 + '{"nodeID": 1}]}'),
        ("argdown", "[a]: x\n" + "\r\n" * 1_000_000 + "[b]: y \\"),
        ("argdown", "[a]: x\n" + "\n" * 1_000_000 + "[b]: y \\"),  # the line reader, then the general one
        ("kialo", "Discussion Title: t\n" + "  \n" * 1_000_000 + "1.1. Pro: x\n"),
    ],
    ids=["json", "argdown", "argdown-lines", "kialo"],
)
def test_millions_of_lines_cost_no_memory_per_line(fmt, text):
    # A list of line starts (or of lines) cost some 36 to 60 bytes a line: 36 to 60 MB here.
    from argmap.readers import parse_map

    tracemalloc.start()
    try:
        with pytest.raises(MapError) as info:
            parse_map(text, f"lines{SUFFIX[fmt]}")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.line > 1_000_000, info.value
    assert peak < 2 * len(text) + 20_000_000
