"""Depth-first walks written as a loop of steps, for the outlines of deep maps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Step", "run_steps"]

Step = tuple[Callable[..., list], tuple[Any, ...]]
"""A call to make: a function returning the steps it leads to, and its arguments."""


def run_steps(*first: Step) -> None:
    """Do the steps depth first, each step's own steps before the next: a loop, not recursion,
    so a chain of thousands of inferences is walked as readily as a short one."""
    todo = list(reversed(first))
    while todo:
        method, args = todo.pop()
        todo.extend(reversed(method(*args)))
