"""The administrative divisions of China, found by any name: read only when a name needs it."""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import msgspec

from cardguide.places.names import fold, han_runs, is_han

FILE = Path(__file__).with_name("divisions.tsv")
# Provincial codes of the places cardguide does not cover: Taiwan, Hong Kong, Macao.
NOT_COVERED = ("71", "81", "82")
# English words people add to a place's name ("Haishu District", "Henan Province").
_ENGLISH_KINDS = re.compile(
    r"(?:autonomous)?(?:prefecture|province|municipality|district|county|city|banner|league|"
    r"region|sar)$"
)


_SIZE = {"province": 0, "city": 1, "county": 2}


class Division(msgspec.Struct, frozen=True, gc=False):
    """One province, prefecture-level city or county-level division (a Struct: 3,213 of them
    are made when a name is looked up, in a quarter of the time named tuples take)."""

    code: str
    parent: str  # empty for a province
    level: str  # province, city or county
    name: str  # official name: 海曙区
    short: str  # 海曙
    pinyin: str  # haishu
    english: str  # Haishu

    @property
    def covered(self) -> bool:
        return self.code[:2] not in NOT_COVERED


class Divisions:
    """Every division, by code and by every folded spelling of its name."""

    def __init__(self, divisions: list[Division]) -> None:
        self.by_code = {division.code: division for division in divisions}
        self.by_name: dict[str, list[str]] = {}
        for division in divisions:
            for key in _keys(division):  # a set: a division's code goes in once under each key
                self.by_name.setdefault(key, []).append(division.code)

    def chain(self, code: str) -> list[Division]:
        """The division and the divisions above it, nearest first."""
        found: list[Division] = []
        current = code
        while current in self.by_code and len(found) < 4:
            found.append(self.by_code[current])
            current = self.by_code[current].parent
        return found

    def path(self, code: str) -> str:
        """浙江省宁波市海曙区: the official names from the province down."""
        return "".join(division.name for division in reversed(self.chain(code)))

    def find(self, query: str) -> list[Division]:
        """Every division a name can mean: a code, a name in any spelling, or a path of names."""
        wanted = fold(query)
        if wanted in self.by_code:
            return [self.by_code[wanted]]
        if not is_han(wanted):
            wanted = _ENGLISH_KINDS.sub("", wanted) or wanted
        exact = self.by_name.get(wanted, [])
        found = [self.by_code[code] for code in exact] if exact else self._by_path(wanted)
        # A place and a place inside it with the same name (朝阳市, 朝阳县): the larger one.
        codes = {division.code for division in found}
        return [d for d in found if not any(a.code in codes for a in self.chain(d.code)[1:])]

    def _by_path(self, wanted: str) -> list[Division]:
        """浙江宁波海曙, 'Haishu, Ningbo': a division whose name ends the query, the rest of the
        query naming its ancestors in order."""
        # The names that begin or end the query: a look-up for each of its lengths, rather
        # than a look at each of the 9,000 names.
        ends = {wanted[:size] for size in range(2, len(wanted) + 1)}
        ends.update(wanted[-size:] for size in range(2, len(wanted) + 1))
        found: set[str] = set()
        for key in ends.intersection(self.by_name):
            rest = wanted.removesuffix(key) if wanted.endswith(key) else wanted.removeprefix(key)
            for code in self.by_name[key]:
                if self._names_ancestors(rest, self.chain(code)[1:]):
                    found.add(code)
        # In the list's order, as a name's divisions are: the order never depends on the run.
        return [division for code, division in self.by_code.items() if code in found]

    def _names_ancestors(self, rest: str, ancestors: list[Division]) -> bool:
        """Whether `rest` is made of the ancestors' names, in either order, with no leftover."""
        if not rest:
            return True
        for index, ancestor in enumerate(ancestors):
            for key in _keys(ancestor):
                left = ancestors[index + 1 :]
                if rest.startswith(key) and self._names_ancestors(rest.removeprefix(key), left):
                    return True
                if rest.endswith(key) and self._names_ancestors(rest.removesuffix(key), left):
                    return True
        return False

    def suggest(self, query: str, limit: int = 3) -> list[Division]:
        """Divisions whose names are close, compared in the script the query is written in."""
        import difflib  # only a failed lookup pays for it

        wanted = fold(query)
        han = is_han(query)
        # A key in ASCII has no Chinese character: only the others need the pattern.
        chinese = han_runs().search
        keys = [
            key
            for key in self.by_name
            if len(key) >= 2 and (not key.isascii() and chinese(key) is not None) == han
        ]
        cutoff = _cutoff(wanted, han)
        close = difflib.get_close_matches(wanted, _may_pass(wanted, keys, cutoff), 20, cutoff)

        def likeness(key: str) -> tuple[float, int, int]:
            # Equally close names: the one that begins like the query (海曙 for 海署区), then the
            # larger place (杭州市 before 杭锦旗 for 杭洲).
            pairs = zip(key, wanted, strict=False)
            shared = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], pairs))
            size = min(_SIZE[self.by_code[code].level] for code in self.by_name[key])
            return difflib.SequenceMatcher(None, wanted, key).ratio(), shared, -size

        close.sort(key=likeness, reverse=True)
        found = [self.by_code[code] for key in close for code in self.by_name[key]]
        return list({division.code: division for division in found}.values())[:limit]


def _may_pass(wanted: str, keys: list[str], cutoff: float) -> list[str]:
    """The keys difflib could find close to `wanted`; it leaves out only keys its own quick
    bound would refuse, so what it finds is the same.

    That bound, counting the characters two names share, is most of its time over thousands
    of names; here a pattern counts, in C, each character of a key that occurs in the query
    at all, which is never less, and the ratio is worked out as difflib works it out.
    """
    if not wanted:
        return keys
    elsewhere = re.compile("[^" + re.escape("".join(sorted(set(wanted)))) + "]").findall
    size = len(wanted)
    return [key for key in keys
            if 2.0 * (len(key) - len(elsewhere(key))) / (size + len(key)) >= cutoff]  # fmt: skip


def _cutoff(wanted: str, han: bool) -> float:
    """How alike a name must be: one wrong character in two is still a likely typo (成督)."""
    if han:
        return 0.5 if len(wanted) <= 2 else 0.6
    return 0.8


def _keys(division: Division) -> set[str]:
    """The folded spellings of a division's name; the file already holds them folded but English."""
    return {
        division.name,
        division.short,
        division.pinyin,
        division.english.casefold().replace(" ", ""),
    }


@cache
def divisions() -> Divisions:
    rows = [
        Division(*line.split("\t"))
        for line in FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return Divisions(rows)
