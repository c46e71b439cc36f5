"""Time and memory of building the map layers from 10,000 synthetic events.

Usage: python benchmarks/bench_layers.py [n_events]
With GEO_BENCH_STORE=postgresql://.../db?schema=NEW the store part runs on PostGIS instead of
a temporary SQLite folder (give a schema that does not exist yet).
Prints wall times for events_layer, places_layer, oblasts_layer, evacuations_layer and
build_layers (through a real temporary store), plus peak traced Python memory and the
resident set size of the process.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.layers.build import (
    evacuations_layer,
    events_layer,
    oblasts_layer,
    places_layer,
)
from geo.layers.columns import build_layers
from geo.records import (
    Article,
    DatePrecision,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
)
from geo.store.base import open_store

UA_CODES = [f"UA.{n:02d}" for n in range(1, 28)]


def synthetic_articles(n_events: int, *, per_article: int = 20, seed: int = 7):
    """``(article, toponyms, events)`` per synthetic article, ``n_events`` events in all.

    A generator, so a million events never sit in memory as records at once.
    """
    rng = random.Random(seed)
    places = [
        Place(
            place_id=f"gn:{i}",
            name=f"Place {i}",
            lat=rng.uniform(44.5, 52.0),
            lon=rng.uniform(22.5, 40.0),
            kind=PlaceKind.POPULATED_PLACE,
            country_code="UA",
            admin1_code=rng.choice(UA_CODES),
            admin1_name="Somewhere",
            geonameid=i,
            population=rng.randint(100, 1_000_000),
        )
        for i in range(2_000)
    ]
    types = list(EventType)
    day0 = dt.date(2022, 2, 24)
    left = n_events
    for a in range(max(1, n_events // per_article)):
        published = day0 + dt.timedelta(days=rng.randint(0, 900))
        article = Article(f"art{a:06d}", f"Report {a}", "x" * 2_000, published)
        toponyms, events = [], []
        for k in range(per_article):
            place = rng.choice(places)
            start = published - dt.timedelta(days=rng.randint(0, 30))
            toponyms.append(Toponym(k * 10, k * 10 + 5, place.name, place, 0.8))
            events.append(
                Event(
                    event_id=f"art{a:06d}-{k}",
                    article_id=article.article_id,
                    event_type=rng.choice(types),
                    place=place,
                    surface=place.name,
                    date_start=start,
                    date_end=start + dt.timedelta(days=rng.choice([0, 0, 6, 30])),
                    date_precision=DatePrecision.DAY,
                    geo_precision=GeoPrecision.SETTLEMENT,
                    quote="A sentence of moderate length that quotes what the article said.",
                    people=rng.choice([None, 10, 250]),
                )
            )
        yield article, toponyms, events[: max(0, left)]
        left -= len(events)


def synthetic(n_events: int, *, per_article: int = 20, seed: int = 7):
    """Articles, ``(article, toponym)`` mentions and events of ``synthetic_articles``."""
    articles, mentions, events = [], [], []
    for article, toponyms, evs in synthetic_articles(n_events, per_article=per_article, seed=seed):
        articles.append(article)
        mentions.extend((article, t) for t in toponyms)
        events.extend(evs)
    return articles, mentions, events


def bulk_store(store, n_events: int, *, batch: int = 500) -> None:
    """Write ``synthetic_articles(n_events)`` to a store, ``batch`` articles per commit.

    Streams: memory stays flat at any size (a million events in a few minutes).
    """
    group = []
    for item in synthetic_articles(n_events):
        group.append(item)
        if len(group) >= batch:
            store.add_batch(group)
            group = []
    if group:
        store.add_batch(group)


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    print(f"{label:<34} {time.perf_counter() - t0:8.3f} s")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    articles, mentions, events = synthetic(n)
    by_id = {a.article_id: a for a in articles}
    print(f"{len(events)} events, {len(mentions)} mentions, {len(articles)} articles")

    timed("import geopandas + boundaries", lambda: oblasts_layer(events_layer([], {})))
    ev = timed("events_layer", lambda: events_layer(events, by_id))
    timed(
        "events_layer (date range)",
        lambda: events_layer(events, by_id, start=dt.date(2023, 1, 1), end=dt.date(2023, 6, 30)),
    )
    timed("places_layer", lambda: places_layer(mentions))
    timed("oblasts_layer", lambda: oblasts_layer(ev))
    timed("evacuations_layer", lambda: evacuations_layer(ev))
    # Memory in a second pass: tracing slows the timed code down several-fold.
    tracemalloc.start()
    oblasts_layer(evacuations_layer(events_layer(events, by_id)))
    places_layer(mentions)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory (layers)        {peak / 2**20:8.1f} MiB")
    print(f"events layer memory (deep)         {ev.memory_usage(deep=True).sum() / 2**20:8.1f} MiB")

    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(os.environ.get("GEO_BENCH_STORE") or Path(tmp) / "store") as store,
    ):
        topos: dict[str, list] = {a.article_id: [] for a in articles}
        evs: dict[str, list] = {a.article_id: [] for a in articles}
        for art, t in mentions:
            topos[art.article_id].append(t)
        for e in events:
            evs[e.article_id].append(e)
        t0 = time.perf_counter()
        for a in articles:
            store.add(a, topos[a.article_id], evs[a.article_id])
        print(f"{'store: ingest (one txn/article)':<34} {time.perf_counter() - t0:8.3f} s")
        timed("store.events() (all)", store.events)
        layers = timed("build_layers (all)", lambda: build_layers(store))
        timed(
            "build_layers (one month)",
            lambda: build_layers(store, start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31)),
        )
    print({k: len(v) for k, v in layers.items()})
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS                    {rss:8.1f} MiB")


if __name__ == "__main__":
    main()
