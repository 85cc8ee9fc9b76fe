"""The options every command shares, handed to a command as one Request."""

from __future__ import annotations

import datetime
import functools
import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import typer

from cardguide.cli.terminal import language
from cardguide.errors import UsageProblem
from cardguide.model.profile import APPLICANT_FLAGS, HUKOU, flag_for
from cardguide.model.region import ChannelKind, Facet
from cardguide.render import Format
from cardguide.wording import LangChoice, keyed, msg, say


def complete_region(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Region ids and names for the shell, local regions too; never an error at a prompt."""
    from cardguide.cli.completion import region_candidates
    from cardguide.errors import CardguideError
    from cardguide.load.catalog import Catalog

    given = [str(d) for d in ctx.params.get("data_dirs") or ()]
    given += os.environ.get("CARDGUIDE_PATH", "").split(os.pathsep)
    overlays = [Path(entry) for entry in dict.fromkeys(given) if entry and os.path.isdir(entry)]  # noqa: PTH112
    try:
        return region_candidates(Catalog(overlays=overlays), incomplete)
    except (CardguideError, OSError):
        return []


def _flag(facet: Facet) -> Any:
    label = say(keyed("facet", facet), "en")  # --help stays English
    return typer.Option(flag_for(facet), help=f"For {label}.", rich_help_panel="Who")


HukouChoice = Literal["local", "elsewhere"]
HukouOption = Annotated[
    HukouChoice | None,
    typer.Option(
        "--hukou",
        help="Where the household registration (户籍) is: local or elsewhere. Asked only where "
        "the region's rules differ by it.",
        rich_help_panel="Who",
        show_default=False,
    ),
]


def _date(flag: str, help: str) -> Any:
    return typer.Option(flag, metavar="YYYY-MM-DD", help=help, show_default=False)


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="text for people (plain when piped), json for scripts, markdown, or html: a "
        "self-contained page to print, with tick boxes.",
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        help="Region id or name, e.g. ningbo or 宁波 (`cardguide regions` lists them).",
        show_default=False,
        autocompletion=complete_region,
    ),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        help="zh, en, or both (Chinese, then English). Default: CARDGUIDE_LANG, else the "
        "locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE; zh* is Chinese), else English.",
        show_default=False,
    ),
]
NoInputOption = Annotated[
    bool,
    typer.Option("--no-input", help="Never prompt; a missing answer is a usage error (exit 2)."),
]
NoPagerOption = Annotated[
    bool,
    typer.Option("--no-pager", help="Print long text straight out, not through PAGER (less)."),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No warning that the data is over a year old."),
]
WhyOption = Annotated[
    bool,
    typer.Option("--why", help="Show beside each item the profile answers and region behind it."),
]
ChannelOption = Annotated[
    ChannelKind | None,
    typer.Option("--channel", "-c", help="Only this activation channel.", show_default=False),
]
TodayOption = Annotated[str | None, _date("--today", "Count from this day, not today.")]
BornOption = Annotated[str | None, _date("--born", "Birth date: registration deadlines.")]
PaidOption = Annotated[str | None, _date("--paid", "With --self-employed: payment date.")]
BillOption = Annotated[str | None, _date("--bill-date", "Settlement bill date: claim deadline.")]
LostOption = Annotated[str | None, _date("--lost-on", "Day the card was lost: replace by when.")]
LastPaidOption = Annotated[str | None, _date("--last-paid", "Last insurance payment: lapsed?")]
HiredOption = Annotated[str | None, _date("--hired-on", "Start of employment: employer's duty.")]


DataDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data-dir",
        help="A directory of local region files that add regions or override shipped items; "
        "repeatable, searched before CARDGUIDE_PATH and the shipped data.",
        show_default=False,
    ),
]


class Request(msgspec.Struct, frozen=True):
    """The options a command was given, beyond its own."""

    fmt: Format
    data_dirs: tuple[Path, ...]
    today: datetime.date
    lang: LangChoice = "en"
    region: str | None = None
    facets: frozenset[Facet] = frozenset()
    no_input: bool = True
    why: bool = False
    circumstances: tuple[Facet, ...] = ()  # the command's own facet flags (--lost, --by-proxy)
    quiet: bool = False
    pager: bool = True


def keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def cardguide_command(
    *, region: bool = False, profile: bool = False, circumstances: tuple[Facet, ...] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared options, handed over as one Request.

    Typer reads a command's options from its signature, so the shared ones are added to the
    signature here once instead of being repeated in every command. Every command takes
    --format, --lang, --data-dir and --today; `region` adds --region and --no-input; `profile` adds
    the applicant flags, the command's `circumstances` (--lost, --by-proxy) and --why.
    """
    facets = (*APPLICANT_FLAGS, *circumstances) if profile else ()
    shared = [
        *([keyword("region", RegionOption, None)] if region else []),
        *(keyword(f, Annotated[bool, _flag(f)], False) for f in facets),
        *([keyword("hukou", HukouOption, None)] if profile else []),
        keyword("fmt", FormatOption, "text"),
        keyword("lang", LangOption, None),
        *([keyword("why", WhyOption, False)] if profile else []),
        *([keyword("no_input", NoInputOption, False)] if region else []),
        keyword("data_dirs", DataDirOption, None),
        keyword("today", TodayOption, None),
        keyword("quiet", QuietOption, False),
        keyword("no_pager", NoPagerOption, False),
    ]

    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        own = [
            parameter
            for parameter in inspect.signature(func, eval_str=True).parameters.values()
            if parameter.name != "request"
        ]

        @functools.wraps(func)
        def command(**kwargs: Any) -> None:
            today = kwargs.pop("today")
            request = Request(
                fmt=kwargs.pop("fmt"),
                data_dirs=tuple(kwargs.pop("data_dirs") or ()),
                # An empty --today is a mistake (a script's unset variable), never "today".
                today=system_today() if today is None else day(today, "--today"),
                lang=language(kwargs.pop("lang"), os.environ),
                region=kwargs.pop("region", None),
                facets=frozenset(f for f in facets if kwargs.pop(f))
                | ({HUKOU[hukou]} if (hukou := kwargs.pop("hukou", None)) else set()),
                no_input=kwargs.pop("no_input", True),
                why=kwargs.pop("why", False),
                circumstances=circumstances,
                quiet=kwargs.pop("quiet"),
                pager=not kwargs.pop("no_pager"),
            )
            func(request, **kwargs)

        parameters = [*own, *shared]
        command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        return command

    return decorate


def system_today() -> datetime.date:
    """Today, from the system clock (tests fix it)."""
    return datetime.date.today()


def past_date(text: str, option: str, today: datetime.date) -> datetime.date:
    given = day(text, option)
    if given > today:
        raise UsageProblem(msg("error.future", option=option, date=given, today=today))
    return given


def day(text: str, option: str) -> datetime.date:
    from cardguide.answers.dates import (
        parse_date,  # the holiday calendar and its parsing only when a date is given
    )

    return parse_date(text, option)
