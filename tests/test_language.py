"""Chinese and English: choosing the language, and every output in it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cardguide.cli import context
from cardguide.cli.terminal import language
from cardguide.load.catalog import shipped_dir

from .conftest import Invoke

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
ZH_LOCALE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
EN_LOCALE = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


@pytest.mark.parametrize(
    ("flag", "environ", "chosen"),
    [
        (None, {}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "zh_TW.UTF-8"}, "zh"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LANGUAGE": "zh_CN:en_US"}, "zh"),
        (None, {"CARDGUIDE_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"CARDGUIDE_LANG": "both"}, "both"),
        (None, {"CARDGUIDE_LANG": "klingon", "LANG": "zh_CN.UTF-8"}, "zh"),
        ("en", {"CARDGUIDE_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "en"),
        ("both", {}, "both"),
    ],
)
def test_the_language_comes_from_the_flag_then_the_variable_then_the_locale(
    flag: str | None, environ: dict[str, str], chosen: str
) -> None:
    assert language(flag, environ) == chosen


def han_share(text: str) -> float:
    han, latin = len(HAN.findall(text)), len(LATIN.findall(text))
    return han / max(han + latin, 1)


def test_a_chinese_locale_gets_a_chinese_checklist(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "宁波", "--newborn"], env=ZH_LOCALE)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("申领社保卡\n宁波市（地级市）")
    for heading in ("办理步骤", "需带材料", "费用", "办理时限", "资料来源"):
        assert f"\n{heading}\n" in run.stdout, heading
    # Source ids, URLs and flags stay Latin; the words a person reads are Chinese.
    assert han_share(run.stdout) > 0.6, han_share(run.stdout)
    assert "户口簿" in run.stdout


def test_lang_en_under_a_chinese_locale_is_english(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "宁波", "--newborn", "--lang", "en"], env=ZH_LOCALE)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("Applying for a card\nNingbo 宁波市 (city)")
    assert "\nSTEPS\n" in run.stdout
    assert "办理步骤" not in run.stdout
    assert han_share(run.stdout) < 0.05


def test_lang_both_prints_each_item_in_chinese_then_english(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--newborn", "--lang", "both"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert "\n办理步骤 STEPS\n" in run.stdout
    flat = "".join(run.stdout.split())
    chinese = flat.index("监护人的有效身份证件原件")  # the guardian's ID, in Chinese ...
    english = flat.index("Theguardian'svalididentitydocument")  # ... then in English
    assert chinese < english


def test_errors_are_chinese_under_a_chinese_locale(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "亚特兰蒂斯"], env=ZH_LOCALE)
    assert (run.exit_code, run.stdout) == (1, "")
    assert (
        run.stderr
        == "cardguide：错误：找不到地区“亚特兰蒂斯”（`cardguide regions` 列出全部地区）\n"
    )
    bad = invoke(["apply", "--region", "ningbo", "--format", "xml"], env=ZH_LOCALE)
    assert (bad.exit_code, bad.stdout) == (2, "")
    assert bad.stderr.startswith("cardguide：错误：--format 的值无效")
    assert len(bad.stderr.splitlines()) == 1
    assert bad.stderr == "cardguide：错误：--format 的值无效；可选：text、json、markdown、html\n"
    date = invoke(["check", "--born", "tomorrow"], env=ZH_LOCALE)
    assert (date.exit_code, date.stdout) == (2, "")
    assert "不是日期" in date.stderr
    assert date.stderr == (
        "cardguide：错误：--born “tomorrow”不是日期；"
        "请先写年份，如 2026-10-01、2026/10/01 或 2026年10月1日\n"
    )


def test_lang_both_says_each_message_in_both_languages(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "atlantis", "--lang", "both"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines() == [
        "cardguide：错误：找不到地区“atlantis”（`cardguide regions` 列出全部地区）",
        "cardguide: error: unknown region 'atlantis' (`cardguide regions` lists them all)",
    ]


def test_verdicts_are_chinese_under_a_chinese_locale(invoke: Invoke) -> None:
    args = ["check", "--born", "2026-10-01", "--today", "2026-10-05"]
    run = invoke(args, env=ZH_LOCALE)
    assert (run.exit_code, run.stderr) == (0, "")
    assert "还来得及吗？来得及：最后一天是2026年11月1日（还有27天）。" in run.stdout


def test_the_interview_speaks_chinese_and_takes_chinese_answers(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["collect", "-f", "json"], input="上海市\n1\n是\n", env=ZH_LOCALE)
    assert run.exit_code == 0, run.stderr
    assert run.json()["profile"]["given"] == ["by_proxy"]
    assert "办理地区" in run.stderr
    assert "是否替别人代领社保卡？" in run.stderr
    no = invoke(["collect", "-f", "json"], input="上海\n1\n否\n", env=ZH_LOCALE)
    assert (no.exit_code, no.stderr) == (0, run.stderr)  # the same questions, in Chinese
    assert no.json()["profile"]["given"] == []


def test_an_answer_that_is_neither_yes_nor_no_is_asked_again_in_chinese(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["collect", "-r", "shanghai", "-f", "json"], input="1\n也许\n对\n", env=ZH_LOCALE)
    assert run.exit_code == 0
    assert "请回答“是”或“否”。" in run.stderr
    assert run.json()["profile"]["given"] == ["by_proxy"]


# --- every text in both languages, in every JSON document --------------------------------------

REGIONS = sorted(p.stem for p in shipped_dir().glob("*.yaml"))
COMMANDS = [
    ["apply"], ["apply", "--newborn"], ["apply", "--employer", "--foreign-employee"],
    ["apply", "--replacement"], ["activate"], ["replace", "--lost"], ["replace", "--damaged"],
    ["collect", "--by-proxy"], ["update"], ["reimburse", "--bill-date", "2026-05-10"], ["faq"],
    ["check", "--born", "2026-10-01", "--why"], ["check", "--lost-on", "2026-09-29", "--why"],
    ["check", "--bill-date", "2026-05-10", "--last-paid", "2026-01-01", "--why"],
    ["check", "--hired-on", "2026-11-01", "--why"],
    ["check", "--self-employed", "--paid", "2026-10-01", "--why"],
]  # fmt: skip


def untranslated(value: Any, path: str = "") -> list[str]:
    """Every object with an `en` text but no `zh` one (or the other way round)."""
    found: list[str] = []
    if isinstance(value, dict):
        if ("en" in value or "zh" in value) and not (value.get("en") and value.get("zh")):
            found.append(path)
        for key, inner in value.items():
            found += untranslated(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += untranslated(inner, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("region", REGIONS)
def test_every_text_in_every_document_has_both_languages(region: str, invoke: Invoke) -> None:
    runs = [[*command, "--region", region] for command in COMMANDS]
    runs += [[*command, "--region", region, "--why"] for command in COMMANDS[:4]]
    runs += [["show", region], ["diff", "national", region], ["regions"]]
    for args in runs:
        run = invoke([*args, "--format", "json", "--today", "2026-11-22"])
        assert (run.exit_code, run.stderr) == (0, ""), args
        data = run.json()
        assert untranslated(data) == [], args
        if "profile" in data:  # generated texts carry both languages too
            assert data["profile"]["description"]["zh"]


# --- region names the way people write them -----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("上海市", "shanghai"), ("河南省", "henan"), ("宁波市", "ningbo"), ("浙江省", "zhejiang"),
        ("慈溪市", "cixi"), ("广州市", "guangzhou"), ("广东省", "guangdong"), ("Ningbo", "ningbo"),
        ("ningbo", "ningbo"), ("NINGBO", "ningbo"), ("Níngbō", "ningbo"), ("ning bo", "ningbo"),
        ("Ning Bo", "ningbo"), ("ning2bo1", "ningbo"), ("ＮＩＮＧＢＯ", "ningbo"),
        ("Shànghǎi", "shanghai"), ("Cí xī", "cixi"), ("浙江省宁波市", "ningbo"),
        ("浙江宁波", "ningbo"), ("Ningbo, Zhejiang", "ningbo"), ("宁波 慈溪", "cixi"),
        ("  宁波  ", "ningbo"), ("Henan Province", "henan"), ("Shanghai Municipality", "shanghai"),
    ],
)  # fmt: skip
def test_regions_are_found_the_way_people_write_them(
    query: str, region: str, invoke: Invoke
) -> None:
    run = invoke(["apply", "--region", query, "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["region"]["id"] == region


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("ningpo", "did you mean ningbo?"),
        ("宁坡", "did you mean 宁波"),
        ("shanghia", "did you mean shanghai?"),
    ],
)
def test_suggestions_come_in_the_script_of_the_question(
    query: str, said: str, invoke: Invoke
) -> None:
    run = invoke(["apply", "--region", query])
    assert (run.exit_code, run.stdout) == (1, "")
    assert said in run.stderr


def test_the_official_names_are_in_the_json_header(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    region = run.json()["region"]
    assert region["names"] == {"en": "Ningbo", "zh": "宁波"}
    assert region["full_names"]["zh"] == "宁波市"
    assert region["pinyin"] == "Níngbō"


def test_faq_search_finds_words_that_only_the_chinese_answer_has(invoke: Invoke) -> None:
    # 特殊病种 is in neither the question nor the keywords, only in the Chinese answer.
    run = invoke(["faq", "--region", "宁波", "特殊病种", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert [result["id"] for result in data["results"]] == ["where-to-use"]
    assert "特殊" not in data["results"][0]["question"]["zh"]
    assert not any("特殊" in keyword for keyword in data["results"][0]["keywords"])
    chinese = invoke(["faq", "--region", "宁波", "换银行", "--lang", "zh"])
    assert (chinese.exit_code, chinese.stderr) == (0, "")
    text = chinese.stdout
    assert text.split("•")[1].lstrip().startswith("社保卡金融账户的开户银行可以更换吗？")


def test_chinese_reasons_and_dates_name_no_option(invoke: Invoke) -> None:
    why = invoke(["check", "--region", "杭州", "--born", "2026-10-01", "--why", "--lang", "zh"])
    assert (why.exit_code, why.stderr) == (0, "")
    assert "--" not in why.stdout
    assert "出生日期2026年10月1日" in why.stdout
    assert "（按你填的出生日期）" in why.stdout
