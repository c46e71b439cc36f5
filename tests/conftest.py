"""Shared fixtures: the seed article (from ../shared, skipped when absent), the gazetteer."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
SEED_PUBLISHED = dt.date(2024, 9, 5)
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text; third-party, so read in place and never copied."""
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED} (../shared is absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture(scope="session")
def gazetteer():
    from geo.places.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture()
def store_root(tmp_path: Path) -> Path:
    return tmp_path / "store"


# -- PostgreSQL/PostGIS: the second store backend ------------------------------------------------


def postgres_url() -> str:
    """``$GEO_TEST_POSTGRES_URL`` (a database with PostGIS); skip without it, fail under CI.

    .ci/run starts a throwaway server and sets it, so under CI a missing server is a broken
    run, not a reason to skip the PostGIS half of the store contract.
    """
    url = os.environ.get("GEO_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(
            "GEO_TEST_POSTGRES_URL is not set under CI; .ci/run must start the throwaway "
            "PostgreSQL server (scripts/postgres_throwaway.sh) for the PostGIS store tests"
        )
    pytest.skip(
        "no PostgreSQL server: set GEO_TEST_POSTGRES_URL=postgresql://... (a database with "
        "PostGIS; see scripts/postgres_throwaway.sh) to run the PostGIS store tests"
    )


def with_schema(url: str, schema: str) -> str:
    """The store URL with ``schema=`` set: each test gets a schema of its own."""
    return url + ("&" if "?" in url else "?") + f"schema={schema}"


def drop_schemas(url: str, *schemas: str) -> None:
    import psycopg

    from geo.store.pg import split_url

    with psycopg.connect(split_url(url)[0], autocommit=True) as conn:
        for name in schemas:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A PostGIS store URL on a fresh schema, dropped (with its frontline schema) afterwards."""
    base = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield with_schema(base, schema)
    drop_schemas(base, schema, f"{schema}_frontlines")


@pytest.fixture(params=["sqlite", "postgis"])
def store_location(request, tmp_path: Path) -> str:
    """Where a store lives, once per backend: a folder, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store")
    return request.getfixturevalue("pg_url")


# -- A news site on 127.0.0.1 for the URL and feed tests -----------------------------------------


@pytest.fixture()
def site():
    """tests/local_site.py's site, served on 127.0.0.1 while the test runs."""
    from tests.local_site import local_site

    with local_site() as s:
        yield s
