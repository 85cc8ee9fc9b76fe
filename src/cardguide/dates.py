"""Dates: strict parsing, month and day arithmetic, and working days of the official calendar."""

from __future__ import annotations

import calendar
import datetime
import re
from functools import cache

from .errors import UsageProblem
from .model import Period

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class OutsideCalendar(Exception):
    """The official holiday calendar in the installed data does not cover a year."""

    def __init__(self, year: int) -> None:
        first, last = calendar_years()
        super().__init__(
            f"the official holiday calendar in the installed data covers {first}-{last}, "
            f"not {year}, so working days cannot be counted"
        )
        self.year = year


def parse_date(text: str, option: str) -> datetime.date:
    """A date written YYYY-MM-DD; anything else is a usage error naming the option."""
    if not _ISO_DATE.match(text.strip()):
        raise UsageProblem(
            f"{option} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-10-01"
        )
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageProblem(f"{option} {text!r} is not a real date: {exc}") from None


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
    """The public holiday a day falls in, if the official calendar knows it."""
    import chinese_calendar

    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return str(name) if on_holiday and name else None


def apply_period(day: datetime.date, period: Period) -> datetime.date:
    """The date a period after `day` ends (the day itself is not counted)."""
    if period.working_days is not None:
        result = add_working_days(day, period.working_days)
    elif period.months is not None:
        result = add_months(day, period.months)
    else:
        result = day + datetime.timedelta(days=period.days or 0)
    return result.replace(day=1) if period.month_start else result


def describe_period(period: Period) -> str:
    """`1 month`, `30 days`, `5 working days`, or `the start of the month after`."""
    if period.month_start and period.months == 1:
        return "from the start of the following month"
    for amount, unit in (
        (period.working_days, "working day"),
        (period.months, "month"),
        (period.days, "day"),
    ):
        if amount is not None:
            text = f"{amount} {unit}{'s' if amount != 1 else ''}"
            return f"{text}, then the start of that month" if period.month_start else text
    return "no period"
