"""Around a command's work: asking in a terminal for what is missing, and the output, through
a pager when that helps."""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

import msgspec.structs

from cardguide.cli.options import Output
from cardguide.cli.terminal import PLAIN, Messages, data_encoding, styling, text_width
from cardguide.commands import Command
from cardguide.load.catalog import Catalog
from cardguide.model.profile import APPLICANT_FLAGS, make_profile
from cardguide.model.region import Facet
from cardguide.model.request import Request
from cardguide.render import Format, RenderOptions, renderer_for
from cardguide.resolve.chain import Guide
from cardguide.resolve.find import find_guide
from cardguide.wording import LangChoice, join, msg

if TYPE_CHECKING:
    from cardguide.documents import Document


def report(catalog: Catalog, lang: LangChoice) -> None:
    """Files a lookup or listing left out, each said once: never dropped silently, and
    everything else still works."""
    skipped, broken = catalog.left_out()
    for path in skipped:
        Messages(lang).warning(msg("catalog.skipped", file=path))
    for problem in broken:
        Messages(lang).warning(msg("catalog.left_out", problem=problem.as_message()))


def stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def paged(document: Document, output: Output, options: RenderOptions) -> bool:
    """Long text for a person at a terminal goes through their pager; False when it did not."""
    if not (output.pager and output.fmt in ("text", "markdown") and stdout_is_tty()):
        return False
    from cardguide.cli import pager

    chosen = pager.command()
    if chosen is None:
        return False
    # Rendered for the terminal the pager shows it on, with styles unless NO_COLOR.
    buffer = io.StringIO()
    shown = options if options.styled is False else msgspec.structs.replace(options, styled=True)
    renderer_for(output.fmt)(document, buffer, shown)
    text = buffer.getvalue()
    if pager.fits(text):
        sys.stdout.write(text)
    else:
        pager.show(text, chosen)
    return True


def render_options(request: Request, out: TextIO | None = None) -> RenderOptions:
    """How a request's documents are rendered: its language, --why and day, and for text
    written to `out` whether it has styles and how wide it is; without `out`, text for a file
    of its own, which never has styles."""
    styled = False if out is None else styling(out, os.environ)
    width = text_width(os.environ) if styled is False else None  # else rich asks the terminal
    return RenderOptions(
        lang=request.lang, styled=styled, width=width, why=request.why, today=request.today
    )


def rendered(document: Document, request: Request, page: Format) -> str:
    """A document as a batch row's file holds it."""
    buffer = io.StringIO()
    renderer_for(page)(document, buffer, render_options(request))
    return buffer.getvalue()


def emit(document: Document, request: Request, output: Output) -> None:
    options = render_options(request, sys.stdout)
    if not paged(document, output, options):
        render = renderer_for(output.fmt)
        wanted = data_encoding(sys.stdout) if output.fmt in ("json", "html") else None
        has = getattr(sys.stdout, "encoding", None) or "utf-8"  # a StringIO has none
        if wanted is not None and codecs.lookup(wanted) != codecs.lookup(has):
            # JSON is UTF-8 and a page says it is: into a file on a GBK system they go as UTF-8.
            buffer = io.StringIO()
            render(document, buffer, options)
            sys.stdout.flush()
            sys.stdout.buffer.write(buffer.getvalue().encode(wanted, PLAIN))
        else:
            render(document, sys.stdout, options)
    # Flushing here lets a closed pipe surface inside the command, where it is handled.
    sys.stdout.flush()
    stale = [review for review in getattr(document, "reviews", []) if review.stale]
    # Said once, in one line, and only to people: JSON carries `stale` in the document itself.
    if stale and output.fmt == "text" and not output.quiet:
        regions = join(
            msg(
                "warn.stale_local" if review.overlay else "warn.stale_region",
                region=review.names or review.region,
                date=review.last_reviewed,
            )
            for review in stale
        )
        Messages(request.lang).warning(msg("warn.stale", regions=regions))


def complete(command: Command, request: Request, catalog: Catalog) -> Request:
    """The request with what it lacks asked for in the terminal: the region, who is applying
    (when no applicant flag was given) and, where the command needs one, its circumstance."""
    from cardguide.cli.interview import Interview

    make_profile(request.facets)  # contradictions are usage errors before any question
    circumstances = command.circumstances
    editing = stdin_is_tty() and stdout_is_tty()
    interview = Interview(Messages(request.lang), editing=editing)
    guides: dict[str, Guide] = {}  # going back replays the answers: resolve each once

    def resolved(place: str) -> Guide:
        if place not in guides:
            guides[place] = find_guide(catalog, place)[0]
        return guides[place]

    def questions() -> tuple[str, set[Facet]]:
        place = request.region if request.region is not None else interview.region(catalog)
        guide = resolved(place)
        facets = set(request.facets)
        if not facets & set(APPLICANT_FLAGS):
            facets |= interview.profile(guide, command.name, circumstances)
        if command.one_of and not facets & set(circumstances):
            facets.add(interview.one_of(circumstances))
        return place, facets

    place, facets = interview.run(questions)
    return msgspec.structs.replace(request, region=place, facets=frozenset(facets))


def asks(command: Command, output: Output) -> bool:
    """Whether what is missing is asked for: a command that may ask, at a terminal, unless
    --no-input says never."""
    return command.interview and not output.no_input and stdin_is_tty()
