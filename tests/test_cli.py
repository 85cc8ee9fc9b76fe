"""The CLI: exit codes, stdout for data, stderr for messages, and the interview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cardguide import __version__
from cardguide.cli import context

from .conftest import MINIMAL_NATIONAL, Invoke


def assert_one_line_error(stderr: str, *fragments: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cardguide: error: ")
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0]


def ids(items: list[dict[str, object]]) -> list[object]:
    return [item["id"] for item in items]


def test_apply_json_for_a_newborn_in_ningbo(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--newborn", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert data["schema_version"] == 2
    assert (data["kind"], data["procedure"]) == ("checklist", "apply")
    assert data["chain"] == ["ningbo", "zhejiang", "national"]
    assert data["profile"]["facets"] == ["minor", "newborn"]
    materials = {item["id"]: item for item in data["materials"]}
    assert "guardian" in materials["guardian-id"]["text"]["en"]
    assert "household register" in materials["household-register"]["text"]["en"]
    assert materials["household-register"]["origin"] == "ningbo"
    assert "宁波" in run.stdout  # ensure_ascii=False: Chinese is written as itself
    assert "\x1b" not in run.stdout
    cited = {
        ref
        for section in ("steps", "materials")
        for item in data[section]
        for ref in item["sources"]
    }
    assert cited <= {source["id"] for source in data["sources"]}


def test_activate_json_lists_each_channel_with_what_it_enables(invoke: Invoke) -> None:
    run = invoke(["activate", "--region", "ningbo", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    channels = {item["channel"]: item for item in run.json()["channels"]}
    assert set(channels) >= {"bank", "hospital", "pharmacy"}
    assert channels["bank"]["enables"] == ["financial", "medical"]
    assert channels["hospital"]["enables"] == ["medical"]
    assert channels["pharmacy"]["enables"] == ["medical"]
    assert channels["phone"]["inherited"] is True
    assert any("Not offered everywhere" in c["en"] for c in channels["phone"]["caveats"])


def test_activate_can_narrow_to_one_channel(invoke: Invoke) -> None:
    run = invoke(["activate", "-r", "ningbo", "--channel", "bank", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert [item["channel"] for item in data["channels"]] == ["bank"]
    assert all(not m["channels"] or "bank" in m["channels"] for m in data["materials"])
    assert "bring-old-card" not in ids(data["materials"])


def test_henan_newborn_steps_come_in_order(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "henan", "--newborn"])
    assert (run.exit_code, run.stderr) == (0, "")
    out = " ".join(run.stdout.split())  # the phrases may wrap across lines
    positions = [
        out.index("birth certificate at the hospital"),
        out.index("local police station and"),
        out.index("Postal Savings Bank: open an account"),
        out.index("community social security office"),
    ]
    assert positions == sorted(positions)


def test_shanghai_shows_no_fee_of_2000_as_todays(invoke: Invoke) -> None:
    # The fees of about 2000 are a dated note; today's checklist says a 2023 report found it free.
    run = invoke(["apply", "--region", "shanghai", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert [(f["id"], f["as_of"]) for f in run.json()["fees"]] == [("fee-first", 2023)]
    assert all(f["amount_yuan"] is None for f in run.json()["fees"])


def test_unknown_region_is_one_line_on_stderr(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "atlantis"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert_one_line_error(run.stderr, "unknown region 'atlantis'")


def test_a_misspelt_region_suggests_the_right_one(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningpo", "--format", "json"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert_one_line_error(run.stderr, "did you mean ningbo?")


def test_regions_are_found_by_chinese_name_and_any_case(invoke: Invoke) -> None:
    for query in ("宁波", "NingBo"):
        run = invoke(["apply", "--region", query, "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, ""), query
        assert run.json()["region"]["id"] == "ningbo"


def test_contradictory_profile_is_a_usage_error(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--newborn", "--employer"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, "--newborn cannot be combined with --employer")


def test_a_contradiction_is_reported_before_the_region_is_looked_up(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "atlantis", "--newborn", "--student"])
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "cardguide: error: --newborn cannot be combined with --student:"
        " a newborn cannot also be a student\n",
    )


def test_bad_option_value_is_a_usage_error(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--format", "xml"])
    assert (run.exit_code, run.stdout) == (2, "")
    choices = "text, json, markdown, html"
    assert run.stderr == f"cardguide: error: invalid value for --format; choose one of: {choices}\n"


@pytest.mark.parametrize(
    ("args", "en", "zh"),
    [
        (
            ["regions", "extra"],
            "words the command does not take: extra (see `cardguide regions --help`)",
            "命令里多出了“extra”，无法识别（见 `cardguide regions --help`）",
        ),
        (
            ["faq", "--region", "ningbo", "lost", "card"],
            "words the command does not take: card (see `cardguide faq --help`)",
            "命令里多出了“card”，无法识别（见 `cardguide faq --help`）",
        ),
        (
            ["regions", "a b", ""],
            "words the command does not take: 'a b' '' (see `cardguide regions --help`)",
            "命令里多出了“'a b' ''”，无法识别（见 `cardguide regions --help`）",
        ),
        (
            ["validate", "--max-age", "0"],
            "--max-age takes a whole number of at least 1 (see `cardguide validate --help`)",
            "--max-age 要填不小于 1 的整数（见 `cardguide validate --help`）",
        ),
        (
            ["validate", "--max-age", "a year"],
            "--max-age takes a whole number of at least 1 (see `cardguide validate --help`)",
            "--max-age 要填不小于 1 的整数（见 `cardguide validate --help`）",
        ),
    ],
)
def test_a_usage_error_the_parser_finds_is_said_in_the_chosen_language(
    args: list[str], en: str, zh: str, invoke: Invoke
) -> None:
    """Not in the parser's English: a Chinese line is Chinese but for the flag and command."""
    english = invoke([*args, "--lang", "en"])
    assert (english.exit_code, english.stdout, english.stderr) == (
        2,
        "",
        f"cardguide: error: {en}\n",
    )
    chinese = invoke([*args, "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout, chinese.stderr) == (
        2,
        "",
        f"cardguide：错误：{zh}\n",
    )


def test_without_a_terminal_a_missing_region_is_a_usage_error(invoke: Invoke) -> None:
    run = invoke(["apply"], input="ningbo\n")
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, "missing --region")


def test_no_input_never_prompts_even_in_a_terminal(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["activate", "--no-input"], input="ningbo\n")
    assert (run.exit_code, run.stdout) == (2, "")
    assert "Region" not in run.stderr.split("error:")[0]
    assert run.stderr == (
        "cardguide: error: missing --region (give a region id or name;"
        " cardguide asks only in a terminal and never with --no-input)\n"
    )


def test_interview_asks_region_then_who_and_keeps_stdout_for_data(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["apply", "--format", "json"], input="ningpo\nn\nningbo\n99\n2\nn\n")
    assert run.exit_code == 0, run.stderr
    data = run.json()  # nothing but the JSON document on stdout
    assert data["region"]["id"] == "ningbo"
    assert data["profile"]["given"] == ["newborn"]
    assert "Did you mean ningbo? [Y/n]" in run.stderr
    # Declined, the suggestion is not made again in the words that say the name is unknown.
    assert "did you mean ningbo?" not in run.stderr
    assert "unknown region 'ningpo'" in run.stderr
    assert "Who is applying?" in run.stderr
    assert "Please enter a number from 1 to" in run.stderr
    assert "replacement" in run.stderr


def test_interview_asks_only_what_the_region_distinguishes(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["activate", "--region", "ningbo", "-f", "json"], input="1\n")
    assert run.exit_code == 0, run.stderr
    assert "a newborn" in run.stderr  # activation differs for newborns ...
    assert "a student" not in run.stderr  # ... but not for students
    assert "replacement" not in run.stderr
    data = run.json()
    assert (data["procedure"], data["region"]["id"], data["profile"]["given"]) == (
        "activate",
        "ningbo",
        [],
    )


def test_profile_flags_in_a_terminal_skip_the_interview(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["apply", "--region", "ningbo", "--student", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert "through your school" in run.json()["steps"][0]["text"]["en"]


def test_end_of_input_during_the_interview_cancels(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["apply"], input="")
    assert (run.exit_code, run.stdout) == (130, "")
    assert "cancelled" in run.stderr


def test_a_broken_region_file_is_one_line_with_file_line_and_code(
    invoke: Invoke, regions_dir: Callable[..., Path]
) -> None:
    path = regions_dir("national", MINIMAL_NATIONAL + "colour: red\n")
    run = invoke(["apply", "--region", "national"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert_one_line_error(run.stderr, f"{path}:10:1: CG003 unknown key 'colour'")


def test_regions_lists_every_region_with_its_parent(invoke: Invoke) -> None:
    run = invoke(["regions", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    regions = {r["id"]: r for r in run.json()["regions"]}
    assert regions["cixi"]["parent"] == "ningbo"
    assert regions["ningbo"]["names"] == {"en": "Ningbo", "zh": "宁波"}
    assert regions["national"]["parent"] is None
    order = list(regions)
    assert order.index("zhejiang") < order.index("ningbo") < order.index("cixi")


def test_show_lists_every_version_of_an_item(invoke: Invoke) -> None:
    run = invoke(["show", "ningbo", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert list(data["procedures"]) == [
        "apply",
        "activate",
        "replace",
        "collect",
        "update",
        "reimburse",
    ]
    assert {entry["id"] for entry in data["faq"]} >= {"change-bank", "card-uses"}
    steps = data["procedures"]["apply"]["steps"]
    office = next(e for e in steps if e["id"] == "submit-application")
    # Ningbo's three versions cover everyone, so the national ones are never reached.
    assert [v["origin"] for v in office["versions"]] == ["ningbo"] * 3
    henan_run = invoke(["show", "henan", "--format", "json"])
    assert (henan_run.exit_code, henan_run.stderr) == (0, "")
    henan = henan_run.json()
    henan_office = next(
        e for e in henan["procedures"]["apply"]["steps"] if e["id"] == "submit-application"
    )
    assert [v["origin"] for v in henan_office["versions"]] == ["henan", *["national"] * 3]
    assert office["versions"][0]["when"] == {"all": [], "any": [], "none": ["employer", "student"]}
    assert office["versions"][2]["when"] == {"all": ["student"], "any": [], "none": ["employer"]}


def test_text_output_is_plain_when_piped(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "cixi"], env={"FORCE_COLOR": ""})
    assert (run.exit_code, run.stderr) == (0, "")
    assert "\x1b[" not in run.stdout
    assert "from Ningbo" in run.stdout  # inherited items say where they come from


def test_no_color_means_no_escape_codes_even_on_a_terminal(invoke: Invoke) -> None:
    forced = invoke(["apply", "--region", "cixi"], env={"FORCE_COLOR": "1"})
    assert (forced.exit_code, forced.stderr) == (0, "")
    assert "\x1b[" in forced.stdout  # the check below can fail
    plain = invoke(["apply", "--region", "cixi"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert (plain.exit_code, plain.stderr) == (0, "")
    assert "\x1b[" not in plain.stdout
    assert plain.stdout.startswith("Applying for a card\nCixi ")


def test_version(invoke: Invoke) -> None:
    run = invoke(["--version"])
    assert (run.exit_code, run.stdout.strip()) == (0, f"cardguide {__version__}")
    assert run.stderr == ""


# --- the life cycle: replace, collect, update, reimburse, faq, check, --why --------------------


def test_replace_needs_lost_or_damaged_without_a_terminal(invoke: Invoke) -> None:
    run = invoke(["replace", "--region", "ningbo"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, "replace needs --lost or --damaged")


def test_replace_cannot_be_both_lost_and_damaged(invoke: Invoke) -> None:
    run = invoke(["replace", "--region", "ningbo", "--lost", "--damaged"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, "--lost cannot be combined with --damaged")


def test_replace_interview_asks_lost_or_damaged(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["replace", "--region", "ningbo", "-f", "json"], input="2\n")
    assert run.exit_code == 0, run.stderr
    assert "Which is it?" in run.stderr
    assert "Who is applying?" not in run.stderr  # nothing in Ningbo's replace depends on it
    data = run.json()
    assert "damaged" in data["profile"]["facets"]
    assert "report-damage" in ids(data["steps"])


def test_collect_interview_asks_about_a_proxy_only_where_it_matters(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    # Shanghai's collect list differs for foreign employees and children: "1" is neither.
    run = invoke(["collect", "--region", "shanghai", "-f", "json"], input="1\ny\n")
    assert run.exit_code == 0, run.stderr
    assert "collecting the card for someone else?" in run.stderr
    assert "power-of-attorney" in ids(run.json()["materials"])


def test_check_the_birth_date_from_the_issue(invoke: Invoke) -> None:
    run = invoke(["check", "--born", "2026-10-01", "--today", "2026-10-05", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert (data["kind"], data["today"], data["events"]) == (
        "check",
        "2026-10-05",
        {"born": "2026-10-01"},
    )
    answer = next(a for a in data["answers"] if a["id"] == "birth-registration")
    assert (answer["answer"], answer["dates"][0]["date"]) == ("yes", "2026-11-01")
    assert answer["rule"]["event"] == "born"
    assert answer["sources"] == ["page:hukou-art7"]
    assert all("rule" in a and a["status"] for a in data["answers"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--born", "2026-02-30"], "--born '2026-02-30' is not a real date"),
        (["--born", "tomorrow"], "--born 'tomorrow' is not a date"),
        (["--born", "2026-12-01", "--today", "2026-11-22"], "is after today (2026-11-22)"),
        (["--bill-date", "2027-01-01", "--today", "2026-11-22"], "--bill-date 2027-01-01 is after"),
        (["--paid", "2026-10-01"], "add --self-employed"),
        (["--today", "2026-11-22"], "check needs at least one date"),
        (["--born", "2026-10-01", "--employer"], "--born means --newborn"),
        # Flags that contradict each other with a date that implies nothing: said plainly.
        (
            ["--newborn", "--self-employed", "--paid", "2026-10-01"],
            "error: --newborn cannot be combined with --self-employed",
        ),
    ],
)
def test_check_bad_input_is_a_usage_error(invoke: Invoke, args: list[str], message: str) -> None:
    run = invoke(["check", *args])
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, message)


def test_future_hiring_dates_are_allowed_for_planning(invoke: Invoke) -> None:
    run = invoke(["check", "--hired-on", "2026-12-01", "--today", "2026-11-22", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["answers"][0]["dates"][0]["date"] == "2026-12-31"


def test_why_in_text_names_the_answer_and_the_layer(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "cixi", "--newborn", "--why"])
    assert (run.exit_code, run.stderr) == (0, "")
    flat = " ".join(run.stdout.split())
    assert "Why: you gave --newborn (so minor); from Ningbo" in flat
    assert "Why: you gave --newborn; from national rules" in flat
    assert "Why: it is for everyone; from Ningbo" in flat


def test_why_in_json_lists_passed_over_versions(invoke: Invoke) -> None:
    run = invoke(["apply", "-r", "henan", "--employer", "--why", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    step = next(s for s in data["steps"] if s["id"] == "submit-application")
    assert step["why"]["origin"] == "national"
    assert step["why"]["answers"] == ["--employer"]
    passed = step["why"]["passed_over"]
    assert [(p["origin"], p["for"]["en"], p["for"]["zh"]) for p in passed] == [
        ("henan", "newborn", "新生儿")
    ]


@pytest.mark.parametrize("command", ["activate", "replace --lost"])
def test_why_works_for_activate_and_replace(invoke: Invoke, command: str) -> None:
    run = invoke([*command.split(), "-r", "ningbo", "--why", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    first = data["channels" if command == "activate" else "steps"][0]
    assert first["why"]["origin"] == "ningbo"


def test_why_for_check_shows_the_computation(invoke: Invoke) -> None:
    args = ["check", "-r", "ningbo", "--lost-on", "2026-09-29", "--today", "2026-10-05", "--why"]
    run = invoke(args)
    assert (run.exit_code, run.stderr) == (0, "")
    text = " ".join(run.stdout.split())
    assert "Why: --lost-on 2026-09-29 + 5 working days = 2026-10-12; today is 2026-10-05" in text
    as_json = invoke([*args, "-f", "json"])
    assert (as_json.exit_code, as_json.stderr) == (0, "")
    data = as_json.json()
    assert data["answers"][0]["why"]["computation"] == [
        {
            "code": "why.sum",
            "en": "--lost-on 2026-09-29 + 5 working days = 2026-10-12",
            "zh": "丢卡日期2026年9月29日 + 5个工作日 = 2026年10月12日",
        }
    ]


def test_json_without_why_has_no_why(invoke: Invoke) -> None:
    run = invoke(["apply", "-r", "ningbo", "-f", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert data["steps"], "a checklist with steps, or the test proves nothing"
    assert all("why" not in step for step in data["steps"])


def test_faq_finds_that_the_bank_cannot_be_changed(invoke: Invoke) -> None:
    run = invoke(["faq", "--region", "ningbo", "change bank"])
    assert (run.exit_code, run.stderr) == (0, "")
    first = run.stdout.split("•")[1]
    assert "Can I change the bank" in first
    assert "could not be changed afterwards" in " ".join(first.split())


def test_faq_with_no_match_says_so_and_succeeds(invoke: Invoke) -> None:
    run = invoke(["faq", "--region", "ningbo", "xyzzy"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert "No question matched" in run.stdout
    as_json = invoke(["faq", "--region", "ningbo", "xyzzy", "-f", "json"])
    assert (as_json.exit_code, as_json.stderr) == (0, "")
    data = as_json.json()
    assert data["results"] == []


def test_reimburse_with_a_bill_date_answers_in_the_checklist(invoke: Invoke) -> None:
    args = ["reimburse", "-r", "ningbo", "--bill-date", "2026-05-10", "--today", "2026-10-05"]
    as_json = invoke([*args, "-f", "json"])
    assert (as_json.exit_code, as_json.stderr) == (0, "")
    data = as_json.json()
    assert [(a["id"], a["answer"]) for a in data["answers"]] == [("claim-deadline", "yes")]
    as_text = invoke(args)
    assert (as_text.exit_code, as_text.stderr) == (0, "")
    assert "YOUR DATES" in as_text.stdout


def test_the_interview_leads_a_replacement_to_what_replace_gives(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(["apply", "--region", "ningbo", "-f", "json"], input="1\ny\n1\n")
    assert run.exit_code == 0, run.stderr
    asked = run.json()
    told_run = invoke(["replace", "--region", "ningbo", "--lost", "-f", "json"])
    assert (told_run.exit_code, told_run.stderr) == (0, "")
    told = told_run.json()
    assert asked["procedure"] == "replace"
    assert [s["id"] for s in asked["steps"]] == [s["id"] for s in told["steps"]]
    assert asked["profile"]["facets"] == told["profile"]["facets"]


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--student", "--left-job"], "give the one that describes you now"),
        (["--minor", "--employer"], "an employed 16- or 17-year-old gives --employer alone"),
        (["--newborn", "--replacement"], "use `cardguide replace --minor`"),
    ],
)
def test_profiles_that_would_get_opposite_instructions_are_refused(
    invoke: Invoke, flags: list[str], words: str
) -> None:
    run = invoke(["apply", "--region", "ningbo", *flags])
    assert (run.exit_code, run.stdout) == (2, "")
    assert_one_line_error(run.stderr, words)


def test_every_command_help_has_a_summary_and_an_example(invoke: Invoke) -> None:
    from cardguide.cli.app import app

    commands = [
        info.name or getattr(info.callback, "__name__", "") for info in app.registered_commands
    ]
    assert len(commands) >= 13
    for name in commands:
        run = invoke([name, "--help"])
        assert (run.exit_code, run.stderr) == (0, ""), name
        assert "Example: cardguide " + name in run.stdout, name
