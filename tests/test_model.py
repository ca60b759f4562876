"""ArgumentMap.describe: the name findings and outlines give an element."""

from __future__ import annotations

from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference


def _chain(n: int, closed: bool) -> ArgumentMap:
    """Unnamed attacks, each on the next (as AIF's CA-nodes come), the last on the first when ``closed``."""
    claims = [Claim("t", "Thesis."), Claim("s", "Support.")] + [Claim(f"p{k}", f"P {k}.") for k in range(n)]
    inferences = [Inference("r", ("s",), "t", SUPPORT, explicit_id=False)]
    for k in range(n):
        target = f"c{k + 1}" if k + 1 < n else ("c0" if closed else "r")
        inferences.append(Inference(f"c{k}", (f"p{k}",), target, ATTACK, explicit_id=False))
    return ArgumentMap("chain", "t", claims, inferences)


def test_a_circle_of_unnamed_inferences_is_named_where_it_closes():
    amap = _chain(2, closed=True)
    assert amap.describe("c0") == "['p0' attacking ['p1' attacking 'c0']]"


def test_a_long_chain_of_unnamed_inferences_is_spelled_out_three_deep():
    """Spelled to its end, every element of a chain of 3,000 took minutes to name (quadratic)."""
    amap = _chain(5000, closed=False)
    assert amap.describe("c0") == "['p0' attacking ['p1' attacking ['p2' attacking 'c3']]]"
    assert amap.describe("c4999") == "['p4999' attacking ['s' supporting 't']]"
    assert max(len(amap.describe(f"c{k}")) for k in range(5000)) < 80


def test_named_elements_are_their_ids():
    amap = _chain(1, closed=False)
    assert amap.describe("t") == "'t'"
    assert amap.describe("c0") == "['p0' attacking ['s' supporting 't']]"
