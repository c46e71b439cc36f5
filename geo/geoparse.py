"""Find place names in text and resolve them against the gazetteer, using the whole document.

Recognition is gazetteer-driven (capitalised n-grams looked up as normalised keys) with
filters for the usual traps: months, people, organisations and events that contain a place
name, sentence-initial common words. Resolution scores every candidate by how it matched, what
it is, its population and the document's context (countries, admin-1 units, nearby places).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .gazetteer import ADMIN1_SUFFIXES, Gazetteer, base_score, load_gazetteer, normalize
from .records import Candidate, Correction, Place, PlaceKind, Toponym

__all__ = ["Token", "geoparse", "tokenize"]

MAX_WORDS = 6  # longest name we try ("Bosnia and Herzegovina", "Ivano-Frankivsk Oblast")
MAX_CANDIDATES = 10  # kept on each toponym so an analyst can pick another reading

_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿА-яЁёЇїІіЄєҐґЎў"
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}"  # U.S., U.K.
    rf"|[{_LETTERS}0-9]+(?:['’ʼ][{_LETTERS}]+|[-‐‑][{_LETTERS}0-9]+)*"
)
_SENTENCE_END = re.compile(r"[.!?:;\n]['\"’”)\]]*\s*[“\"‘'(\[«]*$")
# Lower-case parts that belong inside a hyphenated name ("Rostov-on-Don", "Komsomolsk-na-Amure").
_HYPHEN_JOINERS = frozenset(["on", "na", "sur", "upon", "am", "en", "de", "la", "le", "du"])
_OPENERS = " \t\n“\"‘'([«"
_CYRILLIC = re.compile(r"[А-яЁёЇїІіЄєҐґ]")

MONTHS_WEEKDAYS = frozenset(
    normalize(w)
    for w in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Christmas",
        "Easter",
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ]
)
# Words before a name that make it a person ("President Putin", "Gen. Syrskyi").
TITLES = frozenset(
    [
        "president",
        "presidents",
        "minister",
        "ministers",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "maj",
        "major",
        "sgt",
        "capt",
        "captain",
        "adm",
        "admiral",
        "commander",
        "chancellor",
        "secretary",
        "senator",
        "rep",
        "representative",
        "governor",
        "mayor",
        "premier",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sir",
        "lord",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "chief",
        "director",
        "ceo",
        "judge",
        "deputy",
        "lieutenant",
        "marshal",
        "patriarch",
        "metropolitan",
        "father",
        "saint",
    ]
)
# Capitalised words that may follow a place name without making it an organisation.
PLACE_HEADS = frozenset(
    [
        *ADMIN1_SUFFIXES,
        "oblasts",
        "regions",
        "provinces",
        "governor",
        "mayor",
        "regional",
        "military",
        "administration",
        "city",
        "council",
        "district",
        "raion",
        "front",
        "direction",
        "axis",
        "sector",
        "offensive",
        "counteroffensive",
        "incursion",
        "operation",
        "border",
        "outskirts",
        "region's",
        "authorities",
        "officials",
        "residents",
        "airport",
        "port",
        "station",
        "railway",
        "bridge",
        "peninsula",
        "forest",
        "forests",
        "woods",
        "hub",
        "mountains",
        "sea",
        "coast",
        "area",
        "metropolitan",
        "heights",
        "state",
        "county",
        "municipality",
        "hromada",
        "krai",
        "okrug",
    ]
)
# Words after a name that make it a feature or a unit named after the place, not the place:
# "the Dnipro River", "the Kakhovka dam", "the Azov brigade".
FEATURE_WORDS = frozenset(
    "river rivers canal dam reservoir lake brigade brigades regiment battalion battalions "
    "division corps group steelworks agreement agreements accords format protocol".split()
)
# Words before a name that do not make it part of a longer proper name.
FREE_PRECEDERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "of",
        "from",
        "to",
        "near",
        "into",
        "toward",
        "towards",
        "outside",
        "inside",
        "across",
        "and",
        "or",
        "but",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "occupied",
        "liberated",
        "annexed",
        "russian-occupied",
        "ukrainian-controlled",
        "russian",
        "ukrainian",
        "neighbouring",
        "neighboring",
        "nearby",
    ]
)
# Ukrainian and Russian prepositions, which start many sentences ("У Покровську ...").
FREE_PRECEDERS |= frozenset(
    normalize(w)
    for w in "у в во на під біля поблизу з із від до через за над поруч под возле около из от "
    "после".split()
)
# Admin-1 units of some countries are named by plain adjectives (Ghana's "Western", Zambia's
# "Central"); as words they are far more common than as places.
GENERIC_WORDS = frozenset(
    [
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "capital",
        "coast",
        "coastal",
        "lake",
        "lakes",
        "upper",
        "lower",
        "middle",
        "centre",
        "center",
        "interior",
        "island",
        "islands",
        "mountain",
        "valley",
        "plateau",
        "federal",
        "national",
        "far",
    ]
)
# Prepositions that introduce a place: "in Nice", "near Most" (where the word alone would not).
LOCATIVES = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "toward",
        "towards",
        "outside",
        "around",
        "across",
        "via",
        "of",
    ]
)
SETTLEMENT_WORDS = frozenset(
    ["city", "town", "village", "settlement", "hamlet", "urban-type", "suburb", "township"]
)
DEMONYMS = {
    "ukrainian": "UA",
    "ukrainians": "UA",
    "russian": "RU",
    "russians": "RU",
    "belarusian": "BY",
    "belarusians": "BY",
    "moldovan": "MD",
    "georgian": "GE",
    "polish": "PL",
    "turkish": "TR",
    "american": "US",
    "americans": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "chinese": "CN",
    "iranian": "IR",
    "north korean": "KP",
    "українськ": "UA",
    "російськ": "RU",
    "украинск": "UA",
    "российск": "RU",
}
FOCUS_COUNTRIES = ("UA", "RU")  # the theatre this product is built for; a small prior only
THEATRE = frozenset(FOCUS_COUNTRIES)


@dataclass(slots=True)
class Token:
    """One word of the text, with what the geoparser needs to know about it."""

    start: int
    end: int  # without a possessive 's
    text: str
    norm: str
    cap: bool  # begins with a capital (or is an acronym)
    initial: bool  # first word of a sentence or line, where capitals say nothing
    possessive: bool
    joined: bool = False  # the gap to the next token is only spaces (or "St. ")


@functools.lru_cache(maxsize=262144)
def _norm_word(word: str) -> str:
    # News text repeats its words; caching the fold makes tokenising several times faster.
    return normalize(word)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets, possessives split off."""
    toks: list[Token] = []
    append = toks.append
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        poss = len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ"
        if poss:
            e -= 2
            word = word[:-2]
        cap = word[0].isupper()
        if cap and "-" in word:
            # "Moscow-backed", "Russian-occupied": the name is the part before the hyphen.
            head, _, tail = word.rpartition("-")
            if tail[:1].islower() and tail not in _HYPHEN_JOINERS:
                e = s + len(head)
                word = head
                poss = False
        # Only capitalised words can start a name, so only they need the sentence check.
        initial = cap and (
            (s < 8 and not text[:s].strip(_OPENERS))
            or bool(_SENTENCE_END.search(text, max(0, s - 6), s))
        )
        append(Token(s, e, word, _norm_word(word), cap, initial, poss))
    for a, b in itertools.pairwise(toks):
        if a.possessive:
            continue
        gap_len = b.start - a.end
        a.joined = (gap_len == 1 and text[a.end] == " ") or (
            gap_len == 2 and text[a.end : b.start] == ". " and a.norm in {"st", "mt"}
        )
    return toks


@dataclass
class _Mention:
    """A recognised name before resolution."""

    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    surface: str
    key: str
    cands: list[Candidate]
    admin1_form: bool = False  # "X Oblast", "X region": only admin-1 readings count
    settlement_of: int | None = None  # index of the mention X in "the X city of Y"
    within: int | None = None  # index of a mention this one lies in ("Y, X Oblast")
    scores: list[float] = field(default_factory=list)


def _title_case_lines(text: str, toks: list[Token]) -> set[int]:
    """Token indices on headline-style lines, where every word is capitalised."""
    out: set[int] = set()
    line_start = 0
    for k, tok in enumerate(toks):
        if k == len(toks) - 1 or "\n" in text[tok.end : toks[k + 1].start]:
            line = toks[line_start : k + 1]
            words = [t for t in line if len(t.text) > 3]
            if len(words) >= 4 and sum(t.cap for t in words) / len(words) > 0.8:
                out.update(range(line_start, k + 1))
            line_start = k + 1
    return out


@functools.lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    """Whether a word is common English in lower case ("most", "nice", "reading")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a pinned requirement
        return False
    return zipf_frequency(word, "en") >= 3.3


def _cyrillic_variants(norm: str) -> list[str]:
    """Nominative guesses for an inflected Cyrillic name ("Покровську" → "покровськ")."""
    out = []
    for ending in ("ому", "ові", "ою", "ої", "ом", "ем", "у", "ю", "і", "е", "а", "я", "и"):
        if norm.endswith(ending) and len(norm) - len(ending) >= 4:
            stem = norm[: -len(ending)]
            out.extend(stem + tail for tail in ("", "а", "я", "ь"))
    return out


# Folded like every key (й→и, ї→і), so they compare with normalised tokens.
_CYRILLIC_OBLAST = frozenset(
    normalize(w) for w in ("области", "області", "область", "обл", "областью", "областю")
)
# Case endings of the feminine adjective in "... область/області", to its nominative.
_ADJ_ENDINGS = tuple(
    (normalize(a), normalize(b))
    for a, b in (
        ("ской", "ская"),
        ("цкой", "цкая"),
        ("ської", "ська"),
        ("цької", "цька"),
        ("ській", "ська"),
        ("цькій", "цька"),
        ("ською", "ська"),
        ("ой", "ая"),
        ("ої", "а"),
        ("ій", "а"),
        ("ую", "ая"),
        ("у", "а"),
    )
)


def _cyrillic_adjective(norm: str) -> list[str]:
    out = [norm]
    for ending, nominative in _ADJ_ENDINGS:
        if norm.endswith(ending):
            out.append(norm[: -len(ending)] + nominative)
    return out


def _recognise(text: str, toks: list[Token], gaz: Gazetteer) -> list[_Mention]:
    headline = _title_case_lines(text, toks)
    persons: set[str] = set()
    mentions: list[_Mention] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.cap:
            i += 1
            continue
        # The longest key starting here; inner words may be lower case ("Rostov on Don",
        # "Kursk region") but the last must be capitalised or an admin-1 word.
        best = None
        key_parts = [tok.norm]
        j = i + 1
        if gaz.has(tok.norm):
            best = (j, tok.norm)
        while j < n and j - i < MAX_WORDS and toks[j - 1].joined:
            key_parts.append(toks[j].norm)
            j += 1
            last = toks[j - 1]
            if not (last.cap or last.norm in ADMIN1_SUFFIXES):
                continue
            key = " ".join(key_parts)
            if gaz.has(key):
                best = (j, key)
        nxt_tok = toks[i + 1] if i + 1 < n else None
        if (
            best is None
            and nxt_tok is not None
            and tok.joined
            and nxt_tok.norm in _CYRILLIC_OBLAST
            and _CYRILLIC.search(tok.text)
        ):
            # "Курской области", "Донецькій області": an oblast in an oblique case.
            for adj in _cyrillic_adjective(tok.norm):
                if gaz.has(key := f"{adj} область"):
                    best = (i + 2, key)
                    break
        if best is None and _CYRILLIC.search(tok.text):
            for variant in _cyrillic_variants(tok.norm):
                if gaz.has(variant):
                    best = (i + 1, variant)
                    break
        if best is None:
            i += 1
            continue
        end_i, key = best
        last = toks[end_i - 1]
        m = _Mention(
            i, end_i, tok.start, last.end, text[tok.start : last.end], key, gaz.lookup_key(key)
        )
        m.admin1_form = end_i - i > 1 and last.norm in ADMIN1_SUFFIXES
        if _reject(m, toks, headline, persons, gaz):
            # A rejected capitalised run ("Vladimir Putin") teaches us a surname to avoid.
            i = end_i
            continue
        mentions.append(m)
        i = end_i
    return [m for m in mentions if not (m.j - m.i == 1 and toks[m.i].norm in persons)]


def _reject(
    m: _Mention,
    toks: list[Token],
    headline: set[int],
    persons: set[str],
    gaz: Gazetteer,
) -> bool:
    """Whether a recognised name is not a place here; learns surnames into ``persons``."""
    first, last = toks[m.i], toks[m.j - 1]
    single = m.j - m.i == 1
    if single and first.norm in MONTHS_WEEKDAYS:
        return True
    if single and len(first.norm) < 3 and not any(c.match == "alias" for c in m.cands):
        return True
    prev = toks[m.i - 1] if m.i > 0 else None
    nxt = toks[m.j] if m.j < len(toks) else None
    aliased = any(c.match == "alias" for c in m.cands)
    if single and len(first.text) >= 3 and first.text.isupper() and not aliased:
        # An acronym (TASS, NATO), not a town that shares the letters; but a dateline writes
        # prominent cities in capitals ("KYIV, Oct 3 (Reuters) -").
        prominent = any(
            c.place.kind is PlaceKind.COUNTRY or (c.place.population or 0) >= 100_000
            for c in m.cands
        )
        if not (prominent and len(first.text) >= 4):
            return True
    if nxt is not None and last.joined and nxt.norm in FEATURE_WORDS:
        return True
    towns_only = all(c.place.kind is PlaceKind.POPULATED_PLACE for c in m.cands)
    best_match_alternate = all(c.match == "alternate" for c in m.cands)
    if (
        single
        and (towns_only or best_match_alternate)
        and prev is not None
        and prev.joined
        and prev.norm == "the"
        and not (nxt is not None and last.joined and nxt.norm in PLACE_HEADS)
    ):
        # English gives towns no article: "the Dnipro" is the river, "the Volga" too, while
        # "the Donetsk city of ..." and "the Pokrovsk direction" keep theirs.
        return True
    if prev is not None and prev.joined and prev.norm in TITLES:
        persons.add(last.norm)
        return True
    in_headline = m.i in headline
    after_next = toks[m.j + 1] if m.j + 1 < len(toks) else None
    oblast_follows = after_next is not None and after_next.norm in _CYRILLIC_OBLAST
    if (
        nxt is not None
        and last.joined
        and nxt.cap
        and not in_headline
        and nxt.norm not in PLACE_HEADS
        and not nxt.initial
        and not oblast_follows  # "Шебекино Белгородской области": a town, then its oblast
    ):
        # "Vladimir Putin", "The New York Times", "Munich Security Conference": a place name
        # inside a longer proper name. The run's next word may be a surname to avoid later,
        # unless it names a place itself ("Eastern Ukraine").
        if not gaz.has(nxt.norm):
            persons.add(nxt.norm)
        return True
    if (
        prev is not None
        and prev.joined
        and prev.cap
        and not in_headline
        and prev.norm not in FREE_PRECEDERS
        and not prev.possessive
        and not (m.admin1_form or (" " in m.key and m.key.endswith(" область")))
        # At a sentence start, a capital says nothing about common words ("Both Kyiv and")
        # but a name is still a name ("Lloyd Austin announced").
        and not (prev.initial and (len(prev.norm) <= 2 or _common_word(prev.norm)))
    ):
        persons.add(last.norm)
        return True
    if single and _common_word(first.norm):
        # "Most importantly", "Reading the report", "its Western allies": a common word is
        # a place where a preposition introduces it ("in Nice"), or where the place is
        # prominent enough to be written bare ("Washington said", "Crimea"). Word lists
        # count proper nouns too, so prominence, not frequency, decides for big places.
        pop = max((c.place.population or 0) for c in m.cands) if m.cands else 0
        country = any(c.place.kind is PlaceKind.COUNTRY for c in m.cands)
        if first.initial or in_headline:
            return not (country or pop >= 500_000)
        introduced = prev is not None and prev.joined and prev.norm in LOCATIVES
        prominent = (
            country
            or pop >= 100_000
            or (
                first.norm not in GENERIC_WORDS
                and any(c.place.kind in (PlaceKind.ADMIN1, PlaceKind.REGION) for c in m.cands)
            )
        )
        return not (introduced or prominent)
    return False


# ------------------------------------------------------------------------------ resolution


def _dist_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _link_patterns(text: str, toks: list[Token], mentions: list[_Mention]) -> None:
    """Find "the X city of Y", "Y, X Oblast", "Y in X Oblast" and "Y (X region)" links."""
    by_start = {m.i: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        # the Donetsk city of Pokrovsk / Kursk's town of Sudzha
        a, b = m.j, m.j + 2
        if (
            b < len(toks)
            and toks[a].norm in SETTLEMENT_WORDS
            and toks[a + 1].norm == "of"
            and b in by_start
        ):
            mentions[by_start[b]].settlement_of = k
        # Y, X Oblast | Y in X Oblast | Y (X Oblast) | Y in Ukraine's X region
        gap_end = min(len(toks), m.j + 3)
        for nxt in range(m.j, gap_end):
            if nxt in by_start and nxt != m.i:
                other = mentions[by_start[nxt]]
                between = text[m.end : other.start].strip().lower()
                if between in {",", "in", "(", "near", "in the", ", in", "of"} or (
                    between.endswith("’s") or between.endswith("'s")
                ):
                    m.within = by_start[nxt]
                break


def _doc_context(
    mentions: list[_Mention], text: str
) -> tuple[Counter, set[str], set[str], set[str]]:
    """Countries, admin-1 units, explicit "X Oblast" units and demonym countries of a text.

    Demonyms are weak evidence ("Russian forces" fight in Ukraine), so they are kept apart
    from countries the text names.
    """
    countries: Counter = Counter()
    admin1: set[str] = set()
    explicit: set[str] = set()
    lowered = text.lower()
    demonyms = {cc for word, cc in DEMONYMS.items() if word in lowered}
    if demonyms & THEATRE:
        # "Russian forces", "Ukrainian troops": both point to the war's theatre, not to one
        # side's territory, so they weigh for Ukraine and Russia alike.
        demonyms |= THEATRE
    for m in mentions:
        kinds = {c.place.kind for c in m.cands}
        if m.admin1_form:
            for c in m.cands:
                if c.place.kind is PlaceKind.ADMIN1 and c.place.admin1_code:
                    admin1.add(c.place.admin1_code)
                    explicit.add(c.place.admin1_code)
                    countries[c.place.country_code] += 1
        elif PlaceKind.COUNTRY in kinds:
            for c in m.cands:
                if c.place.kind is PlaceKind.COUNTRY:
                    countries[c.place.country_code] += 2
        elif kinds == {PlaceKind.REGION}:
            for c in m.cands:
                if c.place.country_code:
                    countries[c.place.country_code] += 1
    return countries, admin1, explicit, demonyms


def _score_all(mentions: list[_Mention], text: str, gaz: Gazetteer) -> None:
    countries, admin1, explicit, demonyms = _doc_context(mentions, text)
    for m in mentions:
        m.scores = []
        for c in m.cands:
            p = c.place
            s = base_score(c)
            if m.admin1_form:
                s += 8.0 if p.kind is PlaceKind.ADMIN1 else -8.0
            if p.country_code and p.country_code in countries:
                s += 1.5 + 0.25 * min(countries[p.country_code], 4)
            elif p.country_code in demonyms:
                s += 0.5
            if (p.population or 0) >= 1_000_000 or gaz.is_capital(p.place_id):
                # A metropolis or a capital is what a bare name means unless the text says
                # otherwise: Washington is the capital, not Washington in Tyne and Wear.
                s += 1.0
            if p.country_code in FOCUS_COUNTRIES:
                s += 0.3
            if p.kind is PlaceKind.POPULATED_PLACE and p.admin1_code in admin1:
                s += 2.5
            if p.kind is PlaceKind.ADMIN1 and p.admin1_code in explicit and not m.admin1_form:
                # "Kursk Oblast ... the invasion of Kursk": the bare name means the region.
                s += 4.0
            m.scores.append(s)

    # Links between mentions: the settlement lies in the unit named next to it.
    for m in mentions:
        if m.settlement_of is not None:
            unit = mentions[m.settlement_of]
            for k, c in enumerate(unit.cands):
                if c.place.kind is PlaceKind.ADMIN1:
                    unit.scores[k] += 6.0
            codes = {c.place.admin1_code for c in unit.cands if c.place.kind is PlaceKind.ADMIN1}
            for k, c in enumerate(m.cands):
                if c.place.admin1_code in codes and c.place.kind is PlaceKind.POPULATED_PLACE:
                    m.scores[k] += 6.0
        if m.within is not None:
            outer = mentions[m.within]
            # "Albany, New York": after a town and a comma comes its state, not a city.
            if text[m.end : outer.start].strip() == ",":
                for k, c in enumerate(outer.cands):
                    if c.place.kind is PlaceKind.ADMIN1:
                        outer.scores[k] += 3.0
            codes = {
                c.place.admin1_code
                for c in outer.cands
                if c.place.kind in (PlaceKind.ADMIN1, PlaceKind.REGION)
            }
            ccs = {c.place.country_code for c in outer.cands if c.place.kind is PlaceKind.COUNTRY}
            for k, c in enumerate(m.cands):
                if c.place.kind is PlaceKind.POPULATED_PLACE and c.place.admin1_code in codes:
                    m.scores[k] += 4.0
                elif c.place.country_code in ccs and c.place.kind is not PlaceKind.COUNTRY:
                    m.scores[k] += 2.0

    # Nearness to the confidently placed: two passes let anchors propagate. Each pass
    # recomputes the bonus from the scores without it, so passes do not accumulate. Work is
    # per distinct name, not per mention, so a long document costs little more than a short.
    context = [list(m.scores) for m in mentions]
    for _ in range(2):
        anchors: dict[str, tuple[str, Place]] = {}
        for m in mentions:
            k = _best(m)
            if k is None:
                continue
            p = m.cands[k].place
            if p.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN1) and _margin(m) >= 1.5:
                anchors.setdefault(p.place_id, (m.key, p))
        if not anchors:
            break
        bonus_by_key: dict[str, list[float]] = {}
        for m, without in zip(mentions, context, strict=True):
            if len(m.cands) < 2:
                continue
            bonus = bonus_by_key.get(m.key)
            if bonus is None:
                others = [p for key, p in anchors.values() if key != m.key]
                bonus = [_near_bonus(c.place, others) for c in m.cands]
                bonus_by_key[m.key] = bonus
            m.scores = [w + b for w, b in zip(without, bonus, strict=True)]


def _near_bonus(place: Place, anchors: list[Place]) -> float:
    if place.kind is PlaceKind.COUNTRY or not anchors:
        return 0.0
    d = min(_dist_km(place, p) for p in anchors)
    return 2.0 if d < 60 else 1.5 if d < 150 else 0.75 if d < 400 else 0.0


def _best(m: _Mention) -> int | None:
    if not m.cands:
        return None
    return max(range(len(m.cands)), key=m.scores.__getitem__)


def _margin(m: _Mention) -> float:
    s = sorted(m.scores, reverse=True)
    return s[0] - s[1] if len(s) > 1 else 10.0


def _confidence(scores: Sequence[float]) -> float:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    return round(1.0 / sum(weights), 3)


def _apply_corrections(toponyms: list[Toponym], corrections: Sequence[Correction]) -> list[Toponym]:
    if not corrections:
        return toponyms
    by_start = {c.start: c for c in corrections if c.start is not None}
    by_surface = {normalize(c.surface): c for c in corrections if c.start is None}
    out = []
    for t in toponyms:
        c = by_start.get(t.start) or by_surface.get(normalize(t.surface))
        if c is not None:
            manual = Candidate(c.place, 99.0, "manual")
            t = replace(
                t,
                place=c.place,
                confidence=1.0,
                corrected=True,
                candidates=(
                    manual,
                    *(x for x in t.candidates if x.place.place_id != c.place.place_id),
                ),
            )
        out.append(t)
    return out


def geoparse(
    text: str,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    corrections: Sequence[Correction] = (),
) -> list[Toponym]:
    """Find and resolve the place names of a text.

    Parameters
    ----------
    text
        The document. Offsets in the result index into it unchanged.
    published
        The document's date. Accepted for a stable signature; resolution does not depend on
        it yet (historical names are resolved to today's places).
    gazetteer
        The index to use; the shared offline gazetteer by default.
    corrections
        Analyst corrections: those with ``start`` set fix the mention at that offset (pass
        only this document's), those without fix a surface form everywhere.

    Returns
    -------
    list of Toponym
        In text order. ``text[t.start:t.end] == t.surface``; ``t.place`` is the chosen
        reading and ``t.candidates`` the readings weighed, best first.
    """
    del published  # see the docstring: not used for resolution yet
    gaz = gazetteer or load_gazetteer()
    toks = tokenize(text)
    mentions = _recognise(text, toks, gaz)
    _link_patterns(text, toks, mentions)
    _score_all(mentions, text, gaz)
    out = []
    for m in mentions:
        if not m.cands:
            continue
        order = sorted(range(len(m.cands)), key=lambda k: -m.scores[k])[:MAX_CANDIDATES]
        cands = tuple(
            Candidate(m.cands[k].place, round(m.scores[k], 3), m.cands[k].match) for k in order
        )
        out.append(
            Toponym(
                m.start,
                m.end,
                m.surface,
                cands[0].place,
                _confidence([m.scores[k] for k in order]),
                cands,
            )
        )
    return _apply_corrections(out, corrections)
