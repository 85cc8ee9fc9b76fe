"""Pick, for one profile, the version of each item that applies and remember why."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Channel, ChannelKind, Condition, Facet, Item
from .profile import IMPLIES, Profile, describe_condition, facets_named, flag_for, matches
from .resolve import Candidate, Entry, Guide


@dataclass(frozen=True)
class Placed:
    """An item chosen for a checklist, with the layer that supplied it."""

    procedure: str
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
    """The nearest candidate whose condition holds, and nearer regions' versions passed over."""
    for index, candidate in enumerate(entry.candidates):
        if matches(candidate.item.when, profile):
            nearer = [c for c in entry.candidates[:index] if c.layer is not candidate.layer]
            return candidate, tuple(nearer)
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
            placed.append(Placed(procedure, kind, chosen, region_id, passed_over))
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


@dataclass(frozen=True)
class Reason:
    """Why an item is on a checklist: the answers its condition needed and the layer it is from."""

    condition: Condition | None
    answers: tuple[str, ...]  # e.g. ("--newborn", "not --employer")
    origin: str
    passed_over: tuple[tuple[str, str], ...]  # (region, who its version is for)

    def sentence(self) -> str:
        gave = [a for a in self.answers if not a.startswith("not ")]
        withheld = [a.removeprefix("not ") for a in self.answers if a.startswith("not ")]
        said = []
        if gave:
            said.append(f"you gave {', '.join(gave)}")
        if withheld:
            said.append(f"you did not give {' or '.join(withheld)}")
        who = " and ".join(said) or "it is for everyone"
        line = f"{who}; from {self.origin}"
        if self.passed_over:
            nearer = "; ".join(
                f"{region}'s version is for: {when}" for region, when in self.passed_over
            )
            line += f" ({nearer})"
        return line


def _answer(facet: Facet, profile: Profile) -> str:
    if facet in profile.given:
        return flag_for(facet)
    giver = next(g for g in profile.given if facet in IMPLIES.get(g, ()))
    return f"{flag_for(giver)} (so {facet.replace('_', '-')})"


def explain(placed: Placed, profile: Profile) -> Reason:
    condition = placed.item.when
    answers: list[str] = []
    if condition is not None:
        have = profile.facets
        answers += [_answer(f, profile) for f in condition.all]
        answers += [_answer(f, profile) for f in condition.any if f in have]
        answers += [f"not {flag_for(f)}" for f in condition.none]
    passed = tuple((c.origin, describe_condition(c.item.when)) for c in placed.passed_over)
    return Reason(condition, tuple(answers), placed.origin, passed)
