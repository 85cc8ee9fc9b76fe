"""Who is applying: profile facets, their contradictions, and the test of a data condition."""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterable
from functools import cache

import msgspec

from cardguide.errors import ProfileConflict
from cardguide.model.region import Condition, Event, Facet
from cardguide.wording import Join, Joiner, join, keyed, msg

FACETS: tuple[Facet, ...] = typing.get_args(Facet)

# Facets about the circumstance of a procedure rather than about who applies.
CIRCUMSTANCES: tuple[Facet, ...] = ("replacement", "lost", "damaged", "by_proxy")
# Where the applicant's household registration is: one option (`--hukou local|elsewhere`), not
# two flags, and asked only where the region's data treats the two differently.
HUKOU: dict[str, Facet] = {"local": "hukou_local", "elsewhere": "hukou_elsewhere"}
# The situations the interview offers as "who is applying".
SITUATIONS: tuple[Facet, ...] = tuple(
    f for f in FACETS if f not in CIRCUMSTANCES and f not in HUKOU.values()
)
# Flags every checklist command takes; lost/damaged and by_proxy belong to replace and collect.
APPLICANT_FLAGS: tuple[Facet, ...] = (*SITUATIONS, "replacement")

IMPLIES: dict[Facet, tuple[Facet, ...]] = {
    "newborn": ("minor",),
    "lost": ("replacement",),
    "damaged": ("replacement",),
}

# Each pair that cannot hold at once, with the catalog key of the reason.
CONFLICTS: dict[frozenset[Facet], str] = {
    frozenset({"newborn", "student"}): "conflict.newborn_student",
    frozenset({"newborn", "self_employed"}): "conflict.newborn_self_employed",
    frozenset({"newborn", "left_job"}): "conflict.newborn_left_job",
    frozenset({"newborn", "foreign_employee"}): "conflict.newborn_foreign_employee",
    frozenset({"newborn", "employer"}): "conflict.newborn_employer",
    frozenset({"employer", "self_employed"}): "conflict.employer_self_employed",
    frozenset({"employer", "left_job"}): "conflict.employer_left_job",
    frozenset({"lost", "damaged"}): "conflict.lost_damaged",
    # These could each be true of one person, but the data gives them opposite routes (the
    # school or an agency; a guardian or the employer; a first card or a replacement), so the
    # person says which one describes the application now.
    frozenset({"student", "left_job"}): "conflict.student_left_job",
    frozenset({"minor", "employer"}): "conflict.minor_employer",
    frozenset({"newborn", "replacement"}): "conflict.newborn_replacement",
    # Residents of Hong Kong, Macao and Taiwan hold no mainland household registration and are
    # not foreigners; the data gives them their own papers (a travel or residence permit).
    frozenset({"hk_macao_taiwan", "foreign_employee"}): "conflict.hmt_foreign",
    frozenset({"hk_macao_taiwan", "hukou_local"}): "conflict.hmt_hukou",
    frozenset({"hk_macao_taiwan", "hukou_elsewhere"}): "conflict.hmt_hukou",
    frozenset({"foreign_employee", "hukou_local"}): "conflict.foreign_hukou",
    frozenset({"foreign_employee", "hukou_elsewhere"}): "conflict.foreign_hukou",
    frozenset({"hukou_local", "hukou_elsewhere"}): "conflict.hukou_both",
}


def flag_for(name: str) -> str:
    """The command-line flag for a facet or date (`self_employed` → `--self-employed`)."""
    for value, facet in HUKOU.items():
        if name == facet:
            return f"--hukou {value}"
    return "--" + name.replace("_", "-")


class Profile(msgspec.Struct, frozen=True):
    """The facets that describe the applicant, with implied ones added."""

    facets: frozenset[Facet] = frozenset()
    given: frozenset[Facet] = frozenset()
    # Facets a date stood for (`check --born` means a newborn), so a reason names the date.
    dated: tuple[tuple[Facet, Event], ...] = ()

    @property
    def application(self) -> str:
        return "replacement" if "replacement" in self.facets else "first"

    def describe(self) -> Join:
        """For people: who applies, the circumstance, first application or not."""
        who = [keyed("facet", f) for f in (*SITUATIONS, *HUKOU.values()) if f in self.given]
        circumstance = [keyed("facet", f) for f in CIRCUMSTANCES[1:] if f in self.facets]
        # Someone collecting for another person is not "an adult applying for themselves".
        adult = [] if "by_proxy" in self.facets else [msg("profile.adult")]
        parts = [*(who or adult), *circumstance]
        return join([*parts, keyed("application", self.application)], "parts")


def make_profile(given: Iterable[Facet], dated: tuple[tuple[Facet, Event], ...] = ()) -> Profile:
    """Check the facets for contradictions and add what they imply; `dated` names the facets
    that a date given stands for."""
    chosen = frozenset(given) | {facet for facet, _event in dated}
    for pair, reason in CONFLICTS.items():
        if pair <= chosen:
            first, second = sorted(pair, key=FACETS.index)
            raise ProfileConflict(
                msg(
                    "error.conflict",
                    first=flag_for(first),
                    second=flag_for(second),
                    reason=msg(reason),
                )
            )
    facets = set(chosen)
    for facet in chosen:
        facets.update(IMPLIES.get(facet, ()))
    return Profile(frozenset(facets), chosen, dated)


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


def describe_condition(condition: Condition | None) -> Join | None:
    """A condition in words, e.g. `newborn or minor; not employer` (None when unconditional)."""
    if condition is None:
        return None

    def words(facets: list[Facet], how: Joiner) -> Join:
        return join((keyed("facet_short", f) for f in facets), how)

    parts: list[object] = []
    if condition.all:
        parts.append(words(condition.all, "and"))
    if condition.any:
        parts.append(words(condition.any, "or"))
    if condition.none:
        parts.append(msg("condition.not", facets=words(condition.none, "nor")))
    return join(parts, "parts")


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


def all_profiles(facets: Iterable[Facet] | None = None) -> tuple[Profile, ...]:
    """Every distinct profile the command line accepts, over `facets` (default: all of them).

    A check that depends only on some facets passes only those: the others cannot change its
    answer, and all fifteen make 2^15 combinations.
    """
    chosen = FACETS if facets is None else tuple(f for f in FACETS if f in set(facets))
    return _profiles(chosen)


@cache
def _profiles(facets: tuple[Facet, ...]) -> tuple[Profile, ...]:
    distinct: dict[frozenset[Facet], Profile] = {}
    for size in range(len(facets) + 1):
        for given in itertools.combinations(facets, size):
            try:
                profile = make_profile(given)
            except ProfileConflict:
                continue
            distinct.setdefault(profile.facets, profile)
    return tuple(distinct.values())


def overlap(first: Condition | None, second: Condition | None) -> Profile | None:
    """A profile both conditions hold for, if any: two versions of an item must not share one."""
    for profile in all_profiles(facets_named([first, second])):
        if matches(first, profile) and matches(second, profile):
            return profile
    return None
