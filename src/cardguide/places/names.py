"""Place names the way people write them: folding, exact and compound matches, suggestions."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

import msgspec

# Spaces, hyphens, apostrophes (Xi'an), middle dots and the like carry no meaning in a name.
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’`·・.,_/]+")
# Pinyin with tone numbers, such as ning2bo1.
_TONE_NUMBERS = re.compile(r"(?:[a-z]+[1-5]?)+")


def fold(name: str) -> str:
    """The form spellings of one name share: 'Níng Bō', 'ＮＩＮＧＢＯ', 'ning2bo1' → 'ningbo'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    # Tone marks and the umlaut of ü are combining marks once decomposed.
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = _SEPARATORS.sub("", unicodedata.normalize("NFC", text))
    if _TONE_NUMBERS.fullmatch(text) and any(c.isdigit() for c in text):
        text = "".join(c for c in text if not c.isdigit())
    return text


@functools.cache
def han_runs() -> re.Pattern[str]:
    """Runs of Chinese characters; compiled on first use, as its ranges take about 2 ms."""
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def is_han(text: str) -> bool:
    return han_runs().search(text) is not None


class Place(msgspec.Struct, frozen=True):
    """What name lookups need of a region: its names and where it sits (a Struct: a lookup
    makes one for every region, and a frozen dataclass takes several times as long)."""

    id: str
    parent: str | None
    names: tuple[str, ...]  # every spelling: id, English, Chinese, full names, pinyin, aliases
    shown: tuple[str, str]  # how a suggestion names it: (in Latin script, in Chinese)
    division: str | None = None  # the official division code its rules are for
    keys: tuple[str, ...] = ()  # its names folded, when known already (from an index)


class Gazetteer:
    """Every known spelling of every region, folded, with the tree they sit in."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places = {place.id: place for place in places}
        self.index: dict[str, str] = {}
        for place in self.places.values():
            for key in place.keys or [fold(name) for name in place.names]:
                if key:
                    self.index.setdefault(key, place.id)

    @classmethod
    def assembled(cls, places: Iterable[Place], index: dict[str, str]) -> Gazetteer:
        """From places and an index made before (a snapshot), folding nothing again."""
        made = cls(())
        made.places = {place.id: place for place in places}
        made.index = index
        return made

    def ancestors(self, region_id: str) -> list[str]:
        """The region's parents, nearest first (stopping at a cycle)."""
        found: list[str] = []
        current = self.places[region_id].parent if region_id in self.places else None
        while current is not None and current in self.places and current not in found:
            found.append(current)
            current = self.places[current].parent
        return found

    def province(self, region_id: str) -> str:
        """The top region under the national one that holds this region (itself, if it is one)."""
        chain = [region_id, *self.ancestors(region_id)]
        return chain[-2] if len(chain) > 1 else chain[-1]

    def find(self, query: str) -> str | None:
        """The region a name means: exact in any spelling, or 'province + place' in one go."""
        wanted = fold(query)
        if not wanted:
            return None
        if wanted in self.index:
            return self.index[wanted]
        # 浙江省宁波市, 'Ningbo, Zhejiang': a place written with one of its ancestors.
        for key, region_id in self.index.items():
            if len(key) < 2 or key == wanted:
                continue
            rest = wanted.removesuffix(key) if wanted.endswith(key) else None
            if rest is None and wanted.startswith(key):
                rest = wanted.removeprefix(key)
            if rest and self.index.get(rest) in self.ancestors(region_id):
                return region_id
        return None

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Close names, in the script the person typed, never from a farther province.

        A name contained in the query (宁波 in 宁波市海曙区) beats any likeness of spelling. A
        suggestion from another province than the best one is kept only when it is as close.
        """
        import difflib  # only a failed lookup pays for it

        wanted = fold(query)
        han = is_han(query)
        scores: dict[str, float] = {}
        for key, region_id in self.index.items():
            if is_han(key) != han or not wanted:
                continue
            if len(key) >= 2 and key in wanted:
                score = 2.0 + len(key) / 100  # the longer name contained is the nearer place
            elif len(wanted) >= 2 and wanted in key:
                score = 1.5
            else:
                # Among names as alike, one that starts the same way is the likelier typo
                # (宁坡 is 宁波, not 南宁 or 辽宁, which share the same one character).
                prefix = next(
                    (i for i, (a, b) in enumerate(zip(wanted, key, strict=False)) if a != b),
                    min(len(wanted), len(key)),
                )
                score = difflib.SequenceMatcher(None, wanted, key).ratio() + prefix / 100
            if score >= (0.5 if han else 0.6):
                scores[region_id] = max(score, scores.get(region_id, 0.0))
        ranked = sorted(scores, key=lambda r: (-scores[r], r))
        if not ranked:
            return []
        best = ranked[0]
        close = [
            r
            for r in ranked
            if self.province(r) == self.province(best) or scores[r] >= scores[best]
        ]
        return [self.places[r].shown[1 if han else 0] for r in close[:limit]]
