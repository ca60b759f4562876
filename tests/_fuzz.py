"""A seeded mutator of map files, for the fuzz tests and ``tools/fuzz_atheris.py``.

Each mutation is one of the ways a hostile or broken map file differs from a good one:
cut short, bytes flipped or spliced in, values of the wrong type, nesting far deeper
than any map, very long strings and lines, YAML alias bombs, duplicate keys, a byte
order mark, CRLF line ends, NUL bytes, invalid UTF-8. The same seed gives the same
inputs, so a failure found in CI can be replayed.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import yaml

__all__ = ["FORMATS", "SUFFIXES", "Outcome", "inputs", "mutate", "run"]

FORMATS = ("yaml", "argdown", "aif", "json", "kialo")
SUFFIXES = {"yaml": ".yaml", "argdown": ".argdown", "aif": ".json", "json": ".argmap.json", "kialo": ".kialo.txt"}

LARGE = False
"""Whether the costly mutations go to sizes for a long run (hundreds of kilobytes) or for the test suite."""

_SPECIAL = [
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\t",
    b"\\",
    b'"',
    b"'",
    b"{",
    b"}",
    b"[",
    b"]",
    b"<",
    b">",
    b":",
    b",",
    b"-",
    b"#",
    b"*",
    b"&",
    b"!",
    b"|",
    b"@",
    b"%",
    b"=",
    b"(",
    b")",
    b"_",
    b".",
    b"1.",
    b"---",
    b"...",
    b"===",
    b"<!--",
    b"/*",
    b"//",
    b"->",
    b"+>",
    b"<_",
    b"><",
    b"----",
    b"@include(",
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object/apply:os.system ['echo pwned']",
    b"!!binary",
    b"2001-02-30",
    b"1e999",
    b"-0",
    b"NaN",
    b"null",
    b"true",
    b"~",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xae",
    b"\xf0\x9f\x98\x80",
    b"\xc2\x85",
    b"\x0b",
    b"\x0c",
    b"\x1c",
]
"""Fragments that mean something to one of the formats or to UTF-8."""

_BOMB = (
    b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)
"""Billion laughs: nine to the seventh strings if the aliases were expanded."""


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randint(0, len(data))


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = _pos(data, rng)
    return data[:at] + piece + data[at:]


def truncate(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return data[: _pos(data, rng)]


def flip_bytes(data: bytes, rng: random.Random, fmt: str) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] = rng.randrange(256) if rng.random() < 0.5 else out[i] ^ (1 << rng.randrange(8))
    return bytes(out)


def splice_special(data: bytes, rng: random.Random, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 4)):
        data = _insert(data, rng, rng.choice(_SPECIAL))
    return data


def replace_special(data: bytes, rng: random.Random, fmt: str) -> bytes:
    if not data:
        return rng.choice(_SPECIAL)
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 16))
    return data[:a] + rng.choice(_SPECIAL) + data[b:]


def delete_span(data: bytes, rng: random.Random, fmt: str) -> bytes:
    a, b = sorted((_pos(data, rng), _pos(data, rng)))
    return data[:a] + data[b:]


def duplicate_span(data: bytes, rng: random.Random, fmt: str) -> bytes:
    a, b = sorted((_pos(data, rng), _pos(data, rng)))
    return _insert(data, rng, data[a:b][:4096])


def swap_lines(data: bytes, rng: random.Random, fmt: str) -> bytes:
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def duplicate_line(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """A line twice: in YAML a duplicate key, in Argdown or Kialo a repeated element."""
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines.insert(rng.randint(i, len(lines)), lines[i])
    return b"\n".join(lines)


def duplicate_key(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """A JSON member written twice in its object, or a YAML key line repeated right after itself."""
    if fmt in ("aif", "json"):
        found = list(re.finditer(rb'"[^"\\\n]{1,40}"\s*:\s*("[^"\\\n]*"|-?\d+|true|false|null)\s*,', data))
        if found:
            m = rng.choice(found)
            return data[: m.end()] + m.group(0) + data[m.end() :]
    return duplicate_line(data, rng, fmt)


def deep_nesting(data: bytes, rng: random.Random, fmt: str) -> bytes:
    depth = rng.choice((50, 101, 300, 1000, 5000, 50_000) if LARGE else (50, 101, 300, 1000, 3000))
    lines = min(depth, 2000 if LARGE else 300)  # indented lines grow with the square of their depth
    if fmt in ("aif", "json"):
        opener, closer = rng.choice(((b"[", b"]"), (b'{"a":', b"}")))
        return _insert(data, rng, opener * depth + b"1" + closer * depth)
    if fmt == "yaml":
        kind = rng.randrange(3)
        if kind == 0:
            return _insert(data, rng, b"[" * depth + b"]" * depth)
        if kind == 1:
            return _insert(data, rng, b"{a: " * depth + b"}" * depth)
        return _insert(data, rng, b"\n" + b"".join(b" " * i + b"k:\n" for i in range(lines)))
    if fmt == "argdown":
        kind = rng.randrange(3)
        if kind == 0:
            rel = b"".join(
                b"  " * (i + 1) + rng.choice((b"+ ", b"- ", b"<+ ", b"<- ")) + b"[d%d]: d\n" % i for i in range(lines)
            )
            return data.rstrip(b"\n") + b"\n" + rel
        if kind == 1:
            return _insert(data, rng, rng.choice((b"*_", b"_*", b"**__", b"__**")) * depth + b"x")
        return _insert(data, rng, b"{a: " + b"[" * depth + b"]" * depth + b"}")
    entries = b"".join(b"1." * (i + 2) + b" Pro: deep\n" for i in range(lines))
    return data.rstrip(b"\n") + b"\n" + entries


def long_string(data: bytes, rng: random.Random, fmt: str) -> bytes:
    size = rng.choice((300, 5_000, 70_000, 300_000) if LARGE else (300, 3_000, 20_000))
    piece = rng.choice(
        (b"x", b"ab ", b"[", b"<", b"{", b"/*", b"<!--", b"@[", b"#(", b"\\", b"a.", b"*", b"- ", b"\xc3\xa9")
    )
    return _insert(data, rng, piece * (size // len(piece)))


def long_line(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Join every line into one: a whole map on one line."""
    return data.replace(b"\n", rng.choice((b" ", b"", b"\r", b"\t")))


def many_lines(data: bytes, rng: random.Random, fmt: str) -> bytes:
    count = rng.choice((1000, 50_000, 300_000) if LARGE else (100, 1000, 10_000))
    return _insert(data, rng, rng.choice((b"\n", b"\r\n", b"\r", b" \n", b"#\n")) * count)


def alias_bomb(data: bytes, rng: random.Random, fmt: str) -> bytes:
    if fmt == "argdown":
        inner = _BOMB.replace(b"\n", b"\n  ")
        if rng.random() < 0.5:
            return b"===\n" + _BOMB + b"===\n\n" + data
        return _insert(data, rng, b"{\n  " + inner + b"}")
    if fmt == "yaml":
        if rng.random() < 0.5:
            return (
                data.rstrip(b"\n")
                + b"\ndescription: "
                + b"[*g, *g]\n"
                + _BOMB.replace(b"\n", b" ").replace(b"a: ", b"")
            )
        return _BOMB + data
    return _insert(data, rng, _BOMB)


def bom(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return rng.choice((b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + data


def crlf(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\r", "\u2028".encode())))


def nul_bytes(data: bytes, rng: random.Random, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = _insert(data, rng, b"\x00" * rng.randint(1, 3))
    return data


def invalid_utf8(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return _insert(
        data, rng, rng.choice((b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82", b"\xf8\x88\x80\x80\x80", b"\x80"))
    )


def encode_utf16(data: bytes, rng: random.Random, fmt: str) -> bytes:
    try:
        return data.decode("utf-8").encode(rng.choice(("utf-16", "utf-32", "latin-1", "cp1252")))
    except (UnicodeDecodeError, UnicodeEncodeError):
        return data


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_TYPES: list[Callable[[random.Random], object]] = [
    lambda r: None,
    lambda r: r.choice((True, False)),
    lambda r: r.choice((0, -1, 1, 2**70, 1.5, -1e308)),
    lambda r: r.choice(("", " ", "x", "\x00", "<script>", "1.", "RA", "I", "CA")),
    lambda r: [],
    lambda r: {},
    lambda r: [None, 1, "a"],
    lambda r: {"nodeID": 1, "type": "I"},
]


def _trails(value: object, limit: int = 500) -> list[tuple]:
    """Paths to values in a document (breadth first, at most ``limit``), without recursion."""
    found: list[tuple] = []
    queue: list[tuple[tuple, object]] = [((), value)]
    while queue and len(found) < limit:
        trail, item = queue.pop(0)
        found.append(trail)
        if isinstance(item, dict):
            queue.extend(((*trail, key), child) for key, child in item.items())
        elif isinstance(item, list):
            queue.extend(((*trail, i), child) for i, child in enumerate(item))
    return found


def swap_types(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """One value of the document replaced by a value of another type (JSON and YAML)."""
    if fmt not in ("aif", "json", "yaml"):
        return swap_lines(data, rng, fmt)
    try:
        doc = json.loads(data) if fmt != "yaml" else yaml.load(data, Loader=_YAML_LOADER)
    except (ValueError, yaml.YAMLError, RecursionError):
        return flip_bytes(data, rng, fmt)
    trail = rng.choice(_trails(doc))
    new = rng.choice(_TYPES)(rng)
    if not trail:
        doc = new
    else:
        holder = doc
        for step in trail[:-1]:
            holder = holder[step]
        holder[trail[-1]] = new
    try:
        if fmt == "yaml":
            return yaml.dump(doc, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False).encode()
        return json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 1))).encode()
    except (ValueError, yaml.YAMLError, RecursionError):
        return flip_bytes(data, rng, fmt)


MUTATIONS: list[Callable[[bytes, random.Random, str], bytes]] = [
    truncate,
    flip_bytes,
    flip_bytes,
    splice_special,
    splice_special,
    replace_special,
    replace_special,
    delete_span,
    duplicate_span,
    swap_lines,
    duplicate_line,
    duplicate_key,
    swap_types,
    swap_types,
    deep_nesting,
    long_string,
    long_line,
    many_lines,
    alias_bomb,
    bom,
    crlf,
    nul_bytes,
    invalid_utf8,
    encode_utf16,
]
"""Each mutation with its weight (listed twice: twice as likely)."""

_COSTLY = {deep_nesting, long_string, many_lines}


def mutate(data: bytes, fmt: str, rng: random.Random) -> bytes:
    """One to three mutations of a file; at most one of them makes the input large."""
    costly = False
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        mutation = rng.choice(MUTATIONS)
        if mutation in _COSTLY:
            if costly:
                continue
            costly = True
        data = mutation(data, rng, fmt)
    return data


def inputs(seeds: list[bytes], fmt: str, count: int, seed: int) -> Iterator[bytes]:
    """``count`` mutated inputs made from the seed files, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    for _ in range(count):
        yield mutate(rng.choice(seeds), fmt, rng)


@dataclass
class Outcome:
    """What a run of one reader over mutated inputs gave."""

    maps: int = 0
    errors: int = 0
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)
    """Inputs that raised something other than a ``MapError`` at ``path:line``, described."""


def run(fmt: str, seeds: list[bytes], count: int, seed: int, path: str) -> Outcome:
    """Read ``count`` mutated inputs with the reader of ``fmt`` as from ``path``; never raises."""
    from argmap.errors import MapError
    from argmap.readers import decode, parse_map

    outcome = Outcome()
    for number, data in enumerate(inputs(seeds, fmt, count, seed)):
        start = time.perf_counter()
        try:
            amap = parse_map(decode(data, path), path, format=fmt)
        except MapError as error:
            outcome.errors += 1
            if error.path != path or error.line < 1 or not str(error).startswith(f"{path}:{error.line}:"):
                outcome.failures.append(f"input {number} (seed {seed}): no place in {str(error)[:200]!r}")
        except Exception as error:  # the point of the run: anything else is a failure to report
            outcome.failures.append(f"input {number} (seed {seed}): {type(error).__name__}: {str(error)[:200]}")
        else:
            outcome.maps += 1
            if amap.thesis not in amap.claims:
                outcome.failures.append(f"input {number} (seed {seed}): a map whose thesis is no claim")
        outcome.slowest = max(outcome.slowest, time.perf_counter() - start)
    return outcome
