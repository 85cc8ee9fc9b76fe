"""A personal checklist for one procedure, region and person."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import msgspec

from cardguide.documents.common import (
    BORROWED,
    EXPECTED,
    Asked,
    RegionInfo,
    Review,
    chain_of,
    cited,
    reviews,
)
from cardguide.match.eligibility import CanApply, can_apply
from cardguide.match.pick import Placed, select
from cardguide.match.whole_list import unlisted
from cardguide.model.profile import Profile
from cardguide.model.region import KINDS, ChannelKind, Event, Source
from cardguide.resolve.chain import Guide

if TYPE_CHECKING:  # imported where used: most commands need none of them
    from cardguide.answers.deadlines import Verdict


class Checklist(msgspec.Struct, frozen=True):
    """A personal checklist: what applies to one profile in one region for one procedure."""

    procedure: str
    region: RegionInfo
    chain: list[RegionInfo]  # the region first, the national region last
    profile: Profile
    channel: ChannelKind | None
    sections: dict[str, list[Placed]]  # kind → items, in KINDS order
    unknown: list[str]  # expected kinds for which no source says anything
    sources: list[Source]  # in order of first citation
    reviews: list[Review]
    verdicts: list[Verdict] = msgspec.field(default_factory=list)  # answers for dates the user gave
    today: datetime.date | None = None
    asked: Asked | None = None
    # Papers this person needs that no source lists: each group is "one of these".
    unlisted: list[list[str]] = msgspec.field(default_factory=list)
    can_apply: CanApply | None = None  # for `apply`: can this person apply here at all?


def build_checklist(
    guide: Guide,
    procedure: str,
    profile: Profile,
    today: datetime.date,
    channel: ChannelKind | None = None,
    events: dict[Event, datetime.date] | None = None,
) -> Checklist:
    """The checklist for one procedure; with `events`, also the answers for those dates."""
    sections = {
        kind: select(guide, BORROWED.get((procedure, kind), procedure), kind, profile, channel)
        for kind in KINDS
    }
    sections = {
        kind: items for kind, items in sections.items() if items or kind in EXPECTED[procedure]
    }
    found = []
    if events:  # only then are the date rules needed
        from cardguide.answers.deadlines import verdicts

        found = verdicts(guide, profile, events, today, (procedure,))
    shown = [p for items in sections.values() for p in items]
    return Checklist(
        procedure=procedure,
        region=RegionInfo.of(guide.layer),
        chain=chain_of(guide),
        profile=profile,
        channel=channel,
        sections=sections,
        unknown=[kind for kind in EXPECTED[procedure] if not sections.get(kind)],
        sources=cited(shown, guide.sources),
        reviews=reviews(guide.chain, today),
        verdicts=found,
        today=today if events else None,
        asked=Asked.of(guide),
        unlisted=unlisted(procedure, profile, sections.get("materials", [])),
        can_apply=can_apply(guide, profile) if procedure == "apply" else None,
    )
