"""Parts every document shares: regions as shown, review dates, cited sources."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from cardguide.load.loader import Layer
from cardguide.match.pick import Placed, choose, relevant_facets, walled
from cardguide.model.profile import all_profiles
from cardguide.model.region import Level, Source
from cardguide.resolve.chain import Candidate, Entry, Guide
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from cardguide.load.headers import Header


# Kinds a checklist must account for: when nothing applies, output says "not known".
EXPECTED: dict[str, tuple[str, ...]] = {
    "apply": ("steps", "materials", "fees", "deadlines"),
    "activate": ("channels",),
    "replace": ("steps", "materials", "fees", "deadlines"),
    "collect": ("steps", "materials", "deadlines"),
    "update": ("steps", "materials"),
    "reimburse": ("steps", "materials", "deadlines"),
}

# Kinds a procedure takes from another: a replacement's fees are the card fees under `apply`,
# kept there once for both `apply --replacement` and `replace`.
BORROWED: dict[tuple[str, str], str] = {("replace", "fees"): "apply"}


class RegionInfo(msgspec.Struct, frozen=True):
    """A region's header, as listings and checklists show it."""

    id: str
    names: Text
    full_names: Text
    pinyin: str | None
    level: Level
    parent: str | None
    last_reviewed: datetime.date
    file: str  # a string, not a Path: a listing makes thousands, and a Path costs microseconds

    @classmethod
    def of(cls, layer: Layer) -> RegionInfo:
        region = layer.region
        return cls(
            region.id,
            region.names,
            region.full_names or region.names,
            region.pinyin,
            region.level,
            region.parent,
            region.last_reviewed,
            str(layer.file),
        )

    @classmethod
    def of_header(cls, header: Header, file: str) -> RegionInfo:
        return cls(
            header.id,
            header.names,
            header.full_names or header.names,
            header.pinyin,
            header.level,
            header.parent,
            header.last_reviewed,
            file,
        )


class Asked(msgspec.Struct, frozen=True):
    """A place a person named that has no rules of its own here, and the region shown instead."""

    code: str  # official division code, 330203
    level: str  # province, city or county
    names: Text  # {"zh": "海曙区", "en": "Haishu"}
    path: Text  # {"zh": "浙江省宁波市海曙区", "en": "Haishu, Ningbo, Zhejiang"}
    covered_by: str  # the region whose rules are shown

    @classmethod
    def of(cls, guide: Guide) -> Asked | None:
        place = guide.place
        if place is None:
            return None
        from cardguide.places.divisions import divisions

        chain = divisions().chain(place.code)
        path = Text(
            en=", ".join(d.english for d in chain), zh="".join(d.name for d in reversed(chain))
        )
        names = Text(en=place.english, zh=place.name)
        return cls(place.code, place.level, names, path, guide.layer.region.id)


# Review dates older than this are shown as stale, and text output warns about them.
STALE_AFTER_DAYS = 365


class Review(msgspec.Struct, frozen=True):
    """When one file a document rests on was last checked against its sources."""

    region: str
    file: str
    overlay: bool
    last_reviewed: datetime.date
    stale: bool
    names: Text | None = None  # the region's names, so a reader sees 成都, not an id


def review(
    region_id: str,
    file: str,
    overlay: bool,
    last_reviewed: datetime.date,
    today: datetime.date,
    names: Text | None = None,
) -> Review:
    stale = (today - last_reviewed).days > STALE_AFTER_DAYS
    return Review(region_id, file, overlay, last_reviewed, stale, names)


def reviews(layers: Sequence[Layer], today: datetime.date) -> list[Review]:
    return [
        review(
            layer.region.id,
            str(layer.file),
            layer.overlay,
            layer.region.last_reviewed,
            today,
            layer.region.names,
        )
        for layer in layers
    ]


def cited(shown: Sequence[Candidate | Placed], sources: dict[str, Source]) -> list[Source]:
    """The sources the items and their caveats cite, in order of first citation."""
    seen: dict[str, Source] = {}
    for one in shown:
        refs = [*one.item.sources]
        for caveat in getattr(one, "caveats", ()):
            refs += caveat.sources
        for ref in refs:
            seen.setdefault(ref, sources[ref])
    return list(seen.values())


def chain_of(guide: Guide) -> list[RegionInfo]:
    """Each region once, from its nearest file (a region with an overlay has two files)."""
    nearest = {layer.region.id: layer for layer in reversed(guide.chain)}
    return [RegionInfo.of(layer) for layer in reversed(nearest.values())]


def reachable(guide: Guide, key: tuple[str, str], entry: Entry) -> list[Candidate]:
    """The versions some applicant gets: the first whose condition holds for some profile."""
    depths = guide.depths
    chosen = {
        id(choose(entry, profile, depths, walled(guide, *key, profile))[0])
        for profile in all_profiles(relevant_facets(guide, key[0]))
    }
    return [candidate for candidate in entry.candidates if id(candidate) in chosen]
