"""What a help desk on Windows meets, as far as it can be shown on another system."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cardguide.cli import context
from cardguide.load import compiled

from .conftest import Invoke
from .test_overlays import NEW_DISTRICT


def test_cardguide_path_is_split_with_the_systems_own_separator(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Windows the separator is ; since a drive letter holds a colon (C:\desk;D:\more).
    monkeypatch.setattr(os, "pathsep", ";")
    first, second = tmp_path / "desk", tmp_path / "more"
    first.mkdir()
    second.mkdir()
    (second / "haishu.yaml").write_text(NEW_DISTRICT, encoding="utf-8")
    run = invoke(["apply", "--region", "haishu", "--format", "json"],
                 env={"CARDGUIDE_PATH": f"{first};{second}"})  # fmt: skip
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["region"]["id"] == "haishu"


def test_the_cache_lives_in_the_platforms_own_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert compiled.cache_root() == tmp_path / "AppData" / "Local" / "cardguide" / "Cache"
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert compiled.cache_root() == tmp_path / "Library" / "Caches" / "cardguide"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "chosen"))
    assert compiled.cache_root() == tmp_path / "chosen" / "cardguide"


def test_a_console_without_less_gets_the_text_straight_out(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Windows has no less, and PAGER is seldom set there.
    monkeypatch.setattr(context, "stdout_is_tty", lambda: True)
    run = invoke(["show", "ningbo", "--lang", "zh"],
                 env={"PAGER": None, "PATH": str(tmp_path), "LINES": "24"})  # fmt: skip
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("本地区办事指南（含上级规定）\n")
    assert len(run.stdout.splitlines()) > 24
