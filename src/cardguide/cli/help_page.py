"""--help in the reader's language, wrapped by display cells as the checklists are."""

# click lays help out itself, in English frame words ("Usage:", "Options") and wrapping by
# characters, so Chinese lines come out twice as wide as the terminal. cardguide writes the page
# from the same parts click offers through its public API (the parameters, each one's option
# column, the usage pieces) with every word from the catalog.

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from cardguide.cli.terminal import text_width
from cardguide.commands import BY_NAME, OUTPUT_KINDS
from cardguide.errors import EXIT_DATA, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from cardguide.model.profile import APPLICANT_FLAGS
from cardguide.model.region import Event
from cardguide.model.request import DEFAULT_MAX_AGE
from cardguide.wording import LangChoice, Msg, join, keyed, msg, say

# What each parameter is, by its name; the names are the registry's and the batch command's.
_PARAMETERS: dict[str, Msg] = {
    "help": msg("help.help"),
    "version": msg("help.version"),
    "show_completion": msg("help.show_completion"),
    "region": msg("help.region"),
    "hukou": msg("help.hukou"),
    "fmt": msg("help.format"),
    "lang": msg("help.lang"),
    "why": msg("help.why"),
    "no_input": msg("help.no_input"),
    "data_dirs": msg("help.data_dir"),
    "today": msg("help.today"),
    "quiet": msg("help.quiet"),
    "no_pager": msg("help.no_pager"),
    "channel": msg("help.channel"),
    "can_apply": msg("help.can_apply"),
    "query": msg("help.query"),
    "paths": msg("help.paths"),
    "max_age": msg("help.max_age", days=DEFAULT_MAX_AGE),
    "strict": msg("help.strict"),
    "name": msg("help.place"),
    "first": msg("help.first"),
    "second": msg("help.second"),
    "output": msg("help.output", kinds=join(OUTPUT_KINDS)),
    "file": msg("help.file"),
    "output_dir": msg("help.output_dir"),
    "encoding": msg("help.encoding"),
}
_DATES: dict[Event, Msg] = {
    "born": msg("help.born"),
    "paid": msg("help.paid"),
    "bill_date": msg("help.bill_date"),
    "lost_on": msg("help.lost_on"),
    "last_paid": msg("help.last_paid"),
    "hired_on": msg("help.hired_on"),
}
# The batch command's own meaning of a shared name.
_BATCH: dict[str, Msg] = {"fmt": msg("help.batch_format")}
_FACETS = frozenset(
    (*APPLICANT_FLAGS, *(f for command in BY_NAME.values() for f in command.circumstances))
)

# The placeholders of values (`--data-dir DIR`) and the words each language writes them with.
_METAVARS = {
    "REGION": "region", "A": "a", "B": "b", "DIR": "dir", "DAYS": "days", "NAME": "name",
    "SHELL": "shell", "KIND": "kind", "WORDS": "words", "PATH...": "path", "FILE": "file",
}  # fmt: skip

_COLUMN = 30  # cells: option names wider than this put their help on the next line
_INDENT = 2
_NARROW = 24  # cells: a text column narrower than this goes under the names instead


def parameter_help(command: str, name: str) -> Msg | None:
    """What a parameter of `command` is, or None for one of click's own without words here."""
    if command == "batch" and name in _BATCH:
        return _BATCH[name]
    if name in _FACETS:
        return msg("help.facet", label=keyed("facet", name))
    if name in _DATES:
        return _DATES[name]
    return _PARAMETERS.get(name)


def command_help(name: str) -> list[Msg]:
    """The paragraphs of a command's help: what it does, more for batch, its examples."""
    command = BY_NAME[name]
    paragraphs = [keyed("command", name)]
    if name == "batch":
        paragraphs.append(msg("help.batch_columns"))
    examples = [msg("help.example", command=example) for example in command.examples]
    return [*paragraphs, *examples]


def app_help() -> list[Msg]:
    codes = msg(
        "help.exit_codes", ok=EXIT_OK, data=EXIT_DATA, usage=EXIT_USAGE, internal=EXIT_INTERNAL,
        interrupted=EXIT_INTERRUPTED,
    )  # fmt: skip
    return [msg("help.app"), codes]


def words(value: object, choice: LangChoice) -> str:
    """Text in the chosen language; both: the Chinese, then the English on the next line."""
    if choice == "both":
        return say(value, "zh") + "\n" + say(value, "en")
    return say(value, choice)


def width() -> int:
    """The width of a help page: the terminal's, as checklists take it, up to 78 cells (click's
    own never goes below 50, wider than a narrow terminal)."""
    return max(min(text_width(os.environ), 80) - 2, 20)


def frame(key: str, choice: LangChoice) -> str:
    """A word of the page's frame ("Usage:"): one language only, Chinese for both."""
    return say(msg(key), "zh" if choice == "both" else choice)


def _wrap(text: str, width: int) -> list[str]:
    # Imported here: the layout loads rich's cell widths, which only a help page needs.
    from cardguide.render.layout import wrap
    from cardguide.render.styled import Styled

    return [line.plain for line in wrap(Styled(text), max(width, 10))]


def _paragraph(text: str, width: int, indent: int) -> list[str]:
    return [" " * indent + line for line in _wrap(text, width - indent)]


def _rows(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Two columns, the second wrapped beside the first, as click lays out options; on a narrow
    terminal each text goes under its name instead."""
    from rich.cells import cell_len  # Chinese placeholders take two cells a character

    first = min(max((cell_len(name) for name, _ in rows), default=0), _COLUMN)
    text_width = width - _INDENT - first - 2
    lines: list[str] = []
    if text_width < _NARROW:
        under = " " * (_INDENT + 4)
        for name, text in rows:
            lines.append(" " * _INDENT + name)
            lines += [under + part for part in _wrap(text, width - len(under))] if text else []
        return lines
    for name, text in rows:
        wrapped = _wrap(text, text_width) if text else []
        pad = " " * (_INDENT + first + 2)
        if cell_len(name) <= first and wrapped:
            gap = " " * (first + 2 - cell_len(name))
            lines.append(" " * _INDENT + name + gap + wrapped.pop(0))
        else:
            lines.append(" " * _INDENT + name)
        lines += [pad + line for line in wrapped]
    return lines


def _short(text: str, width: int) -> str:
    """A command's one line in the list of commands: its first line, cut to fit."""
    first = text.split("\n")[0]
    cut = _wrap(first, width - 3)
    return cut[0] + ("..." if len(cut) > 1 else "")


def _placeholder(text: str, metavar: str | None, choice: LangChoice) -> str:
    """`text` with the value's placeholder at its end in the page's language."""
    if metavar not in _METAVARS or not text.endswith(metavar):
        return text
    shown = say(keyed("metavar", _METAVARS[metavar]), "zh" if choice == "both" else choice)
    return text[: len(text) - len(metavar)] + shown


def page(command: Any, ctx: Any, choice: LangChoice, width: int, paragraphs: Iterable[Msg]) -> str:
    """The whole help page of a click command (a group lists its commands too)."""
    name = ctx.info_name if ctx.parent is not None else ""
    pieces = [frame("help.options_metavar", choice)]
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for parameter in command.get_params(ctx):
        record = parameter.get_help_record(ctx)
        if record is None:
            continue  # hidden
        meaning = parameter_help(name, parameter.name)
        if parameter.param_type_name == "argument":
            shown = _placeholder(parameter.make_metavar(ctx), parameter.metavar, choice)
            pieces.append(shown if parameter.required else f"[{shown}]")
            if parameter.required and meaning is not None:
                meaning = msg("help.required", text=meaning)
        text = "" if meaning is None else words(meaning, choice)
        named = _placeholder(record[0], parameter.metavar, choice)
        (arguments if parameter.param_type_name == "argument" else options).append((named, text))
    commands = getattr(command, "commands", {})
    if commands:
        pieces.append(frame("help.command_metavar", choice))
    usage = msg("help.usage", line=" ".join([ctx.command_path, *pieces]))
    lines = [say(usage, "zh" if choice == "both" else choice), ""]
    body = [words(paragraph, choice) for paragraph in paragraphs]
    for text in body[:1] if commands else body:
        lines += [*_paragraph(text, width, _INDENT), ""]
    for heading, rows in (("help.arguments", arguments), ("help.options", options)):
        if rows:
            lines += [frame(heading, choice), *_rows(rows, width), ""]
    if commands:
        listed = [(n, words(keyed("command", n), choice)) for n in commands]
        column = max(len(n) for n, _ in listed)
        short = [(n, _short(text, width - _INDENT - column - 2)) for n, text in listed]
        lines += [frame("help.commands", choice), *_rows(short, width), ""]
        for text in body[1:]:
            lines += [*_paragraph(text, width, _INDENT), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# Cells of a description in a completion menu: typer renders it through rich, which wraps it
# at 80 cells, and the shells read one candidate a line.
_MENU = 60


def localize(group: Any, choice: LangChoice) -> None:
    """Each parameter's words in the chosen language (Chinese for both), cut to one short line,
    for the shell's completion menus (zsh, fish and PowerShell show them beside the options)."""
    lang = "zh" if choice == "both" else choice
    for name, command in [("", group), *group.commands.items()]:
        for parameter in command.params:
            meaning = parameter_help(name, parameter.name)
            if meaning is not None:
                parameter.help = _short(say(meaning, lang), _MENU)
        if name:
            command.help = _short(say(keyed("command", name), lang), _MENU)
