"""`faq`: questions and answers from the sources that match a search."""

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
from cardguide.load.loader import FAQ
from cardguide.match.pick import select
from cardguide.model.profile import Profile
from cardguide.model.region import Source
from cardguide.resolve.chain import Guide

if TYPE_CHECKING:  # imported where used: most commands need none of them
    from cardguide.answers.faq import Match


class FaqResults(msgspec.Struct, frozen=True):
    """Questions and answers from the sources that match a search, best first."""

    region: RegionInfo
    chain: list[RegionInfo]
    query: str | None
    matches: list[Match]
    sources: list[Source]
    reviews: list[Review]
    asked: Asked | None = None


def build_faq(
    guide: Guide, profile: Profile, query: str | None, today: datetime.date
) -> FaqResults:
    chain = [layer.region.id for layer in guide.chain]
    from cardguide.answers.faq import search

    matches = search(select(guide, *FAQ, profile), query, chain)
    return FaqResults(
        region=RegionInfo.of(guide.layer),
        chain=chain_of(guide),
        query=query,
        matches=matches,
        sources=cited([m.placed for m in matches], guide.sources),
        reviews=reviews(guide.chain, today),
        asked=Asked.of(guide),
    )
