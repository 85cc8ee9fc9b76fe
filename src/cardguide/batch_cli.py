"""`cardguide batch`: every row run through the same command group as the command line."""

from __future__ import annotations

import contextlib
import enum
import gc
import io
import os
import sys
from pathlib import Path
from typing import Annotated, Protocol, cast

import typer

from .errors import EXIT_DATA, EXIT_USAGE, UsageProblem
from .options import DataDirOption, LangOption, QuietOption, TodayOption
from .terminal import Messages, language
from .wording import Msg, msg, say


class _RunsRows(Protocol):
    def outcome(self, argv: list[str]) -> tuple[int, Msg | None]: ...


BatchFormat = enum.Enum(  # type: ignore[misc]
    "BatchFormat", {f: f for f in ("jsonl", "csv", "html", "markdown", "text", "json")}, type=str
)


def _batch_formats(fmt: str | None, output_dir: Path | None) -> tuple[str, str | None]:
    """The format of the results on stdout, and of each row's own file (with --output-dir)."""
    from .batch import PAGE_SUFFIXES

    pages = ", ".join(PAGE_SUFFIXES)
    if output_dir is None:
        if fmt in PAGE_SUFFIXES:
            raise UsageProblem(msg("batch.needs_output_dir", format=fmt))
        return fmt or "jsonl", None
    if fmt is not None and fmt not in PAGE_SUFFIXES:
        raise UsageProblem(msg("batch.page_format", format=fmt, formats=pages))
    if output_dir.exists() and not output_dir.is_dir():
        raise UsageProblem(msg("error.output_dir", path=output_dir))
    return "jsonl", fmt or "html"


def batch(
    file: Annotated[
        str, typer.Argument(help="CSV with a header row, or JSON Lines; - reads stdin.")
    ],
    fmt: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (one JSON object per row, the default) or csv; with --output-dir, the "
            "format of each row's file: html (the default), markdown, text or json.",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Write each row's checklist to a file of its own in this directory "
            "(made if missing), named by row number, command, region and profile, e.g. "
            "0001-apply-ningbo-newborn.html; stdout lists each row's file or error.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    data_dirs: DataDirOption = None,
    today: TodayOption = None,
    quiet: QuietOption = False,
) -> None:
    """Answer for many people at once: one row each, one result each, in input order.

    Columns: command, region, profile (several joined by ;), channel, lang, query and the
    dates (born, paid, bill_date, lost_on, last_paid, hired_on, today). A bad row gets an
    error result naming its row and field; the others go on. Exit 1 when any row failed.

    Example: cardguide batch new-staff.csv --output-dir checklists/ --format html
    """
    from . import batch as batches

    gc.enable()  # off for a single command (see launch.py); a batch runs long enough to need it
    choice = language(lang, os.environ)
    results, page = _batch_formats(fmt.value if fmt is not None else None, output_dir)
    text = batches.read_input(file, sys.stdin)
    rows = list(batches.read_rows(text))
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
    # Every command, whichever the command line named: rows run exactly as command lines do.
    from .cli import app

    group = cast(_RunsRows, typer.main.get_command(app))
    shared = [*(arg for d in data_dirs or () for arg in ("--data-dir", str(d)))]
    shared += ["--today", today] if today else []
    # --lang given to batch is each row's default; a row's own lang comes later and wins.
    default_lang = ("--lang", lang) if lang is not None else ()
    done: dict[tuple[str, ...], tuple[int, Msg | None, str]] = {}  # a repeated row runs once
    failed = 0
    writer = batches.Writer(results, sys.stdout)
    progress = sys.stderr.isatty() and not quiet
    for index, row in enumerate(rows, start=1):
        try:
            args = batches.command_line(row)
        except batches.RowProblem as problem:
            failed += 1
            writer.error(row, [], EXIT_USAGE, problem.field_name, problem.message)
            continue
        full = (args[0], *default_lang, *args[1:], "--format", page or "json", "--no-input")
        full += ("--quiet", *shared)
        if full not in done:
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                code, message = group.outcome(list(full))
            printed = out.getvalue()
            # A result is made one line once, however many rows ask for it.
            shown = printed if page is not None or code != 0 else batches.one_line_json(printed)
            done[full] = (code, message, shown)
        code, message, printed = done[full]
        if code != 0:
            failed += 1
            writer.error(row, args, code, batches.field_of(message), message)
        elif output_dir is not None and page is not None:
            name = batches.page_name(row, len(rows), page)
            try:
                writer.saved(row, args, batches.save_page(output_dir, name, printed))
            except OSError as error:
                failed += 1
                unwritten = msg("batch.unwritable", file=name, reason=error.strerror or "")
                writer.error(row, args, EXIT_DATA, None, unwritten)
        else:
            writer.result(row, args, printed)
        if progress:
            counted = msg("batch.progress", done=index, total=len(rows))
            sys.stderr.write("\r" + say(counted, "zh" if choice == "zh" else "en"))
    if progress:
        sys.stderr.write("\n")
    sys.stdout.flush()
    if failed:
        Messages(choice).note(msg("batch.summary", failed=failed, total=len(rows)))
        raise typer.Exit(EXIT_DATA)
