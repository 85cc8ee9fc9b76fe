"""The console entry point: one command runs with the cyclic collector off, a batch with it on."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cardguide import launch

from .conftest import Invoke


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    yield
    gc.enable()


def test_a_command_runs_with_the_cyclic_collector_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["cardguide", "--version"])
    with pytest.raises(SystemExit) as done:
        launch.main()
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("cardguide ")
    assert not gc.isenabled()


def test_a_batch_turns_the_collector_back_on_for_its_rows(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("command,region,profile\napply,ningbo,newborn\n", encoding="utf-8")
    gc.disable()
    run = invoke(["batch", str(path)])
    assert run.exit_code == 0
    assert gc.isenabled()
