"""Synthetic region files four levels deep (national, province, city, county), valid under
`cardguide validate`, for measuring cardguide with thousands of local regions.

    python benchmarks/generate.py DIR [--count 3000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cardguide.wording.text import revision

# Characters for made-up Chinese names; every region gets a different pair.
_HAN = (
    "安宝北昌成大德东丰福高广海汉和华江金景乐丽临龙满南宁平清"
    "庆瑞山上盛顺泰天通文武西祥新兴阳永玉元云长正中"
)
_LEVELS = (("province", "省", 10), ("city", "市", 10))  # the rest are counties


def _name(number: int) -> str:
    first, second = divmod(number, len(_HAN))
    return _HAN[first % len(_HAN)] + _HAN[second] + "".join(_HAN[int(d)] for d in str(number))


def _region(region_id: str, level: str, parent: str, number: int, suffix: str) -> str:
    zh = _name(number) + suffix
    note = f"The service hall of synthetic region {number} takes card applications on weekdays."
    form = f"The application form of region {number}"
    title = f"Synthetic source {number}"
    return f"""\
id: {region_id}
level: {level}
parent: {parent}
names: {{en: Synthetic {number}, zh: {zh}}}
languages: [en, zh]
last_reviewed: 2026-11-01
sources:
  - id: synthetic:{region_id}
    title: {{en: "{title}", zh_of: {revision(title)}, zh: 合成来源{number}}}
    status: uncertain
    kind: unofficial
procedures:
  apply:
    notes:
      - id: {region_id}-hours
        text:
          en: {note}
          zh_of: {revision(note)}
          zh: 合成地区{number}的服务大厅在工作日受理社保卡申领。
        sources: [synthetic:{region_id}]
        status: uncertain
    materials:
      - id: {region_id}-form
        text: {{en: {form}, zh_of: {revision(form)}, zh: 地区{number}的申请表}}
        sources: [synthetic:{region_id}]
        status: uncertain
"""


def generate(directory: Path, count: int) -> list[str]:
    """Write `count` region files: provinces under national, cities under provinces, and
    counties under cities. Returns their ids in the order written."""
    directory.mkdir(parents=True, exist_ok=True)
    ids: list[str] = []
    provinces: list[str] = []
    cities: list[str] = []
    for number in range(count):
        region_id = f"synthetic{number:05d}"
        if len(provinces) < _LEVELS[0][2]:
            level, suffix, parent = "province", "省", "national"
            provinces.append(region_id)
        elif len(cities) < _LEVELS[0][2] * _LEVELS[1][2]:
            level, suffix, parent = "city", "市", provinces[len(cities) % len(provinces)]
            cities.append(region_id)
        else:
            level, suffix, parent = "county", "县", cities[number % len(cities)]
        text = _region(region_id, level, parent, number, suffix)
        (directory / f"{region_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(region_id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    generate(args.directory, args.count)


if __name__ == "__main__":
    main()
