"""The Argdown corpus (the Argdown project's own examples and tests), judged by the reference CLI.

argmap must read every file that ``argdown json`` (``@argdown/cli`` 1.7.5) accepts, and
its Argdown export must give ``argdown json`` the same statements, arguments and
relations for at least 95% of them. The reference is installed by ``.ci/run``; without
it these tests skip, except in CI (``CI=true``), where a missing reference is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from argmap import MapError, load_map

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"
FILES = sorted(CORPUS.rglob("*.argdown"))

_spec = importlib.util.spec_from_file_location("argdown_roundtrip", ROOT / "tools" / "argdown_roundtrip.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tool
_spec.loader.exec_module(tool)


def test_the_corpus_is_there():
    assert len(FILES) >= 30, f"expected the Argdown corpus in {CORPUS}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_file_is_read_or_refused_at_a_place(path):
    try:
        amap = load_map(path)
    except MapError as exc:
        assert exc.line >= 1 and exc.col >= 1, exc
        assert Path(exc.path).name.endswith(".argdown"), exc
    else:
        assert amap.claims and amap.thesis in amap.claims


@pytest.fixture(scope="module")
def verdicts():
    argdown = tool.find_argdown()
    if argdown is None:
        message = "the reference Argdown CLI is missing: npm install --prefix .ci/node @argdown/cli@1.7.5"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return tool.roundtrip(CORPUS, argdown)


def test_argmap_reads_every_file_the_reference_accepts(verdicts):
    results, _ = verdicts
    assert len(results) >= 25
    unread = [r.path.name for r in results if any(p.startswith("argmap cannot read it") for p in r.problems)]
    assert unread == []
    for result in results:
        assert load_map(result.path).claims


def test_argmap_refuses_what_the_reference_rejects(verdicts):
    _, rejected = verdicts
    assert rejected, "the corpus holds files with syntax errors"
    for path in rejected:
        with pytest.raises(MapError):
            load_map(path)


def test_the_reference_reads_the_export_back_the_same(verdicts):
    results, _ = verdicts
    passed, accepted, percent = tool.summary(results)
    failures = {r.path.name: r.problems for r in results if not r.passed}
    assert percent >= 95.0, f"{passed}/{accepted} pass; failing: {failures}"


def test_the_script_takes_folders_and_files(tmp_path):
    """Files beyond the corpus are judged the same way: a folder's files (not its partials) and files named."""
    (tmp_path / "sub").mkdir()
    for name in ("a.argdown", "_partial.argdown", "sub/b.argdown", "notes.txt"):
        (tmp_path / name).write_text("[s]: text\n", encoding="utf-8")
    assert tool.collect([tmp_path / "sub", tmp_path / "a.argdown"]) == [
        tmp_path / "a.argdown",
        tmp_path / "sub" / "b.argdown",
    ]
    assert tool.collect(tmp_path) == [tmp_path / "a.argdown", tmp_path / "sub" / "b.argdown"]
    assert tool.main([str(tmp_path / "missing")]) == 2
