"""First load and draw of the Map page in Chromium, beside the plain folium MarkerCluster map.

For a synthetic store (bench_layers' corpus) per size, starts the real app and opens the Map
page on a 3-month range three times: the first visit (the server writes or loads the
revision's files), a fresh browser on the warm server, and a second visit in that browser
(HTTP cache warm too: the "warm" figure). For each it prints the bytes received (everything,
then by origin: Streamlit's own bundle, our map data, our map's other files, the websocket)
and, from geomap.js's own performance marks, the milliseconds from the map script starting
to fetch its data to all markers drawn, split into fetch (files in, JSON read), parse
(columns decoded, points projected, oblast shapes built) and filter+draw, then to the next
painted frame. The plain map (one ``folium.Marker`` per event of the same range in a
``MarkerCluster``, a standalone HTML file served locally) is opened twice in one browser and
timed from navigation to its cluster icons in the DOM and the next frame.

    python benchmarks/bench_draw.py [n_events ...]      (default: 100000)

``BENCH_MAP_STORES=DIR`` keeps the stores there and reuses them (as bench_map.py does).
Times are wall-clock milliseconds on a shared machine; the browser's main-thread task time
(Chromium's ``TaskDuration``, CPU-like) is printed beside each visit.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_map import (  # noqa: E402
    ARGS,
    CHROMIUM,
    PLAIN_MAX_EVENTS,
    WINDOW,
    build_store,
    running_app,
)

from geo.store.base import open_store  # noqa: E402

# Every name but the loopback address fails to resolve: nothing leaves the machine, and the
# HTTP cache stays on (Playwright's request routing would turn it off).
OFFLINE = [*ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
PAINTED = "() => !!(window.geoMap && geoMap.ms && geoMap.ms.paint !== null)"


def _groups(url: str) -> str:
    if "/app/static/mapdata/" in url:
        return "our map data (per revision)"
    if "/app/static/" in url or "/component/" in url:
        return "our map's other files (Leaflet, tiles, names)"
    return "Streamlit's page and bundle"


def _visit(page, url: str) -> dict:
    """Open ``url``; the map's own timings, bytes by group, and main-thread task time."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    urls: dict[str, str] = {}
    by_group: dict[str, int] = {}
    cached, outside = [0], [0]

    def request(e: dict) -> None:
        urls[e["requestId"]] = e["request"]["url"]
        if e["request"]["url"].startswith(("http:", "https:", "ws:", "wss:")) and (
            "//127.0.0.1" not in e["request"]["url"]
        ):
            outside[0] += 1

    def done(e: dict) -> None:
        group = _groups(urls.get(e["requestId"], ""))
        by_group[group] = by_group.get(group, 0) + e["encodedDataLength"]

    def response(e: dict) -> None:
        if e["response"].get("fromDiskCache") or e["response"].get("status") == 304:
            cached[0] += 1

    def ws(e: dict) -> None:
        key = "Streamlit's websocket"
        by_group[key] = by_group.get(key, 0) + len(e["response"]["payloadData"])

    cdp.on("Network.requestWillBeSent", request)
    cdp.on("Network.loadingFinished", done)
    cdp.on("Network.responseReceived", response)
    cdp.on("Network.webSocketFrameReceived", ws)
    t0 = time.perf_counter()
    page.goto(url, timeout=600_000)
    frame = None
    deadline = time.perf_counter() + 600
    while frame is None and time.perf_counter() < deadline:
        for f in page.frames:
            try:
                if f.evaluate(PAINTED):
                    frame = f
                    break
            except Exception:  # noqa: BLE001 - frames come and go while the app reruns
                continue
        page.wait_for_timeout(20)
    out: dict = {"e2e": time.perf_counter() - t0}
    if frame is not None:
        out.update(frame.evaluate("() => Object.assign({}, geoMap.ms)"))
        out["drawn"] = frame.evaluate("() => geoMap.state().drawn")
        out["in range"] = frame.evaluate("() => geoMap.state().inRange")
    page.wait_for_timeout(1500)  # the rerun's last messages, late tiles
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    out["task"] = metrics.get("TaskDuration", 0.0)
    out["bytes"] = by_group
    out["cached"] = cached[0]
    out["outside"] = outside[0]
    return out


def app_visits(folder: Path, start, end, lo, hi) -> list[tuple[str, dict]]:
    from playwright.sync_api import sync_playwright

    visits = []
    with running_app(folder, wait_s=300) as (_proc, base):
        part, whole = f"{base}?start={start}&end={end}", f"{base}?start={lo}&end={hi}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=OFFLINE)
            plan = [
                ("first visit", True, part),
                ("new browser", True, part),
                ("warm", False, part),
                ("warm, the whole range", False, whole),
            ]
            for label, fresh, url in plan:
                if fresh:
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                visits.append((label, _visit(page, url)))
                page.close()
            browser.close()
    return visits


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request (tiles are not cut here)
        pass


def plain_visits(folder: Path, static: Path, start, end) -> tuple[int, list[float | None]]:
    """Build the plain folium map of the range; open it twice in one browser."""
    import folium
    from folium.plugins import MarkerCluster
    from playwright.sync_api import sync_playwright

    from geo.maps import assets
    from geo.maps.build import build_base_map

    assets.ensure_static_assets(static, everything=True)
    assets.use_local_assets()
    with open_store(folder) as store:
        frame = store.events_frame(start=start, end=end)
    m = build_base_map()
    m.default_js, m.default_css = type(m).default_js, type(m).default_css  # plain: all of it
    cluster = MarkerCluster().add_to(m)
    for lat, lon, etype in zip(frame["lat"], frame["lon"], frame["event_type"], strict=True):
        folium.Marker([lat, lon], popup=str(etype)).add_to(cluster)
    root = static.parent / "srv"
    (root / "app").mkdir(parents=True, exist_ok=True)
    link = root / "app" / "static"
    if not link.exists():
        link.symlink_to(static)
    (static / "plain.html").write_text(m.get_root().render(), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times: list[float | None] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=OFFLINE)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            for _ in range(2):
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(
                    f"http://127.0.0.1:{server.server_port}/app/static/plain.html",
                    timeout=600_000,
                    wait_until="commit",
                )
                try:
                    page.wait_for_selector(".marker-cluster", timeout=600_000)
                    page.evaluate("() => new Promise((r) => requestAnimationFrame(r))")
                    times.append(time.perf_counter() - t0)
                except Exception:  # noqa: BLE001 - report, do not fail
                    times.append(None)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return len(frame), times


def _kb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sizes", nargs="*", type=int, help="events in the synthetic stores (default: 100k)"
    )
    sizes = parser.parse_args().sizes or [100_000]
    keep = os.environ.get("BENCH_MAP_STORES")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(keep) / f"store-{n}" if keep else Path(tmp) / "store"
            if (folder / "geo.sqlite").is_file():
                with open_store(folder) as store:
                    lo, hi = store.span()
            else:
                lo, hi = build_store(n, folder)
            middle = lo + (hi - lo) / 2
            start, end = middle - WINDOW / 2, middle + WINDOW / 2
            print(f"\n{n:,} events, range {start} – {end}")
            for label, v in app_visits(folder, start, end, lo, hi):
                total = sum(v["bytes"].values())
                print(f"  Map page, {label}: {_kb(total)} received, "
                      f"{v['cached']} responses from the browser cache or 304, "
                      f"{v['outside']} requests beyond the machine (blocked)")  # fmt: skip
                for group, b in sorted(v["bytes"].items(), key=lambda kv: -kv[1]):
                    print(f"    {group:<48} {_kb(b):>10}")
                if v.get("paint") is None:
                    print("    the map did not draw within 600 s")
                    continue
                fetch, parse, draw, paint = (v[k] for k in ("fetch", "parse", "draw", "paint"))
                print(f"    map: fetch {fetch:.0f} + parse {parse:.0f} + filter/draw {draw:.0f}"
                      f" ms = {fetch + parse + draw:.0f} ms to all markers drawn "
                      f"(+{paint:.0f} ms to the next frame); {v['in range']:,} events in "
                      f"range, {v['drawn']:,} markers/clusters; page open to painted "
                      f"{v['e2e']:.1f} s; browser main-thread tasks {v['task']:.1f} s")  # fmt: skip
            for label, a, b in (("range", start, end), ("whole range", lo, hi)):
                if b - a > WINDOW and n > PLAIN_MAX_EVENTS:
                    print(
                        f"  plain folium map of the whole range skipped above {PLAIN_MAX_EVENTS:,}"
                    )
                    continue
                points, times = plain_visits(folder, Path(tmp) / "static", a, b)
                shown = [f"{t * 1000:.0f} ms" if t else "not within 600 s" for t in times]
                print(
                    f"  plain folium MarkerCluster, the {label}, {points:,} markers (standalone "
                    f"HTML): first open {shown[0]}, second open (warm) {shown[1]} to drawn"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
