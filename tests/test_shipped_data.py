"""Every shipped region file loads, resolves and cites sources that exist and are used."""

from __future__ import annotations

import json
from functools import cache
from typing import Any, cast

import pytest

from cardguide.cli.context import rendered
from cardguide.commands import BY_NAME
from cardguide.load.catalog import Catalog, shipped_dir
from cardguide.load.loader import iter_items
from cardguide.model.profile import HUKOU
from cardguide.model.region import Facet
from cardguide.model.request import Request
from cardguide.resolve.chain import Guide, load_chain, resolve

from .conftest import TEST_TODAY

SHIPPED = sorted(path.stem for path in shipped_dir().glob("*.yaml"))
SEED_PAGES = {
    "seed:000_537d416283005492",
    "seed:001_715ab1bf6b3c8cf3",
    "seed:002_58e8e2b9fedb2a71",
    "seed:003_fb17a0820ab5aaea",
    "seed:004_cd230c70a279703a",
}


@cache
def guides() -> dict[str, Guide]:
    catalog = Catalog()
    return {region_id: resolve(load_chain(catalog, region_id)) for region_id in SHIPPED}


def test_the_required_regions_ship() -> None:
    assert set(SHIPPED) >= {"national", "zhejiang", "ningbo", "cixi", "henan", "shanghai"}


@pytest.mark.parametrize("region_id", SHIPPED)
def test_each_region_loads_resolves_and_reaches_national(region_id: str) -> None:
    guide = resolve(load_chain(Catalog(), region_id))
    assert guide.chain[0].region.id == region_id
    assert guide.chain[-1].region.id == "national"
    assert guide.entries, "a region guide with no items at all"


def test_every_defined_source_is_cited_and_every_seed_page_is_used() -> None:
    defined: set[str] = set()
    cited: set[str] = set()
    for guide in guides().values():
        defined.update(guide.sources)
        for layer in guide.chain:
            for _procedure, _kind, _path, item in iter_items(layer.region):
                cited.update(item.sources)
    assert not defined - cited, "sources nobody cites"
    assert cited >= SEED_PAGES


def test_every_region_has_an_english_and_chinese_name() -> None:
    for guide in guides().values():
        names = guide.layer.region.names
        assert names.en, guide.layer.region.id
        assert names.zh, guide.layer.region.id


PEOPLE: tuple[list[str], ...] = (
    [], ["--newborn"], ["--minor"], ["--student"], ["--foreign-employee"], ["--self-employed"],
    ["--left-job"], ["--hk-macao-taiwan"], ["--home-service"], ["--hukou", "elsewhere"],
    ["--newborn", "--hukou", "local"],
)  # fmt: skip
TASKS = (["apply"], ["replace", "--lost"], ["replace", "--damaged"], ["collect", "--by-proxy"])


# The papers every person must be told about, whatever the region: (task, person, one of).
NEEDED: tuple[tuple[list[str], list[str], set[str]], ...] = (
    (["apply"], ["--newborn"], {"guardian_id"}),
    (["apply"], ["--newborn"], {"guardianship_proof"}),
    (["apply"], ["--minor"], {"guardian_id"}),
    (["apply"], ["--minor"], {"guardianship_proof"}),
    (["replace", "--lost"], ["--minor"], {"guardian_id"}),
    (["apply"], ["--foreign-employee"], {"passport", "permanent_residence_card"}),
    (["replace", "--damaged"], ["--foreign-employee"], {"passport", "permanent_residence_card"}),
    (["collect", "--by-proxy"], [], {"proxy_id"}),
    (["apply"], ["--hk-macao-taiwan"], {"hmt_permit"}),
    (["replace", "--lost"], ["--hk-macao-taiwan"], {"hmt_permit"}),
)


# The order steps are done in: a birth is registered before the card is applied for, a loss
# reported before a new card is asked for, a card collected before it is activated.
TOPIC_ORDER = {
    "register_birth": 0, "enrol": 1, "bank_account": 2, "photo": 3, "report_loss": 4,
    "report_damage": 4, "found": 4, "apply": 6, "replace": 6, "pay": 7, "collect": 8,
    "activate": 9, "claim": 10, "password": 11, "records": 11, "update": 11,
}  # fmt: skip


def test_every_shipped_step_says_what_it_does() -> None:
    for guide in guides().values():
        for procedure, kind, _path, item in iter_items(guide.layer.region):
            if kind == "steps":
                assert getattr(item, "topic", None) in TOPIC_ORDER, (procedure, item.id)


@pytest.mark.parametrize("region", SHIPPED)
def test_every_person_gets_a_whole_list_in_order_with_nothing_twice_in_every_region(
    region: str,
) -> None:
    # One build per region, task and person answers all three questions; the command line's
    # own parsing is tested elsewhere, and building through the registry spares 5,000 of them.
    for task in (*TASKS, ["activate"], ["update"], ["reimburse"]):
        for person in PEOPLE:
            data = _checklist(region, [*task, *person])
            _lists_nothing_twice(task, person, data)
            _tells_each_needed_paper(task, person, data)
            ranks = [TOPIC_ORDER[step["topic"]] for step in data["steps"]]
            assert ranks == sorted(ranks), (task, person, [s["id"] for s in data["steps"]])


def _checklist(region: str, args: list[str]) -> dict[str, Any]:
    """The JSON checklist `cardguide ARGS --region REGION --format json` prints, built the way
    the command builds it."""
    name, *flags = args
    facets: set[Facet] = set()
    while flags:
        flag = flags.pop(0)
        if flag == "--hukou":
            facets.add(HUKOU[flags.pop(0)])
        else:
            facets.add(cast(Facet, flag.removeprefix("--").replace("-", "_")))
    request = Request(today=TEST_TODAY, region=region, facets=frozenset(facets))
    answer = BY_NAME[name].build(request, _catalog())  # type: ignore[misc]
    assert (answer.notes, answer.warnings) == ([], []), args
    data: dict[str, Any] = json.loads(rendered(answer.document, request, "json"))
    return data


@cache
def _catalog() -> Catalog:
    return Catalog()


def _lists_nothing_twice(task: list[str], person: list[str], data: dict[str, Any]) -> None:
    for kind in ("steps", "materials", "fees", "deadlines", "warnings", "notes"):
        texts = [item["text"]["zh"] or item["text"]["en"] for item in data.get(kind, [])]
        repeated = {text for text in texts if texts.count(text) > 1}
        assert not repeated, (task, person, kind, repeated)
    listed = {paper for item in data["materials"] for paper in item.get("documents", [])}
    first = task in (["apply"], ["collect", "--by-proxy"])
    assert not (first and "existing_card" in listed), (task, person)
    if task == ["apply"]:
        assert "existing-card" not in {m["id"] for m in data["materials"]}, person


def _tells_each_needed_paper(task: list[str], person: list[str], data: dict[str, Any]) -> None:
    """Each paper this person must be told about is listed, or said to be not known."""
    listed = {paper for item in data["materials"] for paper in item.get("documents", [])}
    unlisted = [set(group["documents"]) for group in data["unlisted"]]
    for needed_task, needed_person, papers in NEEDED:
        if (needed_task, needed_person) != (task, person):
            continue
        assert listed & papers or papers in unlisted, (task, person, papers)
        if listed & papers:
            assert papers not in unlisted  # never "not known" beside the paper itself
