"""--help in the reader's language: every word from the catalog, laid out to fit the terminal."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from cardguide.commands import COMMANDS
from cardguide.wording import keyed, say

from .conftest import Invoke

PAGES = [[], *([command.name] for command in COMMANDS)]
IDS = ["cardguide", *(command.name for command in COMMANDS)]
# click's own frame words, which a Chinese page must not show.
ENGLISH_FRAME = ("Usage", "Options", "Arguments", "Commands", "Show this message", "required",
                 "default:", "Example")  # fmt: skip


@pytest.mark.parametrize("columns", [52, 80])
@pytest.mark.parametrize("lang", ["en", "zh", "both"])
@pytest.mark.parametrize("words", PAGES, ids=IDS)
def test_every_help_page_fits_the_terminal_counted_in_display_cells(
    invoke: Invoke, words: list[str], lang: str, columns: int
) -> None:
    env = {"CARDGUIDE_LANG": lang, "COLUMNS": str(columns)}
    run = invoke([*words, "--help"], env=env)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.endswith("\n")
    # An option's names are never broken (as click does): alone on their line, they may not fit.
    names = re.compile(r" +-[^ ]*(?: [^ ]+)*")
    lines = [line for line in run.stdout.splitlines() if not names.fullmatch(line)]
    assert not [line for line in lines if cell_len(line) > columns]


@pytest.mark.parametrize("words", PAGES, ids=IDS)
def test_a_chinese_help_page_is_in_chinese_from_its_first_word(
    invoke: Invoke, words: list[str]
) -> None:
    run = invoke([*words, "--help"], env={"CARDGUIDE_LANG": "zh", "COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith(f"用法：cardguide {' '.join(words)}".rstrip() + " [选项]")
    assert not [word for word in ENGLISH_FRAME if word in run.stdout]
    if words:  # wrapped between any two Chinese characters
        said = say(keyed("command", words[0]), "zh")
        assert "".join(said.split()) in "".join(run.stdout.split())
        assert "示例：cardguide " + words[0] in run.stdout


def test_the_lang_option_chooses_the_help_language_over_the_locale(invoke: Invoke) -> None:
    run = invoke(["apply", "--lang", "zh", "--help"], env={"LANG": "en_US.UTF-8"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert "适用情形：新生儿（由父母或监护人办理）。" in run.stdout
    assert "For a newborn" not in run.stdout


def test_both_languages_give_each_option_in_chinese_then_english(invoke: Invoke) -> None:
    run = invoke(["check", "--help"], env={"CARDGUIDE_LANG": "both", "COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    chinese = run.stdout.index("出生日期：用来算登记期限。")
    english = run.stdout.index("Birth date: registration deadlines.")
    assert chinese < english


def test_the_shell_is_offered_options_described_in_the_chosen_language(invoke: Invoke) -> None:
    asking = {
        "_CARDGUIDE_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": "cardguide apply --new",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    run = invoke([], env={**asking, "CARDGUIDE_LANG": "zh"})
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "--newborn\t适用情形：新生儿（由父母或监护人办理）。\n",
        "",
    )
    run = invoke([], env=asking)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "--newborn\tFor a newborn (a parent or guardian applies).\n",
        "",
    )


def test_the_shell_gets_each_description_on_one_short_line(invoke: Invoke) -> None:
    """The shells read one candidate a line; typer wraps a description at 80 cells."""
    asking = {
        "_CARDGUIDE_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": "cardguide apply --",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    for lang in ("en", "zh", "both"):
        run = invoke([], env={**asking, "CARDGUIDE_LANG": lang})
        assert (run.exit_code, run.stderr) == (0, "")
        offered = run.stdout.splitlines()
        assert all(line.startswith("-") and "\t" in line for line in offered), offered
        assert all(cell_len(line.split("\t")[1]) <= 60 for line in offered)
        assert "--data-dir" in {line.split("\t")[0] for line in offered}


def test_placeholders_of_values_are_written_in_the_page_language(invoke: Invoke) -> None:
    run = invoke(["diff", "--help"], env={"CARDGUIDE_LANG": "zh"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("用法：cardguide diff [选项] 地区甲 地区乙\n")
    assert "  --data-dir 目录  " in run.stdout
    english = invoke(["diff", "--help"], env={"CARDGUIDE_LANG": "en"})
    assert (english.exit_code, english.stderr) == (0, "")
    assert english.stdout.startswith("Usage: cardguide diff [OPTIONS] A B\n")
    assert "  --data-dir DIR  " in english.stdout


def test_a_lang_typed_on_the_line_chooses_the_completion_menus_language(invoke: Invoke) -> None:
    asking = {
        "_CARDGUIDE_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": "cardguide apply --lang zh --new",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "LANG": "en_US.UTF-8",
    }
    run = invoke([], env=asking)
    described = "适用情形：新生儿（由父母或监护人办理）。"
    assert (run.exit_code, run.stdout, run.stderr) == (0, f"--newborn\t{described}\n", "")


def test_every_option_and_argument_of_every_command_says_what_it_is() -> None:
    import typer.main
    from typer.core import TyperGroup

    from cardguide.cli.app import full_app
    from cardguide.cli.help_page import parameter_help

    group = typer.main.get_command(full_app())
    assert isinstance(group, TyperGroup)
    commands = [("", group), *group.commands.items()]
    assert len(commands) == len(COMMANDS) + 1
    silent = [
        (name, parameter.name)
        for name, command in commands
        for parameter in command.params
        if parameter_help(name, str(parameter.name)) is None
    ]
    assert not silent
