"""`cardguide batch`: one result per row, in input order, bad rows as error results."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import LANGUAGE_VARIABLES, Invoke
from .test_output_schemas import assert_valid, validator

GOOD = [
    "apply,ningbo,newborn,",
    "apply,海曙区,,",
    "activate,shanghai,,",
    "replace,beijing,lost,",
    "collect,shanghai,by_proxy,",
    "check,宁波,,2026-10-01",
    "faq,hangzhou,,",
    "apply,成都,foreign_employee;employer,",
]
BAD = {
    "apply,atlantis,,": "region",
    "apply,ningbo,newborn;student,": "profile",
    "check,ningbo,,2026-13-01": "born",
    "fly,ningbo,,": "command",
    "apply,ningbo,pirate,": "profile",
}


def test_a_thousand_mixed_rows_give_a_thousand_results_in_order(
    invoke: Invoke, tmp_path: Path
) -> None:
    rows = []
    for number in range(1, 1001):
        bad = list(BAD)[number % len(BAD)] if number % 97 == 0 else None
        rows.append(bad or GOOD[number % len(GOOD)])
    path = tmp_path / "people.csv"
    path.write_text("command,region,profile,born\n" + "\n".join(rows) + "\n", encoding="utf-8")
    run = invoke(["batch", str(path)])
    assert run.exit_code == 1  # some rows failed
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["row"] for r in records] == list(range(1, 1001))
    assert [r["line"] for r in records] == list(range(2, 1002))
    failed = [r for r in records if not r["ok"]]
    assert [r["row"] for r in failed] == [n for n in range(1, 1001) if n % 97 == 0]
    for record in failed:
        assert record["error"]["field"] == BAD[rows[record["row"] - 1]], record
        assert record["error"]["message"]["zh"]
    for record in records[:40]:
        validator("batch").validate(record)
        if record["ok"]:
            assert_valid(record["result"])
    assert "10 of 1000 rows failed" in run.stderr


def test_json_lines_from_stdin_with_profiles_as_lists(invoke: Invoke) -> None:
    lines = [
        {"command": "apply", "region": "宁波", "profile": ["newborn"], "lang": "zh"},
        {"command": "check", "region": "ningbo", "lost-on": "2026/09/29", "today": "2026-10-05"},
        "not json",
    ]
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    run = invoke(["batch", "-"], input=text + "\n")
    assert (run.exit_code, run.stderr) == (
        1,
        "cardguide: 1 of 3 rows failed; each has an error result with its row and field\n",
    )
    first, second, third = (json.loads(line) for line in run.stdout.splitlines())
    assert first["ok"]
    assert first["result"]["lang"] == "zh"
    assert first["result"]["profile"]["given"] == ["newborn"]
    assert second["ok"]
    assert second["result"]["events"] == {"lost_on": "2026-09-29"}
    assert (third["ok"], third["error"]["field"], third["line"]) == (False, "row", 3)


def test_all_good_rows_exit_zero_and_csv_output_has_one_row_each(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("Command,Region\napply,ningbo\nactivate,cixi\n", encoding="utf-8")
    run = invoke(["batch", str(path), "--format", "csv", "--lang", "en"])
    assert (run.exit_code, run.stderr) == (0, "")
    rows = list(csv.reader(io.StringIO(run.stdout.removeprefix("\ufeff"))))
    assert rows[0][:4] == ["Row", "Result", "Task", "Region"]
    assert [row[:4] for row in rows[1:]] == [
        ["1", "OK", "Applying for a card", "Ningbo City"],
        ["2", "OK", "Activating a card", "Cixi City"],
    ]


def test_an_unknown_column_stops_before_any_row(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("command,region,colour\napply,ningbo,red\n", encoding="utf-8")
    run = invoke(["batch", str(path), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert "unknown columns colour" in run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_a_missing_batch_file_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    run = invoke(["batch", str(tmp_path / "none.csv"), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"cardguide: error: cannot read '{tmp_path / 'none.csv'}'")
    assert len(run.stderr.splitlines()) == 1


def test_a_batch_file_larger_than_a_region_file_is_read(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    # Over the 1 MiB region-file limit, under the batch limit: blank lines are no one.
    path.write_text("command,region\n" + "\n" * 1_200_000 + "apply,ningbo\n", encoding="utf-8")
    run = invoke(["batch", str(path)])
    assert (run.exit_code, run.stderr) == (0, "")
    (record,) = (json.loads(line) for line in run.stdout.splitlines())
    assert (record["row"], record["line"], record["ok"]) == (1, 1_200_002, True)


def _lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_output_dir_writes_one_printable_page_per_row_with_safe_distinct_names(
    invoke: Invoke, tmp_path: Path
) -> None:
    rows = [
        {"command": "apply", "region": "ningbo", "profile": "newborn"},
        {"command": "apply", "region": "ningbo", "profile": "newborn"},  # the same person twice
        {"command": "apply", "region": "宁波"},
        {"command": "apply", "region": "../../outside"},  # unknown: an error, no file
        {"command": "apply", "region": "Ningbo/../..\\CON\x1b[31m"},
    ]
    path = tmp_path / "people.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "pages"
    run = invoke(["batch", str(path), "--output-dir", str(out), "--format", "html"])
    assert run.exit_code == 1  # two rows failed
    assert run.stderr == (
        "cardguide: 2 of 5 rows failed; each has an error result with its row and field\n"
    )
    results = _lines(run.stdout)
    assert [r["row"] for r in results] == [1, 2, 3, 4, 5]
    assert [r["ok"] for r in results] == [True, True, True, False, False]
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        "0001-apply-ningbo-newborn.html",
        "0002-apply-ningbo-newborn.html",
        "0003-apply-宁波.html",
    ]
    assert [Path(str(r["file"])).name for r in results[:3]] == files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages", "people.jsonl"]
    page = (out / files[0]).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('type="checkbox"') == 3
    for result in results:
        assert_valid(result)


def test_an_unknown_field_is_named_as_the_row_wrote_it_even_when_it_names_a_situation(
    invoke: Invoke,
) -> None:
    """`student` as a field of its own, not in `profile`, is refused as that field."""
    lines = [
        {"command": "apply", "region": "ningbo", "student": "yes"},
        {"command": "apply", "region": "ningbo", "Self-Employed": "yes"},
    ]
    run = invoke(["batch", "-"], input="".join(json.dumps(line) + "\n" for line in lines))
    assert run.exit_code == 1
    assert "2 of 2 rows failed" in run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["error"]["field"] for r in records] == ["student", "self_employed"]


def _one_page(file: Path) -> dict[str, object]:
    """The record of the one row of a newborn in Ningbo, written to `file`."""
    return {
        "schema_version": 2, "kind": "batch", "row": 1, "line": 2,
        "args": ["apply", "--region", "ningbo", "--newborn"], "ok": True, "file": str(file),
    }  # fmt: skip


def test_text_pages_in_files_never_carry_terminal_styles(invoke: Invoke, tmp_path: Path) -> None:
    """FORCE_COLOR asks for colours on the output stream, not in the files beside it."""
    path = tmp_path / "people.csv"
    path.write_text("command,region,profile\napply,ningbo,newborn\n", encoding="utf-8")
    out = tmp_path / "pages"
    args = ["batch", str(path), "-o", str(out), "-f", "text"]
    run = invoke(args, env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert _lines(run.stdout) == [_one_page(out / "0001-apply-ningbo-newborn.txt")]
    page = (out / "0001-apply-ningbo-newborn.txt").read_text(encoding="utf-8")
    assert page.startswith("Applying for a card\n")
    assert "\x1b" not in page


def test_output_dir_pages_may_be_markdown(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("command,region,profile\napply,ningbo,newborn\n", encoding="utf-8")
    out = tmp_path / "pages"
    run = invoke(["batch", str(path), "-o", str(out), "-f", "markdown", "--lang", "zh"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert _lines(run.stdout) == [_one_page(out / "0001-apply-ningbo-newborn.md")]
    page = (out / "0001-apply-ningbo-newborn.md").read_text(encoding="utf-8")
    assert page.startswith("# 申领社保卡\n")
    assert page.count("- [ ] ") == 3


def test_a_link_where_a_page_would_go_is_not_followed(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("command,region,profile\napply,ningbo,newborn\n", encoding="utf-8")
    out = tmp_path / "pages"
    out.mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    (out / "0001-apply-ningbo-newborn.html").symlink_to(target)
    run = invoke(["batch", str(path), "-o", str(out)])
    assert (run.exit_code, run.stderr) == (
        1,
        "cardguide: 1 of 1 row failed; it has an error result with its row and field\n",
    )
    [result] = _lines(run.stdout)
    assert result["ok"] is False
    assert target.read_text(encoding="utf-8") == "keep me"


def test_page_formats_need_an_output_dir_and_results_formats_cannot_have_one(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("command,region\napply,ningbo\n", encoding="utf-8")
    run = invoke(["batch", str(path), "--format", "html"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "cardguide: error: --format html writes one file per row: add --output-dir DIR\n"
    )
    run = invoke(["batch", str(path), "--format", "csv", "--output-dir", str(tmp_path / "o")])
    assert (run.exit_code, run.stdout) == (2, "")
    assert "html, markdown, text, json, not csv" in run.stderr
    run = invoke(["batch", str(path), "--output-dir", str(path)])
    assert (run.exit_code, run.stdout) == (2, "")
    assert "is not a directory" in run.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_reader_that_stops_reading_ends_the_batch_quietly_with_0(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "many.csv"
    # Far more than a pipe holds, so the batch is still writing when the reader goes away.
    path.write_text("command,region\n" + "apply,ningbo\n" * 2000, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    args = [sys.executable, "-m", "cardguide", "batch", str(path), "--format", fmt]
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as batch:  # `cardguide batch many.csv | head -1`
        assert batch.stdout is not None
        assert batch.stderr is not None
        first = batch.stdout.readline()
        batch.stdout.close()
        stderr = batch.stderr.read()
        code = batch.wait()
    assert first.strip()  # it wrote before the pipe closed
    if fmt == "jsonl":  # the first row's record ...
        assert first.startswith(b'{"schema_version": 2, "kind": "batch", "row": 1, ')
    else:  # ... or the spreadsheet's header
        assert first.startswith("\ufeffRow,Result,Task,Region,".encode())
    assert code == 0
    assert stderr == b""
