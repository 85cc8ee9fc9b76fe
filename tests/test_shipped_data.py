"""Every shipped region file loads, resolves and cites sources that exist and are used."""

from __future__ import annotations

from functools import cache

import pytest

from cardguide.catalog import Catalog, shipped_dir
from cardguide.loader import iter_items
from cardguide.resolve import Guide, load_chain, resolve

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
