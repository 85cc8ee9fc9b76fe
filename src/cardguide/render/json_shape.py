"""The parts every JSON document is made of, as msgspec structs, and how item structs are made."""

# The structs of json_shape, json_checklist, json_guide and json_other ARE the JSON: json_format
# fills them from a document and msgspec writes their fields in the order declared, leaving out
# those still UNSET; json_schema publishes the schema msgspec derives from the same structs. Each
# module is imported only when its structs are needed: every struct made costs start-up time.
#
# The annotations stay strings until a schema is made or JSON is decoded into these types (never
# while JSON is written), so every name they use is imported at run time, not for type checking.

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, cast

import msgspec
from msgspec import UNSET, Meta, UnsetType

from cardguide.model import region as model
from cardguide.model.region import (
    Answer,
    ChannelKind,
    DivisionCode,
    DocumentKind,
    Event,
    Facet,
    Function,
    ItemId,
    Level,
    RegionId,
    SourceId,
    SourceKind,
    Status,
    Topic,
    Year,
)
from cardguide.wording import LangChoice

# Bump on any change that could break a consumer (renamed or removed field, changed meaning);
# adding a field is not such a change. 2: generated text became objects in every language.
SchemaVersion = Literal[2]
SCHEMA_VERSION: SchemaVersion = 2

# A day as ISO 8601 text: msgspec writes a date so; the pattern holds the schema to it.
Day = Annotated[datetime.date, Meta(extra_json_schema={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]


class Out(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every JSON object cardguide prints: closed, its keys in field order."""


class Text(Out):
    """Text from a region file in each language; null where the file has none."""

    en: str | None
    zh: str | None


class Words(Out, kw_only=True):
    """Text cardguide words itself: its catalog code, when it is one message, and every language."""

    code: str | UnsetType = UNSET
    en: str
    zh: str


class Condition(Out):
    """Who an item is for: every `all` facet, at least one `any` facet, no `none` facet."""

    all: list[Facet]
    any: list[Facet]
    none: list[Facet]


class Period(Out):
    """A length of time: calendar days, months or working days, perhaps to a month's start."""

    days: int | None
    months: int | None
    working_days: int | None
    month_start: bool


class Rule(Out):
    """How a date is computed from a date the person gave."""

    event: Event
    kind: Literal["deadline", "starts", "lapse"]
    periods: list[Period]
    only_in: RegionId | None


class Region(Out):
    """A region's header."""

    id: RegionId
    names: Text
    full_names: Text
    pinyin: str | None
    level: Level
    parent: RegionId | None
    last_reviewed: Day
    file: str


class Asked(Out):
    """The place named when it has no rules of its own, and the region whose rules cover it."""

    code: DivisionCode
    level: str
    names: Text
    path: Text
    covered_by: RegionId
    local_rules: Literal[False]


class Profile(Out):
    """The person the document is for: the facets given and those they imply."""

    facets: list[Facet]
    given: list[Facet]
    application: Literal["first", "replacement"]
    description: Words


class Review(Out):
    """When one file the document rests on was last checked against its sources."""

    region: RegionId
    file: str
    overlay: bool
    last_reviewed: Day
    stale: bool


class Source(Out):
    """A page or fact the items cite."""

    id: SourceId
    title: Text
    status: Status
    kind: SourceKind
    publisher: Text | None
    places: list[RegionId]
    url: str | None
    dated: Text | None
    note: Text | None
    as_of: Year | None


class Document(Out):
    """What every document starts with: the schema's version, the language asked for, its kind."""

    schema_version: SchemaVersion
    lang: LangChoice  # every text carries every language; this is the one asked for
    kind: str


class AboutRegion(Document):
    """A document about one region: the region, its chain of parents, and the place asked."""

    region: Region
    chain: list[RegionId]  # the region first, the national region last
    asked: Asked | None  # null when the region itself was asked for


# Items: one struct per kind of item and place it is shown in, made from the model's fields so
# each kind has exactly its own (a step has `where` and `topic`, a fee `amount_yuan`). In order:
# `number` (a checklist's steps), `id`, the kind's own fields in the model's order, the fields
# every item has, then those of the place it is shown in.

# Fields of the model's Item that every kind has; `before`/`after` only place items in files.
COMMON = ("id", "sources", "status", "when", "before", "after", "dated", "as_of")
# Each kind's own fields by the model's names, in an order every kind's own order follows (a
# struct for any kind, of all of them, keeps it). A model field missing here fails at import.
OWN: dict[str, Any] = {
    "about": list[Event],
    "title": Text,
    "channel": ChannelKind,
    "can_apply": Answer,
    "question": Text,
    "answer": Text,
    "keywords": list[str],
    "text": Text,
    "where": Text | None,
    "topic": Topic | None,
    "amount_yuan": float | None,
    "rule": Rule | None,
    "level": Literal["info", "warning"],
    "channels": list[ChannelKind],
    "documents": list[DocumentKind],
    "enables": list[Function],
    "caveats": list[Text],
}
# The kinds of item, as the model has them.
KIND_MODELS: tuple[type[model.Item], ...] = (
    model.Eligibility,
    model.Step,
    model.Channel,
    model.Material,
    model.Fee,
    model.Deadline,
    model.Contact,
    model.Note,
    model.Legal,
    model.Faq,
)

Field = tuple[str, Any] | tuple[str, Any, Any]
# The fields every item has, after its kind's own; then where it came from.
EVERY: tuple[Field, ...] = (
    ("status", Status),
    ("as_of", Year | None),  # the item's own year, else its oldest dated source's
    ("sources", list[SourceId]),
    ("dated", Text | None),
    ("when", Condition | None),
)
ORIGIN: tuple[Field, ...] = (("origin", RegionId), ("file", str), ("overlay", bool))


def own_fields(kind: type[model.Item]) -> tuple[str, ...]:
    return tuple(name for name in kind.__struct_fields__ if name not in COMMON)


def item_struct(
    name: str,
    doc: str,
    own: Sequence[Field],
    before: Sequence[Field] = (),
    after: Sequence[Field] = (),
) -> type[Out]:
    fields = [*before, ("id", ItemId), *own, *EVERY, *after]
    space = {"__doc__": doc}
    made = msgspec.defstruct(name, fields, bases=(Out,), kw_only=True, namespace=space)
    return cast("type[Out]", made)


def kind_struct(
    kind: type[model.Item],
    suffix: str,
    doc: str,
    before: Sequence[Field] = (),
    after: Sequence[Field] = (),
) -> type[Out]:
    """The struct of one kind of item in one place: `StepPlaced`, `FaqVersion` ..."""
    own = [(field, OWN[field]) for field in own_fields(kind)]
    name = f"{kind.__name__}{suffix}"
    return item_struct(name, doc.format(kind=kind.__name__.lower()), own, before, after)


def any_struct(suffix: str, after: Sequence[Field]) -> type[Out]:
    """An item of any kind in one place: every kind's own fields, each there if the kind has it."""
    own = [(field, shape | UnsetType, UNSET) for field, shape in OWN.items()]
    doc = "An item of any kind: one of the kinds' own structs."
    return item_struct(f"Any{suffix}", doc, own, (), after)


def one_of(structs: Iterable[type[Out]]) -> Meta:
    """For a list that mixes kinds: each item must be one of these kinds' structs (referred to
    by the names msgspec gives their definitions)."""
    refs = [{"$ref": f"#/$defs/{struct.__name__}"} for struct in structs]
    return Meta(extra_json_schema={"anyOf": refs})
