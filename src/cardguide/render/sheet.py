"""What a document shows, in reading order, as blocks each human format lays out its own way."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from cardguide.render import RenderOptions
from cardguide.render.blocks import Sheet
from cardguide.render.text_words import Words, Writer

if TYPE_CHECKING:
    from cardguide.documents import (
        Checklist,
        CheckReport,
        DiffReport,
        Document,
        FaqResults,
        GuideView,
        RegionListing,
        Validation,
    )


def sheet_of(document: Document, options: RenderOptions) -> Sheet:
    sheet = Sheet(Words(options))
    fill(sheet, document, options)
    return sheet


def fill(page: Sheet, document: Document, options: RenderOptions) -> None:
    """Every block of `document`, in reading order; only its own kind's module is imported."""
    kind = type(document).__name__
    if kind == "Validation":
        from cardguide.render.sheet_other import validation_blocks

        return validation_blocks(page, cast("Validation", document))
    if kind == "RegionListing":
        from cardguide.render.sheet_other import listing_blocks

        return listing_blocks(page, cast("RegionListing", document))
    about = cast("Checklist | CheckReport | FaqResults | DiffReport | GuideView", document)
    writer = Writer(options, about.sources, getattr(document, "profile", None))
    if kind in ("Checklist", "CheckReport"):
        from cardguide.render.sheet_checklist import check_blocks, checklist_blocks

        if kind == "Checklist":
            return checklist_blocks(page, cast("Checklist", document), writer)
        return check_blocks(page, cast("CheckReport", document), writer)
    from cardguide.render.sheet_other import diff_blocks, faq_blocks, guide_blocks

    if kind == "FaqResults":
        return faq_blocks(page, cast("FaqResults", document), writer)
    if kind == "DiffReport":
        return diff_blocks(page, cast("DiffReport", document), writer)
    return guide_blocks(page, cast("GuideView", document), writer)
