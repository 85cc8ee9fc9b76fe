"""JSON output of faq, show and diff: their documents as the structs of json_guide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast

from cardguide.documents import DiffReport, FaqResults, GuideView
from cardguide.documents.diff import Difference
from cardguide.render import json_guide as guide_shape
from cardguide.render.json_shaper import Shaper, region
from cardguide.resolve.chain import Candidate, Entry

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.render.json_shape import Document as Shaped
    from cardguide.render.json_shape import Out

    Change = Literal["only_a", "only_b", "changed"]


def shaped_guide(shaper: Shaper, document: Document) -> Shaped:
    """A faq's results, a region's guide or a diff, as the structs of its JSON."""
    if isinstance(document, FaqResults):
        return faq(shaper, document)
    if isinstance(document, GuideView):
        return guide(shaper, document)
    assert isinstance(document, DiffReport)
    return diff(shaper, document)


def version(shaper: Shaper, candidate: Candidate) -> Out:
    """One region's version of an item, as its kind's struct."""
    return guide_shape.VERSION_STRUCTS[type(candidate.item)](**shaper.item(candidate))


def entries(shaper: Shaper, found: list[Entry]) -> list[guide_shape.Entries[Out]]:
    return [
        guide_shape.Entries(id=one.id, versions=[version(shaper, c) for c in one.candidates])
        for one in found
    ]


def faq(shaper: Shaper, results: FaqResults) -> guide_shape.FaqResults:
    return guide_shape.FaqResults(
        **shaper.about(results.region, results.chain, results.asked),
        kind="faq",
        query=results.query,
        results=[
            guide_shape.FaqResult(score=match.score, **shaper.item(match.placed.candidate))
            for match in results.matches
        ],
        **shaper.cited(results),
    )


def guide(shaper: Shaper, view: GuideView) -> guide_shape.Guide:
    procedures = {
        procedure: guide_shape.Kinds(
            **{kind: entries(shaper, found) for kind, found in kinds.items()}
        )
        for procedure, kinds in view.procedures.items()
    }
    return guide_shape.Guide(
        **shaper.about(view.region, view.chain, view.asked),
        kind="guide",
        procedures=guide_shape.Procedures(**procedures),
        faq=entries(shaper, view.faq),
        **shaper.cited(view),
    )


def difference(shaper: Shaper, found: Difference) -> guide_shape.Difference:
    return guide_shape.Difference(
        procedure=found.procedure,
        kind=found.kind,
        id=found.id,
        change=cast("Change", found.change),
        a=[version(shaper, c) for c in found.a],
        b=[version(shaper, c) for c in found.b],
    )


def diff(shaper: Shaper, report: DiffReport) -> guide_shape.Diff:
    return guide_shape.Diff(
        **shaper.top,
        kind="diff",
        a=region(report.a),
        b=region(report.b),
        same=report.same,
        differences=[difference(shaper, one) for one in report.differences],
        **shaper.cited(report),
    )
