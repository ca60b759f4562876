"""Argdown round trip, judged by the reference implementation (``@argdown/cli``).

For every Argdown file of the corpus that ``argdown json`` accepts, argmap reads it,
writes it back as Argdown, and ``argdown json`` reads that export. The file passes when
both JSON exports name the same statements, the same arguments and the same relations
(type, from, to, and for a relation to an inference the conclusion it leads to).

    python tools/argdown_roundtrip.py [PATH ...] [--argdown PATH] [--min 95]

Each PATH is a folder (its ``.argdown`` files, subfolders included, but not the ``_partial``
files that others include) or an ``.argdown`` file; the default is the shared corpus.

The reference CLI is looked for in ``.ci/node`` (``npm install --prefix .ci/node
@argdown/cli@1.7.5``), then on the PATH. Exit code 0 when at least ``--min`` percent of
the accepted files pass, 1 otherwise, 2 when the reference CLI cannot be found.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"

sys.path.insert(0, str(ROOT))

from argmap.errors import MapError  # noqa: E402
from argmap.readers import load_map  # noqa: E402
from argmap.writers import dumps  # noqa: E402

__all__ = ["CORPUS", "Result", "collect", "find_argdown", "reference_json", "roundtrip", "summary"]

Relation = tuple[str, str, str, str, str]


@dataclass
class Result:
    """The verdict on one corpus file."""

    path: Path
    passed: bool
    problems: list[str] = field(default_factory=list)


def find_argdown(given: str | None = None) -> str | None:
    """The ``argdown`` command: the given one, the project's ``.ci/node`` install, or the PATH's."""
    if given:
        return given
    local = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"
    if local.exists():
        return str(local)
    return shutil.which("argdown")


def reference_json(argdown: str, files: list[Path], workdir: Path) -> dict[Path, dict]:
    """``argdown json`` on the files, one run per folder: the JSON of each file it accepts.

    ``argdown json`` names each output after its input's stem, so the files of a folder
    (whose stems differ) share a run, and each folder has an output folder of its own.
    """
    found = {}
    folders: dict[Path, list[Path]] = {}
    for path in files:
        folders.setdefault(path.parent, []).append(path)
    for i, (folder, paths) in enumerate(sorted(folders.items())):
        outputs = workdir / f"out{i}"
        subprocess.run(
            [argdown, "json", str(folder / "*.argdown"), str(outputs)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=600,
        )
        for path in paths:
            out = outputs / f"{path.stem}.json"
            if out.exists():
                found[path] = json.loads(out.read_text(encoding="utf-8"))
    return found


def _relations(doc: dict) -> set[Relation]:
    out = set()
    for r in doc.get("relations", []):
        target = r.get("to", "")
        if r.get("toType") == "inference":
            target = f"{target} (conclusion {r.get('conclusionIndex')})"
        out.add((r["relationType"], r.get("fromType", ""), r.get("from", ""), r.get("toType", ""), target))
    return out


def compare(original: dict, exported: dict) -> list[str]:
    """What differs between two ``argdown json`` documents: statement and argument titles, relations."""
    problems = []
    for key, what in (("statements", "statement"), ("arguments", "argument")):
        a, b = set(original.get(key, {})), set(exported.get(key, {}))
        if a != b:
            problems.append(f"{what} titles differ: lost {sorted(a - b)[:5]}, new {sorted(b - a)[:5]}")
    a, b = _relations(original), _relations(exported)
    if a != b:
        problems.append(f"relations differ: lost {sorted(a - b)[:3]}, new {sorted(b - a)[:3]}")
    return problems


def collect(paths: Path | list[Path]) -> list[Path]:
    """The Argdown files to judge: those in the folders, and the files named."""
    found: set[Path] = set()
    for path in [paths] if isinstance(paths, Path) else paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*.argdown") if not p.name.startswith("_"))
        else:
            found.add(path)
    return sorted(found)


def roundtrip(corpus: Path | list[Path], argdown: str) -> tuple[list[Result], list[Path]]:
    """Results for the files the reference accepts, and the files it rejects."""
    files = collect(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        originals = reference_json(argdown, files, Path(tmp) / "original")
        exports: dict[Path, Path] = {}
        results: dict[Path, Result] = {}
        folder = Path(tmp) / "exported"
        folder.mkdir()
        for path in originals:
            try:
                text = dumps(load_map(path), "argdown")
            except MapError as exc:
                results[path] = Result(path, False, [f"argmap cannot read it: {exc}"])
                continue
            export = folder / f"f{len(exports):04d}-{path.name}"
            export.write_text(str(text), encoding="utf-8")
            exports[path] = export
        again = reference_json(argdown, list(exports.values()), Path(tmp) / "again")
        for path, export in exports.items():
            if export not in again:
                results[path] = Result(path, False, ["the reference rejects argmap's export"])
                continue
            problems = compare(originals[path], again[export])
            results[path] = Result(path, not problems, problems)
    rejected = [p for p in files if p not in originals]
    return [results[p] for p in files if p in results], rejected


def summary(results: list[Result]) -> tuple[int, int, float]:
    """Passed, accepted and the percentage that passed."""
    passed = sum(r.passed for r in results)
    return passed, len(results), 100.0 * passed / len(results) if results else 0.0


def _shown(path: Path, roots: list[Path]) -> str:
    """The path relative to the folder given that holds it, else as it is."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return str(path.relative_to(root))
    return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="folders of .argdown files, or .argdown files")
    parser.add_argument("--argdown", help="the argdown command (default: .ci/node, then PATH)")
    parser.add_argument("--min", type=float, default=95.0, help="percentage of files that must pass")
    args = parser.parse_args(argv)
    argdown = find_argdown(args.argdown)
    if argdown is None:
        print("argdown not found: npm install --prefix .ci/node @argdown/cli@1.7.5", file=sys.stderr)
        return 2
    paths = args.paths or [CORPUS]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    results, rejected = roundtrip(paths, argdown)
    for result in results:
        print(f"{'pass' if result.passed else 'FAIL'}  {_shown(result.path, paths)}")
        for problem in result.problems:
            print(f"      {problem}")
    for path in rejected:
        print(f"skip  {_shown(path, paths)} (the reference rejects it)")
    passed, accepted, percent = summary(results)
    print(f"{passed}/{accepted} files the reference accepts pass the round trip ({percent:.1f}%)")
    return 0 if percent >= args.min else 1


if __name__ == "__main__":
    raise SystemExit(main())
