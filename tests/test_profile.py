"""Profiles: implied facets, contradictions, and the declarative condition test."""

from __future__ import annotations

import pytest

from cardguide.errors import ProfileConflict
from cardguide.model.profile import describe_condition, facets_named, make_profile, matches
from cardguide.model.region import Condition
from cardguide.wording import say

from .conftest import en


def test_a_newborn_is_also_a_minor() -> None:
    profile = make_profile(["newborn"])
    assert profile.facets == {"newborn", "minor"}
    assert profile.given == {"newborn"}


@pytest.mark.parametrize(
    ("facets", "words"),
    [
        (["newborn", "employer"], "--newborn cannot be combined with --employer"),
        (["student", "newborn"], "--newborn cannot be combined with --student"),
        (["employer", "self_employed"], "--self-employed cannot be combined with --employer"),
        (["left_job", "employer"], "--left-job cannot be combined with --employer"),
    ],
)
def test_contradictions_name_both_flags(facets: list[str], words: str) -> None:
    with pytest.raises(ProfileConflict) as caught:
        make_profile(facets)  # type: ignore[arg-type]
    assert words in en(caught.value.message)
    assert caught.value.exit_code == 2


def test_compatible_facets_combine() -> None:
    profile = make_profile(["foreign_employee", "employer", "replacement"])
    assert profile.application == "replacement"
    assert "a foreign employee" in en(profile.describe())
    assert "外籍员工" in say(profile.describe(), "zh")


@pytest.mark.parametrize(
    ("condition", "facets", "expected"),
    [
        (None, [], True),
        (Condition(all=["newborn"]), ["newborn"], True),
        (Condition(all=["newborn"]), [], False),
        (Condition(any=["minor"]), ["newborn"], True),  # through the implication
        (Condition(any=["student", "minor"]), ["left_job"], False),
        (Condition(none=["employer"]), ["employer"], False),
        (Condition(none=["employer"]), ["student"], True),
        (Condition(all=["minor"], none=["newborn"]), ["minor"], True),
        (Condition(all=["minor"], none=["newborn"]), ["newborn"], False),
    ],
)
def test_conditions(condition: Condition | None, facets: list[str], expected: bool) -> None:
    assert matches(condition, make_profile(facets)) is expected  # type: ignore[arg-type]


def test_conditions_read_as_words() -> None:
    condition = Condition(all=["newborn"], any=["student", "minor"], none=["employer", "left_job"])
    words = describe_condition(condition)
    assert en(words) == "newborn; student or minor; not employer or left-job"
    assert say(words, "zh") == "新生儿；学生或未成年人；单位代办、已离职以外的人"
    assert describe_condition(None) is None


def test_a_condition_on_minor_makes_the_newborn_question_worth_asking() -> None:
    assert facets_named([Condition(any=["minor"]), None]) == {"minor", "newborn"}
    assert facets_named([Condition(none=["employer"])]) == {"employer"}
