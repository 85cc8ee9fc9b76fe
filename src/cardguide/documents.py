"""What the renderers receive: region listings, resolved guides and personal checklists."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .loader import Layer
from .match import Placed, select
from .model import KINDS, ChannelKind, Level, Source, Text
from .profile import Profile
from .resolve import Candidate, Entry, Guide

# Kinds a checklist must account for: when nothing applies, output says "not known".
EXPECTED: dict[str, tuple[str, ...]] = {
    "apply": ("steps", "materials", "fees", "deadlines"),
    "activate": ("channels",),
    "replace": ("steps", "materials", "fees", "deadlines"),
    "collect": ("steps", "materials", "deadlines"),
    "update": ("steps", "materials"),
    "reimburse": ("steps", "materials", "deadlines"),
}

# The words a reader sees for "the data does not say".
UNKNOWN = "Not known; ask the local office."


@dataclass(frozen=True)
class RegionInfo:
    """A region's header, as listings and checklists show it."""

    id: str
    names: Text
    level: Level
    parent: str | None
    last_reviewed: datetime.date
    file: Path

    @classmethod
    def of(cls, layer: Layer) -> RegionInfo:
        region = layer.region
        return cls(
            region.id, region.names, region.level, region.parent, region.last_reviewed, layer.file
        )


@dataclass(frozen=True)
class RegionListing:
    regions: list[RegionInfo]


@dataclass(frozen=True)
class Checklist:
    """A personal checklist: what applies to one profile in one region for one procedure."""

    procedure: str
    region: RegionInfo
    chain: list[RegionInfo]  # the region first, the national region last
    profile: Profile
    channel: ChannelKind | None
    sections: dict[str, list[Placed]]  # kind → items, in KINDS order
    unknown: list[str]  # expected kinds for which no source says anything
    sources: list[Source]  # in order of first citation


@dataclass(frozen=True)
class GuideView:
    """Everything a region's resolved guide holds, for `show`."""

    region: RegionInfo
    chain: list[RegionInfo]
    procedures: dict[str, dict[str, list[Entry]]]  # procedure → kind → entries
    sources: list[Source]


Document = RegionListing | Checklist | GuideView


def build_listing(catalog: Catalog) -> RegionListing:
    """Every region, parents before children, siblings by id."""
    layers = {layer.region.id: layer for layer in catalog.layers()}
    children: dict[str | None, list[str]] = {}
    for region_id, layer in sorted(layers.items()):
        parent = layer.region.parent if layer.region.parent in layers else None
        children.setdefault(parent, []).append(region_id)
    ordered: list[RegionInfo] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        region_id = pending.pop()
        ordered.append(RegionInfo.of(layers[region_id]))
        pending.extend(reversed(children.get(region_id, [])))
    return RegionListing(ordered)


def _cited(candidates: list[Candidate], guide: Guide) -> list[Source]:
    seen: dict[str, Source] = {}
    for candidate in candidates:
        for ref in candidate.item.sources:
            seen.setdefault(ref, guide.sources[ref])
    return list(seen.values())


def build_checklist(
    guide: Guide, procedure: str, profile: Profile, channel: ChannelKind | None = None
) -> Checklist:
    sections = {kind: select(guide, procedure, kind, profile, channel) for kind in KINDS}
    sections = {
        kind: items for kind, items in sections.items() if items or kind in EXPECTED[procedure]
    }
    unknown = [kind for kind in EXPECTED[procedure] if not sections.get(kind)]
    placed = [p.candidate for items in sections.values() for p in items]
    return Checklist(
        procedure=procedure,
        region=RegionInfo.of(guide.layer),
        chain=[RegionInfo.of(layer) for layer in guide.chain],
        profile=profile,
        channel=channel,
        sections=sections,
        unknown=unknown,
        sources=_cited(placed, guide),
    )


def reachable(entry: Entry) -> list[Candidate]:
    """Candidates that some profile can select: none beyond the first unconditional one."""
    out: list[Candidate] = []
    for candidate in entry.candidates:
        out.append(candidate)
        if candidate.item.when is None:
            break
    return out


def build_guide_view(guide: Guide) -> GuideView:
    procedures: dict[str, dict[str, list[Entry]]] = {}
    shown: list[Candidate] = []
    for (procedure, kind), entries in guide.entries.items():
        trimmed = [Entry(entry.id, reachable(entry)) for entry in entries]
        procedures.setdefault(procedure, {})[kind] = trimmed
        shown.extend(c for entry in trimmed for c in entry.candidates)
    ordered = {
        procedure: {
            kind: procedures[procedure][kind] for kind in KINDS if kind in procedures[procedure]
        }
        for procedure in sorted(procedures, key=list(EXPECTED).index)
    }
    return GuideView(
        region=RegionInfo.of(guide.layer),
        chain=[RegionInfo.of(layer) for layer in guide.chain],
        procedures=ordered,
        sources=_cited(shown, guide),
    )
