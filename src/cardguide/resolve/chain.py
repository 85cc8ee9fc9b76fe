"""Region inheritance: load a region's chain of parents and merge it into one guide, id by id.

The rule (also in README): items are keyed by (procedure, kind, id). A child's item with the id
of an inherited one becomes a nearer *candidate* for that id; an item with a new id is added at
the end, or next to the item its `before`/`after` names. One file may hold several versions of
an id for different people (never two for the same person). A section's `complete` list names
kinds the region lists in full, so nothing of those kinds is inherited. When a checklist is
built, each id takes the nearest candidate whose condition holds for the profile, so a region
that has no entry of its own for someone falls back up the chain.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

from cardguide.errors import DataError, Diagnostic
from cardguide.load.catalog import Catalog
from cardguide.load.loader import Layer, iter_items
from cardguide.load.sourcemap import KeyPath
from cardguide.model.region import (
    LEVEL_RANK,
    STATUS_RANK,
    Completion,
    Condition,
    Item,
    Source,
    SourceCaveat,
)
from cardguide.wording import join, keyed, msg
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from cardguide.places.divisions import Division


class Candidate(msgspec.Struct, frozen=True):
    """One region's version of an item, with the file and key path it was written at."""

    item: Item
    layer: Layer
    path: KeyPath

    @property
    def origin(self) -> str:
        return self.layer.region.id


class Entry(msgspec.Struct):
    """All versions of one item id along the chain, nearest region first."""

    id: str
    candidates: list[Candidate] = msgspec.field(default_factory=list)


class Wall(msgspec.Struct, frozen=True):
    """A region's list of one kind that is complete for some people: above it, nothing counts.

    `depth` is the region's place in the chain (0 for the region asked for); for the people
    `condition` holds for, items from regions farther up are not inherited.
    """

    depth: int
    condition: Condition


class Guide(msgspec.Struct, frozen=True):
    """A region's resolved guide: its chain of files and every item's candidates, in order."""

    chain: list[Layer]  # the region asked for first, the national region last
    entries: dict[tuple[str, str], list[Entry]]  # (procedure, kind) → entries in order
    sources: dict[str, Source]
    walls: dict[tuple[str, str], list[Wall]] = msgspec.field(default_factory=dict)
    # Each region's caveats on its ancestors' facts, with the region's depth.
    caveats: list[tuple[int, SourceCaveat]] = msgspec.field(default_factory=list)
    # The place a person named when it has no region of its own (海曙区 shown Ningbo's rules).
    place: Division | None = None
    # The names of regions outside the chain that its rules are limited to (`only_in`), so a
    # verdict can say whose rule it is in words.
    others: dict[str, Text] = msgspec.field(default_factory=dict)

    @property
    def layer(self) -> Layer:
        return self.chain[0]

    @property
    def depths(self) -> dict[str, int]:
        """Each region's place in the chain, nearest first."""
        return {region: depth for depth, region in enumerate(dict.fromkeys(self.region_ids))}

    @property
    def region_ids(self) -> list[str]:
        return [layer.region.id for layer in self.chain]

    def section(self, procedure: str, kind: str) -> list[Entry]:
        return self.entries.get((procedure, kind), [])


Report = Callable[[Diagnostic], None]


def _raise(problem: Diagnostic) -> None:
    raise DataError(problem)


def limited_to(guide: Guide) -> set[str]:
    """The regions the guide's rules are limited to (`only_in`)."""
    return {
        rule.only_in
        for entries in guide.entries.values()
        for entry in entries
        for candidate in entry.candidates
        if (rule := getattr(candidate.item, "rule", None)) is not None and rule.only_in
    }


def load_chain(catalog: Catalog, region_id: str) -> list[Layer]:
    """The region's files and its ancestors', nearest first; broken links are errors."""
    chain: list[Layer] = []
    regions: list[Layer] = []  # each region's nearest file, the one whose header counts
    current: str | None = region_id
    while current is not None:
        if regions and current in [layer.region.id for layer in regions]:
            loop = " → ".join([*(layer.region.id for layer in regions), current])
            cycle = msg("resolve.cycle", loop=loop)
            raise DataError(regions[-1].diagnostic("CG008", cycle, ("parent",)))
        if regions and catalog.file_for(current) is None:
            missing = msg("resolve.no_parent", id=current)
            raise DataError(regions[-1].diagnostic("CG007", missing, ("parent",)))
        layers = catalog.region_layers(current)
        _check_overlays(layers)
        chain.extend(layers)
        regions.append(layers[0])
        current = layers[0].region.parent
    # Levels are checked once the chain is known to end, so a cycle is reported as a cycle.
    for child, above in itertools.pairwise(regions):
        if LEVEL_RANK[above.region.level] >= LEVEL_RANK[child.region.level]:
            misplaced = msg(
                "resolve.level", level=keyed("level", child.region.level), parent=above.region.id,
                parent_level=keyed("level", above.region.level),
            )  # fmt: skip
            raise DataError(child.diagnostic("CG021", misplaced, ("level",)))
    for layer in chain:
        for index, source in enumerate(layer.region.sources):
            for number, place in enumerate(source.places):
                if catalog.file_for(place) is None:
                    nowhere = msg("resolve.only_in", id=place)
                    where = ("sources", index, "places", number)
                    raise DataError(layer.diagnostic("CG024", nowhere, where))
        for _procedure, _kind, path, item in iter_items(layer.region):
            rule = getattr(item, "rule", None)
            if rule is not None and rule.only_in and catalog.file_for(rule.only_in) is None:
                nowhere = msg("resolve.only_in", id=rule.only_in)
                raise DataError(layer.diagnostic("CG024", nowhere, (*path, "rule", "only_in")))
    return chain


def _check_overlays(layers: list[Layer]) -> None:
    """An overlay may change a region's items, never where it sits in the hierarchy."""
    base = layers[-1].region
    for layer in layers[:-1]:
        for key in ("parent", "level"):
            if getattr(layer.region, key) != getattr(base, key):
                moved = msg(
                    "resolve.overlay_moves", key_name=key, value=getattr(layer.region, key),
                    base=getattr(base, key), file=layers[-1].file,
                )  # fmt: skip
                raise DataError(layer.diagnostic("CG025", moved, (key,)))


def resolve(chain: list[Layer], report: Report = _raise) -> Guide:
    """Merge the chain, root first, checking every reference along the way.

    Problems go to `report`, which raises by default; `validate` collects them instead and
    the faulty reference is then left out or placed at the end.
    """
    sources: dict[str, Source] = {}
    entries: dict[tuple[str, str], list[Entry]] = {}
    walls: dict[tuple[str, str], list[Wall]] = {}
    caveats: list[tuple[int, SourceCaveat]] = []
    # Each list's entries by id, beside the list: finding an entry is then no search.
    by_id: dict[tuple[str, str], dict[str, Entry]] = {}
    ids = dict.fromkeys(layer.region.id for layer in chain)
    depths = {region: depth for depth, region in enumerate(ids)}
    defined_by: dict[str, Layer] = {}
    for layer in reversed(chain):
        for index, source in enumerate(layer.region.sources):
            first = defined_by.get(source.id)
            # An overlay restates its own region's sources when it is a copy of the shipped
            # file, edited: the same definition is accepted, a changed one replaces it.
            if first is not None and not (layer.overlay and first.region.id == layer.region.id):
                again = msg(
                    "resolve.source_again", id=source.id,
                    region=first.region.names.zh or first.region.id, file=first.file,
                )  # fmt: skip
                report(layer.diagnostic("CG009", again, ("sources", index, "id")))
            sources[source.id] = source
            defined_by[source.id] = layer
        _check_caveats(layer, sources, report)
        caveats += [(depths[layer.region.id], caveat) for caveat in layer.region.caveats]
        for procedure, kind, condition in _completed(layer):
            if condition is None:
                entries[(procedure, kind)] = []  # this region's own list replaces the inherited one
                by_id.pop((procedure, kind), None)
            else:
                wall = Wall(depths[layer.region.id], condition)
                walls.setdefault((procedure, kind), []).append(wall)
        above = list(ids)[depths[layer.region.id] :]  # this region and its ancestors
        for procedure, kind, path, item in iter_items(layer.region):
            _check_sources(layer, item, path, sources, report)
            _check_places(layer, item, path, sources, above, report)
            order = entries.setdefault((procedure, kind), [])
            _place(
                order, by_id.setdefault((procedure, kind), {}), Candidate(item, layer, path), report
            )
    return Guide(chain=chain, entries=entries, sources=sources, walls=walls, caveats=caveats)


def _check_caveats(layer: Layer, sources: dict[str, Source], report: Report) -> None:
    """A region's caveats name sources defined in its file or its ancestors'."""
    for index, caveat in enumerate(layer.region.caveats):
        for field_name in ("about", "sources"):
            for number, ref in enumerate(getattr(caveat, field_name)):
                if ref not in sources:
                    undefined = msg("resolve.source_undefined", id=ref)
                    where = ("caveats", index, field_name, number)
                    report(layer.diagnostic("CG012", undefined, where))


def _completed(layer: Layer) -> list[tuple[str, str, Condition | None]]:
    """(procedure, kind, for whom) of each list the region gives in full; None is everyone."""
    procedures = layer.region.procedures
    return [
        (name, *((done.kind, done.when) if isinstance(done, Completion) else (done, None)))
        for name in procedures.__struct_fields__
        if (section := getattr(procedures, name)) is not None
        for done in section.complete
    ]


def _check_sources(
    layer: Layer, item: Item, path: KeyPath, sources: dict[str, Source], report: Report
) -> None:
    for index, ref in enumerate(item.sources):
        if ref not in sources:
            undefined = msg("resolve.source_undefined", id=ref)
            report(layer.diagnostic("CG012", undefined, (*path, "sources", index)))
    known = [STATUS_RANK[sources[ref].status] for ref in item.sources if ref in sources]
    if known and STATUS_RANK[item.status] > max(known):
        stronger = msg("resolve.status", status=item.status)
        report(layer.diagnostic("CG022", stronger, (*path, "status")))


def _check_places(
    layer: Layer,
    item: Item,
    path: KeyPath,
    sources: dict[str, Source],
    above: list[str],
    report: Report,
) -> None:
    """An item cites only sources about its own region or a region above it (CG035)."""
    for index, ref in enumerate(item.sources):
        # A source without places speaks for the file that defines it, which is this region
        # or one above it (no other file's sources are visible here): nothing to check.
        if ref not in sources or not (places := sources[ref].places):
            continue
        if not any(place in above for place in places):
            elsewhere = msg(
                "resolve.source_place", id=ref, places=join(places),
                region=layer.region.names.zh or layer.region.id,
            )  # fmt: skip
            report(layer.diagnostic("CG035", elsewhere, (*path, "sources", index)))


def _place(
    order: list[Entry], by_id: dict[str, Entry], candidate: Candidate, report: Report
) -> None:
    """Add a candidate to its entry, creating or moving the entry as before/after asks."""
    item = candidate.item
    current = by_id.get(item.id)
    anchor = item.before or item.after
    if current is not None:
        # Versions from one file keep their file order, ahead of the parents' versions.
        same_file = [c for c in current.candidates if c.layer is candidate.layer]
        current.candidates.insert(len(same_file), candidate)
        if anchor is None or same_file:
            return  # placement comes from the first version in a file that gives one
        order.remove(current)
    else:
        current = by_id[item.id] = Entry(item.id, [candidate])
        if anchor is None:
            order.append(current)
            return
    position = next((i for i, entry in enumerate(order) if entry.id == anchor), None)
    if position is None:
        key = "before" if item.before else "after"
        nothing = msg("resolve.anchor", key_name=key, id=anchor)
        report(candidate.layer.diagnostic("CG020", nothing, (*candidate.path, key)))
        order.append(current)
        return
    order.insert(position if item.before else position + 1, current)
