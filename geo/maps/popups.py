"""What the map's features carry and show: escaped popup fields and the browser-side JS.

Popups are assembled in the browser from short property keys, only when one is opened.
Stored text reaches the page only through :func:`_esc` (HTML) or :func:`_js_json` (script).
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

from geo.maps.style import _EVENT_STYLE, _ICON_PX, _clean, _label, symbol_svg

_QUOTE_MAX = 600


# branca renders each map element's script and then compiles that output as a Jinja template
# (MacroElement.render wraps it in Element(...)), so any "{{", "{%" or "{#" in stored text
# would be read as template code: braces leave here as entities or JSON escapes.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def _esc(value: Any) -> str:
    """Escape text for an HTML text node: ``<>&`` and the braces a template would read.

    Quotes are left alone: they are safe in a text node.
    """
    return html.escape(str(value), quote=False).translate(_BRACES)


def _js_json(obj: Any) -> str:
    r"""JSON that is safe inside a ``<script>`` element and inside a Jinja template.

    No ``</script>``, no entities, and no ``{{``, ``{%`` or ``{#``: outside strings JSON never
    writes those, so each is inside a string, where ``\u007b`` reads as ``{``.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, code)
    text = _JINJA_OPEN.sub(lambda _: "\\u007b", text)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _fmt_date(value: Any) -> str:
    value = _clean(value)
    if value is None:
        return ""
    iso = getattr(value, "isoformat", None)
    return (iso() if callable(iso) else str(value))[:10]


def _fmt_count(value: Any) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return _esc(value)


def _link(url: Any, title: Any) -> str:
    """A source as HTML: a link (new tab) for http(s) URLs, escaped text otherwise."""
    url, title = _clean(url), _clean(title)
    text = _esc(title) if title else None
    if url and str(url).strip().lower().startswith(("http://", "https://")):
        href = html.escape(str(url).strip(), quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text or href}</a>'
    return " · ".join(p for p in (text, _esc(url) if url else None) if p)


def _column(gdf: Any, name: str) -> list[Any]:
    return gdf[name].tolist() if name in gdf.columns else [None] * len(gdf)


_EVENT_COLUMNS = (
    "event_type", "date_start", "date_end", "location", "admin1", "people", "children",
    "quote", "source", "url", "geo_precision", "killed", "injured", "status", "claimed_by",
)  # fmt: skip


def _casualties(killed: Any, injured: Any) -> str | None:
    """Casualties as "2 killed, 5 injured": an unstated figure is left out, a stated 0 shown."""
    parts = [
        f"{n} {word}"
        for n, word in ((_fmt_count(killed), "killed"), (_fmt_count(injured), "injured"))
        if n is not None
    ]
    return ", ".join(parts) or None


def _status(status: Any, claimed_by: Any) -> str | None:
    """How the report presents the event, when not as plain fact: "Claimed by X"."""
    status, who = _clean(status), _clean(claimed_by)
    if status is None or str(status) == "happened":
        return None
    if str(status) == "claimed":
        return f"Claimed by {_esc(who)}" if who else "Claimed"
    if str(status) == "attempted":
        return "Attempted or under way"
    return _esc(status)


def _event_props(gdf: Any) -> tuple[list[dict], list[str]]:
    """Per-event popup fields (escaped text) and the table of distinct source links.

    Fields: ``t`` type, ``d`` dates, ``w`` where, ``c`` status when not plain fact ("Claimed
    by ..."), ``k`` casualties ("2 killed, 5 injured"), ``n`` people/children, ``q`` the
    quoted sentence, ``s`` index into the sources table (an article's link is stored once,
    not once per event). The browser assembles the popup only when it is opened.
    """
    sources: dict[str, int] = {}
    props = []
    cols = [_column(gdf, c) for c in _EVENT_COLUMNS]
    for (
        etype, start, end, location, admin1, people, children, quote, source, url, geo,
        killed, injured, status, claimed_by,
    ) in zip(*cols, strict=True):  # fmt: skip
        d0, d1 = _fmt_date(start), _fmt_date(end)
        p: dict[str, Any] = {
            "t": _esc(etype),
            "d": _esc(d0 if not d1 or d0 == d1 else f"{d0} – {d1}"),
        }
        where = ", ".join(_esc(v) for v in (_clean(location), _clean(admin1)) if v)
        if _clean(geo) and str(geo) != "settlement":
            where += f" ({_esc(geo)} precision)"
        if where:
            p["w"] = where
        if claim := _status(status, claimed_by):
            p["c"] = claim
        counts = [
            f"{label}: {n}"
            for label, n in (("People", _fmt_count(people)), ("children", _fmt_count(children)))
            if n is not None
        ]
        if counts:
            p["n"] = "; ".join(counts)
        if casualties := _casualties(killed, injured):
            p["k"] = casualties
        text = _clean(quote)
        if text:
            text = str(text)
            if len(text) > _QUOTE_MAX:
                text = text[: _QUOTE_MAX - 1].rstrip() + "…"
            p["q"] = _esc(text)
        link = _link(url, source)
        if link:
            p["s"] = sources.setdefault(link, len(sources))
        props.append(p)
    return props, list(sources)


def _place_props(gdf: Any) -> list[dict]:
    """Per-place fields: ``n`` name, ``m`` mentions, ``r`` radius, ``x`` popup lines."""
    cols = (
        "name", "admin1", "country_code", "population", "mentions", "articles",
        "surface_forms", "first_seen", "last_seen",
    )  # fmt: skip
    props = []
    for name, admin1, cc, pop, mentions, articles, forms, first, last in zip(
        *(_column(gdf, c) for c in cols), strict=True
    ):
        lines = []
        where = ", ".join(_esc(v) for v in (_clean(admin1), _clean(cc)) if v)
        if where:
            lines.append(where)
        if (n := _fmt_count(pop)) is not None:
            lines.append(f"Population: {n}")
        m = _clean(mentions)
        if m is not None:
            a = _fmt_count(articles)
            lines.append(f"Mentions: {_fmt_count(m)}" + (f" in {a} article(s)" if a else ""))
        if _clean(forms):
            lines.append(f"Named as: {_esc(forms)}")
        seen = list(dict.fromkeys(d for d in (_fmt_date(first), _fmt_date(last)) if d))
        if seen:
            lines.append("Seen: " + " – ".join(seen))
        radius = 3.0 + min(4.0, math.log2(1.0 + float(m))) if m else 3.0
        p: dict[str, Any] = {"n": _esc(_clean(name) or "?"), "r": round(radius, 1), "x": lines}
        if m is not None:
            p["m"] = int(m)
        props.append(p)
    return props


_TIP_ONLY = """function(feature, layer) {
    layer.bindTooltip(feature.properties.tip, {sticky: true});
}"""


def _event_popup_js(sources: list[str]) -> str:
    labels = {t: _label(t) for t in _EVENT_STYLE} | {"other": "Event"}
    return (
        "(function() {\n"
        f"    var LABEL = {_js_json(labels)}, SRC = {_js_json(sources)};\n"
        "    function popup(p) {\n"
        "        var h = '<div class=\"geo-popup\"><b>' + (LABEL[p.t] || LABEL.other) + '</b>';\n"
        "        if (p.d) { h += ' \u00b7 ' + p.d; }\n"
        "        if (p.w) { h += '<br>' + p.w; }\n"
        "        if (p.c) { h += '<br>' + p.c; }\n"
        "        if (p.k) { h += '<br>' + p.k; }\n"
        "        if (p.n) { h += '<br>' + p.n; }\n"
        "        if (p.q) { h += '<br><i>' + p.q + '</i>'; }\n"
        "        if (p.s != null && SRC[p.s]) { h += '<br>Source: ' + SRC[p.s]; }\n"
        "        return h + '</div>';\n"
        "    }\n"
        "    return function(feature, layer) {\n"
        "        var p = feature.properties;\n"
        "        layer.bindPopup(function() { return popup(p); }, {maxWidth: 360});\n"
        "    };\n"
        "})()"
    )


_PLACE_POPUP_JS = """function(feature, layer) {
    var p = feature.properties;
    var tip = '<b>' + p.n + '</b>';
    if (p.m != null) { tip += ' \u00b7 ' + p.m + (p.m === 1 ? ' mention' : ' mentions'); }
    layer.bindTooltip(tip, {sticky: true});
    layer.bindPopup(function() {
        return '<div class="geo-popup"><b>' + p.n + '</b><br>' + p.x.join('<br>') + '</div>';
    }, {maxWidth: 320});
}"""


def _event_point_js() -> str:
    table = {t: {"html": symbol_svg(t), "label": _label(t)} for t in [*_EVENT_STYLE, "other"]}
    half = _ICON_PX // 2
    return (
        "(function() {\n"
        f"    var S = {_js_json(table)};\n"
        "    var icons = {};\n"
        "    return function(feature, latlng) {\n"
        "        var t = S[feature.properties.t] ? feature.properties.t : 'other';\n"
        "        var icon = icons[t] || (icons[t] = L.divIcon({html: S[t].html,"
        f" className: 'geo-event geo-event-' + t, iconSize: [{_ICON_PX}, {_ICON_PX}],"
        f" iconAnchor: [{half}, {half}], popupAnchor: [0, -{half}]}}));\n"
        "        return L.marker(latlng, {icon: icon, title: S[t].label, riseOnHover: true});\n"
        "    };\n"
        "})()"
    )


def _circle_point_js(base: dict, by_type: dict[str, dict] | None = None) -> str:
    return (
        "(function() {\n"
        f"    var B = {_js_json(base)}, T = {_js_json(by_type or {})};\n"
        "    return function(feature, latlng) {\n"
        "        var p = feature.properties;\n"
        "        var o = Object.assign({}, B, T[p.t] || {}, {radius: p.r});\n"
        "        if (p.u) { o.dashArray = '3 3'; o.fillOpacity = 0.2; }\n"
        "        return L.circleMarker(latlng, o);\n"
        "    };\n"
        "})()"
    )
