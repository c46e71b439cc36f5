"""The dashboard with 10,000 synthetic events: layers, map build, and a real browser load.

Builds a temporary store from bench_layers' synthetic corpus, times what a Map page rerun
does (layers, folium map, streamlit-folium payload size), then serves the app and times how
long offline Chromium takes to show markers. Reports numbers; asserts nothing.

    python benchmarks/bench_dashboard.py [n_events]
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_layers import synthetic  # noqa: E402

from geo.layers.columns import build_layers  # noqa: E402
from geo.maps import build as maps  # noqa: E402
from geo.store.base import open_store  # noqa: E402


def _t(label, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:<42} {time.perf_counter() - t0:7.2f} s")
    return out


def _browser(store: Path) -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        print("browser: chromium not installed, skipped")
        return
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "GEO_STORE": str(store)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            b = p.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            page.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if "127.0.0.1" in r.request.url or r.request.url.startswith("data:")
                    else r.abort()
                ),
            )
            for label in ("first load (cold caches)", "second load (warm caches)"):
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                found = False
                while time.perf_counter() - t0 < 180 and not found:
                    for frame in page.frames:
                        try:
                            found = (
                                frame.locator(".marker-cluster, .leaflet-marker-icon").count() > 0
                            )
                        except Exception:  # noqa: BLE001 - frames come and go
                            continue
                        if found:
                            break
                    page.wait_for_timeout(200)
                state = "markers drawn" if found else "no markers within 180 s"
                print(f"browser {label:<34} {time.perf_counter() - t0:7.2f} s  ({state})")
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    articles, mentions, events = synthetic(n)
    by_article = {}
    for art, top in mentions:
        by_article.setdefault(art.article_id, []).append(top)
    ev_by_article = {}
    for ev in events:
        ev_by_article.setdefault(ev.article_id, []).append(ev)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        _t(
            f"ingest {len(articles)} articles / {len(events)} events",
            lambda: [
                store.add(a, by_article.get(a.article_id, []), ev_by_article.get(a.article_id, []))
                for a in articles
            ],
        )
        layers = _t("build_layers (whole range)", lambda: build_layers(store))
        m = _t("folium map build (clustered events)", lambda: maps.build_map(layers))
        html = _t("render HTML", lambda: m.get_root().render())
        print(f"{'map HTML size':<42} {len(html) / 1e6:7.2f} MB")
        store.close()
        _browser(Path(tmp) / "store")
    return 0


if __name__ == "__main__":
    sys.exit(main())
