"""The command line: the only module that reads arguments and stdin, prints, and sets exit codes."""

from __future__ import annotations

import datetime
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
from .dates import parse_date
from .documents import (
    Document,
    build_check,
    build_checklist,
    build_faq,
    build_guide_view,
    build_listing,
)
from .errors import (
    EXIT_DATA,
    EXIT_USAGE,
    Cancelled,
    CardguideError,
    ProfileConflict,
    RegionNotFound,
    UsageProblem,
)
from .match import relevant_facets
from .model import ChannelKind, Event, Facet
from .profile import (
    APPLICANT_FLAGS,
    FACET_LABELS,
    SITUATIONS,
    Profile,
    flag_for,
    make_profile,
)
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


def _flag(facet: Facet) -> Any:
    return typer.Option(flag_for(facet), help=f"For {FACET_LABELS[facet]}.", rich_help_panel="Who")


def _date(flag: str, help: str) -> Any:
    return typer.Option(flag, metavar="YYYY-MM-DD", help=help, show_default=False)


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


@dataclass(frozen=True)
class Request:
    """The options every guide command shares."""

    region: str | None
    facets: frozenset[Facet]
    fmt: Format
    no_input: bool
    why: bool
    circumstances: tuple[Facet, ...] = ()  # the command's own facet flags (--lost, --by-proxy)


def _keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def guide_command(
    *, circumstances: tuple[Facet, ...] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared region, profile and output options, handed over as a Request.

    Typer reads a command's options from its signature, so the shared ones are added to the
    signature here once instead of being repeated in every command. `circumstances` are the
    extra facet flags the command takes (`--lost`, `--by-proxy`).
    """
    facets = (*APPLICANT_FLAGS, *circumstances)
    shared = [
        _keyword("region", RegionOption, None),
        *(_keyword(f, Annotated[bool, _flag(f)], False) for f in facets),
        _keyword("fmt", FormatOption, "text"),
        _keyword("why", WhyOption, False),
        _keyword("no_input", NoInputOption, False),
    ]

    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        own = [
            parameter
            for parameter in inspect.signature(func, eval_str=True).parameters.values()
            if parameter.name != "request"
        ]

        @functools.wraps(func)
        def command(**kwargs: Any) -> None:
            request = Request(
                region=kwargs.pop("region"),
                facets=frozenset(f for f in facets if kwargs.pop(f)),
                fmt=kwargs.pop("fmt"),
                no_input=kwargs.pop("no_input"),
                why=kwargs.pop("why"),
                circumstances=circumstances,
            )
            func(request, **kwargs)

        parameters = [*own, *shared]
        command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        return command

    return decorate


def _stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def _emit(document: Document, request: Request) -> None:
    options = RenderOptions(
        plain=bool(os.environ.get("NO_COLOR")),  # https://no-color.org: set and not empty
        why=request.why,
    )
    renderer_for(request.fmt)(document, sys.stdout, options)
    # Flushing here lets a closed pipe surface inside the command, where it is handled.
    sys.stdout.flush()


def _guide(catalog: Catalog, query: str) -> Guide:
    return resolve(load_chain(catalog, catalog.find(query)))


def _today(text: str | None) -> datetime.date:
    return parse_date(text, "--today") if text else datetime.date.today()


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


def _ask_choice(question: str, options: list[str]) -> int:
    """A numbered choice; returns the index of the option chosen."""
    typer.echo(question, err=True)
    for number, option in enumerate(options, start=1):
        typer.echo(f"  {number}. {option}", err=True)
    while True:
        answer = _ask("Number")
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return int(answer) - 1
        typer.echo(f"  Please enter a number from 1 to {len(options)}.", err=True)


def _ask_yes(question: str) -> bool:
    while True:
        answer = _ask(f"{question} [y/N]").casefold()
        if answer in ("", "n", "no"):
            return False
        if answer in ("y", "yes"):
            return True
        typer.echo("  Please answer y or n.", err=True)


YES_NO_QUESTIONS: dict[Facet, str] = {
    "replacement": "Is this a replacement for a lost or damaged card?",
    "by_proxy": "Are you collecting the card for someone else?",
}


def _ask_profile(guide: Guide, procedure: str, circumstances: tuple[Facet, ...]) -> set[Facet]:
    """Ask only about the situations this region's data distinguishes for this procedure."""
    relevant = relevant_facets(guide, procedure)
    answers: set[Facet] = set()
    situations = [facet for facet in SITUATIONS if facet in relevant]
    if situations:
        labels = ["an adult applying for themselves (none of the below)"]
        choice = _ask_choice("Who is applying?", labels + [FACET_LABELS[f] for f in situations])
        if choice:
            answers.add(situations[choice - 1])
    if (
        "foreign_employee" in answers
        and "employer" in relevant
        and _ask_yes("Is the employer applying for you (unit bulk application)?")
    ):
        answers.add("employer")
    for facet, question in YES_NO_QUESTIONS.items():
        asked_here = facet in circumstances or (facet == "replacement" and procedure == "apply")
        if asked_here and facet in relevant and _ask_yes(question):
            answers.add(facet)
    return answers


def _prepare(request: Request, procedure: str, one_of: bool = False) -> tuple[Guide, Profile]:
    """Region and profile from the options, asking in a terminal for what is missing.

    With `one_of`, the command needs exactly one of its circumstance flags (`--lost` or
    `--damaged`).
    """
    circumstances = request.circumstances
    make_profile(request.facets)  # contradictions are usage errors before any lookup
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
    facets = set(request.facets)
    if interactive and not facets & set(APPLICANT_FLAGS):
        facets |= _ask_profile(guide, procedure, circumstances)
    if one_of and not facets & set(circumstances):
        if not interactive:
            flags = " or ".join(flag_for(f) for f in circumstances)
            raise UsageProblem(f"{procedure} needs {flags}")
        labels = [FACET_LABELS[f] for f in circumstances]
        facets.add(circumstances[_ask_choice("Which is it?", labels)])
    return guide, make_profile(facets)


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
    _emit(build_listing(Catalog()), Request(None, frozenset(), fmt, True, False))


@app.command()
def show(
    region: Annotated[
        str,
        typer.Argument(help="Region id or name.", autocompletion=_complete_region),
    ],
    fmt: FormatOption = "text",
) -> None:
    """Show a region's resolved guide: every procedure, who each item is for, its origin."""
    view = build_guide_view(_guide(Catalog(), region))
    _emit(view, Request(region, frozenset(), fmt, True, False))


@app.command()
@guide_command()
def apply(request: Request) -> None:
    """Your checklist for applying for a card: steps, where to go, materials, fees, time limits."""
    guide, profile = _prepare(request, "apply")
    _emit(build_checklist(guide, "apply", profile), request)


@app.command()
@guide_command()
def activate(request: Request, channel: ChannelOption = None) -> None:
    """How to activate a card: each channel, what it switches on, what to bring, caveats."""
    guide, profile = _prepare(request, "activate")
    _emit(build_checklist(guide, "activate", profile, channel), request)


@app.command()
@guide_command(circumstances=("lost", "damaged"))
def replace(request: Request) -> None:
    """Replacing a lost or damaged card: reporting the loss, the time limit, care meanwhile."""
    guide, profile = _prepare(request, "replace", one_of=True)
    _emit(build_checklist(guide, "replace", profile), request)


@app.command()
@guide_command(circumstances=("by_proxy",))
def collect(request: Request) -> None:
    """Collecting a finished card: what to bring, collecting for someone else, no notice."""
    guide, profile = _prepare(request, "collect")
    _emit(build_checklist(guide, "collect", profile), request)


@app.command()
@guide_command()
def update(request: Request) -> None:
    """Correcting personal details: what can be changed, and where."""
    guide, profile = _prepare(request, "update")
    _emit(build_checklist(guide, "update", profile), request)


@app.command()
@guide_command()
def reimburse(
    request: Request,
    bill_date: BillOption = None,
    today: TodayOption = None,
) -> None:
    """Care paid out of pocket before the card arrives: what to submit, where, and by when."""
    guide, profile = _prepare(request, "reimburse")
    now = _today(today)
    events: dict[Event, datetime.date] = {}
    if bill_date is not None:
        events["bill_date"] = _past_date(bill_date, "--bill-date", now)
    checklist = build_checklist(guide, "reimburse", profile, events=events, today=now)
    _emit(checklist, request)


@app.command()
def faq(
    query: Annotated[
        str | None, typer.Argument(help="Words to search for, in English or Chinese.")
    ] = None,
    region: RegionOption = None,
    fmt: FormatOption = "text",
    no_input: NoInputOption = False,
) -> None:
    """Questions and answers from the sources, searchable in English or Chinese."""
    request = Request(region, frozenset(), fmt, no_input, False)
    guide, profile = _prepare(request, "faq")
    _emit(build_faq(guide, profile, query), request)


# Dates that cannot lie in the future: a birth, a bill, a loss, a last payment.
_PAST_ONLY: tuple[Event, ...] = ("born", "bill_date", "lost_on", "last_paid")
# What each date says about the applicant.
_EVENT_FACETS: dict[Event, Facet] = {"born": "newborn", "hired_on": "employer", "lost_on": "lost"}


def _past_date(text: str, option: str, today: datetime.date) -> datetime.date:
    day = parse_date(text, option)
    if day > today:
        raise UsageProblem(
            f"{option} {day.isoformat()} is after today ({today.isoformat()}); "
            "give a date that has happened, or set --today"
        )
    return day


@app.command()
@guide_command()
def check(
    request: Request,
    born: BornOption = None,
    paid: PaidOption = None,
    bill_date: BillOption = None,
    lost_on: LostOption = None,
    last_paid: LastPaidOption = None,
    hired_on: HiredOption = None,
    today: TodayOption = None,
) -> None:
    """Deadlines and eligibility from your dates: yes, no or need more information, with rules."""
    now = _today(today)
    given: dict[Event, str | None] = {
        "born": born,
        "paid": paid,
        "bill_date": bill_date,
        "lost_on": lost_on,
        "last_paid": last_paid,
        "hired_on": hired_on,
    }
    events: dict[Event, datetime.date] = {}
    for event, text in given.items():
        if text is not None:
            option = flag_for(event)
            events[event] = (
                _past_date(text, option, now) if event in _PAST_ONLY else parse_date(text, option)
            )
    if not events:
        options = ", ".join(flag_for(event) for event in given)
        raise UsageProblem(f"check needs at least one date: {options}")
    if "paid" in events and "self_employed" not in request.facets:
        raise UsageProblem("--paid is a self-employed person's payment date; add --self-employed")
    implied = {e: _EVENT_FACETS[e] for e in events if e in _EVENT_FACETS}
    try:
        profile = make_profile(request.facets | set(implied.values()))
    except ProfileConflict as conflict:
        said = ", ".join(f"{flag_for(e)} means {flag_for(f)}" for e, f in implied.items())
        raise ProfileConflict(f"{said}; {conflict}") from None
    catalog = Catalog()
    guide = _guide(catalog, request.region or "national")
    _emit(build_check(guide, profile, events, now), request)


def main() -> None:
    app(prog_name="cardguide")
