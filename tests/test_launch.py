"""The console entry point that `cardguide` is installed as (pyproject.toml: cardguide.launch:main).

Whether it runs a command with the cyclic garbage collector off, and a batch with it on, is a
matter of speed and memory, not of what a person sees: benchmarks/mechanisms.py reports it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import LANGUAGE_VARIABLES

ENTRY_POINT = "import sys; sys.argv[0] = 'cardguide'; from cardguide.launch import main; main()"


def _cardguide(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *args],
        capture_output=True, text=True, env=environment, check=False, timeout=120,
    )  # fmt: skip


def test_the_entry_point_prints_the_version_and_exits_0() -> None:
    done = _cardguide("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("cardguide ")
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["apply", "--region", "atlantis", "--lang", "en"], 1, "unknown region 'atlantis'"),
        (["apply", "--no-such-option"], 2, "--no-such-option"),
    ],
)
def test_the_entry_point_ends_with_the_commands_exit_code_and_its_one_line_error(
    args: list[str], code: int, said: str
) -> None:
    done = _cardguide(*args)
    assert done.returncode == code
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert said in done.stderr
