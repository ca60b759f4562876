"""The Mermaid flowchart: its shape (golden file) and label escaping."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Inference, load_map
from argmap.writers import dumps
from argmap.writers.mermaid import escape_label

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "convert"
GOLDEN = HERE / "golden" / "convert"

NODE = re.compile(r'^    (n\d+)\["(.*)"\]$')


def decode(label: str) -> str:
    """What Mermaid shows for a label: ``#name;`` / ``#NN;`` entities decoded, ``<br/>`` as a space."""

    def entity(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code)) if code.isdigit() else html.unescape(f"&{code};")

    return re.sub(r"#(\w+);", entity, label.replace("<br/>", " "))


def test_flowchart_matches_the_golden_file():
    text = dumps(load_map(FIXTURES / "meals.yaml"), "mermaid")
    assert text == (GOLDEN / "meals.mmd").read_text(encoding="utf-8")


def test_links_and_styles():
    text = dumps(load_map(FIXTURES / "meals.yaml"), "mermaid")
    assert "    n1 --- n6\n    n2 --- n6\n    n6 --> n0" in text  # linked co-premises meet at one junction
    assert "    n9 -.-x n6" in text  # the undercut is aimed at the junction
    assert "linkStyle 3,4,5,6,7,8 stroke:#c62828" in text


def test_hostile_labels_decode_to_the_claim_text():
    amap = load_map(FIXTURES / "hostile.yaml")
    text = dumps(amap, "mermaid")
    labels = [m.group(2) for line in text.splitlines() if (m := NODE.match(line))]
    assert [decode(label) for label in labels] == [" ".join(c.text.split()) for c in amap.claims.values()]
    for label in labels:
        bare = label.replace("<br/>", "")
        assert bare.isprintable()
        assert not re.search(r"[\"<>`\[\]{}()|\\]", bare)


def test_ids_never_reach_the_diagram():
    amap = load_map(FIXTURES / "hostile.yaml")
    text = dumps(amap, "mermaid")
    assert "a<b>" not in text and "e|f" not in text and "r<1>" not in text


def test_title_is_a_single_comment_line_without_directives():
    amap = ArgumentMap("A\nflowchart LR\n%%{init: {}}%% %%%{x}", "t", [Claim("t", "T.")])
    text = dumps(amap, "mermaid")
    first, second = text.splitlines()[:2]
    assert first == "%% A flowchart LR % %{init: {}}% % % % %{x}" and second == "flowchart BT"
    assert "%%{" not in text


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_escaping_is_reversible_and_closed(text):
    label = escape_label(text)
    assert not re.search(r"[\"<>`\[\]{}()|\\\x00-\x1f\x7f]", label)
    assert decode(label) == re.sub(r"[\x00-\x1f\x7f]", " ", text)


def test_junctions_carry_plus_and_minus():
    amap = ArgumentMap(
        "T",
        "a",
        [Claim("a", "A."), Claim("b", "B."), Claim("c", "C.")],
        [Inference("r", ("b",), "a"), Inference("x", ("c",), "a", "attack")],
    )
    text = dumps(amap, "mermaid")
    assert '    n3(("+"))' in text and '    n4(("#8722;"))' in text
    assert "    n2 -.- n4\n    n4 -.-x n0" in text
