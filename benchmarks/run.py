"""Time argmap against the reference Argdown CLI and Graphviz, on synthetic maps of growing size.

Every step is a whole command in a fresh process (start-up included), run several times
(the commands a ratio compares take turns, so that a shared machine's drifting speed
meets them alike); the table shows the median wall time, CPU time (user + system, which other work on a
shared machine disturbs less) and peak memory (resident set) of the child process,
measured with ``os.wait4``. argmap's bytecode is compiled first, as
``pip install`` does (an editable install under ``PYTHONDONTWRITEBYTECODE`` would
otherwise compile every module on every start). Argdown runs on the same content as an
``.argdown`` file when Node.js and ``@argdown/cli`` are installed (``npm install --prefix
.ci/node @argdown/cli@1.7.5``). "Graphviz alone" is the bundled Graphviz library laying
out and drawing argmap's own DOT, timed inside its process, so argmap's overhead over
Graphviz counts everything else: start-up, reading, checking and writing the DOT.

    python benchmarks/run.py                       # quick: 100 and 1,000 claims
    python benchmarks/run.py --sizes 100,1k,5k,20k,100k --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PY = sys.executable

GRAPHVIZ_ALONE = """
import sys, time
import pygraphviz
from pygraphviz import graphviz as gv
start = time.perf_counter()
graph = pygraphviz.AGraph(filename=sys.argv[1])
context = gv.gvContextWithBuiltins()
assert gv.gvLayout(context, graph.handle, b"dot") == 0
error, data = gv.gvRenderData(context, graph.handle, b"svg")
assert not error
open(sys.argv[2], "wb").write(data)
print(time.perf_counter() - start)
"""

PIPELINE = """
import sys
from argmap import load_map, run_checks
amap = load_map(sys.argv[1])
run_checks(amap)
try:
    from argmap.evaluate import evaluate
except ImportError:
    sys.exit(0)
evaluate(amap)
"""

LOAD = "import sys; from argmap import load_map; load_map(sys.argv[1])"


@dataclass
class Result:
    seconds: float | None
    megabytes: float | None
    note: str = ""
    cpu: float | None = None

    def time_text(self) -> str:
        return f"{self.seconds:.2f}" if self.seconds is not None else self.note or "n/a"

    def memory_text(self) -> str:
        return f"{self.megabytes:.0f}" if self.megabytes is not None else ""

    def cpu_text(self) -> str:
        return f"{self.cpu:.2f}" if self.cpu is not None else ""


def run_once(command: list[str | Path], timeout: float) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS in MB, exit status and the telling line of stdout/stderr of one run.

    The telling line is the last one naming an error (a Node.js stack trace ends in frames),
    else the last line.
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen([str(c) for c in command], stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        timer = threading.Timer(timeout, os.kill, (process.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines() or [""]
    telling = [line.strip() for line in lines if "Error" in line and not line.strip().startswith("at ")]
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, process.returncode, (telling or lines)[-1]


def measure(command: list[str | Path], runs: int, timeout: float, ok: tuple[int, ...] = (0,)) -> Result:
    """Median wall time, CPU time and memory over ``runs`` runs; the first failure ends it with a note."""
    return side_by_side([command], runs, timeout, ok)[0]


def side_by_side(
    commands: list[list[str | Path] | Inner | None], runs: int, timeout: float, ok: tuple[int, ...] = (0,)
) -> list[Result | None]:
    """:func:`measure` for commands compared with each other, taking turns (in a new order each round).

    A shared machine's speed drifts over minutes: measured one after the other, the
    commands of a ratio would each meet a different machine. ``None`` stays ``None``.
    """
    samples: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    failed: dict[int, Result] = {}
    live = [k for k, command in enumerate(commands) if command is not None]
    for round_ in range(runs):
        shift = round_ % len(live) if live else 0
        for k in live[shift:] + live[:shift]:
            if k in failed:
                continue
            command = commands[k]
            if isinstance(command, Inner):
                inner = inner_once(command.command, timeout)
                if inner is None:
                    failed[k] = Result(None, None, "failed")
                samples[k].append((inner or 0.0, 0.0, 0.0))
                continue
            seconds, cpu, megabytes, code, tail = run_once(command, timeout)  # type: ignore[arg-type]
            if code not in ok:
                why = "timed out" if code == -signal.SIGKILL else f"failed after {seconds:.1f} s: {tail[:60]}"
                failed[k] = Result(None, megabytes, why)
            samples[k].append((seconds, cpu, megabytes))
    results: list[Result | None] = []
    for k, command in enumerate(commands):
        if command is None:
            results.append(None)
        elif k in failed:
            results.append(failed[k])
        else:
            times, cpus, memories = zip(*samples[k], strict=True)
            if isinstance(command, Inner):
                results.append(Result(statistics.median(times), None))
            else:
                results.append(
                    Result(statistics.median(times), statistics.median(memories), cpu=statistics.median(cpus))
                )
    return results


@dataclass
class Inner:
    """A command that prints the seconds it took itself (Graphviz alone, its start-up excluded)."""

    command: list[str | Path]


def inner_once(command: list[str | Path], timeout: float) -> float | None:
    """The seconds an :class:`Inner` command prints, or ``None`` if it fails."""
    completed = subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    return float(completed.stdout.split()[-1]) if completed.returncode == 0 else None


def write_files(n: int, seed: int) -> tuple[Path, Path]:
    """The map of ``n`` claims as YAML and as Argdown, generated (once) by a process of its own.

    Linux counts a child's peak memory from before its ``exec``, when it was a copy of this
    process: maps generated here would add their memory to every measurement after them.
    """
    done = subprocess.run(
        [PY, Path(__file__).with_name("generate.py"), str(n), "--seed", str(seed), "-o", DATA],
        check=True,
        capture_output=True,
        text=True,
    )
    yaml_path, argdown_path = done.stdout.split()
    return Path(yaml_path), Path(argdown_path)


def size(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def find_argdown(given: str | None) -> str | None:
    if given:
        return given
    local = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"
    if local.exists() and shutil.which("node"):
        return str(local)
    return shutil.which("argdown")


def argmap_reads_argdown() -> bool:
    from argmap.readers import readers

    return any(".argdown" in r.suffixes for r in readers().values())


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) // 1024 // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    node = (
        subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
        if shutil.which("node")
        else "none"
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {graphviz_versions()}, Node.js {node}"
    )


def graphviz_versions() -> str:
    """pygraphviz's version and that of the Graphviz library its wheel bundles (from an SVG it draws)."""
    code = (
        "import pygraphviz, re\n"
        "from pygraphviz import graphviz as gv\n"
        "g = pygraphviz.AGraph(string='digraph{a}')\n"
        "c = gv.gvContextWithBuiltins(); gv.gvLayout(c, g.handle, b'dot')\n"
        "svg = gv.gvRenderData(c, g.handle, b'svg')[1].decode()\n"
        "print(pygraphviz.__version__, re.search(r'graphviz version (\\S+)', svg).group(1))\n"
    )
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        return "pygraphviz unavailable"
    pygraphviz_version, graphviz_version = done.stdout.split()
    return f"Graphviz {graphviz_version} (pygraphviz {pygraphviz_version})"


def argdown_version(argdown: str) -> str:
    package = Path(argdown).resolve().parents[1] / "package.json"
    try:
        return f"@argdown/cli {json.loads(package.read_text())['version']}"
    except (OSError, ValueError, KeyError):
        return "@argdown/cli (version unknown)"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="100,1k", help="numbers of claims, comma-separated (e.g. 100,1k,5k,20k,100k)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--svg-max", type=size, default=5000, help="largest map to draw as SVG")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed")
    parser.add_argument("--argdown", help="the argdown command (default: .ci/node, then PATH)")
    parser.add_argument("--essay", type=Path, default=ROOT / "maps" / "vraem.yaml", help="the map for the start-up row")
    args = parser.parse_args(argv)
    sizes = [size(s) for s in args.sizes.split(",")]
    argdown = find_argdown(args.argdown)
    native = argmap_reads_argdown()
    out = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    rows: list[tuple[str, str, Result, str, Result]] = []
    ratios: dict[tuple[int, str], tuple[Result, Result]] = {}

    def step(n: str, name: str, mine: Result, other_name: str = "", other: Result | None = None) -> None:
        rows.append((n, name, mine, other_name, other or Result(None, None, "")))
        print(
            f"  {n:>7} {name:<28} {mine.time_text():>8} s {mine.cpu_text():>6} s CPU {mine.memory_text():>6} MB",
            file=sys.stderr,
            flush=True,
        )

    def argmap_cmd(*words: str | Path) -> list[str]:
        return [PY, "-m", "argmap", *map(str, words)]

    print(f"machine: {machine()}", file=sys.stderr)
    subprocess.run([PY, "-m", "compileall", "-q", ROOT / "argmap"], check=True, env=_writing_bytecode())
    load_before = load_average()
    essay = args.essay if args.essay.exists() else write_files(40, args.seed)[0]
    runs = max(args.runs, 11)
    step("essay", f"python -m argmap check {essay.name}", measure(argmap_cmd("check", essay, "--exit-zero"), runs, 60))
    script = Path(PY).with_name("argmap")
    if script.exists():
        step("essay", f"argmap check {essay.name}", measure([script, "check", essay, "--exit-zero"], runs, 60))
    for n in sizes:
        yaml_path, argdown_path = write_files(n, args.seed)
        label = f"{n:,}"
        runs = args.runs if n <= 20000 else 1
        argdown_json, load_yaml, load_argdown = side_by_side(
            [
                [argdown, "json", argdown_path, out] if argdown else None,
                [PY, "-c", LOAD, yaml_path],
                [PY, "-c", LOAD, argdown_path] if native else None,
            ],
            runs,
            args.timeout,
        )
        step(label, "load .yaml", load_yaml, "argdown json", argdown_json)  # type: ignore[arg-type]
        if load_argdown is not None:
            step(label, "load .argdown", load_argdown, "argdown json", argdown_json)
        step(label, "check .yaml", measure(argmap_cmd("check", yaml_path, "--exit-zero"), runs, args.timeout))
        if (ROOT / "argmap" / "cli" / "evaluate.py").exists():
            step(label, "evaluate .yaml", measure(argmap_cmd("evaluate", yaml_path), runs, args.timeout, (0, 1)))
        pipeline = measure([PY, "-c", PIPELINE, yaml_path], runs, args.timeout)
        step(label, "load+check+evaluate .yaml (library)", pipeline)
        ratios[(n, "pipeline")] = (pipeline, pipeline)
        dot_path = out / f"map-{n}.dot"
        sources = [argdown_path] * native + [yaml_path]
        ref_dot, *dots = side_by_side(
            [
                [argdown, "map", "--format", "dot", argdown_path, out] if argdown else None,
                *(argmap_cmd("render", source, "-o", dot_path) for source in sources),
            ],
            runs,
            args.timeout,
        )
        for source, dot in zip(sources, dots, strict=True):
            step(label, f"load+check+DOT {source.suffix}", dot, "argdown map --format dot", ref_dot)  # type: ignore[arg-type]
            ratios.setdefault((n, "dot"), (dot, ref_dot or Result(None, None)))  # type: ignore[arg-type]
        if n <= args.svg_max:
            svg, ref_svg, alone = side_by_side(
                [
                    argmap_cmd("render", yaml_path, "-o", out / f"map-{n}.svg"),
                    [argdown, "map", "--format", "svg", argdown_path, out] if argdown else None,
                    Inner([PY, "-c", GRAPHVIZ_ALONE, dot_path, out / "alone.svg"]),
                ],
                runs,
                args.timeout,
            )
            step(label, "load+check+SVG .yaml", svg, "argdown map --format svg", ref_svg)  # type: ignore[arg-type]
            step(label, "Graphviz alone on argmap's DOT", alone)  # type: ignore[arg-type]
            ratios[(n, "svg")] = (svg, alone)
    shutil.rmtree(out, ignore_errors=True)
    print(report(rows, ratios, argdown, args, f"{load_before} at the start, {load_average()} at the end"))
    return 0


def _writing_bytecode() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else ""


def report(rows, ratios, argdown: str | None, args, load: str) -> str:
    lines = [
        f"Machine: {machine()}",
        f"Date: {time.strftime('%Y-%m-%d')}; runs per step: {args.runs} (median; 11 for the start-up rows); "
        f"seed {args.seed}; load average (1, 5, 15 min): {load}",
        f"Argdown CLI: {argdown_version(argdown)} ({argdown})"
        if argdown
        else "Argdown CLI not found: its columns are empty",
        "Each step is a whole command in a new process, the commands a ratio compares in turns; "
        "sizes above 20,000 are run once.",
        "",
        "| claims | step | argmap s | CPU s | argmap MB | reference | ref s | CPU s | ref MB | time ratio | memory ratio |",
        "|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for n, name, mine, other_name, other in rows:
        lines.append(
            f"| {n} | {name} | {mine.time_text()} | {mine.cpu_text()} | {mine.memory_text()} | {other_name} | "
            f"{other.time_text() if other_name else ''} | {other.cpu_text()} | {other.memory_text()} | "
            f"{ratio(mine.seconds, other.seconds)} | {ratio(mine.megabytes, other.megabytes)} |"
        )
    lines.extend(["", "Targets:"])
    for n, name, mine, _, _ in rows:
        if n == "essay":
            lines.append(
                f"- `{name}` under 0.3 s: {mine.time_text()} s, CPU {mine.cpu_text()} s ({verdict(mine.seconds, 0.3)})"
            )
    if (20000, "dot") in ratios:
        mine, ref = ratios[(20000, "dot")]
        t, m = ratio(mine.seconds, ref.seconds), ratio(mine.megabytes, ref.megabytes)
        lines.append(
            f"- 20,000 claims, load+check+DOT vs `argdown map --format dot`: time ratio {t or 'n/a'} "
            f"(target <= 0.25: {verdict(float(t) if t else None, 0.25)}), memory ratio {m or 'n/a'} "
            f"(target <= 0.33: {verdict(float(m) if m else None, 1 / 3)})"
        )
    if (100000, "pipeline") in ratios:
        mine = ratios[(100000, "pipeline")][0]
        ok = mine.seconds is not None and mine.seconds < 10 and (mine.megabytes or 0) < 2048
        lines.append(
            f"- 100,000 claims, load+check+evaluate (one process): {mine.time_text()} s, {mine.memory_text()} MB "
            f"(target < 10 s and < 2 GB: {'met' if ok else 'not met'})"
        )
    for (n, kind), (mine, alone) in sorted(ratios.items()):
        if kind == "svg" and mine.seconds is not None and alone.seconds is not None:
            overhead = mine.seconds / alone.seconds - 1
            lines.append(
                f"- SVG at {n:,} claims: argmap {mine.seconds:.2f} s, Graphviz alone {alone.seconds:.2f} s, "
                f"overhead {overhead:.0%}" + (f" (target <= 20%: {verdict(overhead, 0.2)})" if n == 5000 else "")
            )
    return "\n".join(lines)


def verdict(value: float | None, limit: float) -> str:
    return "n/a" if value is None else "met" if value <= limit else "not met"


if __name__ == "__main__":
    sys.exit(main())
