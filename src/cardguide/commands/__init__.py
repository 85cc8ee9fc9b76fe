"""Every command in one registry: its options and the document it builds from a request, shared
by the command line and batch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import msgspec

from cardguide.commands.answer import Answer, Build
from cardguide.model.region import Facet

if TYPE_CHECKING:
    from cardguide.load.catalog import Catalog
    from cardguide.model.request import Request


# What a command takes besides the options every command has (--format, --lang, --data-dir,
# --today, --quiet, --no-pager). The command line turns each into its options and arguments; a
# batch row into its columns.
Takes = Literal[
    "region",  # --region, and --no-input: the region may be asked for in a terminal
    "profile",  # the applicant flags, --hukou and --why
    "channel",  # --channel
    "bill_date",  # --bill-date
    "dates",  # check's dates and --can-apply
    "query",  # faq's words
    "place",  # show's REGION
    "places",  # diff's A and B
    "validate",  # validate's paths, --max-age and --strict
    "output",  # schema's --output
    "batch",  # batch's file and its options
]


class Command(msgspec.Struct, frozen=True):
    """One command: its name, its examples, what it takes, and how it builds its document.
    What it does, for --help, is the catalog's `command.NAME`.

    `build` is None only for the two commands that build no single document: `schema` prints
    a schema, `batch` runs other commands for many people.
    """

    name: str
    examples: tuple[str, ...]
    takes: tuple[Takes, ...] = ()
    build: Build | None = None
    circumstances: tuple[Facet, ...] = ()  # the command's own flags (--lost, --by-proxy)
    one_of: bool = False  # exactly one of the circumstances is needed (asked in a terminal)
    row: bool = False  # a batch row may name it
    checklist: bool = False  # it prints one procedure's checklist
    interview: bool = False  # in a terminal, what is missing is asked for
    # It tells which local files it had to leave out (validate reports them as findings).
    reports_left_out: bool = True


def _built(name: str) -> Build:
    """A function of `build`, imported when a command runs: a command's options and help are
    read at every start, its work only when it runs."""

    def build(request: Request, catalog: Catalog) -> Answer:
        from cardguide.commands import build as builds

        function: Build = getattr(builds, name)
        return function(request, catalog)

    return build


def _checklist(
    name: str,
    example: str,
    *,
    circumstances: tuple[Facet, ...] = (),
    one_of: bool = False,
    takes: tuple[Takes, ...] = (),
) -> Command:
    def build(request: Request, catalog: Catalog) -> Answer:
        from cardguide.commands.build import checklist

        return checklist(request, catalog, name, circumstances if one_of else ())

    return Command(
        name, (example,), ("region", "profile", *takes), build,
        circumstances=circumstances, one_of=one_of, row=True, checklist=True, interview=True,
    )  # fmt: skip


CHECKLISTS = (
    _checklist(
        "apply",
        "cardguide apply --region ningbo --newborn",
    ),
    _checklist(
        "activate",
        "cardguide activate --region 上海 --channel bank",
        takes=("channel",),
    ),
    _checklist(
        "replace",
        "cardguide replace --region ningbo --lost",
        circumstances=("lost", "damaged"),
        one_of=True,
    ),
    _checklist(
        "collect",
        "cardguide collect --region shanghai --by-proxy",
        circumstances=("by_proxy",),
    ),
    _checklist(
        "update",
        "cardguide update --region shanghai",
    ),
    _checklist(
        "reimburse",
        "cardguide reimburse --region ningbo --bill-date 2026-05-10",
        takes=("bill_date",),
    ),
)

# In the order --help lists them.
COMMANDS: tuple[Command, ...] = (
    Command(
        "regions",
        ("cardguide regions --format json",),
        build=_built("regions"),
    ),
    Command(
        "show",
        ("cardguide show 宁波",),
        ("place",),
        _built("show"),
    ),
    *CHECKLISTS,
    Command(
        "faq",
        ("cardguide faq --region ningbo 挂失",),
        ("region", "query"),
        _built("faq"),
        row=True,
        interview=True,
    ),
    Command(
        "check",
        (
            "cardguide check --region ningbo --born 2026-10-01",
            "cardguide check --region hangzhou --hukou elsewhere --can-apply",
        ),
        ("region", "profile", "dates"),
        _built("check"),
        row=True,
    ),
    Command(
        "diff",
        ("cardguide diff ningbo hangzhou",),
        ("places",),
        _built("diff"),
    ),
    Command(
        "validate",
        ("cardguide validate --strict my-regions/",),
        ("validate",),
        _built("validate"),
        reports_left_out=False,
    ),
    Command(
        "schema",
        ("cardguide schema --output checklist > checklist.schema.json",),
        ("output",),
    ),
    Command(
        "batch",
        ("cardguide batch new-staff.csv --output-dir checklists/ --format html",),
        ("batch",),
    ),
)
BY_NAME = {command.name: command for command in COMMANDS}

# Commands a batch row may name: every checklist, and the two that answer from words or dates.
ROW_COMMANDS = tuple(command.name for command in COMMANDS if command.row)

# The kinds of JSON output, each with a published schema (`cardguide schema --output KIND`).
OUTPUT_KINDS = ("checklist", "check", "faq", "guide", "regions", "diff", "validation", "batch")
