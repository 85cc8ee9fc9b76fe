"""Answers computed from dates: each applicable deadline rule evaluated against today."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import msgspec

from cardguide.answers.dates import OutsideCalendar, apply_period, describe_period, holiday_name
from cardguide.match.pick import Placed, select
from cardguide.model.profile import Profile
from cardguide.model.region import Answer, Deadline, Event, Period, Rule, age_of
from cardguide.resolve.chain import Guide
from cardguide.wording import Msg, join, keyed, msg

# A rule this many years old or more is named by its year beside every answer resting on it.
DATED_AFTER_YEARS = 2


class Outcome(msgspec.Struct, frozen=True):
    """One period of a rule, worked out from the event date."""

    period: Period
    date: datetime.date | None  # None when it cannot be computed
    holiday: str | None = None  # the public holiday the date falls in (`national_day`), if any
    problem: Msg | None = None  # why it cannot be computed


class Decision(msgspec.Struct, frozen=True):
    """A yes / no / need-more-information answer and the dates it rests on."""

    answer: Answer
    reason: Msg
    outcomes: tuple[Outcome, ...]


class Verdict(msgspec.Struct, frozen=True):
    """A decision about one checklist item, with the rule and dates behind it."""

    placed: Placed
    rule: Rule
    event_date: datetime.date
    today: datetime.date
    decision: Decision
    age: int | None = None  # the year the rule's information dates from, when known

    @property
    def rests_on(self) -> tuple[int | None, bool]:
        """The rule's year when it is old enough to say so, and whether its source is uncertain."""
        age = self.age
        old = age if age is not None and self.today.year - age >= DATED_AFTER_YEARS else None
        return old, self.placed.item.status == "uncertain"

    def caveat(self) -> Msg | None:
        """`per a 2016 rule; confirm with the office`, said beside the answer it qualifies."""
        year, uncertain = self.rests_on
        if year is not None and uncertain:
            return msg("verdict.rests_dated_uncertain", year=year)
        if year is not None:
            return msg("verdict.rests_dated", year=year)
        return msg("verdict.rests_uncertain") if uncertain else None

    @property
    def answer(self) -> Answer:
        return self.decision.answer

    @property
    def reason(self) -> Msg:
        return self.decision.reason

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self.decision.outcomes

    def computation(self) -> list[Msg]:
        """The sum behind each date: `--lost-on 2026-09-29 + 5 working days = 2026-10-12`."""
        return [
            msg(
                "why.sum",
                event=keyed("event", self.rule.event),
                date=self.event_date,
                period=describe_period(o.period),
                result=o.date or msg("why.no_result"),
            )
            for o in self.outcomes
        ]


def _outcome(event_date: datetime.date, period: Period) -> Outcome:
    try:
        day = apply_period(event_date, period)
    except OutsideCalendar as gap:
        return Outcome(period, None, problem=gap.message)
    return Outcome(period, day, holiday=holiday_name(day))


def _answer(kind: str, day: datetime.date, today: datetime.date) -> Answer:
    if kind == "deadline":
        return "yes" if today <= day else "no"
    if kind == "starts":
        return "yes" if today >= day else "no"
    return "yes" if today > day else "no"  # lapse: has the limit run out?


def _distance(day: datetime.date, today: datetime.date) -> Msg:
    days = (day - today).days
    if days == 0:
        return msg("distance.today")
    return msg("distance.ahead", n=days) if days > 0 else msg("distance.ago", n=-days)


def _on(day: datetime.date, today: datetime.date) -> Msg:
    return msg("distance.on", date=day, distance=_distance(day, today))


def decide(
    rule: Rule,
    event_date: datetime.date,
    today: datetime.date,
    chain: list[str],
    others: Mapping[str, object] | None = None,
) -> Decision:
    """Work out every period of the rule and turn them into one answer."""
    outcomes = tuple(_outcome(event_date, period) for period in rule.periods)
    problems = [o.problem for o in outcomes if o.problem]
    dated = [(o, o.date) for o in outcomes if o.date is not None]
    answers = {_answer(rule.kind, day, today) for _o, day in dated}

    answer: Answer
    reason: Msg
    if problems:
        answer, reason = "need_more_information", msg("verdict.cannot", problem=problems[0])
    elif rule.only_in is not None and rule.only_in not in chain:
        answer = "need_more_information"
        region = (others or {}).get(rule.only_in, rule.only_in)
        reason = msg("verdict.elsewhere", region=region, on=_on(dated[0][1], today))
    elif len(answers) > 1:
        answer = "need_more_information"
        listed = join(
            (msg("verdict.period_date", period=describe_period(o.period), date=day)
             for o, day in dated),
            "parts",
        )  # fmt: skip
        reason = msg("verdict.disagree", dates=listed)
    else:
        answer = answers.pop()
        # With several agreeing periods, the earliest date is the one to act on.
        earliest = min(day for _o, day in dated)
        reason = keyed("verdict", f"{rule.kind}_{answer}", on=_on(earliest, today))
        if len(dated) > 1:
            periods = join(describe_period(o.period) for o, _day in dated)
            reason = msg("verdict.earliest", reason=reason, periods=periods)
    return Decision(answer, reason, outcomes)


def verdicts(
    guide: Guide,
    profile: Profile,
    events: dict[Event, datetime.date],
    today: datetime.date,
    procedures: tuple[str, ...] | None = None,
) -> list[Verdict]:
    """Every deadline with a rule for one of the given dates, in the order of the events."""
    chain = [layer.region.id for layer in guide.chain]
    found: list[Verdict] = []
    for event, event_date in events.items():
        for (procedure, kind), _entries in guide.entries.items():
            if kind != "deadlines" or (procedures is not None and procedure not in procedures):
                continue
            for placed in select(guide, procedure, kind, profile):
                rule = placed.item.rule if isinstance(placed.item, Deadline) else None
                if rule is not None and rule.event == event:
                    decision = decide(rule, event_date, today, chain, guide.others)
                    age = age_of(placed.item, guide.sources)
                    found.append(Verdict(placed, rule, event_date, today, decision, age))
    return found
