"""Who is applying: profile facets, their contradictions, and the test of a data condition."""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .errors import ProfileConflict
from .model import Condition, Facet

FACETS: tuple[Facet, ...] = typing.get_args(Facet)

# How each facet reads in a sentence ("for ..."), in the interview and in `--why`.
FACET_LABELS: dict[Facet, str] = {
    "newborn": "a newborn (a parent or guardian applies)",
    "minor": "a child under 18 (a guardian applies)",
    "student": "a student",
    "self_employed": "someone self-employed or in flexible employment",
    "left_job": "someone who has left a job",
    "foreign_employee": "a foreign employee",
    "employer": "an employee applying through the employer (unit bulk application)",
    "replacement": "a replacement card, not a first application",
    "lost": "a lost card",
    "damaged": "a damaged card",
    "by_proxy": "someone collecting the card for another person",
}

# Facets about the circumstance of a procedure rather than about who applies.
CIRCUMSTANCES: tuple[Facet, ...] = ("replacement", "lost", "damaged", "by_proxy")
# The situations the interview offers as "who is applying".
SITUATIONS: tuple[Facet, ...] = tuple(f for f in FACETS if f not in CIRCUMSTANCES)
# Flags every checklist command takes; lost/damaged and by_proxy belong to replace and collect.
APPLICANT_FLAGS: tuple[Facet, ...] = (*SITUATIONS, "replacement")

IMPLIES: dict[Facet, tuple[Facet, ...]] = {
    "newborn": ("minor",),
    "lost": ("replacement",),
    "damaged": ("replacement",),
}

_NEWBORN_CANNOT: tuple[Facet, ...] = (
    "student",
    "self_employed",
    "left_job",
    "foreign_employee",
    "employer",
)
CONFLICTS: dict[frozenset[Facet], str] = {
    **{
        frozenset({"newborn", other}): "a newborn cannot also be "
        + FACET_LABELS[other].split(" (")[0]
        for other in _NEWBORN_CANNOT
    },
    frozenset({"employer", "self_employed"}): (
        "the self-employed register and apply themselves, not through an employer"
    ),
    frozenset({"employer", "left_job"}): (
        "after leaving a job you apply as an individual, not through the employer"
    ),
    frozenset({"lost", "damaged"}): "a card is replaced either as lost or as damaged",
}


def flag_for(name: str) -> str:
    """The command-line flag for a facet or date (`self_employed` → `--self-employed`)."""
    return "--" + name.replace("_", "-")


@dataclass(frozen=True)
class Profile:
    """The facets that describe the applicant, with implied ones added."""

    facets: frozenset[Facet] = frozenset()
    given: frozenset[Facet] = frozenset()

    @property
    def application(self) -> str:
        return "replacement" if "replacement" in self.facets else "first"

    def describe(self) -> str:
        """One line for people: who applies, the circumstance, first application or not."""
        who = [FACET_LABELS[f] for f in SITUATIONS if f in self.given]
        circumstance = [FACET_LABELS[f] for f in CIRCUMSTANCES[1:] if f in self.facets]
        parts = [*(who or ["an adult applying for themselves"]), *circumstance]
        return "; ".join([*parts, f"{self.application} application"])


def make_profile(given: Iterable[Facet]) -> Profile:
    """Check the facets for contradictions and add what they imply."""
    chosen = frozenset(given)
    for pair, reason in CONFLICTS.items():
        if pair <= chosen:
            first, second = sorted(pair, key=FACETS.index)
            raise ProfileConflict(
                f"{flag_for(first)} cannot be combined with {flag_for(second)}: {reason}"
            )
    facets = set(chosen)
    for facet in chosen:
        facets.update(IMPLIES.get(facet, ()))
    return Profile(frozenset(facets), chosen)


def matches(condition: Condition | None, profile: Profile) -> bool:
    """Whether a declarative data condition holds for the profile."""
    if condition is None:
        return True
    have = profile.facets
    return (
        all(f in have for f in condition.all)
        and (not condition.any or any(f in have for f in condition.any))
        and not any(f in have for f in condition.none)
    )


def describe_condition(condition: Condition | None) -> str:
    """A condition in words, e.g. `newborn or minor; not employer` (empty when unconditional)."""
    if condition is None:
        return ""
    parts: list[str] = []
    if condition.all:
        parts.append(" and ".join(condition.all))
    if condition.any:
        parts.append(" or ".join(condition.any))
    if condition.none:
        parts.append("not " + " or ".join(condition.none))
    return "; ".join(part.replace("_", "-") for part in parts)


def facets_named(conditions: Iterable[Condition | None]) -> set[Facet]:
    """Every facet some condition depends on: the only questions worth asking."""
    named: set[Facet] = set()
    for condition in conditions:
        if condition is not None:
            named.update(condition.all, condition.any, condition.none)
    # A condition on `minor` also distinguishes newborns, which imply it.
    for facet, implied in IMPLIES.items():
        if named.intersection(implied):
            named.add(facet)
    return named


@cache
def all_profiles() -> tuple[Profile, ...]:
    """Every distinct profile the command line accepts (at most 2^8 before contradictions)."""
    distinct: dict[frozenset[Facet], Profile] = {}
    for size in range(len(FACETS) + 1):
        for given in itertools.combinations(FACETS, size):
            try:
                profile = make_profile(given)
            except ProfileConflict:
                continue
            distinct.setdefault(profile.facets, profile)
    return tuple(distinct.values())


def overlap(first: Condition | None, second: Condition | None) -> Profile | None:
    """A profile both conditions hold for, if any: two versions of an item must not share one."""
    for profile in all_profiles():
        if matches(first, profile) and matches(second, profile):
            return profile
    return None
