"""The YAML map format: what it accepts, and a clear ``path:line:col: message`` for everything
it refuses, through the library and through ``argmap check``, ``render`` and ``show``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap.readers
from argmap import MapError, load_map, parse_map, run_checks
from argmap.cli import app

runner = CliRunner()

HEAD = "title: Trees\nthesis: plant\n"
CLAIMS = "claims:\n  plant: The town should plant trees.\n  shade: Trees shade streets.\n"
GOOD = HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plant\n"

# name -> (file text, line, column, a fragment of the message)
BAD: dict[str, tuple[str, int, int, str]] = {
    "unknown premise": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade, shadw]\n    to: plant\n",
        7,
        19,
        "premise 'shadw' of inference 1 is not a claim id (did you mean 'shade'?)",
    ),
    "unknown premise in a block list": (
        HEAD + CLAIMS + "inferences:\n  - from:\n      - shade\n      - roots\n    to: plant\n",
        9,
        9,
        "premise 'roots' of inference 1 is not a claim id",
    ),
    "premise that is an inference": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plant\n    id: r1\n  - from: [r1]\n    to: plant\n",
        10,
        12,
        "premise 'r1' of inference 2 is an inference, not a claim",
    ),
    "unknown target": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plnt\n",
        8,
        9,
        "inference 1 targets unknown id 'plnt' (did you mean 'plant'?)",
    ),
    "unknown source": (
        HEAD + "sources:\n  who: WHO (2019).\nclaims:\n  plant:\n    text: Plant trees.\n    source: whoo\n",
        8,
        13,
        "claim 'plant' cites unknown source 'whoo' (did you mean 'who'?)",
    ),
    "duplicate claim id": (
        HEAD + CLAIMS + "  plant: Again.\n",
        6,
        3,
        "duplicate key 'plant' in claims (first on line 4)",
    ),
    "duplicate inference id": (
        HEAD
        + CLAIMS
        + "inferences:\n  - from: [shade]\n    to: plant\n    id: r\n  - from: [shade]\n    to: r\n    id: r\n",
        12,
        9,
        "duplicate id 'r' (already used by the inference on line 7)",
    ),
    "inference id that is a claim id": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plant\n    id: shade\n",
        9,
        9,
        "duplicate id 'shade' (already used by the claim on line 5)",
    ),
    "duplicate top-level key": (
        HEAD + CLAIMS + "title: Again\n",
        6,
        1,
        "duplicate key 'title' in the map (first on line 1)",
    ),
    "duplicate key in a claim": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    text: Plant oaks.\n",
        6,
        5,
        "duplicate key 'text' in claim 'plant' (first on line 5)",
    ),
    "duplicate source": (
        HEAD + "sources:\n  who: WHO.\n  who: WHO again.\n" + CLAIMS,
        5,
        3,
        "duplicate key 'who' in sources (first on line 4)",
    ),
    "duplicate key in an inference": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plant\n    to: shade\n",
        9,
        5,
        "duplicate key 'to' in inference 1 (first on line 8)",
    ),
    "missing thesis": ("title: Trees\n" + CLAIMS, 1, 1, "the map has no 'thesis'"),
    "missing title": ("thesis: plant\n" + CLAIMS, 1, 1, "the map has no 'title'"),
    "missing claims": (HEAD, 1, 1, "the map has no 'claims'"),
    "unknown thesis": (
        "title: Trees\nthesis: plnt\n" + CLAIMS,
        2,
        9,
        "thesis 'plnt' is not a claim id (did you mean 'plant'?)",
    ),
    "typo in a top-level key": (
        HEAD + CLAIMS + "inferenses: []\n",
        6,
        1,
        "unknown key 'inferenses' in the map (did you mean 'inferences'?)",
    ),
    "typo in a claim key": (
        HEAD + "claims:\n  plant:\n    txt: Plant trees.\n",
        5,
        5,
        "unknown key 'txt' in claim 'plant' (did you mean 'text'?)",
    ),
    "typo in an inference key": (
        HEAD + CLAIMS + "inferences:\n  - form: [shade]\n    to: plant\n",
        7,
        5,
        "unknown key 'form' in inference 1 (did you mean 'from'?)",
    ),
    "typo in a source key": (
        HEAD + "sources:\n  who:\n    citaton: WHO.\n" + CLAIMS,
        5,
        5,
        "unknown key 'citaton' in source 'who' (did you mean 'citation'?)",
    ),
    "typo in the type": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: plant\n    type: suport\n",
        9,
        11,
        "'type' of inference 1 must be support or attack, not 'suport' (did you mean 'support'?)",
    ),
    "title as a list": ("title: [a, b]\nthesis: plant\n" + CLAIMS, 1, 8, "title must be text"),
    "thesis as a mapping": ("title: T\nthesis: {a: b}\n" + CLAIMS, 2, 9, "thesis must be text"),
    "empty title": ("title: ''\nthesis: plant\n" + CLAIMS, 1, 8, "title must not be empty"),
    "claims as a list": (HEAD + "claims:\n  - plant\n", 4, 3, "claims must be a mapping"),
    "claim text missing": (HEAD + "claims:\n  plant:\n    source: who\n", 5, 5, "claim 'plant' needs a 'text'"),
    "claim text null": (HEAD + "claims:\n  plant:\n", 4, 9, "the text of claim 'plant' must not be empty"),
    "claim text as a list": (
        HEAD + "claims:\n  plant:\n    text: [a]\n",
        5,
        11,
        "'text' of claim 'plant' must be text",
    ),
    "assumption not a boolean": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    assumption: maybe\n",
        6,
        17,
        "'assumption' of claim 'plant' must be true or false, not 'maybe'",
    ),
    "weight not a number": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    weight: heavy\n",
        6,
        13,
        "'weight' of claim 'plant' must be a number between 0 and 1",
    ),
    "weight out of range": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    weight: 2\n",
        6,
        13,
        "'weight' of claim 'plant' must be between 0 and 1, not 2",
    ),
    "unknown status": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    status: maybe\n",
        6,
        13,
        "'status' of claim 'plant' must be accepted or rejected, not 'maybe'",
    ),
    "tags as a mapping": (
        HEAD + "claims:\n  plant:\n    text: Plant trees.\n    tags: {a: b}\n",
        6,
        11,
        "'tags' of claim 'plant' must be a list of names",
    ),
    "inferences as a mapping": (HEAD + CLAIMS + "inferences:\n  r: x\n", 7, 3, "inferences must be a list"),
    "inference as text": (
        HEAD + CLAIMS + "inferences:\n  - shade supports plant\n",
        7,
        5,
        "inference 1 must be a mapping",
    ),
    "inference without to": (HEAD + CLAIMS + "inferences:\n  - from: [shade]\n", 7, 5, "inference 1 needs 'to'"),
    "from as a mapping": (
        HEAD + CLAIMS + "inferences:\n  - from: {shade: 1}\n    to: plant\n",
        7,
        11,
        "'from' of inference 1 must be a list of names",
    ),
    "inference targeting itself": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade]\n    to: r\n    id: r\n    type: attack\n",
        8,
        9,
        "inference 'r' targets itself",
    ),
    "empty from": (
        HEAD + CLAIMS + "inferences:\n  - from: []\n    to: plant\n",
        7,
        11,
        "'from' of inference 1 is empty: name at least one premise",
    ),
    "from with no value": (
        HEAD + CLAIMS + "inferences:\n  - from:\n    to: plant\n",
        7,
        10,
        "'from' of inference 1 is empty: name at least one premise",
    ),
    "premise listed twice": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade, shade]\n    to: plant\n",
        7,
        19,
        "inference 1 lists premise 'shade' twice",
    ),
    "malformed YAML: unclosed bracket": (
        HEAD + CLAIMS + "inferences:\n  - from: [shade\n    to: plant\n",
        8,
        7,
        "malformed YAML",
    ),
    "malformed YAML: bad indentation": (HEAD + "claims:\n  plant: Plant.\n shade: Shade.\n", 5, 2, "malformed YAML"),
    "malformed YAML: a tab": (HEAD + "claims:\n\tplant: Plant.\n", 4, 1, "malformed YAML"),
    "two documents": (GOOD + "---\n" + GOOD, 9, 1, "malformed YAML: expected a single document"),
    "alias bomb": (
        HEAD
        + CLAIMS
        + "notes:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        + "  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        8,
        10,
        "YAML aliases (*a) are not allowed",
    ),
    "recursive alias": (HEAD + "claims: &c\n  plant: *c\n", 4, 10, "YAML aliases (*c) are not allowed"),
    "alias of a claim text": (
        HEAD + "claims:\n  plant: &t The town should plant trees.\n  again: *t\n",
        5,
        10,
        "YAML aliases (*t) are not allowed",
    ),
    "empty file": ("", 1, 1, "the file is empty"),
    "only comments": ("# a map\n\n# to come\n", 1, 1, "the file is empty"),
    "a list, not a map": ("- a\n- b\n", 1, 1, "the map must be a mapping"),
    "text, not a map": ("just some words\n", 1, 1, "the map must be a mapping"),
    "BOM and a bad key": ("\ufeff" + HEAD + CLAIMS + "thesys: x\n", 6, 1, "unknown key 'thesys' in the map"),
}


def write(tmp_path: Path, text: str | bytes, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_is_a_map_error_at_its_line_and_column(tmp_path, case):
    text, line, col, fragment = BAD[case]
    path = write(tmp_path, text)
    with pytest.raises(MapError) as info:
        load_map(path)
    error = info.value
    assert (error.path, error.line, error.col) == (str(path), line, col), str(error)
    assert str(error).startswith(f"{path}:{line}:{col}: ")
    assert fragment in error.message
    assert "\n" not in str(error)


def test_parse_map_reports_the_given_path():
    text, line, col, _ = BAD["unknown target"]
    with pytest.raises(MapError) as info:
        parse_map(text, "inline.yaml")
    assert str(info.value).startswith(f"inline.yaml:{line}:{col}: ")


def test_non_utf8_is_reported_at_the_bad_byte(tmp_path):
    path = write(tmp_path, (HEAD + "claims:\n  plant: Caf").encode() + b"\xe9 trees.\n")
    with pytest.raises(MapError) as info:
        load_map(path)
    assert str(info.value) == f"{path}:4:13: not valid UTF-8 (byte 0xe9): save the file as UTF-8"


def test_a_missing_file_is_a_map_error(tmp_path):
    path = tmp_path / "missing.yaml"
    with pytest.raises(MapError) as info:
        load_map(path)
    assert str(info.value).startswith(f"{path}:1:1: cannot read the file")


def test_a_folder_is_not_a_map(tmp_path):
    folder = tmp_path / "maps.yaml"
    folder.mkdir()
    with pytest.raises(MapError, match="is a folder"):
        load_map(folder)


def test_an_unreadable_file_is_a_map_error(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(MapError) as info:
        load_map(path)
    assert str(info.value) == f"{path}:1:1: cannot read the file: Permission denied"


def test_an_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "100")
    path = write(tmp_path, GOOD + "# " + "x" * 200 + "\n")
    with pytest.raises(MapError, match="over the limit of 100"):
        load_map(path)


def test_an_unknown_name_in_ignore_is_reported_when_checking(tmp_path):
    path = write(tmp_path, HEAD + "claims:\n  plant:\n    text: Plant trees.\n    ignore: [unsuported-thesis]\n")
    with pytest.raises(MapError) as info:
        run_checks(load_map(path))
    assert str(info.value).startswith(f"{path}:4:3: ")
    assert "did you mean 'unsupported-thesis'" in str(info.value)


# -- what the format accepts -------------------------------------------------------------


def test_the_issue_example_reads_as_documented():
    text = """\
title: School meals
thesis: fund-meals
sources:
  who2019: "World Health Organization (2019). Nutrition in schools."
claims:
  fund-meals: The city should fund free school meals.
  evidence-hunger:
    text: Studies find that hungry children score lower on reading tests.
    source: who2019
  subsidies-work:
    text: Free school meals reduce child hunger.
    assumption: true
inferences:
  - from: [evidence-hunger, subsidies-work]
    to: fund-meals
    type: support
    id: r1
"""
    amap = parse_map(text, "meals.yaml")
    assert amap.title == "School meals" and amap.thesis == "fund-meals"
    assert amap.sources["who2019"].citation.startswith("World Health")
    assert amap.claims["fund-meals"].text == "The city should fund free school meals."
    assert amap.claims["evidence-hunger"].source == "who2019"
    assert amap.claims["subsidies-work"].assumption is True
    (r1,) = amap.inferences.values()
    assert (r1.id, r1.premises, r1.target, r1.type) == (
        "r1",
        ("evidence-hunger", "subsidies-work"),
        "fund-meals",
        "support",
    )
    assert [(c.id, c.line) for c in amap.claims.values()] == [
        ("fund-meals", 6),
        ("evidence-hunger", 7),
        ("subsidies-work", 10),
    ]
    assert r1.line == 14 and amap.thesis_line == 2


def test_optional_keys_are_kept():
    text = """\
title: Trees
thesis: plant
description: Should the town plant trees?
sources:
  who:
    citation: WHO (2019).
    url: https://example.org/who
claims:
  plant: The town should plant trees.
  shade:
    text: Trees shade streets.
    source: who
    quote: "Shade lowers street temperatures."
    page: 12
    tags: [climate, streets]
    note: From the summary.
    status: accepted
    weight: 0.8
    ignore: single-point-of-failure
inferences:
  - from: shade
    to: plant
    warrant: What cools streets is worth planting.
    note: The main reason.
    ignore: [missing-link]
  - from: [shade]
    to: inference-1
    type: attack
"""
    amap = parse_map(text, "m.yaml")
    shade = amap.claims["shade"]
    assert amap.description == "Should the town plant trees?"
    assert amap.sources["who"].url == "https://example.org/who"
    assert (shade.quote, shade.page, shade.tags, shade.note) == (
        "Shade lowers street temperatures.",
        "12",
        ("climate", "streets"),
        "From the summary.",
    )
    assert (shade.status, shade.weight, shade.ignore) == ("accepted", 0.8, frozenset({"single-point-of-failure"}))
    first, second = amap.inferences.values()
    assert first.premises == ("shade",) and first.id == "inference-1" and not first.explicit_id
    assert (first.warrant, first.note, first.ignore) == (
        "What cools streets is worth planting.",
        "The main reason.",
        frozenset({"missing-link"}),
    )
    assert amap.is_undercut(second)


def test_a_bom_is_ignored(tmp_path):
    path = write(tmp_path, "\ufeff" + GOOD)
    assert load_map(path).title == "Trees"


def test_yes_and_no_are_booleans_for_assumption():
    amap = parse_map(
        HEAD + "claims:\n  plant: {text: Plant., assumption: yes}\n  shade: {text: Shade., assumption: 'off'}\n"
    )
    assert amap.claims["plant"].assumption is True and amap.claims["shade"].assumption is False


def test_empty_sources_and_inferences_are_allowed():
    amap = parse_map(HEAD + "sources:\n" + CLAIMS + "inferences:\n")
    assert amap.sources == {} and amap.inferences == {}


def test_unnamed_inferences_get_ids_that_clash_with_nothing():
    text = (
        HEAD
        + "claims:\n  plant: P.\n  inference-1: A claim named like an inference.\ninferences:\n  - {from: [inference-1], to: plant}\n"
    )
    amap = parse_map(text)
    (inf,) = amap.inferences.values()
    assert inf.id not in amap.claims and not inf.explicit_id


# -- the same errors through the command line ---------------------------------------------

CLI_CASES = [
    "unknown premise",
    "unknown target",
    "duplicate claim id",
    "missing thesis",
    "unknown thesis",
    "typo in a claim key",
    "claims as a list",
    "inference targeting itself",
    "empty from",
    "malformed YAML: unclosed bracket",
    "alias bomb",
    "empty file",
    "BOM and a bad key",
]


def bad_file(tmp_path: Path, case: str) -> tuple[Path, int, int]:
    text, line, col, _ = BAD[case]
    return write(tmp_path, text), line, col


def assert_clean_exit_2(result, where: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(where), result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("case", CLI_CASES)
def test_check_exits_2_with_the_place(tmp_path, case):
    path, line, col = bad_file(tmp_path, case)
    result = runner.invoke(app, ["check", str(path)])
    assert_clean_exit_2(result, f"{path}:{line}:{col}: ")
    assert result.stdout == ""


@pytest.mark.parametrize("case", CLI_CASES)
def test_render_exits_2_and_writes_nothing(tmp_path, case):
    path, line, col = bad_file(tmp_path, case)
    out = tmp_path / "out" / "map.svg"
    out.parent.mkdir()
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert_clean_exit_2(result, f"{path}:{line}:{col}: ")
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("case", CLI_CASES)
def test_show_exits_2_with_the_place(tmp_path, case):
    path, line, col = bad_file(tmp_path, case)
    result = runner.invoke(app, ["show", str(path)])
    assert_clean_exit_2(result, f"{path}:{line}:{col}: ")
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["check"], ["show"], ["render", "-o", "OUT"]])
def test_non_utf8_and_missing_files_exit_2_on_every_command(tmp_path, command):
    bad = write(tmp_path, b"title: T\nthesis: \xff\n")
    missing = tmp_path / "missing.yaml"
    for path, where in ((bad, f"{bad}:2:9: not valid UTF-8"), (missing, f"{missing}:1:1: cannot read the file")):
        args = [str(tmp_path / "out.svg") if a == "OUT" else a for a in command]
        result = runner.invoke(app, [args[0], str(path), *args[1:]])
        assert_clean_exit_2(result, where)
    assert not (tmp_path / "out.svg").exists()


@pytest.mark.parametrize("command", [["show"], ["render", "-o", "OUT"]])
def test_unknown_ignore_name_exits_2_on_commands_that_check(tmp_path, command):
    path = write(tmp_path, HEAD + "claims:\n  plant:\n    text: Plant trees.\n    ignore: [no-such-check]\n")
    out = tmp_path / "out.svg"
    args = [str(out) if a == "OUT" else a for a in command]
    result = runner.invoke(app, [args[0], str(path), *args[1:]])
    assert_clean_exit_2(result, f"{path}:4:3: ")
    assert not out.exists()


# -- docs/format.md shows real messages ---------------------------------------------------------


def test_the_error_table_in_the_docs_shows_real_messages(tmp_path, monkeypatch):
    produced = set()
    for text, *_ in BAD.values():
        with pytest.raises(MapError) as info:
            parse_map(text, "map.yaml")
        produced.add(str(info.value))
    with pytest.raises(MapError) as info:
        argmap.readers.decode((HEAD + "claims:\n  plant: Caf").encode() + b"\xe9 trees.\n", "map.yaml")
    produced.add(str(info.value))
    with pytest.raises(MapError) as info:
        run_checks(parse_map(HEAD + "claims:\n  plant:\n    text: P.\n    ignore: [unsuported-thesis]\n", "map.yaml"))
    produced.add(str(info.value))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, GOOD)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(MapError) as info:
        load_map("map.yaml")
    produced.add(str(info.value))

    doc = (Path(__file__).parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    shown = re.findall(r"`(map\.yaml:\d+:\d+: [^`]+)`", doc)
    assert len(shown) >= 20
    for message in shown:
        if message.endswith("…"):
            assert any(p.startswith(message[:-1]) for p in produced), message
        else:
            assert message in produced, message
