"""Shell completion: scripts for bash, zsh and fish, and what they offer at each position."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Invoke


def _offers(invoke: Invoke, line: str, env: dict[str, str] | None = None) -> list[str]:
    """What fish would be offered for the command line typed so far (a value and a tab and
    its description on each line)."""
    asking = {
        "_CARDGUIDE_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        **(env or {}),
    }
    run = invoke([], env=asking)
    assert (run.exit_code, run.stderr) == (0, "")
    return [row.split("\t")[0] for row in run.stdout.splitlines()]


@pytest.mark.parametrize(
    ("shell", "start", "asks"),
    [
        ("zsh", "#compdef cardguide", "complete_zsh"),
        ("bash", "_cardguide_completion()", "complete_bash"),
        ("fish", "complete ", "complete_fish"),
        # Windows PowerShell 5 and PowerShell 7 share one script and one way of asking.
        ("powershell", "Import-Module PSReadLine", "complete_powershell"),
        ("pwsh", "Import-Module PSReadLine", "complete_powershell"),
    ],
)
def test_show_completion_prints_the_script_for_the_shell_named(
    invoke: Invoke, shell: str, start: str, asks: str
) -> None:
    run = invoke(["--show-completion", shell])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith(start)
    assert asks in run.stdout


def test_powershell_is_offered_places_as_its_script_asks_for_them() -> None:
    # What the PowerShell script sets before it runs cardguide for the candidates.
    asked = {
        "_CARDGUIDE_COMPLETE": "complete_powershell",
        "_TYPER_COMPLETE_ARGS": "cardguide apply --region ni",
        "_TYPER_COMPLETE_WORD_TO_COMPLETE": "ni",
    }
    done = subprocess.run(
        [sys.executable, "-m", "cardguide"],
        capture_output=True,
        text=True,
        env={**os.environ, **asked},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0] == "ningbo:::ningbo 宁波"


def test_an_unknown_shell_is_a_usage_error_in_one_line(invoke: Invoke) -> None:
    run = invoke(["--show-completion", "tcsh"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "cardguide: error: no completion script for 'tcsh'; name one of these shells: "
        "bash, zsh, fish, powershell, pwsh\n"
    )


def test_commands_complete(invoke: Invoke) -> None:
    assert _offers(invoke, "cardguide ap") == ["apply"]
    assert "validate" in _offers(invoke, "cardguide ")


def test_region_ids_complete(invoke: Invoke) -> None:
    # Regions with data come first, then divisions of China that take their rules from them.
    offered = _offers(invoke, "cardguide apply --region ni")
    assert offered[:3] == ["ningbo", "ningxia", "ningde"]
    assert _offers(invoke, "cardguide apply --region she")[:2] == ["shenyang", "shenzhen"]
    assert _offers(invoke, "cardguide apply --region ")[:3] == ["anhui", "beijing", "changchun"]


def test_chinese_names_and_divisions_without_data_complete(invoke: Invoke) -> None:
    assert _offers(invoke, "cardguide apply --region 宁波")[:2] == ["宁波"]
    offered = _offers(invoke, "cardguide apply --region 海曙")
    assert offered == ["海曙区"]  # a district: its city's rules apply


def test_both_diff_arguments_complete(invoke: Invoke) -> None:
    assert _offers(invoke, "cardguide diff ning")[0] == "ningbo"  # then divisions: ningde, …
    assert _offers(invoke, "cardguide diff ningbo hangz") == ["hangzhou"]


def test_channels_complete(invoke: Invoke) -> None:
    assert _offers(invoke, "cardguide activate --channel p") == ["pharmacy", "phone"]


def test_local_regions_complete_from_data_dir_and_cardguide_path(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "haishu.yaml").write_text(
        "id: haishu\nlevel: county\nparent: ningbo\nnames: {en: Haishu, zh: 海曙区}\n"
        "last_reviewed: 2026-11-20\n",
        encoding="utf-8",
    )
    line = f"cardguide apply --data-dir {local} --region haish"
    assert _offers(invoke, line)[0] == "haishu"
    assert _offers(invoke, "cardguide show haish", {"CARDGUIDE_PATH": str(local)})[0] == "haishu"


def test_a_broken_data_dir_offers_nothing_and_says_nothing(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    offered = _offers(invoke, f"cardguide apply --data-dir {tmp_path} --region ni")
    assert "ningbo" in offered


INSTALLED = Path(sys.executable).parent / "cardguide"  # the entry point the script calls


@pytest.mark.skipif(
    shutil.which("bash") is None or not INSTALLED.exists(),
    reason="needs bash and cardguide installed beside this Python",
)
def test_bash_itself_completes_a_region_with_the_printed_script() -> None:
    script = subprocess.run(
        [sys.executable, "-m", "cardguide", "--show-completion", "bash"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    session = (
        f"{script}\nCOMP_WORDS=(cardguide apply --region ni); COMP_CWORD=3\n"
        '_cardguide_completion cardguide; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "--norc", "-c", session], capture_output=True, text=True, env=env
    )
    assert done.stdout.split()[0] == "ningbo", done.stderr
