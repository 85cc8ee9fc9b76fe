"""Inheritance: chain loading, overrides by id, placement, fallback and reference checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cardguide.errors import DataError, Diagnostic, RegionNotFound
from cardguide.load.catalog import Catalog
from cardguide.match.pick import select
from cardguide.model.profile import make_profile
from cardguide.resolve.chain import Guide, load_chain, resolve

from .conftest import en

NATIONAL = """\
id: national
level: national
names: {en: Testland}
last_reviewed: 2026-01-01
sources:
  - {id: "test:sure", title: {en: Sure}, status: official, kind: government}
  - {id: "test:maybe", title: {en: Maybe}, status: uncertain, kind: unofficial}
procedures:
  apply:
    steps:
      - {id: first, text: {en: National first}, sources: ["test:sure"], status: official}
      - {id: office, text: {en: National office}, sources: ["test:sure"], status: official}
      - {id: last, text: {en: National last}, sources: ["test:sure"], status: official}
"""


def region(name: str, parent: str, level: str, steps: str = "", extra: str = "") -> str:
    body = f"""\
id: {name}
level: {level}
parent: {parent}
names: {{en: {name.title()}}}
last_reviewed: 2026-01-01
{extra}"""
    if steps:
        body += "procedures:\n  apply:\n    steps:\n" + textwrap.indent(
            textwrap.dedent(steps), "      "
        )
    return body


def catalog_of(tmp_path: Path, files: dict[str, str]) -> Catalog:
    for name, body in files.items():
        (tmp_path / f"{name}.yaml").write_text(body, encoding="utf-8")
    return Catalog([tmp_path])


def guide_of(tmp_path: Path, files: dict[str, str], leaf: str) -> Guide:
    catalog = catalog_of(tmp_path, files)
    return resolve(load_chain(catalog, leaf))


def step_ids(guide: Guide, *facets: str) -> list[tuple[str, str]]:
    placed = select(guide, "apply", "steps", make_profile(facets))  # type: ignore[arg-type]
    return [(p.item.id, p.origin) for p in placed]


def resolve_error(tmp_path: Path, files: dict[str, str], leaf: str) -> Diagnostic:
    with pytest.raises(DataError) as caught:
        guide_of(tmp_path, files, leaf)
    return caught.value.diagnostic


def city_step_error(tmp_path: Path, step: str) -> Diagnostic:
    """The error from resolving a city whose only item is `step` (a one-line YAML mapping)."""
    city = region("city", "national", "city", f"- {step}\n")
    return resolve_error(tmp_path, {"national": NATIONAL, "city": city}, "city")


def test_an_override_replaces_in_place_and_a_new_item_is_appended(tmp_path: Path) -> None:
    city = region(
        "city",
        "national",
        "city",
        """\
        - {id: office, text: {en: City office}, sources: ["test:sure"], status: official}
        - {id: extra, text: {en: City extra}, sources: ["test:sure"], status: official}
        """,
    )
    guide = guide_of(tmp_path, {"national": NATIONAL, "city": city}, "city")
    assert step_ids(guide) == [
        ("first", "national"),
        ("office", "city"),
        ("last", "national"),
        ("extra", "city"),
    ]
    assert [layer.region.id for layer in guide.chain] == ["city", "national"]


def test_before_and_after_place_new_items_among_inherited_ones(tmp_path: Path) -> None:
    city = region(
        "city",
        "national",
        "city",
        """\
        - {id: pre, before: first, text: {en: Pre}, sources: ["test:sure"], status: official}
        - {id: mid, after: office, text: {en: Mid}, sources: ["test:sure"], status: official}
        """,
    )
    guide = guide_of(tmp_path, {"national": NATIONAL, "city": city}, "city")
    assert [step for step, _ in step_ids(guide)] == ["pre", "first", "office", "mid", "last"]


def test_a_conditional_override_falls_back_to_the_parent_for_other_profiles(tmp_path: Path) -> None:
    city = region(
        "city",
        "national",
        "city",
        """\
        - id: office
          when: {all: [newborn]}
          text: {en: Newborn office}
          sources: ["test:sure"]
          status: official
        """,
    )
    guide = guide_of(tmp_path, {"national": NATIONAL, "city": city}, "city")
    assert ("office", "city") in step_ids(guide, "newborn")
    assert ("office", "national") in step_ids(guide)
    fallback = select(guide, "apply", "steps", make_profile([]))[1]
    assert fallback.inherited
    assert [c.origin for c in fallback.passed_over] == ["city"]


def test_three_layers_resolve_nearest_first(tmp_path: Path) -> None:
    province = region(
        "prov",
        "national",
        "province",
        """\
        - {id: office, text: {en: Province office}, sources: ["test:sure"], status: official}
        """,
    )
    town = region("town", "prov", "county")
    guide = guide_of(tmp_path, {"national": NATIONAL, "prov": province, "town": town}, "town")
    assert ("office", "prov") in step_ids(guide)
    entry = guide.section("apply", "steps")[1]
    assert [c.origin for c in entry.candidates] == ["prov", "national"]


def test_missing_parent_points_at_the_parent_key(tmp_path: Path) -> None:
    problem = resolve_error(tmp_path, {"city": region("city", "nowhere", "city")}, "city")
    assert (problem.code, problem.keypath, problem.line) == ("CG007", "parent", 3)
    assert problem.file.name == "city.yaml"


def test_a_parent_cycle_is_named(tmp_path: Path) -> None:
    files = {"a": region("a", "b", "city"), "b": region("b", "a", "city")}
    problem = resolve_error(tmp_path, files, "a")
    assert problem.code == "CG008"
    assert "a → b → a" in en(problem.message)


def test_a_region_that_is_its_own_parent_is_a_cycle(tmp_path: Path) -> None:
    problem = resolve_error(tmp_path, {"a": region("a", "a", "city")}, "a")
    assert problem.code == "CG008"


def test_a_child_must_sit_below_its_parent(tmp_path: Path) -> None:
    files = {
        "national": NATIONAL,
        "prov": region("prov", "national", "province"),
        "big": region("big", "prov", "province"),
    }
    problem = resolve_error(tmp_path, files, "big")
    assert (problem.code, problem.keypath) == ("CG021", "level")


def test_an_undefined_source_is_an_error_at_the_reference(tmp_path: Path) -> None:
    problem = city_step_error(
        tmp_path, '{id: x, text: {en: X}, sources: ["test:nowhere"], status: uncertain}'
    )
    assert (problem.code, problem.keypath) == ("CG012", "procedures.apply.steps[0].sources[0]")


def test_an_item_cannot_be_surer_than_its_sources(tmp_path: Path) -> None:
    problem = city_step_error(
        tmp_path, '{id: x, text: {en: X}, sources: ["test:maybe"], status: official}'
    )
    assert (problem.code, problem.keypath) == ("CG022", "procedures.apply.steps[0].status")


def test_a_child_cannot_redefine_a_parent_source(tmp_path: Path) -> None:
    extra = (
        'sources:\n  - {id: "test:sure", title: {en: Again}, status: official, kind: government}\n'
    )
    city = region("city", "national", "city", extra=extra)
    problem = resolve_error(tmp_path, {"national": NATIONAL, "city": city}, "city")
    assert (problem.code, problem.keypath) == ("CG009", "sources[0].id")


def test_before_naming_a_missing_item_is_dangling(tmp_path: Path) -> None:
    problem = city_step_error(
        tmp_path, '{id: x, before: ghost, text: {en: X}, sources: ["test:sure"], status: official}'
    )
    assert (problem.code, problem.keypath) == ("CG020", "procedures.apply.steps[0].before")
    assert "'ghost'" in en(problem.message)


def test_unknown_region_suggests_close_names(tmp_path: Path) -> None:
    catalog = catalog_of(
        tmp_path, {"national": NATIONAL, "ningbo": region("ningbo", "national", "city")}
    )
    with pytest.raises(RegionNotFound) as caught:
        catalog.find("ningpo")
    assert caught.value.suggestions == ["ningbo"]
    assert catalog.find("NINGBO") == "ningbo"
    assert catalog.find("Testland") == "national"


def test_path_like_region_queries_never_reach_the_file_system(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(NATIONAL.replace("id: national", "id: secret"), encoding="utf-8")
    inner = tmp_path / "data"
    inner.mkdir()
    catalog = catalog_of(inner, {"national": NATIONAL})
    with pytest.raises(RegionNotFound):
        catalog.find("../secret")


def test_complete_drops_the_inherited_items_of_that_kind(tmp_path: Path) -> None:
    city = region(
        "city",
        "national",
        "city",
        '- {id: own, text: {en: Own}, sources: ["test:sure"], status: official}\n',
    ).replace("    steps:\n", "    complete: [steps]\n    steps:\n")
    guide = guide_of(tmp_path, {"national": NATIONAL, "city": city}, "city")
    assert step_ids(guide) == [("own", "city")]
    national = guide_of(tmp_path, {"national": NATIONAL}, "national")
    assert len(step_ids(national)) == 3


def test_complete_for_some_people_leaves_the_rest_their_inheritance(tmp_path: Path) -> None:
    city = region(
        "city",
        "national",
        "city",
        '- {id: own, text: {en: Own}, sources: ["test:sure"], status: official}\n',
    ).replace("    steps:\n", "    complete: [{kind: steps, when: {none: [minor]}}]\n    steps:\n")
    guide = guide_of(tmp_path, {"national": NATIONAL, "city": city}, "city")
    adult = [p.item.id for p in select(guide, "apply", "steps", make_profile([]))]
    child = [p.item.id for p in select(guide, "apply", "steps", make_profile(["minor"]))]
    assert adult == ["own"]  # the city's list is complete for adults ...
    assert child == ["first", "office", "last", "own"]  # ... not for children


def test_a_rule_only_in_a_missing_region_is_an_error(tmp_path: Path) -> None:
    deadline = (
        "procedures:\n  apply:\n    deadlines:\n"
        '      - {id: d, text: {en: D}, sources: ["test:sure"], status: official,\n'
        "         rule: {event: born, kind: deadline, periods: [{days: 1}], only_in: atlantis}}\n"
    )
    files = {"national": NATIONAL.split("procedures:")[0] + deadline}
    problem = resolve_error(tmp_path, files, "national")
    assert (problem.code, problem.keypath) == (
        "CG024",
        "procedures.apply.deadlines[0].rule.only_in",
    )
