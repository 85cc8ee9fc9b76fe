"""`regions`: every region, parents before children."""

from __future__ import annotations

import datetime

import msgspec

from cardguide.documents.common import (
    RegionInfo,
    Review,
    review,
)
from cardguide.errors import DataError, Diagnostic
from cardguide.load.catalog import Catalog
from cardguide.resolve.chain import load_chain


class RegionListing(msgspec.Struct, frozen=True):
    regions: list[RegionInfo]
    reviews: list[Review]
    problems: list[Diagnostic] = msgspec.field(default_factory=list)  # files left out, and why


def build_listing(catalog: Catalog, today: datetime.date) -> RegionListing:
    """Every region, parents before children, siblings by id; broken ones as problems.

    Made from the regions' headers: a local file's comes from the user's cache while the file
    is unchanged, so listing thousands of local regions parses none of them.
    """
    found, problems = catalog.every_header()
    children: dict[str | None, list[str]] = {}
    for region_id, header in found.items():  # in id order, as listed
        parent = header.parent if header.parent in found else None
        children.setdefault(parent, []).append(region_id)
    ordered: list[RegionInfo] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        region_id = pending.pop()
        ordered.append(RegionInfo.of_header(found[region_id], catalog.nearest(region_id)))
        pending.extend(reversed(children.get(region_id, [])))
    listed = {info.id for info in ordered}
    for region_id in sorted(set(found) - listed):
        # Regions never reached from a root sit in a cycle of parents: say so, never drop them.
        try:
            load_chain(catalog, region_id)
        except DataError as error:
            problems.append(error.diagnostic)
    found_reviews = [
        review(info.id, info.file, catalog.is_local(info.id), info.last_reviewed, today)
        for info in ordered
    ]
    return RegionListing(ordered, found_reviews, list(dict.fromkeys(problems)))
