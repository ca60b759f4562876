"""``argmap check`` starts without the other commands: each command module is named after a command."""

from __future__ import annotations

import subprocess
import sys

import typer.main

from argmap.cli import _MODULES, app


def test_every_command_module_has_a_command_of_its_own_name():
    names = {typer.main.get_command_name(c.name or c.callback.__name__) for c in app.registered_commands}
    assert set(_MODULES) <= names
    assert {"check", "render", "evaluate", "checks"} <= names


def test_main_loads_only_the_module_of_the_command_it_runs(tmp_path):
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "sys.argv = ['argmap', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('argmap.cli.') and not m.startswith('argmap.cli._')))\n"
    )

    def loaded(*args: str) -> str:
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
        return out.strip().splitlines()[-1]

    assert loaded("check", "maps/school-meals.yaml", "--exit-zero") == "['argmap.cli.check']"
    everything = str(sorted(f"argmap.cli.{m}" for m in _MODULES))
    assert loaded("checks") == everything
    assert loaded("--help") == everything
