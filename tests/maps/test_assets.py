from __future__ import annotations

import json
import re

import branca.element
import folium
import folium.plugins
import pytest

from geo.errors import InputError
from geo.maps import assets


@pytest.fixture(autouse=True)
def _restore_cdn():
    # use_local_assets changes class attributes process-wide (the dashboard tests call it
    # too): start and end every test from folium's own CDN URLs.
    assets.use_cdn_assets()
    yield
    assets.use_cdn_assets()


def _asset_classes():
    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    return {
        c
        for c in walk(branca.element.Element)
        if not c.__module__.startswith("offlinefolium")
        and ("default_js" in c.__dict__ or "default_css" in c.__dict__)
    }


def test_asset_table_covers_every_folium_resource_with_unique_typed_names():
    table = assets.asset_table()
    urls = {
        url
        for cls in _asset_classes()
        for _n, url in cls.__dict__.get("default_js", []) + cls.__dict__.get("default_css", [])
    }
    assert set(table) == urls
    assert len(table) >= 70  # folium 0.20 and its plugins list 72
    names = [name for _kind, name in table.values()]
    assert len(set(names)) == len(names)
    for kind, name in table.values():
        assert name.endswith("." + kind)


def test_use_local_assets_repoints_every_class_and_cdn_restores_it():
    assets.use_local_assets("/x/lib")
    for cls in _asset_classes():
        for _n, url in cls.__dict__.get("default_js", []) + cls.__dict__.get("default_css", []):
            assert url.startswith("/x/lib/"), (cls, url)
    assert folium.plugins.MarkerCluster.default_js[0][0] == "markerclusterjs"
    assets.use_cdn_assets()
    assert folium.Map.default_js[0][1].startswith("https://")


def test_use_local_assets_twice_with_another_base_does_not_stack_prefixes():
    assets.use_local_assets("/a")
    assets.use_local_assets("/b/")
    url = folium.Map.default_js[0][1]
    assert url.startswith("/b/") and "/a/" not in url


def test_use_local_assets_rejects_a_base_url_with_spaces():
    with pytest.raises(InputError, match="spaces"):
        assets.use_local_assets("/app/static lib")


def test_plain_folium_map_is_external_until_repointed():
    page = folium.Map(tiles=None).get_root().render()
    assert any("leaflet" in u for u in assets.external_urls(page))
    assets.use_local_assets()
    page = folium.Map(tiles=None).get_root().render()
    assert assets.external_urls(page) == []
    assert '<script src="/app/static/lib/leaflet.' in page


def test_external_urls_finds_scripts_styles_css_urls_and_tile_templates():
    page = (
        '<script src="https://cdn.example.net/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/f.css"/>'
        "<style>.a{background:url(https://img.example.org/a.png)}</style>"
        '<script>L.tileLayer("https:\\/\\/tile.example.org\\/{z}\\/{x}\\/{y}.png")</script>'
    )
    found = assets.external_urls(page)
    assert "https://cdn.example.net/x.js" in found
    assert "//fonts.example.com/f.css" in found
    assert "https://img.example.org/a.png" in found
    assert "https://tile.example.org/{z}/{x}/{y}.png" in found


def test_external_urls_ignores_hyperlinks_namespaces_and_local_paths():
    page = (
        '<a href="https://news.example.org/story?a=1&amp;b=2">story</a>'
        '<script>var p = "\\u003ca href=\\"https://other.example.org/\\"\\u003es\\u003c/a\\u003e";'
        "</script>"
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
        '<script src="/app/static/lib/leaflet.js"></script>'
    )
    assert assets.external_urls(page) == []


def test_ensure_static_assets_writes_folium_offline_copies(tmp_path):
    from offlinefolium.elements import _res

    lib = assets.ensure_static_assets(tmp_path / "static")
    assert lib == tmp_path / "static" / "lib"
    manifest = json.loads((lib / "manifest.json").read_text())
    table = assets.asset_table()
    # Leaflet js+css, markercluster js + 2 css, and the tools' plugins: fullscreen js+css,
    # leaflet-measure js+css, Leaflet.heat js.
    assert len(manifest["files"]) == 10
    for name, entry in manifest["files"].items():
        body = (lib / name).read_text(encoding="utf-8")
        assert table[entry["url"]][1] == name
        # Same text as folium-offline ships, minus a source-map comment.
        original = re.sub(r"//# sourceMappingURL=\S+", "", _res[entry["url"]]).strip()
        assert body.strip() == original
        assert entry["bytes"] == (lib / name).stat().st_size
    leaflet = next(n for n in manifest["files"] if n.startswith("leaflet.") and n.endswith(".js"))
    assert "Leaflet 1.9.3" in (lib / leaflet).read_text()


def test_everything_writes_all_plugin_files(tmp_path):
    lib = assets.ensure_static_assets(tmp_path, everything=True)
    written = {p.name for p in lib.iterdir() if p.name != "manifest.json"}
    # Our own scripts: the columnar map's, the map tools' and the basemap names'.
    urls = (assets.geomap_js_url(), assets.controls_js_url(), assets.labels_js_url())
    ours = {u.rsplit("/", 1)[1] for u in urls}
    assert written == {name for _kind, name in assets.asset_table().values()} | ours


def test_ensure_static_assets_is_idempotent_and_repairs_deleted_files(tmp_path):
    first: list = []
    lib = assets.ensure_static_assets(tmp_path, on_write=first.append)
    assert len(first) == 13  # Leaflet, markercluster, the tools' plugins, our three scripts
    stamps = {p.name: p.stat().st_mtime_ns for p in lib.iterdir()}
    again: list = []
    assets.ensure_static_assets(tmp_path, on_write=again.append)
    assert again == []
    assert {p.name: p.stat().st_mtime_ns for p in lib.iterdir()} == stamps
    victim = first[0]
    victim.unlink()
    repaired: list = []
    assets.ensure_static_assets(tmp_path, on_write=repaired.append)
    assert repaired == [victim]
    assert victim.is_file()
    assert not list(lib.glob("*.tmp"))


def test_static_dir_that_is_a_file_is_an_input_error(tmp_path):
    bad = tmp_path / "static"
    bad.write_text("not a folder")
    with pytest.raises(InputError, match="is a file"):
        assets.ensure_static_assets(bad)
