"""The Map page at scale, beside a plain folium MarkerCluster map of the same points.

Builds a synthetic store (bench_layers' corpus) per size, then prints, for the columnar map
(geo.maps.columnar + geomap.js, served by the real app): server work of a range change,
bytes sent on first load and per range change, time until Chromium has drawn the markers
(cold and warm), the app's RSS over 20 range changes; and for a plain folium map (one
``folium.Marker`` per event in a ``MarkerCluster``, as the field does it) of the same
range: server work (build + render), bytes of the page, time until drawn. Numbers only.

    python benchmarks/bench_map.py [n_events ...]      (default: 10000 100000 1000000)

Stores are built with ``bench_layers.bulk_store`` (a million events: about two CPU-minutes);
``BENCH_MAP_STORES=DIR`` keeps them in DIR and reuses them on the next run. Above
``PLAIN_MAX_EVENTS`` the plain folium map is skipped, and the report says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_layers import bulk_store  # noqa: E402

from geo.store.base import open_store  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WINDOW = dt.timedelta(days=91)  # "a 3-month range", as in issue 11
CHANGES = 20


def _row(label: str, ours: str, plain: str = "") -> None:
    print(f"  {label:<44} {ours:>18} {plain:>18}")


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def build_store(n: int, folder: Path) -> tuple[dt.date, dt.date]:
    """A SQLite store of ``n`` synthetic events, streamed in batches of articles."""
    store = open_store(folder)
    bulk_store(store, n)
    span = store.span()
    store.close()
    return span


# -- ours: server work in-process -------------------------------------------------------------


def server_work(folder: Path, static: Path, start: dt.date, end: dt.date) -> dict:
    """What a Map page rerun costs the server, without Streamlit: first and per range."""
    import resource

    import psutil

    from geo.maps import assets, columnar

    assets.use_local_assets()
    out = {}
    store = open_store(folder)
    w0 = time.perf_counter()
    t0 = time.process_time()
    # As the app does it (ui/state.py): read from the store frame by frame.
    data = columnar.map_data_from_store(store, static_dir=static, key=f"bench|{store.revision()}")
    out["first (revision: query + files)"] = time.process_time() - t0
    out["first wall"] = time.perf_counter() - w0
    # The process's peak so far: sizes run smallest first, so it is this size's.
    out["first peak rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out["rss"] = psutil.Process().memory_info().rss
    times = []
    for k in range(CHANGES):
        a, b = start + dt.timedelta(days=7 * k), end + dt.timedelta(days=7 * k)
        t0 = time.process_time()
        data.summary(a, b)
        m = columnar.build_columnar_map(data, layer_control=False)
        m.get_root().render()
        g = columnar.range_group(a, b)
        g.add_to(m)
        g.render()
        times.append(time.process_time() - t0)
    out["range change"] = sorted(times)[len(times) // 2]
    # A filter change: the same rerun with the type/status/confidence filter in the group.
    from geo.layers.filters import EventFilter

    times, group_bytes = [], []
    for k in range(CHANGES):
        where = EventFilter(
            types=("evacuation", "displacement", "attack")[: 1 + k % 3],
            statuses=("happened", "claimed"),
            min_confidence=5 * (k % 10),
        )
        t0 = time.process_time()
        data.summary(start, end, where=where)
        m = columnar.build_columnar_map(data, layer_control=False)
        m.get_root().render()
        g = columnar.range_group(start, end, where=where)
        g.add_to(m)
        g.render()
        times.append(time.process_time() - t0)
        group_bytes.append(_group_js(columnar.range_group(start, end, where=where)))
    out["filter change"] = sorted(times)[len(times) // 2]
    out["filter group bytes"] = max(group_bytes)
    out["page bytes"] = len(m.get_root().render().encode())
    # What the browser fetches once (not the popups, fetched on click, nor the server's own
    # columns kept in the folder, server.npz). Raw sizes: the server gzips them on the wire.
    out["data bytes"] = sum(
        p.stat().st_size
        for p in data.folder.rglob("*")
        if p.is_file() and "popups" not in str(p) and p.name != columnar.SERVER_FILE
    )
    out["popup chunk bytes"] = max(p.stat().st_size for p in (data.folder / "popups").iterdir())
    store.close()
    return out


def _group_js(group) -> int:
    """Bytes of the group's script as streamlit-folium sends it (feature_group_to_add)."""
    import streamlit_folium

    from geo.maps.build import build_base_map

    m = build_base_map()
    return len(streamlit_folium._get_feature_group_string(group, map=m, idx=0).encode())


# -- ours: the real app in Chromium -----------------------------------------------------------


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree_rss(pid: int) -> int:
    import psutil

    p = psutil.Process(pid)
    return p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))


def _peak_rss(pid: int) -> int | None:
    """The process's peak RSS so far (Linux ``VmHWM``), or None where there is none."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None


@contextlib.contextmanager
def running_app(folder: Path, *, wait_s: float = 120.0) -> Iterator[tuple[subprocess.Popen, str]]:
    """The dashboard on a free local port over the store at ``folder``: (process, base URL)."""
    port = _port()
    # As scripts/run starts the app (two malloc arenas keep its RSS flat over reruns).
    env = {"MALLOC_ARENA_MAX": "2", **os.environ, "GEO_STORE": str(folder)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield proc, f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def app_run(folder: Path, start: dt.date, end: dt.date) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with running_app(folder) as (proc, base):
        url = f"{base}?start={start}&end={end}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for label in ("cold", "warm"):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.route(
                    "**/*",
                    lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort(),
                )
                sent = _count_bytes(page)
                t0 = time.perf_counter()
                page.goto(url)
                frame = _wait_drawn(page, 600)
                out[f"drawn {label}"] = time.perf_counter() - t0 if frame else None
                page.wait_for_timeout(1500)
                out[f"first load bytes {label}"] = sent["http"] + sent["ws"]
                out[f"first load map bytes {label}"] = sent["map"]
                if label == "cold":  # the first open built the revision's map files
                    out["peak rss first open"] = _peak_rss(proc.pid)
                if frame:
                    out[f"in-map {label}"] = frame.evaluate("() => geoMap.state().ms")
                if label == "warm" and frame:
                    out.update(_range_changes(page, frame, sent, proc.pid))
                    out.update(_filter_changes(page, frame, sent))
                page.close()
            browser.close()
    return out


def _count_bytes(page) -> dict:
    """Bytes the page receives over HTTP (as transferred) and over Streamlit's websocket."""
    sent = {"http": 0, "ws": 0, "map": 0}
    urls: dict[str, str] = {}

    def request(e: dict) -> None:
        urls[e["requestId"]] = e["request"]["url"]

    def http(e: dict) -> None:
        sent["http"] += e["encodedDataLength"]
        if "/app/static/" in urls.get(e["requestId"], ""):  # map data, Leaflet, tiles
            sent["map"] += e["encodedDataLength"]

    def ws(e: dict) -> None:
        sent["ws"] += len(e["response"]["payloadData"])

    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", request)
    cdp.on("Network.loadingFinished", http)
    cdp.on("Network.webSocketFrameReceived", ws)
    return sent


def _wait_drawn(page, seconds: float):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(
                    "() => !!(window.geoMap && geoMap.ready && geoMap.state().drawn > 0)"
                ):
                    return frame
            except Exception:  # noqa: BLE001 - frames come and go while the app reruns
                continue
        page.wait_for_timeout(50)
    return None


def _filter_changes(page, frame, sent: dict) -> dict:
    """Bytes and time of a filter change: the confidence slider one step (5 %) at a time."""
    page.get_by_text("Filter events").click()
    slider = page.locator("[data-testid='stSlider']").filter(has_text="Minimum confidence")
    thumb = slider.locator("input[type='range'], [role='slider']").first
    latency, bytes_per = [], []
    for _ in range(10):
        before = frame.evaluate("() => geoMap.state().filter.conf || 0")
        total = sent["http"] + sent["ws"]
        t0 = time.perf_counter()
        thumb.focus()
        thumb.press("ArrowRight")
        while frame.evaluate("() => geoMap.state().filter.conf || 0") == before:
            page.wait_for_timeout(10)
            if time.perf_counter() - t0 > 120:
                break
        latency.append(time.perf_counter() - t0)
        page.wait_for_timeout(400)
        bytes_per.append(sent["http"] + sent["ws"] - total)
    return {
        "filter change e2e": sorted(latency)[len(latency) // 2],
        "filter change bytes": sorted(bytes_per)[len(bytes_per) // 2],
        "filter change bytes max": max(bytes_per),
    }


def _range_changes(page, frame, sent: dict, pid: int) -> dict:
    # The date-range slider's end thumb (the filter's confidence slider is an stSlider too).
    slider = page.locator("[data-testid='stSlider']").filter(has_text="Date range")
    thumb = slider.locator("input[type='range']").last
    rss, latency, bytes_per = [_tree_rss(pid)], [], []
    for _ in range(CHANGES):
        before = frame.evaluate("() => geoMap.state().range[1]")
        total = sent["http"] + sent["ws"]
        t0 = time.perf_counter()
        thumb.focus()
        thumb.press("ArrowLeft")
        while frame.evaluate("() => geoMap.state().range[1]") == before:
            page.wait_for_timeout(10)
            if time.perf_counter() - t0 > 120:
                break
        latency.append(time.perf_counter() - t0)
        page.wait_for_timeout(400)  # let the rerun's last messages arrive
        bytes_per.append(sent["http"] + sent["ws"] - total)
        rss.append(_tree_rss(pid))
    remounted = not frame.evaluate("() => !!window.geoMap")
    return {
        "range change e2e": sorted(latency)[len(latency) // 2],
        "range change bytes": sorted(bytes_per)[len(bytes_per) // 2],
        "range change bytes max": max(bytes_per),
        "rss": rss,
        "remounted": remounted,
    }


# -- plain folium -----------------------------------------------------------------------------


def plain_folium(folder: Path, static: Path, start: dt.date, end: dt.date) -> dict:
    """One folium.Marker per event in a MarkerCluster: the plainest map of the same points."""
    import folium
    import psutil
    from folium.plugins import MarkerCluster

    from geo.maps import assets
    from geo.maps.build import build_base_map

    assets.ensure_static_assets(static, everything=True)
    assets.use_local_assets()
    store = open_store(folder)
    rss0 = psutil.Process().memory_info().rss
    t0 = time.process_time()
    frame = store.events_frame(start=start, end=end)
    # The same basemap as ours (markercluster needs the tile layer's maxZoom).
    m = build_base_map()
    m.default_js, m.default_css = type(m).default_js, type(m).default_css  # plain: all of it
    cluster = MarkerCluster().add_to(m)
    for lat, lon, etype in zip(frame["lat"], frame["lon"], frame["event_type"], strict=True):
        folium.Marker([lat, lon], popup=str(etype)).add_to(cluster)
    page = m.get_root().render()
    out = {
        "range change": time.process_time() - t0,
        "bytes": len(page.encode()),
        "points": len(frame),
        "rss": psutil.Process().memory_info().rss - rss0,
    }
    store.close()
    (static / "plain.html").write_text(page, encoding="utf-8")
    out["drawn"] = _draw_standalone(static)
    return out


def _draw_standalone(static: Path) -> float | None:
    from playwright.sync_api import sync_playwright

    root = static.parent / "srv"
    (root / "app").mkdir(parents=True, exist_ok=True)
    link = root / "app" / "static"
    if not link.exists():
        link.symlink_to(static)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            page.goto(
                f"http://127.0.0.1:{server.server_port}/app/static/plain.html",
                timeout=600_000,
                wait_until="commit",
            )
            try:
                page.wait_for_selector(".marker-cluster, .leaflet-marker-icon", timeout=600_000)
                drawn = time.perf_counter() - t0
            except Exception:  # noqa: BLE001 - report, do not fail
                drawn = None
            browser.close()
    finally:
        server.shutdown()
    return drawn


# One folium.Marker per event: past this many events the plain map's build, page (about
# 400 bytes a marker) and draw take many minutes and gigabytes, so it is left out.
PLAIN_MAX_EVENTS = 300_000


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sizes",
        nargs="*",
        type=int,
        help="events in the synthetic stores (default: 10k, 100k and 1M)",
    )
    sizes = parser.parse_args().sizes or [10_000, 100_000, 1_000_000]
    # BENCH_MAP_STORES=DIR keeps the built stores there and reuses them (a million events
    # take minutes to write).
    keep = os.environ.get("BENCH_MAP_STORES")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(keep) / f"store-{n}" if keep else Path(tmp) / "store"
            t0 = time.perf_counter()
            if (folder / "geo.sqlite").is_file():
                store = open_store(folder)
                lo, hi = store.span()
                store.close()
            else:
                lo, hi = build_store(n, folder)
            middle = lo + (hi - lo) / 2
            start, end = middle - WINDOW / 2, middle + WINDOW / 2
            print(f"\n{n:,} events (store built in {time.perf_counter() - t0:.0f} s), "
                  f"range {start} – {end}")  # fmt: skip
            static = Path(tmp) / "static"
            ours = server_work(folder, static, start, end)
            app = app_run(folder, start, end) if CHROMIUM else {}
            skipped = n > PLAIN_MAX_EVENTS
            plain = (
                {"points": 0, "range change": 0.0, "bytes": 0, "rss": 0, "drawn": None}
                if skipped
                else plain_folium(folder, static, start, end)
            )
            print(f"  {'':<44} {'columnar map':>18} {'plain folium':>18}")
            if skipped:
                print(
                    f"  plain folium map skipped: above {PLAIN_MAX_EVENTS:,} events one "
                    "folium.Marker per event takes many minutes and gigabytes to build, send "
                    "and draw (at 100,000: 16-19 s drawn standalone, 93-106 s in the app)"
                )
            _row("points in the range", "", "skipped" if skipped else f"{plain['points']:,}")
            _row(
                "server: range change (CPU, median)",
                f"{ours['range change'] * 1000:.0f} ms",
                "skipped" if skipped else f"{plain['range change']:.1f} s",
            )
            _row(
                "server: new revision (query + files, CPU)",
                f"{ours['first (revision: query + files)']:.1f} s",
            )
            _row("  the same, wall-clock (machine shared)", f"{ours['first wall']:.1f} s")
            peak = ours["first peak rss"] / 2**20
            _row("  peak RSS while building (this process)", f"{peak:.0f} MiB")
            _row("  RSS once built", f"{ours['rss'] / 2**20:.0f} MiB")
            _row("range change end to end (median)", f"{app.get('range change e2e', 0):.2f} s")
            _row(
                "bytes per range change (median / max)",
                " / ".join(
                    _mb(app.get(k, 0)) for k in ("range change bytes", "range change bytes max")
                ),
                "skipped" if skipped else _mb(plain["bytes"]),
            )
            _row(
                "map page script (sent each rerun)",
                _mb(ours["page bytes"]),
                "skipped" if skipped else _mb(plain["bytes"]),
            )
            _row("server: filter change (CPU, median)", f"{ours['filter change'] * 1000:.0f} ms")
            _row("filter change end to end (median)", f"{app.get('filter change e2e', 0):.2f} s")
            _row(
                "bytes per filter change (median / max)",
                " / ".join(
                    _mb(app.get(k, 0)) for k in ("filter change bytes", "filter change bytes max")
                ),
            )
            _row("  of which the range+filter group script", f"{ours['filter group bytes']} B")
            _row("map data files (fetched once, before gzip)", _mb(ours["data bytes"]))
            _row("largest popup file (fetched on click)", _mb(ours["popup chunk bytes"]))
            for label in ("cold", "warm"):
                _row(
                    f"first load, everything ({label})",
                    _mb(app.get(f"first load bytes {label}", 0)),
                )
            for label in ("cold", "warm"):
                d = app.get(f"drawn {label}")
                _row(
                    f"markers drawn in Chromium ({label})",
                    f"{d:.2f} s" if d else "-",
                    "skipped"
                    if skipped
                    else f"{plain['drawn']:.1f} s"
                    if plain["drawn"]
                    else "not within 600 s",
                )
                ms = app.get(f"in-map {label}") or {}
                _row(
                    f"  in the map: fetch+parse / filter+draw ({label})",
                    f"{ms.get('load', 0):.0f} / {ms.get('draw', 0):.0f} ms",
                )
            if app.get("peak rss first open"):
                peak = app["peak rss first open"] / 2**20
                _row("app peak RSS while opening (VmHWM)", f"{peak:.0f} MiB")
            rss = app.get("rss") or []
            if rss:
                _row(
                    "app RSS: before / after 20 changes",
                    f"{rss[0] / 2**20:.0f} / {rss[-1] / 2**20:.0f} MiB",
                    "skipped" if skipped else f"+{plain['rss'] / 2**20:.0f} MiB to build",
                )
                _row("app RSS: max over the 20 changes", f"{max(rss) / 2**20:.0f} MiB")
                _row("map remounted by a range change", str(app.get("remounted")))
            # fmt: on
    return 0


if __name__ == "__main__":
    sys.exit(main())
