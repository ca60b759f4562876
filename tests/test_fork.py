"""A forked child computes what this process would, and its failures cost nothing but time."""

from __future__ import annotations

import os
import threading

import pytest

from argmap._fork import can_fork, in_child


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    """A machine with a second core, whatever this one has (a child runs on one core too, only not beside us)."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_the_function_runs_in_another_process_and_its_result_comes_back():
    assert in_child(os.getpid)() != os.getpid()
    assert in_child(lambda: {"a": [1, 2.5, None], "b": ("x",)})() == {"a": [1, 2.5, None], "b": ("x",)}


def test_a_result_bigger_than_a_pipe_holds_comes_back_whole():
    big = "x" * (5 << 20)
    assert in_child(lambda: big)() == big


def test_a_child_that_fails_leaves_the_work_to_this_process():
    here = os.getpid()
    calls = []

    def fails_in_child() -> int:
        calls.append(os.getpid())
        if os.getpid() != here:
            raise RuntimeError("only in the child")
        return 7

    assert in_child(fails_in_child)() == 7
    assert calls == [here]  # the child's call happened in its own memory


def test_a_result_that_does_not_pickle_is_computed_here():
    result = in_child(lambda: threading.Lock())()
    assert hasattr(result, "acquire")


def test_an_error_of_the_function_is_raised_here_as_it_would_be_without_a_child():
    def broken() -> None:
        raise ValueError("broken")

    later = in_child(broken)
    with pytest.raises(ValueError, match="broken"):
        later()


def test_with_another_thread_running_nothing_is_forked():
    started, stop = threading.Event(), threading.Event()
    thread = threading.Thread(target=lambda: (started.set(), stop.wait()))
    thread.start()
    try:
        started.wait()
        assert not can_fork()
        assert in_child(os.getpid)() == os.getpid()
    finally:
        stop.set()
        thread.join()
