"""Pick, for one profile, the version of each item that applies and remember why."""

from __future__ import annotations

import msgspec

from cardguide.model.profile import (
    IMPLIES,
    Profile,
    describe_condition,
    facets_named,
    flag_for,
    matches,
)
from cardguide.model.region import Channel, ChannelKind, Condition, Event, Facet, Item, SourceCaveat
from cardguide.resolve.chain import Candidate, Entry, Guide
from cardguide.wording import Msg, join, keyed, msg


class Reason(msgspec.Struct, frozen=True):
    """Why an item is on a checklist: the answers its condition needed, the layer it is from,
    and nearer regions' versions passed over (`--why`)."""

    candidate: Candidate
    passed_over: tuple[Candidate, ...]
    answers: tuple[Facet, ...]  # facets given that the condition needed, e.g. ("newborn",)
    implied: tuple[tuple[Facet, Facet], ...]  # (facet given, facet it implies) that were needed
    withheld: tuple[Facet, ...]  # facets the condition needed absent, e.g. ("employer",)
    dated: tuple[tuple[Facet, Event], ...] = ()  # facets the profile took from a date

    def _answer(self, facet: Facet) -> Msg:
        """A facet as the person gave it: English names the flag, Chinese says the words; a
        facet a date stood for names the date (`--born`, 出生日期)."""
        event = dict(self.dated).get(facet)
        short = keyed("facet_short", facet)
        if event is not None:
            return msg("why.dated", event=keyed("event", event), facet=short)
        return msg("why.answer", flag=flag_for(facet), facet=short)

    def sentence(self) -> Msg:
        gave: list[object] = [self._answer(facet) for facet in self.answers]
        gave += [
            msg("why.implied", given=self._answer(giver), facet=keyed("facet_short", facet))
            for giver, facet in self.implied
        ]
        withheld = join((self._answer(facet) for facet in self.withheld), "or")
        if gave and self.withheld:
            who = msg("why.gave_withheld", flags=join(gave), withheld=withheld)
        elif gave:
            who = msg("why.gave", flags=join(gave))
        elif self.withheld:
            who = msg("why.withheld", flags=withheld)
        else:
            who = msg("why.everyone")
        origin = self.candidate.layer.region.names
        if not self.passed_over:
            return msg("why.line", who=who, origin=origin)
        nearer = join(
            (
                msg("why.passed", region=c.layer.region.names, when=for_whom(c.item.when))
                for c in self.passed_over
            ),
            "parts",
        )
        return msg("why.line_passed", who=who, origin=origin, nearer=nearer)


class Placed(msgspec.Struct, frozen=True):
    """An item chosen for a checklist, with the layer that supplied it and why it applies."""

    procedure: str
    kind: str
    candidate: Candidate
    region_id: str  # the region the checklist is for
    reason: Reason
    caveats: tuple[SourceCaveat, ...] = ()  # nearer regions' warnings about its sources

    @property
    def item(self) -> Item:
        return self.candidate.item

    @property
    def origin(self) -> str:
        return self.candidate.origin

    @property
    def passed_over(self) -> tuple[Candidate, ...]:
        """Nearer versions whose condition did not hold."""
        return self.reason.passed_over

    @property
    def inherited(self) -> bool:
        """True when a parent region supplied the item because the region has none of its own."""
        return self.origin != self.region_id


def walled(guide: Guide, procedure: str, kind: str, profile: Profile) -> int | None:
    """The depth above which this person inherits nothing of this kind (None: no such wall)."""
    depths = [
        w.depth for w in guide.walls.get((procedure, kind), []) if matches(w.condition, profile)
    ]
    return min(depths, default=None)


def choose(
    entry: Entry, profile: Profile, depths: dict[str, int] | None = None, wall: int | None = None
) -> tuple[Candidate | None, tuple[Candidate, ...]]:
    """The nearest candidate whose condition holds, and nearer regions' versions passed over.

    With a `wall`, candidates from regions deeper than it (by `depths`) are not inherited.
    """
    for index, candidate in enumerate(entry.candidates):
        if wall is not None and depths is not None and depths[candidate.origin] > wall:
            break  # candidates are nearest first: every later one is beyond the wall too
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
    depths, wall = guide.depths, walled(guide, procedure, kind, profile)
    for entry in guide.section(procedure, kind):
        chosen, passed_over = choose(entry, profile, depths, wall)
        if chosen is not None and _for_channel(chosen.item, channel):
            warned = _caveats(guide, chosen, depths)
            reason = explain(chosen, passed_over, profile)
            placed.append(Placed(procedure, kind, chosen, region_id, reason, warned))
    return placed


def _caveats(guide: Guide, chosen: Candidate, depths: dict[str, int]) -> tuple[SourceCaveat, ...]:
    """Warnings of regions below the item's own about the sources it cites."""
    cited = set(chosen.item.sources)
    return tuple(
        caveat
        for depth, caveat in guide.caveats
        if depths[chosen.origin] > depth and cited.intersection(caveat.about)
    )


def relevant_facets(guide: Guide, procedure: str | None = None) -> set[Facet]:
    """Facets that change this procedure's checklist in this region (any procedure's, without
    one): what an interview asks, and the only ones a check over every person must vary."""
    conditions = [
        candidate.item.when
        for (name, _kind), entries in guide.entries.items()
        if procedure is None or name == procedure
        for entry in entries
        for candidate in entry.candidates
    ]
    conditions += [w.condition for (name, _k), walls in guide.walls.items()
                   if procedure is None or name == procedure for w in walls]  # fmt: skip
    return facets_named(conditions)


def for_whom(condition: Condition | None) -> object:
    """Whom a version of an item is for, in words (everyone when it has no condition)."""
    return describe_condition(condition) or msg("condition.everyone")


def _giver(facet: Facet, profile: Profile) -> Facet:
    """The facet the person gave that brought in an implied one (newborn for minor)."""
    return next(g for g in profile.given if facet in IMPLIES.get(g, ()))


def explain(candidate: Candidate, passed_over: tuple[Candidate, ...], profile: Profile) -> Reason:
    """Why this version of an item applies to this person."""
    condition = candidate.item.when
    needed: list[Facet] = []
    withheld: tuple[Facet, ...] = ()
    if condition is not None:
        needed = [*condition.all, *(f for f in condition.any if f in profile.facets)]
        withheld = tuple(condition.none)
    given = tuple(f for f in needed if f in profile.given)
    implied = tuple((_giver(f, profile), f) for f in needed if f not in profile.given)
    return Reason(candidate, passed_over, given, implied, withheld, profile.dated)
