"""JSON output: explicit, versioned fields written with the standard library, never through rich."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

import msgspec

if TYPE_CHECKING:
    from cardguide.answers.deadlines import Verdict

from cardguide.documents import (
    Asked,
    Checklist,
    CheckReport,
    DiffReport,
    Document,
    FaqResults,
    GuideView,
    RegionInfo,
    RegionListing,
    Review,
    Validation,
)
from cardguide.errors import Diagnostic
from cardguide.match.eligibility import CanApply
from cardguide.match.pick import Placed, explain, for_whom
from cardguide.match.whole_list import unlisted_words
from cardguide.model.profile import Profile, flag_for
from cardguide.model.region import KINDS, Item, Source, age_of
from cardguide.render import RenderOptions
from cardguide.resolve.chain import Candidate, Entry
from cardguide.wording import Msg, both, keyed, msg
from cardguide.wording.escape import escape_controls
from cardguide.wording.text import LANGS, Text

# Bump on any change that could break a consumer (renamed or removed field, changed meaning);
# adding a field is not such a change. 2: generated text became objects in every language.
SCHEMA_VERSION = 2

# Fields placed explicitly after the kind's own fields; before/after only order the data files.
_NOT_OWN = ("id", "sources", "status", "when", "before", "after", "dated", "as_of")


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    # msgspec writes the same text as json.dumps(ensure_ascii=False, indent=2) in C (the standard
    # library's indenting encoder is pure Python: 70 ms for 3,000 regions), and strict JSON: it
    # has no NaN or Infinity. It escapes C0 controls; the C1 controls and bidi characters it
    # leaves raw are escaped too, so a terminal never acts on them.
    encoded = msgspec.json.encode(_payload(document, options))
    out.write(escape_controls(msgspec.json.format(encoded, indent=2).decode("utf-8")))
    out.write("\n")


def one_line(document: Document, options: RenderOptions) -> str:
    """The same JSON on one line, as a batch result carries it."""
    return escape_controls(msgspec.json.encode(_payload(document, options)).decode("utf-8"))


def _payload(document: Document, options: RenderOptions) -> dict[str, Any]:
    # Every text carries every language whatever --lang says, so a script's input has one
    # shape under any locale; `lang` tells it which language the person asked for.
    body = _Encoder(options.why).document(document)
    return {"schema_version": SCHEMA_VERSION, "lang": options.lang, **body}


def _builtins(value: object) -> Any:
    """Plain JSON values with every field present, so consumers see a stable shape.

    Text objects are the exception: they list only the languages that are written.
    """
    if isinstance(value, Text):
        return {lang: getattr(value, lang) for lang in LANGS}
    if isinstance(value, msgspec.Struct):
        return {name: _builtins(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, list):
        return [_builtins(element) for element in value]
    return value


def _words(value: object) -> dict[str, Any]:
    """Generated text: its catalog code, when it is one message, and its words in every language."""
    code = {"code": value.key} if isinstance(value, Msg) else {}
    return {**code, **both(value)}


def _region(info: RegionInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "names": _builtins(info.names),
        "full_names": _builtins(info.full_names),
        "pinyin": info.pinyin,
        "level": info.level,
        "parent": info.parent,
        "last_reviewed": info.last_reviewed.isoformat(),
        "file": info.file,
    }


def _item(item: Item, sources: Mapping[str, Source]) -> dict[str, Any]:
    own = {
        name: _builtins(getattr(item, name))
        for name in item.__struct_fields__
        if name not in _NOT_OWN
    }
    return {
        "id": item.id,
        **own,
        "status": item.status,
        # The year the information dates from: the item's own, else its oldest dated source's.
        "as_of": age_of(item, sources),
        "sources": list(item.sources),
        "dated": _builtins(item.dated),
        "when": _builtins(item.when),
    }


def _origin(candidate: Candidate) -> dict[str, Any]:
    layer = candidate.layer
    return {"origin": candidate.origin, "file": str(layer.file), "overlay": layer.overlay}


def _review(review: Review) -> dict[str, Any]:
    return {
        "region": review.region,
        "file": review.file,
        "overlay": review.overlay,
        "last_reviewed": review.last_reviewed.isoformat(),
        "stale": review.stale,
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "file": str(diagnostic.file),
        "line": diagnostic.line,
        "column": diagnostic.column,
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "message": _words(diagnostic.message),
        "keypath": diagnostic.keypath,
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": _builtins(source.title),
        "status": source.status,
        "kind": source.kind,
        "publisher": _builtins(source.publisher),
        "places": source.places,
        "url": source.url,
        "dated": _builtins(source.dated),
        "note": _builtins(source.note),
        "as_of": source.as_of,
    }


def _profile(profile: Profile) -> dict[str, Any]:
    return {
        "facets": sorted(profile.facets),
        "given": sorted(profile.given),
        "application": profile.application,
        "description": _words(profile.describe()),
    }


def _header(
    kind: str, region: RegionInfo, chain: list[RegionInfo], asked: Asked | None = None
) -> dict[str, Any]:
    return {
        "kind": kind,
        "region": _region(region),
        "chain": [info.id for info in chain],
        "asked": _asked(asked),
    }


def _asked(asked: Asked | None) -> dict[str, Any] | None:
    """The place named when it has no rules of its own; null when the region itself was asked."""
    if asked is None:
        return None
    return {
        "code": asked.code,
        "level": asked.level,
        "names": _builtins(asked.names),
        "path": _builtins(asked.path),
        "covered_by": asked.covered_by,
        "local_rules": False,
    }


class _Encoder:
    """Turns documents into JSON-ready dicts; `why` adds the reasons behind each item."""

    def __init__(self, why: bool) -> None:
        self.why = why
        self.sources: dict[str, Source] = {}

    def item(self, item: Item) -> dict[str, Any]:
        return _item(item, self.sources)

    def versions(self, entries: list[Entry]) -> list[dict[str, Any]]:
        return [
            {"id": e.id, "versions": [{**self.item(c.item), **_origin(c)} for c in e.candidates]}
            for e in entries
        ]

    def document(self, document: Document) -> dict[str, Any]:
        self.sources = {source.id: source for source in getattr(document, "sources", [])}
        if isinstance(document, Validation):
            return {
                "kind": "validation",
                "files": [str(file) for file in document.files],
                "errors": document.errors,
                "warnings": document.warnings,
                "diagnostics": [_diagnostic(d) for d in document.diagnostics],
            }
        body = self.body(document)
        return {**body, "reviews": [_review(r) for r in document.reviews]}

    def body(self, document: Document) -> dict[str, Any]:
        if isinstance(document, RegionListing):
            return {
                "kind": "regions",
                "regions": [_region(info) for info in document.regions],
                # Files left out of the list (a syntax error, a cycle of parents), with why.
                "left_out": [_diagnostic(problem) for problem in document.problems],
            }
        if isinstance(document, Checklist):
            return self.checklist(document)
        if isinstance(document, CheckReport):
            return self.check(document)
        if isinstance(document, FaqResults):
            return self.faq(document)
        if isinstance(document, DiffReport):
            return self.diff(document)
        assert isinstance(document, GuideView)
        return self.guide(document)

    def diff(self, report: DiffReport) -> dict[str, Any]:
        return {
            "kind": "diff",
            "a": _region(report.a),
            "b": _region(report.b),
            "same": report.same,
            "differences": [
                {
                    "procedure": d.procedure,
                    "kind": d.kind,
                    "id": d.id,
                    "change": d.change,
                    "a": [{**self.item(c.item), **_origin(c)} for c in d.a],
                    "b": [{**self.item(c.item), **_origin(c)} for c in d.b],
                }
                for d in report.differences
            ],
            "sources": [_source(source) for source in report.sources],
        }

    def placed(self, placed: Placed, profile: Profile, number: int | None = None) -> dict[str, Any]:
        data = self.item(placed.item)
        if number is not None:
            data = {"number": number, **data}
        data = {**data, **_origin(placed.candidate), "inherited": placed.inherited}
        data["region_caveats"] = [
            {"text": _builtins(c.text), "sources": list(c.sources), "status": c.status}
            for c in placed.caveats
        ]
        if self.why:
            reason = explain(placed, profile)
            data["why"] = {
                "condition": _builtins(placed.item.when),
                "answers": [flag_for(facet) for facet in reason.answers],
                "implied": [
                    {"flag": flag_for(giver), "facet": facet} for giver, facet in reason.implied
                ],
                "withheld": [flag_for(facet) for facet in reason.withheld],
                "origin": placed.origin,
                "passed_over": [
                    {"origin": c.origin, "for": _words(for_whom(c.item.when))}
                    for c in placed.passed_over
                ],
                "sentence": _words(reason.sentence()),
            }
        return data

    def verdict(self, verdict: Verdict, profile: Profile) -> dict[str, Any]:
        rule = verdict.rule
        data = {
            **self.placed(verdict.placed, profile),
            "answer": verdict.answer,
            "question": _words(keyed("question", rule.kind)),
            "reason": _words(verdict.reason),
            # What the answer rests on: an old rule's year, an uncertain source, and the words
            # that say so beside the answer (null when it rests on neither).
            "rests_on": {"as_of": verdict.rests_on[0], "uncertain": verdict.rests_on[1]},
            "caveat": _words(caveat) if (caveat := verdict.caveat()) is not None else None,
            "procedure": verdict.placed.procedure,
            "event": rule.event,
            "event_date": verdict.event_date.isoformat(),
            "today": verdict.today.isoformat(),
            "dates": [
                {
                    "period": _builtins(outcome.period),
                    "date": outcome.date.isoformat() if outcome.date else None,
                    "holiday": _words(keyed("holiday", outcome.holiday))
                    if outcome.holiday
                    else None,
                    "problem": _words(outcome.problem) if outcome.problem else None,
                }
                for outcome in verdict.outcomes
            ],
        }
        if self.why:
            data["why"]["computation"] = [_words(sum_) for sum_ in verdict.computation()]
        return data

    def checklist(self, checklist: Checklist) -> dict[str, Any]:
        profile = checklist.profile
        sections = {
            kind: [
                self.placed(placed, profile, index + 1 if kind == "steps" else None)
                for index, placed in enumerate(checklist.sections.get(kind, []))
            ]
            for kind in KINDS
        }
        return {
            **_header("checklist", checklist.region, checklist.chain, checklist.asked),
            "procedure": checklist.procedure,
            "profile": _profile(profile),
            "channel": checklist.channel,
            **sections,
            "unknown": dict.fromkeys(checklist.unknown, _words(msg("unknown"))),
            "unlisted": [
                {"documents": papers, "text": _words(unlisted_words(papers))}
                for papers in checklist.unlisted
            ],
            "today": checklist.today.isoformat() if checklist.today else None,
            "answers": [self.verdict(v, profile) for v in checklist.verdicts],
            "can_apply": self.can_apply(checklist.can_apply, profile),
            "sources": [_source(source) for source in checklist.sources],
        }

    def can_apply(self, answer: CanApply | None, profile: Profile) -> dict[str, Any] | None:
        if answer is None:
            return None
        return {
            "answer": answer.answer,
            "reason": _words(answer.reason),
            "rules": [self.placed(p, profile) for p in answer.rules],
        }

    def check(self, report: CheckReport) -> dict[str, Any]:
        return {
            **_header("check", report.region, report.chain, report.asked),
            "profile": _profile(report.profile),
            "today": report.today.isoformat(),
            "events": {event: day.isoformat() for event, day in report.events.items()},
            "answers": [self.verdict(v, report.profile) for v in report.verdicts],
            "related": [self.placed(p, report.profile) for p in report.related],
            "can_apply": self.can_apply(report.can_apply, report.profile),
            "sources": [_source(source) for source in report.sources],
        }

    def faq(self, results: FaqResults) -> dict[str, Any]:
        return {
            **_header("faq", results.region, results.chain, results.asked),
            "query": results.query,
            "results": [
                {"score": m.score, **self.item(m.placed.item), **_origin(m.placed.candidate)}
                for m in results.matches
            ],
            "sources": [_source(source) for source in results.sources],
        }

    def guide(self, view: GuideView) -> dict[str, Any]:
        return {
            **_header("guide", view.region, view.chain, view.asked),
            "procedures": {
                procedure: {kind: self.versions(entries) for kind, entries in kinds.items()}
                for procedure, kinds in view.procedures.items()
            },
            "faq": self.versions(view.faq),
            "sources": [_source(source) for source in view.sources],
        }
