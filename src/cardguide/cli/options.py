"""Each command's options, made from what its registry entry takes, and the Request they give."""

from __future__ import annotations

import datetime
import inspect
import os
import typing
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import typer

from cardguide.cli.terminal import language
from cardguide.commands import Command
from cardguide.model.profile import APPLICANT_FLAGS, HUKOU, flag_for
from cardguide.model.region import ChannelKind, Event, Facet
from cardguide.model.request import DEFAULT_MAX_AGE, Request
from cardguide.render import Format
from cardguide.wording import LangChoice


def complete_region(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Region ids and names for the shell, local regions too; never an error at a prompt."""
    from cardguide.cli.completion import region_candidates
    from cardguide.errors import CardguideError
    from cardguide.load.catalog import Catalog

    given = data_dirs(ctx.params.get("data_dirs"))
    overlays = [entry for entry in given if os.path.isdir(entry)]  # noqa: PTH112
    try:
        return region_candidates(Catalog(overlays=overlays), incomplete)
    except (CardguideError, OSError):
        return []


# What each option and argument is, for --help, lives in cli/help_page.py with the catalog's words.


def _flag(facet: Facet) -> Any:
    return typer.Option(flag_for(facet))


def _date(flag: str) -> Any:
    return typer.Option(flag, metavar="YYYY-MM-DD", show_default=False)


def _place(metavar: str) -> Any:
    return typer.Argument(metavar=metavar, autocompletion=complete_region)


HukouChoice = Literal["local", "elsewhere"]
HukouOption = Annotated[
    HukouChoice | None,
    typer.Option(
        "--hukou",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        show_default=False,
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        show_default=False,
        autocompletion=complete_region,
    ),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        show_default=False,
    ),
]
DataDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data-dir",
        metavar="DIR",
        show_default=False,
    ),
]
TodayOption = Annotated[str | None, _date("--today")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q")]
NoInput = typer.Option("--no-input")
NoPager = typer.Option("--no-pager")
Why = typer.Option("--why")

DATES: tuple[Event, ...] = typing.get_args(Event)  # check's dates, each an option of its own
CAN_APPLY = typer.Option("--can-apply")
QUERY = typer.Argument(metavar="WORDS")
PATHS = typer.Argument(metavar="PATH...")
MAX_AGE = typer.Option("--max-age", min=1, metavar="DAYS", show_default=False)
STRICT = typer.Option("--strict")


# Commands take the words left over after their options and arguments and refuse them in the
# catalog's words (refuse_extra): click's own error for them is English in a Chinese line.
TAKES_EXTRA: dict[str, Any] = {"allow_extra_args": True}


def refuse_extra(ctx: typer.Context) -> None:
    """A usage problem for words the command does not take (`cardguide regions extra`)."""
    if ctx.args:
        import shlex

        from cardguide.errors import UsageProblem
        from cardguide.wording import msg

        words = shlex.join(ctx.args)  # quoted as typed: an empty word, a word with blanks
        raise UsageProblem(msg("error.extra_arguments", words=words, command=ctx.command_path))


def _option(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def _own(command: Command) -> list[inspect.Parameter]:
    """The options and arguments only this command has, in the order --help lists them."""
    takes = command.takes
    own: list[inspect.Parameter] = []
    if "place" in takes:
        own.append(_option("name", Annotated[str, _place("REGION")], ...))
    if "places" in takes:
        own.append(_option("first", Annotated[str, _place("A")], ...))
        own.append(_option("second", Annotated[str, _place("B")], ...))
    if "channel" in takes:
        channel = typer.Option("--channel", "-c", show_default=False)
        own.append(_option("channel", Annotated[ChannelKind | None, channel]))
    if "bill_date" in takes:
        bill = Annotated[str | None, _date("--bill-date")]
        own.append(_option("bill_date", bill))
    if "query" in takes:
        own.append(_option("query", Annotated[str | None, QUERY]))
    if "dates" in takes:
        for event in DATES:
            own.append(_option(event, Annotated[str | None, _date(flag_for(event))]))
        own.append(_option("can_apply", Annotated[bool, CAN_APPLY], False))
    if "validate" in takes:
        own.append(_option("paths", Annotated[list[Path] | None, PATHS]))
        own.append(_option("max_age", Annotated[int, MAX_AGE], DEFAULT_MAX_AGE))
        own.append(_option("strict", Annotated[bool, STRICT], False))
    return own


def signature(command: Command) -> inspect.Signature:
    """The command's parameters as typer reads them: its own, then the shared ones.

    Typer reads a command's options from its signature; the registry says what each command
    takes, so the signature is made here from that, once for every command.
    """
    profile = "profile" in command.takes
    region = "region" in command.takes
    facets = (*APPLICANT_FLAGS, *command.circumstances) if profile else ()
    shared = [
        *([_option("region", RegionOption)] if region else []),
        *(_option(f, Annotated[bool, _flag(f)], False) for f in facets),
        *([_option("hukou", HukouOption)] if profile else []),
        _option("fmt", FormatOption, "text"),
        _option("lang", LangOption),
        *([_option("why", Annotated[bool, Why], False)] if profile else []),
        *([_option("no_input", Annotated[bool, NoInput], False)] if region else []),
        _option("data_dirs", DataDirOption),
        _option("today", TodayOption),
        _option("quiet", QuietOption, False),
        _option("no_pager", Annotated[bool, NoPager], False),
    ]
    # The context first: typer hands it to the function, which refuses words left over.
    context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    return inspect.Signature([context, *_own(command), *shared])


class Output(msgspec.Struct, frozen=True):
    """How the person wants the answer: the command line's own concern, never the command's."""

    fmt: Format = "text"
    quiet: bool = False
    pager: bool = True
    no_input: bool = True


def output_of(values: dict[str, Any]) -> Output:
    return Output(
        fmt=values["fmt"],
        quiet=values["quiet"],
        pager=not values["no_pager"],
        no_input=values.get("no_input", True),
    )


def data_dirs(given: list[Path] | None) -> tuple[Path, ...]:
    """--data-dir directories, then CARDGUIDE_PATH's, in the order given."""
    listed = [Path(entry) for entry in given or ()]  # completion hands over the words typed
    listed += [Path(e) for e in os.environ.get("CARDGUIDE_PATH", "").split(os.pathsep) if e]
    return tuple(dict.fromkeys(listed))


def request_of(command: Command, values: dict[str, Any]) -> Request:
    """The Request the options give: dates read, the language and data directories found."""
    today = today_of(values["today"])
    facets = {f for f in (*APPLICANT_FLAGS, *command.circumstances) if values.get(f)}
    hukou = values.get("hukou")
    dates = {e: day(values[e], flag_for(e)) for e in DATES if values.get(e) is not None}
    name, first, second = values.get("name"), values.get("first"), values.get("second")
    return Request(
        today=today,
        lang=language(values["lang"], os.environ),
        data_dirs=data_dirs(values["data_dirs"]),
        region=values.get("region"),
        facets=frozenset(facets | ({HUKOU[hukou]} if hukou else set())),
        why=values.get("why", False),
        channel=values.get("channel"),
        dates=dates,
        can_apply=values.get("can_apply", False),
        query=values.get("query"),
        places=tuple(p for p in (name, first, second) if p is not None),
        paths=tuple(values.get("paths") or ()),
        max_age=values.get("max_age", DEFAULT_MAX_AGE),
        strict=values.get("strict", False),
    )


def today_of(text: str | None) -> datetime.date:
    """The date --today gives, or the clock's: batch and every command read it the same way."""
    # An empty --today is a mistake (a script's unset variable), never "today".
    return system_today() if text is None else day(text, "--today")


def system_today() -> datetime.date:
    """Today, from the system clock (tests fix it)."""
    return datetime.date.today()


def day(text: str, option: str) -> datetime.date:
    from cardguide.answers.dates import parse_date  # the holiday calendar only when a date is given

    return parse_date(text, option)
