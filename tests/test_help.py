"""--help in the reader's language: every word from the catalog, laid out to fit the terminal."""

from __future__ import annotations

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


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
@pytest.mark.parametrize("words", PAGES, ids=IDS)
def test_every_help_page_fits_an_80_column_terminal_counted_in_display_cells(
    invoke: Invoke, words: list[str], lang: str
) -> None:
    run = invoke([*words, "--help"], env={"CARDGUIDE_LANG": lang, "COLUMNS": "80"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.endswith("\n")
    too_wide = [line for line in run.stdout.splitlines() if cell_len(line) > 80]
    assert not too_wide


@pytest.mark.parametrize("words", PAGES, ids=IDS)
def test_a_chinese_help_page_is_in_chinese_from_its_first_word(
    invoke: Invoke, words: list[str]
) -> None:
    run = invoke([*words, "--help"], env={"CARDGUIDE_LANG": "zh", "COLUMNS": "200"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith(f"用法：cardguide {' '.join(words)}".rstrip() + " [选项]")
    assert not [word for word in ENGLISH_FRAME if word in run.stdout]
    if words:
        assert say(keyed("command", words[0]), "zh") in run.stdout
        assert "示例：cardguide " + words[0] in run.stdout


def test_the_lang_option_chooses_the_help_language_over_the_locale(invoke: Invoke) -> None:
    run = invoke(["apply", "--lang", "zh", "--help"], env={"LANG": "en_US.UTF-8"})
    assert (run.exit_code, run.stderr) == (0, "")
    assert "适用于新生儿（由父母或监护人办理）。" in run.stdout
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
        "--newborn\t适用于新生儿（由父母或监护人办理）。\n",
        "",
    )
    run = invoke([], env=asking)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "--newborn\tFor a newborn (a parent or guardian applies).\n",
        "",
    )
