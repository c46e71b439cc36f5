"""A KML reader in the standard library, for machines whose GDAL lacks a KML driver.

Reads Placemark polygons and lines, one GeoDataFrame per Folder, with their names and data.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["read_kml_stdlib"]


def read_kml_stdlib(data: bytes) -> list[tuple[str, gpd.GeoDataFrame]]:
    """Placemark polygons and lines of a KML document, one frame per Folder (no GDAL needed)."""
    import xml.etree.ElementTree as ET

    import geopandas as gpd
    from shapely.geometry import LineString, Polygon

    def local(el):
        return el.tag.rsplit("}", 1)[-1]

    def child_text(el, name):
        for c in el:
            if local(c) == name:
                return (c.text or "").strip()
        return None

    def coords(el):
        pts = [p.split(",") for p in (el.text or "").split()]
        return [(float(p[0]), float(p[1])) for p in pts if len(p) >= 2]

    def geoms(el):
        for node in el.iter():
            tag = local(node)
            if tag == "Polygon":
                rings = [
                    [coords(c) for c in b.iter() if local(c) == "coordinates"]
                    for b in node
                    if local(b) in {"outerBoundaryIs", "innerBoundaryIs"}
                ]
                flat = [r[0] for r in rings if r]
                if flat and len(flat[0]) >= 3:
                    yield Polygon(flat[0], [r for r in flat[1:] if len(r) >= 3])
            elif tag == "LineString":
                line = [coords(c) for c in node if local(c) == "coordinates"]
                if line and len(line[0]) >= 2:
                    yield LineString(line[0])

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"The KML is not well-formed XML ({exc}); re-export it.") from exc
    layers: dict[str, list[dict]] = defaultdict(list)

    def walk(el, folder):
        for c in el:
            tag = local(c)
            if tag in {"Folder", "Document"}:
                walk(c, child_text(c, "name") or folder)
            elif tag == "Placemark":
                props = {"Name": child_text(c, "name"), "description": child_text(c, "description")}
                for node in c.iter():
                    if local(node) == "when":
                        props["timestamp"] = (node.text or "").strip()
                    elif local(node) in {"Data", "SimpleData"} and node.get("name"):
                        val = child_text(node, "value") if local(node) == "Data" else node.text
                        props[node.get("name")] = (val or "").strip()
                for g in geoms(c):
                    layers[folder].append({**props, "geometry": g})

    walk(root, "kml")
    return [(name, gpd.GeoDataFrame(rows, crs="EPSG:4326")) for name, rows in layers.items()]
