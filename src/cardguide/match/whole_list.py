"""The papers each person must be told about: when no source lists one, the list says so."""

from __future__ import annotations

from collections.abc import Sequence

from cardguide.match.pick import Placed
from cardguide.model.profile import Profile, matches
from cardguide.model.region import Condition, DocumentKind, Material
from cardguide.wording import Msg, join, keyed, msg

# (procedures, for whom, papers of which one is needed). A checklist for these people that
# lists none of the papers says it is not known whether to bring them, rather than nothing:
# a parent sent away for want of their own ID card has lost a trip.
NEEDED: tuple[tuple[tuple[str, ...], Condition, tuple[DocumentKind, ...]], ...] = (
    (("apply", "replace"), Condition(all=["minor"], none=["employer"]), ("guardian_id",)),
    (("apply", "replace"), Condition(all=["minor"], none=["employer"]), ("guardianship_proof",)),
    (
        ("apply", "replace"),
        Condition(all=["foreign_employee"], none=["employer"]),
        ("passport", "permanent_residence_card"),
    ),
    (
        ("apply", "replace"),
        Condition(all=["hk_macao_taiwan"], none=["employer"]),
        ("hmt_permit",),
    ),
    (("collect",), Condition(all=["by_proxy"]), ("proxy_id",)),
)


def unlisted(procedure: str, profile: Profile, materials: Sequence[Placed]) -> list[list[str]]:
    """Each group of papers this person needs of which the materials list none."""
    listed = {
        document
        for placed in materials
        if isinstance(placed.item, Material)
        for document in placed.item.documents
    }
    return [
        list(papers)
        for procedures, whom, papers in NEEDED
        if procedure in procedures and matches(whom, profile) and listed.isdisjoint(papers)
    ]


def unlisted_words(papers: Sequence[str]) -> Msg:
    """ "The guardian's own ID: our sources do not say whether to bring it; ask …"."""
    named = join((keyed("document", paper) for paper in papers), "or")
    return msg("unlisted", documents=named)
