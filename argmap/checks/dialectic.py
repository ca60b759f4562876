"""Checks on the exchange of objections and answers."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis import support_tree
from argmap.checks import Flag, check
from argmap.model import ATTACK, ArgumentMap


@check(
    "AM105",
    "unanswered-objection",
    "warning",
    summary="an attack on the thesis's support tree that nothing attacks in turn",
    hint="answer it: attack the objection's premise or the attack itself (a rebuttal), or concede and revise",
)
def unanswered_objection(amap: ArgumentMap) -> Iterator[Flag]:
    """An objection left standing defeats what it attacks.

    An attack counts as answered when an attack targets the attack itself or one of its
    premises. The finding names the attack's id when the map gave it one, else its
    (first) premise, the objecting claim.
    """
    tree = support_tree(amap)
    attacks = [inf for inf in amap.inferences.values() if inf.type == ATTACK]
    attacked = {inf.target for inf in attacks}
    for inf in attacks:
        if inf.target not in tree or inf.id in attacked or not attacked.isdisjoint(inf.premises):
            continue
        anchor = inf.id if inf.explicit_id else inf.premises[0]
        objection = " + ".join(f"'{p}'" for p in inf.premises)
        yield Flag(anchor, f"objection {objection} against {amap.describe(inf.target)} is unanswered")
