"""Control classes of front-line snapshots and how source labels map onto them.

DeepStateMap keys, ISW layer titles and free-text labels become one ``ControlClass`` each.
"""

from __future__ import annotations

import re
from enum import StrEnum

__all__ = [
    "CLASS_FIELDS",
    "CLASS_PHRASES",
    "DEEPSTATE_KEYS",
    "NAME_FIELDS",
    "ControlClass",
    "classify",
]


class ControlClass(StrEnum):
    """Who holds an area, in our own vocabulary (docs/frontline.md maps the sources in)."""

    OCCUPIED = "occupied"
    CONTESTED = "contested"
    LIBERATED = "liberated"
    CLAIMED = "claimed"
    UNKNOWN = "unknown"


# DeepStateMap names read "Ukrainian /// English /// geoJSON.<key>"; the key is the stable part.
DEEPSTATE_KEYS: dict[str, ControlClass | None] = {
    "geojson.status.occupied": ControlClass.OCCUPIED,
    "geojson.territories.crimea": ControlClass.OCCUPIED,
    "geojson.territories.ordlo": ControlClass.OCCUPIED,
    "geojson.territories.tuzla": ControlClass.OCCUPIED,
    "geojson.status.unknown": ControlClass.CONTESTED,
    "geojson.status.dismissed": ControlClass.LIBERATED,
    "geojson.status.dismissed_at": ControlClass.LIBERATED,
    "geojson.zmiinyi_island": ControlClass.LIBERATED,
}
# Checked in order: the first phrase found in a text decides. Specific ISW layer titles come
# before the single words they contain ("Claimed Ukrainian Counteroffensives" is not "claimed").
CLASS_PHRASES: tuple[tuple[str, ControlClass], ...] = (
    ("ukrainian counteroffensive", ControlClass.LIBERATED),
    ("counteroffensive", ControlClass.LIBERATED),
    ("counter offensive", ControlClass.LIBERATED),
    ("russian advance", ControlClass.CONTESTED),
    ("claimed russian", ControlClass.CLAIMED),
    ("russian claim", ControlClass.CLAIMED),
    ("russian controlled", ControlClass.OCCUPIED),
    ("liberat", ControlClass.LIBERATED),
    ("deoccup", ControlClass.LIBERATED),
    ("de occup", ControlClass.LIBERATED),
    ("звільн", ControlClass.LIBERATED),
    ("освобожд", ControlClass.LIBERATED),
    ("contested", ControlClass.CONTESTED),
    ("disputed", ControlClass.CONTESTED),
    ("grey zone", ControlClass.CONTESTED),
    ("gray zone", ControlClass.CONTESTED),
    ("сіра зона", ControlClass.CONTESTED),
    ("серая зона", ControlClass.CONTESTED),
    ("advance", ControlClass.CONTESTED),
    ("occupied", ControlClass.OCCUPIED),
    ("occupation", ControlClass.OCCUPIED),
    ("окуп", ControlClass.OCCUPIED),
    ("оккуп", ControlClass.OCCUPIED),
    ("claimed", ControlClass.CLAIMED),
    ("annex", ControlClass.CLAIMED),
)
CLASS_FIELDS = ("class", "status", "control", "category", "type", "layer")
NAME_FIELDS = ("name", "description", "label", "title")
_CLASS_VALUES = frozenset(c.value for c in ControlClass)


def _deepstate_key(text: str) -> str | None:
    tail = text.split("///")[-1].strip().lower()
    if not tail.startswith("geojson."):
        return None
    return re.sub(r"\s*\{\{.*$", "", tail).split()[0]  # "dismissed_at {{at:27.03}}" -> key


def classify(*texts: object) -> ControlClass | None:
    """Map free-text labels (class field, layer name, feature name ...) to a class.

    Texts are tried in order and the first that maps decides. DeepStateMap keys are exact;
    other texts are matched by phrase (see ``CLASS_PHRASES``). Returns ``None`` for features the
    mapping drops on purpose (DeepStateMap territories outside Ukraine), and
    ``ControlClass.UNKNOWN`` when nothing matches.
    """
    for raw in texts:
        if not isinstance(raw, str) or not raw.strip():
            continue
        key = _deepstate_key(raw.lower())
        if key is not None:
            if key in DEEPSTATE_KEYS:
                return DEEPSTATE_KEYS[key]
            return None if key.startswith("geojson.territories.") else ControlClass.UNKNOWN
        # "RussianControlled_Territory", "russian-controlled" -> "russian controlled territory"
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)
        text = " ".join(re.sub(r"[_\-\xa0]+", " ", text).split()).lower()
        if text in _CLASS_VALUES:
            return ControlClass(text)
        for phrase, klass in CLASS_PHRASES:
            if phrase in text:
                return klass
    return ControlClass.UNKNOWN
