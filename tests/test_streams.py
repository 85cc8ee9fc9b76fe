"""Any output stream, any argument: GBK and ASCII consoles, closed pipes, non-text words."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import LANGUAGE_VARIABLES, Invoke
from .test_overlays import NEW_DISTRICT


def cardguide(
    *args: str | bytes, encoding: str | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    if encoding is not None:
        environment["PYTHONIOENCODING"] = encoding
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "cardguide", *args],
        capture_output=True,
        env=environment,
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize("encoding", ["gbk", "cp936", "gb18030"])
def test_a_chinese_checklist_saved_on_chinese_windows_keeps_every_chinese_character(
    encoding: str,
) -> None:
    utf8 = cardguide("apply", "--region", "ningbo", "--newborn", "--lang", "zh")
    done = cardguide("apply", "--region", "ningbo", "--newborn", "--lang", "zh", encoding=encoding)
    assert done.returncode == 0
    assert done.stderr == b""
    text = done.stdout.decode(encoding)
    assert text.startswith("申领社保卡\n")
    # Every character the code page has is kept; only symbols it lacks (GBK has no •) become
    # plain ones.
    expected = utf8.stdout.decode("utf-8")
    if encoding != "gb18030":
        expected = expected.replace("•", "*")
    assert text == expected


def test_an_ascii_stream_gets_the_checklist_with_plain_symbols_and_no_error() -> None:
    done = cardguide("apply", "--region", "ningbo", "--newborn", "--lang", "en", encoding="ascii")
    assert done.returncode == 0
    assert done.stderr == b""
    text = done.stdout.decode("ascii")
    assert text.startswith("Applying for a card\n")
    assert "Ningbo" in text


def test_an_ascii_stream_asked_for_chinese_still_ends_well() -> None:
    done = cardguide("apply", "--region", "ningbo", "--newborn", "--lang", "zh", encoding="ascii")
    assert done.returncode == 0
    assert done.stderr == b""
    assert done.stdout.decode("ascii")


@pytest.mark.parametrize(
    "args",
    [
        ["apply", "--region", "ningbo", "--newborn", "--format", "json"],
        ["apply", "--region", "ningbo", "--newborn", "--format", "html"],
        # No character to escape: written to a UTF-8 stream as bytes, on GBK through text.
        ["regions", "--format", "json"],
    ],
)
def test_json_and_pages_redirected_on_a_gbk_system_are_utf_8_as_they_declare(
    args: list[str],
) -> None:
    utf8 = cardguide(*args)
    done = cardguide(*args, encoding="gbk")
    assert done.returncode == 0
    assert done.stderr == b""
    assert done.stdout == utf8.stdout


def test_an_error_on_a_gbk_console_is_said_in_chinese() -> None:
    done = cardguide("apply", "--region", "不存在的地方", "--lang", "zh", encoding="gbk")
    assert done.returncode == 1
    assert done.stdout == b""
    assert "不存在的地方" in done.stderr.decode("gbk")


@pytest.mark.parametrize("command", [["apply", "--region", b"\xff\xfe"], ["faq", b"\xe5\xae"]])
def test_a_word_of_the_command_line_that_is_not_text_is_a_usage_error(
    command: list[str | bytes],
) -> None:
    done = cardguide(*command, "--lang", "en")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("cardguide: error: the command line's word")
    assert done.stderr.count(b"\n") == 1


def test_a_reader_that_stops_reading_ends_a_command_quietly() -> None:
    # Like `cardguide show ningbo | head -1`: the pipe closes after one line.
    reader = subprocess.Popen(
        [sys.executable, "-m", "cardguide", "show", "ningbo", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    assert reader.stdout.readline() == b"Resolved guide\n"
    reader.stdout.close()
    stderr = reader.stderr.read()
    assert reader.wait() == 0
    assert stderr == b""


def test_an_empty_today_is_a_usage_error_and_never_means_today(invoke: Invoke) -> None:
    run = invoke(["check", "--born", "2026-10-01", "--today", ""])
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "--today '' is not a date" in run.stderr


def test_a_link_that_loops_in_a_data_directory_is_named_and_left_out(
    tmp_path: Path, invoke: Invoke
) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    run = invoke(["regions", "--data-dir", str(tmp_path), "--format", "json"])
    assert run.exit_code == 0
    assert "ningbo" in {region["id"] for region in run.json()["regions"]}
    assert str(tmp_path / "a.yaml") in run.stderr
    checked = invoke(["validate", str(tmp_path), "--format", "json"])
    assert checked.exit_code == 1
    assert {d["code"] for d in checked.json()["diagnostics"]} == {"CG001"}


def test_a_file_name_that_is_not_text_in_a_data_directory_is_named_and_left_out(
    tmp_path: Path,
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "haishu.yaml").write_text(NEW_DISTRICT, encoding="utf-8")
    # A name the file system allows but that is not UTF-8, as a help desk's copy may carry.
    with open(os.fsencode(desk) + b"/\xff\xfe.yaml", "wb") as odd:  # noqa: PTH123
        odd.write(b"id: x\n")
    # A directory unchanged for a while has its listing kept in the cache: that path too.
    os.utime(desk, (1_700_000_000, 1_700_000_000))
    for args in (["regions"], ["apply", "--region", "haishu"]):
        done = cardguide(*args, "--data-dir", str(desk), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert done.stdout
        assert done.stderr.startswith(b"cardguide: warning: skipped ")
        assert done.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    "args",
    [["regions", "--data-dir", "LONG"], ["validate", "LONG"], ["apply", "-r", "ningbo"]],
    ids=["data-dir", "validate", "cardguide-path"],
)
def test_a_path_too_long_for_the_system_is_a_usage_error(
    args: list[str], tmp_path: Path, invoke: Invoke
) -> None:
    long = str(tmp_path / ("x" * 300))
    env = {"CARDGUIDE_PATH": long} if args[0] == "apply" else None
    run = invoke([long if arg == "LONG" else arg for arg in args], env=env)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("cardguide: error: ")
    assert run.stderr.count("\n") == 1


def _closed(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


def test_a_command_started_with_stdout_closed_ends_quietly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "regions"],
        stderr=subprocess.PIPE, preexec_fn=_closed(1), check=False, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["regions"], ["regions", "--format", "json"], ["--help"]])
def test_output_to_a_full_disk_is_one_line_and_exit_1(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        done = subprocess.run(
            [sys.executable, "-m", "cardguide", *args, "--lang", "en"] if args != ["--help"]
            else [sys.executable, "-m", "cardguide", *args],
            stdout=full, stderr=subprocess.PIPE, check=False, timeout=60,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "cardguide: error: the output could not be written: no space left on the device\n"
    )


def test_a_command_started_with_stdin_closed_asks_nothing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "apply", "--lang", "en"],
        capture_output=True, preexec_fn=_closed(0), check=False, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.startswith(b"cardguide: error: missing --region")


def test_batch_reads_no_more_of_stdin_than_its_limit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "batch", "-", "--lang", "en"],
        input=b"\0" * (64 * 1024 * 1024 + 1), capture_output=True, check=False, timeout=120,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == b"cardguide: error: the input is over 64 MB; split it\n"


def test_a_fifo_where_a_page_or_a_cache_entry_goes_never_stalls_a_run(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    os.mkfifo(pages / "0001-apply-ningbo.html")
    rows = tmp_path / "rows.csv"
    rows.write_text("command,region\napply,ningbo\n", encoding="utf-8")
    done = cardguide("batch", str(rows), "--output-dir", str(pages), "--lang", "en", timeout=60)
    assert done.returncode == 1
    assert b"it is not an ordinary file" in done.stdout
    # Every cache entry replaced by a FIFO: read again from the YAML, as a damaged entry is.
    cache = tmp_path / "cache"
    environment = {"XDG_CACHE_HOME": str(cache)}
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "haishu.yaml").write_text(NEW_DISTRICT, encoding="utf-8")
    args = ["apply", "--region", "haishu", "--data-dir", str(desk)]
    assert invoke(args, env=environment).exit_code == 0
    entries = list(cache.rglob("*.msgpack"))
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    again = subprocess.run(
        [sys.executable, "-m", "cardguide", *args], capture_output=True, timeout=60,
        env={**os.environ, **environment}, check=False,
    )  # fmt: skip
    assert (again.returncode, again.stderr) == (0, b"")
