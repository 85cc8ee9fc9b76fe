"""The message catalog: every key in both languages, used, and filled the same way in each."""

from __future__ import annotations

import ast
import datetime
import string
import typing
from pathlib import Path

import pytest
from chinese_calendar.constants import Holiday

from cardguide.commands import COMMANDS
from cardguide.documents import EXPECTED
from cardguide.errors import OS_REASONS, RULES
from cardguide.load.decode_errors import VALUE_KINDS
from cardguide.model.profile import FACETS
from cardguide.model.region import (
    DOCUMENT_KINDS,
    KINDS,
    TOPICS,
    Answer,
    ChannelKind,
    Event,
    Function,
    Level,
    Rule,
    SourceKind,
    Status,
)
from cardguide.wording import Msg, join, keyed, msg, say, words
from cardguide.wording.text import LANGS

SOURCE = Path(__file__).parents[1] / "src" / "cardguide"
# As cardguide reads it; tests/test_generated.py checks that it is what messages.toml says.
WORDS = words()
RULE_KINDS = typing.get_args(typing.get_type_hints(Rule)["kind"])

# Families of words looked up by value (`keyed(family, value)`), and the values each must cover.
FAMILIES: dict[str, tuple[str, ...]] = {
    "answer": typing.get_args(Answer),
    "application": ("first", "replacement"),
    "channel": typing.get_args(ChannelKind),
    "command": tuple(command.name for command in COMMANDS),
    "diff_change": ("only_a", "only_b", "changed"),
    "document": DOCUMENT_KINDS,
    "source_kind": typing.get_args(SourceKind),
    "topic": TOPICS,
    "event": typing.get_args(Event),
    "facet": FACETS,
    "facet_short": FACETS,
    "function": typing.get_args(Function),
    "heading": (*KINDS, "answers", "warnings", "questions"),
    "holiday": tuple(holiday.name for holiday in Holiday),
    "join": ("list", "or", "and", "parts", "nor", "kinds"),
    "value_kind": VALUE_KINDS,
    "language": LANGS,
    "level": typing.get_args(Level),
    "metavar": (
        "region",
        "a",
        "b",
        "dir",
        "days",
        "name",
        "shell",
        "kind",
        "words",
        "path",
        "file",
    ),
    "os": OS_REASONS,
    "question": RULE_KINDS,
    "rule": RULES,
    "status": typing.get_args(Status),
    "title": tuple(EXPECTED),
    "verdict": tuple(f"{kind}_{answer}" for kind in RULE_KINDS for answer in ("yes", "no")),
}
# Parameters a language may leave out: Chinese names a place by its Chinese name alone where
# English shows both.
LEFT_OUT = {
    # A facet as given: English names the flag typed, Chinese the words for it.
    ("why.answer", "en"): {"facet"},
    ("why.answer", "zh"): {"flag"},
    ("header.region", "zh"): {"en_name"},
    ("header.region_chain", "zh"): {"en_name"},
    ("header.place", "zh"): {"en"},  # Chinese readers need no English place name
    ("regions.name_cell", "zh"): {"en_name"},
    # click's own explanation is English: a Chinese line says what it can without it.
    ("error.bad_value", "zh"): {"detail"},
    ("error.usage", "zh"): {"detail"},
}


def constants() -> set[str]:
    """Every string constant in the package's code (the catalog itself is data, not code)."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str)}  # fmt: skip
    return found


def keys_called() -> tuple[set[str], set[str]]:
    """Keys given to msg()/Msg() as literals, and families given to keyed() as literals."""
    keys: set[str] = set()
    families: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if name in ("msg", "Msg"):
                    keys.add(first.value)
                elif name == "keyed":
                    families.add(first.value)
    return keys, families


def texts(entry: dict[str, typing.Any]) -> list[tuple[str, str]]:
    """(language, template) for every template of an entry, plural forms included."""
    out: list[tuple[str, str]] = []
    for lang, value in entry.items():
        out += [(lang, value)] if isinstance(value, str) else [(lang, v) for v in value.values()]
    return out


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_key_is_written_in_both_languages(key: str) -> None:
    entry = WORDS[key]
    assert set(entry) == set(LANGS), key
    assert isinstance(entry["zh"], str), "Chinese has no plural forms"
    english = entry["en"]
    if not isinstance(english, str):
        assert set(english) == {"one", "other"}, key
    for lang, template in texts(entry):
        assert template.strip(), (key, lang)


@pytest.mark.parametrize("key", sorted(WORDS))
def test_each_language_fills_the_same_parameters(key: str) -> None:
    written = texts(WORDS[key])
    names = {lang: {name for said, t in written if said == lang for name in placeholders(t)}
             for lang in LANGS}  # fmt: skip
    for lang in LANGS:
        assert names[lang] | LEFT_OUT.get((key, lang), set()) == names["en"] | names["zh"], key


def test_every_key_is_used_and_every_family_covers_its_values() -> None:
    used = constants()
    family_keys = {f"{family}.{value}" for family, values in FAMILIES.items() for value in values}
    unused = {key for key in WORDS if key not in used and key not in family_keys}
    assert not unused, f"keys never used: {sorted(unused)}"
    missing = family_keys - set(WORDS)
    assert not missing, f"family members without words: {sorted(missing)}"


def test_every_key_the_code_asks_for_exists() -> None:
    keys, families = keys_called()
    assert keys, "the scan found msg() calls"  # a scan that finds nothing proves nothing
    assert not keys - set(WORDS), sorted(keys - set(WORDS))
    assert families <= set(FAMILIES), sorted(families - set(FAMILIES))


def test_messages_fill_parameters_dates_lists_and_plurals() -> None:
    day = datetime.date(2026, 10, 1)
    ahead = msg("distance.on", date=day, distance=msg("distance.ahead", n=1))
    assert say(ahead, "en") == "2026-10-01 (1 day from today)"
    assert say(ahead, "zh") == "2026年10月1日（还有1天）"
    assert say(msg("distance.ago", n=3), "en") == "3 days ago"
    either = join(["--lost", "--damaged"], "or")
    assert say(msg("error.needs_one_of", command="replace", flags=either), "zh") == (
        "replace 需要 --lost或--damaged"
    )
    assert say(keyed("level", "county"), "zh") == "县级"


def test_a_value_with_braces_is_never_read_as_a_template() -> None:
    # Text from data and arguments goes in as values; only catalog text is a template.
    assert say(msg("header.search", query="{query} {0}"), "en") == "Search: {query} {0}"


def test_a_message_is_a_value_that_can_be_compared_and_hashed() -> None:
    assert msg("unknown") == Msg("unknown")
    assert len({msg("unknown"), Msg("unknown")}) == 1
