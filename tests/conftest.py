"""Shared fixtures: the seed article (from ../shared, skipped when absent), the gazetteer."""

from __future__ import annotations

import datetime as dt
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
