"""The hostile corpus: every broken file and bad command line ends as documented, in one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cardguide.model import has_controls

from .conftest import Invoke
from .hostile.commands import COMMANDS, Bad
from .hostile.regions import CASES, Broken

LINE = re.compile(r"^[^\n]+:\d+:\d+: CG\d{3} ")
DOCUMENTED_EXITS = {0, 1, 2, 3, 130}


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(CASES) >= 80
    assert len(COMMANDS) >= 80
    assert len({case.name for case in CASES}) == len(CASES)
    assert len({bad.name for bad in COMMANDS}) == len(COMMANDS)


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
