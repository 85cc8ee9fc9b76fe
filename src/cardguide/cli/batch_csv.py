"""Batch results as a spreadsheet opens them: UTF-8 with a BOM, one readable text per cell."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import msgspec

from cardguide.cli.batch_rows import Prepared, Row, facet_of, profile_tokens
from cardguide.cli.terminal import PLAIN, language
from cardguide.commands import ROW_COMMANDS
from cardguide.render import RenderOptions
from cardguide.render.layout import items
from cardguide.render.styled import Styled
from cardguide.render.text_words import Words, add, clean, labelled
from cardguide.wording import LangChoice, Msg, join, keyed, msg
from cardguide.wording.text import Text as DataText

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.model.request import Request

# The columns, each headed by the catalog's words in the reader's language.
HEADER: tuple[Msg, ...] = (
    msg("batch.csv.row"),
    msg("batch.csv.status"),
    msg("batch.csv.task"),
    msg("batch.csv.region"),
    msg("batch.csv.who"),
    keyed("heading", "eligibility"),
    keyed("heading", "steps"),
    keyed("heading", "channels"),
    keyed("heading", "materials"),
    keyed("heading", "fees"),
    keyed("heading", "deadlines"),
    keyed("heading", "contacts"),
    keyed("heading", "answers"),
    keyed("heading", "questions"),
    msg("batch.csv.field"),
    msg("batch.csv.error"),
)
# A checklist's sections with a column of their own, in the header's order.
SECTIONS = ("steps", "channels", "materials", "fees", "deadlines", "contacts")
# Spreadsheets run a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The data texts of a question and answer, in reading order; other items have one `text`.
FAQ_TEXTS = ("question", "answer")
# Wide enough that no line is ever wrapped: a cell's lines break only between items and parts.
UNWRAPPED = 1 << 20


def neutral(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets a quote before it."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


class CsvWriter:
    """One spreadsheet row per batch row, as soon as it is known, after a header row."""

    def __init__(self, out: TextIO, lang: str | None) -> None:
        self.out = out
        self.raw = getattr(out, "buffer", None)
        self.lang = lang  # batch --lang: the language of rows without their own
        out.flush()  # anything already written comes first
        words = Words(RenderOptions(lang=language(lang, os.environ)))
        # The byte-order mark tells Excel and WPS the file is UTF-8, whatever the locale.
        self._write("\ufeff", [words.short(title) for title in HEADER])

    def prepare(self, document: Document, request: Request) -> list[str]:
        """A document's cells, from the same structs its JSON is written from."""
        from cardguide.cli.context import render_options
        from cardguide.render.json_format import shaped

        return _document_cells(msgspec.to_builtins(shaped(document, render_options(request))))

    def result(self, row: Row, args: list[str], prepared: Prepared) -> None:
        """A row's result: its document's cells from `prepare`."""
        assert isinstance(prepared, list)
        words = self._words(row)
        self._write("", [str(row.number), words.short(msg("batch.csv.ok")), *prepared])

    def error(
        self, row: Row, args: list[str], code: int, field: str | None, message: Msg | None
    ) -> None:
        """A row that failed: what it asked, as it was given, and why it failed."""
        words = self._words(row)
        fields = row.fields
        command = fields.get("command", "")
        task = _title(command) if command in ROW_COMMANDS else clean(command)
        who = join(_facet_words(token) for token in profile_tokens(fields.get("profile", "")))
        said = "" if message is None else "\n".join(w for _lang, w in words.each(message))
        blank = [""] * (len(HEADER) - 7)
        self._write("", [
            str(row.number), words.short(msg("batch.csv.failed")), words.short(task),
            clean(fields.get("region", "")), words.short(who), *blank, clean(field or ""), said,
        ])  # fmt: skip

    def _words(self, row: Row) -> Words:
        # A row's own language wins over batch --lang, as it does for the row's command.
        return Words(RenderOptions(lang=language(row.fields.get("lang") or self.lang, os.environ)))

    def _write(self, before: str, cells: Sequence[str]) -> None:
        buffer = io.StringIO()
        buffer.write(before)
        csv.writer(buffer, lineterminator="\r\n").writerow([neutral(cell) for cell in cells])
        if self.raw is None:
            self.out.write(buffer.getvalue())
        else:  # UTF-8 whatever the locale's encoding: the BOM says so
            # A lone surrogate (a JSON line's "\\ud800") has no UTF-8 form: written as ?.
            self.raw.write(buffer.getvalue().encode("utf-8", PLAIN))


def _title(command: str) -> Msg:
    """What a row asked, in words: `Applying for a card`, `Checking your dates`."""
    if command == "check":
        return msg("title.check")
    return msg("title.faq") if command == "faq" else keyed("title", command)


def _facet_words(token: str) -> object:
    facet = facet_of(token)
    return token if facet is None else keyed("facet_short", facet)


def _document_cells(document: dict[str, Any]) -> list[str]:
    """Every cell of a row that worked but its number and status, from its JSON document."""
    lang: LangChoice = document["lang"]
    words = Words(RenderOptions(lang=lang))
    kind = document["kind"]
    region = _text(document["region"]["full_names"])
    asked = document.get("asked")
    place: object = region
    if asked is not None:
        place = msg("batch.csv.region_asked", place=_text(asked["names"]), region=region)
    sections = [
        _unknown(document, kind_, words) or _listed(_items(document, kind_), words)
        for kind_ in SECTIONS
    ]
    answers = [_verdict(verdict, words) for verdict in document.get("answers") or []]
    answers += [_item(item, words) for item in document.get("related") or []]
    questions = [_item(found, words, FAQ_TEXTS) for found in document.get("results") or []]
    task = _title(document["procedure"] if kind == "checklist" else kind)
    profile = document.get("profile")
    return [
        words.short(task),
        words.short(place),
        words.short(_text(profile["description"])) if profile else "",  # faq asks no profile
        _can_apply(document.get("can_apply"), words),
        *sections,
        _numbered(answers),
        _numbered(questions),
        "",  # no column at fault
        "",  # and no error
    ]


def _text(value: dict[str, Any]) -> DataText:
    """A text as JSON carries it, {"en": …, "zh": …}, data or the tool's own words."""
    return DataText(en=value.get("en"), zh=value.get("zh"))


def _unknown(document: dict[str, Any], kind: str, words: Words) -> str:
    said = (document.get("unknown") or {}).get(kind)
    return "" if said is None else "\n".join(w for _lang, w in words.data(_text(said)))


def _items(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """A section's items; the papers no source lists are told among the materials."""
    listed: list[dict[str, Any]] = list(document.get(kind) or [])
    if kind == "materials":
        listed += [{"text": paper["text"]} for paper in document.get("unlisted") or []]
    return listed


def _can_apply(answer: dict[str, Any] | None, words: Words) -> str:
    """`ASK: it depends on …`, then each rule behind the answer."""
    if answer is None:
        return ""
    verdict = keyed("answer", answer["answer"])
    said = words.short(msg("can_apply.line", answer=verdict, reason=_text(answer["reason"])))
    rules = _listed(answer.get("rules") or [], words)
    return f"{said}\n{rules}" if rules else said


def _listed(listed: list[dict[str, Any]], words: Words) -> str:
    return _numbered(_item(item, words) for item in listed)


def _numbered(bodies: Iterable[Styled]) -> str:
    """`1. …` lines, an item's further lines indented under its first."""
    rows = [(Styled(f"{number}."), body) for number, body in enumerate(bodies, start=1)]
    return "\n".join(line.plain for line in items(rows, UNWRAPPED))


def _item(item: dict[str, Any], words: Words, texts: tuple[str, ...] = ("text",)) -> Styled:
    """An item in the reader's language(s): what it says, and where, with its caveats."""
    body = Styled()
    if item.get("channel"):
        add(body, words.each(keyed("channel", item["channel"])))
    for name in texts:
        if item.get(name):
            add(body, words.data(_text(item[name])))
    if item.get("where"):
        labelled(body, msg("label.where"), words.data(_text(item["where"])))
    for caveat in item.get("caveats") or []:
        labelled(body, msg("label.caveat"), words.data(_text(caveat)))
    for caveat in item.get("region_caveats") or []:
        labelled(body, msg("label.local_caveat"), words.data(_text(caveat["text"])))
    return body


def _verdict(verdict: dict[str, Any], words: Words) -> Styled:
    """The rule, then its answer for the dates given: `Is there still time? Yes: …`."""
    body = _item(verdict, words)
    question, reason = _text(verdict["question"]), _text(verdict["reason"])
    line = msg("verdict.line", question=question, reason=reason)
    if verdict.get("caveat"):
        caveat = _text(verdict["caveat"])
        line = msg("verdict.line_caveat", question=question, reason=reason, caveat=caveat)
    add(body, words.each(line))
    return body
