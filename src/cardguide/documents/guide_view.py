"""`show`: everything a region's resolved guide holds."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import msgspec

from cardguide.documents.common import (
    EXPECTED,
    Asked,
    RegionInfo,
    Review,
    chain_of,
    cited,
    reachable,
    reviews,
)
from cardguide.load.loader import FAQ
from cardguide.model.region import KINDS, Source
from cardguide.resolve.chain import Entry, Guide

if TYPE_CHECKING:  # imported where used: most commands need none of them
    pass


class GuideView(msgspec.Struct, frozen=True):
    """Everything a region's resolved guide holds, for `show`."""

    region: RegionInfo
    chain: list[RegionInfo]
    procedures: dict[str, dict[str, list[Entry]]]  # procedure → kind → entries
    faq: list[Entry]
    sources: list[Source]
    reviews: list[Review]
    asked: Asked | None = None


def build_guide_view(guide: Guide, today: datetime.date) -> GuideView:
    trimmed = {
        key: [Entry(entry.id, reachable(guide, key, entry)) for entry in entries]
        for key, entries in guide.entries.items()
    }
    procedures = {
        procedure: {
            kind: trimmed[(procedure, kind)] for kind in KINDS if (procedure, kind) in trimmed
        }
        for procedure in EXPECTED
        if any(key[0] == procedure for key in trimmed)
    }
    shown = [c for entries in trimmed.values() for entry in entries for c in entry.candidates]
    return GuideView(
        region=RegionInfo.of(guide.layer),
        chain=chain_of(guide),
        procedures=procedures,
        faq=trimmed.get(FAQ, []),
        sources=cited(shown, guide.sources),
        reviews=reviews(guide.chain, today),
        asked=Asked.of(guide),
    )
