"""The command line: the only module that reads arguments and stdin, prints, and sets exit codes."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import enum
import functools
import inspect
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from typer.core import TyperGroup

from . import __version__
from .catalog import Catalog, Found, shipped_dir
from .dates import parse_date
from .documents import (
    Document,
    build_check,
    build_checklist,
    build_diff,
    build_faq,
    build_guide_view,
    build_listing,
)
from .errors import (
    EXIT_DATA,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ProfileConflict,
    UsageProblem,
)
from .interview import Interview
from .model import ChannelKind, Event, Facet
from .output_schema import OUTPUT_KINDS, output_schema
from .profile import APPLICANT_FLAGS, Profile, flag_for, make_profile
from .render import Format, RenderOptions, renderer_for
from .resolve import Guide, load_chain, resolve
from .schema import region_schema
from .terminal import Messages, flag_in, language, outcome, run
from .validate import DEFAULT_MAX_AGE, region_files
from .validate import validate as validate_files
from .wording import LangChoice, Msg, join, keyed, msg, say

EPILOG = (
    f"Exit codes: {EXIT_OK} success; {EXIT_DATA} data or lookup error (broken region file, unknown "
    f"region); {EXIT_USAGE} usage error (bad or contradictory options, a missing answer "
    f"without a terminal); {EXIT_INTERNAL} internal error; {EXIT_INTERRUPTED} interrupted."
)


COMPLETE_VAR = "_CARDGUIDE_COMPLETE"  # set by the completion scripts when they ask


class _Group(TyperGroup):
    """Runs every command through `terminal.run`, the one place errors become exit codes."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        choice = language(flag_in(argv), os.environ)
        if COMPLETE_VAR in os.environ:  # the shell asks what may come next
            from typer._completion_classes import completion_init

            completion_init()  # makes zsh and fish known, not only bash

        def invoke() -> Any:
            return super(_Group, self).main(
                argv, prog_name, complete_var or COMPLETE_VAR, False, windows_expand_args, **extra
            )

        named = next((arg for arg in argv if not arg.startswith("-")), "")
        command = f"cardguide {named}" if named in self.commands else "cardguide"
        code = run(invoke, choice, command)
        if standalone_mode:
            sys.exit(code)
        return code

    def outcome(self, argv: list[str]) -> tuple[int, Msg | None]:
        """Run one command line and say how it ended, printing no error (for `batch`)."""

        def invoke() -> Any:
            return super(_Group, self).main(argv, "cardguide", None, False)

        named = next((arg for arg in argv if not arg.startswith("-")), "")
        return outcome(invoke, f"cardguide {named}")

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # An unknown command is a usage error in the catalog's words, with close ones named.
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, list(self.commands))
            key = "error.no_command_close" if close else "error.no_command"
            raise UsageProblem(msg(key, name=name, close=join(close, "or")))
        return super().resolve_command(ctx, args)


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
    add_completion=False,  # --show-completion below takes the shell's name
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _complete_region(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Region ids and names for the shell, local regions too; never an error at a prompt."""
    from .completion import region_candidates
    from .errors import CardguideError

    given = [str(d) for d in ctx.params.get("data_dirs") or ()]
    given += os.environ.get("CARDGUIDE_PATH", "").split(os.pathsep)
    overlays = [Path(entry) for entry in dict.fromkeys(given) if entry and Path(entry).is_dir()]
    try:
        return region_candidates(Catalog(overlays=overlays), incomplete)
    except (CardguideError, OSError):
        return []


def _flag(facet: Facet) -> Any:
    label = say(keyed("facet", facet), "en")  # --help stays English
    return typer.Option(flag_for(facet), help=f"For {label}.", rich_help_panel="Who")


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
        autocompletion=_complete_region,
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


@dataclass(frozen=True)
class Request:
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


def _keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
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
        *([_keyword("region", RegionOption, None)] if region else []),
        *(_keyword(f, Annotated[bool, _flag(f)], False) for f in facets),
        _keyword("fmt", FormatOption, "text"),
        _keyword("lang", LangOption, None),
        *([_keyword("why", WhyOption, False)] if profile else []),
        *([_keyword("no_input", NoInputOption, False)] if region else []),
        _keyword("data_dirs", DataDirOption, None),
        _keyword("today", TodayOption, None),
        _keyword("quiet", QuietOption, False),
        _keyword("no_pager", NoPagerOption, False),
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
                today=parse_date(today, "--today") if today else _system_today(),
                lang=language(kwargs.pop("lang"), os.environ),
                region=kwargs.pop("region", None),
                facets=frozenset(f for f in facets if kwargs.pop(f)),
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


def _overlays(request: Request) -> list[Path]:
    """--data-dir directories, then CARDGUIDE_PATH's, in the order given."""
    listed = [str(d) for d in request.data_dirs]
    listed += [entry for entry in os.environ.get("CARDGUIDE_PATH", "").split(os.pathsep) if entry]
    for entry in listed:
        if not Path(entry).is_dir():
            raise UsageProblem(msg("error.data_dir", path=entry))
    return list(dict.fromkeys(Path(entry) for entry in listed))


def _catalog(request: Request) -> Catalog:
    catalog = Catalog(overlays=_overlays(request))
    for path in catalog.skipped():
        # Said, never silently dropped; everything else still works.
        Messages(request.lang).warning(msg("catalog.skipped", file=path))
    return catalog


def _stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def _system_today() -> datetime.date:
    return datetime.date.today()


def _stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def _paged(document: Document, request: Request, options: RenderOptions) -> bool:
    """Long text for a person at a terminal goes through their pager; False when it did not."""
    if not (request.pager and request.fmt in ("text", "markdown") and _stdout_is_tty()):
        return False
    from . import pager

    chosen = pager.command()
    if chosen is None:
        return False
    # Rendered for the terminal the pager shows it on, with styles unless NO_COLOR.
    buffer = io.StringIO()
    renderer_for(request.fmt)(
        document, buffer, dataclasses.replace(options, styled=not options.plain)
    )
    text = buffer.getvalue()
    if pager.fits(text):
        sys.stdout.write(text)
    else:
        pager.show(text, chosen)
    return True


def _emit(document: Document, request: Request) -> None:
    plain = bool(os.environ.get("NO_COLOR"))  # https://no-color.org: set and not empty
    options = RenderOptions(lang=request.lang, plain=plain, why=request.why, today=request.today)
    if not _paged(document, request, options):
        renderer_for(request.fmt)(document, sys.stdout, options)
    # Flushing here lets a closed pipe surface inside the command, where it is handled.
    sys.stdout.flush()
    stale = [review for review in getattr(document, "reviews", []) if review.stale]
    # Said once, in one line, and only to people: JSON carries `stale` in the document itself.
    if stale and request.fmt == "text" and not request.quiet:
        regions = join(
            msg(
                "warn.stale_local" if review.overlay else "warn.stale_region",
                region=review.region,
                date=review.last_reviewed,
            )
            for review in stale
        )
        Messages(request.lang).warning(msg("warn.stale", regions=regions))


def _guide(catalog: Catalog, query: str | Found, lang: LangChoice = "en") -> Guide:
    try:
        found = catalog.locate(query) if isinstance(query, str) else query
    finally:
        for problem in dict.fromkeys(catalog.broken):  # each once, found or not
            Messages(lang).warning(msg("catalog.left_out", problem=problem.as_message()))
        catalog.broken.clear()
    guide = resolve(load_chain(catalog, found.region))
    return dataclasses.replace(guide, place=found.place)


def _prepare(request: Request, procedure: str, one_of: bool = False) -> tuple[Guide, Profile]:
    """Region and profile from the options, asking in a terminal for what is missing.

    With `one_of`, the command needs exactly one of its circumstance flags (`--lost` or
    `--damaged`).
    """
    circumstances = request.circumstances
    make_profile(request.facets)  # contradictions are usage errors before any lookup
    catalog = _catalog(request)
    if request.no_input or not _stdin_is_tty():
        if request.region is None:
            raise UsageProblem(msg("error.no_region"))
        if one_of and not request.facets & set(circumstances):
            flags = join((flag_for(f) for f in circumstances), "or")
            raise UsageProblem(msg("error.needs_one_of", command=procedure, flags=flags))
        return _guide(catalog, request.region, request.lang), make_profile(request.facets)
    editing = _stdin_is_tty() and _stdout_is_tty()
    interview = Interview(Messages(request.lang), editing=editing)
    guides: dict[str | Found, Guide] = {}  # going back replays the answers: resolve each once

    def guide_for(place: str | Found) -> Guide:
        if place not in guides:
            guides[place] = _guide(catalog, place, request.lang)
        return guides[place]

    def questions() -> tuple[Guide, set[Facet]]:
        place = request.region if request.region is not None else interview.region(catalog)
        guide = guide_for(place)
        facets = set(request.facets)
        if not facets & set(APPLICANT_FLAGS):
            facets |= interview.profile(guide, procedure, circumstances)
        if one_of and not facets & set(circumstances):
            facets.add(interview.one_of(circumstances))
        return guide, facets

    guide, facets = interview.run(questions)
    return guide, make_profile(facets)


# --- commands --------------------------------------------------------------------------------


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cardguide {__version__}")
        raise typer.Exit()


def _show_completion(shell: str | None) -> None:
    if shell is None:
        return
    from typer._completion_shared import get_completion_script

    from .completion import SHELLS

    if shell not in SHELLS:
        raise UsageProblem(msg("error.shell", shell=shell, shells=", ".join(SHELLS)))
    typer.echo(get_completion_script(prog_name="cardguide", complete_var=COMPLETE_VAR, shell=shell))
    raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for bash, zsh or fish. "
            'Install: eval "$(cardguide --show-completion bash)" in ~/.bashrc, the same with zsh '
            "in ~/.zshrc, or save the fish one to ~/.config/fish/completions/cardguide.fish.",
        ),
    ] = None,
) -> None:
    """Checklists for getting, activating and keeping a Chinese social security card."""


@app.command()
@cardguide_command()
def regions(request: Request) -> None:
    """List every region: id, names, level, parent and review date.

    Example: cardguide regions --format json
    """
    listing = build_listing(_catalog(request), request.today)
    for problem in listing.problems:
        Messages(request.lang).warning(msg("catalog.left_out", problem=problem.as_message()))
    _emit(listing, request)


@app.command()
@cardguide_command()
def show(
    request: Request,
    name: Annotated[
        str,
        typer.Argument(
            help="Region id or name.", metavar="REGION", autocompletion=_complete_region
        ),
    ],
) -> None:
    """Show a region's resolved guide: every procedure, who each item is for, its origin.

    Example: cardguide show 宁波
    """
    _emit(build_guide_view(_guide(_catalog(request), name, request.lang), request.today), request)


@app.command()
@cardguide_command(region=True, profile=True)
def apply(request: Request) -> None:
    """Your checklist for applying for a card: steps, where to go, materials, fees, time limits.

    Example: cardguide apply --region ningbo --newborn
    """
    guide, profile = _prepare(request, "apply")
    # Only the interview can say lost or damaged here: it leads a replacement to `replace`.
    procedure = "replace" if {"lost", "damaged"} & profile.facets else "apply"
    _emit(build_checklist(guide, procedure, profile, request.today), request)


@app.command()
@cardguide_command(region=True, profile=True)
def activate(request: Request, channel: ChannelOption = None) -> None:
    """How to activate a card: each channel, what it switches on, what to bring, caveats.

    Example: cardguide activate --region 上海 --channel bank
    """
    guide, profile = _prepare(request, "activate")
    _emit(build_checklist(guide, "activate", profile, request.today, channel), request)


@app.command()
@cardguide_command(region=True, profile=True, circumstances=("lost", "damaged"))
def replace(request: Request) -> None:
    """Replacing a lost or damaged card: reporting the loss, the time limit, care meanwhile.

    Example: cardguide replace --region ningbo --lost
    """
    guide, profile = _prepare(request, "replace", one_of=True)
    _emit(build_checklist(guide, "replace", profile, request.today), request)


@app.command()
@cardguide_command(region=True, profile=True, circumstances=("by_proxy",))
def collect(request: Request) -> None:
    """Collecting a finished card: what to bring, collecting for someone else, no notice.

    Example: cardguide collect --region shanghai --by-proxy
    """
    guide, profile = _prepare(request, "collect")
    _emit(build_checklist(guide, "collect", profile, request.today), request)


@app.command()
@cardguide_command(region=True, profile=True)
def update(request: Request) -> None:
    """Correcting personal details: what can be changed, and where.

    Example: cardguide update --region shanghai
    """
    guide, profile = _prepare(request, "update")
    _emit(build_checklist(guide, "update", profile, request.today), request)


@app.command()
@cardguide_command(region=True, profile=True)
def reimburse(request: Request, bill_date: BillOption = None) -> None:
    """Care paid out of pocket before the card arrives: what to submit, where, and by when.

    Example: cardguide reimburse --region ningbo --bill-date 2026-05-10
    """
    guide, profile = _prepare(request, "reimburse")
    events: dict[Event, datetime.date] = {}
    if bill_date is not None:
        events["bill_date"] = _past_date(bill_date, "--bill-date", request.today)
    checklist = build_checklist(guide, "reimburse", profile, request.today, events=events)
    _emit(checklist, request)


@app.command()
@cardguide_command(region=True)
def faq(
    request: Request,
    query: Annotated[
        str | None, typer.Argument(help="Words to search for, in English or Chinese.")
    ] = None,
) -> None:
    """Questions and answers from the sources, searchable in English or Chinese.

    Example: cardguide faq --region ningbo 挂失
    """
    guide, profile = _prepare(request, "faq")
    _emit(build_faq(guide, profile, query, request.today), request)


# Dates that cannot lie in the future: a birth, a bill, a loss, a last payment.
_PAST_ONLY: tuple[Event, ...] = ("born", "bill_date", "lost_on", "last_paid")
# What each date says about the applicant.
_EVENT_FACETS: dict[Event, Facet] = {"born": "newborn", "hired_on": "employer", "lost_on": "lost"}


def _past_date(text: str, option: str, today: datetime.date) -> datetime.date:
    day = parse_date(text, option)
    if day > today:
        raise UsageProblem(msg("error.future", option=option, date=day, today=today))
    return day


@app.command()
@cardguide_command(region=True, profile=True)
def check(
    request: Request,
    born: BornOption = None,
    paid: PaidOption = None,
    bill_date: BillOption = None,
    lost_on: LostOption = None,
    last_paid: LastPaidOption = None,
    hired_on: HiredOption = None,
) -> None:
    """Deadlines and eligibility from your dates: yes, no or need more information, with rules.

    Example: cardguide check --region ningbo --born 2026-10-01
    """
    now = request.today
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
            past = event in _PAST_ONLY
            events[event] = _past_date(text, option, now) if past else parse_date(text, option)
    if not events:
        options = join(flag_for(event) for event in given)
        raise UsageProblem(msg("error.no_dates", options=options))
    if "paid" in events and "self_employed" not in request.facets:
        raise UsageProblem(msg("error.paid_alone"))
    implied = {e: _EVENT_FACETS[e] for e in events if e in _EVENT_FACETS}
    try:
        profile = make_profile(request.facets | set(implied.values()))
    except ProfileConflict as conflict:
        said = join(
            (
                msg("error.date_means", date=flag_for(e), flag=flag_for(f))
                for e, f in implied.items()
            )
        )
        raise ProfileConflict(
            msg("error.date_conflict", dates=said, reason=conflict.message)
        ) from None
    guide = _guide(_catalog(request), request.region or "national", request.lang)
    _emit(build_check(guide, profile, events, now), request)


@app.command()
@cardguide_command()
def diff(
    request: Request,
    first: Annotated[
        str,
        typer.Argument(help="A region id or name.", metavar="A", autocompletion=_complete_region),
    ],
    second: Annotated[
        str,
        typer.Argument(
            help="Another region id or name.", metavar="B", autocompletion=_complete_region
        ),
    ],
) -> None:
    """What differs between two regions' resolved guides, item by item.

    Example: cardguide diff ningbo hangzhou
    """
    catalog = _catalog(request)
    a, b = _guide(catalog, first, request.lang), _guide(catalog, second, request.lang)
    _emit(build_diff(a, b, request.today), request)


@app.command()
@cardguide_command()
def validate(
    request: Request,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Region files or directories; default: all data cardguide loads."),
    ] = None,
    max_age: Annotated[
        int, typer.Option("--max-age", min=1, help="Warn when a review is older (days).")
    ] = DEFAULT_MAX_AGE,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Check region files against every data rule; errors exit 1, warnings only with --strict.

    Example: cardguide validate --strict my-regions/
    """
    overlays = _overlays(request)
    named = list(paths or [*overlays, shipped_dir()])
    files, crowded = region_files(named)
    # The named files' directories come first, so their own parents and overrides are found.
    dirs = [p if p.is_dir() else p.parent for p in named]
    catalog = Catalog(overlays=[*dirs, *overlays], checked=False)
    report = validate_files(files, catalog, request.today, max_age, crowded)
    _emit(report, request)
    counts = msg(
        "validate.summary",
        errors=msg("count.errors", n=report.errors),
        warnings=msg("count.warnings", n=report.warnings),
        files=msg("count.files", n=len(files)),
    )
    Messages(request.lang).note(counts)
    if report.errors or (strict and report.warnings):
        raise typer.Exit(EXIT_DATA)


OutputKind = enum.Enum("OutputKind", {kind: kind for kind in OUTPUT_KINDS}, type=str)  # type: ignore[misc]


@app.command()
def schema(
    output: Annotated[
        OutputKind | None,
        typer.Option(
            "--output",
            help="Print the schema of this kind of JSON output instead: "
            + ", ".join(OUTPUT_KINDS)
            + ".",
            metavar="KIND",
        ),
    ] = None,
) -> None:
    """Print a JSON Schema: of region files, or with --output of one kind of JSON output.

    Example: cardguide schema --output checklist > checklist.schema.json
    """
    schema = region_schema() if output is None else output_schema(output.value)
    typer.echo(json.dumps(schema, ensure_ascii=False, indent=2))


BatchFormat = enum.Enum(  # type: ignore[misc]
    "BatchFormat", {f: f for f in ("jsonl", "csv", "html", "markdown", "text", "json")}, type=str
)


def _batch_formats(fmt: str | None, output_dir: Path | None) -> tuple[str, str | None]:
    """The format of the results on stdout, and of each row's own file (with --output-dir)."""
    from .batch import PAGE_SUFFIXES

    pages = ", ".join(PAGE_SUFFIXES)
    if output_dir is None:
        if fmt in PAGE_SUFFIXES:
            raise UsageProblem(msg("batch.needs_output_dir", format=fmt))
        return fmt or "jsonl", None
    if fmt is not None and fmt not in PAGE_SUFFIXES:
        raise UsageProblem(msg("batch.page_format", format=fmt, formats=pages))
    if output_dir.exists() and not output_dir.is_dir():
        raise UsageProblem(msg("error.output_dir", path=output_dir))
    return "jsonl", fmt or "html"


@app.command()
def batch(
    file: Annotated[
        str, typer.Argument(help="CSV with a header row, or JSON Lines; - reads stdin.")
    ],
    fmt: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (one JSON object per row, the default) or csv; with --output-dir, the "
            "format of each row's file: html (the default), markdown, text or json.",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Write each row's checklist to a file of its own in this directory "
            "(made if missing), named by row number, command, region and profile, e.g. "
            "0001-apply-ningbo-newborn.html; stdout lists each row's file or error.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    data_dirs: DataDirOption = None,
    today: TodayOption = None,
    quiet: QuietOption = False,
) -> None:
    """Answer for many people at once: one row each, one result each, in input order.

    Columns: command, region, profile (several joined by ;), channel, lang, query and the
    dates (born, paid, bill_date, lost_on, last_paid, hired_on, today). A bad row gets an
    error result naming its row and field; the others go on. Exit 1 when any row failed.

    Example: cardguide batch new-staff.csv --output-dir checklists/ --format html
    """
    from . import batch as batches

    choice = language(lang, os.environ)
    results, page = _batch_formats(fmt.value if fmt is not None else None, output_dir)
    text = batches.read_input(file, sys.stdin)
    rows = list(batches.read_rows(text))
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
    group = cast(_Group, typer.main.get_command(app))  # the app is built with cls=_Group
    shared = [*(arg for d in data_dirs or () for arg in ("--data-dir", str(d)))]
    shared += ["--today", today] if today else []
    done: dict[tuple[str, ...], tuple[int, Msg | None, str]] = {}  # a repeated row runs once
    failed = 0
    writer = batches.Writer(results, sys.stdout)
    progress = sys.stderr.isatty() and not quiet
    for index, row in enumerate(rows, start=1):
        try:
            args = batches.command_line(row)
        except batches.RowProblem as problem:
            failed += 1
            writer.error(row, [], EXIT_USAGE, problem.field_name, problem.message)
            continue
        # --lang given to batch is each row's default; a row's own lang comes later and wins.
        given = ("--lang", lang) if lang is not None else ()
        full = (args[0], *given, *args[1:], "--format", page or "json", "--no-input", "--quiet")
        full += tuple(shared)
        if full not in done:
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                code, message = group.outcome(list(full))
            done[full] = (code, message, out.getvalue())
        code, message, printed = done[full]
        if code != 0:
            failed += 1
            writer.error(row, args, code, batches.field_of(message), message)
        elif output_dir is not None and page is not None:
            name = batches.page_name(row, len(rows), page)
            try:
                writer.saved(row, args, batches.save_page(output_dir, name, printed))
            except OSError as error:
                failed += 1
                unwritten = msg("batch.unwritable", file=name, reason=error.strerror or "")
                writer.error(row, args, EXIT_DATA, None, unwritten)
        else:
            writer.result(row, args, json.loads(printed))
        if progress:
            counted = msg("batch.progress", done=index, total=len(rows))
            sys.stderr.write("\r" + say(counted, "zh" if choice == "zh" else "en"))
    if progress:
        sys.stderr.write("\n")
    sys.stdout.flush()
    if failed:
        Messages(choice).note(msg("batch.summary", failed=failed, total=len(rows)))
        raise typer.Exit(EXIT_DATA)


def main() -> None:
    app(prog_name="cardguide")
