"""A list declared complete must not drop a parent's item for the people it was written for."""

from __future__ import annotations

from collections.abc import Iterator

from cardguide.errors import Diagnostic
from cardguide.load.catalog import Catalog
from cardguide.load.loader import Layer
from cardguide.match.pick import choose, relevant_facets, walled
from cardguide.model.profile import Profile, all_profiles, facets_named, matches
from cardguide.model.region import Completion, Condition
from cardguide.resolve.chain import Guide, load_chain, resolve
from cardguide.wording import keyed, msg


def dropped_items(catalog: Catalog, layer: Layer, guide: Guide) -> Iterator[Diagnostic]:
    """CG028 for each parent item that a `complete` list hides from the people it was written for.

    A parent's item with a condition (`when: {all: [foreign_employee]}`) was written for some
    people; when the region's complete list covers them and the region gives them no version
    of that id, they lose it: the list is not complete for them.
    """
    region = layer.region
    if region.parent is None or catalog.file_for(region.parent) is None:
        return
    procedures = region.procedures
    completes = [
        (name, index, done)
        for name in procedures.__struct_fields__
        if (section := getattr(procedures, name)) is not None
        for index, done in enumerate(section.complete)
    ]
    if not completes:
        return
    # `guide` is the region's own, already resolved by the caller; its parents' is resolved
    # apart, because the complete list hides their items from `guide`.
    parents = resolve(load_chain(catalog, region.parent), report=lambda _d: None)
    for procedure, index, done in completes:
        kind, condition = (done.kind, done.when) if isinstance(done, Completion) else (done, None)
        for entry in parents.section(procedure, kind):
            for candidate in entry.candidates:
                person = _hidden_from(
                    guide, procedure, kind, entry.id, candidate.item.when, condition
                )
                if person is None:
                    continue
                hidden = msg(
                    "completeness.hidden", id=entry.id, origin=candidate.origin,
                    kind=keyed("heading", kind), whom=person.describe(),
                )  # fmt: skip
                where = ("procedures", procedure, "complete", index)
                yield layer.diagnostic("CG028", hidden, where).as_warning()
                break


def _hidden_from(
    guide: Guide,
    procedure: str,
    kind: str,
    item_id: str,
    written_for: Condition | None,
    covered: Condition | None,
) -> Profile | None:
    """Someone the parent's item was written for who gets no version of it in the region."""
    if written_for is None or not (written_for.all or written_for.any):
        # An item for everyone (or everyone but some) is what a complete list means to replace.
        return None
    entry = next((e for e in guide.section(procedure, kind) if e.id == item_id), None)
    for profile in all_profiles(relevant_facets(guide, procedure) | facets_named([written_for])):
        if not (matches(written_for, profile) and (covered is None or matches(covered, profile))):
            continue
        if entry is None:
            return profile
        wall = walled(guide, procedure, kind, profile)
        if choose(entry, profile, guide.depths, wall)[0] is None:
            return profile
    return None
