"""Places: the offline gazetteer, admin-1 boundaries and geopy geocoders (offline by default)."""
