from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from geo.errors import InputError
from geo.layers.build import (
    EVENT_COLUMNS,
    OBLAST_COLUMNS,
    PLACE_COLUMNS,
    evacuations_layer,
    events_layer,
    oblasts_layer,
    parse_roles,
    places_layer,
)
from geo.layers.columns import build_layers
from geo.records import (
    Article,
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)
from geo.store.sqlite import Store

SUDZHA = Place(
    "gn:482027",
    "Sudzha",
    51.19055,
    35.27082,
    PlaceKind.POPULATED_PLACE,
    country_code="RU",
    admin1_code="RU.41",
    admin1_name="Kursk",
    geonameid=482027,
    population=6940,
)
POKROVSK = Place(
    "gn:708869",
    "Pokrovsk",
    48.282,
    37.176,
    PlaceKind.POPULATED_PLACE,
    country_code="UA",
    admin1_code="UA.05",
    admin1_name="Donetsk",
    geonameid=708869,
    population=60127,
)
DONBAS = Place("rg:donbas", "Donbas", 48.0, 38.5, PlaceKind.REGION)
WARSAW = Place(
    "gn:756135",
    "Warsaw",
    52.23,
    21.01,
    PlaceKind.POPULATED_PLACE,
    country_code="PL",
    admin1_code="PL.78",
)

AUG = Article("a1", "August report", "text one", dt.date(2024, 8, 10), url="https://x.invalid/1")
SEP = Article("a2", "September report", "text two", dt.date(2024, 9, 5))
UNDATED = Article("a3", "Undated note", "text three", None)
RUSSIA = Place("cc:RU", "Russia", 61.5, 105.3, PlaceKind.COUNTRY, country_code="RU")
KYIV = Place("gn:703448", "Kyiv", 50.45466, 30.5238, PlaceKind.POPULATED_PLACE, country_code="UA")


def mention(
    surface: str,
    place: Place | None,
    confidence: float = 0.5,
    *,
    role: ToponymRole = ToponymRole.LITERAL,
) -> Toponym:
    return Toponym(0, len(surface), surface, place, confidence, role=role)


# "Russian forces shelled Sudzha; Kyiv said so, the Kyiv Independent reported, Kyiv is calm."
ROLE_MENTIONS = [
    (AUG, mention("Russian", RUSSIA, role=ToponymRole.ADJECTIVAL)),
    (AUG, mention("Sudzha", SUDZHA)),
    (AUG, mention("Kyiv", KYIV, role=ToponymRole.METONYMIC)),
    (AUG, mention("Kyiv", KYIV, role=ToponymRole.EMBEDDED)),
    (SEP, mention("Kyiv", KYIV)),
    (SEP, mention("Muscovites", RUSSIA, role=ToponymRole.DEMONYM)),
]


def event(
    n: int,
    place: Place,
    *,
    article: Article = AUG,
    start: dt.date = dt.date(2024, 8, 6),
    end: dt.date | None = None,
    event_type: EventType = EventType.OFFENSIVE,
    people: int | None = None,
) -> Event:
    return Event(
        event_id=f"e{n}",
        article_id=article.article_id,
        event_type=event_type,
        place=place,
        surface=place.name,
        date_start=start,
        date_end=end or start,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=f"Quote {n}.",
        people=people,
        confidence=0.75,
    )


def rows(gdf) -> dict[str, dict]:
    key = gdf.columns[0]
    return {r[key]: r for r in gdf.to_dict("records")}


# -- places ------------------------------------------------------------------------------------


def test_places_layer_aggregates_mentions_per_place() -> None:
    gdf = places_layer(
        [
            (AUG, mention("Sudzha", SUDZHA, 0.9)),
            (AUG, mention("Суджа", SUDZHA, 0.5)),
            (SEP, mention("Sudzha", SUDZHA, 0.7)),
            (SEP, mention("Pokrovsk", POKROVSK, 0.6)),
            (SEP, mention("Nowhere", None)),
        ]
    )
    assert list(gdf.columns) == [*PLACE_COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    got = rows(gdf)
    assert set(got) == {"gn:482027", "gn:708869"}
    s = got["gn:482027"]
    assert (s["mentions"], s["articles"]) == (3, 2)
    assert s["surface_forms"] == "Sudzha; Суджа"
    assert s["confidence"] == pytest.approx((0.9 + 0.5 + 0.7) / 3)
    assert (s["first_seen"], s["last_seen"]) == ("2024-08-10", "2024-09-05")
    assert (s["name"], s["kind"], s["admin1_code"], s["admin1"]) == (
        "Sudzha",
        "populated_place",
        "RU.41",
        "Kursk",
    )
    assert (s["geonameid"], s["population"]) == (482027, 6940)
    # shapely order is (lon, lat)
    assert (s["geometry"].x, s["geometry"].y) == (SUDZHA.lon, SUDZHA.lat)


def test_places_layer_keeps_nullable_ints_and_dates_null_when_unknown() -> None:
    gdf = places_layer([(UNDATED, mention("Donbas", DONBAS))])
    assert gdf["geonameid"].dtype == "Int64"
    assert gdf["population"].dtype == "Int64"
    assert gdf["geonameid"].isna().all() and gdf["population"].isna().all()
    assert gdf["first_seen"].isna().all() and gdf["last_seen"].isna().all()


def test_places_layer_filters_by_article_date_and_keeps_undated_articles() -> None:
    mentions = [
        (AUG, mention("Sudzha", SUDZHA)),
        (SEP, mention("Pokrovsk", POKROVSK)),
        (UNDATED, mention("Donbas", DONBAS)),
    ]
    gdf = places_layer(mentions, start=dt.date(2024, 9, 1), end=dt.date(2024, 9, 30))
    assert sorted(gdf["place_id"]) == ["gn:708869", "rg:donbas"]
    gdf = places_layer(mentions, end=dt.date(2024, 8, 10))
    assert sorted(gdf["place_id"]) == ["gn:482027", "rg:donbas"]


def test_places_layer_counts_only_place_roles_by_default() -> None:
    got = rows(places_layer(ROLE_MENTIONS))
    assert set(got) == {"gn:482027", "gn:703448"}  # no dot on Russia for "Russian forces"
    kyiv = got["gn:703448"]
    # the embedded "Kyiv" of "Kyiv Independent" is not counted
    assert (kyiv["mentions"], kyiv["articles"]) == (2, 2)
    assert kyiv["roles"] == "literal; metonymic"
    assert kyiv["surface_forms"] == "Kyiv"
    assert got["gn:482027"]["roles"] == "literal"


def test_places_layer_includes_other_roles_when_asked() -> None:
    got = rows(places_layer(ROLE_MENTIONS, roles=["all"]))
    assert set(got) == {"gn:482027", "gn:703448", "cc:RU"}
    assert got["gn:703448"]["mentions"] == 3
    assert got["gn:703448"]["roles"] == "literal; metonymic; embedded"
    assert got["cc:RU"]["roles"] == "demonym; adjectival"
    assert got["cc:RU"]["surface_forms"] == "Muscovites; Russian"
    only = rows(places_layer(ROLE_MENTIONS, roles=[ToponymRole.ADJECTIVAL, "embedded"]))
    assert {k: v["roles"] for k, v in only.items()} == {
        "cc:RU": "adjectival",
        "gn:703448": "embedded",
    }


def test_places_layer_with_an_unknown_role_raises_input_error() -> None:
    with pytest.raises(InputError, match="'figurative' is not a toponym role"):
        places_layer(ROLE_MENTIONS, roles=["literal", "figurative"])


def test_parse_roles_reads_names_members_and_all() -> None:
    assert parse_roles([" Literal", ToponymRole.DEMONYM]) == {
        ToponymRole.LITERAL,
        ToponymRole.DEMONYM,
    }
    assert parse_roles(["all"]) == set(ToponymRole)
    with pytest.raises(InputError, match="No toponym role"):
        parse_roles(["", " "])


def test_places_layer_of_nothing_is_empty_with_schema_and_crs() -> None:
    gdf = places_layer([])
    assert len(gdf) == 0
    assert list(gdf.columns) == [*PLACE_COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    assert {c: str(gdf[c].dtype) for c in PLACE_COLUMNS} == PLACE_COLUMNS


# -- events ------------------------------------------------------------------------------------


def test_events_layer_has_schema_provenance_and_lon_lat_points() -> None:
    events = [event(1, SUDZHA, people=200), event(2, POKROVSK, article=SEP)]
    gdf = events_layer(events, {AUG.article_id: AUG, SEP.article_id: SEP})
    assert list(gdf.columns) == [*EVENT_COLUMNS, "geometry"]
    assert {c: str(gdf[c].dtype) for c in EVENT_COLUMNS} == EVENT_COLUMNS
    assert gdf.crs.to_epsg() == 4326
    got = rows(gdf)
    e1 = got["e1"]
    assert (e1["location"], e1["admin1"], e1["admin1_code"], e1["country_code"]) == (
        "Sudzha",
        "Kursk",
        "RU.41",
        "RU",
    )
    assert (e1["source"], e1["url"], e1["quote"]) == ("August report", AUG.url, "Quote 1.")
    assert (e1["date_start"], e1["date_end"]) == ("2024-08-06", "2024-08-06")
    assert (e1["event_type"], e1["date_precision"], e1["geo_precision"]) == (
        "offensive",
        "day",
        "settlement",
    )
    assert e1["people"] == 200 and pd.isna(e1["children"])
    assert pd.isna(got["e2"]["url"])
    assert (got["e2"]["geometry"].x, got["e2"]["geometry"].y) == (POKROVSK.lon, POKROVSK.lat)


def test_events_layer_carries_status_claimant_casualties_and_acled_labels() -> None:
    claimed = dataclasses.replace(
        event(1, SUDZHA, event_type=EventType.ATTACK),
        quote="Russian drones struck Sudzha, killing two people, the governor said.",
        status=EventStatus.CLAIMED,
        claimed_by="the governor",
        killed=2,
        injured=0,
        figures_text="killing two people",
    )
    own = dataclasses.replace(
        event(2, POKROVSK), acled_event_type="Battles", acled_sub_event_type="Armed clash"
    )
    evac = event(3, POKROVSK, event_type=EventType.EVACUATION, people=300)
    gdf = events_layer([claimed, own, evac], {})
    got = rows(gdf)
    e1 = got["e1"]
    assert (e1["status"], e1["claimed_by"], e1["killed"], e1["injured"]) == (
        "claimed",
        "the governor",
        2,
        0,
    )
    assert e1["figures_text"] == "killing two people"
    # No labels of its own: read from its cues (a drone strike).
    assert (e1["acled_event_type"], e1["acled_sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (got["e2"]["acled_event_type"], got["e2"]["acled_sub_event_type"]) == (
        "Battles",
        "Armed clash",
    )
    e3 = got["e3"]
    assert (e3["status"], e3["acled_event_type"], e3["acled_sub_event_type"]) == (
        "happened",
        "Strategic developments",
        "Evacuation",
    )
    assert pd.isna(e3["killed"]) and pd.isna(e3["claimed_by"]) and pd.isna(e3["figures_text"])
    evac_layer = evacuations_layer(gdf)
    assert list(evac_layer["event_id"]) == ["e3"]
    assert {"killed", "injured", "status", "claimed_by", "acled_event_type"} <= set(
        evac_layer.columns
    )


def test_events_layer_of_unknown_article_has_null_source() -> None:
    gdf = events_layer([event(1, SUDZHA)], {})
    assert pd.isna(gdf.loc[0, "source"]) and pd.isna(gdf.loc[0, "url"])


def test_events_layer_filters_with_overlap_semantics() -> None:
    events = [
        event(1, SUDZHA, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)),
        event(2, POKROVSK, start=dt.date(2024, 9, 10)),
    ]
    ids = lambda **kw: list(events_layer(events, {}, **kw)["event_id"])  # noqa: E731
    assert ids(start=dt.date(2024, 8, 15), end=dt.date(2024, 8, 15)) == ["e1"]
    assert ids(start=dt.date(2024, 8, 31), end=dt.date(2024, 9, 10)) == ["e1", "e2"]
    assert ids(start=dt.date(2024, 9, 1)) == ["e2"]
    assert ids(end=dt.date(2024, 7, 31)) == []


def test_events_layer_rejects_start_after_end() -> None:
    with pytest.raises(InputError, match="after end"):
        events_layer([], {}, start=dt.date(2024, 2, 1), end=dt.date(2024, 1, 1))


def test_events_layer_of_nothing_is_empty_with_schema_and_crs() -> None:
    gdf = events_layer([], {})
    assert len(gdf) == 0
    assert list(gdf.columns) == [*EVENT_COLUMNS, "geometry"]
    assert {c: str(gdf[c].dtype) for c in EVENT_COLUMNS} == EVENT_COLUMNS
    assert gdf.crs.to_epsg() == 4326


# -- oblasts and evacuations ------------------------------------------------------------------


def test_oblasts_layer_counts_events_per_admin1_and_keeps_empty_units() -> None:
    events = events_layer(
        [event(1, POKROVSK), event(2, POKROVSK), event(3, SUDZHA), event(4, DONBAS)], {}
    )
    gdf = oblasts_layer(events)
    assert list(gdf.columns) == [*OBLAST_COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    counts = dict(zip(gdf["code"], gdf["events"], strict=True))
    assert counts["UA.05"] == 2
    assert counts["RU.41"] == 1
    assert counts["UA.14"] == 0  # Luhansk: drawn for context, no events
    assert gdf["events"].sum() == 3  # the region-level event has no admin-1 unit
    assert set(gdf["country_code"]) == {"UA", "RU"}
    assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}


def test_oblasts_layer_adds_countries_that_have_events() -> None:
    gdf = oblasts_layer(events_layer([event(1, WARSAW)], {}))
    assert set(gdf["country_code"]) == {"UA", "RU", "PL"}


def test_oblasts_layer_with_explicit_countries_draws_only_those() -> None:
    gdf = oblasts_layer(events_layer([event(1, SUDZHA)], {}), countries=["ua"])
    assert set(gdf["country_code"]) == {"UA"}
    assert gdf["events"].sum() == 0


def test_oblasts_layer_without_events_still_draws_ukraine_and_russia() -> None:
    gdf = oblasts_layer(events_layer([], {}))
    assert set(gdf["country_code"]) == {"UA", "RU"}
    assert (gdf["events"] == 0).all()


def test_evacuations_layer_keeps_evacuation_and_displacement_only() -> None:
    events = events_layer(
        [
            event(1, SUDZHA, event_type=EventType.EVACUATION),
            event(2, SUDZHA, event_type=EventType.ATTACK),
            event(3, POKROVSK, event_type=EventType.DISPLACEMENT),
        ],
        {},
    )
    gdf = evacuations_layer(events)
    assert list(gdf["event_id"]) == ["e1", "e3"]
    assert list(gdf.columns) == list(events.columns)
    assert list(gdf.index) == [0, 1]
    assert gdf.crs.to_epsg() == 4326


def test_evacuations_layer_of_empty_events_is_empty_with_schema() -> None:
    gdf = evacuations_layer(events_layer([], {}))
    assert len(gdf) == 0 and list(gdf.columns) == [*EVENT_COLUMNS, "geometry"]


# -- from the store ----------------------------------------------------------------------------


def test_build_layers_reads_the_store_and_applies_the_date_range(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        store.add(
            AUG,
            [mention("Sudzha", SUDZHA)],
            [event(1, SUDZHA, event_type=EventType.EVACUATION)],
        )
        store.add(
            SEP,
            [
                mention("Pokrovsk", POKROVSK),
                mention("Russian", RUSSIA, role=ToponymRole.ADJECTIVAL),
            ],
            [event(2, POKROVSK, article=SEP, start=dt.date(2024, 9, 3))],
        )
        everything = build_layers(store)
        september = build_layers(store, start=dt.date(2024, 9, 1), end=dt.date(2024, 9, 30))
    assert set(everything) == {"places", "events", "oblasts", "evacuations"}
    assert sorted(everything["events"]["event_id"]) == ["e1", "e2"]
    assert sorted(everything["places"]["place_id"]) == ["gn:482027", "gn:708869"]
    assert list(everything["evacuations"]["event_id"]) == ["e1"]
    assert everything["events"].set_index("event_id").loc["e1", "source"] == "August report"
    assert list(september["events"]["event_id"]) == ["e2"]
    assert list(september["places"]["place_id"]) == ["gn:708869"]
    assert len(september["evacuations"]) == 0
    counts = dict(zip(september["oblasts"]["code"], september["oblasts"]["events"], strict=True))
    assert (counts["UA.05"], counts["RU.41"]) == (1, 0)
    assert all(gdf.crs.to_epsg() == 4326 for gdf in september.values())


def test_build_layers_gives_stored_events_without_labels_the_labels_of_their_cues(
    tmp_path: Path,
) -> None:
    from geo.events.acled import acled_labels

    strike = dataclasses.replace(
        event(1, SUDZHA, event_type=EventType.ATTACK),
        quote="Russian drones struck Sudzha, killing two people, the governor said.",
        status=EventStatus.CLAIMED,
        killed=2,
    )
    shelling = dataclasses.replace(
        event(2, POKROVSK, event_type=EventType.ATTACK), quote="Artillery shelled Pokrovsk."
    )
    evac = event(3, POKROVSK, event_type=EventType.EVACUATION)
    stored = [strike, shelling, evac]
    assert all(e.acled_sub_event_type == "" for e in stored)  # stored before labels existed
    with Store(tmp_path / "store") as store:
        store.add(AUG, [mention("Sudzha", SUDZHA)], stored)
        layer = build_layers(store)["events"].set_index("event_id")
    for e in stored:
        got = tuple(layer.loc[e.event_id, ["acled_event_type", "acled_sub_event_type"]])
        assert got == acled_labels(e), e.event_id
    assert layer.loc["e1", "acled_sub_event_type"] == "Air/drone strike"


def test_build_layers_of_an_empty_store_gives_empty_point_layers(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        layers = build_layers(store)
    assert len(layers["events"]) == len(layers["places"]) == len(layers["evacuations"]) == 0
    assert len(layers["oblasts"]) > 0
