"""write_atomic: whole files or none, never over an input, with ordinary permissions."""

from __future__ import annotations

import os
import stat
import threading
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


# -- links, devices and pipes: written through, never replaced ------------------------------


def test_a_link_to_a_file_is_kept_and_the_file_it_leads_to_replaced(tmp_path: Path) -> None:
    (tmp_path / "real.svg").write_text("old", encoding="utf-8")
    (tmp_path / "link.svg").symlink_to("real.svg")
    write_atomic(tmp_path / "link.svg", "new")
    assert os.readlink(tmp_path / "link.svg") == "real.svg"
    assert (tmp_path / "real.svg").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.svg", "real.svg"]


def test_a_device_is_written_into_not_replaced_by_a_regular_file(tmp_path: Path) -> None:
    """``-o /dev/null`` (here through a link to it, so a regression cannot replace the real one)."""
    (tmp_path / "out.svg").symlink_to(os.devnull)
    write_atomic(tmp_path / "out.svg", "<svg/>")
    assert os.readlink(tmp_path / "out.svg") == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out.yaml").symlink_to("/dev/full")
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(tmp_path / "out.yaml", "title: t\n" * 10_000)
    assert os.readlink(tmp_path / "out.yaml") == "/dev/full"


def test_a_named_pipe_gets_the_output_and_stays_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "out.dot"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, "digraph {}\n")
    reader.join(timeout=10)
    assert received == [b"digraph {}\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


# -- text in pieces: written as it comes, still whole or not at all --------------------------


def test_text_in_pieces_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.dot"
    write_atomic(target, iter(["digraph {\n", '\ta [label="é"]\n', "}\n"]))
    assert target.read_text(encoding="utf-8") == 'digraph {\n\ta [label="é"]\n}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.dot"]


def failing_pieces(written: list[str], lines: int = 50_000):
    for piece in ("digraph {\n", "\ta\n" * lines):
        written.append(piece)
        yield piece
    raise RuntimeError("broken half-way")


def test_a_failure_while_the_pieces_come_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "out.dot"
    target.write_text("old", encoding="utf-8")
    written: list[str] = []
    with pytest.raises(RuntimeError, match="half-way"):
        write_atomic(target, failing_pieces(written))
    assert len(written) == 2  # the file was being written when it failed
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.dot"]
    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "new.dot", failing_pieces([]))
    assert [p.name for p in tmp_path.iterdir()] == ["out.dot"]


def test_a_pipe_gets_nothing_from_pieces_that_fail(tmp_path: Path) -> None:
    pipe = tmp_path / "out.dot"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # open, so that a writer would not wait
    try:
        with pytest.raises(RuntimeError):
            write_atomic(pipe, failing_pieces([], lines=10))
        assert os.read(reader, 100) == b""
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
