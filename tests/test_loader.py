"""Decoding a region file: each content rule reports its own code at the offending line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cardguide.errors import DataError, Diagnostic
from cardguide.load.checked import load_layer
from cardguide.model.region import Step
from cardguide.wording import say

from .conftest import en
from .hostile.regions import VALID

HEADER = """\
id: national
level: national
names: {en: Testland}
last_reviewed: 2026-01-01
"""

STEP = """\
procedures:
  apply:
    steps:
      - id: go
        text: {en: Go to the office.}
        sources: [test:a]
        status: secondary
"""


def load_error(tmp_path: Path, body: str, name: str = "national") -> Diagnostic:
    path = tmp_path / f"{name}.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_layer(path)
    return caught.value.diagnostic


def test_a_valid_file_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "national.yaml"
    path.write_text(HEADER + STEP, encoding="utf-8")
    layer = load_layer(path)
    assert layer.region.languages == ["en"]
    assert layer.region.procedures.apply is not None
    step = layer.region.procedures.apply.steps[0]
    assert isinstance(step, Step)
    assert step.text.get() == "Go to the office."


def test_unknown_key_names_the_key_its_line_and_the_allowed_ones(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER + STEP + "        colour: red\n")
    assert problem.code == "CG003"
    assert (problem.line, problem.column) == (12, 9)
    assert problem.keypath == "procedures.apply.steps[0].colour"
    assert "unknown key 'colour'" in en(problem.message)
    assert "allowed here: id, sources, status, when" in en(problem.message)


def test_missing_required_field_points_at_the_mapping(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER.replace("names: {en: Testland}\n", ""))
    assert (problem.code, problem.line) == ("CG005", 1)
    assert "missing required field 'names'" in en(problem.message)


def test_wrong_type_is_reported_with_expected_type(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER + STEP.replace("{en: Go to the office.}", "{en: 42}"))
    assert (problem.code, problem.keypath, problem.line) == (
        "CG004",
        "procedures.apply.steps[0].text.en",
        9,
    )
    assert "Expected `str | null`, got `int`" in en(problem.message)


def test_status_outside_the_allowed_set(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER + STEP.replace("status: secondary", "status: probably"))
    assert problem.code == "CG013"
    assert "official, secondary, uncertain" in en(problem.message)


def test_condition_naming_an_unknown_profile_field(tmp_path: Path) -> None:
    body = HEADER + STEP + "        when: {all: [retired]}\n"
    problem = load_error(tmp_path, body)
    assert problem.code == "CG010"
    assert problem.keypath == "procedures.apply.steps[0].when.all[0]"
    assert "'retired' is not a profile field" in en(problem.message)
    assert "newborn" in en(problem.message)


@pytest.mark.parametrize(
    "sources_line", ["        sources: []\n", ""], ids=["empty list", "no sources key"]
)
def test_a_fact_without_a_source(tmp_path: Path, sources_line: str) -> None:
    problem = load_error(
        tmp_path, HEADER + STEP.replace("        sources: [test:a]\n", sources_line)
    )
    assert problem.code == "CG011"
    assert problem.keypath.startswith("procedures.apply.steps[0]")


def test_region_id_must_match_the_file_name(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER, name="elsewhere")
    assert (problem.code, problem.line) == ("CG006", 1)
    assert "'national' does not match the file name 'elsewhere.yaml'" in en(problem.message)


def test_a_region_below_national_needs_a_parent(tmp_path: Path) -> None:
    body = HEADER.replace("id: national", "id: town").replace("level: national", "level: city")
    problem = load_error(tmp_path, body, name="town")
    assert problem.code == "CG005"
    assert "parent" in en(problem.message)


def test_the_national_region_has_no_parent(tmp_path: Path) -> None:
    problem = load_error(tmp_path, HEADER + "parent: elsewhere\n")
    assert (problem.code, problem.keypath) == ("CG021", "parent")


def test_duplicate_item_ids_in_one_section(tmp_path: Path) -> None:
    second = STEP.split("    steps:\n")[1]
    problem = load_error(tmp_path, HEADER + STEP + second)
    assert (problem.code, problem.line) == ("CG009", 12)
    assert "'go' has two versions in apply.steps that both apply to an adult" in en(problem.message)


def test_versions_of_an_id_for_different_people_are_allowed(tmp_path: Path) -> None:
    adults = STEP.split("    steps:\n")[1].replace(
        "status: secondary", "status: secondary\n        when: {none: [minor]}"
    )
    minors = STEP.split("    steps:\n")[1].replace(
        "status: secondary", "status: secondary\n        when: {any: [minor]}"
    )
    path = tmp_path / "national.yaml"
    path.write_text(
        HEADER + "procedures:\n  apply:\n    steps:\n" + adults + minors, encoding="utf-8"
    )
    apply = load_layer(path).region.procedures.apply
    assert apply is not None
    assert len(apply.steps) == 2


def test_overlapping_versions_name_a_profile_they_share(tmp_path: Path) -> None:
    newborns = STEP.split("    steps:\n")[1].replace(
        "status: secondary", "status: secondary\n        when: {all: [newborn]}"
    )
    minors = STEP.split("    steps:\n")[1].replace(
        "status: secondary", "status: secondary\n        when: {any: [minor]}"
    )
    body = HEADER + "procedures:\n  apply:\n    steps:\n" + newborns + minors
    problem = load_error(tmp_path, body)
    assert problem.code == "CG009"
    assert "both apply to a newborn" in en(problem.message)


def test_the_same_id_in_different_sections_is_allowed(tmp_path: Path) -> None:
    notes = "    notes:\n" + STEP.split("    steps:\n")[1]
    path = tmp_path / "national.yaml"
    path.write_text(HEADER + STEP + notes, encoding="utf-8")
    assert load_layer(path).region.procedures.apply is not None


def test_before_and_after_together_are_refused(tmp_path: Path) -> None:
    body = HEADER + STEP + "        before: x\n        after: y\n"
    problem = load_error(tmp_path, body)
    assert (problem.code, problem.keypath) == ("CG004", "procedures.apply.steps[0].after")


def test_a_declared_language_must_be_present_in_every_text(tmp_path: Path) -> None:
    body = HEADER + "languages: [en, zh]\n" + STEP
    problem = load_error(tmp_path, body)
    assert problem.code == "CG014"
    assert problem.keypath == "names"
    assert "lacks Chinese" in en(problem.message)


def test_text_with_terminal_control_characters_is_refused(tmp_path: Path) -> None:
    body = HEADER + STEP.replace("Go to the office.", '"Go\\e[2J to the office."')
    problem = load_error(tmp_path, body)
    assert (problem.code, problem.keypath) == ("CG023", "procedures.apply.steps[0].text.en")


def test_a_top_level_list_is_not_a_region(tmp_path: Path) -> None:
    problem = load_error(tmp_path, "- a\n- b\n")
    assert problem.code == "CG004"
    assert "mapping" in en(problem.message)


DEADLINE = """\
procedures:
  apply:
    deadlines:
      - id: due
        text: {en: Register within a month.}
        rule: {event: born, kind: deadline, periods: [PERIOD]}
        sources: [test:a]
        status: secondary
"""


@pytest.mark.parametrize("period", ["{}", "{days: 30, months: 1}"], ids=["none", "two"])
def test_a_period_needs_exactly_one_unit(tmp_path: Path, period: str) -> None:
    problem = load_error(tmp_path, HEADER + DEADLINE.replace("PERIOD", period))
    assert problem.code == "CG004"
    assert problem.keypath == "procedures.apply.deadlines[0].rule.periods[0]"
    assert "exactly one of days, months or working_days" in en(problem.message)


def test_a_rule_counts_only_from_known_dates(tmp_path: Path) -> None:
    body = HEADER + DEADLINE.replace("PERIOD", "{months: 1}").replace(
        "event: born", "event: wedding"
    )
    problem = load_error(tmp_path, body)
    assert (problem.code, problem.keypath) == ("CG004", "procedures.apply.deadlines[0].rule.event")
    assert "born, paid, bill_date, lost_on, last_paid, hired_on" in en(problem.message)


def test_complete_names_only_kinds(tmp_path: Path) -> None:
    body = HEADER + STEP.replace("    steps:\n", "    complete: [everything]\n    steps:\n")
    problem = load_error(tmp_path, body)
    assert (problem.code, problem.keypath) == ("CG004", "procedures.apply.complete[0]")


def test_faq_entries_are_checked_like_items(tmp_path: Path) -> None:
    entry = """\
  - id: q
    question: {en: Why?}
    answer: {en: Because.}
    sources: [test:a]
    status: secondary
"""
    problem = load_error(tmp_path, HEADER + "faq:\n" + entry + entry)
    assert (problem.code, problem.keypath) == ("CG009", "faq[1].id")


@pytest.mark.parametrize(
    ("edit", "english", "chinese"),
    [
        (("names: {en: Testland}", "names: Testland"),
         "Expected `object`, got `str`", "应为键值表，实际是文本"),
        (("level: national", "level: 3"), "Expected `str`, got `int`", "应为文本，实际是整数"),
        (("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01T10:00:00"),
         "Expected `date`, got `datetime`", "应为日期，实际是日期时间"),
        (("{id: n, text:", "{id: n, before: 3, text:"),
         "Expected `str | null`, got `int`", "应为文本或空值，实际是整数"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_kind_is_named_in_each_language(
    tmp_path: Path, edit: tuple[str, str], english: str, chinese: str
) -> None:
    problem = load_error(tmp_path, VALID.replace(*edit))
    assert (problem.code, en(problem.message), say(problem.message, "zh")) == (
        "CG004",
        english,
        chinese,
    )
