"""The map files' byte layouts (geo.maps.packing); the files as a whole: test_columnar.py."""

from __future__ import annotations

import numpy as np
import pytest

from geo.errors import InputError
from geo.maps import packing


def test_integers_take_the_narrowest_type_that_holds_them():
    assert packing.narrow(np.array([0, 255])).dtype == np.uint8
    assert packing.narrow(np.array([0, 256])).dtype == np.uint16
    assert packing.narrow(np.array([65_536])).dtype == np.uint32
    assert packing.narrow(np.array([-1, 5])).dtype == np.int32
    assert packing.narrow(np.array([], dtype=np.int64)).dtype == np.uint8
    with pytest.raises(InputError, match="32 bits"):
        packing.narrow(np.array([2**32]))


def test_wide_integers_are_byte_planes_at_aligned_offsets():
    body, layout = packing.pack(
        [("a", np.array([1, 2, 3], dtype="u1")), ("b", np.array([0x0102, 0x0304], dtype="<u2"))]
    )
    assert layout == [["a", "u1", 0, 3], ["b", "u2", 4, 2]]
    # a, padding to 4 bytes, then b's low bytes, then its high bytes
    assert body == bytes([1, 2, 3, 0, 0x02, 0x04, 0x01, 0x03])


def test_people_are_whole_numbers_with_a_none_value_else_floats():
    column, none = packing.people_column(np.array([3, np.nan, 250], dtype=np.float32))
    assert column.dtype == np.uint8 and none == 255 and column.tolist() == [3, 255, 250]
    column, none = packing.people_column(np.array([70_000, np.nan]))
    assert column.dtype == np.uint32 and column.tolist() == [70_000, 2**32 - 1]
    column, none = packing.people_column(np.array([2.5, np.nan]))
    assert none is None and column.dtype == np.float32 and np.isnan(column[1])


def test_distinct_rows_are_those_of_numpy_unique():
    rng = np.random.default_rng(3)
    for n in (0, 1, 9, 2_000):
        keys = [rng.integers(-3, 4, n) for _ in range(3)]
        table, index = packing._table(*keys)
        want, inverse = np.unique(np.column_stack(keys).reshape(-1, 3), axis=0, return_inverse=True)
        assert np.array_equal(table, want) and np.array_equal(index, inverse.ravel()), n


def test_mentions_of_one_article_must_share_its_day():
    place, article = np.array([0, 1]), np.array([0, 0])
    with pytest.raises(InputError, match="publication day"):
        packing.mention_columns(place, article, np.array([19_000, 19_001]), places=2)
