"""The ``argmap`` command line: a thin typer layer over the library.

Each module in this package adds its commands to :data:`app`; the modules are loaded
here, so adding a command means adding a module. Only this layer prints and chooses
exit codes: 0 clean, 1 findings at the failing severity, 2 bad input or usage.
"""

from __future__ import annotations

import importlib
import pkgutil

from argmap.cli._app import app

__all__ = ["app", "main"]

for _info in pkgutil.iter_modules(__path__):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")


def main() -> None:
    """Console-script entry point."""
    app()
