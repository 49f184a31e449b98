"""Output is the same whatever the process's locale.

Month and weekday names from ``strftime`` (``%B``, ``%A``) and from :mod:`calendar` follow the
locale: a summary or an error message written through them would read "décembre" under a French
locale, and a diff of two runs would differ for no reason in the data. inspectlib spells them
out itself. Both ``date.strftime`` and :mod:`calendar` ask ``time.strftime``, so a stand-in that
answers in French shows whether any output still goes through it, on a machine with no French
locale installed.
"""

from __future__ import annotations

import calendar
import datetime
import time

import pytest

import inspectlib as il
from inspectlib._render import render

FRENCH = {
    "%B": "décembre",
    "%b": "déc.",
    "%A": "vendredi",
    "%a": "ven.",
}


def speak_french(monkeypatch: pytest.MonkeyPatch) -> None:
    real = time.strftime

    def strftime(format: str, *rest: object) -> str:
        for directive, word in FRENCH.items():
            format = format.replace(directive, word)
        return real(format, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(time, "strftime", strftime)
    # The stand-in is in place: what goes through strftime now reads in French.
    assert "décembre" == f"{datetime.date(2024, 12, 13):%B}"
    assert "décembre" == calendar.month_name[12]


@pytest.mark.parametrize("name", sorted(il.format.SAMPLES))
def test_summaries_read_the_same_whatever_the_locale(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = il.sample(name)
    in_english = render(record, today=datetime.date(2026, 1, 1))

    speak_french(monkeypatch)

    assert in_english == render(record, today=datetime.date(2026, 1, 1))
    assert not any(word in in_english for word in FRENCH.values())


def test_dates_describe_themselves_in_english_whatever_the_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    speak_french(monkeypatch)
    dates = [
        il.PartialDate.of_day(2024, 12, 13),
        il.PartialDate.parse("early December 2024"),
        il.PartialDate.parse("by Friday 13 December 2024"),
    ]

    assert ["13 December 2024", "early December 2024", "by 13 December 2024"] == [
        date.describe() for date in dates
    ]
