"""The hostile corpus: every broken file and bad command line ends as documented, in one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cardguide.errors import EXIT_INTERNAL
from cardguide.wording.escape import has_controls

from .conftest import LANGUAGE_VARIABLES, Invoke
from .hostile.commands import COMMANDS, Bad
from .hostile.regions import CASES, Broken

LINE = re.compile(r"^[^\n]+:\d+:\d+: CG\d{3} ")
# Exit 3 is documented too, but as a defect in cardguide: no hostile input may end there.
DOCUMENTED_EXITS = {0, 1, 2, 130}


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(CASES) >= 80
    assert len(COMMANDS) >= 80
    assert len({case.name for case in CASES}) == len(CASES)
    assert len({bad.name for bad in COMMANDS}) == len(COMMANDS)
    assert [bad.name for bad in COMMANDS if bad.exit_code == EXIT_INTERNAL] == []


def clean_terminal_text(text: str) -> None:
    assert "Traceback" not in text
    assert not has_controls(text), repr(text[:200])


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_region_file_is_reported_with_its_code(
    case: Broken, invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "national.yaml"
    path.write_bytes(case.body)
    data = invoke(["validate", str(path), "--format", "json", "--lang", "en"])
    assert data.exit_code == 1, data.stdout + data.stderr
    codes = [d["code"] for d in data.json()["diagnostics"]]
    assert case.code in codes, codes
    if case.words:
        assert any(case.words in d["message"]["en"] for d in data.json()["diagnostics"])
    text = invoke(["validate", str(path), "--lang", "en"])
    assert text.exit_code == 1
    clean_terminal_text(text.stdout + text.stderr)
    for line in text.stdout.splitlines():
        assert LINE.match(line), line
    # A command that meets the same file as local data stops with one line naming it.
    run = invoke(["apply", "--region", "national", "--data-dir", str(tmp_path), "--lang", "en"])
    assert run.exit_code in DOCUMENTED_EXITS
    clean_terminal_text(run.stderr)
    if run.exit_code != 0:
        assert len(run.stderr.splitlines()) == 1, run.stderr


@pytest.mark.parametrize("bad", COMMANDS, ids=[bad.name for bad in COMMANDS])
def test_a_bad_command_line_ends_with_its_documented_code_in_one_line(
    bad: Bad, invoke: Invoke
) -> None:
    run = invoke(list(bad.args), env=dict(bad.env))
    assert run.exit_code == bad.exit_code, run.stderr
    assert bad.words in run.stderr, run.stderr
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1, run.stderr
    clean_terminal_text(run.stderr)


LOOP = "{loop}"  # stands for a data directory holding a symbolic link to itself


@dataclass(frozen=True)
class Surrounding:
    """A command run in a hostile surrounding the in-process runner cannot give: arguments that
    are not UTF-8, output streams that cannot hold every character, a looping file system."""

    name: str
    args: tuple[str | bytes, ...]
    env: dict[str, str] = field(default_factory=dict)


SURROUNDINGS = [
    Surrounding("a data directory with a symbolic link loop", ("regions", "--data-dir", LOOP)),
    Surrounding("validate a symbolic link loop", ("validate", LOOP)),
    Surrounding(
        "a symbolic link loop on CARDGUIDE_PATH",
        ("apply", "--region", "ningbo", "--newborn"),
        {"CARDGUIDE_PATH": LOOP},
    ),
    Surrounding("a region that is not UTF-8", ("apply", "--region", b"ning\xe5bo", "--no-input")),
    Surrounding("a Chinese region cut mid-character", ("apply", "--region", b"\xe5\xae\x81")),
    Surrounding("a query that is not UTF-8", ("faq", "--region", "ningbo", b"\xff")),
    Surrounding(
        "a query that is not UTF-8, as JSON",
        ("faq", "--region", "ningbo", b"\xff", "--format", "json"),
    ),
    Surrounding(
        "Chinese to an ASCII stream",
        ("apply", "--region", "ningbo", "--newborn", "--lang", "zh"),
        {"PYTHONIOENCODING": "ascii"},
    ),
    Surrounding(
        "a Chinese error to an ASCII stream",
        ("apply", "--region", "宁坡", "--no-input", "--lang", "zh"),
        {"PYTHONIOENCODING": "ascii"},
    ),
    Surrounding(
        "JSON to an ASCII stream",
        ("apply", "--region", "ningbo", "--newborn", "--format", "json"),
        {"PYTHONIOENCODING": "ascii"},
    ),
    Surrounding(
        "Chinese to a GBK stream",
        ("apply", "--region", "ningbo", "--newborn", "--lang", "zh"),
        {"PYTHONIOENCODING": "gbk"},
    ),
    Surrounding(
        "both languages to a GBK stream",
        ("apply", "--region", "ningbo", "--newborn", "--lang", "both"),
        {"PYTHONIOENCODING": "gbk"},
    ),
    Surrounding("an empty today", ("apply", "--region", "ningbo", "--today", "")),
    Surrounding("an empty today for check", ("check", "--born", "2026-10-01", "--today", "")),
]


@pytest.mark.parametrize("case", SURROUNDINGS, ids=[case.name for case in SURROUNDINGS])
def test_a_hostile_surrounding_ends_as_documented_and_never_as_a_defect(
    case: Surrounding, tmp_path: Path
) -> None:
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "national.yaml").symlink_to("national.yaml")
    args = [str(loop) if arg == LOOP else arg for arg in case.args]
    inherited = (*LANGUAGE_VARIABLES, "PYTHONIOENCODING")  # each case says what it wants
    env = {key: value for key, value in os.environ.items() if key not in inherited}
    env.update({key: str(loop) if value == LOOP else value for key, value in case.env.items()})
    # A real process: its arguments are bytes and its streams have the encoding asked for.
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", *args],
        capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=120, check=False,
    )  # fmt: skip
    encoding = case.env.get("PYTHONIOENCODING", "utf-8")
    stdout = done.stdout.decode(encoding, "backslashreplace")
    stderr = done.stderr.decode(encoding, "backslashreplace")
    assert done.returncode in DOCUMENTED_EXITS, stderr
    clean_terminal_text(stderr)
    if case.args[0] == "validate":
        # validate's findings are its output: the unreadable file, named, with its rule code.
        assert done.returncode == 1, stdout + stderr
        finding = re.compile(rf"^{re.escape(str(loop / 'national.yaml'))}(:\d+:\d+)?: CG\d{{3}} ")
        assert [bool(finding.match(line)) for line in stdout.splitlines()] == [True], stdout
        assert len(stderr.splitlines()) == 1, stderr
    elif done.returncode == 0:
        assert stdout, stderr
    else:
        assert stdout == ""
        assert len(stderr.splitlines()) == 1, stderr
