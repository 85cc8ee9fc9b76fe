"""Can this person apply for a card here? Yes, no or need more information, from the data."""

from __future__ import annotations

import msgspec

from cardguide.match.pick import Placed, select
from cardguide.model.profile import HUKOU, Profile, facets_named
from cardguide.model.region import Answer, Eligibility
from cardguide.resolve.chain import Guide
from cardguide.wording import Msg, msg

# People who hold no mainland household registration: a rule on hukou cannot be about them.
_NO_HUKOU = frozenset({"foreign_employee", "hk_macao_taiwan"})


class CanApply(msgspec.Struct, frozen=True):
    """The answer, why, and the region's rules behind it (their sources, status and age)."""

    answer: Answer
    reason: Msg
    rules: list[Placed]

    @property
    def ruled(self) -> bool:
        """Whether the region has rules on who may apply (else the answer is "ask the office")."""
        return self.reason.key != "can_apply.unknown"


def can_apply(guide: Guide, profile: Profile) -> CanApply:
    """The region's eligibility rules for this person, combined: one "no" decides; any rule
    that needs more information leaves the answer open; a rule on household registration the
    person has not stated cannot be answered yet; no rule at all is "ask the office"."""
    rules = select(guide, "apply", "eligibility", profile)
    written = [
        candidate.item.when
        for entry in guide.section("apply", "eligibility")
        for candidate in entry.candidates
    ]
    on_hukou = facets_named(written) & set(HUKOU.values())
    unstated = not profile.facets & (set(HUKOU.values()) | _NO_HUKOU)
    answers = [p.item.can_apply for p in rules if isinstance(p.item, Eligibility)]
    if "no" in answers:
        return CanApply("no", msg("can_apply.no"), rules)
    if on_hukou and unstated:
        return CanApply("need_more_information", msg("can_apply.hukou"), rules)
    if "need_more_information" in answers:
        return CanApply("need_more_information", msg("can_apply.conditions"), rules)
    if answers:
        return CanApply("yes", msg("can_apply.yes"), rules)
    return CanApply("need_more_information", msg("can_apply.unknown"), rules)
