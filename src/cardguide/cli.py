"""The command line: the only module that reads arguments and stdin, prints, and sets exit codes."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .catalog import Catalog
from .documents import Document, build_checklist, build_guide_view, build_listing
from .errors import (
    EXIT_DATA,
    EXIT_USAGE,
    Cancelled,
    CardguideError,
    RegionNotFound,
    UsageProblem,
)
from .match import relevant_facets
from .model import ChannelKind, Facet
from .profile import FACET_LABELS, FACETS, SITUATIONS, Profile, flag_for, make_profile
from .render import Format, RenderOptions, renderer_for
from .resolve import Guide, load_chain, resolve

EPILOG = (
    f"Exit codes: 0 success; {EXIT_DATA} data or lookup error (broken region file, unknown "
    f"region); {EXIT_USAGE} usage error (bad or contradictory options, a missing answer "
    "without a terminal); 130 interrupted."
)


class _Group(TyperGroup):
    """Catches every anticipated error in one place and maps it to its documented exit code."""

    # Typed loosely: the base class takes the click Context that typer vendors privately.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CardguideError as error:
            typer.echo(f"cardguide: error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    name="cardguide",
    cls=_Group,
    help=(
        "Checklists for getting, activating and keeping a Chinese social security card / "
        "medical insurance card, from each region's sourced rules."
    ),
    epilog=EPILOG,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help and plain one-line errors, without loading rich
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _complete_region(incomplete: str) -> list[str]:
    return [region_id for region_id in Catalog().ids() if region_id.startswith(incomplete)]


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="text for people (plain when piped), json for scripts."),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        help="Region id or name, e.g. ningbo or 宁波 (`cardguide regions` lists them).",
        show_default=False,
        autocompletion=_complete_region,
    ),
]
NoInputOption = Annotated[
    bool,
    typer.Option("--no-input", help="Never prompt; a missing answer is a usage error (exit 2)."),
]
ChannelOption = Annotated[
    ChannelKind | None,
    typer.Option("--channel", "-c", help="Only this activation channel.", show_default=False),
]


@dataclass(frozen=True)
class Request:
    """The options every checklist command shares."""

    region: str | None
    facets: frozenset[Facet]
    fmt: Format
    no_input: bool


def _keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


_SHARED_PARAMETERS = [
    _keyword("region", RegionOption, None),
    *(
        _keyword(
            facet,
            Annotated[
                bool,
                typer.Option(
                    flag_for(facet),
                    help=f"For {FACET_LABELS[facet]}.",
                    rich_help_panel="Who is applying",
                ),
            ],
            False,
        )
        for facet in FACETS
    ),
    _keyword("fmt", FormatOption, "text"),
    _keyword("no_input", NoInputOption, False),
]


def checklist_command(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared region, profile and output options, handed over as a Request.

    Typer reads a command's options from its signature, so the shared ones are added to the
    signature here once instead of being repeated in every command.
    """
    own = [
        parameter
        for parameter in inspect.signature(func, eval_str=True).parameters.values()
        if parameter.name != "request"
    ]

    @functools.wraps(func)
    def command(**kwargs: Any) -> None:
        request = Request(
            region=kwargs.pop("region"),
            facets=frozenset(facet for facet in FACETS if kwargs.pop(facet)),
            fmt=kwargs.pop("fmt"),
            no_input=kwargs.pop("no_input"),
        )
        func(request, **kwargs)

    parameters = [*own, *_SHARED_PARAMETERS]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return command


def _stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def _emit(document: Document, fmt: Format) -> None:
    plain = bool(os.environ.get("NO_COLOR"))  # https://no-color.org: set and not empty
    renderer_for(fmt)(document, sys.stdout, RenderOptions(plain=plain))
    # Flushing here lets a closed pipe surface inside the command, where it is handled.
    sys.stdout.flush()


def _guide(catalog: Catalog, query: str) -> Guide:
    return resolve(load_chain(catalog, catalog.find(query)))


# --- the interview -------------------------------------------------------------------------


def _ask(question: str) -> str:
    """One question on stderr, one answer line from stdin; stdout stays for data.

    click's prompt echoes part of the prompt through input(), which writes to stdout and would
    corrupt `cardguide apply > checklist.txt`, so the interview reads lines itself.
    """
    sys.stderr.write(f"{question}: ")
    sys.stderr.flush()
    try:
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # end the question's line; typer then exits with 130
        raise
    if not line:
        raise Cancelled("cancelled: no answer (end of input)")
    return line.strip()


def _ask_region(catalog: Catalog) -> str:
    while True:
        answer = _ask("Region (id or name, e.g. ningbo or 宁波)")
        try:
            return catalog.find(answer)
        except RegionNotFound as miss:
            typer.echo(f"  {miss.message}", err=True)


def _ask_number(question: str, highest: int) -> int:
    while True:
        answer = _ask(question)
        if answer.isdigit() and 1 <= int(answer) <= highest:
            return int(answer)
        typer.echo(f"  Please enter a number from 1 to {highest}.", err=True)


def _ask_yes(question: str) -> bool:
    while True:
        answer = _ask(f"{question} [y/N]").casefold()
        if answer in ("", "n", "no"):
            return False
        if answer in ("y", "yes"):
            return True
        typer.echo("  Please answer y or n.", err=True)


def _ask_profile(guide: Guide, procedure: str) -> frozenset[Facet]:
    """Ask only about the situations this region's data distinguishes for this procedure."""
    relevant = relevant_facets(guide, procedure)
    answers: set[Facet] = set()
    situations = [facet for facet in SITUATIONS if facet in relevant]
    if situations:
        typer.echo("Who is applying?", err=True)
        typer.echo("  1. an adult applying for themselves (none of the below)", err=True)
        for number, facet in enumerate(situations, start=2):
            typer.echo(f"  {number}. {FACET_LABELS[facet]}", err=True)
        choice = _ask_number("Number", len(situations) + 1)
        if choice > 1:
            answers.add(situations[choice - 2])
    employer_question = "Is the employer applying for you (unit bulk application)?"
    if "foreign_employee" in answers and "employer" in relevant and _ask_yes(employer_question):
        answers.add("employer")
    replacement_question = "Is this a replacement for a lost or damaged card?"
    if "replacement" in relevant and _ask_yes(replacement_question):
        answers.add("replacement")
    return frozenset(answers)


def _prepare(request: Request, procedure: str) -> tuple[Guide, Profile]:
    """Region and profile from the options, asking in a terminal for what is missing."""
    profile = make_profile(request.facets)  # contradictions are usage errors before any lookup
    interactive = not request.no_input and _stdin_is_tty()
    catalog = Catalog()
    if request.region is not None:
        guide = _guide(catalog, request.region)
    elif interactive:
        guide = resolve(load_chain(catalog, _ask_region(catalog)))
    else:
        raise UsageProblem(
            "missing --region (give a region id or name; cardguide asks only in a terminal "
            "and never with --no-input)"
        )
    if not request.facets and interactive:
        profile = make_profile(_ask_profile(guide, procedure))
    return guide, profile


# --- commands --------------------------------------------------------------------------------


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cardguide {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Checklists for getting, activating and keeping a Chinese social security card."""


@app.command()
def regions(fmt: FormatOption = "text") -> None:
    """List every region: id, names, level, parent and review date."""
    _emit(build_listing(Catalog()), fmt)


@app.command()
def show(
    region: Annotated[
        str,
        typer.Argument(
            help="Region id or name.", autocompletion=_complete_region, show_default=False
        ),
    ],
    fmt: FormatOption = "text",
) -> None:
    """Show a region's resolved guide: every procedure, who each item is for, its origin."""
    _emit(build_guide_view(_guide(Catalog(), region)), fmt)


@app.command()
@checklist_command
def apply(request: Request) -> None:
    """Your checklist for applying for a card: steps, where to go, materials, fees, time limits."""
    guide, profile = _prepare(request, "apply")
    _emit(build_checklist(guide, "apply", profile), request.fmt)


@app.command()
@checklist_command
def activate(request: Request, channel: ChannelOption = None) -> None:
    """How to activate a card: each channel, what it switches on, what to bring, caveats."""
    guide, profile = _prepare(request, "activate")
    _emit(build_checklist(guide, "activate", profile, channel), request.fmt)


def main() -> None:
    app(prog_name="cardguide")
