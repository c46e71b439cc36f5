from __future__ import annotations

import os
import random
import time

import pytest

from geo.toponyms import zipf

wordfreq = pytest.importorskip("wordfreq")


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    return zipf.load_table(cache=tmp_path_factory.mktemp("zipf"))


def _plain(words, n, seed):
    listed = [w for w in words if w.isascii() and w.isalpha()]
    return random.Random(seed).sample(listed, n)


def test_plain_words_get_wordfreqs_answer_from_the_table(table):
    words = _plain(wordfreq.get_frequency_dict("en", "best"), 400, seed=3)
    rng = random.Random(4)
    asked = [*words, *(w.title() for w in words[:100]), *(w.upper() for w in words[100:150])]
    asked += [" ".join(rng.sample(words, k)) for k in (2, 3) for _ in range(150)]
    asked += ["zzqvtrk", "Blorvintsk", "mostly zzqvtrk", "a"]  # unlisted, alone or with others
    for text in asked:
        ours = zipf._zipf(table, text)
        assert repr(ours) == repr(wordfreq.zipf_frequency(text, "en")), text


def test_other_strings_are_asked_of_wordfreq(monkeypatch):
    asked = []
    monkeypatch.setattr(zipf, "_wordfreq", lambda text: asked.append(text) or 1.5)
    for text in ["don't", "Kyiv's", "café", "covid19", "two  spaces", " lead", "Bila-Tserkva", ""]:
        assert zipf.zipf_frequency(text) == 1.5
    assert len(asked) == 8


def test_the_table_is_kept_in_the_cache_and_read_back_unbuilt(table, tmp_path, monkeypatch):
    built = zipf.load_table(cache=tmp_path)
    path = zipf.table_path(cache=tmp_path)
    assert path is not None and path.is_file()

    def no_build():
        raise AssertionError("read back, not built")

    monkeypatch.setattr(zipf, "_build", no_build)
    assert zipf.load_table(cache=tmp_path) == built == table


def test_a_damaged_table_is_built_again(table, tmp_path):
    zipf.load_table(cache=tmp_path)
    path = zipf.table_path(cache=tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    assert zipf.load_table(cache=tmp_path) == table
    path.write_bytes(b"")
    assert zipf.load_table(cache=tmp_path) == table


def test_a_table_that_answers_otherwise_than_wordfreq_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(zipf, "_wordfreq", lambda text: 9.99)
    assert zipf.load_table(cache=tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_a_table_unread_for_a_month_or_left_half_written_is_removed(tmp_path):
    old = tmp_path / f"{zipf.TABLE_PREFIX}0123456789abcdef{zipf.TABLE_SUFFIX}"
    recent = tmp_path / f"{zipf.TABLE_PREFIX}fedcba9876543210{zipf.TABLE_SUFFIX}"
    left = tmp_path / f".{zipf.TABLE_PREFIX}0123456789abcdef-x1y2z3.tmp"
    writing = tmp_path / f".{zipf.TABLE_PREFIX}fedcba9876543210-a1b2c3.tmp"
    for path in (old, recent, left, writing):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(left, (time.time() - 2 * 86400,) * 2)
    zipf.load_table(cache=tmp_path)
    assert not old.exists() and recent.exists()
    assert not left.exists() and writing.exists()
    assert zipf.table_path(cache=tmp_path).is_file()


def test_without_a_cache_folder_the_table_is_built_in_memory(table, monkeypatch):
    def no_folder():
        raise PermissionError("read-only home")

    monkeypatch.setattr(zipf, "cache_dir", no_folder)
    assert zipf.load_table() == table
