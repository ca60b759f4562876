"""The ``argmap`` command line: a thin typer layer over the library.

Each module in this package adds its commands to :data:`app`, and each has a command of
its own name; adding a command means adding a module. ``from argmap.cli import app``
loads them all; :func:`main` loads only the module a command is named after when there
is one (``argmap check`` does not import the other commands and what they import), and
all of them otherwise (help, ``--version``, other names). Only this layer prints and
chooses exit codes: 0 clean, 1 findings at the failing severity, 2 bad input or usage.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import TYPE_CHECKING, Any

from argmap.cli import _app

if TYPE_CHECKING:
    from typer import Typer

    app: Typer

__all__ = ["app", "main"]

_MODULES = tuple(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def _load(names: tuple[str, ...] = _MODULES) -> None:
    for name in names:
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    if name == "app":
        _load()
        return _app.app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    _load((command,) if command in _MODULES else _MODULES)
    _app.app()
