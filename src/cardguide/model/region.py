"""The region-file data model: typed msgspec structs that the loader decodes YAML into."""

# No `from __future__ import annotations` here, on purpose: msgspec reads these annotations to
# decode region files in every run, and string annotations must each be compiled first (2.5 ms
# a run, against 0.7 ms for evaluated ones). Every name they use is defined above its use.

import datetime
import typing
from collections.abc import Mapping
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from cardguide.wording.text import Lang, Text

Status = Literal["official", "secondary", "uncertain"]
# Higher is surer; used to check that an item never claims more than its sources give.
STATUS_RANK: dict[str, int] = {"uncertain": 1, "secondary": 2, "official": 3}

# What a source is. It caps the status of the source: only a government site or a national
# newspaper is official; a reprint of official text is at most secondary; any other page is
# uncertain however sure it sounds.
SourceKind = Literal["government", "newspaper", "reprint", "unofficial"]
KIND_CAP: dict[str, str] = {
    "government": "official",
    "newspaper": "official",
    "reprint": "secondary",
    "unofficial": "uncertain",
}

Level = Literal["national", "province", "municipality", "city", "county"]
LEVEL_RANK: dict[str, int] = {
    "national": 0,
    "province": 1,
    "municipality": 1,  # Shanghai and the other direct-controlled cities sit at province level
    "city": 2,
    "county": 3,
}

# Profile facets that conditions may name. `minor` is implied by `newborn`; the last three
# describe the circumstance of one procedure (replace, collect) rather than the applicant.
Facet = Literal[
    "newborn",
    "minor",
    "student",
    "self_employed",
    "left_job",
    "foreign_employee",
    "employer",
    "hukou_local",
    "hukou_elsewhere",
    "hk_macao_taiwan",
    "home_service",
    "replacement",
    "lost",
    "damaged",
    "by_proxy",
]

# What a step does. Where a region gives its own step for a topic, its parents' steps for that
# topic must not show beside it (two routes to collect one card); a checklist's steps follow
# TOPIC_ORDER.
Topic = Literal[
    "register_birth",
    "enrol",
    "bank_account",
    "photo",
    "report_loss",
    "report_damage",
    "found",
    "apply",
    "replace",
    "collect",
    "activate",
    "pay",
    "claim",
    "password",
    "records",
    "update",
]
TOPICS: tuple[str, ...] = typing.get_args(Topic)

# What a material is, so that one checklist never asks for the same paper twice and every
# person's list can be checked for the papers they need (a guardian's ID for a child).
DocumentKind = Literal[
    "id_card",
    "household_register",
    "birth_certificate",
    "passport",
    "permanent_residence_card",
    "hmt_permit",
    "residence_permit",
    "military_id",
    "guardian_id",
    "guardianship_proof",
    "proxy_id",
    "authorisation",
    "photo",
    "existing_card",
    "damaged_card",
    "labour_contract",
    "work_permit",
    "insurance_proof",
    "employer_papers",
    "bills",
    "bank_card",
    "phone",
]
DOCUMENT_KINDS: tuple[str, ...] = typing.get_args(DocumentKind)

ChannelKind = Literal["bank", "hospital", "pharmacy", "phone", "center", "online"]
# The two halves of a card that activation switches on.
Function = Literal["medical", "financial"]

RegionId = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$", max_length=64)]
ItemId = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
SourceId = Annotated[str, Meta(pattern=r"^[a-z]+:[A-Za-z0-9_.-]+$", max_length=80)]
# The year information dates from: a page's date, or the year of the rule it describes.
Year = Annotated[int, Meta(ge=1949, le=2100)]
# An official administrative division code (GB/T 2260), e.g. 330200 for Ningbo.
DivisionCode = Annotated[str, Meta(pattern=r"^[1-9][0-9]{5}$")]


class _Strict(Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Base for every struct: unknown keys are errors, fields are named, defaults stay implicit."""


# The dates a person can give `check`; a rule counts from one of them.
Event = Literal["born", "paid", "bill_date", "lost_on", "last_paid", "hired_on"]


class Condition(_Strict):
    """Declarative profile test: every `all` facet, at least one `any` facet, no `none` facet."""

    all: list[Facet] = []
    any: list[Facet] = []
    none: list[Facet] = []


class Item(_Strict):
    """Fields every fact in a region file carries, whatever its kind."""

    id: ItemId
    sources: Annotated[list[SourceId], Meta(min_length=1)]
    status: Status
    when: Condition | None = None
    # Where a new item goes among the items inherited from parent regions.
    before: ItemId | None = None
    after: ItemId | None = None
    # Why the fact may be out of date (e.g. "from the 2016 switch-over guide").
    dated: Text | None = None
    # The year the fact dates from, when it differs from its sources' `as_of`.
    as_of: Year | None = None
    # Dates this fact matters for: `check` shows it beside its answers for them.
    about: list[Event] = []


class Step(Item, kw_only=True):
    text: Text
    where: Text | None = None
    topic: Topic | None = None


class Material(Item, kw_only=True):
    text: Text
    # In `activate`: the channels this material is for; empty means every channel.
    channels: list[ChannelKind] = []
    # The papers this item asks for; an item that is not a paper (a phone) names none.
    documents: list[DocumentKind] = []


class Fee(Item, kw_only=True):
    text: Text
    amount_yuan: Annotated[float, Meta(ge=0, le=1_000_000)] | None = None


class Period(_Strict):
    """A length of time: calendar days, months, or working days of the official calendar."""

    # No rule runs longer than ten years; the caps keep date sums inside the calendar.
    days: Annotated[int, Meta(ge=1, le=3660)] | None = None
    months: Annotated[int, Meta(ge=1, le=120)] | None = None
    working_days: Annotated[int, Meta(ge=1, le=2500)] | None = None
    # Move the result to the first day of its month ("from the month after payment").
    month_start: bool = False


class Rule(_Strict):
    """How a deadline is computed from a date, declaratively."""

    event: Event
    # deadline: "is there still time?"; starts: "does it apply yet?"; lapse: "has it run out?"
    kind: Literal["deadline", "starts", "lapse"]
    # More than one period means the sources disagree; every one is computed and shown.
    periods: Annotated[list[Period], Meta(min_length=1)]
    # Set when the only source for the rule is another region's: answers stay "need more
    # information" outside that region, with that region's date for reference.
    only_in: RegionId | None = None


class Deadline(Item, kw_only=True):
    text: Text
    rule: Rule | None = None


class Note(Item, kw_only=True):
    text: Text
    level: Literal["info", "warning"] = "info"
    channels: list[ChannelKind] = []


class Legal(Item, kw_only=True):
    title: Text
    text: Text


class Channel(Item, kw_only=True):
    channel: ChannelKind
    text: Text
    enables: Annotated[list[Function], Meta(min_length=1)]
    caveats: list[Text] = []


Answer = Literal["yes", "no", "need_more_information"]


class Eligibility(Item, kw_only=True):
    """Whether the people `when` describes can apply for a card here, and on what terms."""

    can_apply: Answer
    text: Text


class Contact(Item, kw_only=True):
    """Where to confirm: a hotline, an official app or a hall; shown on every checklist."""

    text: Text


class Faq(Item, kw_only=True):
    """A question and answer from a source; `keywords` help search in either language."""

    question: Text
    answer: Text
    keywords: list[str] = []


# Kinds of item in the order a checklist presents them; `channels` only exists in `activate`.
KindName = Literal[
    "eligibility",
    "steps",
    "channels",
    "materials",
    "fees",
    "deadlines",
    "contacts",
    "notes",
    "legal",
]
KINDS: tuple[str, ...] = typing.get_args(KindName)


class Completion(_Strict):
    """A kind a region lists completely for some people only (those its condition holds for)."""

    kind: KindName
    when: Condition


class Section(_Strict):
    """What a region says about one procedure, by kind of item."""

    # Kinds this region lists completely: its parents' items of these kinds are not inherited,
    # for everyone (a kind's name) or only for the people a Completion's condition holds for.
    complete: list[KindName | Completion] = []
    # Only in `apply`: who can apply here at all (`check --can-apply` answers from these).
    eligibility: list[Eligibility] = []
    steps: list[Step] = []
    materials: list[Material] = []
    fees: list[Fee] = []
    deadlines: list[Deadline] = []
    notes: list[Note] = []
    legal: list[Legal] = []


class ActivateSection(Section):
    channels: list[Channel] = []


class Procedures(_Strict):
    apply: Section | None = None
    activate: ActivateSection | None = None
    replace: Section | None = None
    collect: Section | None = None
    update: Section | None = None
    reimburse: Section | None = None


class Source(_Strict):
    """A page or fact a region file cites; visible to the file that defines it and its children."""

    id: SourceId
    title: Text
    status: Status
    kind: SourceKind
    # Who put the page up: an office's name, a newspaper's, or the site a page was copied to.
    publisher: Text | None = None
    # The regions the page speaks for; none means the region whose file defines it. Items
    # citing it are shown there and below only, never in a parent or a neighbour.
    places: list[RegionId] = []
    url: str | None = None
    dated: Text | None = None
    note: Text | None = None
    # The year of the page's information; every item citing it shows this age.
    as_of: Year | None = None


def age_of(item: Item, sources: Mapping[str, Source]) -> int | None:
    """The year an item's information dates from: its own, else its oldest dated source's."""
    if item.as_of is not None:
        return item.as_of
    years = [sources[ref].as_of for ref in item.sources if ref in sources]
    return min((year for year in years if year is not None), default=None)


class SourceCaveat(_Strict):
    """A warning a region attaches to its ancestors' facts from certain sources.

    Cixi, for one, inherits Ningbo's 2016 rules although that guide's list of districts left
    Cixi out: every inherited item citing the guide shows this caveat in Cixi.
    """

    about: Annotated[list[SourceId], Meta(min_length=1)]
    text: Text
    sources: Annotated[list[SourceId], Meta(min_length=1)]
    status: Status


class RegionFile(_Strict):
    """One YAML file under data/regions: a region and its own layer of facts."""

    id: RegionId
    level: Level
    # Short names as people say them (宁波), and the official full names (宁波市).
    names: Text
    last_reviewed: datetime.date
    parent: RegionId | None = None
    full_names: Text | None = None
    # Hanyu pinyin of the Chinese name, with tones (Níngbō); lookups ignore tones and spaces.
    pinyin: str | None = None
    # The official division this region's rules are for; its districts and counties without
    # data of their own are led here.
    division: DivisionCode | None = None
    languages: Annotated[list[Lang], Meta(min_length=1)] = msgspec.field(
        default_factory=lambda: ["en"]
    )
    aliases: list[str] = []
    sources: list[Source] = []
    caveats: list[SourceCaveat] = []
    procedures: Procedures = msgspec.field(default_factory=Procedures)
    # Where to confirm (hotline, app, hall): inherited by id like items, on every checklist.
    contacts: list[Contact] = []
    faq: list[Faq] = []
