"""Answers computed from dates: each applicable deadline rule evaluated against today."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from .dates import OutsideCalendar, apply_period, describe_period, holiday_name
from .match import Placed, select
from .model import Deadline, Event, Period, Rule
from .profile import Profile
from .resolve import Guide

Answer = Literal["yes", "no", "need_more_information"]

# The question each kind of rule answers, as people would ask it.
QUESTIONS = {
    "deadline": "Is there still time?",
    "starts": "Does it apply yet?",
    "lapse": "Has the limit run out?",
}


@dataclass(frozen=True)
class Outcome:
    """One period of a rule, worked out from the event date."""

    period: Period
    date: datetime.date | None  # None when it cannot be computed
    holiday: str | None = None  # the public holiday the date falls in, if any
    problem: str | None = None  # why it cannot be computed


@dataclass(frozen=True)
class Decision:
    """A yes / no / need-more-information answer and the dates it rests on."""

    answer: Answer
    reason: str
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class Verdict:
    """A decision about one checklist item, with the rule and dates behind it."""

    placed: Placed
    rule: Rule
    event_date: datetime.date
    today: datetime.date
    decision: Decision

    @property
    def answer(self) -> Answer:
        return self.decision.answer

    @property
    def reason(self) -> str:
        return self.decision.reason

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self.decision.outcomes


def _outcome(event_date: datetime.date, period: Period) -> Outcome:
    try:
        day = apply_period(event_date, period)
    except OutsideCalendar as gap:
        return Outcome(period, None, problem=str(gap))
    return Outcome(period, day, holiday=holiday_name(day))


def _answer(kind: str, day: datetime.date, today: datetime.date) -> Answer:
    if kind == "deadline":
        return "yes" if today <= day else "no"
    if kind == "starts":
        return "yes" if today >= day else "no"
    return "yes" if today > day else "no"  # lapse: has the limit run out?


def _distance(day: datetime.date, today: datetime.date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    unit = "day" if abs(days) == 1 else "days"
    return f"{days} {unit} from today" if days > 0 else f"{-days} {unit} ago"


def _sentence(kind: str, answer: Answer, day: datetime.date, today: datetime.date) -> str:
    when = f"{day.isoformat()} ({_distance(day, today)})"
    return {
        ("deadline", "yes"): f"Yes: the last day is {when}.",
        ("deadline", "no"): f"No: the last day was {when}.",
        ("starts", "yes"): f"Yes: it applies from {when}.",
        ("starts", "no"): f"Not yet: it applies from {when}.",
        ("lapse", "yes"): f"Yes: the limit ran out after {when}.",
        ("lapse", "no"): f"No: the limit runs out after {when}.",
    }[(kind, answer)]


def decide(
    rule: Rule, event_date: datetime.date, today: datetime.date, chain: list[str]
) -> Decision:
    """Work out every period of the rule and turn them into one answer."""
    outcomes = tuple(_outcome(event_date, period) for period in rule.periods)
    problems = [o.problem for o in outcomes if o.problem]
    dated = [o for o in outcomes if o.date is not None]
    answers = {_answer(rule.kind, o.date, today) for o in dated if o.date is not None}

    answer: Answer
    if problems:
        answer, reason = "need_more_information", f"Need more information: {problems[0]}."
    elif rule.only_in is not None and rule.only_in not in chain:
        first = dated[0]
        assert first.date is not None
        answer = "need_more_information"
        reason = (
            f"Need more information: no rule was found for this region; under "
            f"{rule.only_in}'s rule the date would be {first.date.isoformat()} "
            f"({_distance(first.date, today)}). Ask the local office."
        )
    elif len(answers) > 1:
        answer = "need_more_information"
        listed = "; ".join(
            f"{describe_period(o.period)}: {o.date.isoformat()}" for o in dated if o.date
        )
        reason = f"Need more information: the sources disagree ({listed}); ask the local office."
    else:
        answer = answers.pop()
        # With several agreeing periods, the earliest date is the one to act on.
        earliest = min((o.date for o in dated if o.date is not None), default=event_date)
        reason = _sentence(rule.kind, answer, earliest, today)
        if len(dated) > 1:
            periods = ", ".join(describe_period(o.period) for o in dated)
            reason += (
                f" The sources give different periods ({periods}); this is the earliest date,"
                " and every period gives the same answer."
            )
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
                    decision = decide(rule, event_date, today, chain)
                    found.append(Verdict(placed, rule, event_date, today, decision))
    return found
