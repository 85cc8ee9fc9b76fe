"""`diff`: what differs between two regions' resolved guides."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import msgspec

from cardguide.documents.common import (
    EXPECTED,
    RegionInfo,
    Review,
    cited,
    reachable,
    reviews,
)
from cardguide.load.loader import FAQ
from cardguide.model.region import KINDS, Source
from cardguide.resolve.chain import Candidate, Guide

if TYPE_CHECKING:  # imported where used: most commands need none of them
    pass


class Difference(msgspec.Struct, frozen=True):
    """One item that two regions' resolved guides hold differently."""

    procedure: str  # or "faq"
    kind: str
    id: str
    a: list[Candidate]  # every version some profile can get in region A, nearest first
    b: list[Candidate]

    @property
    def change(self) -> str:
        return "only_a" if not self.b else "only_b" if not self.a else "changed"


class DiffReport(msgspec.Struct, frozen=True):
    a: RegionInfo
    b: RegionInfo
    differences: list[Difference]
    same: int  # items both regions hold identically
    sources: list[Source]
    reviews: list[Review]


def build_diff(a: Guide, b: Guide, today: datetime.date) -> DiffReport:
    """Every item id whose reachable versions differ between two regions' guides."""
    keys = [*((p, k) for p in EXPECTED for k in KINDS), FAQ]
    differences: list[Difference] = []
    same = 0
    shown: list[Candidate] = []
    for procedure, kind in keys:
        key = (procedure, kind)
        versions_a = {e.id: reachable(a, key, e) for e in a.section(*key)}
        versions_b = {e.id: reachable(b, key, e) for e in b.section(*key)}
        for item_id in dict.fromkeys([*versions_a, *versions_b]):
            in_a, in_b = versions_a.get(item_id, []), versions_b.get(item_id, [])
            if [c.item for c in in_a] == [c.item for c in in_b]:
                same += 1
                continue
            differences.append(Difference(procedure, kind, item_id, in_a, in_b))
            shown += in_a + in_b
    return DiffReport(
        a=RegionInfo.of(a.layer),
        b=RegionInfo.of(b.layer),
        differences=differences,
        same=same,
        sources=cited(shown, {**b.sources, **a.sources}),
        reviews=reviews([*a.chain, *(layer for layer in b.chain if layer not in a.chain)], today),
    )
