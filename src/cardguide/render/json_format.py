"""JSON output: each document as the structs of its JSON (json_shape), written by msgspec."""

from __future__ import annotations

import codecs
import os
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

import msgspec

from cardguide.render import RenderOptions
from cardguide.render.json_shape import SCHEMA_VERSION as SCHEMA_VERSION
from cardguide.render.json_shaper import Shaper
from cardguide.wording.escape import escape_json, needs_escaping

if TYPE_CHECKING:
    from cardguide.documents import Checklist, Document
    from cardguide.render.json_shape import Document as Shaped


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    # msgspec writes the same text as json.dumps(ensure_ascii=False, indent=2) in C (the standard
    # library's indenting encoder is pure Python: 70 ms for 3,000 regions), and strict JSON: it
    # has no NaN or Infinity. It escapes C0 controls; the C1 controls and bidi characters it
    # leaves raw are escaped too, so a terminal never acts on them. They are escaped in the
    # one-line form, which has no line break of its own to step over, before it is indented:
    # an escape is JSON for the same character, and indenting keeps it as written.
    encoded = msgspec.json.encode(shaped(document, options))
    raw = _bytes_under(out)
    if raw is not None and not needs_escaping(encoded):
        # The same bytes without a trip through text: indenting UTF-8 takes a third of the time
        # indenting text does, and nothing is encoded again (6 ms of a 1.3 MB listing).
        out.flush()
        raw.write(msgspec.json.format(encoded, indent=2))
        raw.write(b"\n")
        return
    out.write(msgspec.json.format(escape_json(encoded), indent=2))
    out.write("\n")


def one_line(document: Document, options: RenderOptions) -> str:
    """The same JSON on one line, as a batch result carries it."""
    return escape_json(msgspec.json.encode(shaped(document, options)))


def _bytes_under(out: TextIO) -> BinaryIO | None:
    """The byte stream under `out`, where writing UTF-8 to it gives what writing the text would:
    `out` encodes to UTF-8 and writes line breaks as they are (not so on Windows, where a text
    stream writes each as CR LF)."""
    raw: BinaryIO | None = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if raw is None or not encoding or os.linesep != "\n":
        return None
    return raw if codecs.lookup(encoding).name == "utf-8" else None


def shaped(document: Document, options: RenderOptions) -> Shaped:
    """The document as the structs of its JSON (json_shape and the modules beside it)."""
    shaper = Shaper(options, getattr(document, "sources", []))
    # By the document's kind, so that only its own modules are imported: json_guide's structs
    # are made for faq, show and diff only, json_other's for check, regions and validate only.
    kind = type(document).__name__
    if kind == "Checklist":
        return shaper.checklist(cast("Checklist", document))
    if kind in ("FaqResults", "GuideView", "DiffReport"):
        from cardguide.render.json_shaper_guide import shaped_guide

        return shaped_guide(shaper, document)
    from cardguide.render.json_shaper_other import shaped_other

    return shaped_other(shaper, document)
