"""write_atomic: whole files or none, never over an input, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from argmap.errors import OutputError
from argmap.output import write_atomic


def test_writes_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "héllo\n")
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.svg", b"<svg/>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.svg").stat().st_mode) == 0o644


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_text("title: t\n")
    with pytest.raises(OutputError, match="over an input"):
        write_atomic(source, "x", inputs=[source])
    assert source.read_text() == "title: t\n"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.svg", "x")
