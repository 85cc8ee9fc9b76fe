"""The JSON of show, diff and faq, whose items are regions' versions, as msgspec structs."""

# Imported only by the commands that print these, and by `schema --output`; see json_shape.

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Generic, Literal, TypeVar

from msgspec import UNSET, UnsetType

from cardguide.model import region as model
from cardguide.model.region import ItemId
from cardguide.render.json_shape import (
    KIND_MODELS,
    ORIGIN,
    AboutRegion,
    Document,
    Out,
    Region,
    Review,
    Source,
    any_struct,
    kind_struct,
    one_of,
)

T = TypeVar("T")


def _version(kind: type[model.Item]) -> type[Out]:
    return kind_struct(kind, "Version", "One region's version of a {kind}.", after=ORIGIN)


# To a type checker each item struct is only a struct: its fields come from the model.
if TYPE_CHECKING:
    EligibilityVersion = Out
    StepVersion = Out
    ChannelVersion = Out
    MaterialVersion = Out
    FeeVersion = Out
    DeadlineVersion = Out
    ContactVersion = Out
    NoteVersion = Out
    LegalVersion = Out
    FaqVersion = Out
    AnyVersion = Out
    FaqResult = Out
else:
    EligibilityVersion = _version(model.Eligibility)
    StepVersion = _version(model.Step)
    ChannelVersion = _version(model.Channel)
    MaterialVersion = _version(model.Material)
    FeeVersion = _version(model.Fee)
    DeadlineVersion = _version(model.Deadline)
    ContactVersion = _version(model.Contact)
    NoteVersion = _version(model.Note)
    LegalVersion = _version(model.Legal)
    FaqVersion = _version(model.Faq)
    AnyVersion = any_struct("Version", ORIGIN)
    FaqResult = kind_struct(
        model.Faq,
        "Result",
        "A {kind} that matches the search, with its score.",
        (("score", int),),
        ORIGIN,
    )

# Each kind's version struct, by the model's class of item.
VERSION_STRUCTS: dict[type[model.Item], type[Out]] = dict(
    zip(
        KIND_MODELS,
        (
            EligibilityVersion,
            StepVersion,
            ChannelVersion,
            MaterialVersion,
            FeeVersion,
            DeadlineVersion,
            ContactVersion,
            NoteVersion,
            LegalVersion,
            FaqVersion,
        ),
        strict=True,
    )
)
# A version in a list that mixes kinds (a diff's): decoded as the struct of any kind, published
# as one of the kinds'.
SomeVersion = Annotated[AnyVersion, one_of(VERSION_STRUCTS.values())]


class FaqResults(AboutRegion):
    """Questions and answers from the sources that match a search, best first."""

    kind: Literal["faq"]
    query: str | None
    results: list[FaqResult]
    sources: list[Source]
    reviews: list[Review]


class Entries(Out, Generic[T]):
    """One item id and every version of it some person can get, nearest region first."""

    id: ItemId
    versions: list[T]


class Kinds(Out, kw_only=True):
    """One procedure's items by kind, in the model's order; a kind it has none of is left out."""

    eligibility: list[Entries[EligibilityVersion]] | UnsetType = UNSET
    steps: list[Entries[StepVersion]] | UnsetType = UNSET
    channels: list[Entries[ChannelVersion]] | UnsetType = UNSET
    materials: list[Entries[MaterialVersion]] | UnsetType = UNSET
    fees: list[Entries[FeeVersion]] | UnsetType = UNSET
    deadlines: list[Entries[DeadlineVersion]] | UnsetType = UNSET
    contacts: list[Entries[ContactVersion]] | UnsetType = UNSET
    notes: list[Entries[NoteVersion]] | UnsetType = UNSET
    legal: list[Entries[LegalVersion]] | UnsetType = UNSET


class Procedures(Out, kw_only=True):
    """Each procedure the guide has items for, in the checklists' order."""

    apply: Kinds | UnsetType = UNSET
    activate: Kinds | UnsetType = UNSET
    replace: Kinds | UnsetType = UNSET
    collect: Kinds | UnsetType = UNSET
    update: Kinds | UnsetType = UNSET
    reimburse: Kinds | UnsetType = UNSET


class Guide(AboutRegion):
    """Everything a region's resolved guide holds (`show`)."""

    kind: Literal["guide"]
    procedures: Procedures
    faq: list[Entries[FaqVersion]]
    sources: list[Source]
    reviews: list[Review]


class Difference(Out):
    """One item that two regions' resolved guides hold differently."""

    procedure: str  # or "faq"
    kind: str
    id: ItemId
    change: Literal["only_a", "only_b", "changed"]
    a: list[SomeVersion]  # every version some person can get in region A, nearest first
    b: list[SomeVersion]


class Diff(Document):
    """What differs between two regions' resolved guides, item by item."""

    kind: Literal["diff"]
    a: Region
    b: Region
    same: int  # items both regions hold identically
    differences: list[Difference]
    sources: list[Source]
    reviews: list[Review]
