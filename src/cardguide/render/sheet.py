"""What a document shows, in reading order, as blocks each human format lays out its own way."""

from __future__ import annotations

from cardguide.documents import (
    Checklist,
    CheckReport,
    DiffReport,
    Document,
    FaqResults,
    RegionListing,
    Validation,
)
from cardguide.render import RenderOptions
from cardguide.render.blocks import Sheet
from cardguide.render.sheet_checklist import check_blocks, checklist_blocks
from cardguide.render.sheet_other import (
    diff_blocks,
    faq_blocks,
    guide_blocks,
    listing_blocks,
    validation_blocks,
)
from cardguide.render.text_words import Words, Writer


def sheet_of(document: Document, options: RenderOptions) -> Sheet:
    sheet = Sheet(Words(options))
    fill(sheet, document, options)
    return sheet


def fill(page: Sheet, document: Document, options: RenderOptions) -> None:
    """Every block of `document`, in reading order."""
    if isinstance(document, Validation):
        return validation_blocks(page, document)
    if isinstance(document, RegionListing):
        return listing_blocks(page, document)
    writer = Writer(options, document.sources, getattr(document, "profile", None))
    if isinstance(document, Checklist):
        return checklist_blocks(page, document, writer)
    if isinstance(document, CheckReport):
        return check_blocks(page, document, writer)
    if isinstance(document, FaqResults):
        return faq_blocks(page, document, writer)
    if isinstance(document, DiffReport):
        return diff_blocks(page, document, writer)
    return guide_blocks(page, document, writer)
