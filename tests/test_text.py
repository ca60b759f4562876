"""Significant terms for the rabbit and holding-hands rules: word forms that should meet do."""

from __future__ import annotations

import pytest

from argmap.text import missing_terms, shares_term, significant_terms, stem, term_words


def missing(text: str, other: str) -> list[str]:
    return missing_terms(text, significant_terms(other))


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Corruption spreads.", "Corrupt officials spread it."),  # stemming
        ("Men are mortal.", "A man is mortal."),  # irregular plural
        ("The asteroid struck the Earth.", "Asteroids striking the Earth leave iridium."),  # irregular past
        ("Prices rose.", "Prices will rise."),
        ("Councils organise buses.", "The council organized buses."),  # British and American spelling
        ("Acme's engineers", "Acme employs engineers."),  # possessive
        ("The parents' choice", "Parents make a choice."),
        ("A four-day week", "A week of fewer days"),  # hyphen; number words are not terms
        ("Roads must be safe.", "Road safety matters."),  # short stems extend
        ("Hungry children learn less.", "Hunger harms children who learn."),  # adjective and its noun
        ("Poverty drives the trade.", "Poor farmers drive the trade."),
        ("The wall's length", "A long wall"),
        ("Studies show that smoking kills.", "Smoking kills."),  # reporting words are not terms
        ("Taxes will probably rise unless prices fall.", "Taxes rise when prices fall."),  # hedges, connectives
        ("In 2019, 32,000 people (95%) voted in the 1990s style.", "People voted in that style."),  # numbers
        ("Drivers won't stop.", "Drivers stop."),  # a negated auxiliary is not a term
        ("The city should fund measures that cut traffic.", "The city should fund buses that cut traffic."),
    ],
)
def test_word_forms_that_should_meet_do(text, other):
    assert missing(text, other) == []


@pytest.mark.parametrize(
    ("text", "other", "expected"),
    [
        ("Schools should teach Latin.", "Schools should teach.", ["Latin"]),
        ("The team won the cup.", "The team played.", ["won", "cup"]),  # 'won' alone is a verb, not won't
        ("CO2 emissions rise.", "Emissions rise.", ["CO2"]),  # a code with digits is a term
        ("Cars pollute cities.", "Cars pollute.", ["cities"]),
    ],
)
def test_different_terms_stay_apart(text, other, expected):
    assert missing(text, other) == expected


def test_term_words_keep_the_first_form_in_text_order():
    assert list(term_words("Taxes, taxed and taxing: the tax office.").values()) == ["Taxes", "office"]


def test_short_stems_do_not_prefix_match():
    assert not shares_term("car", frozenset({"career"}))
    assert shares_term("safe", frozenset({"safeti"}))
    assert shares_term("econom", frozenset({"economi"}))


@pytest.mark.parametrize(
    ("one", "other"),
    [("hunger", "hungry"), ("organise", "organize"), ("children", "child"), ("wrote", "write"), ("corruption", "corrupt")],
)
def test_stem_gives_related_words_one_stem(one, other):
    assert stem(one) == stem(other)


def test_stem_keeps_unrelated_words_apart():
    assert stem("poverty") != stem("power")
