"""The YAML reader refuses what region files must not contain, naming file, line and key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardguide.errors import DataError
from cardguide.load.sourcemap import format_keypath
from cardguide.load.yamlread import read_yaml

from .conftest import en

FILE = Path("case.yaml")


def failure(raw: bytes) -> DataError:
    with pytest.raises(DataError) as caught:
        read_yaml(FILE, raw)
    return caught.value


@pytest.mark.parametrize(
    ("raw", "code", "line", "column", "keypath", "words"),
    [
        (b"a: 1\nb:\n  c: 2\n  c: 3\n", "CG002", 4, 3, "b.c", "duplicate key 'c'"),
        (b"a: [1, 2\nb: 3\n", "CG001", 2, 2, "", "YAML syntax error"),
        (b"a: &x [1]\nb: *x\n", "CG019", 1, 4, "a", "anchors and aliases"),
        (b"a: !!python/object:os.system x\n", "CG019", 1, 4, "a", "python/object"),
        (b"a: !!set {x}\n", "CG019", 1, 4, "a", "tag:yaml.org,2002:set"),
        (b"b:\n  <<: {y: 2}\n", "CG019", 2, 3, "b", "merge keys"),
        (b"yes: 1\n", "CG004", 1, 1, "", "key 'yes' must be text"),
        (b"? [a, b]\n: 1\n", "CG004", 1, 3, "", "mapping keys must be plain text"),
        (b"d: 2026-02-30\n", "CG004", 1, 4, "d", "'2026-02-30' is not a real date"),
        (b"a: 1\n---\nb: 2\n", "CG001", 2, 1, "", "more than one YAML document"),
        (b"a: ok\nb: \xff\n", "CG017", 2, 4, "", "not valid UTF-8"),
        (b"# only a comment\n\n", "CG018", 1, 1, "", "file is empty"),
    ],
)
def test_each_refusal_names_code_position_and_path(
    raw: bytes, code: str, line: int, column: int, keypath: str, words: str
) -> None:
    diagnostic = failure(raw).diagnostic
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == (code, line, column)
    assert diagnostic.keypath == keypath
    assert words in en(diagnostic.message)
    assert diagnostic.file == FILE


def test_a_million_nesting_levels_are_refused_without_crashing() -> None:
    # libyaml's composer recurses per level and crashed the interpreter on this input.
    depth = 1_000_000
    diagnostic = failure(b"a: " + b"[" * depth + b"]" * depth + b"\n").diagnostic
    assert diagnostic.code == "CG019"
    assert "nesting deeper than" in en(diagnostic.message)


def test_billion_laughs_stops_at_the_first_anchor() -> None:
    raw = b'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n'
    assert failure(raw).diagnostic.code == "CG019"


def test_a_byte_order_mark_is_accepted() -> None:
    assert read_yaml(FILE, b"\xef\xbb\xbfa: 1\n").data == {"a": 1}


def test_positions_are_recorded_for_values_and_keys() -> None:
    doc = read_yaml(FILE, b"a:\n  - x: 1\n    y: [2, 3]\n")
    assert doc.data == {"a": [{"x": 1, "y": [2, 3]}]}
    assert doc.values[("a", 0, "y", 1)] == (3, 12)
    assert doc.keys[("a", 0, "y")] == (3, 5)
    # A path that is not in the file resolves to its nearest written ancestor.
    assert doc.position(("a", 0, "missing")) == (2, 5)


def test_keypaths_read_like_the_yaml() -> None:
    assert (
        format_keypath(("procedures", "apply", "steps", 0, "id")) == "procedures.apply.steps[0].id"
    )
    assert format_keypath(()) == ""
