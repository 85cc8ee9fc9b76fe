"""Dates: strict parsing, month and day arithmetic, and working days of the official calendar."""

from __future__ import annotations

import calendar
import datetime
import re
from functools import cache

from cardguide.errors import UsageProblem
from cardguide.model.region import Period
from cardguide.wording import Msg, msg

# 2026-10-01, 2026/10/01, 2026.10.01 and 2026年10月1日: year first, as dates are written in China.
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|年(?P<cm>\d{1,2})月(?P<cd>\d{1,2})[日号]?)$"
)
# Dates a person can mean; beyond them a rule's sum could leave the calendar (year 9999).
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2199, 12, 31)


class OutsideCalendar(Exception):
    """The official holiday calendar in the installed data does not cover a year."""

    def __init__(self, year: int) -> None:
        first, last = calendar_years()
        super().__init__(year)
        self.year = year
        self.message = msg("dates.outside_calendar", first=first, last=last, year=year)


def parse_date(text: str, option: str) -> datetime.date:
    """A date written year first (2026-10-01, 2026/10/01, 2026年10月1日); anything else is a
    usage error naming the option."""
    found = _DATE.match(text.strip())
    if found is None:
        raise UsageProblem(msg("error.not_a_date", option=option, text=text), option)
    month, day_of_month = found["m"] or found["cm"], found["d"] or found["cd"]
    year, month_number, day_number = int(found["y"]), int(month), int(day_of_month)
    # Said in our own words: Python's wording for an impossible date changes between versions.
    if not 1 <= month_number <= 12:
        raise UsageProblem(msg("error.impossible_month", option=option, text=text), option)
    days = calendar.monthrange(year, month_number)[1]
    if not 1 <= day_number <= days:
        impossible = msg("error.impossible_date", option=option, text=text, days=days)
        raise UsageProblem(impossible, option)
    day = datetime.date(year, month_number, day_number)
    if not EARLIEST <= day <= LATEST:
        span = msg("error.date_range", option=option, text=text, first=EARLIEST, last=LATEST)
        raise UsageProblem(span, option)
    return day


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when that month is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@cache
def calendar_years() -> tuple[int, int]:
    import chinese_calendar  # ~5 ms, only for commands that count working days

    years = {day.year for day in chinese_calendar.holidays}
    return min(years), max(years)


def is_workday(day: datetime.date) -> bool:
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        raise OutsideCalendar(day.year) from None


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `day` (the day itself is not counted).

    Working days follow the official calendar: public holidays are skipped and adjusted
    working days (调休, often a Saturday or Sunday) count.
    """
    current, found = day, 0
    while found < count:
        current += datetime.timedelta(days=1)
        if is_workday(current):
            found += 1
    return current


def holiday_name(day: datetime.date) -> str | None:
    """The public holiday a day falls in (`national_day`), if the official calendar knows it."""
    import chinese_calendar
    from chinese_calendar.constants import Holiday

    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    if not on_holiday or not name:
        return None
    # The calendar names holidays in English; its enum's member names are stable keys.
    return next((h.name for h in Holiday if h.value == name), None)


def apply_period(day: datetime.date, period: Period) -> datetime.date:
    """The date a period after `day` ends (the day itself is not counted)."""
    if period.working_days is not None:
        result = add_working_days(day, period.working_days)
    elif period.months is not None:
        result = add_months(day, period.months)
    else:
        result = day + datetime.timedelta(days=period.days or 0)
    return result.replace(day=1) if period.month_start else result


def describe_period(period: Period) -> Msg:
    """`1 month`, `30 days`, `5 working days`, or `from the start of the following month`."""
    if period.month_start and period.months == 1:
        return msg("period.next_month")
    for amount, key in (
        (period.working_days, "period.working_days"),
        (period.months, "period.months"),
        (period.days, "period.days"),
    ):
        if amount is not None:
            length = msg(key, n=amount)
            return msg("period.then_month_start", period=length) if period.month_start else length
    return msg("period.none")
