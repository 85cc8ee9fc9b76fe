"""Document: what each command answers, as typed values that every output format lays out."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import TypeAlias

    from cardguide.documents.check import CheckReport as CheckReport
    from cardguide.documents.check import build_check as build_check
    from cardguide.documents.checklist import Checklist as Checklist
    from cardguide.documents.checklist import build_checklist as build_checklist
    from cardguide.documents.common import EXPECTED as EXPECTED
    from cardguide.documents.common import Asked as Asked
    from cardguide.documents.common import RegionInfo as RegionInfo
    from cardguide.documents.common import Review as Review
    from cardguide.documents.diff import Difference as Difference
    from cardguide.documents.diff import DiffReport as DiffReport
    from cardguide.documents.diff import build_diff as build_diff
    from cardguide.documents.faq import FaqResults as FaqResults
    from cardguide.documents.faq import build_faq as build_faq
    from cardguide.documents.guide_view import GuideView as GuideView
    from cardguide.documents.guide_view import build_guide_view as build_guide_view
    from cardguide.documents.listing import RegionListing as RegionListing
    from cardguide.documents.listing import build_listing as build_listing
    from cardguide.documents.validation import Validation as Validation

    Document: TypeAlias = (
        RegionListing | Checklist | GuideView | CheckReport | FaqResults | DiffReport | Validation
    )

# Where each name is defined. A command imports only its own document's module when it uses a
# name (a module each kind: importing all seven cost a millisecond of every run).
_DEFINED_IN = {
    "CheckReport": "check", "build_check": "check",
    "Checklist": "checklist", "build_checklist": "checklist",
    "EXPECTED": "common", "Asked": "common", "RegionInfo": "common", "Review": "common",
    "Difference": "diff", "DiffReport": "diff", "build_diff": "diff",
    "FaqResults": "faq", "build_faq": "faq",
    "GuideView": "guide_view", "build_guide_view": "guide_view",
    "RegionListing": "listing", "build_listing": "listing",
    "Validation": "validation",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _DEFINED_IN.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
