"""JSON readers (argmap JSON and AIF) on numbers Python's decoder takes but JSON has not.

``json`` reads ``NaN`` and ``Infinity`` and would hand a ``NaN`` weight to the analyses
(its strength printed as ``nan``, the JSON export written with ``NaN`` again); a whole
number of more digits than Python converts (4,300) raised ``ValueError`` from inside the
decoder, a traceback. Both are refused at the token's line and column.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map
from argmap.cli import app

runner = CliRunner()

MAP = {
    "format": "argmap",
    "version": 1,
    "title": "Numbers",
    "thesis": "a",
    "claims": [{"id": "a", "text": "A claim."}, {"id": "b", "text": "Another.", "weight": 0.5}],
    "inferences": [{"id": "i", "from": ["b"], "to": "a", "type": "support"}],
}


def _with_weight(tmp_path: Path, token: str, name: str = "m.argmap.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(MAP, indent=1).replace("0.5", token), encoding="utf-8")
    return path


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_where_written(tmp_path, token):
    path = _with_weight(tmp_path, token)
    with pytest.raises(MapError) as caught:
        load_map(path)
    line = path.read_text().splitlines().index(f'   "weight": {token}') + 1
    assert (caught.value.line, caught.value.col) == (line, 14)
    assert f"{token} is not a JSON number" in caught.value.message


def test_nan_inside_a_string_is_text_and_the_constant_after_it_is_found(tmp_path):
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": 'NaN "Infinity" 9'}], "edges": [], "x": "NaN"}
    path = tmp_path / "m.aif.json"
    path.write_text(json.dumps(doc)[:-1] + ', "y": NaN}', encoding="utf-8")
    with pytest.raises(MapError) as caught:
        load_map(path)
    assert caught.value.col == path.read_text().rindex("NaN") + 1


def test_a_whole_number_too_long_to_convert_is_an_error_not_a_traceback(tmp_path):
    path = _with_weight(tmp_path, "9" * 5000)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{path}:")
    assert "a whole number of 5000 digits is too long to read" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_long_numbers_that_python_reads_still_read(tmp_path):
    path = _with_weight(tmp_path, "0." + "0" * 100_000 + "5")
    assert load_map(path).claims["b"].weight == 0.0


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_lone_surrogate_key_is_named_by_its_escape_in_every_report(tmp_path, fmt):
    """Named raw in the JSON path, it made the JSON and SARIF reports a UnicodeEncodeError traceback."""
    path = tmp_path / "m.argmap.json"
    path.write_text(json.dumps(MAP).replace('"weight": 0.5', '"\\udc00": 1'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "-f", fmt, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert 'claims[1]["\\udc00"]: holds half of a UTF-16 surrogate pair' in result.stdout + result.stderr
    if fmt != "text":
        json.loads(result.stdout)
