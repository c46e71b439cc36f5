"""Flat string columns and hashed key lookups: the same answers as lists and dicts."""

from __future__ import annotations

import pytest

from geo.places.packed import Coded, KeyIndex, Strings, key_hash


def test_a_string_column_reads_back_every_value_including_none_and_empty():
    values = ["Kyiv", None, "", "Київ", "Sudža", "Kharkiv Oblast"]
    column = Strings.from_values(values)
    assert len(column) == len(values)
    assert list(column) == values == column.tolist()
    assert [column[i] for i in range(len(values))] == values
    assert column[-1] == "Kharkiv Oblast" and column[1:3] == [None, ""]
    with pytest.raises(IndexError):
        column[len(values)]


def test_a_string_column_survives_its_parts_and_meta():
    column = Strings.from_values(["a", None, "bc"])
    again = Strings.unpack(column.parts("x"), "x", column.meta())
    assert list(again) == ["a", None, "bc"]


def test_a_coded_column_reads_back_its_values_and_suits_only_repetitive_columns():
    values = ["UA", "RU", "UA", "", "UA", "RU", "UA", "UA", "UA", "RU", "UA", "UA"]
    assert Coded.suits(values)
    assert not Coded.suits(["gn:1", "gn:2", "gn:3"])
    column = Coded.from_values(values)
    again = Coded.unpack(column.parts("cc"), "cc", column.meta())
    assert list(again) == values == again.tolist()
    assert again[2] == "UA" and again[3] == ""


def test_the_key_index_finds_every_key_and_nothing_else():
    keys = ["kyiv", "kharkiv", "pokrovsk", "kursk oblast", "київ", "a"]
    index = KeyIndex.build(Strings.from_values(keys))
    for row, key in enumerate(keys):
        assert index.find(key) == row
    for missing in ["", "kyi", "kyivv", "lviv", "\udcff"]:
        assert index.find(missing) == -1


def test_keys_whose_hashes_collide_are_told_apart_by_their_bytes():
    # Two keys with the same CRC-32 (found by search): the hash alone cannot tell them apart.
    one, two = "place 29685295", "place 32060020"
    assert key_hash(one.encode()) == key_hash(two.encode())
    index = KeyIndex.build(Strings.from_values(["x", two, "y", one]))
    assert index.find(one) == 3 and index.find(two) == 1
    lone = KeyIndex.build(Strings.from_values([one]))
    assert lone.find(two) == -1 and lone.find(one) == 0


def test_an_empty_key_index_finds_nothing():
    assert KeyIndex.build(Strings.from_values([])).find("kyiv") == -1


def test_rows_ending_with_a_suffix_are_found_by_byte_search_like_a_scan():
    values = [
        "krasna community",
        None,
        "community",
        "",
        "a community centre",
        "bila community",
        "ob community",
        "lviv",
        "Київ community",
    ]
    column = Strings.from_values(values)
    scan = [i for i, v in enumerate(values) if v is not None and v.endswith(" community")]
    assert column.ending_with(" community") == scan == [0, 5, 6, 8]
    assert column.ending_with("community") == [0, 2, 5, 6, 8]
    assert column.ending_with("zzz") == []


def test_a_suffix_search_needs_a_suffix():
    with pytest.raises(ValueError, match="not empty"):
        Strings.from_values(["a"]).ending_with("")
