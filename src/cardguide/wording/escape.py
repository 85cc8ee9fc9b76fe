"""Text made safe for a terminal: control and bidirectional characters shown, never obeyed."""

from __future__ import annotations

import functools
import re

# C0 and C1 controls (tab and newline aside) and the bidirectional overrides, embeddings,
# isolates and marks that can make a terminal show text other than what it holds (U+202E).
_CONTROLS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_LINE_BREAKS = {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


@functools.cache
def _controls() -> re.Pattern[str]:
    return re.compile(_CONTROLS)  # on first use: compiling these ranges takes half a millisecond


def one_line(text: str) -> str:
    """A message that must stay one line: line breaks and tabs shown as \\n, \\r, \\t."""
    return escape_controls(text).translate(_LINE_BREAKS)


def escape_controls(text: str) -> str:
    """Text that cannot drive a terminal: each control or bidi character shown as \\uXXXX."""
    # Every such character is unprintable to Python, so text that is printable but for its line
    # breaks has none; that check runs in C (0.1 ms for a 40 kB checklist), and most text passes.
    if text.replace("\n", "").isprintable():
        return text
    return _controls().sub(lambda found: f"\\u{ord(found.group()):04x}", text)


# The first byte, in UTF-8, of every character above that JSON may hold raw: DEL, the C1
# controls (U+0080 to U+009F: C2), U+061C (D8) and U+200E to U+2069 (E2); JSON writers escape
# the C0 ones. Single bytes, so each search runs at memory speed (a two-byte one took 1.3 ms
# over a 1.3 MB listing, more than looking at each character).
_JSON_LEADS = (b"\x7f", b"\xc2", b"\xd8", b"\xe2")


def escape_json(encoded: bytes) -> str:
    """JSON as UTF-8, as text that cannot drive a terminal: as escape_controls gives it. JSON
    with none of those first bytes is passed by four byte searches instead of a look at each
    character: a listing of thousands of regions, though not a checklist with “quotes” (E2)."""
    text = encoded.decode("utf-8")
    return escape_controls(text) if needs_escaping(encoded) else text


def needs_escaping(encoded: bytes) -> bool:
    """Whether JSON as UTF-8 may hold a character escape_json shows escaped."""
    return any(lead in encoded for lead in _JSON_LEADS)


def has_controls(text: str) -> bool:
    return _controls().search(text) is not None
