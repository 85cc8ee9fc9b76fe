"""Batch files: one person per row of CSV or JSON Lines, each the command line it stands for."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

import msgspec
import msgspec.structs

from cardguide.cli.terminal import PLAIN, data_encoding
from cardguide.commands import ROW_COMMANDS, Command  # the commands a row may name
from cardguide.errors import UsageProblem
from cardguide.model.profile import APPLICANT_FLAGS, FACETS, HUKOU, flag_for
from cardguide.model.region import ChannelKind, Event, Facet
from cardguide.model.request import Request
from cardguide.wording import LangChoice, Msg, both, join, msg
from cardguide.wording.escape import escape_controls

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.render.json_other import BatchRecord

# A distinct document as a batch writer writes it for each row that asks for it: a JSON line
# (Writer) or a spreadsheet's cells (batch_csv.CsvWriter).
Prepared = str | list[str]

# Date columns, by the command-line option they stand for.
DATE_COLUMNS = ("born", "paid", "bill_date", "lost_on", "last_paid", "hired_on", "today")
COLUMNS = ("command", "region", "profile", "hukou", "channel", "lang", "query", *DATE_COLUMNS)
EVENTS: tuple[Event, ...] = typing.get_args(Event)
CHANNELS: tuple[ChannelKind, ...] = typing.get_args(ChannelKind)
LANG_CHOICES: tuple[LangChoice, ...] = typing.get_args(LangChoice)
# Limits: a spreadsheet of a help desk's day, not a denial of service.
MAX_ROWS = 100_000
MAX_FIELD = 1_000


class Row(msgspec.Struct, frozen=True):
    """One input row: its number among the rows, its line in the file, and its fields."""

    number: int
    line: int
    fields: dict[str, str] = msgspec.field(default_factory=dict)


def _column(name: str) -> str:
    """`bill-date`, `Bill_Date` and `--bill-date` all name the column `bill_date`."""
    return name.strip().lstrip("-").replace("-", "_").casefold()


def read_rows(text: str) -> Iterator[Row]:
    """Rows of CSV with a header row, or of JSON Lines (each line an object)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return _json_lines(text) if stripped.startswith("{") else _csv_rows(text.lstrip("\ufeff"))


def _counted(number: int) -> int:
    """The next row's number, refusing a file with more rows than a batch takes."""
    if number >= MAX_ROWS:
        raise UsageProblem(msg("batch.too_many_rows", limit=MAX_ROWS))
    return number + 1


def _csv_rows(text: str) -> Iterator[Row]:
    # Any line ending a spreadsheet writes (\r\n on Windows, \r alone on old Macs) ends a row.
    reader = csv.reader(io.StringIO(text, newline=None))
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [_column(name) for name in header]
        unknown = [name for name in names if name and name not in COLUMNS]
        if unknown or "command" not in names:
            columns = msg("batch.columns", unknown=join(unknown), columns=join(COLUMNS))
            raise UsageProblem(columns)
        number = 0
        # A help desk's file repeats a few kinds of person: rows with the same values share
        # their fields, made once (None for a blank line, which is no one).
        made: dict[tuple[str, ...], dict[str, str] | None] = {}
        for values in reader:
            key = tuple(values)
            if key in made:
                fields = made[key]
            else:
                fields = made[key] = _fields(names, values)
            if fields is not None:
                number = _counted(number)
                yield Row(number, reader.line_num, fields)
    except csv.Error:
        # The csv module's own explanation is English and varies by version: say where.
        raise UsageProblem(msg("batch.unreadable_csv", line=reader.line_num)) from None


def _fields(names: list[str], values: list[str]) -> dict[str, str] | None:
    """A CSV row's fields by column, None for a blank row; values past the last column are
    kept together, for the row to be refused."""
    stripped = [value.strip() for value in values]
    if not any(stripped):
        return None
    fields = {name: value for name, value in zip(names, stripped, strict=False) if name}
    if len(values) > len(names):
        fields["_extra"] = ",".join(values[len(names) :])
    return fields


def _json_lines(text: str) -> Iterator[Row]:
    number = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        number = _counted(number)
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):  # not JSON, or nested past what it decodes
            data = None
        if not isinstance(data, dict):
            yield Row(number, line_number, {"_json": line[:80]})
            continue
        fields = {_column(str(key)): _text(value) for key, value in data.items()}
        yield Row(number, line_number, fields)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return "" if value is None else str(value)


def command_line(row: Row) -> list[str]:
    """The command line a row stands for; a usage problem names the field that cannot be one
    (`row` for a row that is no set of fields)."""
    fields = row.fields
    if "_json" in fields:
        raise UsageProblem(msg("batch.not_json"), "row")
    if "_extra" in fields:
        raise UsageProblem(msg("batch.extra_values"), "row")
    for name, value in fields.items():
        if name not in COLUMNS:
            raise UsageProblem(msg("batch.unknown_field", field=name, columns=join(COLUMNS)), name)
        if len(value) > MAX_FIELD:
            raise UsageProblem(msg("batch.field_too_long", limit=MAX_FIELD), name)
    command = fields.get("command", "")
    if command not in ROW_COMMANDS:
        raise UsageProblem(
            msg("batch.command", command=command, commands=join(ROW_COMMANDS)), "command"
        )
    args = [command]
    if fields.get("region"):
        args += ["--region", fields["region"]]
    for token in profile_tokens(fields.get("profile", "")):
        facet = facet_of(token)
        if facet is None:
            raise UsageProblem(msg("batch.profile", value=token, facets=join(FACETS)), "profile")
        args += flag_for(facet).split()  # `--hukou local` is an option and its value
    if fields.get("hukou"):
        args += ["--hukou", fields["hukou"]]
    if fields.get("channel"):
        args += ["--channel", fields["channel"]]
    for name in DATE_COLUMNS:
        if fields.get(name):
            args += ["--" + name.replace("_", "-"), fields[name]]
    if fields.get("lang"):
        args += ["--lang", fields["lang"]]
    if fields.get("query"):
        if command != "faq":
            raise UsageProblem(msg("batch.query_only_faq"), "query")
        args.append(fields["query"])
    return args


def profile_tokens(value: str) -> list[str]:
    """The situations a profile field names: `newborn;minor`, `newborn, minor`, `newborn；minor`."""
    return [t.strip() for t in value.replace(",", ";").replace("；", ";").split(";") if t.strip()]


def facet_of(token: str) -> Facet | None:
    """The situation a token names, however it is written (`Left-Job`), or None."""
    name = _column(token)
    return next((facet for facet in FACETS if facet == name), None)


def row_request(row: Row, command: Command, base: Request) -> Request:
    """The request a row makes of its command, on top of what batch's own options give; a
    usage problem names the field the command does not take or that holds what cannot be."""
    from cardguide.cli.options import day

    fields = {name: value for name, value in row.fields.items() if value}
    allowed = {"command", "region", "lang", "today"} | {
        column for column, takes in _TAKES.items() if takes in command.takes
    }
    for name in fields:
        if name not in allowed:
            option = "--" + name.replace("_", "-")
            raise UsageProblem(_not_taken(option, command), option)
    flags = (*APPLICANT_FLAGS, *command.circumstances, *HUKOU.values())
    facets = {facet_of(token) for token in profile_tokens(fields.get("profile", ""))}
    for facet in facets:
        if facet not in flags:
            raise UsageProblem(_not_taken(flag_for(str(facet)), command), "profile")
    hukou = _choice(fields, "hukou", HUKOU, command)
    lang = _choice(fields, "lang", LANG_CHOICES, command)
    return msgspec.structs.replace(
        base,
        today=day(fields["today"], "--today") if "today" in fields else base.today,
        lang=lang or base.lang,
        region=fields.get("region"),
        facets=frozenset({f for f in facets if f} | ({HUKOU[hukou]} if hukou else set())),
        channel=_choice(fields, "channel", CHANNELS, command),
        dates={e: day(fields[e], flag_for(e)) for e in EVENTS if e in fields},
        query=fields.get("query"),
    )


# Row fields a command takes only when its registry entry says it takes this.
_TAKES: dict[str, str] = {
    "profile": "profile", "hukou": "profile", "channel": "channel", "query": "query",
    "bill_date": "bill_date",
    **dict.fromkeys(("born", "paid", "bill_date", "lost_on", "last_paid", "hired_on"), "dates"),
}  # fmt: skip


def _not_taken(option: str, command: Command) -> Msg:
    return msg("error.no_option", option=option, command=f"cardguide {command.name}")


def _choice(fields: dict[str, str], name: str, choices: Iterable[str], command: Command) -> Any:
    """A field that must be one of a few words, or None when empty."""
    value = fields.get(name)
    if value is None or value in choices:
        return value
    option, where = "--" + name, f"cardguide {command.name}"
    choice = msg("error.choice", option=option, choices=join(choices), command=where)
    raise UsageProblem(choice, option)


def column_of(about: str | None) -> str | None:
    """The row field an error is about, from the option or input it names."""
    if about is None:
        return None
    if not about.startswith("-"):
        return about  # a row's own field as it was read (`student`, `row`), or `profile`
    column = _column(about)  # an option names a column, or none (`--data-dir`)
    return "profile" if column in FACETS else column if column in COLUMNS else None


class Writer:
    """One JSON Lines result per row, each as soon as it is known (batch_csv: spreadsheets)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        # JSON Lines go to the byte stream under `out` when there is one, so each distinct
        # result is encoded once and then only copied: re-encoding 10,000 results of 20 kB
        # each took most of a batch's time.
        self.raw: BinaryIO | None = getattr(out, "buffer", None)
        self.encoding = data_encoding(out)
        self._encoded: dict[str, bytes] = {}
        self._layouts: dict[tuple[tuple[str, ...], str], tuple[str, str, str] | None] = {}
        out.flush()

    def prepare(self, document: Document, request: Request) -> str:
        """A document as a row's result carries it: its JSON on one line, escaped."""
        from cardguide.cli.context import render_options
        from cardguide.render.json_format import one_line

        return one_line(document, render_options(request))

    def result(self, row: Row, args: list[str], prepared: Prepared) -> None:
        """A row's result: its document's JSON line from `prepare` (worked out once for
        identical rows, then only written: 10,000 rows of 20 KB each)."""
        assert isinstance(prepared, str)
        document = prepared
        key = (tuple(args), document)
        layout = self._layouts.get(key)
        if layout is None:
            text = self._text(self._record(row, args, ok=True), document)
            layout = self._layouts[key] = _layout(text, row)
        if layout is None:  # cannot happen with today's record: then written in full
            self._write(self._record(row, args, ok=True), document)
            return
        before_row, before_line, rest = layout
        numbered = f"{before_row}{row.number}{before_line}{row.line}"
        if self.raw is None:
            self.out.write(numbered + rest)
            return
        encoded = self._encoded.get(rest)
        if encoded is None:
            encoded = self._encoded[rest] = self._bytes(rest)
        self.raw.write(self._bytes(numbered))
        self.raw.write(encoded)

    def saved(self, row: Row, args: list[str], file: Path) -> None:
        """A row whose checklist went to a file of its own (`--output-dir`)."""
        self._write(self._record(row, args, ok=True, file=str(file)))

    def error(
        self, row: Row, args: list[str], code: int, field: str | None, message: Msg | None
    ) -> None:
        from cardguide.render.json_other import BatchError, BatchMessage

        words = {"en": "", "zh": ""} if message is None else both(message)
        said = BatchMessage(code=message.key if message is not None else None, **words)
        error = BatchError(exit_code=code, field=field, message=said)
        self._write(self._record(row, args, ok=False, error=error))

    def _record(self, row: Row, args: list[str], **body: Any) -> BatchRecord:
        """The record of a row, as the struct that defines its JSON (`schema --output batch`)."""
        from cardguide.render.json_other import BatchRecord
        from cardguide.render.json_shape import SCHEMA_VERSION

        return BatchRecord(
            schema_version=SCHEMA_VERSION,
            kind="batch",
            row=row.number,
            line=row.line,
            args=args,
            **body,
        )

    def _text(self, record: BatchRecord, result: str | None = None) -> str:
        """The record's line; `result` is spliced in as it is, last in the record."""
        fields = msgspec.to_builtins(record)  # in field order, leaving out what is unset
        text = escape_controls(json.dumps(fields, ensure_ascii=False, allow_nan=False))
        return f"{text}\n" if result is None else f'{text[:-1]}, "result": {result}}}\n'

    def _write(self, record: BatchRecord, result: str | None = None) -> None:
        text = self._text(record, result)
        if self.raw is None:
            self.out.write(text)
        else:
            self.raw.write(self._bytes(text))

    def _bytes(self, text: str) -> bytes:
        return text.encode(self.encoding, PLAIN)


def _layout(text: str, row: Row) -> tuple[str, str, str] | None:
    """A result line cut around its row and line numbers, the only parts that differ between
    rows with the same result: a repeated row is then written without encoding it again."""
    row_at = text.find('"row": ') + len('"row": ')
    row_end = text.find(",", row_at)
    line_at = text.find('"line": ', row_end) + len('"line": ')
    line_end = text.find(",", line_at)
    if text[row_at:row_end] != str(row.number) or text[line_at:line_end] != str(row.line):
        return None
    return text[:row_at], text[row_end:line_at], text[line_end:]


# Formats a row's own file may take, and the file name's suffix for each.
PAGE_SUFFIXES = {"html": ".html", "markdown": ".md", "text": ".txt", "json": ".json"}
_SLUG_PARTS = 40  # characters of the region and profile in a file name, at most


def _slug(words: str) -> str:
    """Letters and digits of any script, lower-cased; everything else becomes one hyphen."""
    kept = "".join(c if c.isalnum() else "-" for c in unicodedata.normalize("NFKC", words))
    return "-".join(part for part in kept.casefold().split("-") if part)[:_SLUG_PARTS].strip("-")


def page_name(row: Row, total: int, fmt: str) -> str:
    """`0007-apply-ningbo-newborn.html`: the row number (unique, so no two rows collide, even
    on a file system that ignores case) and what the row asked, never a path separator."""
    fields = row.fields
    profile = "-".join(_column(p) for p in fields.get("profile", "").split(";"))
    words = [fields.get("command", ""), fields.get("region", ""), profile]
    described = "-".join(part for part in (_slug(w) for w in words) if part)
    number = str(row.number).zfill(max(4, len(str(total))))
    return (
        f"{number}-{described}{PAGE_SUFFIXES[fmt]}"
        if described
        else f"{number}{PAGE_SUFFIXES[fmt]}"
    )


def save_page(directory: Path, name: str, text: str) -> Path:
    """Write one row's page, replacing a file of that name but never following a link."""
    path = directory / name
    # Non-blocking, so a FIFO placed where the page goes cannot stall the whole batch; anything
    # but a regular file there is refused (as a link is, by O_NOFOLLOW).
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags, 0o644)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OSError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    os.ftruncate(descriptor, 0)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    return path
