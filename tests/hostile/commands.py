"""Bad command lines: each argument list, its environment, exit code and words on stderr."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bad:
    name: str
    args: tuple[str, ...]
    exit_code: int
    words: str
    env: tuple[tuple[str, str], ...] = field(default=())


def bad(name: str, args: str | list[str], exit_code: int, words: str, **env: str) -> Bad:
    argv = args.split() if isinstance(args, str) else args
    return Bad(name, tuple(argv), exit_code, words, tuple(env.items()))


REGION = "unknown region"
USAGE = "cardguide"

COMMANDS: list[Bad] = [
    # --- unknown commands and options ----------------------------------------------------------
    bad("an unknown command", "fly", 2, "no such command"),
    bad("an unknown option", "apply --region ningbo --fly", 2, "no such option"),
    bad("a misspelt option", "apply --regoin ningbo", 2, "no such option"),
    bad("an option without its value", "apply --region", 2, "--region"),
    bad("a format that does not exist", "apply --region ningbo --format pdf", 2, "--format"),
    bad("a language that does not exist", "apply --region ningbo --lang fr", 2, "--lang"),
    bad(
        "a channel that does not exist", "activate --region ningbo --channel pigeon", 2, "--channel"
    ),
    bad("an extra argument", "apply --region ningbo extra", 2, "extra"),
    bad("a flag with a value", "apply --region ningbo --newborn=yes", 2, "--newborn"),
    bad("a negative max age", "validate --max-age -5", 2, "--max-age"),
    bad("a max age that is a word", "validate --max-age soon", 2, "--max-age"),
    bad("an empty format", ["apply", "--region", "ningbo", "--format", ""], 2, "--format"),
    # --- contradictions ------------------------------------------------------------------------
    bad(
        "newborn and student", "apply --region ningbo --newborn --student --no-input", 2, "newborn"
    ),
    bad(
        "newborn and employer",
        "apply --region ningbo --newborn --employer --no-input",
        2,
        "newborn",
    ),
    bad(
        "newborn and self-employed",
        "apply --region ningbo --newborn --self-employed --no-input",
        2,
        "newborn",
    ),
    bad(
        "newborn and left job",
        "apply --region ningbo --newborn --left-job --no-input",
        2,
        "newborn",
    ),
    bad(
        "newborn and foreign employee",
        "apply --region ningbo --newborn --foreign-employee --no-input",
        2,
        "newborn",
    ),
    bad(
        "newborn and replacement",
        "apply --region ningbo --newborn --replacement --no-input",
        2,
        "replace --minor",
    ),
    bad(
        "employer and self-employed",
        "apply --region ningbo --employer --self-employed --no-input",
        2,
        "employer",
    ),
    bad(
        "employer and left job",
        "apply --region ningbo --employer --left-job --no-input",
        2,
        "employer",
    ),
    bad(
        "minor and employer",
        "apply --region ningbo --minor --employer --no-input",
        2,
        "--employer alone",
    ),
    bad(
        "student and left job",
        "apply --region ningbo --student --left-job --no-input",
        2,
        "describes you now",
    ),
    bad(
        "lost and damaged at once", "replace --region ningbo --lost --damaged --no-input", 2, "lost"
    ),
    bad("replace without lost or damaged", "replace --region ningbo --no-input", 2, "--lost"),
    bad("born with employer", "check --region ningbo --born 2026-10-01 --employer", 2, "--born"),
    bad(
        "paid without self-employed",
        "check --region ningbo --paid 2026-10-01",
        2,
        "--self-employed",
    ),
    bad("no region without a terminal", "apply --no-input", 2, "--region"),
    # --- region names --------------------------------------------------------------------------
    bad("an empty region", ["apply", "--region", "", "--no-input"], 1, REGION),
    bad("a region of spaces", ["apply", "--region", "   ", "--no-input"], 1, REGION),
    bad("a relative path as a region", "apply --region ../../etc/passwd --no-input", 1, REGION),
    bad("an absolute path as a region", "apply --region /etc/passwd --no-input", 1, REGION),
    bad("a Windows path as a region", ["apply", "--region", "..\\..\\x", "--no-input"], 1, REGION),
    bad("a file name as a region", "apply --region ningbo.yaml --no-input", 1, REGION),
    bad("a region with a NUL", ["apply", "--region", "ning\x00bo", "--no-input"], 1, REGION),
    bad(
        "a region with an escape",
        ["apply", "--region", "\x1b[31mred", "--no-input"],
        1,
        "\\u001b[31mred",
    ),
    bad(
        "a region with a bidi override",
        ["apply", "--region", "ning\u202ebo", "--no-input"],
        1,
        "\\u202e",
    ),
    bad("a region with a line break", ["apply", "--region", "xx\nyy", "--no-input"], 1, "xx\\nyy"),
    bad(
        "a region of rich markup",
        ["apply", "--region", "[bold]x[/bold]", "--no-input"],
        1,
        "[bold]x[/bold]",
    ),
    bad("a very long region", ["apply", "--region", "a" * 10_000, "--no-input"], 1, REGION),
    bad("a very long Chinese region", ["apply", "--region", "海" * 5_000, "--no-input"], 1, REGION),
    bad("a glob as a region", "apply --region * --no-input", 1, REGION),
    bad("a region that is a number", "apply --region 42 --no-input", 1, REGION),
    bad("a division code of the wrong length", "apply --region 3302 --no-input", 1, REGION),
    bad("Hong Kong", "apply --region 香港 --no-input", 1, "mainland China only"),
    bad("Macao in English", "apply --region Macao --no-input", 1, "mainland China only"),
    bad("Taiwan's code", "apply --region 710000 --no-input", 1, "mainland China only"),
    bad(
        "a district two cities share", "apply --region 朝阳区 --no-input", 1, "names several places"
    ),
    bad("a misspelt region", "apply --region ningpo --no-input", 1, "did you mean ningbo"),
    bad("a misspelt Chinese region", "apply --region 宁坡 --no-input", 1, "did you mean 宁波"),
    bad("show an unknown region", "show atlantis", 1, REGION),
    bad("diff with an unknown region", "diff ningbo atlantis", 1, REGION),
    bad("diff with a path", "diff ningbo ../x", 1, REGION),
    # --- dates ---------------------------------------------------------------------------------
    bad("a date in the wrong order", "check --region ningbo --born 01-10-2026", 2, "--born"),
    bad(
        "a date written day first",
        "check --region ningbo --born 01/10/2026",
        2,
        "write the year first",
    ),
    bad("30 February", "check --region ningbo --born 2026-02-30", 2, "not a real date"),
    bad("month 13", "check --region ningbo --born 2026-13-01", 2, "not a real date"),
    bad("day zero", "check --region ningbo --born 2026-10-00", 2, "not a real date"),
    bad(
        "year 9999",
        "check --region ningbo --born 9999-12-31 --today 9999-12-31",
        2,
        "outside the dates",
    ),
    bad("year one", "check --region ningbo --born 0001-01-01", 2, "outside the dates"),
    bad("year 1899", "check --region ningbo --last-paid 1899-12-31", 2, "outside the dates"),
    bad(
        "a date in the future for a past event",
        "check --region ningbo --born 2199-01-01",
        2,
        "--born",
    ),
    bad("today that is not a date", "apply --region ningbo --today tomorrow", 2, "--today"),
    bad("today in year 9999", "apply --region ningbo --today 9999-01-01", 2, "outside the dates"),
    bad("an empty date", ["check", "--region", "ningbo", "--born", ""], 2, "--born"),
    bad("a date with a time", "check --region ningbo --born 2026-10-01T10:00", 2, "--born"),
    bad("check without a date", "check --region ningbo", 2, "date"),
    bad(
        "a bill date in the future",
        "reimburse --region ningbo --bill-date 2199-01-01",
        2,
        "--bill-date",
    ),
    # --- paths and the environment -------------------------------------------------------------
    bad(
        "a data directory that does not exist",
        "apply --region ningbo --data-dir /nonexistent/dir",
        2,
        "/nonexistent/dir",
    ),
    bad(
        "a data directory that is a file",
        "apply --region ningbo --data-dir /etc/hostname",
        2,
        "/etc/hostname",
    ),
    bad(
        "validate a path that does not exist", "validate /nonexistent.yaml", 2, "/nonexistent.yaml"
    ),
    bad(
        "a CARDGUIDE_PATH entry that does not exist",
        "apply --region ningbo --no-input",
        2,
        "/nowhere",
        CARDGUIDE_PATH="/nowhere",
    ),
    bad(
        "a CARDGUIDE_PATH entry that is a file",
        "apply --region ningbo --no-input",
        2,
        "/etc/hostname",
        CARDGUIDE_PATH="/etc/hostname",
    ),
    bad(
        "an unknown CARDGUIDE_LANG",
        "apply --region atlantis --no-input",
        1,
        REGION,
        CARDGUIDE_LANG="klingon",
    ),
    bad("an odd locale", "apply --region atlantis --no-input", 1, REGION, LANG="xx_YY.ISO-8859-1"),
    bad("a C locale", "apply --region atlantis --no-input", 1, REGION, LC_ALL="C"),
    bad(
        "a Chinese locale",
        "apply --region atlantis --no-input",
        1,
        "找不到地区",
        LANG="zh_CN.UTF-8",
    ),
    bad("a terminal width of zero", "apply --region atlantis --no-input", 1, REGION, COLUMNS="0"),
    bad("a negative terminal width", "apply --region atlantis --no-input", 1, REGION, COLUMNS="-5"),
    bad(
        "a terminal width that is a word",
        "apply --region atlantis --no-input",
        1,
        REGION,
        COLUMNS="wide",
    ),
    bad(
        "a huge terminal width",
        "apply --region atlantis --no-input",
        1,
        REGION,
        COLUMNS="99999999999",
    ),
    # --- faq and schema ------------------------------------------------------------------------
    bad("faq in an unknown region", "faq --region atlantis pension", 1, REGION),
    bad("schema with an argument", "schema extra", 2, "extra"),
    bad("regions with an argument", "regions extra", 2, "extra"),
    bad("validate with a bad format", "validate --format xml", 2, "--format"),
    bad(
        "check with an unknown event option",
        "check --region ningbo --died 2026-10-01",
        2,
        "no such option",
    ),
]
