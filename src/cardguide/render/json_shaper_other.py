"""JSON output of check, regions and validate: their documents as the structs of json_other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cardguide.documents import CheckReport
from cardguide.errors import Diagnostic
from cardguide.render import json_other as other
from cardguide.render.json_shaper import Shaper, profile_of, region, review, words

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.render.json_shape import Document as Shaped


def shaped_other(shaper: Shaper, document: Document) -> Shaped:
    """A check's answers, the list of regions or what validate found, as its JSON's structs."""
    if isinstance(document, CheckReport):
        return check(shaper, document)
    from cardguide.documents import RegionListing, Validation

    if isinstance(document, RegionListing):
        return other.Regions(
            **shaper.top,
            kind="regions",
            regions=[region(info) for info in document.regions],
            left_out=[diagnostic(problem) for problem in document.problems],
            reviews=[review(one) for one in document.reviews],
        )
    assert isinstance(document, Validation)
    return other.Validation(
        **shaper.top,
        kind="validation",
        files=[str(file) for file in document.files],
        errors=document.errors,
        warnings=document.warnings,
        diagnostics=[diagnostic(one) for one in document.diagnostics],
    )


def check(shaper: Shaper, report: CheckReport) -> other.Check:
    profile = report.profile
    return other.Check(
        **shaper.about(report.region, report.chain, report.asked),
        kind="check",
        profile=profile_of(profile),
        today=report.today,
        events=report.events,
        answers=[shaper.verdict(one) for one in report.verdicts],
        related=[shaper.chosen(one) for one in report.related],
        can_apply=shaper.can_apply(report.can_apply),
        **shaper.cited(report),
    )


def diagnostic(found: Diagnostic) -> other.Diagnostic:
    return other.Diagnostic(
        file=str(found.file),
        line=found.line,
        column=found.column,
        code=found.code,
        severity=found.severity,
        message=words(found.message),
        keypath=found.keypath,
    )
