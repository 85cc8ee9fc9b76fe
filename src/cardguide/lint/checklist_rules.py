"""Rules on whole checklists: no parent's step beside a region's own, no paper asked for twice."""

from __future__ import annotations

from collections.abc import Iterator

from cardguide.errors import Diagnostic
from cardguide.load.loader import Layer
from cardguide.match.pick import Placed, relevant_facets, select
from cardguide.model.profile import Profile, all_profiles
from cardguide.model.region import Material, Procedures, Step
from cardguide.resolve.chain import Candidate, Guide
from cardguide.wording import keyed, msg

PROCEDURES: tuple[str, ...] = Procedures.__struct_fields__


def checklist_problems(guide: Guide, layer: Layer) -> Iterator[Diagnostic]:
    """CG036 and CG037 that `layer` brings into its region's checklists, over every person.

    Each problem is reported once, at the nearer of the two items, for the first person it
    reaches. A problem is always the nearer item's, so a procedure for which the file gives
    no step with a topic and no material naming a document cannot have one here, and is not
    checked (3,000 local files of notes and forms cost nothing).
    """
    reported: set[tuple[str, int, int]] = set()
    for procedure in _own_procedures(layer):
        seen: set[tuple[int, ...]] = set()
        for profile in all_profiles(relevant_facets(guide, procedure)):
            steps = select(guide, procedure, "steps", profile)
            materials = select(guide, procedure, "materials", profile)
            # People who get the same items raise the same problems: check each list once.
            chosen = tuple(id(placed.candidate) for placed in (*steps, *materials))
            if chosen in seen:
                continue
            seen.add(chosen)
            for code, mine, other, problem in (
                *_topics_twice(guide, procedure, profile, steps),
                *_documents_twice(guide, procedure, profile, materials),
            ):
                pair = (code, id(mine), id(other))
                if pair not in reported and mine.layer.file == layer.file:
                    reported.add(pair)  # the first person it reaches stands for the rest
                    yield problem


Found = tuple[str, Candidate, Candidate, Diagnostic]


def _own_procedures(layer: Layer) -> list[str]:
    procedures = layer.region.procedures
    return [
        name
        for name in PROCEDURES
        if (section := getattr(procedures, name)) is not None
        and (
            any(step.topic for step in section.steps)
            or any(material.documents for material in section.materials)
        )
    ]


def _topics_twice(
    guide: Guide, procedure: str, profile: Profile, steps: list[Placed]
) -> Iterator[Found]:
    depths = guide.depths
    nearest: dict[str, Placed] = {}
    for placed in sorted(steps, key=lambda p: depths[p.origin]):
        topic = placed.item.topic if isinstance(placed.item, Step) else None
        if topic is None:
            continue
        mine = nearest.setdefault(topic, placed)
        if depths[mine.origin] < depths[placed.origin]:
            twice = msg(
                "checklist.topic_twice", whom=profile.describe(),
                procedure=keyed("title", procedure), origin=placed.origin,
                other=placed.item.id, topic=keyed("topic", topic),
            )  # fmt: skip
            where = (*mine.candidate.path, "id")
            found = mine.candidate.layer.diagnostic("CG036", twice, where)
            yield "CG036", mine.candidate, placed.candidate, found


def _documents_twice(
    guide: Guide, procedure: str, profile: Profile, materials: list[Placed]
) -> Iterator[Found]:
    depths = guide.depths
    ordered = sorted(materials, key=lambda p: depths[p.origin])
    for index, placed in enumerate(ordered):
        item = placed.item
        if not isinstance(item, Material):
            continue
        for other in ordered[index + 1 :]:
            second = other.item
            if not isinstance(second, Material) or not _same_channel(item, second):
                continue
            for document in set(item.documents) & set(second.documents):
                twice = msg(
                    "checklist.document_twice", whom=profile.describe(),
                    procedure=keyed("title", procedure), document=keyed("document", document),
                    origin=other.origin, other=second.id,
                )  # fmt: skip
                where = (*placed.candidate.path, "documents")
                found = placed.candidate.layer.diagnostic("CG037", twice, where)
                yield "CG037", placed.candidate, other.candidate, found
                break  # one document is enough to show the pair


def _same_channel(first: Material, second: Material) -> bool:
    """Two materials can both be asked of one person unless they are for different channels."""
    if not first.channels or not second.channels:
        return True
    return bool(set(first.channels) & set(second.channels))
