"""Fuzzing every reader with mutations of valid files (see ``_fuzz.py`` for the mutations).

Each reader gets 10,000 inputs, made from a fixed seed so that a failure replays: cut
short, bytes flipped, values of the wrong type, deep nesting, long strings and lines,
alias bombs, duplicate keys, BOM, CRLF, NUL bytes, invalid UTF-8. Every input must give a
map or a ``MapError`` at ``path:line``, and none may take long. The two halves of each
run go to two processes. A sample goes through ``argmap check`` too, and the real
files of the shared corpus are mutated as well (like the Argdown corpus tests, these
fail when the corpus is missing: CI has it beside the clone).
"""

from __future__ import annotations

import multiprocessing
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import _fuzz
import pytest
from typer.testing import CliRunner

from argmap import load_map
from argmap.cli import app
from argmap.writers import dumps

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
COUNT = 10_000
SEED = 20_261_129
WORKERS = 2


def _small(paths: list[Path], limit: int = 2_500) -> list[bytes]:
    return [p.read_bytes() for p in paths if p.stat().st_size <= limit]


def seeds(fmt: str) -> list[bytes]:
    """Small valid files of each format: fixtures of this project and, for Argdown and AIF, the corpus's."""
    if fmt == "yaml":
        return _small(sorted((FIXTURES / "checks").glob("*-pass.yaml")), 1_000)
    if fmt == "argdown":
        return _small([FIXTURES / "argdown" / "features.argdown", *sorted((CORPUS / "argdown").glob("*.argdown"))], 1_200)
    if fmt == "aif":
        return _small([*sorted((FIXTURES / "aif").glob("*.json")), *sorted((CORPUS / "aif").glob("*.json"))], 4_000)
    if fmt == "json":
        return [dumps(load_map(p), "json").encode() for p in sorted((FIXTURES / "checks").glob("*-pass.yaml"))[:4]]
    return _small(sorted((FIXTURES / "kialo").glob("*.kialo.txt")))


def test_the_corpus_is_there():
    assert len(list((CORPUS / "argdown").glob("*.argdown"))) >= 30, f"expected the shared corpus in {CORPUS}"
    assert len(list((CORPUS / "aif").glob("*.json"))) >= 2, f"expected the shared corpus in {CORPUS}"


@pytest.mark.parametrize("fmt", _fuzz.FORMATS)
def test_every_mutated_input_is_a_map_or_an_error_at_its_place(fmt, tmp_path):
    files = seeds(fmt)
    assert len(files) >= 2
    path = str(tmp_path / f"fuzz{_fuzz.SUFFIXES[fmt]}")
    share = COUNT // WORKERS
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [pool.submit(_fuzz.run, fmt, files, share, SEED + k, path) for k in range(WORKERS)]
        runs = [job.result() for job in jobs]
    assert [f for run in runs for f in run.failures] == []
    maps, errors = sum(r.maps for r in runs), sum(r.errors for r in runs)
    assert maps + errors == COUNT >= 10_000
    assert maps >= COUNT // 20 and errors >= COUNT // 2  # the mutations break most files, not all
    assert max(r.slowest for r in runs) < 3.0


def test_the_mutations_are_the_same_for_the_same_seed():
    files = seeds("yaml")
    assert list(_fuzz.inputs(files, "yaml", 200, 7)) == list(_fuzz.inputs(files, "yaml", 200, 7))
    assert list(_fuzz.inputs(files, "yaml", 200, 7)) != list(_fuzz.inputs(files, "yaml", 200, 8))


@pytest.mark.parametrize("fmt", _fuzz.FORMATS)
def test_argmap_check_on_mutated_files_exits_0_1_or_2_and_never_with_a_traceback(fmt, tmp_path):
    runner = CliRunner()
    for number, data in enumerate(_fuzz.inputs(seeds(fmt), fmt, 25, SEED - 1)):
        path = tmp_path / f"m{number}{_fuzz.SUFFIXES[fmt]}"
        path.write_bytes(data)
        result = runner.invoke(app, ["check", str(path)])
        assert result.exit_code in (0, 1, 2), (number, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (number, result.exception)
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            assert re.match(rf"{re.escape(str(path))}:\d+:", result.stderr), (number, result.stderr)


@pytest.mark.parametrize("fmt", ["argdown", "aif"])
def test_every_corpus_file_mutated_is_a_map_or_an_error_at_its_place(fmt, tmp_path):
    files = sorted((CORPUS / fmt).glob("*.argdown" if fmt == "argdown" else "*.json"))
    assert files, f"expected the shared corpus in {CORPUS}"
    rng = random.Random(SEED)
    for number, original in enumerate(files):
        outcome = _fuzz.run(fmt, [original.read_bytes()], 12, rng.randrange(10**9), str(tmp_path / original.name))
        assert outcome.failures == [], (original.name, outcome.failures)
        assert outcome.maps + outcome.errors == 12, number
