"""Date arithmetic at the edges: month ends, leap years, holidays and adjusted working days."""

from __future__ import annotations

import datetime

import pytest

from cardguide.answers.dates import (
    OutsideCalendar,
    add_months,
    add_working_days,
    apply_period,
    calendar_years,
    describe_period,
    holiday_name,
    parse_date,
)
from cardguide.answers.deadlines import decide
from cardguide.errors import UsageProblem
from cardguide.model.region import Period, Rule
from cardguide.wording import say

from .conftest import en

D = datetime.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 10, 1), 1, D(2026, 11, 1)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),  # across a year end
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 5, 10), 6, D(2026, 11, 10)),
    ],
)
def test_add_months(start: datetime.date, months: int, expected: datetime.date) -> None:
    assert add_months(start, months) == expected


def test_working_days_skip_national_day_and_count_the_adjusted_saturday() -> None:
    # 2026: 1-7 October are holidays; Saturday 10 October is a working day (调休).
    assert holiday_name(D(2026, 10, 3)) == "national_day"
    assert add_working_days(D(2026, 9, 29), 1) == D(2026, 9, 30)
    assert add_working_days(D(2026, 9, 29), 2) == D(2026, 10, 8)
    assert add_working_days(D(2026, 9, 29), 4) == D(2026, 10, 10)  # the Saturday counts
    assert add_working_days(D(2026, 9, 29), 5) == D(2026, 10, 12)  # Sunday 11th does not


def test_working_days_skip_the_mid_autumn_festival_and_count_an_adjusted_sunday() -> None:
    # 25-27 September 2026 are the Mid-Autumn holiday; Sunday 20 September is a working day.
    assert add_working_days(D(2026, 9, 19), 1) == D(2026, 9, 20)
    assert add_working_days(D(2026, 9, 24), 1) == D(2026, 9, 28)


def test_an_ordinary_weekend_is_skipped() -> None:
    assert add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 23)  # Friday → Monday


def test_counting_into_an_uncovered_year_says_so() -> None:
    first, last = calendar_years()
    assert first <= 2026 <= last
    with pytest.raises(OutsideCalendar) as caught:
        add_working_days(D(last, 12, 28), 5)
    assert f"covers {first}-{last}, not {last + 1}" in en(caught.value.message)
    assert holiday_name(D(last + 1, 1, 1)) is None


def test_month_start_moves_to_the_first_of_the_month() -> None:
    period = Period(months=1, month_start=True)
    assert apply_period(D(2026, 10, 15), period) == D(2026, 11, 1)
    assert apply_period(D(2026, 1, 31), period) == D(2026, 2, 1)
    assert en(describe_period(period)) == "from the start of the following month"
    assert en(describe_period(Period(working_days=1))) == "1 working day"
    assert en(describe_period(Period(days=30))) == "30 days"
    assert say(describe_period(Period(working_days=5)), "zh") == "5个工作日"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "is not a real date: that month has 28 days"),
        ("2028-02-30", "is not a real date: that month has 29 days"),
        ("2026-04-31", "is not a real date: that month has 30 days"),
        ("2026-10-00", "is not a real date: that month has 31 days"),
        ("2026-13-01", "is not a real date: a month is numbered 1 to 12"),
        ("tomorrow", "write the year first"),
        ("5-1-2026", "write the year first"),
        ("20261005", "write the year first"),
        ("2026-10/05", "write the year first"),
        ("", "write the year first"),
    ],
)
def test_bad_dates_are_usage_errors(text: str, words: str) -> None:
    with pytest.raises(UsageProblem) as caught:
        parse_date(text, "--born")
    assert words in str(caught.value)
    assert str(caught.value).startswith("--born ")


@pytest.mark.parametrize(
    "text", ["2026-10-05", "2026/10/05", "2026.10.5", "2026-10-5", "2026年10月5日", "2026年10月5号"]
)
def test_dates_are_read_the_ways_people_write_them(text: str) -> None:
    assert parse_date(text, "--born") == datetime.date(2026, 10, 5)


def verdict_for(
    kind: str, periods: list[Period], event: datetime.date, today: datetime.date
) -> str:
    rule = Rule(event="born", kind=kind, periods=periods)  # type: ignore[arg-type]
    return decide(rule, event, today, ["national"]).answer


@pytest.mark.parametrize(
    ("kind", "today", "answer"),
    [
        ("deadline", D(2026, 11, 1), "yes"),  # the last day itself is still in time
        ("deadline", D(2026, 11, 2), "no"),
        ("starts", D(2026, 10, 31), "no"),
        ("starts", D(2026, 11, 1), "yes"),
        ("lapse", D(2026, 11, 1), "no"),  # the limit runs out after its last day
        ("lapse", D(2026, 11, 2), "yes"),
    ],
)
def test_answers_at_the_boundary(kind: str, today: datetime.date, answer: str) -> None:
    assert verdict_for(kind, [Period(months=1)], D(2026, 10, 1), today) == answer


def test_disagreeing_periods_need_more_information_and_agreeing_ones_do_not() -> None:
    periods = [Period(days=60), Period(months=3)]
    assert (
        verdict_for("deadline", periods, D(2026, 10, 1), D(2026, 12, 15)) == "need_more_information"
    )
    assert verdict_for("deadline", periods, D(2026, 10, 1), D(2026, 10, 15)) == "yes"
    assert verdict_for("deadline", periods, D(2026, 10, 1), D(2027, 2, 1)) == "no"
