"""Geo dashboard (minimal first page): paste text, see the places it names."""

import pandas as pd
import streamlit as st

from geo.gazetteer import load_gazetteer
from geo.geoparse import geoparse

st.set_page_config(page_title="Geo dashboard", layout="wide")


@st.cache_resource(show_spinner="Loading the offline gazetteer…")
def gazetteer():
    """The shared gazetteer, loaded once per server process."""
    return load_gazetteer()


st.title("Places in a text")
text = st.text_area("Article text", height=200, placeholder="Paste a news article…")
if text.strip():
    tops = geoparse(text, gazetteer=gazetteer())
    rows = [
        {
            "surface": t.surface,
            "place": t.place.name,
            "kind": t.place.kind.value,
            "country": t.place.country_code,
            "lat": t.place.lat,
            "lon": t.place.lon,
            "confidence": t.confidence,
        }
        for t in tops
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
