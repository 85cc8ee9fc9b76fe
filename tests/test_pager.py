"""Long text at a terminal goes through PAGER; pipes, JSON, --no-pager and short text never do."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from cardguide.cli import context

from .conftest import Invoke


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "stdout_is_tty", lambda: True)


def _pager(into: Path) -> str:
    """A PAGER that writes what it is given to a file."""
    code = f"import sys; open({str(into)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def _env(pager: str) -> dict[str, str]:
    return {"PAGER": pager, "LINES": "24", "COLUMNS": "80", "NO_COLOR": "1"}


@pytest.mark.usefixtures("terminal")
def test_long_text_at_a_terminal_goes_through_the_pager(invoke: Invoke, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    run = invoke(["show", "ningbo"], env=_env(_pager(paged)))
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
    shown = paged.read_text(encoding="utf-8")
    assert shown.startswith("Resolved guide\n")
    assert len(shown.splitlines()) > 24


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(
    "args",
    [
        ["show", "ningbo", "--no-pager"],  # asked not to
        ["show", "ningbo", "--format", "json"],  # data for a program
        ["show", "ningbo", "--format", "html"],  # a page to save
        ["faq", "--region", "ningbo", "xyzzy"],  # fits on one screen
    ],
)
def test_the_pager_is_not_used_when_it_would_not_help(
    invoke: Invoke, tmp_path: Path, args: list[str]
) -> None:
    paged = tmp_path / "paged.txt"
    run = invoke(args, env=_env(_pager(paged)))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout
    starts = {
        "--no-pager": "Resolved guide\n",
        "json": '{\n  "schema_version": 2,',
        "html": "<!DOCTYPE html>\n",
        "xyzzy": "Questions and answers\n",
    }
    assert run.stdout.startswith(starts[args[-1]])
    assert not paged.exists()


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("pager", ["", "cat", "no-such-pager-anywhere"])
def test_an_empty_cat_or_missing_pager_prints_straight_out(invoke: Invoke, pager: str) -> None:
    run = invoke(["show", "ningbo"], env=_env(pager))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("Resolved guide\n")


def test_without_a_terminal_there_is_no_pager(invoke: Invoke, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    run = invoke(["show", "ningbo"], env=_env(_pager(paged)))
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("Resolved guide\n")
    assert not paged.exists()
