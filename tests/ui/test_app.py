"""The dashboard headless (streamlit AppTest): every page runs, the range filters, the URL
restores the view. Map content itself is checked in test_maps.py and in the browser test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import ROOT

pytest.importorskip("streamlit.testing.v1")
from streamlit.testing.v1 import AppTest

PAGES = ["timeline.py", "evacuations.py", "articles.py", "frontline.py", "export.py"]
MARCH_2022 = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
AUG_SEP_2024 = (dt.date(2024, 8, 1), dt.date(2024, 9, 30))


@pytest.fixture(scope="module")
def app_store(tmp_path_factory, seed_path, gazetteer):
    from geo.pipeline import ingest
    from geo.store.sqlite import Store

    root = tmp_path_factory.mktemp("app") / "store"
    with Store(root) as store:
        ingest([seed_path, ROOT / "data" / "samples"], store=store, gazetteer=gazetteer)
    return root


@pytest.fixture()
def app(app_store, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(app_store))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


def _page(name):
    return str(ROOT / "app_pages" / name)


def _metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_map_page_loads_with_the_full_corpus_range(app):
    app.run()
    assert not app.exception
    start, end = app.slider(key="date_range").value
    assert start <= dt.date(2022, 3, 29) and end >= dt.date(2024, 9, 5)
    assert int(_metric(app, "Events")) > 5
    assert app.query_params["start"] == start.isoformat()


def test_moving_the_slider_filters_and_updates_the_url(app):
    app.run()
    all_events = int(_metric(app, "Events"))
    app.slider(key="date_range").set_value(MARCH_2022).run()
    assert not app.exception
    march = int(_metric(app, "Events"))
    assert 0 < march < all_events
    assert app.query_params["start"] == "2022-03-01" and app.query_params["end"] == "2022-03-31"


def test_opening_a_shared_url_restores_the_range(app):
    app.query_params["start"] = "2024-08-01"
    app.query_params["end"] = "2024-09-30"
    app.run()
    assert not app.exception
    assert app.slider(key="date_range").value == AUG_SEP_2024


def test_a_bad_url_date_falls_back_to_the_full_range(app):
    app.query_params["start"] = "not-a-date"
    app.run()
    assert not app.exception
    assert app.slider(key="date_range").value[0] <= dt.date(2022, 3, 29)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(app, page):
    app.run()
    app.switch_page(_page(page)).run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.header  # every page says what it shows


def test_timeline_table_follows_the_range(app):
    app.run()
    app.session_state["date_range"] = MARCH_2022
    app.switch_page(_page("timeline.py")).run()
    table = app.dataframe[0].value
    assert len(table) > 0
    assert set(table["date"].str[:7]) <= {"2022-03"}
    assert "Istanbul" in set(table["place"])
    assert "Pokrovsk" not in set(table["place"])


def test_evacuations_page_sums_reported_figures(app):
    app.run()
    app.session_state["date_range"] = AUG_SEP_2024
    app.switch_page(_page("evacuations.py")).run()
    assert int(_metric(app, "People (reported)").replace(",", "")) >= 26000
    assert "Pokrovsk" in set(app.dataframe[0].value["place"])


def test_export_page_offers_a_geojson_download_per_layer(app):
    app.run()
    app.switch_page(_page("export.py")).run()
    labels = [b.proto.label for b in app.get("download_button")]
    for layer in ("places", "events", "oblasts", "evacuations"):
        assert f"Download {layer} GeoJSON" in labels
    assert "Download events in ACLED's layout (CSV)" in labels
    assert not app.exception


def test_adding_an_article_with_a_bad_upload_shows_an_error_not_a_traceback(app):
    app.run()
    app.switch_page(_page("articles.py")).run()
    app.text_area[0].set_value("   ")
    app.button[0].click().run()
    assert not app.exception
    assert any("Nothing to add" in e.value for e in app.error)


def test_adding_a_pasted_article_stores_it(app, app_store):
    from geo.store.sqlite import Store

    app.run()
    app.switch_page(_page("articles.py")).run()
    before = len(Store(app_store).articles())
    app.text_area[0].set_value("Drones struck Sumy on Monday, officials said. Written for a test.")
    app.date_input[0].set_value(dt.date(2024, 9, 10))
    app.button[0].click().run()
    assert not app.exception
    assert any("Added" in s.value for s in app.success)
    assert len(Store(app_store).articles()) == before + 1


def test_sample_articles_can_be_removed_from_the_articles_page(app_store, monkeypatch, tmp_path):
    import shutil

    from geo.store.sqlite import Store

    own = tmp_path / "own-store"  # this test deletes articles: never from the shared store
    shutil.copytree(app_store, own)
    monkeypatch.setenv("GEO_STORE", str(own))
    app_store = own
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(_page("articles.py")).run()
    before = len(Store(app_store).articles())
    app.button(key="remove_samples").click().run()
    assert not app.exception
    assert any("Removed" in s.value for s in app.success)
    after = Store(app_store).articles()
    assert 0 < len(after) < before  # the seed article stays, the samples go
    assert all("samples" not in (a.source_path or "") for a in after)


def test_evacuations_show_their_distance_to_the_front(app_store, monkeypatch, tmp_path):
    import shutil

    from geo.frontline.store import FrontlineStore

    own = tmp_path / "own-store"
    shutil.copytree(app_store, own)
    snapshot = ROOT / "tests" / "data" / "frontline" / "deepstate_style_20240301.geojson"
    FrontlineStore(own).import_file(snapshot, date=dt.date(2024, 8, 1), source="fixture")
    monkeypatch.setenv("GEO_STORE", str(own))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.session_state["date_range"] = AUG_SEP_2024
    app.switch_page(_page("evacuations.py")).run()
    assert not app.exception
    table = app.dataframe[0].value
    pokrovsk = table[table["place"] == "Pokrovsk"]
    assert "km_to_front" in table.columns and len(pokrovsk)
    # The synthetic control area spans 37.0-37.6 E near 48 N; Pokrovsk (37.18 E) is near it.
    assert pokrovsk["km_to_front"].notna().all() and (pokrovsk["km_to_front"] < 60).all()


def test_articles_page_shows_each_mentions_role_and_filters_by_role(app):
    app.run()
    app.switch_page(_page("articles.py")).run()
    assert not app.exception
    table = app.dataframe[0].value
    assert "role" in table.columns
    assert set(table["role"]) <= {"literal", "metonymic", "demonym", "adjectival", "embedded"}
    # The first sample article (on the Belarusian border) has literal and adjectival names.
    assert {"literal", "adjectival"} <= set(table["role"])
    roles = next(m for m in app.multiselect if m.label == "Roles")
    roles.set_value(["literal"]).run()
    assert not app.exception
    filtered = app.dataframe[0].value
    assert set(filtered["role"]) == {"literal"}
    assert len(filtered) == (table["role"] == "literal").sum()


def test_saving_a_correction_on_the_articles_page_updates_the_store(
    app_store, monkeypatch, tmp_path
):
    import shutil

    from geo.store.sqlite import Store

    own = tmp_path / "own-store"  # this test writes a correction: never to the shared store
    shutil.copytree(app_store, own)
    monkeypatch.setenv("GEO_STORE", str(own))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(_page("articles.py")).run()
    app.radio[0].set_value(len(app.radio[0].options) - 1)  # "Somewhere else: coordinates"
    app.number_input[0].set_value(48.5)
    app.number_input[1].set_value(37.5)
    next(b for b in app.button if b.label == "Save correction").click().run()
    assert not app.exception
    assert any("Saved" in s.value for s in app.success)
    fixed = [t for _, t in Store(own).mentions() if t.corrected]
    assert len(fixed) == 1 and (fixed[0].lat, fixed[0].lon) == (48.5, 37.5)


def test_adding_article_links_fetches_and_stores_them(app, app_store, site):
    # Only the test's own server on 127.0.0.1 is asked; a path typed in the box is refused.
    from geo.store.sqlite import Store

    app.run()
    app.switch_page(_page("articles.py")).run()
    before = len(Store(app_store).articles())
    links = f"{site.url('/news/kherson.html')}\n{site.url('/missing.html')}\n/etc/passwd"
    app.text_area(key="links").set_value(links)
    app.button[1].click().run()
    assert not app.exception
    assert any("Added “Shelling hits Kherson”" in s.value for s in app.success)
    errors = [e.value for e in app.error]
    assert any("HTTP 404" in e for e in errors)
    assert any("/etc/passwd: not a web address" in e for e in errors)
    assert len(Store(app_store).articles()) == before + 1
    assert [path for path, _ in site.requests] == ["/news/kherson.html", "/missing.html"]


def test_an_imported_acled_file_is_a_source_the_sidebar_filters(app_store, monkeypatch, tmp_path):
    import shutil

    from geo.pipeline import Upload, import_events
    from geo.store.sqlite import Store
    from tests.events.test_datasets import ACLED_HEADER, _csv, acled_rows

    root = tmp_path / "store"
    shutil.copytree(app_store, root)
    with Store(root) as store:
        data = _csv(ACLED_HEADER, acled_rows(200))
        import_events(Upload("acled.csv", data), fmt="acled", store=store)
    monkeypatch.setenv("GEO_STORE", str(root))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(_page("timeline.py")).run()
    assert not at.exception
    sources = at.dataframe[0].value["dataset"].value_counts().to_dict()
    assert sources["ACLED"] == 200 and sources["articles"] > 5
    at.multiselect(key="datasets").set_value(["articles"]).run()
    assert set(at.dataframe[0].value["dataset"]) == {"articles"}


def test_typed_dates_move_the_slider_and_the_url(app):
    app.run()
    app.date_input(key="date_start").set_value(dt.date(2024, 8, 1)).run()
    app.date_input(key="date_end").set_value(dt.date(2024, 8, 31)).run()
    assert not app.exception
    assert app.slider(key="date_range").value == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert (app.query_params["start"], app.query_params["end"]) == ("2024-08-01", "2024-08-31")
    app.slider(key="date_range").set_value(MARCH_2022).run()
    assert app.date_input(key="date_start").value == MARCH_2022[0]
    assert app.date_input(key="date_end").value == MARCH_2022[1]


def test_the_range_reaches_back_to_a_snapshot_before_the_first_event(
    app_store, monkeypatch, tmp_path
):
    import shutil

    import geopandas as gpd
    from shapely.geometry import box

    from geo.frontline.store import open_frontline_store
    from geo.store.sqlite import Store

    root = tmp_path / "store"
    shutil.copytree(app_store, root)
    first_event = Store(root).span()[0]
    before = first_event - dt.timedelta(days=40)
    snap = tmp_path / "area.geojson"
    gpd.GeoDataFrame(
        {"status": ["occupied"]}, geometry=[box(37.0, 47.5, 38.0, 48.5)], crs="EPSG:4326"
    ).to_file(snap)
    open_frontline_store(root).import_file(snap, date=before, source="local")
    monkeypatch.setenv("GEO_STORE", str(root))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["start"] = before.isoformat()
    at.query_params["end"] = (before + dt.timedelta(days=31)).isoformat()
    at.switch_page(_page("frontline.py")).run()
    assert not at.exception
    assert at.slider(key="date_range").value[0] == before < first_event
    assert at.query_params["start"] == before.isoformat()


# -- the event filter: sidebar, URL, tables, map figures ------------------------------------------


def _params(at, name):
    """A URL parameter's values, however AppTest holds a repeated one."""
    value = at.query_params.get(name)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def test_a_shared_url_with_a_type_filter_restores_it_and_the_figures_follow(app_store, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(app_store))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page(_page("evacuations.py")).run()
    evacuations = int(_metric(at, "Evacuation and displacement events"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["type"] = ["evacuation", "displacement"]
    at.run()
    assert not at.exception
    assert at.multiselect(key="f_types").value == ["evacuation", "displacement"]
    assert 0 < int(_metric(at, "Events")) == evacuations  # the map's figures follow
    assert _params(at, "type") == ["evacuation", "displacement"]  # kept in the URL
    at.switch_page(_page("timeline.py")).run()  # and on every page
    assert set(at.dataframe[0].value["type"]) <= {"evacuation", "displacement"}
    assert _params(at, "type") == ["evacuation", "displacement"]


def test_changing_the_filter_updates_the_url_and_the_tables(app):
    app.switch_page(_page("timeline.py")).run()
    every = len(app.dataframe[0].value)
    app.multiselect(key="f_statuses").set_value(["claimed"]).run()
    assert not app.exception
    claimed = app.dataframe[0].value
    assert 0 < len(claimed) < every
    assert all(s.startswith("claimed") for s in claimed["status"])
    assert _params(app, "status") == ["claimed"]
    app.multiselect(key="f_statuses").set_value([]).run()
    assert "status" not in app.query_params
    app.slider(key="f_confidence").set_value(90).run()
    assert app.query_params["conf"] == "90"
    assert 0 < len(app.dataframe[0].value) < every  # the sample events run 0.61 to 1.0
    app.slider(key="f_confidence").set_value(0).run()
    assert "status" not in app.query_params and "conf" not in app.query_params
    assert len(app.dataframe[0].value) == every


def test_filter_values_the_store_does_not_offer_are_dropped_from_a_url(app):
    app.query_params["type"] = ["attack", "no-such-type"]
    app.query_params["src"] = "ACLED"  # no ACLED file imported into this store
    app.query_params["conf"] = "lots"
    app.run()
    assert not app.exception
    assert app.multiselect(key="f_types").value == ["attack"]
    assert app.multiselect(key="datasets").value == []  # nothing left: every source
    assert app.slider(key="f_confidence").value == 0


def test_event_sources_lists_only_the_sources_in_the_store(app):
    app.run()
    assert app.multiselect(key="datasets").options == ["articles"]


def test_frontline_playback_steps_the_as_of_day_through_the_range(app_store, monkeypatch, tmp_path):
    import shutil

    from geo.frontline.store import open_frontline_store

    root = tmp_path / "store"
    shutil.copytree(app_store, root)
    snapshot = ROOT / "tests" / "data" / "frontline" / "deepstate_style_20240301.geojson"
    fronts = open_frontline_store(root)
    for day in (dt.date(2024, 8, 1), dt.date(2024, 9, 1)):
        fronts.import_file(snapshot, date=day, source="fixture")
    monkeypatch.setenv("GEO_STORE", str(root))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["start"], at.query_params["end"] = "2024-07-30", "2024-09-10"
    at.switch_page(_page("frontline.py")).run()
    assert not at.exception
    captions = lambda: " ".join(c.value for c in at.caption)  # noqa: E731
    assert "as of 10 Sep 2024 (the end of the range)" in captions()
    at.button(key="front_fwd").click().run()
    assert "as of **30 Jul 2024** (paused, step: day)" in captions()
    at.button(key="front_fwd").click().run()
    assert "as of **31 Jul 2024**" in captions()
    at.selectbox(key="front_play_unit").set_value("week").run()
    at.button(key="front_fwd").click().run()
    assert "as of **07 Aug 2024**" in captions()
    assert "01 Aug → 07 Aug 2024" in captions()  # the change over the 7-day window
    at.button(key="front_play_btn").click().run()
    assert at.button(key="front_play_btn").label == "Pause"
    assert "(playing, step: week)" in captions()
    at.button(key="front_stop").click().run()
    assert "as of 10 Sep 2024 (the end of the range)" in captions()
    assert at.button(key="front_play_btn").label == "▶ Play"
    assert not at.exception


def test_malloc_arenas_are_capped_once_unless_the_user_chose(monkeypatch):
    import ctypes

    import ui.state as state

    calls = []

    class FakeLibc:
        def mallopt(self, param, value):
            calls.append((param, value))
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: FakeLibc())
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    state.bound_malloc_arenas.clear()
    assert state.bound_malloc_arenas() is True
    assert state.bound_malloc_arenas() is True  # cached: once per process
    assert calls == [(-8, 2)]  # M_ARENA_MAX, two arenas
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    state.bound_malloc_arenas.clear()
    assert state.bound_malloc_arenas() is False and calls == [(-8, 2)]
    state.bound_malloc_arenas.clear()
