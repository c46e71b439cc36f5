"""The dashboard's one Streamlit-aware module: cached resources, shared state, first run.

Pages call these helpers and the ``geo`` library; they hold no data wrangling of their own.
The pure table and chart builders live in ui.tables, which imports no streamlit.
"""

from .articles import (
    add_uploaded_or_pasted,
    correction_form,
    mentions_by_role,
    remove_samples,
    samples_in_store,
)
from .state import (
    LAYER_LABELS,
    chosen_layers,
    date_range,
    gazetteer,
    init_date_range,
    layers,
    map_assets,
    map_data,
    prepare_first_run,
    store,
    store_span,
    sync_url,
)
from .tables import (
    events_table,
    highlighted,
    markdown_text,
    mention_label,
    mentions_table,
    timeline_chart,
)
from .views import (
    EVENT_COLUMN_CONFIG,
    area_chart,
    change_geojson,
    evacuations_table,
    export_bytes,
    frontline_bounds,
    frontline_change,
    frontline_groups,
    frontline_store,
    import_snapshot,
    near_front_table,
)

__all__ = [
    "EVENT_COLUMN_CONFIG",
    "LAYER_LABELS",
    "add_uploaded_or_pasted",
    "area_chart",
    "change_geojson",
    "chosen_layers",
    "correction_form",
    "date_range",
    "evacuations_table",
    "events_table",
    "export_bytes",
    "frontline_bounds",
    "frontline_change",
    "frontline_groups",
    "frontline_store",
    "gazetteer",
    "highlighted",
    "import_snapshot",
    "init_date_range",
    "layers",
    "map_assets",
    "map_data",
    "markdown_text",
    "mention_label",
    "mentions_by_role",
    "mentions_table",
    "near_front_table",
    "prepare_first_run",
    "remove_samples",
    "samples_in_store",
    "store",
    "store_span",
    "sync_url",
    "timeline_chart",
]
