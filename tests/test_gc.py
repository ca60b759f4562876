"""Reading and checking hold the cyclic collector and always give it back."""

from __future__ import annotations

import gc

import pytest

from argmap import parse_map, run_checks
from argmap._gc import collector_paused

MAP = "title: T\nthesis: t\nclaims:\n  t: The town should build a bridge.\n"


def test_the_collector_is_off_inside_and_back_on_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_and_checking_leave_the_collector_on():
    run_checks(parse_map(MAP, path="t.yaml"))
    assert gc.isenabled()
