"""Each command's work: a request and the catalog in, its document out; nothing asked or printed."""

from __future__ import annotations

import contextlib
import datetime
import os

from cardguide.commands.answer import Answer
from cardguide.errors import DataError, ProfileConflict, UsageProblem
from cardguide.load.catalog import Catalog, shipped_dir
from cardguide.model.profile import flag_for, make_profile
from cardguide.model.region import Event, Facet
from cardguide.model.request import Request
from cardguide.resolve.find import find_guide
from cardguide.wording import join, msg

# Dates that cannot lie in the future: a birth, a bill, a loss, a last payment.
PAST_ONLY: tuple[Event, ...] = ("born", "bill_date", "lost_on", "last_paid")
# What each date says about the applicant.
EVENT_FACETS: dict[Event, Facet] = {"born": "newborn", "hired_on": "employer", "lost_on": "lost"}
# The dates `check` takes, in the order its options are listed.
CHECK_DATES: tuple[Event, ...] = ("born", "paid", "bill_date", "lost_on", "last_paid", "hired_on")


def past(request: Request) -> dict[Event, datetime.date]:
    """The request's dates, each date that cannot lie in the future checked for it."""
    for event, day in request.dates.items():
        if event in PAST_ONLY and day > request.today:
            option = flag_for(event)
            future = msg("error.future", option=option, date=day, today=request.today)
            raise UsageProblem(future, option)
    return dict(request.dates)


def regions(request: Request, catalog: Catalog) -> Answer:
    from cardguide.documents import build_listing

    listing = build_listing(catalog, request.today)
    left_out = [msg("catalog.left_out", problem=p.as_message()) for p in listing.problems]
    return Answer(listing, warnings=left_out)


def show(request: Request, catalog: Catalog) -> Answer:
    from cardguide.documents import build_guide_view

    guide, notes = find_guide(catalog, request.places[0])
    return Answer(build_guide_view(guide, request.today), notes)


def checklist(
    request: Request, catalog: Catalog, procedure: str, one_of: tuple[Facet, ...] = ()
) -> Answer:
    """The checklist of one procedure; with `one_of`, exactly one of those flags is needed."""
    from cardguide.documents import build_checklist

    profile = make_profile(request.facets)  # contradictions are usage errors before any lookup
    region = _region(request)
    if one_of and not request.facets & set(one_of):
        flags = join((flag_for(f) for f in one_of), "or")
        raise UsageProblem(msg("error.needs_one_of", command=procedure, flags=flags), "profile")
    guide, notes = find_guide(catalog, region)
    # Only the interview can say lost or damaged in `apply`: it leads a replacement to `replace`.
    if procedure == "apply" and {"lost", "damaged"} & profile.facets:
        procedure = "replace"
    document = build_checklist(
        guide, procedure, profile, request.today, request.channel, past(request)
    )
    return Answer(document, notes)


def faq(request: Request, catalog: Catalog) -> Answer:
    from cardguide.documents import build_faq

    profile = make_profile(request.facets)
    guide, notes = find_guide(catalog, _region(request))
    return Answer(build_faq(guide, profile, request.query, request.today), notes)


def check(request: Request, catalog: Catalog) -> Answer:
    from cardguide.documents import build_check

    events = past(request)
    if not events and not request.can_apply:
        options = join([*(flag_for(event) for event in CHECK_DATES), "--can-apply"])
        raise UsageProblem(msg("error.no_dates", options=options))
    if "paid" in events and "self_employed" not in request.facets:
        raise UsageProblem(msg("error.paid_alone"), "profile")
    implied = {e: EVENT_FACETS[e] for e in events if e in EVENT_FACETS}
    try:
        dated = tuple((facet, event) for event, facet in implied.items())
        profile = make_profile(request.facets, dated)
    except ProfileConflict as conflict:
        if not implied:
            raise  # the flags alone contradict each other: no date to explain
        said = join(
            msg("error.date_means", date=flag_for(e), flag=flag_for(f)) for e, f in implied.items()
        )
        reason = msg("error.date_conflict", dates=said, reason=conflict.message)
        raise ProfileConflict(reason) from None
    guide, notes = find_guide(catalog, request.region or "national")
    report = build_check(guide, profile, events, request.today, eligibility=request.can_apply)
    return Answer(report, notes)


def diff(request: Request, catalog: Catalog) -> Answer:
    from cardguide.documents import build_diff

    first, second = request.places
    a, notes_a = find_guide(catalog, first)
    b, notes_b = find_guide(catalog, second)
    return Answer(build_diff(a, b, request.today), [*notes_a, *notes_b])


def validate(request: Request, catalog: Catalog) -> Answer:
    """Every rule over the named files, or over every directory the catalog reads."""
    from cardguide.lint.validate import region_files
    from cardguide.lint.validate import validate as validate_files

    local = list(dict.fromkeys(request.data_dirs))
    named = list(request.paths or [*local, shipped_dir()])
    files, crowded = region_files(named)
    # The named files' directories come first, so their own parents and overrides are found.
    dirs = [p if os.path.isdir(p) else p.parent for p in named]  # noqa: PTH112
    checking = Catalog(overlays=[*dirs, *local], checked=False)
    with contextlib.suppress(DataError):  # a crowded directory is reported as CG033
        checking.ids()  # each directory listed once serves every chain's file lookups
    report = validate_files(files, checking, request.today, request.max_age, crowded)
    counts = msg(
        "validate.summary",
        errors=msg("count.errors", n=report.errors),
        warnings=msg("count.warnings", n=report.warnings),
        files=msg("count.files", n=len(files)),
    )
    failed = bool(report.errors or (request.strict and report.warnings))
    return Answer(report, summary=counts, failed=failed)


def _region(request: Request) -> str:
    if request.region is None:
        raise UsageProblem(msg("error.no_region"), "--region")
    return request.region
