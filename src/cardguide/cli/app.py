"""The command line: the app, its commands, and the one place a run becomes an exit code."""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from cardguide import __version__
from cardguide.cli.context import catalog_for, emit, guide_for, overlays, prepare, report
from cardguide.cli.group import COMPLETE_VAR, EPILOG, Group
from cardguide.cli.options import (
    BillOption,
    BornOption,
    ChannelOption,
    HiredOption,
    LastPaidOption,
    LostOption,
    PaidOption,
    Request,
    cardguide_command,
    complete_region,
    day,
    keyword,
    past_date,
)
from cardguide.cli.terminal import Messages
from cardguide.commands import CHECKLISTS, DEFAULT_MAX_AGE, OUTPUT_KINDS, ChecklistCommand
from cardguide.errors import EXIT_DATA, DataError, ProfileConflict, UsageProblem
from cardguide.model.profile import flag_for, make_profile
from cardguide.model.region import ChannelKind, Event, Facet
from cardguide.wording import join, msg


def _new_app() -> typer.Typer:
    made = typer.Typer(
        name="cardguide",
        cls=Group,
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
    made.callback()(_root)
    return made


# Each command's name and the maker of its typer-ready function, in the order help lists them.
# A run makes and registers only the command it names: typer reads every registered command's
# signature at start-up, and making one reads its annotations too.
_COMMANDS: dict[str, Callable[[], Callable[..., None]]] = {}


def _command(
    *, region: bool = False, profile: bool = False, shared: bool = True
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Record a command; with `shared`, it takes the shared options as one Request."""

    def record(func: Callable[..., None]) -> Callable[..., None]:
        def make() -> Callable[..., None]:
            return cardguide_command(region=region, profile=profile)(func) if shared else func

        _COMMANDS[func.__name__] = make
        return func

    return record


# --- commands --------------------------------------------------------------------------------


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cardguide {__version__}")
        raise typer.Exit()


def _show_completion(shell: str | None) -> None:
    if shell is None:
        return
    from typer._completion_shared import get_completion_script

    from cardguide.cli.completion import SHELLS

    if shell not in SHELLS:
        raise UsageProblem(msg("error.shell", shell=shell, shells=", ".join(SHELLS)))
    typer.echo(get_completion_script(prog_name="cardguide", complete_var=COMPLETE_VAR, shell=shell))
    raise typer.Exit()


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
            help="Print the completion script for bash, zsh, fish, powershell (Windows "
            'PowerShell 5) or pwsh (PowerShell 7). Install: eval "$(cardguide --show-completion '
            'bash)" in ~/.bashrc, the same with zsh in ~/.zshrc, save the fish one to '
            "~/.config/fish/completions/cardguide.fish, or add `cardguide --show-completion pwsh "
            "| Out-String | Invoke-Expression` to your PowerShell $PROFILE.",
        ),
    ] = None,
) -> None:
    """Checklists for getting, activating and keeping a Chinese social security card."""


@_command()
def regions(request: Request) -> None:
    """List every region: id, names, level, parent and review date.

    Example: cardguide regions --format json
    """
    from cardguide.documents import build_listing

    catalog = catalog_for(request)
    listing = build_listing(catalog, request.today)
    report(catalog, request.lang)
    for problem in listing.problems:
        Messages(request.lang).warning(msg("catalog.left_out", problem=problem.as_message()))
    emit(listing, request)


@_command()
def show(
    request: Request,
    name: Annotated[
        str,
        typer.Argument(help="Region id or name.", metavar="REGION", autocompletion=complete_region),
    ],
) -> None:
    """Show a region's resolved guide: every procedure, who each item is for, its origin.

    Example: cardguide show 宁波
    """
    from cardguide.documents import build_guide_view

    guide = guide_for(catalog_for(request), name, request.lang)
    emit(build_guide_view(guide, request.today), request)


def _checklist(spec: ChecklistCommand) -> Callable[..., None]:
    """A checklist command made from its registry entry: its own options, its help, its work."""
    own = [
        *([keyword("channel", ChannelOption, None)] if spec.channel else []),
        *([keyword("bill_date", BillOption, None)] if spec.bill_date else []),
    ]

    def command(
        request: Request, channel: ChannelKind | None = None, bill_date: str | None = None
    ) -> None:
        from cardguide.documents import build_checklist

        guide, profile = prepare(request, spec.name, one_of=spec.one_of)
        procedure = spec.name
        if spec.replacement_route and {"lost", "damaged"} & profile.facets:
            procedure = "replace"
        events: dict[Event, datetime.date] = {}
        if bill_date is not None:
            events["bill_date"] = past_date(bill_date, "--bill-date", request.today)
        checklist = build_checklist(guide, procedure, profile, request.today, channel, events)
        emit(checklist, request)

    first = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    command.__signature__ = inspect.Signature([first, *own])  # type: ignore[attr-defined]
    command.__name__ = spec.name
    command.__doc__ = f"{spec.summary}\n\nExample: {spec.example}"
    shared = cardguide_command(region=True, profile=True, circumstances=spec.circumstances)
    return shared(command)


for _spec in CHECKLISTS:
    _COMMANDS[_spec.name] = functools.partial(_checklist, _spec)


@_command(region=True)
def faq(
    request: Request,
    query: Annotated[
        str | None, typer.Argument(help="Words to search for, in English or Chinese.")
    ] = None,
) -> None:
    """Questions and answers from the sources, searchable in English or Chinese.

    Example: cardguide faq --region ningbo 挂失
    """
    from cardguide.documents import build_faq

    guide, profile = prepare(request, "faq")
    emit(build_faq(guide, profile, query, request.today), request)


# Dates that cannot lie in the future: a birth, a bill, a loss, a last payment.
_PAST_ONLY: tuple[Event, ...] = ("born", "bill_date", "lost_on", "last_paid")
# What each date says about the applicant.
_EVENT_FACETS: dict[Event, Facet] = {"born": "newborn", "hired_on": "employer", "lost_on": "lost"}


@_command(region=True, profile=True)
def check(
    request: Request,
    born: BornOption = None,
    paid: PaidOption = None,
    bill_date: BillOption = None,
    lost_on: LostOption = None,
    last_paid: LastPaidOption = None,
    hired_on: HiredOption = None,
    can_apply: Annotated[
        bool,
        typer.Option(
            "--can-apply",
            help="Also answer whether this person can apply for a card in this region.",
        ),
    ] = False,
) -> None:
    """Deadlines and eligibility from your dates: yes, no or need more information, with rules.

    Example: cardguide check --region ningbo --born 2026-10-01
    Example: cardguide check --region hangzhou --hukou elsewhere --can-apply
    """
    from cardguide.documents import build_check

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
            events[event] = past_date(text, option, now) if past else day(text, option)
    if not events and not can_apply:
        options = join([*(flag_for(event) for event in given), "--can-apply"])
        raise UsageProblem(msg("error.no_dates", options=options))
    if "paid" in events and "self_employed" not in request.facets:
        raise UsageProblem(msg("error.paid_alone"))
    implied = {e: _EVENT_FACETS[e] for e in events if e in _EVENT_FACETS}
    try:
        dated = tuple((facet, event) for event, facet in implied.items())
        profile = make_profile(request.facets, dated)
    except ProfileConflict as conflict:
        if not implied:
            raise  # the flags alone contradict each other: no date to explain
        said = join(
            (
                msg("error.date_means", date=flag_for(e), flag=flag_for(f))
                for e, f in implied.items()
            )
        )
        raise ProfileConflict(
            msg("error.date_conflict", dates=said, reason=conflict.message)
        ) from None
    guide = guide_for(catalog_for(request), request.region or "national", request.lang)
    emit(build_check(guide, profile, events, now, eligibility=can_apply), request)


@_command()
def diff(
    request: Request,
    first: Annotated[
        str,
        typer.Argument(help="A region id or name.", metavar="A", autocompletion=complete_region),
    ],
    second: Annotated[
        str,
        typer.Argument(
            help="Another region id or name.", metavar="B", autocompletion=complete_region
        ),
    ],
) -> None:
    """What differs between two regions' resolved guides, item by item.

    Example: cardguide diff ningbo hangzhou
    """
    from cardguide.documents import build_diff

    catalog = catalog_for(request)
    a, b = guide_for(catalog, first, request.lang), guide_for(catalog, second, request.lang)
    emit(build_diff(a, b, request.today), request)


@_command()
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
    from cardguide.lint.validate import region_files
    from cardguide.lint.validate import validate as validate_files
    from cardguide.load.catalog import Catalog, shipped_dir

    local = overlays(request)
    named = list(paths or [*local, shipped_dir()])
    files, crowded = region_files(named)
    # The named files' directories come first, so their own parents and overrides are found.
    dirs = [p if os.path.isdir(p) else p.parent for p in named]  # noqa: PTH112
    catalog = Catalog(overlays=[*dirs, *local], checked=False)
    with contextlib.suppress(DataError):  # a crowded directory is reported below, as CG033
        catalog.ids()  # each directory listed once serves every chain's file lookups
    report = validate_files(files, catalog, request.today, max_age, crowded)
    emit(report, request)
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


@_command(shared=False)
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
    from cardguide.load.schema import region_schema, schema_text
    from cardguide.render.json_schema import output_schema

    schema = region_schema() if output is None else output_schema(output.value)
    typer.echo(schema_text(schema), nl=False)


def _batch() -> Callable[..., None]:
    from cardguide.cli.batch_command import batch

    return batch


_COMMANDS["batch"] = _batch


def _app_of(names: Sequence[str]) -> typer.Typer:
    made = _new_app()
    for name in names:
        made.command(name=name)(_COMMANDS[name]())
    return made


@functools.cache
def full_app() -> typer.Typer:
    """The app with every command: for help, completion, batch rows and the tests."""
    return _app_of(list(_COMMANDS))


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # `from cardguide.cli import app` still finds the whole app
        return full_app()
    raise AttributeError(name)


def _app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command named, when one is: typer builds each command's options
    from its signature at every start, and one command costs a fraction of fourteen."""
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    if named not in _COMMANDS or COMPLETE_VAR in os.environ:  # help, a mistyped name, completion
        return full_app()
    return _app_of([named])


def main() -> None:
    _app_for(sys.argv[1:])(prog_name="cardguide")
