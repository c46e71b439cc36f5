"""Articles: add one (paste, upload or links), read it with its places marked, correct a place."""

import streamlit as st

import ui

st.header("Articles")
if flash := st.session_state.pop("flash", None):
    st.success(ui.markdown_text(flash))
tab_add, tab_read, tab_dataset = st.tabs(["Add an article", "Read and correct", "Import a dataset"])

with tab_add, st.form("add_article"):
    text = st.text_area(
        "Article text", height=220, placeholder="Paste the article here, or upload a file below."
    )
    upload = st.file_uploader("…or upload a file", type=["txt", "md", "html", "htm"])
    c1, c2, c3 = st.columns(3)
    title = c1.text_input("Title (optional)")
    published = c2.date_input(
        "Publication date (optional)",
        value=None,
        format="YYYY-MM-DD",
        help="Left empty, the date is inferred from the text.",
    )
    url = c3.text_input("Source URL (optional)")
    if st.form_submit_button("Add article", type="primary"):
        ok, message = ui.add_uploaded_or_pasted(
            text, upload, title=title, published=published, url=url
        )
        (st.success if ok else st.error)(ui.markdown_text(message))

with tab_add, st.form("add_links"):
    links = st.text_area(
        "…or article and feed links",
        height=100,
        key="links",
        placeholder="https://… one article or RSS/Atom feed per line",
        help="Each page is fetched (this needs the network) and read like an uploaded HTML "
        "file; a feed's items are fetched one by one. Nothing is fetched otherwise.",
    )
    if st.form_submit_button("Fetch and add"):
        with st.spinner("Fetching, one request at a time…"):
            for ok, message in ui.add_links(links):
                (st.success if ok else st.error)(message)

with tab_dataset, st.form("import_dataset"):
    st.write(
        "Events of a file downloaded from ACLED or UCDP become a source of their own, shown "
        "beside the events read from articles and filtered under *Event sources*."
    )
    data_file = st.file_uploader("ACLED-layout or UCDP GED CSV", type=["csv"])
    layout = st.radio(
        "Layout",
        ["acled", "ged"],
        format_func={"acled": "ACLED", "ged": "UCDP GED"}.get,
        horizontal=True,
    )
    if st.form_submit_button("Import events", type="primary"):
        ok, message = ui.import_dataset(data_file, layout)
        (st.success if ok else st.error)(ui.markdown_text(message))

with tab_read:
    articles = ui.store().articles()
    if not articles:
        st.info("The store has no articles yet. Add one in the first tab.")
        st.stop()
    article = st.selectbox(
        "Article",
        articles,
        key="article_choice",
        format_func=lambda a: f"{a.published or 'undated'} · {a.title[:90]}",
    )
    toponyms = ui.store().toponyms(article.article_id)
    meta = [
        f"published {article.published or 'unknown'}"
        + (" (inferred)" if article.published_inferred else "")
    ]
    if article.url:
        meta.append(ui.markdown_text(article.url))
    st.caption(" · ".join(meta))

    if article.fmt in ("acled", "ged"):
        st.caption("An imported dataset: its rows are its events; nothing to read or correct here.")
    selected = st.session_state.get("mention_choice")
    st.markdown(ui.highlighted(article.text, toponyms, selected), unsafe_allow_html=True)
    st.caption(
        "Filled: a place (on the map). Dotted: a name used otherwise, such as “Russian” "
        "forces or the “Kyiv” of Kyiv Independent; hover for its role."
    )
    ui.mentions_by_role(toponyms)

    st.subheader("Correct a place")
    if not toponyms:
        st.caption("No place names were found in this article.")
    else:
        k = st.selectbox(
            "Mention",
            range(len(toponyms)),
            key="mention_choice",
            format_func=lambda i: ui.mention_label(toponyms[i]),
        )
        ui.correction_form(article, toponyms[k])

    with st.expander("Remove this article"):
        st.write("Removes the article, its place mentions and its events from the store.")
        if st.button("Remove article", key="remove_article"):
            ui.store().delete_article(article.article_id)
            st.session_state.pop("article_choice", None)
            st.rerun()

samples = ui.samples_in_store()
if samples:
    with st.expander(f"Remove the {samples} illustrative sample articles"):
        st.write(
            "The samples were written for this project to show how the dashboard works; "
            "they are not real reporting."
        )
        if st.button("Remove sample articles", key="remove_samples"):
            st.session_state["flash"] = f"Removed {ui.remove_samples()} sample articles."
            st.rerun()
