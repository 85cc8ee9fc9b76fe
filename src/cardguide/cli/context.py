"""What a command needs around its document: the catalog, the guide, the profile (asking in a
terminal for what is missing), and the output, through a pager when that helps."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec.structs

from cardguide.cli.options import Request
from cardguide.cli.terminal import PLAIN, Messages, data_encoding
from cardguide.errors import UsageProblem
from cardguide.load.catalog import Catalog, Found
from cardguide.model.profile import APPLICANT_FLAGS, Profile, flag_for, make_profile
from cardguide.model.region import Facet
from cardguide.render import RenderOptions, renderer_for
from cardguide.resolve.chain import Guide, limited_to, load_chain, resolve
from cardguide.wording import LangChoice, join, msg
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from cardguide.documents import Document


def overlays(request: Request) -> list[Path]:
    """--data-dir directories, then CARDGUIDE_PATH's, in the order given."""
    listed = [str(d) for d in request.data_dirs]
    listed += [entry for entry in os.environ.get("CARDGUIDE_PATH", "").split(os.pathsep) if entry]
    for entry in listed:
        if not os.path.isdir(entry):  # noqa: PTH112 (Path.is_dir raises on a long name in 3.11)
            raise UsageProblem(msg("error.data_dir", path=entry))
    return list(dict.fromkeys(Path(entry) for entry in listed))


def catalog_for(request: Request) -> Catalog:
    """The catalog of the request's data directories, listed once: a directory with too many
    entries is refused and odd entries are named, whatever the command (a listing reads names
    only, no file: about 1 ms for 3,000 entries)."""
    catalog = Catalog(overlays=overlays(request))
    report(catalog, request.lang)
    return catalog


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


def paged(document: Document, request: Request, options: RenderOptions) -> bool:
    """Long text for a person at a terminal goes through their pager; False when it did not."""
    if not (request.pager and request.fmt in ("text", "markdown") and stdout_is_tty()):
        return False
    from cardguide.cli import pager

    chosen = pager.command()
    if chosen is None:
        return False
    # Rendered for the terminal the pager shows it on, with styles unless NO_COLOR.
    buffer = io.StringIO()
    renderer_for(request.fmt)(
        document, buffer, msgspec.structs.replace(options, styled=not options.plain)
    )
    text = buffer.getvalue()
    if pager.fits(text):
        sys.stdout.write(text)
    else:
        pager.show(text, chosen)
    return True


def emit(document: Document, request: Request) -> None:
    plain = bool(os.environ.get("NO_COLOR"))  # https://no-color.org: set and not empty
    options = RenderOptions(lang=request.lang, plain=plain, why=request.why, today=request.today)
    if not paged(document, request, options):
        render = renderer_for(request.fmt)
        wanted = data_encoding(sys.stdout) if request.fmt in ("json", "html") else None
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
    if stale and request.fmt == "text" and not request.quiet:
        regions = join(
            msg(
                "warn.stale_local" if review.overlay else "warn.stale_region",
                region=review.names or review.region,
                date=review.last_reviewed,
            )
            for review in stale
        )
        Messages(request.lang).warning(msg("warn.stale", regions=regions))


def guide_for(catalog: Catalog, query: str | Found, lang: LangChoice = "en") -> Guide:
    try:
        found = catalog.locate(query) if isinstance(query, str) else query
    finally:
        report(catalog, lang)  # found or not
    if found.took is not None:
        meant = join(found.passed_over, "or")
        took = msg("locate.took", query=query, place=found.took, others=meant)
        Messages(lang).note(took)
    guide = resolve(load_chain(catalog, found.region))
    others = {
        region: Text(**catalog.header(region)["names"])
        for region in limited_to(guide)
        if region not in guide.region_ids
    }
    return msgspec.structs.replace(guide, place=found.place, others=others)


def prepare(request: Request, procedure: str, one_of: bool = False) -> tuple[Guide, Profile]:
    """Region and profile from the options, asking in a terminal for what is missing.

    With `one_of`, the command needs exactly one of its circumstance flags (`--lost` or
    `--damaged`).
    """
    circumstances = request.circumstances
    make_profile(request.facets)  # contradictions are usage errors before any lookup
    catalog = catalog_for(request)
    if request.no_input or not stdin_is_tty():
        if request.region is None:
            raise UsageProblem(msg("error.no_region"))
        if one_of and not request.facets & set(circumstances):
            flags = join((flag_for(f) for f in circumstances), "or")
            raise UsageProblem(msg("error.needs_one_of", command=procedure, flags=flags))
        return guide_for(catalog, request.region, request.lang), make_profile(request.facets)
    from cardguide.cli.interview import Interview

    editing = stdin_is_tty() and stdout_is_tty()
    interview = Interview(Messages(request.lang), editing=editing)
    guides: dict[str | Found, Guide] = {}  # going back replays the answers: resolve each once

    def resolved(place: str | Found) -> Guide:
        if place not in guides:
            guides[place] = guide_for(catalog, place, request.lang)
        return guides[place]

    def questions() -> tuple[Guide, set[Facet]]:
        place = request.region if request.region is not None else interview.region(catalog)
        guide = resolved(place)
        facets = set(request.facets)
        if not facets & set(APPLICANT_FLAGS):
            facets |= interview.profile(guide, procedure, circumstances)
        if one_of and not facets & set(circumstances):
            facets.add(interview.one_of(circumstances))
        return guide, facets

    guide, facets = interview.run(questions)
    return guide, make_profile(facets)
