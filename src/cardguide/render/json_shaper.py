"""Documents as the structs of their JSON: the parts every document has, and a checklist."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, cast

from msgspec import UNSET

from cardguide.documents.common import Asked, RegionInfo, Review
from cardguide.match.eligibility import CanApply
from cardguide.match.pick import Placed, for_whom
from cardguide.model import region as model
from cardguide.model.profile import Profile, flag_for
from cardguide.model.region import KINDS, Item, Source, age_of
from cardguide.render import RenderOptions
from cardguide.render import json_checklist as checklist_shape
from cardguide.render import json_shape as shape
from cardguide.render.json_shape import SCHEMA_VERSION
from cardguide.resolve.chain import Candidate
from cardguide.wording import Msg, keyed, msg, say
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from cardguide.answers.deadlines import Verdict
    from cardguide.documents.checklist import Checklist
    from cardguide.model.region import DocumentKind, KindName

    Application = Literal["first", "replacement"]


def text(value: Text) -> shape.Text:
    return shape.Text(en=value.en, zh=value.zh)


def maybe_text(value: Text | None) -> shape.Text | None:
    return None if value is None else shape.Text(en=value.en, zh=value.zh)


def words(value: object) -> shape.Words:
    """Generated text: its catalog code, when it is one message, and its words in every language."""
    code = value.key if isinstance(value, Msg) else UNSET
    return shape.Words(code=code, en=say(value, "en"), zh=say(value, "zh"))


def condition(value: model.Condition | None) -> shape.Condition | None:
    if value is None:
        return None
    return shape.Condition(all=value.all, any=value.any, none=value.none)


def period(value: model.Period) -> shape.Period:
    return shape.Period(
        days=value.days,
        months=value.months,
        working_days=value.working_days,
        month_start=value.month_start,
    )


def rule(value: model.Rule | None) -> shape.Rule | None:
    if value is None:
        return None
    periods = [period(one) for one in value.periods]
    return shape.Rule(event=value.event, kind=value.kind, periods=periods, only_in=value.only_in)


def texts(values: list[Text]) -> list[shape.Text]:
    return [text(value) for value in values]


# How each own field of an item is written; a field not named here is written as it is.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "title": text,
    "question": text,
    "answer": text,
    "text": text,
    "where": maybe_text,
    "rule": rule,
    "caveats": texts,
}


@cache
def _own(kind: type[Item]) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    return tuple((name, _CONVERT.get(name)) for name in shape.own_fields(kind))


def region(info: RegionInfo) -> shape.Region:
    return shape.Region(
        id=info.id,
        names=text(info.names),
        full_names=text(info.full_names),
        pinyin=info.pinyin,
        level=info.level,
        parent=info.parent,
        last_reviewed=info.last_reviewed,
        file=info.file,
    )


def review(one: Review) -> shape.Review:
    return shape.Review(
        region=one.region,
        file=one.file,
        overlay=one.overlay,
        last_reviewed=one.last_reviewed,
        stale=one.stale,
    )


def source(one: Source) -> shape.Source:
    return shape.Source(
        id=one.id,
        title=text(one.title),
        status=one.status,
        kind=one.kind,
        publisher=maybe_text(one.publisher),
        places=one.places,
        url=one.url,
        dated=maybe_text(one.dated),
        note=maybe_text(one.note),
        as_of=one.as_of,
    )


def profile_of(profile: Profile) -> shape.Profile:
    return shape.Profile(
        facets=sorted(profile.facets),
        given=sorted(profile.given),
        application=cast("Application", profile.application),
        description=words(profile.describe()),
    )


def asked(place: Asked | None) -> shape.Asked | None:
    """The place named when it has no rules of its own; null when the region itself was asked."""
    if place is None:
        return None
    return shape.Asked(
        code=place.code,
        level=place.level,
        names=text(place.names),
        path=text(place.path),
        covered_by=place.covered_by,
        local_rules=False,
    )


class Shaper:
    """Turns a document into the structs of its JSON; `why` adds the reasons behind each item."""

    def __init__(self, options: RenderOptions, sources: list[Source]) -> None:
        self.why = options.why
        self.top: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "lang": options.lang}
        self.sources = {one.id: one for one in sources}  # for the year each item dates from

    def about(
        self, info: RegionInfo, chain: list[RegionInfo], place: Asked | None
    ) -> dict[str, Any]:
        """The fields every document starts with, and those of one about one region."""
        ids = [one.id for one in chain]
        return {**self.top, "region": region(info), "chain": ids, "asked": asked(place)}

    def cited(self, document: Any) -> dict[str, Any]:
        """The fields that end a document: the sources its items cite, and its files' reviews."""
        return {
            "sources": [source(one) for one in document.sources],
            "reviews": [review(one) for one in document.reviews],
        }

    def item(self, candidate: Candidate) -> dict[str, Any]:
        """A region's version of an item: its id, its kind's own fields, those every item has,
        and where it came from (their order is the struct's)."""
        item = candidate.item
        layer = candidate.layer
        fields = {
            name: getattr(item, name) if convert is None else convert(getattr(item, name))
            for name, convert in _own(type(item))
        }
        fields["id"] = item.id
        fields["status"] = item.status
        fields["as_of"] = age_of(item, self.sources)
        fields["sources"] = item.sources
        fields["dated"] = maybe_text(item.dated)
        fields["when"] = condition(item.when)
        fields["origin"] = layer.region.id
        fields["file"] = str(layer.file)
        fields["overlay"] = layer.overlay
        return fields

    def placed(self, placed: Placed, verdict: Verdict | None = None) -> dict[str, Any]:
        """An item chosen for a person: where it came from, and why (--why)."""
        fields = self.item(placed.candidate)
        fields["inherited"] = placed.inherited
        fields["region_caveats"] = [
            checklist_shape.RegionCaveat(text=text(c.text), sources=c.sources, status=c.status)
            for c in placed.caveats
        ]
        if self.why:
            fields["why"] = self.reason(placed, verdict)
        return fields

    def reason(self, placed: Placed, verdict: Verdict | None) -> checklist_shape.Why:
        reason = placed.reason
        fields: dict[str, Any] = {
            "condition": condition(placed.item.when),
            "answers": [flag_for(facet) for facet in reason.answers],
            "implied": [
                checklist_shape.Implied(flag=flag_for(giver), facet=facet)
                for giver, facet in reason.implied
            ],
            "withheld": [flag_for(facet) for facet in reason.withheld],
            "origin": placed.origin,
            "passed_over": [
                checklist_shape.PassedOver(origin=c.origin, for_=words(for_whom(c.item.when)))
                for c in placed.passed_over
            ],
            "sentence": words(reason.sentence()),
        }
        if verdict is None:
            return checklist_shape.Why(**fields)
        computation = [words(sum_) for sum_ in verdict.computation()]
        return checklist_shape.VerdictWhy(**fields, computation=computation)

    def chosen(self, placed: Placed, **number: int) -> shape.Out:
        """A chosen item as its kind's struct; a checklist's steps are numbered."""
        struct = checklist_shape.PLACED_STRUCTS[type(placed.item)]
        return struct(**number, **self.placed(placed))

    def verdict(self, verdict: Verdict) -> shape.Out:
        caveat = verdict.caveat()
        return checklist_shape.DeadlineVerdict(
            **self.placed(verdict.placed, verdict),
            answer=verdict.answer,
            question=words(keyed("question", verdict.rule.kind)),
            reason=words(verdict.reason),
            # What the answer rests on: an old rule's year, an uncertain source, and the words
            # that say so beside the answer (null when it rests on neither).
            rests_on=checklist_shape.RestsOn(
                as_of=verdict.rests_on[0], uncertain=verdict.rests_on[1]
            ),
            caveat=None if caveat is None else words(caveat),
            procedure=verdict.placed.procedure,
            event=verdict.rule.event,
            event_date=verdict.event_date,
            today=verdict.today,
            dates=[
                checklist_shape.DateOutcome(
                    period=period(outcome.period),
                    date=outcome.date,
                    holiday=words(keyed("holiday", outcome.holiday)) if outcome.holiday else None,
                    problem=words(outcome.problem) if outcome.problem else None,
                )
                for outcome in verdict.outcomes
            ],
        )

    def can_apply(self, answer: CanApply | None) -> checklist_shape.CanApply | None:
        if answer is None:
            return None
        return checklist_shape.CanApply(
            answer=answer.answer,
            reason=words(answer.reason),
            rules=[self.chosen(one) for one in answer.rules],
        )

    def checklist(self, checklist: Checklist) -> checklist_shape.Checklist:
        from cardguide.match.whole_list import unlisted_words  # loaded with any checklist

        profile = checklist.profile
        sections = {
            kind: [
                self.chosen(placed, **({"number": index} if kind == "steps" else {}))
                for index, placed in enumerate(checklist.sections.get(kind, []), 1)
            ]
            for kind in KINDS
        }
        unknown = words(msg("unknown"))
        return checklist_shape.Checklist(
            **self.about(checklist.region, checklist.chain, checklist.asked),
            kind="checklist",
            procedure=checklist.procedure,
            profile=profile_of(profile),
            channel=checklist.channel,
            **cast("dict[str, Any]", sections),
            unknown=dict.fromkeys(cast("list[KindName]", checklist.unknown), unknown),
            unlisted=[
                checklist_shape.Unlisted(
                    documents=cast("list[DocumentKind]", papers),
                    text=words(unlisted_words(papers)),
                )
                for papers in checklist.unlisted
            ],
            today=checklist.today,
            answers=[self.verdict(one) for one in checklist.verdicts],
            can_apply=self.can_apply(checklist.can_apply),
            **self.cited(checklist),
        )
