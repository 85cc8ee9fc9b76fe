"""Folding place names and suggesting close ones, without another province's name in the way."""

from __future__ import annotations

import pytest

from cardguide.places.names import Gazetteer, Place, fold


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Níngbō", "ningbo"), ("NING BO", "ningbo"), ("ning-bo", "ningbo"), ("ning2 bo1", "ningbo"),
        ("ＮＩＮＧＢＯ", "ningbo"), ("Xī'ān", "xian"), ("Lǘliáng", "luliang"), ("宁波市", "宁波市"),
        ("  宁波 ", "宁波"), ("", ""),
    ],
)  # fmt: skip
def test_spellings_of_one_name_fold_together(written: str, folded: str) -> None:
    assert fold(written) == folded


def place(region_id: str, parent: str | None, *names: str) -> Place:
    return Place(region_id, parent, (region_id, *names), (region_id, names[0] if names else ""))


GAZETTEER = Gazetteer(
    [
        place("national", None, "全国"),
        place("east", "national", "东省"),
        place("west", "national", "西省"),
        place("harbour", "east", "海港市", "Haigang"),
        place("harbourside", "east", "海港区", "Haigangqu"),
        place("hilltop", "west", "海岗市", "Haigangshan"),
    ]
)


def test_a_place_written_with_its_province_is_found() -> None:
    assert GAZETTEER.find("东省海港市") == "harbour"
    assert GAZETTEER.find("Haigang, east") == "harbour"
    assert GAZETTEER.find("西省海港市") is None  # that province has no such place


def test_suggestions_stay_in_the_province_of_the_best_match() -> None:
    # 海港市 is in the question; 海岗市 in the west looks alike but is less close than the
    # other place in the east, so the west is never offered.
    assert GAZETTEER.suggest("海港市区") == ["海港市", "海港区"]


def test_an_equally_close_place_elsewhere_is_still_offered() -> None:
    assert set(GAZETTEER.suggest("haigangx")) >= {"harbour"}


def test_a_contained_name_beats_any_likeness() -> None:
    assert GAZETTEER.suggest("东省海港市中山街道")[0] == "海港市"


def test_latin_questions_get_ids_and_chinese_questions_get_chinese_names() -> None:
    assert GAZETTEER.suggest("haigng")[0] == "harbour"
    assert all(not name.isascii() for name in GAZETTEER.suggest("海港"))
