"""Geocoder faults never reach the user: a local server on 127.0.0.1 misbehaves in each way.

Every reply that is not an answer, a server that never answers and one that sends a byte
every half second all end in the offline gazetteer's answer, one warning, no traceback, and
within the query's deadline. Nothing here connects anywhere but 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import logging
import socket
import threading
import time
import warnings

import pytest

from geo.config import Settings
from geo.places.geocoding import GeocoderFallbackWarning, RatePolicy, make_geocoder
from tests.places.test_geocoding import FakeGazetteer

DEADLINE = 2.0  # the query's deadline in these tests (settings.geocoder_timeout)
MARGIN = 2.0  # start-up, the offline answer and a loaded machine; not a benchmark
LOOPBACK = "127.0.0.1"

BAD_REPLIES = {
    "unexpected object": {"unexpected": True},
    "objects without lat/lon": [{"name": "Pokrovsk"}, {"display_name": "x"}],
    "lat is a word": [{"lat": "north", "lon": "37.18", "display_name": "Pokrovsk"}],
    "lat out of range": [{"lat": "123", "lon": "37.18", "display_name": "Pokrovsk"}],
    "a bare number": 42,
}


class FaultServer(http.server.ThreadingHTTPServer):
    """Answers every request in the way ``mode`` says; ``stop`` ends the slow ones."""

    daemon_threads = True

    def __init__(self):
        super().__init__((LOOPBACK, 0), FaultHandler)
        self.mode = "ok"
        self.body: bytes = b"[]"
        self.requests = 0
        self.stop = threading.Event()


class FaultHandler(http.server.BaseHTTPRequestHandler):
    server: FaultServer

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        self.server.requests += 1
        mode = self.server.mode
        if mode == "silent":  # accept, then never answer (bounded by the test's end)
            self.server.stop.wait(30)
            return
        if mode == "slow":  # a valid reply, one byte every half second
            body = json.dumps([]).encode() + b" " * 200
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:
                if self.server.stop.wait(0.5):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return  # the client gave up: as it should
            return
        if mode == "error":
            self.send_response(503)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)


@pytest.fixture()
def server():
    srv = FaultServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield srv
    srv.stop.set()
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=10)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """No proxy from the environment, and no connection to anything but 127.0.0.1."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        if address[0] != LOOPBACK:
            raise OSError(f"test tried to reach {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)


def _geocoder(server, tmp_path, *, retries=2):
    settings = Settings(
        geocoder="nominatim",
        geocoder_options={
            "user_agent": "geo-tests/1",
            "domain": f"{LOOPBACK}:{server.server_address[1]}",
            "scheme": "http",
        },
        geocoder_timeout=DEADLINE,
    )
    policy = RatePolicy(0.0, max_retries=retries, error_wait_seconds=0.1, cooldown_seconds=0)
    return make_geocoder(
        settings,
        gazetteer=FakeGazetteer(),
        cache_path=tmp_path / "cache.sqlite",
        policy=policy,
    )


def _fall_back_quietly(geocoder, capfd, caplog):
    """Geocode Pokrovsk; assert the offline answer, one warning and no traceback anywhere."""
    caplog.set_level(logging.DEBUG)
    start = time.monotonic()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        location = geocoder.geocode("Pokrovsk, Donetsk Oblast")
    elapsed = time.monotonic() - start
    assert location is not None and location.raw["place_id"] == "gn:2"
    assert location.raw["source"] == "offline-fallback"
    fallbacks = [w for w in caught if issubclass(w.category, GeocoderFallbackWarning)]
    assert len(caught) == 1 and len(fallbacks) == 1, [str(w.message) for w in caught]
    assert "\n" not in str(fallbacks[0].message)
    err = capfd.readouterr().err
    assert "Traceback" not in err and err.strip() == "", err
    assert "Traceback" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)
    return elapsed, str(fallbacks[0].message)


@pytest.mark.parametrize("shape", list(BAD_REPLIES))
def test_a_reply_that_is_not_an_answer_falls_back_once(server, tmp_path, capfd, caplog, shape):
    server.body = json.dumps(BAD_REPLIES[shape]).encode()
    elapsed, message = _fall_back_quietly(_geocoder(server, tmp_path), capfd, caplog)
    assert "not a valid answer" in message
    assert server.requests == 1  # a malformed reply is not retried
    assert elapsed < DEADLINE + MARGIN


def test_text_that_is_not_json_falls_back_once(server, tmp_path, capfd, caplog):
    server.body = b"<html>Service temporarily unavailable</html>"
    elapsed, _ = _fall_back_quietly(_geocoder(server, tmp_path), capfd, caplog)
    assert elapsed < DEADLINE + MARGIN


def test_a_silent_server_falls_back_at_the_deadline(server, tmp_path, capfd, caplog):
    server.mode = "silent"
    elapsed, message = _fall_back_quietly(_geocoder(server, tmp_path), capfd, caplog)
    assert "GeocoderTimedOut" in message
    assert server.requests == 1  # no retry fits in what is left of the deadline
    assert DEADLINE * 0.9 <= elapsed < DEADLINE + MARGIN


def test_a_slow_sender_is_cut_off_at_the_deadline(server, tmp_path, capfd, caplog):
    server.mode = "slow"  # each byte in time for any per-read timeout, the whole far too late
    elapsed, message = _fall_back_quietly(_geocoder(server, tmp_path), capfd, caplog)
    assert "GeocoderTimedOut" in message
    assert elapsed < DEADLINE + MARGIN


def test_server_errors_are_retried_within_the_deadline(server, tmp_path, capfd, caplog):
    server.mode = "error"
    elapsed, _ = _fall_back_quietly(_geocoder(server, tmp_path, retries=2), capfd, caplog)
    assert server.requests == 3
    assert elapsed < DEADLINE + MARGIN


def test_a_closed_port_falls_back_without_a_traceback(tmp_path, capfd, caplog):
    with socket.socket() as s:  # a port that was free a moment ago: connection refused
        s.bind((LOOPBACK, 0))
        port = s.getsockname()[1]

    class Closed:
        server_address = (LOOPBACK, port)

    elapsed, _ = _fall_back_quietly(_geocoder(Closed, tmp_path, retries=0), capfd, caplog)
    assert elapsed < DEADLINE + MARGIN


def test_a_good_reply_still_answers(server, tmp_path):
    server.body = json.dumps(
        [{"lat": "48.28", "lon": "37.18", "display_name": "Pokrovsk", "osm_type": "node"}]
    ).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        location = _geocoder(server, tmp_path).geocode("Pokrovsk")
    assert location.latitude == pytest.approx(48.28)
    assert location.raw.get("source") != "offline-fallback"
