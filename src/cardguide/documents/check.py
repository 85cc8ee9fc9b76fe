"""`check`: answers from the dates a person gave, and whether they can apply here."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import msgspec

from cardguide.documents.common import (
    Asked,
    RegionInfo,
    Review,
    chain_of,
    cited,
    reviews,
)
from cardguide.match.eligibility import CanApply, can_apply
from cardguide.match.pick import Placed, select
from cardguide.model.profile import Profile
from cardguide.model.region import Event, Source
from cardguide.resolve.chain import Guide

if TYPE_CHECKING:  # imported where used: most commands need none of them
    from cardguide.answers.deadlines import Verdict


class CheckReport(msgspec.Struct, frozen=True):
    """Answers computed from the dates a person gave, with the rules behind them."""

    region: RegionInfo
    chain: list[RegionInfo]
    profile: Profile
    today: datetime.date
    events: dict[Event, datetime.date]
    verdicts: list[Verdict]
    sources: list[Source]
    reviews: list[Review]
    related: list[Placed] = msgspec.field(default_factory=list)  # facts about these dates, no sums
    asked: Asked | None = None
    can_apply: CanApply | None = None  # asked for with --can-apply


def build_check(
    guide: Guide,
    profile: Profile,
    events: dict[Event, datetime.date],
    today: datetime.date,
    eligibility: bool = False,
) -> CheckReport:
    from cardguide.answers.deadlines import verdicts

    found = verdicts(guide, profile, events, today)
    answered = {id(v.placed.item) for v in found}
    related = [
        placed
        for procedure, kind in guide.entries
        for placed in select(guide, procedure, kind, profile)
        if set(placed.item.about) & set(events) and id(placed.item) not in answered
    ]
    # An item several procedures carry (in their own words) is shown once, the first version.
    first: dict[str, Placed] = {}
    for placed in related:
        first.setdefault(placed.item.id, placed)
    related = list(first.values())
    answer = can_apply(guide, profile) if eligibility else None
    shown = [v.placed for v in found] + related + (answer.rules if answer else [])
    return CheckReport(
        region=RegionInfo.of(guide.layer),
        chain=chain_of(guide),
        profile=profile,
        today=today,
        events=events,
        verdicts=found,
        sources=cited(shown, guide.sources),
        reviews=reviews(guide.chain, today),
        related=related,
        asked=Asked.of(guide),
        can_apply=answer,
    )
