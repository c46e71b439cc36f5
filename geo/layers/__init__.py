"""Stage 5, layers: GeoDataFrames built from the store, and files written from them."""
