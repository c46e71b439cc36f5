"""Publication dates: infer an article's date from the dates it gives for itself.

Used when an article carries no date in its metadata; the rule is in ``infer_published``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from geo.records import DatePrecision
from geo.text.date_patterns import DASH, DAYN, MON, SP, SPO, WEEKDAY_NO, YEAR
from geo.text.dates import compact_range_parts, make_date, parse_atom, range_parts, scan

__all__ = ["infer_published"]

_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|warned|claimed|confirmed|wrote"
    r"|noted|insisted|argued|declared)[^\S\n]+(?:on[^\S\n]+)?$"
)
_DATELINE = re.compile(
    r"^[^\S\n]*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ.'’ -]{1,40}"
    rf"(?:,{SP}[A-Z][A-Za-z.'’ -]{{1,30}})?,{SP}"
    rf"(?P<date>{MON}{SP}{DAYN}(?:,?{SP}{YEAR})?|{DAYN}{SP}{MON}(?:,?{SP}{YEAR})?)"
    rf"(?:{SPO}\([^()\n]{{1,40}}\))?{SPO}{DASH}",
    re.MULTILINE,
)


def infer_published(text: str) -> dt.date | None:
    """Infer a publication date from the dates a text gives for itself.

    The rule, in order:

    1. A dateline with a year ("KYIV, Sept. 5, 2024 (Reuters) -") is the date.
    2. Otherwise take D, the latest explicit full date (day, month and year: ``September 4,
       2024``, ``4 September 2024``, ``2024-09-04``, ``4 вересня 2024``, or the end of a range
       written with them). Without one, return None: month-and-day dates alone cannot fix
       the year.
    3. A dateline without a year ("KYIV, Sept 5 (Reuters) -") is that day in the year that
       puts it closest to D.
    4. If the text uses a weekday on its own ("said Thursday", "on Thursday", "Thursday's"),
       the date is the first such weekday on or after D (D itself if it is that weekday).
       Weekdays after a reporting verb ("said Thursday") win, then the most frequent
       weekday, then the one closest to D.
    5. Otherwise D.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    datetime.date or None
        None when the text holds nothing usable.
    """
    dateline = _DATELINE.search(text)
    if dateline:
        p = parse_atom(dateline["date"])
        if p and p.year and p.month and p.day and (day := make_date(*p)):
            return day
    full: list[dt.date] = []
    weekdays: list[tuple[int, bool]] = []  # (weekday, after a reporting verb)
    for kind, m, span in scan(text, None, strict=True):
        if kind in ("full", "cyr") and span is not None and span.precision is DatePrecision.DAY:
            full.append(span.start)
        elif kind in ("rng", "brng") and span is not None:
            parts = range_parts(m) if kind == "rng" else compact_range_parts(m.group())
            if parts and parts[1].day is not None:
                full.append(span.end)
        elif kind == "wd":
            speech = bool(_SPEECH_BEFORE.search(text, max(0, m.start() - 24), m.start()))
            weekdays.append((WEEKDAY_NO[m.group().lower()], speech))
    if not full:
        return None
    latest = max(full)
    if dateline:
        p = parse_atom(dateline["date"])
        if p and p.month and p.day:
            options = [
                d
                for y in (latest.year - 1, latest.year, latest.year + 1)
                if (d := make_date(y, p.month, p.day))
            ]
            if options:
                return min(options, key=lambda d: abs((d - latest).days))
    if not weekdays:
        return latest
    pool = [w for w, speech in weekdays if speech] or [w for w, _ in weekdays]
    counts = Counter(pool)

    def candidate(weekday: int) -> dt.date:
        return latest + dt.timedelta(days=(weekday - latest.weekday()) % 7)

    best = max(counts, key=lambda w: (counts[w], -(candidate(w) - latest).days))
    return candidate(best)
