"""Every shipped region file loads, resolves and cites sources that exist and are used."""

from __future__ import annotations

from functools import cache

import pytest

from cardguide.catalog import Catalog, shipped_dir
from cardguide.loader import iter_items
from cardguide.resolve import Guide, load_chain, resolve

from .conftest import Invoke

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
    ["--left-job"],
)  # fmt: skip
TASKS = (["apply"], ["replace", "--lost"], ["replace", "--damaged"], ["collect", "--by-proxy"])


@pytest.mark.parametrize("region", SHIPPED)
def test_no_checklist_lists_the_same_thing_twice_or_asks_a_first_applicant_for_a_card(
    region: str, invoke: Invoke
) -> None:
    for task in TASKS:
        for person in PEOPLE:
            run = invoke([*task, "--region", region, *person, "--format", "json", "--no-input"])
            assert run.exit_code == 0, (task, person, run.stderr)
            data = run.json()
            for kind in ("steps", "materials", "fees", "deadlines", "warnings", "notes"):
                texts = [item["text"]["zh"] or item["text"]["en"] for item in data.get(kind, [])]
                repeated = {text for text in texts if texts.count(text) > 1}
                assert not repeated, (task, person, kind, repeated)
            if task == ["apply"]:
                assert "existing-card" not in {m["id"] for m in data["materials"]}, person
