"""Pick, for one profile, the version of each item that applies and remember why."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Channel, ChannelKind, Facet, Item
from .profile import Profile, facets_named, matches
from .resolve import Candidate, Entry, Guide


@dataclass(frozen=True)
class Placed:
    """An item chosen for a checklist, with the layer that supplied it."""

    kind: str
    candidate: Candidate
    region_id: str  # the region the checklist is for
    passed_over: tuple[Candidate, ...] = ()  # nearer versions whose condition did not hold

    @property
    def item(self) -> Item:
        return self.candidate.item

    @property
    def origin(self) -> str:
        return self.candidate.origin

    @property
    def inherited(self) -> bool:
        """True when a parent region supplied the item because the region has none of its own."""
        return self.origin != self.region_id


def choose(entry: Entry, profile: Profile) -> tuple[Candidate | None, tuple[Candidate, ...]]:
    """The nearest candidate whose condition holds, and the nearer ones passed over."""
    for index, candidate in enumerate(entry.candidates):
        if matches(candidate.item.when, profile):
            return candidate, tuple(entry.candidates[:index])
    return None, tuple(entry.candidates)


def _for_channel(item: Item, channel: ChannelKind | None) -> bool:
    if channel is None:
        return True
    if isinstance(item, Channel):
        return item.channel == channel
    channels: list[ChannelKind] = getattr(item, "channels", [])
    return not channels or channel in channels


def select(
    guide: Guide,
    procedure: str,
    kind: str,
    profile: Profile,
    channel: ChannelKind | None = None,
) -> list[Placed]:
    """The items of one kind that apply to the profile, in guide order."""
    region_id = guide.layer.region.id
    placed: list[Placed] = []
    for entry in guide.section(procedure, kind):
        chosen, passed_over = choose(entry, profile)
        if chosen is not None and _for_channel(chosen.item, channel):
            placed.append(Placed(kind, chosen, region_id, passed_over))
    return placed


def relevant_facets(guide: Guide, procedure: str) -> set[Facet]:
    """Facets that change this procedure's checklist in this region: what an interview asks."""
    return facets_named(
        candidate.item.when
        for (name, _kind), entries in guide.entries.items()
        if name == procedure
        for entry in entries
        for candidate in entry.candidates
    )
