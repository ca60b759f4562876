"""Part of a computation in a forked copy of the process, on a machine with a second core.

A big map's checks are a noticeable share of ``argmap check`` and ``argmap render``, and
the checks that read claim texts need nothing from those that walk the graph: on two
cores they can run side by side. A forked child has the map already, starts in a few
milliseconds (nothing re-imported, the map not copied) and sends back only its result.
``multiprocessing`` does the same behind an import that costs more than a small map's
whole check, and a pool of workers the map would have to be sent to.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["can_fork", "in_child"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a forked child can run beside this process: ``os.fork``, a second core, no other thread.

    A thread other than the main one may hold a lock that a forked child would wait on forever.
    """
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores >= 2


def in_child(function: Callable[[], T]) -> Callable[[], T]:
    """Start ``function()`` in a forked child; the callable returned waits for it and gives its result.

    The result must pickle. Where no child can run (see :func:`can_fork`), or if the
    child fails, the function runs in this process when its result is asked for, so the
    result is the same either way. Ask for it in a ``finally``: a child whose result is
    never read waits on its pipe until this process ends.
    """
    if not can_fork():
        return function
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return function
    if pid == 0:  # the child: send the result, or nothing, and leave without running any exit handler
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
            with open(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> T:
        try:
            with open(read_end, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            return pickle.loads(data)
        return function()

    return result
