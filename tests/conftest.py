"""Shared fixtures: a CLI runner with separate streams and throwaway region directories."""

from __future__ import annotations

import atexit
import datetime
import json
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cardguide.cli import options
from cardguide.cli.app import app
from cardguide.load import catalog
from cardguide.wording import say

FIXTURES = Path(__file__).parent / "fixtures"

# Compiled local files go to a cache of the test run's own, never the user's.
_CACHE = tempfile.mkdtemp(prefix="cardguide-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


LANGUAGE_VARIABLES = ("CARDGUIDE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

# The shipped data's review date: tests must not start failing when the real date moves on.
TEST_TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(options, "system_today", lambda: TEST_TODAY)


def en(value: object) -> str:
    """A message, a list of them or a data text, as the English a person would read."""
    return say(value, "en")


@dataclass(frozen=True)
class Run:
    """What one CLI invocation produced, stream by stream."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


Invoke = Callable[..., Run]


@pytest.fixture
def invoke() -> Invoke:
    """Run the CLI in-process; stdout, stderr and the exit code come back separately."""

    def run(
        args: Sequence[str], input: str | None = None, env: dict[str, str] | None = None
    ) -> Run:
        # The runner's own locale must not decide the language: tests that want one say so.
        neutral: dict[str, str | None] = dict.fromkeys(LANGUAGE_VARIABLES)
        result = CliRunner().invoke(app, list(args), input=input, env={**neutral, **(env or {})})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


MINIMAL_NATIONAL = """\
id: national
level: national
names: {en: Testland}
last_reviewed: 2026-01-01
sources:
  - id: test:a
    title: {en: Source A}
    status: secondary
    kind: reprint
"""


@pytest.fixture
def regions_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Write region files into a fresh directory that the CLI then uses as its shipped data."""
    directory = tmp_path / "regions"
    directory.mkdir()
    monkeypatch.setattr(catalog, "shipped_dir", lambda: directory)

    def write(name: str, body: str | bytes) -> Path:
        path = directory / f"{name}.yaml"
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
        return path

    return write
