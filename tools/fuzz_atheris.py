"""A long fuzz run of one reader, for occasional use (the test suite runs 10,000 inputs a reader).

With atheris (``pip install -e '.[fuzz]'``) the run is coverage-guided: libFuzzer mutates
the seed files towards inputs that reach new code. Without it, ``--plain`` runs the
test suite's seeded mutator with large inputs (hundreds of kilobytes, deep nesting).
Either way an input that makes the reader raise anything but a ``MapError`` at
``path:line``, or that takes more than 5 s, is a bug: atheris saves it as ``crash-*`` /
``timeout-*`` in the current folder, the plain run prints how to make it again.

    python tools/fuzz_atheris.py argdown -- -max_total_time=3600 -rss_limit_mb=500 -timeout=5
    python tools/fuzz_atheris.py --plain yaml --count 200000 --seed 7
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import _fuzz  # noqa: E402  (the tests' mutator and seeds)
import test_fuzz_readers  # noqa: E402

PATH = "/nonexistent/fuzz"


def _check(fmt: str, data: bytes) -> None:
    """Read one input; raise unless it is a map or a MapError at ``path:line``."""
    from argmap.errors import MapError
    from argmap.readers import decode, parse_map

    path = PATH + _fuzz.SUFFIXES[fmt]
    try:
        parse_map(decode(data, path), path, format=fmt)
    except MapError as error:
        if error.line < 1 or not str(error).startswith(f"{path}:{error.line}:"):
            raise AssertionError(f"an error without its place: {error}") from None


def plain(fmt: str, count: int, seed: int) -> int:
    """The seeded mutator, large inputs; prints each failure with what makes it again."""
    _fuzz.LARGE = True
    seeds = test_fuzz_readers.seeds(fmt)
    failures, slowest, start = 0, 0.0, time.perf_counter()
    for number, data in enumerate(_fuzz.inputs(seeds, fmt, count, seed)):
        began = time.perf_counter()
        try:
            _check(fmt, data)
        except Exception as error:  # every other outcome is what this run looks for
            failures += 1
            print(f"input {number} of seed {seed}: {type(error).__name__}: {str(error)[:300]}", flush=True)
        elapsed = time.perf_counter() - began
        slowest = max(slowest, elapsed)
        if elapsed > 5:
            failures += 1
            print(f"input {number} of seed {seed}: {elapsed:.1f} s for {len(data)} bytes", flush=True)
        if number and number % 10_000 == 0:
            print(f"{number} inputs, {failures} failures, slowest {slowest:.2f} s", flush=True)
    print(f"{fmt}: {count} inputs in {time.perf_counter() - start:.0f} s, {failures} failures, slowest {slowest:.2f} s")
    return 1 if failures else 0


def guided(fmt: str, libfuzzer_args: list[str]) -> None:
    """Coverage-guided run with atheris; the seed files are the starting corpus."""
    import atheris

    with atheris.instrument_imports():
        import argmap.readers  # noqa: F401  (instrumented for coverage)
        from argmap.readers import readers

        readers()[fmt].module  # noqa: B018  (imports the reader's module, instrumented)
    corpus = Path(tempfile.mkdtemp(prefix=f"argmap-fuzz-{fmt}-"))
    for number, data in enumerate(test_fuzz_readers.seeds(fmt)):
        (corpus / f"seed-{number}").write_bytes(data)
    atheris.Setup([sys.argv[0], *libfuzzer_args, str(corpus)], lambda data: _check(fmt, data))
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("format", choices=_fuzz.FORMATS)
    parser.add_argument("--plain", action="store_true", help="the seeded mutator, without atheris")
    parser.add_argument("--count", type=int, default=100_000, help="inputs of a plain run")
    parser.add_argument("--seed", type=int, default=1, help="seed of a plain run")
    parser.add_argument("libfuzzer", nargs="*", help="libFuzzer options after --, e.g. -max_total_time=600")
    args = parser.parse_args(argv)
    if args.plain:
        return plain(args.format, args.count, args.seed)
    try:
        import atheris  # noqa: F401
    except ImportError:
        parser.error("atheris is not installed: pip install -e '.[fuzz]', or use --plain")
    guided(args.format, args.libfuzzer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
