"""`cardguide validate`: every rule has a fixture that triggers it, and only it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cardguide.errors import RULES
from cardguide.load import catalog
from cardguide.wording import keyed

from .conftest import FIXTURES, Invoke, en

RULE_FIXTURES = FIXTURES / "rules"
# Rules that warn: an old review, translations that are stale or carry no revision, and a
# complete list that hides a parent item written for some people.
WARNINGS = {"CG016", "CG026", "CG027", "CG028"}
DOCS = Path(__file__).parents[1] / "docs" / "data-format.md"
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>CG\d{3}) (?P<rest>.+)$"
)


def summary(errors: int, warnings: int, files: int) -> str:
    """The line `validate` ends with on stderr, for these counts."""

    def counted(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    return (
        f"cardguide: {counted(errors, 'error')}, {counted(warnings, 'warning')} "
        f"in {counted(files, 'file')}\n"
    )


def fixture_paths(code: str) -> list[str]:
    directory = RULE_FIXTURES / code
    assert directory.is_dir(), f"rule {code} has no failing fixture"
    if (directory / "overlay").is_dir():  # an overlay over its base data
        return [str(directory / "overlay"), str(directory / "base")]
    return [str(directory)]


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_has_a_fixture_that_triggers_only_it(
    code: str, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    if code == "CG033":  # three files stand for the ten thousand the limit allows
        monkeypatch.setattr(catalog, "MAX_FILES", 2)
    args = ["validate", *fixture_paths(code), "--today", "2026-11-22"]
    run = invoke([*args, "--format", "json"])
    data = run.json()
    assert {d["code"] for d in data["diagnostics"]} == {code}, data["diagnostics"]
    warning = code in WARNINGS
    assert run.exit_code == (0 if warning else 1)
    assert all(d["severity"] == ("warning" if warning else "error") for d in data["diagnostics"])
    assert all(d["line"] and d["column"] for d in data["diagnostics"]), "every problem has a place"
    found = len(data["diagnostics"])
    counts = (0, found) if warning else (found, 0)
    assert run.stderr == summary(*counts, len(data["files"]))
    text = invoke(args)
    assert "Traceback" not in text.stdout + text.stderr
    assert (text.exit_code, text.stderr) == (run.exit_code, run.stderr)
    assert text.stdout.splitlines(), "the text report lists the problem"
    for line in text.stdout.splitlines():
        match = LINE.match(line)
        assert match, line
        assert match.group("code") == code


@pytest.mark.parametrize("code", sorted(WARNINGS))
def test_warnings_fail_only_with_strict(code: str, invoke: Invoke) -> None:
    args = ["validate", *fixture_paths(code), "--today", "2026-11-22"]
    relaxed = invoke(args)
    assert relaxed.exit_code == 0
    strict = invoke([*args, "--strict"])
    assert strict.exit_code == 1
    # The same report either way: only the exit code differs.
    assert (strict.stdout, strict.stderr) == (relaxed.stdout, relaxed.stderr)
    lines = relaxed.stdout.splitlines()
    assert lines
    assert all(f": {code} warning: " in line for line in lines), lines
    files = sum(len(list(Path(path).glob("*.yaml"))) for path in fixture_paths(code))
    assert relaxed.stderr == summary(0, len(lines), files)


def test_the_age_limit_is_an_option(invoke: Invoke) -> None:
    args = ["validate", *fixture_paths("CG016"), "--today", "2026-11-22", "--max-age", "10000"]
    run = invoke(args)
    assert run.stdout == ""
    assert (run.exit_code, run.stderr) == (0, "cardguide: 0 errors, 0 warnings in 1 file\n")


def test_the_shipped_data_is_clean(invoke: Invoke) -> None:
    run = invoke(["validate", "--strict"])
    assert (run.exit_code, run.stdout) == (0, "")
    assert re.fullmatch(r"cardguide: 0 errors, 0 warnings in \d+ files\n", run.stderr)


def test_the_issue_broken_set_each_reported_with_file_line_and_code(invoke: Invoke) -> None:
    broken = ["CG001", "CG002", "CG003", "CG007", "CG008", "CG011", "CG017", "CG018"]
    paths = [path for code in broken for path in fixture_paths(code)]
    run = invoke(["validate", *paths, "--today", "2026-11-22"])
    assert run.exit_code == 1
    reported = {LINE.match(line).group("code") for line in run.stdout.splitlines()}  # type: ignore[union-attr]
    assert reported == set(broken)
    assert "Traceback" not in run.stderr
    assert run.stderr == "cardguide: 9 errors, 0 warnings in 11 files\n"  # CG008: two files


def test_a_missing_path_is_a_usage_error(invoke: Invoke) -> None:
    run = invoke(["validate", "no/such/dir"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert "no such file or directory: no/such/dir" in run.stderr


def test_the_docs_list_every_rule_with_its_description() -> None:
    rows = re.findall(r"^\| (CG\d{3}) \| ([^|]+?) \|", DOCS.read_text(encoding="utf-8"), re.M)
    assert dict(rows) == {code: en(keyed("rule", code)) for code in RULES}
