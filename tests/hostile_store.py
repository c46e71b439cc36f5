"""A store whose every text field carries script and template payloads, for the UI tests.

The article's title, text (so its quotes), URL, a corrected place's name and the correction's
note, and a front-line file's properties all hold the same hostile text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

# Template syntax that compiles ({{ 7*7 }} would show 49), that does not ({{constructor...}},
# an unclosed {#), a script end, and two handlers that flag the page if they ever run.
PAYLOAD = (
    "{{constructor.constructor('alert(1)')()}} {{ 7*7 }} {% if 1 %}if{% endif %} {# c "
    "</script><script>window.__pwned='script'</script> <img src=x onerror=alert(1)> "
    "<img src=y onerror=\"window.__pwned='img'\">"
)
DAY = dt.date(2024, 9, 5)
TEXT = (
    f"{PAYLOAD}\n\nOn 5 September 2024 authorities evacuated 300 people from Pokrovsk, "
    f"{PAYLOAD} as the front came closer.\n"
)
URL = "https://example.org/{{x}}?q=<script>alert(1)</script>"


def _front_file(folder: Path) -> Path:
    ring = [[37.0, 48.0], [37.5, 48.0], [37.5, 48.5], [37.0, 48.5], [37.0, 48.0]]
    feature = {
        "type": "Feature",
        "properties": {"name": PAYLOAD, "class": "occupied", "date": "2024-09-01", "note": PAYLOAD},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    path = folder / "hostile_front.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def make_hostile_store(root: Path, gazetteer) -> Path:
    """Fill ``root`` with the hostile article, its correction and a front-line snapshot."""
    from geo.frontline.store import FrontlineStore
    from geo.pipeline import Pasted, apply_correction, ingest
    from geo.records import Correction, Place, PlaceKind
    from geo.store.sqlite import Store

    with Store(root) as store:
        (result,) = ingest(
            [Pasted(TEXT, title=PAYLOAD, url=URL)], store=store, published=DAY, gazetteer=gazetteer
        )
        assert result.article_id, result.message
        place = Place(
            place_id="pt:48.28000,37.18000",
            name=PAYLOAD,
            lat=48.28,
            lon=37.18,
            kind=PlaceKind.POINT,
            source="manual",
            country_code="UA",
        )
        apply_correction(
            store, Correction(surface="Pokrovsk", place=place, note=PAYLOAD), gazetteer=gazetteer
        )
        assert store.events(start=DAY, end=DAY), "the hostile article should give an event"
    FrontlineStore(root).import_file(_front_file(root.parent), source="hostile")
    return root
