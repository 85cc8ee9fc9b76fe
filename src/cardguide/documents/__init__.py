"""Document: what each command answers, as typed values that every output format lays out."""

from __future__ import annotations

from typing import TypeAlias

from cardguide.documents.check import CheckReport, build_check
from cardguide.documents.checklist import Checklist, build_checklist
from cardguide.documents.common import EXPECTED, Asked, RegionInfo, Review
from cardguide.documents.diff import Difference, DiffReport, build_diff
from cardguide.documents.faq import FaqResults, build_faq
from cardguide.documents.guide_view import GuideView, build_guide_view
from cardguide.documents.listing import RegionListing, build_listing
from cardguide.documents.validation import Validation

Document: TypeAlias = (
    RegionListing | Checklist | GuideView | CheckReport | FaqResults | DiffReport | Validation
)

__all__ = [
    "EXPECTED",
    "Asked",
    "CheckReport",
    "Checklist",
    "DiffReport",
    "Difference",
    "Document",
    "FaqResults",
    "GuideView",
    "RegionInfo",
    "RegionListing",
    "Review",
    "Validation",
    "build_check",
    "build_checklist",
    "build_diff",
    "build_faq",
    "build_guide_view",
    "build_listing",
]
