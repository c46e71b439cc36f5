"""Article intake (through geo.pipeline.ingest) and the correction form of the Articles page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from geo.config import data_dir
from geo.errors import GeoError
from geo.places.boundaries import manual_place
from geo.records import Correction, ToponymRole

from .state import gazetteer, store
from .tables import blank_missing, candidate_label, markdown_text, mentions_table


def add_uploaded_or_pasted(
    text: str, upload, *, title: str, published: dt.date | None, url: str
) -> tuple[bool, str]:
    """Add the uploaded file if there is one, else the pasted text; (ok, message)."""
    from geo.pipeline import IngestStatus, Pasted, Upload, ingest

    if upload is not None:
        item = Upload(upload.name, upload.getvalue(), title=title or None, url=url or None)
    else:
        item = Pasted(text or "", title=title or None, url=url or None)
    try:
        (result,) = ingest([item], store=store(), published=published, gazetteer=gazetteer())
    except GeoError as exc:  # the store itself failed: say so instead of a traceback
        return False, str(exc)
    if result.status is IngestStatus.ERROR:
        return False, result.message
    if result.status is IngestStatus.PRESENT:
        return False, f"“{result.title}” is already in the store; nothing changed."
    note = " (date inferred from the text)" if result.published_inferred else ""
    return True, f"Added “{result.title}”, published {result.published or 'unknown'}{note}."


@st.cache_resource(show_spinner=False)
def _fetcher():
    """One fetcher per server process, so its pause between requests holds across sessions."""
    from geo.text.fetch import Fetcher

    return Fetcher()


def add_links(links: str, *, published: dt.date | None = None) -> list[tuple[bool, str]]:
    """Fetch and add the article and RSS/Atom feed URLs typed one per line; (ok, message) each.

    Only http(s) URLs are fetched; anything else in the box is refused, never read as a path
    on the server.
    """
    from geo.pipeline import IngestStatus, Url, ingest
    from geo.text.fetch import is_url

    words = links.split()
    if not words:
        return [(False, "Nothing to add: give article or feed links, one per line.")]
    not_urls = [w for w in words if not is_url(w)]
    out = [(False, f"{w}: not a web address; give an http:// or https:// URL.") for w in not_urls]
    urls = [Url(w) for w in dict.fromkeys(words) if is_url(w)]
    if not urls:
        return out
    try:
        report = ingest(
            urls, store=store(), published=published, gazetteer=gazetteer(), fetcher=_fetcher()
        )
    except GeoError as exc:  # the store itself failed
        return [*out, (False, str(exc))]
    for r in report:
        if r.status is IngestStatus.ERROR:
            out.append((False, r.message))
        elif r.status is IngestStatus.PRESENT:
            out.append((False, f"“{r.title}” ({r.source}) is already in the store."))
        else:
            note = f" Note: {r.message}" if r.message else ""
            out.append(
                (
                    True,
                    f"Added “{r.title}” ({r.source}), published {r.published or 'unknown'}, "
                    f"{r.events} events.{note}",
                )
            )
    return out


def import_dataset(upload, fmt: str) -> tuple[bool, str]:
    """Import an uploaded ACLED-layout or UCDP GED CSV as a source of its own; (ok, message).

    The store is unchanged when the file is refused.
    """
    from geo.pipeline import IngestStatus, Upload, import_events

    if upload is None:
        return False, "Choose a CSV file to import."
    try:
        result = import_events(Upload(upload.name, upload.getvalue()), fmt=fmt, store=store())
    except GeoError as exc:
        return False, f"{upload.name} was not imported: {exc}"
    if result.status is IngestStatus.PRESENT:
        return True, f"{upload.name} was already imported; nothing changed."
    return True, f"Imported {result.events:,} events from {upload.name} ({result.message})."


def mentions_by_role(toponyms) -> None:
    """The mentions table, filtered to the roles the analyst picks (all by default)."""
    roles = st.multiselect(
        "Roles",
        [r.value for r in ToponymRole],
        default=[r.value for r in ToponymRole],
        key="mention_roles",
        help="literal: the place itself · metonymic: its people or government (“Kyiv said”) · "
        "demonym: “Ukrainians” · adjectival: “Russian forces” · embedded: inside another name "
        "(“Kyiv Independent”). Only literal and metonymic names are on the map.",
    )
    shown = [t for t in toponyms if t.role in roles]
    st.dataframe(blank_missing(mentions_table(shown)), hide_index=True, width="stretch")


def correction_form(article, mention) -> None:
    """Pick another candidate or enter coordinates; store the correction and re-analyse."""
    options = list(mention.candidates)
    with st.form(f"correct-{article.article_id}-{mention.start}"):
        choice = st.radio(
            "Resolve to",
            range(len(options) + 1),
            format_func=lambda i: (  # radio options are markdown
                markdown_text(candidate_label(options[i]))
                if i < len(options)
                else "Somewhere else: enter coordinates below"
            ),
        )
        c1, c2, c3 = st.columns(3)
        name = c1.text_input("Name", value=mention.surface)
        lat = c2.number_input(
            "Latitude", min_value=-90.0, max_value=90.0, value=None, format="%.5f"
        )
        lon = c3.number_input(
            "Longitude", min_value=-180.0, max_value=180.0, value=None, format="%.5f"
        )
        scope = st.radio(
            "Apply to",
            ["this mention only", f"every “{markdown_text(mention.surface)}” in every article"],
            horizontal=True,
        )
        if not st.form_submit_button("Save correction", type="primary"):
            return
    if choice < len(options):
        place = options[choice].place
    else:
        if lat is None or lon is None:
            st.error("Enter both latitude and longitude (decimal degrees), or pick a candidate.")
            return
        place = manual_place(name.strip() or mention.surface, float(lat), float(lon))
    everywhere = not scope.startswith("this")
    correction = Correction(
        surface=mention.surface,
        place=place,
        article_id=None if everywhere else article.article_id,
        start=None if everywhere else mention.start,
        note="entered in the dashboard",
    )
    try:
        from geo.pipeline import apply_correction

        apply_correction(store(), correction, gazetteer=gazetteer())
    except GeoError as exc:
        st.error(markdown_text(exc))
        return
    # Shown by the page after the rerun (a message written now would vanish with it).
    st.session_state["flash"] = f"Saved: “{mention.surface}” → {place.name}. Layers are updated."
    st.rerun()


def sample_articles() -> list:
    """The store's articles that came from the shipped illustrative samples."""
    folder = (data_dir() / "samples").resolve()
    return [
        a
        for a in store().articles(with_text=False)
        if a.source_path and Path(a.source_path).resolve().parent == folder
    ]


def samples_in_store() -> int:
    """How many of the store's articles are the illustrative samples."""
    return len(sample_articles())


def remove_samples() -> int:
    """Delete the illustrative sample articles from the store; returns how many."""
    s = store()
    return sum(bool(s.delete_article(a.article_id)) for a in sample_articles())
