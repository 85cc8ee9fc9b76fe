"""What the renderers receive: region listings, resolved guides and personal checklists."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import msgspec

from cardguide.errors import DataError, Diagnostic
from cardguide.load.catalog import Catalog
from cardguide.load.loader import FAQ, Layer
from cardguide.match.eligibility import CanApply, can_apply
from cardguide.match.pick import Placed, choose, relevant_facets, select, walled
from cardguide.match.whole_list import unlisted
from cardguide.model.profile import Profile, all_profiles
from cardguide.model.region import KINDS, ChannelKind, Event, Level, Source
from cardguide.resolve.chain import Candidate, Entry, Guide, load_chain
from cardguide.wording.text import Text

if TYPE_CHECKING:  # imported where used: most commands need none of them
    from cardguide.answers.deadlines import Verdict
    from cardguide.answers.faq import Match

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
    def of_header(cls, header: dict[str, Any], file: str) -> RegionInfo:
        """From a header as `headers.header_of` keeps it."""
        names = Text(**header["names"])
        full = header["full_names"]
        return cls(
            header["id"],
            names,
            Text(**full) if full else names,
            header["pinyin"],
            header["level"],
            header["parent"],
            datetime.date.fromisoformat(header["last_reviewed"]),
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


class RegionListing(msgspec.Struct, frozen=True):
    regions: list[RegionInfo]
    reviews: list[Review]
    problems: list[Diagnostic] = msgspec.field(default_factory=list)  # files left out, and why


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


class FaqResults(msgspec.Struct, frozen=True):
    """Questions and answers from the sources that match a search, best first."""

    region: RegionInfo
    chain: list[RegionInfo]
    query: str | None
    matches: list[Match]
    sources: list[Source]
    reviews: list[Review]
    asked: Asked | None = None


class GuideView(msgspec.Struct, frozen=True):
    """Everything a region's resolved guide holds, for `show`."""

    region: RegionInfo
    chain: list[RegionInfo]
    procedures: dict[str, dict[str, list[Entry]]]  # procedure → kind → entries
    faq: list[Entry]
    sources: list[Source]
    reviews: list[Review]
    asked: Asked | None = None


class Difference(msgspec.Struct, frozen=True):
    """One item that two regions' resolved guides hold differently."""

    procedure: str  # or "faq"
    kind: str
    id: str
    a: list[Candidate]  # every version some profile can get in region A, nearest first
    b: list[Candidate]

    @property
    def change(self) -> str:
        return "only_a" if not self.b else "only_b" if not self.a else "changed"


class DiffReport(msgspec.Struct, frozen=True):
    a: RegionInfo
    b: RegionInfo
    differences: list[Difference]
    same: int  # items both regions hold identically
    sources: list[Source]
    reviews: list[Review]


class Validation(msgspec.Struct, frozen=True):
    """What `validate` found in the files it read."""

    files: list[Path]
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)


Document: TypeAlias = (
    "RegionListing | Checklist | GuideView | CheckReport | FaqResults | DiffReport | Validation"
)


def build_listing(catalog: Catalog, today: datetime.date) -> RegionListing:
    """Every region, parents before children, siblings by id; broken ones as problems.

    Made from the regions' headers: a local file's comes from the user's cache while the file
    is unchanged, so listing thousands of local regions parses none of them.
    """
    found: dict[str, dict[str, Any]] = {}
    problems: list[Diagnostic] = []
    for region_id in catalog.ids():
        try:
            found[region_id] = catalog.header(region_id)
        except DataError as error:  # one broken local file must not hide every other region
            problems.append(error.diagnostic)
    catalog.save_headers()
    children: dict[str | None, list[str]] = {}
    for region_id, header in sorted(found.items()):
        parent = header["parent"] if header["parent"] in found else None
        children.setdefault(parent, []).append(region_id)
    ordered: list[RegionInfo] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        region_id = pending.pop()
        ordered.append(RegionInfo.of_header(found[region_id], catalog.nearest(region_id)))
        pending.extend(reversed(children.get(region_id, [])))
    listed = {info.id for info in ordered}
    for region_id in sorted(set(found) - listed):
        # Regions never reached from a root sit in a cycle of parents: say so, never drop them.
        try:
            load_chain(catalog, region_id)
        except DataError as error:
            problems.append(error.diagnostic)
    found_reviews = [
        review(info.id, info.file, catalog.is_local(info.file), info.last_reviewed, today)
        for info in ordered
    ]
    return RegionListing(ordered, found_reviews, list(dict.fromkeys(problems)))


def _cited(shown: Sequence[Candidate | Placed], sources: dict[str, Source]) -> list[Source]:
    """The sources the items and their caveats cite, in order of first citation."""
    seen: dict[str, Source] = {}
    for one in shown:
        refs = [*one.item.sources]
        for caveat in getattr(one, "caveats", ()):
            refs += caveat.sources
        for ref in refs:
            seen.setdefault(ref, sources[ref])
    return list(seen.values())


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
    cited = [p for items in sections.values() for p in items]
    return Checklist(
        procedure=procedure,
        region=RegionInfo.of(guide.layer),
        chain=_chain(guide),
        profile=profile,
        channel=channel,
        sections=sections,
        unknown=[kind for kind in EXPECTED[procedure] if not sections.get(kind)],
        sources=_cited(cited, guide.sources),
        reviews=reviews(guide.chain, today),
        verdicts=found,
        today=today if events else None,
        asked=Asked.of(guide),
        unlisted=unlisted(procedure, profile, sections.get("materials", [])),
        can_apply=can_apply(guide, profile) if procedure == "apply" else None,
    )


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
        chain=_chain(guide),
        profile=profile,
        today=today,
        events=events,
        verdicts=found,
        sources=_cited(shown, guide.sources),
        reviews=reviews(guide.chain, today),
        related=related,
        asked=Asked.of(guide),
        can_apply=answer,
    )


def build_faq(
    guide: Guide, profile: Profile, query: str | None, today: datetime.date
) -> FaqResults:
    chain = [layer.region.id for layer in guide.chain]
    from cardguide.answers.faq import search

    matches = search(select(guide, *FAQ, profile), query, chain)
    return FaqResults(
        region=RegionInfo.of(guide.layer),
        chain=_chain(guide),
        query=query,
        matches=matches,
        sources=_cited([m.placed for m in matches], guide.sources),
        reviews=reviews(guide.chain, today),
        asked=Asked.of(guide),
    )


def _chain(guide: Guide) -> list[RegionInfo]:
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
        chain=_chain(guide),
        procedures=procedures,
        faq=trimmed.get(FAQ, []),
        sources=_cited(shown, guide.sources),
        reviews=reviews(guide.chain, today),
        asked=Asked.of(guide),
    )


def build_diff(a: Guide, b: Guide, today: datetime.date) -> DiffReport:
    """Every item id whose reachable versions differ between two regions' guides."""
    keys = [*((p, k) for p in EXPECTED for k in KINDS), FAQ]
    differences: list[Difference] = []
    same = 0
    shown: list[Candidate] = []
    for procedure, kind in keys:
        key = (procedure, kind)
        versions_a = {e.id: reachable(a, key, e) for e in a.section(*key)}
        versions_b = {e.id: reachable(b, key, e) for e in b.section(*key)}
        for item_id in dict.fromkeys([*versions_a, *versions_b]):
            in_a, in_b = versions_a.get(item_id, []), versions_b.get(item_id, [])
            if [c.item for c in in_a] == [c.item for c in in_b]:
                same += 1
                continue
            differences.append(Difference(procedure, kind, item_id, in_a, in_b))
            shown += in_a + in_b
    return DiffReport(
        a=RegionInfo.of(a.layer),
        b=RegionInfo.of(b.layer),
        differences=differences,
        same=same,
        sources=_cited(shown, {**b.sources, **a.sources}),
        reviews=reviews([*a.chain, *(layer for layer in b.chain if layer not in a.chain)], today),
    )
