"""The JSON a checklist prints, as msgspec structs (see json_shape)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import msgspec
from msgspec import UNSET, UnsetType

from cardguide.model import region as model
from cardguide.model.region import (
    Answer,
    ChannelKind,
    DocumentKind,
    Event,
    Facet,
    KindName,
    RegionId,
    SourceId,
    Status,
    Year,
)
from cardguide.render.json_shape import (
    ORIGIN,
    AboutRegion,
    Condition,
    Day,
    Field,
    Out,
    Period,
    Profile,
    Review,
    Source,
    Text,
    Words,
    kind_struct,
)


class RegionCaveat(Out):
    """A nearer region's warning about the sources an inherited item cites."""

    text: Text
    sources: list[SourceId]
    status: Status


class Implied(Out):
    """A facet the condition needed that another given one implies."""

    flag: str
    facet: Facet


class PassedOver(Out):
    """A nearer region's version of the item, for other people."""

    origin: RegionId
    for_: Words = msgspec.field(name="for")


class Why(Out):
    """Why an item is on the list (--why): its condition and the answers that met it."""

    condition: Condition | None
    answers: list[str]
    implied: list[Implied]
    withheld: list[str]
    origin: RegionId
    passed_over: list[PassedOver]
    sentence: Words


class VerdictWhy(Why):
    """Why an answer is what it is (--why), with the sums behind its dates."""

    computation: list[Words]


class RestsOn(Out):
    """What an answer rests on: the year of its rule's information, and an uncertain source."""

    as_of: Year | None
    uncertain: bool


class DateOutcome(Out):
    """One period of a rule and the date it gives, or why it gives none."""

    period: Period
    date: Day | None
    holiday: Words | None
    problem: Words | None


# Where an item on a checklist came from, after its origin.
PLACED: tuple[Field, ...] = (("inherited", bool), ("region_caveats", list[RegionCaveat]))
_NUMBERED: tuple[Field, ...] = (("number", int | UnsetType, UNSET),)  # a checklist's steps
_AFTER: tuple[Field, ...] = (*ORIGIN, *PLACED, ("why", Why | UnsetType, UNSET))


def _placed(kind: type[model.Item]) -> type[Out]:
    return kind_struct(
        kind,
        "Placed",
        "A {kind} chosen for this person, where it came from, and why (--why).",
        _NUMBERED if kind is model.Step else (),
        _AFTER,
    )


# To a type checker each item struct is only a struct: its fields come from the model.
if TYPE_CHECKING:
    EligibilityPlaced = Out
    StepPlaced = Out
    ChannelPlaced = Out
    MaterialPlaced = Out
    FeePlaced = Out
    DeadlinePlaced = Out
    ContactPlaced = Out
    NotePlaced = Out
    LegalPlaced = Out
    FaqPlaced = Out
    DeadlineVerdict = Out
else:
    EligibilityPlaced = _placed(model.Eligibility)
    StepPlaced = _placed(model.Step)
    ChannelPlaced = _placed(model.Channel)
    MaterialPlaced = _placed(model.Material)
    FeePlaced = _placed(model.Fee)
    DeadlinePlaced = _placed(model.Deadline)
    ContactPlaced = _placed(model.Contact)
    NotePlaced = _placed(model.Note)
    LegalPlaced = _placed(model.Legal)
    FaqPlaced = _placed(model.Faq)
    # An answer for a date the person gave: a deadline's item with the answer and its dates.
    DeadlineVerdict = kind_struct(
        model.Deadline,
        "Verdict",
        "An answer computed from a {kind}'s rule and a date the person gave.",
        after=(
            *ORIGIN,
            *PLACED,
            ("why", VerdictWhy | UnsetType, UNSET),
            ("answer", Answer),
            ("question", Words),
            ("reason", Words),
            ("rests_on", RestsOn),
            ("caveat", Words | None),  # the words beside an answer resting on old or unsure facts
            ("procedure", str),
            ("event", Event),
            ("event_date", Day),
            ("today", Day),
            ("dates", list[DateOutcome]),
        ),
    )

# Each kind's placed struct, by the model's class of item.
PLACED_STRUCTS: dict[type[model.Item], type[Out]] = {
    model.Eligibility: EligibilityPlaced,
    model.Step: StepPlaced,
    model.Channel: ChannelPlaced,
    model.Material: MaterialPlaced,
    model.Fee: FeePlaced,
    model.Deadline: DeadlinePlaced,
    model.Contact: ContactPlaced,
    model.Note: NotePlaced,
    model.Legal: LegalPlaced,
    model.Faq: FaqPlaced,
}


class Unlisted(Out):
    """Papers this person needs that no source lists: one of these."""

    documents: list[DocumentKind]
    text: Words


class CanApply(Out):
    """Whether this person can apply here at all, and the rules that say so."""

    answer: Answer
    reason: Words
    rules: list[EligibilityPlaced]


class Checklist(AboutRegion):
    """A personal checklist: what applies to one person in one region for one procedure."""

    kind: Literal["checklist"]
    procedure: str
    profile: Profile
    channel: ChannelKind | None
    # The kinds of item in the model's order (KINDS), each present even when empty.
    eligibility: list[EligibilityPlaced]
    steps: list[StepPlaced]
    channels: list[ChannelPlaced]
    materials: list[MaterialPlaced]
    fees: list[FeePlaced]
    deadlines: list[DeadlinePlaced]
    contacts: list[ContactPlaced]
    notes: list[NotePlaced]
    legal: list[LegalPlaced]
    unknown: dict[KindName, Words]  # kinds the procedure needs that no source speaks of
    unlisted: list[Unlisted]
    today: Day | None  # with dates given (reimburse --bill-date): the day answers are for
    answers: list[DeadlineVerdict]
    can_apply: CanApply | None  # only for `apply`
    sources: list[Source]
    reviews: list[Review]
