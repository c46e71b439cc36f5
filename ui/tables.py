"""The pages' tables, charts and marked-up article text, built from plain data.

Pure functions with no streamlit import, so they are tested without a Streamlit session; the
glue in ui.views and ui.articles fetches the (cached) data and hands it to them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from geo.records import ToponymRole

__all__ = [
    "EVENT_COLUMNS",
    "area_chart",
    "blank_missing",
    "candidate_label",
    "change_table",
    "evacuations_table",
    "events_table",
    "highlighted",
    "markdown_text",
    "mention_label",
    "mentions_table",
    "near_front_summary",
    "timeline_chart",
    "within",
]

# Columns of the events and evacuations tables, in order; km_to_front only when measured.
EVENT_COLUMNS: tuple[str, ...] = (
    "date",
    "type",
    "place",
    "km_to_front",
    "admin1",
    "status",
    "killed",
    "injured",
    "people",
    "children",
    "quote",
    "source",
    "dataset",
)
NEAR_FRONT_TOTALS_KM: tuple[int, ...] = (10, 25, 50)


def _status_text(status: Any, claimed_by: Any) -> str | None:
    """The status as shown: "claimed by the governor" for a claim by someone, else itself."""
    if status is None or _missing(status):
        return None
    if str(status) == "claimed" and claimed_by is not None and not _missing(claimed_by):
        return f"claimed by {claimed_by}"
    return str(status)


def _missing(value: Any) -> bool:
    """Whether a cell is missing (None, NaN, pandas.NA), without failing on strings."""
    import pandas as pd

    return bool(pd.isna(value)) if not isinstance(value, str) else False


def events_table(events: Any) -> Any:
    """The events layer as an analyst reads it: date span, type, place, status, figures, quote.

    ``status`` is how the report presents the event (happened, attempted, or "claimed by"
    whom); ``killed`` and ``injured`` are empty when the report gives no figure.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        The events (or evacuations) layer from ``geo.layers.build``.

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by date; the index is the layer's, so rows can be matched
        back to it.
    """
    import pandas as pd

    if events.empty:
        return pd.DataFrame(columns=[c for c in EVENT_COLUMNS if c != "km_to_front"])
    span = events["date_start"].astype(str)
    differs = events["date_end"].astype(str) != span
    span = span.where(~differs, span + " – " + events["date_end"].astype(str))

    def column(name: str, dtype: str = "object") -> Any:
        # Layers built before these columns existed (a cached frame) read as empty.
        if name in events.columns:
            return events[name]
        return pd.Series([None] * len(events), index=events.index, dtype=dtype)

    status = [
        _status_text(s, c) for s, c in zip(column("status"), column("claimed_by"), strict=True)
    ]
    return pd.DataFrame(
        {
            "date": span,
            "type": events["event_type"],
            "place": events["location"],
            "admin1": events["admin1"],
            "status": pd.Series(status, index=events.index, dtype="object"),
            "killed": column("killed", "Int64"),
            "injured": column("injured", "Int64"),
            "people": events["people"],
            "children": events["children"],
            "quote": events["quote"],
            "source": events["source"],
            "dataset": events.get("dataset", "articles"),
        }
    ).sort_values("date", kind="stable")


def evacuations_table(evac: Any, *, km_to_front: Mapping[str, float | None] | None = None) -> Any:
    """The evacuations table, with each event's distance to the front when it was measured.

    Parameters
    ----------
    evac : geopandas.GeoDataFrame
        The evacuations layer.
    km_to_front : mapping of str to float or None, optional
        Distance (km) per ``event_id`` to the front as of the event's start date; without
        it the table has no ``km_to_front`` column.
    """
    table = events_table(evac)
    if evac.empty or km_to_front is None:
        return table
    ids = evac.loc[table.index, "event_id"]
    table.insert(3, "km_to_front", [km_to_front.get(i) for i in ids])
    return table


def within(events: Any, bounds: tuple[float, float, float, float] | None) -> Any:
    """The events inside (south, west, north, east), or all of them when bounds is None."""
    if bounds is None or events.empty:
        return events
    south, west, north, east = bounds
    lat, lon = events.geometry.y, events.geometry.x
    inside = (lat >= south) & (lat <= north) & (lon >= west) & (lon <= east)
    return events[inside.to_numpy()]


def timeline_chart(events: Any, *, start: dt.date, end: dt.date) -> Any:
    """Events per week (per day for short ranges), stacked by type, in the map's colours.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        The events layer.
    start, end : datetime.date
        The x axis spans this range whatever the events, so ranges compare at a glance.

    Returns
    -------
    altair.Chart
    """
    import altair as alt
    import pandas as pd

    from geo.maps.style import legend_items

    items = legend_items()
    days = (end - start).days
    # Bars an analyst can read: days for two months, weeks up to a year and a half, then months.
    unit, label = (
        ("yearmonthdate", "Day")
        if days <= 62
        else ("yearweek", "Week")
        if days <= 550
        else ("yearmonth", "Month")
    )
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(events["date_start"]),
            "type": events["event_type"],
            "dataset": events.get("dataset", "articles"),
        }
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                f"{unit}(date):T",
                title=label,
                scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]),
            ),
            # Counts are whole: no tick at half an event when the bars are short.
            y=alt.Y("count():Q", title="Events", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "type:N",
                title="Event type",
                scale=alt.Scale(
                    domain=[i.event_type for i in items], range=[i.colour for i in items]
                ),
            ),
            tooltip=[
                alt.Tooltip(f"{unit}(date):T", title=label),
                "type:N",
                alt.Tooltip("dataset:N", title="Source"),
                alt.Tooltip("count():Q", title="Events"),
            ],
        )
        .properties(height=320)
    )
    if frame["dataset"].nunique() < 2:
        return chart
    # Events read from text beside an imported dataset: one panel per source, same axes.
    return chart.properties(height=180).facet(
        row=alt.Row("dataset:N", title=None, sort=["articles"])
    )


def area_chart(areas: Any) -> Any:
    """Controlled area per snapshot date, one line per source and class.

    Parameters
    ----------
    areas : pandas.DataFrame
        Columns date, source, class, area_km2 (``geo.frontline.change.area_over_time``).

    Returns
    -------
    altair.Chart
    """
    import altair as alt

    frame = areas.copy()
    frame["series"] = frame["source"] + " · " + frame["class"]
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title="Snapshot date"),
            y=alt.Y("area_km2:Q", title="Area (km²)"),
            color=alt.Color("series:N", title="Source · class"),
            tooltip=["date:T", "source:N", "class:N", alt.Tooltip("area_km2:Q", format=",.0f")],
        )
        .properties(height=280)
    )


def near_front_summary(
    near: Any, km: float, *, oblast_names: Mapping[str, str] | None = None
) -> tuple[Any, dict[int, int]]:
    """Settlements within ``km`` of the front, and the population within 10, 25 and 50 km.

    Parameters
    ----------
    near : geopandas.GeoDataFrame or None
        Settlements within at least 50 km of the front (``geo.frontline.near.near_front``
        with ``max(km, 50)``), or None when there is no front on that day.
    km : float
        The distance chosen by the analyst.
    oblast_names : mapping of str to str, optional
        Admin-1 code to name ("UA.05" to "Donetsk Oblast"); a code without a name is shown.

    Returns
    -------
    tuple of (pandas.DataFrame, dict of int to int)
        The settlements within ``km`` (name, oblast, distance, population) and the totals
        per distance; an empty frame and no totals when nothing is near.
    """
    import pandas as pd

    if near is None or near.empty:
        return pd.DataFrame(columns=["name", "distance_km", "population"]), {}
    totals = {
        d: int(near.loc[near["distance_km"] <= d, "population"].fillna(0).sum())
        for d in NEAR_FRONT_TOTALS_KM
    }
    shown = near[near["distance_km"] <= km]
    cols = [c for c in ("name", "admin1_code", "distance_km", "population") if c in shown]
    table = pd.DataFrame(shown[cols])
    if "admin1_code" in table:
        names = oblast_names or {}
        codes = table.pop("admin1_code")
        table.insert(1, "oblast", [names.get(c, c) if isinstance(c, str) else "" for c in codes])
    return table, totals


def change_table(change: Any) -> Any:
    """Area gained and lost per source, class and oblast, as the Frontline page lists it.

    Rows with no change at all are left out (a class that did not move, in no oblast), and
    area outside every oblast polygon (at sea, beyond the simplified borders) is named so.

    Parameters
    ----------
    change : pandas.DataFrame
        ``geo.frontline.change.FrontlineDiff.frame()``.
    """
    moved = (change["gained_km2"].abs() >= 0.005) | (change["lost_km2"].abs() >= 0.005)
    table = change.loc[moved].drop(columns=["admin1_code"], errors="ignore")
    if "admin1_name" in table:
        table = table.assign(admin1_name=table["admin1_name"].fillna("outside the oblasts"))
        table = table.rename(columns={"admin1_name": "oblast"})
    return table.reset_index(drop=True)


def blank_missing(table: Any) -> Any:
    """A table for display: empty cells instead of "None" for missing text and figures.

    Whole-number figures (people, children, population) become text with thousands
    separators, since a grid shows a missing number as "None".
    """
    import pandas as pd

    out = table.copy()
    for col in out.columns:
        series = out[col]
        if col in _FIGURES:
            numbers = pd.to_numeric(series, errors="coerce")
            out[col] = [f"{int(v):,}" if pd.notna(v) else "" for v in numbers]
        elif not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)):
            out[col] = series.astype(object).where(series.notna(), "")
    return out


_FIGURES = frozenset({"people", "children", "population", "killed", "injured"})


def mentions_table(toponyms: Sequence[Any]) -> Any:
    """One row per place mention: where, how the text uses it, what it resolved to, how sure.

    Parameters
    ----------
    toponyms : sequence of geo.records.Toponym
        An article's stored mentions.

    Returns
    -------
    pandas.DataFrame
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "mention": t.surface,
                "offset": t.start,
                "role": t.role.value,
                "place": t.place.name if t.place else None,
                "kind": t.place.kind.value if t.place else None,
                "oblast": t.place.admin1_name if t.place else None,
                "country": t.place.country_code if t.place else None,
                "lat": round(t.place.lat, 4) if t.place else None,
                "lon": round(t.place.lon, 4) if t.place else None,
                "confidence": t.confidence,
                "corrected": t.corrected,
            }
            for t in toponyms
        ]
    )


def mention_label(t: Any) -> str:
    """How a mention is listed in the correction picker."""
    where = f"{t.place.name}, {t.place.country_code}" if t.place else "unresolved"
    return f"“{t.surface}” at {t.start} → {where}"


def candidate_label(c: Any) -> str:
    """How a candidate place is offered in the correction form: name, kind, region, where."""
    p = c.place
    bits = [p.name, p.kind.value.replace("_", " "), p.admin1_name or "", p.country_code or ""]
    pop = f"pop {p.population:,}" if p.population else ""
    return " · ".join(b for b in [*bits, pop, f"{p.lat:.3f}, {p.lon:.3f}"] if b)


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(text: object) -> str:
    """Stored text for a Streamlit markdown element, shown as written, never as markup.

    CommonMark lets a backslash escape any ASCII punctuation, so no link, emphasis, HTML,
    ``:emoji:`` or ``$math$`` can come from an article's title, URL or a file name.
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", str(text))


def highlighted(text: str, toponyms: Sequence[Any], selected: int | None = None) -> str:
    """The article as HTML with each place name marked; everything else escaped.

    Parameters
    ----------
    text : str
        The article text the mentions' offsets refer to.
    toponyms : sequence of geo.records.Toponym
        The mentions, in text order.
    selected : int, optional
        Index of the mention picked for correction; it is marked brighter.

    Notes
    -----
    A name that does not stand for a place (a demonym, an adjective, a name inside another
    name: ``not t.is_place``) is underlined with dots instead of filled, as it is not on the
    map; the tooltip names every role but the ordinary literal one.
    """
    out, pos = [], 0
    for k, t in enumerate(toponyms):
        out.append(html.escape(text[pos : t.start]))
        colour = "#ffd54f" if k == selected else ("#c8e6c9" if t.corrected else "#e3ecf7")
        style = (
            f"background:{colour};padding:0 2px"
            if t.is_place or k == selected or t.corrected
            else "background:none;border-bottom:2px dotted #8a94a6;padding:0 2px"
        )
        title = (
            f"{t.place.name} ({t.place.kind.value}, {t.place.country_code})"
            if t.place
            else "unresolved"
        )
        if t.role is not ToponymRole.LITERAL:
            title += f" · {t.role.value}"
        out.append(
            f'<mark style="{style}" title="{html.escape(title)}">{html.escape(t.surface)}</mark>'
        )
        pos = t.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div style="line-height:1.6;max-height:420px;overflow-y:auto">{body}</div>'
