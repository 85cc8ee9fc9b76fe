"""`batch` reads what Excel and WPS save: UTF-8 with or without a BOM, GBK, or --encoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Invoke

PEOPLE = "command,region,profile\napply,宁波,newborn\napply,海曙区,\n"


def _saved(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "people.csv"
    path.write_bytes(data)
    return str(path)


def _regions(stdout: str) -> list[str]:
    """The region each row's checklist is for: the rows were read as they were written."""
    return [json.loads(line)["result"]["region"]["id"] for line in stdout.splitlines()]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_chinese_windows_csv_is_read_and_the_guess_is_said_once(
    invoke: Invoke, tmp_path: Path, encoding: str
) -> None:
    path = _saved(tmp_path, PEOPLE.encode(encoding))
    run = invoke(["batch", path, "--lang", "en"])
    assert run.exit_code == 0
    assert _regions(run.stdout) == ["ningbo", "ningbo"]
    assert run.stderr == (
        f"cardguide: '{path}' is not UTF-8 text; read it as GB18030. "
        "If the text looks wrong, give its encoding with --encoding\n"
    )
    said = invoke(["batch", path, "--lang", "zh"])
    assert said.exit_code == 0
    assert _regions(said.stdout) == ["ningbo", "ningbo"]
    assert said.stderr == (
        f"cardguide：“{path}”不是UTF-8编码，已按GB18030编码读取；"
        "如果读出来的文字不对，请注明文件的编码后再处理\n"
    )


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_a_bom_is_read_without_a_word(
    invoke: Invoke, tmp_path: Path, bom: bytes
) -> None:
    run = invoke(["batch", _saved(tmp_path, bom + PEOPLE.encode("utf-8"))])
    assert (run.exit_code, run.stderr) == (0, "")
    assert _regions(run.stdout) == ["ningbo", "ningbo"]


def test_stdin_is_read_as_bytes_and_guessed_the_same_way(invoke: Invoke) -> None:
    run = invoke(["batch", "-", "--lang", "en"], input=PEOPLE.encode("gbk"))
    assert run.exit_code == 0
    assert _regions(run.stdout) == ["ningbo", "ningbo"]
    assert run.stderr.startswith(
        "cardguide: 'standard input' is not UTF-8 text; read it as GB18030."
    )
    run = invoke(["batch", "-"], input=PEOPLE)
    assert (run.exit_code, run.stderr) == (0, "")
    assert _regions(run.stdout) == ["ningbo", "ningbo"]


def test_encoding_given_is_used_without_a_guess(invoke: Invoke, tmp_path: Path) -> None:
    path = _saved(tmp_path, PEOPLE.encode("gbk"))
    run = invoke(["batch", path, "--encoding", "GBK"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert _regions(run.stdout) == ["ningbo", "ningbo"]
    # Bytes that are GBK but read as another encoding: wrong words, yet never a guess.
    latin = invoke(["batch", path, "--encoding", "latin-1", "--lang", "en"])
    assert latin.exit_code == 1
    failed = [json.loads(line) for line in latin.stdout.splitlines()]
    assert [(r["row"], r["ok"], r["error"]["field"]) for r in failed] == [
        (1, False, "region"),
        (2, False, "region"),
    ]
    assert latin.stderr.startswith("cardguide: 2 of 2 rows failed")  # and no other line
    assert len(latin.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13", "undefined", ""])
def test_an_unknown_encoding_is_a_one_line_usage_error(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    path = _saved(tmp_path, PEOPLE.encode("utf-8"))
    run = invoke(["batch", path, "--encoding", name, "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"cardguide: error: --encoding {name}: no such text encoding;")
    assert len(run.stderr.splitlines()) == 1


def test_bytes_that_are_not_in_the_encoding_given_are_a_usage_error(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _saved(tmp_path, PEOPLE.encode("gbk"))
    run = invoke(["batch", path, "--encoding", "utf-8", "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"cardguide: error: '{path}' is not UTF-8 text (line 2); check the file's encoding\n"
    )
    run = invoke(["batch", path, "--encoding", "utf-8", "--lang", "zh"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"cardguide：错误：“{path}”第2行不是UTF-8编码的文字；请确认文件的编码\n"


def test_bytes_that_are_neither_utf8_nor_gb18030_are_a_usage_error(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _saved(tmp_path, "command,region\napply,Caf\u00e9\n".encode("latin-1"))
    run = invoke(["batch", path, "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"cardguide: error: '{path}' is neither UTF-8 nor GB18030 text (line 2); save the "
        "spreadsheet as CSV UTF-8, or give its encoding with --encoding\n"
    )


def test_a_csv_saved_with_old_mac_line_endings_is_read_row_by_row(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"command,region\rapply,ningbo\rapply,henan\r")
    run = invoke(["batch", str(path)])
    assert (run.exit_code, run.stderr) == (0, "")
    assert [json.loads(line)["row"] for line in run.stdout.splitlines()] == [1, 2]


def test_a_csv_that_is_not_one_is_a_usage_error_naming_the_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("command,region\napply," + "x" * 200_000 + "\n", encoding="utf-8")
    run = invoke(["batch", str(path), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("cardguide: error: line 2 of the input cannot be read as CSV")
    assert run.stderr.count("\n") == 1


def test_a_json_line_nested_past_any_reason_fails_its_row_only(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"command": "apply", "region": "ningbo"}\n' + "[" * 100_000 + "]" * 100_000 + "\n",
        encoding="utf-8",
    )
    run = invoke(["batch", str(path)])
    assert run.exit_code == 1
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [result["ok"] for result in results] == [True, False]
    assert "1 of 2 rows failed" in run.stderr


@pytest.mark.parametrize(
    "where", ["a-file/sub", "dangling", "x" * 300], ids=["under-a-file", "dangling", "too-long"]
)
def test_an_output_directory_that_cannot_be_made_is_a_usage_error(
    invoke: Invoke, tmp_path: Path, where: str
) -> None:
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    rows = tmp_path / "rows.csv"
    rows.write_text("command,region\napply,ningbo\n", encoding="utf-8")
    run = invoke(["batch", str(rows), "--output-dir", str(tmp_path / where), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("cardguide: error: cannot make the output directory ")
    assert run.stderr.count("\n") == 1


def test_a_lone_surrogate_from_a_json_line_reaches_the_spreadsheet_as_a_question_mark(
    invoke: Invoke, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"command": "apply", "region": "\\ud800"}\n', encoding="utf-8")
    run = invoke(["batch", str(rows), "--format", "csv", "--lang", "en"])
    assert (run.exit_code, run.stderr) == (
        1,
        "cardguide: 1 of 1 row failed; it has an error result with its row and field\n",
    )
    assert run.stdout.splitlines()[1].startswith("1,Failed,Applying for a card,?,")
    assert "?" in run.stdout.splitlines()[1]
