"""Drawing part of a map: the neighbourhood of a claim, the top of the argument, automatic collapse."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import load_map
from argmap.analysis import reaching_thesis
from argmap.cli import app
from argmap.dot import element_dom_id
from argmap.focus import depth_within, distances, hidden_below, neighbourhood

ROOT = Path(__file__).resolve().parents[1]
CHAIN = ROOT / "tests" / "fixtures" / "focus" / "chain.yaml"
runner = CliRunner()


def _generate(n: int, seed: int):
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module.generate(n, seed)


def test_one_step_from_the_thesis_is_its_reasons_and_objections_whole():
    amap = load_map(CHAIN)
    part = neighbourhood(amap, depth=1)
    assert set(part.claims) == {"top", "mid-a", "mid-b", "cost", "doubt"}
    assert {(i.premises, i.target, i.type) for i in part.inferences.values()} == {
        (("mid-a", "mid-b"), "top", "support"),
        (("cost",), "top", "attack"),
        (("doubt",), "lives", "attack"),
    }
    assert part.thesis == "top"
    assert {c.id for c in hidden_below(amap, part)} == {"mid-a", "cost"}


def test_a_focus_keeps_its_line_to_the_thesis_and_leaves_the_rest():
    amap = load_map(CHAIN)
    part = neighbourhood(amap, "lower", 1)
    assert set(part.claims) == {"lower", "lowest", "low", "mid-a", "mid-b", "top"}
    assert "lower" in reaching_thesis(part)
    assert set(part.sources) == {"s1", "s2"}
    assert {c.id for c in hidden_below(amap, part)} == {"top"}
    assert "around 'lower'" in part.title


def test_a_disconnected_focus_is_drawn_with_the_thesis_alone():
    part = neighbourhood(load_map(CHAIN), "island", 3)
    assert set(part.claims) == {"island", "top"}
    assert not part.inferences


@pytest.mark.parametrize(("focus", "depth"), [(None, 1), (None, 3), ("c40", 2), ("c150", 1)])
def test_parts_of_a_generated_map_never_cut_a_reason(focus, depth):
    amap = _generate(400, 4)
    part = neighbourhood(amap, focus, depth)
    kept = set(part.claims)
    for inf in amap.inferences.values():
        if inf.id in part.inferences:
            assert set(inf.premises) <= kept
    steps = distances(amap, focus or amap.thesis)
    assert {c for c in amap.claims if steps.get(c, depth + 1) <= depth} <= kept
    assert (focus or amap.thesis) in reaching_thesis(part)


def test_depth_within_is_the_deepest_that_fits():
    amap = _generate(400, 4)
    for budget in (5, 50, 200):
        depth = depth_within(amap, budget)
        if depth > 1:
            assert len(neighbourhood(amap, depth=depth).claims) <= budget
        assert len(neighbourhood(amap, depth=depth + 1).claims) > budget
    assert depth_within(amap, 10**6) == max(distances(amap, amap.thesis).values())


def _drawn(svg_path: Path, element: str) -> bool:
    """Whether the SVG has the element's shape (Graphviz writes the id's '-' as '&#45;')."""
    return f'id="{element_dom_id(element).replace("-", "&#45;")}"' in svg_path.read_text(encoding="utf-8")


def test_render_focus_draws_the_neighbourhood_and_says_what_it_left_out(tmp_path):
    out = tmp_path / "part.svg"
    result = runner.invoke(app, ["render", str(CHAIN), "-o", str(out), "--focus", "lower", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert _drawn(out, "lower") and _drawn(out, "top")
    assert not _drawn(out, "cost") and not _drawn(out, "island")
    assert "drew 6 of 10 claims, around 'lower' to depth 1" in result.stderr
    assert "(top)" in result.stderr


def test_render_collapses_a_map_over_the_limit_but_never_a_dot_file(tmp_path):
    out = tmp_path / "top.svg"
    result = runner.invoke(app, ["render", str(CHAIN), "-o", str(out), "--max-claims", "5"])
    assert result.exit_code == 0, result.output
    assert "from the thesis to depth 1" in result.stderr and "--max-claims 0" in result.stderr
    assert _drawn(out, "cost") and not _drawn(out, "low")
    dot = tmp_path / "all.dot"
    result = runner.invoke(app, ["render", str(CHAIN), "-o", str(dot), "--max-claims", "5"])
    assert result.exit_code == 0 and "drew" not in result.stderr
    assert element_dom_id("lowest") in dot.read_text(encoding="utf-8")


@pytest.mark.parametrize(("focus", "message"), [("lowr", "did you mean 'lower'"), ("lives", "focus on a claim")])
def test_render_refuses_a_focus_that_is_not_a_claim(tmp_path, focus, message):
    out = tmp_path / "x.svg"
    result = runner.invoke(app, ["render", str(CHAIN), "-o", str(out), "--focus", focus])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_undercuts_that_undercut_each_other_do_not_stop_a_focus(tmp_path):
    """Two conflicts aimed at each other reach no claim: the line to the thesis goes round them, and ends."""
    circle = ROOT / "tests" / "hostile" / "conflict-circle.aif.json"
    amap = load_map(circle)
    other = next(cid for cid in amap.claims if cid != amap.thesis)
    part = neighbourhood(amap, other, 1)
    assert set(part.claims) == set(amap.claims)
    out = tmp_path / "part.dot"
    result = runner.invoke(app, ["render", str(circle), "-o", str(out), "--focus", other])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("digraph")
