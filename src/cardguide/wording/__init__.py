"""Messages as codes with parameters, turned into words only here, from the one catalog."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePath
from typing import Literal

import msgspec

from cardguide.wording.text import LANGS, Lang, Text

# The catalog is written in messages.toml, grouped by namespace; cardguide reads this JSON made
# from it (scripts/regenerate.py), as parsing the TOML would add about 13 ms to every run.
CATALOG = Path(__file__).with_name("messages.json")

# A key's texts by language; an English text may be {"one": ..., "other": ...}, chosen by `n`.
Entry = dict[str, str | dict[str, str]]

# What a person can ask for: one language, or both (Chinese, then English).
LangChoice = Literal["en", "zh", "both"]

# How lists read: "a, b" / "a or b" / "a and b" / "a; b", and 、/ 或 / 和 / ；in Chinese; "kinds"
# joins kinds of value a field takes ("str | null", 文本或空值); "nor"
# lists what someone is not ("not employer or student", 单位代办、学生以外的人).
Joiner = Literal["list", "or", "and", "parts", "nor", "kinds"]


class Msg(msgspec.Struct, frozen=True):
    """A piece of the tool's own wording: a catalog key and the values it is filled with.

    Documents and errors carry these instead of sentences, so that every output format can say
    them in the reader's language and JSON can carry every language at once.
    """

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def get(self, name: str) -> object:
        return dict(self.params)[name]


def msg(key: str, /, **params: object) -> Msg:
    return Msg(key, tuple(params.items()))


def keyed(family: str, value: str, /, **params: object) -> Msg:
    """The message for one member of a family of words (a kind, a level, a facet ...).

    A test checks that each family has a word for exactly the values the model allows.
    """
    return msg(f"{family}.{value}", **params)


class Join(msgspec.Struct, frozen=True):
    """Several values read as one list in the reader's language."""

    items: tuple[object, ...]
    how: Joiner = "list"


def join(items: Iterable[object], how: Joiner = "list") -> Join:
    return Join(tuple(items), how)


def say(value: object, lang: Lang) -> str:
    """A message, a data text, a list or a plain value, as words in `lang`."""
    if isinstance(value, Msg):
        return _fill(value, lang)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Join):
        separator = _template(f"join.{value.how}", lang, None)
        return separator.join(say(item, lang) for item in value.items)
    if isinstance(value, datetime.date):
        return _date(value, lang)
    if isinstance(value, PurePath):
        return str(value)
    return str(value)


def both(value: object) -> dict[str, str]:
    """Every language at once, as JSON carries generated text."""
    return {lang: say(value, lang) for lang in LANGS}


def _date(day: datetime.date, lang: Lang) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


@cache
def words() -> dict[str, Entry]:
    """The message catalog, read when the first message is said (about half a millisecond)."""
    catalog: dict[str, Entry] = msgspec.json.decode(CATALOG.read_bytes())
    return catalog


def _template(key: str, lang: Lang, count: object) -> str:
    entry = words()[key][lang]
    if isinstance(entry, str):
        return entry
    # English plurals: {"one": ..., "other": ...}, chosen by the message's `n`.
    return entry["one" if count == 1 else "other"]


def _fill(message: Msg, lang: Lang) -> str:
    params = dict(message.params)
    template = _template(message.key, lang, params.get("n"))
    return template.format_map({name: say(value, lang) for name, value in params.items()})
