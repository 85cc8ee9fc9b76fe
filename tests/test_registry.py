"""One registry of commands: each entry is a command on the command line and in a batch row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cardguide.commands import CHECKLISTS, COMMANDS, ROW_COMMANDS, Command
from cardguide.wording import keyed, say

from .conftest import Invoke


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_each_command_in_the_registry_is_a_command_with_its_help(
    invoke: Invoke, spec: Command
) -> None:
    run = invoke([spec.name, "--help"], env={"COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    shown = " ".join(run.stdout.split())  # help is wrapped to the terminal
    assert say(keyed("command", spec.name), "en") in shown
    for example in spec.examples:
        assert f"Example: {example}" in shown


@pytest.mark.parametrize("spec", CHECKLISTS, ids=[spec.name for spec in CHECKLISTS])
def test_each_checklist_takes_the_shared_options_and_its_own(invoke: Invoke, spec: Command) -> None:
    run = invoke([spec.name, "--help"], env={"COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    for option in ("--region", "--format", "--why", "--no-pager"):
        assert option in run.stdout
    assert ("--channel" in run.stdout) is ("channel" in spec.takes)
    assert ("--bill-date" in run.stdout) is ("bill_date" in spec.takes)


def test_the_registry_holds_every_command_the_command_line_has(invoke: Invoke) -> None:
    run = invoke(["--help"], env={"COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    section = run.stdout.split("Commands:\n")[1].split("\n\n")[0]
    listed = [line.split()[0] for line in section.splitlines()]
    assert listed == [command.name for command in COMMANDS]


def test_a_batch_row_may_name_every_command_in_the_registry(invoke: Invoke, tmp_path: Path) -> None:
    rows = ["command,region,profile,born"]
    for name in ROW_COMMANDS:
        profile = "lost" if name == "replace" else ""
        rows.append(f"{name},ningbo,{profile},{'2026-10-01' if name == 'check' else ''}")
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = invoke(["batch", str(path)])
    assert (run.exit_code, run.stderr) == (0, "")
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["args"][0] for r in results] == list(ROW_COMMANDS)
    assert all(r["ok"] for r in results)
