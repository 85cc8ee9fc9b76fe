"""`cardguide batch`: each row built as its command builds it, and rendered the same way."""

from __future__ import annotations

import enum
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol, cast

import typer

from cardguide.cli import batch_rows as batches
from cardguide.cli.options import (
    DataDirOption,
    LangOption,
    QuietOption,
    TodayOption,
    refuse_extra,
    today_of,
)
from cardguide.cli.options import (
    data_dirs as directories,
)
from cardguide.cli.terminal import Ending, Messages, language, outcome
from cardguide.errors import EXIT_DATA, UsageProblem, os_reason
from cardguide.wording import LangChoice, Msg, msg, say

if TYPE_CHECKING:
    from cardguide.cli.batch_rows import Prepared, Row
    from cardguide.documents import Document
    from cardguide.load.catalog import Catalog
    from cardguide.model.request import Request
    from cardguide.render import Format


class _Writes(Protocol):
    """Where results go: JSON Lines (batch.Writer) or a spreadsheet (batch_csv.CsvWriter).

    A writer prepares each distinct document once (a JSON line, a spreadsheet's cells) and
    then writes that for every row that asks for it.
    """

    def prepare(self, document: Document, request: Request) -> Prepared: ...

    def result(self, row: Row, args: list[str], prepared: Prepared) -> None: ...

    def error(
        self, row: Row, args: list[str], code: int, field: str | None, message: Msg | None
    ) -> None: ...


BatchFormat = enum.Enum(  # type: ignore[misc]
    "BatchFormat", {f: f for f in ("jsonl", "csv", "html", "markdown", "text", "json")}, type=str
)


def _batch_formats(fmt: str | None, output_dir: Path | None) -> tuple[str, str | None]:
    """The format of the results on stdout, and of each row's own file (with --output-dir)."""
    from cardguide.cli.batch_rows import PAGE_SUFFIXES

    pages = ", ".join(PAGE_SUFFIXES)
    if output_dir is None:
        if fmt in PAGE_SUFFIXES:
            raise UsageProblem(msg("batch.needs_output_dir", format=fmt))
        return fmt or "jsonl", None
    if fmt is not None and fmt not in PAGE_SUFFIXES:
        raise UsageProblem(msg("batch.page_format", format=fmt, formats=pages))
    # os.path never raises (Path.exists does on a name too long in Python 3.11).
    if os.path.exists(output_dir) and not os.path.isdir(output_dir):  # noqa: PTH110, PTH112
        raise UsageProblem(msg("error.output_dir", path=output_dir))
    return "jsonl", fmt or "html"


def batch(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE")],
    fmt: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    data_dirs: DataDirOption = None,
    today: TodayOption = None,
    quiet: QuietOption = False,
) -> None:
    from cardguide.cli.batch_input import encoding_named, named, read_input, shown
    from cardguide.model.request import Request
    from cardguide.resolve.find import catalog_for

    refuse_extra(ctx)
    gc.enable()  # off for a single command (see launch.py); a batch runs long enough to need it
    choice = language(lang, os.environ)
    results, page = _batch_formats(fmt.value if fmt is not None else None, output_dir)
    given = read_input(file, sys.stdin, None if encoding is None else encoding_named(encoding))
    if given.guessed is not None:  # a guess may be wrong: the person is told what was read
        guessed = msg("batch.encoding_guessed", file=named(file), encoding=shown(given.guessed))
        Messages(choice).note(guessed)
    rows = list(batches.read_rows(given.text))
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # under a file, a dangling link, a name too long, no right
            where = msg("batch.output_dir", path=output_dir, reason=os_reason(error))
            raise UsageProblem(where) from None
    # An empty or wrong --today, or a missing --data-dir, is batch's usage error, not every row's.
    base = Request(
        today=today_of(today),
        lang=choice,
        data_dirs=directories(data_dirs),
    )
    catalog = catalog_for(base.data_dirs)
    run = _Run(rows, base, catalog, page, output_dir, progress=sys.stderr.isatty() and not quiet)
    # A closed stdout (`| head -1`) is not a failed row: it ends batch as it ends every
    # command, quietly with 0 (group.Group.invoke).
    failed = run.all(choice, results, lang)
    if failed:
        Messages(choice).note(msg("batch.summary", failed=failed, n=len(rows)))
        raise typer.Exit(EXIT_DATA)


class _Run:
    """The rows of one batch, each built as its command builds it and rendered the same way."""

    def __init__(
        self,
        rows: list[Row],
        base: Request,
        catalog: Catalog,
        page: str | None,
        output_dir: Path | None,
        progress: bool,
    ) -> None:
        self.rows, self.base, self.catalog = rows, base, catalog
        self.page, self.output_dir, self.progress = page, output_dir, progress
        self.done: dict[tuple[str, ...], Ending | Prepared] = {}  # identical rows built once
        self.known: dict[tuple[tuple[str, str], ...], tuple[list[str], Ending | Prepared]] = {}

    def all(self, choice: LangChoice, results: str, lang: str | None) -> int:
        """Every row's result on stdout, in order; how many failed."""
        if results == "csv":
            from cardguide.cli.batch_csv import CsvWriter

            writer: _Writes = CsvWriter(sys.stdout, lang)
        else:
            writer = batches.Writer(sys.stdout)
        failed = 0
        try:
            for index, row in enumerate(self.rows, start=1):
                failed += not self.one(row, writer)
                if self.progress:
                    counted = msg("batch.progress", done=index, total=len(self.rows))
                    sys.stderr.write("\r" + say(counted, "zh" if choice == "zh" else "en"))
        finally:
            if self.progress:
                sys.stderr.write("\n")
        sys.stdout.flush()
        return failed

    def one(self, row: Row, writer: _Writes) -> bool:
        """Build one row's document and write its result; whether it worked."""
        # A help desk's file repeats a few kinds of person: a row with the same fields as one
        # before it is that row's command line and result again (10,000 rows, 9 distinct).
        key = tuple(row.fields.items())
        known = self.known.get(key)
        if known is None:
            known = self.known[key] = self._settled(row, writer)
        args, built = known
        if isinstance(built, Ending):
            field = batches.column_of(built.about)
            writer.error(row, args, built.code, field, built.message)
            return False
        if self.output_dir is None or self.page is None:
            writer.result(row, args, built)
            return True
        assert isinstance(writer, batches.Writer)  # --output-dir lists pages in JSON Lines
        assert isinstance(built, str)  # the page
        name = batches.page_name(row, len(self.rows), self.page)
        try:
            writer.saved(row, args, batches.save_page(self.output_dir, name, built))
        except OSError as error:
            unwritten = msg("batch.unwritable", file=name, reason=os_reason(error))
            writer.error(row, args, EXIT_DATA, None, unwritten)
            return False
        return True

    def _settled(self, row: Row, writer: _Writes) -> tuple[list[str], Ending | Prepared]:
        """What a row's fields come to: the command line they stand for and its result (a
        document prepared for writing, or how building it ended), or no command line and why
        there is none."""
        lines: list[list[str]] = []
        ended = outcome(lambda: lines.append(batches.command_line(row)), "cardguide batch")
        if not lines:
            return [], ended
        args = lines[0]
        if tuple(args) not in self.done:  # rows written differently may say the same
            self.done[tuple(args)] = self._built(row, args, writer)
        return args, self.done[tuple(args)]

    def _built(self, row: Row, args: list[str], writer: _Writes) -> Ending | Prepared:
        """The row's document as the writer writes it (or its page, for a file of its own),
        or how building it ended."""
        from cardguide.cli.context import rendered
        from cardguide.commands import BY_NAME

        command = BY_NAME[args[0]]
        made: list[Prepared] = []

        def build() -> None:
            request = batches.row_request(row, command, self.base)
            assert command.build is not None
            document = command.build(request, self.catalog).document
            if self.output_dir is not None and self.page is not None:
                made.append(rendered(document, request, cast("Format", self.page)))
            else:
                made.append(writer.prepare(document, request))

        ended = outcome(build, f"cardguide {command.name}")
        return made[0] if made else ended
