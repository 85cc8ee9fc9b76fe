"""Broken region files: the bytes of each, and the rule code and words `validate` must answer with.

Each case is written as `national.yaml` in a fresh directory and validated on its own. Most are
small edits of one valid file, so each breaks exactly one thing.
"""

from __future__ import annotations

from dataclasses import dataclass

VALID = """\
id: national
level: national
names: {en: Testland}
languages: [en]
last_reviewed: 2026-11-01
sources:
  - {id: "test:s", title: {en: A page}, status: official, kind: government}
procedures:
  apply:
    notes:
      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official}
"""


@dataclass(frozen=True)
class Broken:
    name: str
    body: bytes
    code: str  # the rule code that must be reported
    words: str = ""  # a fragment of the English message


def edit(old: str, new: str) -> bytes:
    assert old in VALID, old
    return VALID.replace(old, new, 1).encode()


def note(body: str) -> bytes:
    """The valid file with its one note replaced."""
    return edit(
        '      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official}\n', body
    )


DEEP = "procedures:\n  apply:\n    notes:\n      - " + "{a: " * 40 + "1" + "}" * 40 + "\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)

CASES: list[Broken] = [
    # --- YAML syntax ---------------------------------------------------------------------------
    Broken("unclosed flow mapping", edit("names: {en: Testland}", "names: {en: Testland"), "CG001"),
    Broken("unclosed flow sequence", edit("languages: [en]", "languages: [en"), "CG001"),
    Broken("unclosed quote", edit('{id: "test:s"', '{id: "test:s'), "CG001"),
    Broken(
        "a key less indented than its siblings",
        edit("    notes:\n", "    notes:\n   x: 1\n"),
        "CG001",
    ),
    Broken("tab indentation", edit("  apply:\n", "\tapply:\n"), "CG001"),
    Broken("stray colon value", edit("level: national", "level: national: x"), "CG001"),
    Broken("reserved indicator", edit("level: national", "level: @national"), "CG001"),
    Broken("a flow sequence closed twice", edit("languages: [en]", "languages: [en]]"), "CG001"),
    Broken("two documents", VALID.encode() + b"---\nid: other\n", "CG001"),
    Broken("directive of an unknown version", b"%YAML 9.9\n---\n" + VALID.encode(), "CG001"),
    Broken("mapping inside a scalar line", edit("level: national", "level: a: b: c"), "CG001"),
    Broken(
        "unterminated block sequence item", edit("    notes:\n", "    notes:\n    -\n  x"), "CG001"
    ),
    # --- encodings and bytes -------------------------------------------------------------------
    Broken("UTF-16 with BOM", VALID.encode("utf-16"), "CG017", "not valid UTF-8"),
    Broken(
        "UTF-16 big endian", VALID.encode("utf-16-be"), "CG001", "unacceptable character #x0000"
    ),
    Broken("UTF-32", VALID.encode("utf-32"), "CG017"),
    Broken("Latin-1 bytes", edit("A note.", "Caf\u00e9.").decode().encode("latin-1"), "CG017"),
    Broken("a lone continuation byte", VALID.encode().replace(b"A note.", b"A \x80note."), "CG017"),
    Broken(
        "a NUL byte",
        VALID.encode().replace(b"A note.", b"A \x00note."),
        "CG001",
        "unacceptable character",
    ),
    Broken("a NUL byte in a key", VALID.encode().replace(b"level:", b"lev\x00el:"), "CG001"),
    Broken("an escape in a text", edit("A note.", '"A \\e[31mnote."'), "CG023"),
    Broken("a bell in a text", edit("A note.", '"A \\anote."'), "CG023"),
    Broken("a C1 control in a text", edit("A note.", '"A \\x9bnote."'), "CG023"),
    Broken("a bidi override in a text", edit("A note.", '"A \u202enote."'), "CG023"),
    Broken("a bidi isolate in a name", edit("{en: Testland}", '{en: "Test\u2066land"}'), "CG023"),
    Broken("a right-to-left mark", edit("A note.", '"A \u200fnote."'), "CG023"),
    # --- empty and wrong top levels ------------------------------------------------------------
    Broken("an empty file", b"", "CG018"),
    Broken("only a comment", b"# nothing here\n", "CG018"),
    Broken("only whitespace", b"   \n\n  \n", "CG018"),
    Broken("a top-level list", b"- id: national\n- level: national\n", "CG004"),
    Broken("a top-level scalar", b"national\n", "CG004"),
    Broken("a top-level number", b"42\n", "CG004"),
    Broken("a top-level null", b"~\n", "CG018"),
    # --- nesting, aliases, tags ----------------------------------------------------------------
    Broken(
        "nesting deeper than the limit",
        edit(
            'procedures:\n  apply:\n    notes:\n      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official}\n',
            DEEP,
        ),
        "CG019",
        "nesting deeper than 32 levels",
    ),
    Broken("an alias bomb", BOMB.encode(), "CG019"),
    Broken(
        "an anchor and alias",
        edit("names: {en: Testland}", "names: &n {en: Testland}\nfull_names: *n"),
        "CG019",
    ),
    Broken("a merge key", edit("names: {en: Testland}", "names: {<<: {en: Testland}}"), "CG019"),
    Broken(
        "a python tag",
        edit("level: national", "level: !!python/object:os.system national"),
        "CG019",
    ),
    Broken("a custom tag", edit("level: national", "level: !national national"), "CG019"),
    Broken("a binary tag", edit("level: national", "level: !!binary bmF0aW9uYWw="), "CG019"),
    Broken("a set tag", edit("languages: [en]", "languages: !!set {en: null}"), "CG019"),
    Broken(
        "a timestamp with a time",
        edit("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01T10:00:00"),
        "CG004",
    ),
    # --- keys ----------------------------------------------------------------------------------
    Broken(
        "a duplicate top-level key",
        edit("level: national", "level: national\nlevel: city"),
        "CG002",
    ),
    Broken(
        "a duplicate key in a flow mapping",
        edit("{en: Testland}", "{en: Testland, en: Other}"),
        "CG002",
    ),
    Broken(
        "a duplicate item key",
        note(
            '      - {id: n, id: m, text: {en: A note.}, sources: ["test:s"], status: official}\n'
        ),
        "CG002",
    ),
    Broken(
        "an unknown top-level key",
        edit("level: national", "level: national\nowner: me"),
        "CG003",
        "unknown key 'owner'",
    ),
    Broken(
        "an unknown item key",
        note(
            '      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official, colour: red}\n'
        ),
        "CG003",
    ),
    Broken(
        "an unquoted comma in a text",
        note('      - {id: n, text: {en: one, two}, sources: ["test:s"], status: official}\n'),
        "CG003",
    ),
    Broken("an unknown procedure", edit("  apply:", "  renew:"), "CG003"),
    Broken("an unknown kind", edit("    notes:", "    remarks:"), "CG003"),
    Broken("an unknown language", edit("{en: A note.}", "{en: A note., fr: Une note.}"), "CG003"),
    Broken(
        "a key that is a number",
        edit("level: national", "level: national\n1: x"),
        "CG004",
        "must be text",
    ),
    Broken(
        "a key with a line break",
        edit("level: national", 'level: national\n"bad\\nkey": 1'),
        "CG003",
    ),
    # --- missing and wrong-typed fields --------------------------------------------------------
    Broken("no id", edit("id: national\n", ""), "CG005"),
    Broken("no level", edit("level: national\n", ""), "CG005"),
    Broken("no names", edit("names: {en: Testland}\n", ""), "CG005"),
    Broken("no review date", edit("last_reviewed: 2026-11-01\n", ""), "CG005"),
    Broken(
        "an item without sources",
        note("      - {id: n, text: {en: A note.}, status: official}\n"),
        "CG011",
    ),
    Broken(
        "an item with empty sources",
        note("      - {id: n, text: {en: A note.}, sources: [], status: official}\n"),
        "CG011",
    ),
    Broken(
        "an item without status",
        note('      - {id: n, text: {en: A note.}, sources: ["test:s"]}\n'),
        "CG005",
    ),
    Broken(
        "an item without text",
        note('      - {id: n, sources: ["test:s"], status: official}\n'),
        "CG005",
    ),
    Broken("a level that is a number", edit("level: national", "level: 3"), "CG004"),
    Broken("an unknown level", edit("level: national", "level: galaxy"), "CG004"),
    Broken(
        "an unknown status",
        note('      - {id: n, text: {en: A note.}, sources: ["test:s"], status: probably}\n'),
        "CG013",
    ),
    Broken(
        "a text that is a list",
        note('      - {id: n, text: [A note.], sources: ["test:s"], status: official}\n'),
        "CG004",
    ),
    Broken(
        "a text that is a number",
        note('      - {id: n, text: {en: 42}, sources: ["test:s"], status: official}\n'),
        "CG004",
    ),
    Broken(
        "sources that are a string",
        note('      - {id: n, text: {en: A note.}, sources: "test:s", status: official}\n'),
        "CG004",
    ),
    Broken("names that are a string", edit("names: {en: Testland}", "names: Testland"), "CG004"),
    Broken(
        "a review date that is a string",
        edit("last_reviewed: 2026-11-01", "last_reviewed: soon"),
        "CG004",
        "Expected a date written as YYYY-MM-DD, got 'soon'",
    ),
    Broken("a boolean id", edit("id: national", "id: yes"), "CG004"),
    Broken(
        "a negative fee",
        edit(
            "    notes:\n",
            '    fees:\n      - {id: f, text: {en: A fee.}, amount_yuan: -5, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
        "Expected `float` >= 0.0",
    ),
    Broken(
        "an infinite fee",
        edit(
            "    notes:\n",
            '    fees:\n      - {id: f, text: {en: A fee.}, amount_yuan: .inf, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
        "Expected `float` <= 1000000.0",
    ),
    Broken(
        "a fee that is not a number",
        edit(
            "    notes:\n",
            '    fees:\n      - {id: f, text: {en: A fee.}, amount_yuan: .nan, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
        "Expected `float` >= 0.0",
    ),
    Broken(
        "a huge fee",
        edit(
            "    notes:\n",
            '    fees:\n      - {id: f, text: {en: A fee.}, amount_yuan: 1e300, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
    ),
    Broken(
        "an unknown facet",
        note(
            '      - {id: n, when: {all: [pirate]}, text: {en: A note.}, sources: ["test:s"], status: official}\n'
        ),
        "CG010",
    ),
    # --- impossible dates and periods ----------------------------------------------------------
    Broken("30 February", edit("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30"), "CG004"),
    Broken("month 13", edit("last_reviewed: 2026-11-01", "last_reviewed: 2026-13-01"), "CG004"),
    Broken(
        "a review date in year 9999",
        edit("last_reviewed: 2026-11-01", "last_reviewed: 9999-12-31"),
        "CG015",
    ),
    Broken(
        "a review date in the future",
        edit("last_reviewed: 2026-11-01", "last_reviewed: 2030-01-01"),
        "CG015",
    ),
    Broken(
        "a period of a million days",
        edit(
            "    notes:\n",
            '    deadlines:\n      - {id: d, text: {en: Soon.}, rule: {event: born, kind: deadline, periods: [{days: 1000000}]}, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
    ),
    Broken(
        "a period of 9999 months",
        edit(
            "    notes:\n",
            '    deadlines:\n      - {id: d, text: {en: Soon.}, rule: {event: born, kind: deadline, periods: [{months: 9999}]}, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
    ),
    Broken(
        "a period of zero days",
        edit(
            "    notes:\n",
            '    deadlines:\n      - {id: d, text: {en: Soon.}, rule: {event: born, kind: deadline, periods: [{days: 0}]}, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
    ),
    Broken(
        "an unknown event",
        edit(
            "    notes:\n",
            '    deadlines:\n      - {id: d, text: {en: Soon.}, rule: {event: wedding, kind: deadline, periods: [{days: 5}]}, sources: ["test:s"], status: official}\n    notes:\n',
        ),
        "CG004",
    ),
    # --- ids and references --------------------------------------------------------------------
    Broken("an id with a path separator", edit("id: national", "id: ../national"), "CG004"),
    Broken("an id with a backslash", edit("id: national", 'id: "..\\\\national"'), "CG004"),
    Broken("an id that is not the file name", edit("id: national", "id: other"), "CG006"),
    Broken(
        "an item id with a slash",
        note('      - {id: a/b, text: {en: A note.}, sources: ["test:s"], status: official}\n'),
        "CG004",
    ),
    Broken(
        "an undefined source",
        note('      - {id: n, text: {en: A note.}, sources: ["test:nowhere"], status: official}\n'),
        "CG012",
    ),
    Broken(
        "a status stronger than its source",
        edit(
            "status: official, kind: government}\nprocedures",
            "status: uncertain, kind: government}\nprocedures",
        ),
        "CG022",
    ),
    Broken(
        "a source defined twice",
        edit(
            "sources:\n",
            'sources:\n  - {id: "test:s", title: {en: Again}, status: official, kind: government}\n',
        ),
        "CG009",
    ),
    Broken(
        "an item id twice for the same people",
        note(
            '      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official}\n      - {id: n, text: {en: Again.}, sources: ["test:s"], status: official}\n'
        ),
        "CG009",
    ),
    Broken(
        "before and after together",
        note(
            '      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official, before: x, after: y}\n'
        ),
        "CG004",
    ),
    Broken(
        "an anchor that names nothing",
        note(
            '      - {id: n, text: {en: A note.}, sources: ["test:s"], status: official, before: nothing}\n'
        ),
        "CG020",
    ),
    Broken(
        "a national region with a parent",
        edit("level: national", "level: national\nparent: national"),
        "CG021",
    ),
    Broken(
        "a text far too long",
        note(
            '      - {id: n, text: {en: "'
            + "x" * 6000
            + '"}, sources: ["test:s"], status: official}\n'
        ),
        "CG032",
    ),
    Broken("a file over the size limit", VALID.encode() + b"# pad\n" * 200_000, "CG030"),
    Broken("a declared language missing", edit("languages: [en]", "languages: [en, zh]"), "CG014"),
]
