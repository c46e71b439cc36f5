"""Toponym recognition: tokenise text and find the capitalised runs that name a place.

Gazetteer lookups of n-grams, Cyrillic case folding, demonyms, roles (embedded, metonymic),
and filters for people, organisations, features, acronyms and common words; the words
themselves are geo.toponyms.tokens'; resolution is left to geo.toponyms.geoparse.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left

from geo.places.gazetteer import Gazetteer
from geo.places.names import ADMIN1_SUFFIXES, normalize
from geo.places.near_spellings import latin
from geo.records import Candidate, Place, PlaceKind, ToponymRole
from geo.toponyms.demonyms import MAX_WORDS as DEMONYM_WORDS
from geo.toponyms.demonyms import demonym_forms, resolve_demonym
from geo.toponyms.near import RUSSIAN_ADJECTIVES, near_mention
from geo.toponyms.tokens import Mention, Token, common_word, english_zipf
from geo.toponyms.words import (
    ADMIN2_WORDS,
    COMMUNITY_HEADS,
    FEATURE_WORDS,
    FIRST_NAMES,
    FREE_PRECEDERS,
    GENERIC_WORDS,
    GOVERNMENT_VERBS,
    LOCATIVES,
    MEDIA_HEADS,
    MONTHS_WEEKDAYS,
    ORG_HEADS,
    PLACE_HEADS,
    PLURAL_ADMIN2_HEADS,
    PLURAL_UNIT_HEADS,
    RESIDENT_NOUNS,
    STREET_ABBREVIATIONS,
    STREET_WORDS,
    THEATRE,
    TITLES,
    US_STATE_ABBREVIATIONS,
)

__all__ = ["recognise"]

# Kinds and roles compared at every reading and mention, held as module names: an enum's
# ``X.Y`` goes through its metaclass's attribute hook (about 90 ns; see geoparse).
_POPULATED = PlaceKind.POPULATED_PLACE
_ADMIN1 = PlaceKind.ADMIN1
_COUNTRY = PlaceKind.COUNTRY
_REGION = PlaceKind.REGION
_FEATURE = PlaceKind.FEATURE
_LITERAL = ToponymRole.LITERAL
_METONYMIC = ToponymRole.METONYMIC
_EMBEDDED = ToponymRole.EMBEDDED

# "Most residents", "Reading police": a very common word stays a word even before such a noun.
RESIDENT_MAX_ZIPF = 4.5
MAX_WORDS = 6  # longest name we try ("Bosnia and Herzegovina", "Ivano-Frankivsk Oblast")
_CYRILLIC = re.compile(r"[А-яЁёЇїІіЄєҐґ]")


def _title_case_lines(text: str, toks: list[Token]) -> set[int]:
    """Token indices on headline-style lines, where every word is capitalised."""
    out: set[int] = set()
    n = len(toks)
    # Lines are found from the line breaks (no token holds one), not from every gap between
    # tokens; the first token after a break starts the next line.
    cuts = []
    at = text.find("\n")
    while at >= 0:
        cut = bisect_left(toks, at, key=_token_start)
        if cut >= n:
            break
        cuts.append(cut)
        at = text.find("\n", toks[cut].start)
    line_start = 0
    for cut in [*cuts, n]:
        if cut <= line_start:
            continue
        words = caps = 0
        # A line is prose once a fifth of its tokens are long words in lower case: no need
        # to read a paragraph to its end.
        longest = cut - line_start
        for t in toks[line_start:cut]:
            if len(t.text) > 3:
                words += 1
                if t.cap:
                    caps += 1
                elif 5 * (words - caps) >= longest:
                    break
        else:
            if words >= 4 and caps / words > 0.8:
                out.update(range(line_start, cut))
        line_start = cut
    return out


def _token_start(tok: Token) -> int:
    return tok.start


def _cyrillic_variants(norm: str, *, sector: bool = False, min_stem: int = 4) -> list[str]:
    """Nominative guesses for an inflected Cyrillic name ("Покровську" → "покровськ").

    Adjectival names too ("Невского", "Дачного" → "невське", "дачне"), and a Russian spelling
    of a Ukrainian village in its Ukrainian form ("Синьковка" → "синьківка"), since the
    gazetteer knows most villages by their Ukrainian names only. With ``sector`` (a front
    direction follows) the adjective of a town gives the town ("Лиманському" → "лиман").
    """
    out = []
    if (masculine := _MASCULINE_IV.fullmatch(norm)) and len(masculine.group(1)) >= 3:
        out.append(masculine.group(1) + "ів")  # "по Оріхову" → "оріхів", "Харкова" → "харків"
    for ending in ("ому", "ові", "ою", "ої", "ом", "ем", "у", "ю", "і", "е", "а", "я", "и", "ы"):
        if norm.endswith(ending) and len(norm) - len(ending) >= min_stem:
            stem = norm[: -len(ending)]
            out.extend(stem + tail for tail in ("", "а", "я", "ь"))
            out.extend((stem + "е", stem + "о"))  # "Гуляйполю" → "гуляйполе", "Курахова"
    if norm.endswith(("ек", "ок")) and len(norm) >= 6:
        out.append(norm[:-2] + "ки")  # a plural name's genitive: "у Ступочек" → "ступочки"
    if norm.endswith("ів") and len(norm) >= 6:
        out.append(norm[:-2] + "и")  # "біля Пісків" → "піски"
    if norm.endswith(("ах", "ях")) and len(norm) >= 5:
        stem = norm[:-2]  # a plural name's locative: "у Сумах", "в Черкасах", "у Чернівцях"
        out.extend(stem + tail for tail in ("и", "ы", "і"))
    if norm.endswith("ці") and len(norm) >= 6:
        out.append(norm[:-2] + "ка")  # "по Дружківці", "у Новопавлівці": the -ка villages
    adjective = _ADJECTIVE_CASE.fullmatch(norm)
    if adjective and len(adjective.group(1)) >= 3:
        stem = adjective.group(1)
        if adjective.group(2) in _FEMININE_CASES:
            out[:0] = [stem + "а", stem + "ая"]  # "Кремінної" → "кремінна", "Кременной"
        # "Невського" → "невське", "Дачного" → "дачное", "Часового (Яру)" → "часов (яр)"
        out.extend((stem + "е", stem + "ое", stem))
    if sector and (town := _TOWN_ADJECTIVE.fullmatch(norm)):
        stem, marker = town.group(1), town.group(2)
        towns = [stem + marker, stem]  # Покровськ, Лиман
        if stem.endswith(("ів", "ов")):
            towns += [stem[:-2] + "ове", stem[:-2] + "ово"]  # Курахівський → Курахове
        if stem.endswith("іль"):
            towns.append(stem[:-3] + "оле")  # Гуляйпільський → Гуляйполе
        towns.append(stem + "ка")  # Новопавлівський → Новопавлівка
        out = towns + out  # before a direction word the town's adjective names the town
    out += [uk for guess in [*out, norm] if (uk := _ukrainian_spelling(guess))]
    return [v for v in dict.fromkeys(out) if v != norm]


# A Russian or Ukrainian force group named after a river or a quarter: «Днепр», «Восток».
_FORCE_GROUP = re.compile(r"(?:войск|військ|группировк\w*|угрупован\w*|ОТУ)\s*[«\"„“]$")
# A launcher system named like a place: "Grad multiple rocket launchers", "Uragan rockets",
# "a Grad MLRS". The plural weapon (or the launcher) after the name makes it the weapon's name;
# "a Kharkiv missile strike" still names the place hit.
_WEAPON_AFTER = re.compile(
    r"\s+(?:multiple[- ]launch\w*[- ]rocket\w*|multiple[- ]rocket[- ]launch\w*|"
    r"rocket[- ]launch\w*|MLRS\b|rockets\b|missiles\b|launchers\b)"
)


def _biggest(cands: list[Candidate]) -> int:
    """The population of the biggest town (10,000 or more) among readings, else 0.

    Villages do not compete by size: "Терновой" stays "тернова", the feminine guess listed
    first, and does not become some bigger "терново" elsewhere.
    """
    top = max((c.place.population or 0 for c in cands), default=0)
    return top if top >= 10_000 else 0


def _ukrainian_spelling(norm: str) -> str | None:
    """The Ukrainian spelling of a Russian-spelled village name, or None if it has none.

    -овка/-евка → -івка ("Синьковка" → "синьківка"), -ское → -ське, -ое → -е ("Дачное").
    """
    if norm.endswith(("овка", "евка")):
        return norm[:-4] + "івка"
    if norm.endswith("селка"):
        return norm[:-5] + "сілка"  # "Новоселка" → "новосілка"
    if "краин" in norm:
        return norm.replace("краин", "краін")  # "Новоукраинка", "Украинск"
    if norm.endswith(("ское", "цкое")):
        return norm[:-3] + "ьке"  # "невское" → "невське"
    if norm.endswith("ое"):
        return norm[:-2] + "е"
    return None


def _with_ukrainian_namesakes(key: str, cands: list, gaz: Gazetteer) -> list:
    """Add the readings of a Russian spelling's Ukrainian form ("Антоновка", "Антонівка").

    The index knows a village of the front by its Russian name only when it is well known;
    a Russian bulletin's "Антоновка" near Kurakhove is the Donetsk "Антонівка".
    """
    uk = _ukrainian_spelling(key)
    if uk is None or uk == key or not gaz.has(uk):
        return cands
    seen = {c.place.place_id for c in cands}
    return cands + [c for c in gaz.lookup_key(uk) if c.place.place_id not in seen]


# A Ukrainian town in -ів in an oblique case: its "і" turns "о" ("Оріхів", "Оріхову").
_MASCULINE_IV = re.compile(r"(.+)ов(?:а|у|і|ом)")
# Adjective case endings (folded: й→и) after a stem: "Невского", "Дачному", "Невском".
_ADJECTIVE_CASE = re.compile(r"(.+?)(ого|ому|ім|им|ом|ои|ую|оі|еи)")
_FEMININE_CASES = frozenset({"ои", "ую", "оі"})  # "ой", "ую", "ої" folded
# A town's adjective, as a front sector is named: "Покровском", "Лиманському", "Торецкое".
_TOWN_ADJECTIVE = re.compile(r"(.+?)(ськ|цьк|ск|цк)(?:ому|ом|ім|ии|ого|ои|ая|ое|ии|іи)")
_SECTOR_WORD = re.compile(r"напрям|направлен")


# Folded like every key (й→и, ї→і), so they compare with normalised tokens.
_CYRILLIC_OBLAST = frozenset(
    normalize(w)
    for w in (
        *("области", "області", "область", "обл", "областью", "областю"),
        # the plural closes a list of oblasts ("Брянской и Курской областей")
        *("областях", "областей", "областям", "областями"),
    )
)
_CYRILLIC_REPUBLIC = frozenset(
    normalize(w) for w in ("Народной", "Народної", "Народная", "Республики", "Республіки")
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
# The same for the masculine adjective in "... район/округ" ("Суджанского района").
_MASCULINE_ENDINGS = tuple(
    (normalize(a), normalize(b))
    for a, b in (
        ("ського", "ський"),
        ("ському", "ський"),
        ("ським", "ський"),
        ("ськім", "ський"),
        ("ого", "ий"),
        ("ому", "ий"),
        ("ом", "ий"),
        ("им", "ий"),
    )
)
# A unit word in any case: the nominative the index keys use, and its adjective's endings.
_CYRILLIC_UNITS = {
    **{form: (normalize("область"), _ADJ_ENDINGS) for form in _CYRILLIC_OBLAST},
    **{
        normalize(f"{unit}{ending}"): (normalize(unit), _MASCULINE_ENDINGS)
        for unit in ("район", "округ")
        for ending in ("", "а", "е", "у", "ом", "і")
    },
    normalize("окрузі"): (normalize("округ"), _MASCULINE_ENDINGS),
}


# The unit word that closes a list of oblast adjectives, in the plural (and the forms of
# "області"/"области" that are plural too): "... та Донецькій областях", "... и Курской областей".
_CYRILLIC_OBLASTS = frozenset(
    normalize(w) for w in ("областях", "областей", "областям", "областями", "области", "області")
)
_CYRILLIC_AND = frozenset(normalize(w) for w in ("и", "і", "та", "й"))


def _oblast_list_follows(text: str, toks: list[Token], i: int) -> bool:
    """Whether the adjective at ``i`` opens or goes on with a list a plural oblast word closes.

    The list's names are joined by commas, "и", "і", "та" or "й", each an adjective in a case
    the oblast word takes ("Херсонську, Харківську та Запорізьку області"); the last one is
    read with the unit word itself, so only the ones before it are answered here.
    """
    k = i
    while k + 1 < len(toks) and k - i < 30:
        if len(_cyrillic_adjective(toks[k].norm, _ADJ_ENDINGS)) < 2:
            return False
        nxt = toks[k + 1]
        gap = text[toks[k].end : nxt.start].strip()
        if gap == "" and nxt.norm in _CYRILLIC_OBLASTS:
            return k > i
        if gap == "," and nxt.cap and _CYRILLIC.search(nxt.text):
            k += 1
        elif (
            gap in {"", ","}
            and nxt.norm in _CYRILLIC_AND
            and k + 2 < len(toks)
            and toks[k + 2].cap
            and not text[nxt.end : toks[k + 2].start].strip()
        ):
            k += 2
        else:
            return False
    return False


def _cyrillic_adjective(norm: str, endings: tuple[tuple[str, str], ...]) -> list[str]:
    out = [norm]
    for ending, nominative in endings:
        if norm.endswith(ending):
            out.append(norm[: -len(ending)] + nominative)
    return out


def recognise(text: str, toks: list[Token], gaz: Gazetteer) -> list[Mention]:
    """The place names recognised in ``text``, in order, each with its gazetteer readings."""
    headline = _title_case_lines(text, toks)
    # Where street words stand, so that only the capitals just before one look for a street.
    street_words = STREET_WORDS | STREET_ABBREVIATIONS
    streets = [k for k, t in enumerate(toks) if t.cap and t.norm in street_words]
    persons: set[str] = set()
    mentions: list[Mention] = []
    deferred: list[Mention] = []
    # Most texts hold no Cyrillic: then no word is asked for it (six tests per capital).
    any_cyrillic = _CYRILLIC.search(text) is not None
    # The first words of the demonym forms, once: most capitals start none of them.
    demonym_heads = _demonym_heads(demonym_forms())
    n = len(toks)
    # Only a capitalised word opens a name: the loop steps from one to the next (a fifth of
    # the words) instead of reading every word to skip it.
    caps = [k for k, t in enumerate(toks) if t.cap]
    n_caps = len(caps)
    at_cap = 0
    i = 0
    while True:
        while at_cap < n_caps and caps[at_cap] < i:
            at_cap += 1
        if at_cap == n_caps:
            break
        i = caps[at_cap]
        tok = toks[i]
        while streets and streets[0] <= i:
            streets.pop(0)
        street = _street_at(text, toks, i) if streets and streets[0] <= i + 5 else None
        if street is not None:
            mentions.append(street)
            i = street.j
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
            if not (
                last.cap
                or last.norm in ADMIN1_SUFFIXES
                or last.norm in ADMIN2_WORDS
                or last.norm == "direction"  # a front sector named so ("Prydniprovskyi direction")
            ):
                continue
            key = " ".join(key_parts)
            if gaz.has(key):
                best = (j, key)
        if (
            (best is None or best[0] == i + 1)
            and tok.cap
            and tok.joined
            and i + 1 < n
            and toks[i + 1].norm in _RAION_WORDS
            and (respelt := _respelt_units(tok.norm, toks[i + 1].norm, gaz))
        ):
            # "Klymov district" for the index's Klimov district: the unit word says a district
            # follows, and one i/y swap (и, і, ы transliterated) finds it
            best = (i + 2, respelt[0])
        if best is not None and best[0] == i + 1 and tok.norm.endswith(RUSSIAN_ADJECTIVES):
            # "Volnoye Pole": a Russian adjective the index holds alone (another oblast's
            # Vilne) opens a two-word name it lacks, read as one near mention
            near = near_mention(text, toks, i, mentions, persons)
            if near is not None and near.j == i + 2:
                mentions.append(near)
                i = near.j
                continue
        cyrillic = any_cyrillic and _CYRILLIC.search(tok.text) is not None
        unit = _CYRILLIC_UNITS.get(toks[i + 1].norm) if i + 1 < n else None
        if best is None and unit is not None and tok.joined and cyrillic:
            # "Курской области", "Донецькій області", "Суджанского района": an oblast or a
            # district in an oblique case.
            nominative, endings = unit
            for adj in _cyrillic_adjective(tok.norm, endings):
                if gaz.has(key := f"{adj} {nominative}"):
                    best = (i + 2, key)
                    break
        if best is None and cyrillic and _oblast_list_follows(text, toks, i):
            # "в Харківській, Сумській та Донецькій областях", "Белгородской и Курской
            # областей": every adjective of the list is an oblast, not only the last
            for adj in _cyrillic_adjective(tok.norm, _ADJ_ENDINGS):
                if gaz.has(key := f"{adj} {normalize('область')}"):
                    best = (i + 1, key)
                    break
        if (
            best is None
            and i + 2 < n
            and toks[i + 1].norm in _CYRILLIC_REPUBLIC
            and toks[i + 2].norm in _CYRILLIC_REPUBLIC
            and cyrillic
        ):
            # "Донецкой Народной Республики": Russia's name for the oblast it claims, read
            # as the oblast, so that the villages it follows are placed in it
            for adj in _cyrillic_adjective(tok.norm, _ADJ_ENDINGS):
                if gaz.has(key := f"{adj} {normalize('область')}"):
                    best = (i + 3, key)
                    break
        if (
            best is None
            and i + 1 < n
            and tok.joined
            and toks[i + 1].cap
            and cyrillic
            and _CYRILLIC.search(toks[i + 1].text)
        ):
            # "у Часова Яра", "біля Часового Яру": both words of a two-word name inflect
            second = [toks[i + 1].norm, *_cyrillic_variants(toks[i + 1].norm, min_stem=2)]
            best = next(
                (
                    (i + 2, key)
                    for first in [tok.norm, *_cyrillic_variants(tok.norm)]
                    for last in second
                    if gaz.has(key := f"{first} {last}")
                ),
                None,
            )
        if best is None and cyrillic:
            sector = i + 1 < n and bool(_SECTOR_WORD.match(toks[i + 1].norm))
            guesses = [v for v in _cyrillic_variants(tok.norm, sector=sector) if gaz.has(v)]
            if guesses:
                # The guess naming the biggest town: "Нікополі" is Нікополь, not a Bulgarian
                # village's "Никопол"; "Костянтинівському" is Костянтинівка. Ties keep the
                # order of the guesses. (One key, one set of readings: resolution pools the
                # readings of a key's mentions, so they cannot differ by surface.)
                best = (i + 1, max(guesses, key=lambda v: _biggest(gaz.lookup_key(v))))
        demonym = (
            _demonym_at(text, toks, i, gaz) if tok.norm.partition(" ")[0] in demonym_heads else None
        )
        if demonym is not None and (best is None or demonym.j >= best[0]):
            # "Russian forces": the adjective, unless a longer name starts here ("Russian
            # Federation"); the same length goes to the demonym ("Georgian" is no town).
            mentions.append(demonym)
            i = demonym.j
            continue
        if best is None and tok.norm != tok.text.lower() and _HYPHEN.search(tok.text):
            parts = _hyphen_parts(toks, i, gaz)
            if parts:
                mentions.extend(parts)
                i += 1
                continue
        if best is None:
            near = near_mention(text, toks, i, mentions, persons)
            if near is not None:
                mentions.append(near)  # resolved later, against the article's oblasts
            i = near.j if near is not None else i + 1
            continue
        end_i, key = best
        last = toks[end_i - 1]
        cands = gaz.lookup_key(key)
        if cyrillic:
            cands = _with_ukrainian_namesakes(key, cands, gaz)
        m = Mention(i, end_i, tok.start, last.end, text[tok.start : last.end], key, cands)
        m.admin1_form = end_i - i > 1 and last.norm in ADMIN1_SUFFIXES
        if end_i - i == 1 and len(tok.text) <= 3 and tok.text.isupper():
            # "EU", "UK": written in capitals, a short name is the abbreviation it is an
            # alias for, not a town that shares the letters (Eu in Normandy).
            aliases = [c for c in m.cands if c.match == "alias"]
            m.cands = aliases or m.cands
        role = _judge(text, m, toks, headline, persons, gaz, cyrillic_text=any_cyrillic)
        i = end_i
        if role is None:
            # A rejected capitalised run ("Vladimir Putin") teaches us a surname to avoid.
            if m.initial_only:
                deferred.append(m)
            continue
        m.role = role
        if m.i > 0 and toks[m.i - 1].norm == "the" and toks[m.i - 1].joined:
            _drop_towns_after_article(m)
        if role is _LITERAL and _governs(m, toks, gaz):
            m.role = _METONYMIC
        mentions.append(m)
    named = {m.key for m in mentions if m.role is not _EMBEDDED or m.local}
    if named & {m.key for m in deferred}:
        # "Clinton couple faces charges" opens an article that later says "in Clinton".
        for m in deferred:
            if m.key in named:
                m.role = _LITERAL
                mentions.append(m)
        mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not (m.j - m.i == 1 and toks[m.i].norm in persons)]
    mentions = _listed_admin2(text, toks, mentions, gaz)
    _seat_named_hromadas(mentions, gaz)
    _coordinated_units(text, toks, mentions, gaz)
    return _with_state_abbreviations(text, toks, mentions, gaz)


# The sides' adjectives that open a noun phrase after a place named without a comma
_SIDE_ADJECTIVES = frozenset({"russian", "ukrainian"})


# A building that stands for a government and a body known the world over, not the towns
# that bear their names (written with their state: "White House, Tenn.").
_BODIES_NOT_TOWNS = frozenset(["white house", "red cross"])

# Party members a place name may qualify ("Ohio Democrats").
_PARTY_MEMBERS = frozenset(["democrat", "democrats", "republican", "republicans"])

# Era marks after a year, which may share letters with a place's abbreviation ("B.C.").
_ERAS = frozenset(["bc", "bce", "ad", "ce"])

# Words that open a sentence before a street's name without being part of it.
_STREET_OPENERS = frozenset("the on in at of from to near along down up off and by".split())


def _street_at(text: str, toks: list[Token], i: int) -> Mention | None:
    """A street's name starting at token ``i`` ("Orchard St.", "North Nokomis Street"), if any.

    One to four capitalised words and a capitalised street word; the abbreviated forms need
    their full stop and no capitalised word right after ("St. Louis" is a saint's town).
    """
    while i < len(toks) and toks[i].norm in _STREET_OPENERS and toks[i].initial:
        i += 1
    k = i
    while k < len(toks) and k - i < 5 and toks[k].cap and toks[k].joined:
        k += 1
        if k >= len(toks) or not toks[k].cap:
            return None
        word = toks[k].norm
        if word in STREET_WORDS:
            end = toks[k].end
        elif word in STREET_ABBREVIATIONS and text[toks[k].end : toks[k].end + 1] == ".":
            end = toks[k].end + 1
            after = text[end : end + 2]
            if after[:1] == " " and after[1:2].isupper():
                return None
        else:
            continue
        if any(t.possessive or t.norm in STREET_WORDS for t in toks[i:k]) or (
            toks[k].joined and k + 1 < len(toks) and toks[k + 1].cap
        ):
            # "Wall Street Journal", "Texas Highway Patrol": the street word inside a name
            return None
        m = Mention(i, k + 1, toks[i].start, end, text[toks[i].start : end], "", [])
        m.key = normalize(m.surface)
        m.street = True
        return m
    return None


def _coordinated_units(
    text: str, toks: list[Token], mentions: list[Mention], gaz: Gazetteer
) -> None:
    """Mark "Donetsk and Luhansk oblasts" (and longer lists) as admin-1 names, every one.

    "The regions of Kherson and Zaporizhzhia" too: a list after "regions of" names units, and
    one after "regions:" or "regions –".
    """
    listing = False
    for k, m in enumerate(mentions):
        units = any(c.place.kind is _ADMIN1 for c in m.cands)
        if units and m.i >= 2 and toks[m.i - 1].norm == "of" and toks[m.i - 2].norm in _UNIT_OF:
            m.admin1_form = listing = True
        elif (
            units
            and m.i >= 1
            and toks[m.i - 1].norm in _UNITS_PLURAL
            and text[toks[m.i - 1].end : m.start].strip() in {"–", "—", "-", ":"}
        ):
            m.admin1_form = listing = True  # "nine regions – Sumy, Kharkiv and Kherson"
        elif listing and units and k > 0:
            between = text[mentions[k - 1].end : m.start].strip().lower()
            m.admin1_form = listing = between in {",", "and", ", and", "&"}
        else:
            listing = False
    for k, m in enumerate(mentions):
        if m.j >= len(toks) or not toks[m.j - 1].joined or toks[m.j].norm not in PLURAL_UNIT_HEADS:
            continue
        m.admin1_form = True
        _add_region_reading(m, gaz)
        for prev in reversed(mentions[:k]):
            between = text[prev.end : mentions[k].start].strip().lower()
            if between not in {",", "and", ", and", "&"}:
                break
            prev.admin1_form = True
            _add_region_reading(prev, gaz)
            k = mentions.index(prev)


def _add_region_reading(m: Mention, gaz: Gazetteer) -> None:
    """Give a listed unit name the unit its "X region" form names, when its own name has none.

    "The Kharkiv and Dnipro regions": bare "Dnipro" is only the city, but "Dnipro region"
    is Dnipropetrovsk Oblast (data/aliases.csv), and the plural unit word says a unit is meant.
    """
    if any(c.place.kind is _ADMIN1 for c in m.cands):
        return
    m.cands = m.cands + [c for c in gaz.lookup_key(f"{m.key} region") if c.place.kind is _ADMIN1]


# Unit words that a list of unit names follows after "of" ("the regions of X and Y").
_UNIT_OF = frozenset(["region", "regions", "oblast", "oblasts", "province", "provinces"])
# The same after a dash or colon: "attacked nine regions: X, Y and Z".
_UNITS_PLURAL = frozenset(["regions", "oblasts", "provinces"])

# The kinds of hromada English names between its name and "community": "the X territorial
# community", "the Y urban community", "the Z village territorial community".
_COMMUNITY_KINDS = frozenset({"territorial", "urban", "rural", "village", "settlement", "city"})


def _past_community_kinds(toks: list[Token], k: int) -> int:
    """The index of the first of the kind words right before token ``k`` (``k`` if none)."""
    while k > 1 and toks[k - 1].norm in _COMMUNITY_KINDS and toks[k - 1].joined:
        k -= 1
    return k


def _place_head_at(toks: list[Token], j: int) -> bool:
    """Whether a place's head word follows at token ``j``, past a hromada's kind words."""
    while j < len(toks) and toks[j].norm in _COMMUNITY_KINDS and toks[j].joined:
        j += 1
    return j < len(toks) and toks[j].norm in PLACE_HEADS


# Words between the names of a list ("Sudzhansky, Korenevsky and Glushkovsky districts").
_LIST_WORDS = frozenset(["and", "or"])
_LIST_GAPS = frozenset(["", ",", "&"])


# The words that end such a list: a plural unit word, or a hromada's "community".
_LISTED_HEADS = frozenset(PLURAL_ADMIN2_HEADS) | COMMUNITY_HEADS


def _listed_admin2(
    text: str, toks: list[Token], mentions: list[Mention], gaz: Gazetteer
) -> list[Mention]:
    """Read "Sudzhansky and Korenevsky districts" as two districts, and longer lists too.

    Each name of a list before a plural unit word ("districts", "raions", "counties") is
    looked up with the singular ("Sudzhansky district"); a name found so replaces whatever was
    read there (the town "Kramatorsk" in "Pokrovsky and Kramatorsk districts"). A lone name
    is left alone: "Indiana counties" are the state's counties, not Indiana County.
    """
    # Only the unit words themselves start a list: one pass in a comprehension finds them
    # (most texts have none), and the loop below reads those few, not every word.
    heads = [k for k, tok in enumerate(toks) if tok.norm in _LISTED_HEADS]
    if not heads:
        return mentions
    found: list[Mention] = []
    for k in heads:
        tok = toks[k]
        unit = PLURAL_ADMIN2_HEADS.get(tok.norm)
        # "the Velykoburlutska and Vilkhuvatska communities", "the Kindrashivska community":
        # a hromada by its adjective, which names no place alone (a seat's own name, "the
        # Marhanets community", stays the town)
        adjectival = unit is None and tok.norm in COMMUNITY_HEADS
        if adjectival:
            unit = "hromada"
        if unit is None or k == 0 or not toks[k - 1].joined:
            continue
        end = _past_community_kinds(toks, k) if adjectival else k
        # a hromada is named by its adjective, which transliterations spell many ways
        respell = unit in _HROMADA_UNITS
        listed: list[Mention] = []
        while (
            item := _unit_before(toks, end, unit, gaz, adjectival=adjectival, respell=respell)
        ) is not None:
            start, key = item
            if key:  # an item the index lacks even respelt names no place of its own
                m = Mention(
                    start,
                    end,
                    toks[start].start,
                    toks[end - 1].end,
                    text[toks[start].start : toks[end - 1].end],
                    key,
                    [c for k in key.split("|") for c in gaz.lookup_key(k)],
                )
                listed.append(m)
            # "4 villages of A and 12 of B communities": each item's share of villages is
            # told before it, and the list goes on before that
            start = _past_share(toks, start)
            # The list goes on before a comma, "and", "or" or "&" (", and" too).
            if start >= 2 and toks[start - 1].norm in _LIST_WORDS and not toks[start - 1].cap:
                gap = text[toks[start - 2].end : toks[start - 1].start].strip()
                end = start - 1 if gap in _LIST_GAPS else 0
            elif start >= 1 and text[toks[start - 1].end : toks[start].start].strip() in {",", "&"}:
                end = start
            else:
                break
        if len(listed) >= 2 or (adjectival and listed):
            if respell:
                _respelt_strays(listed, toks, unit, gaz)
            found += listed
    if not found:
        return mentions
    taken = {t for m in found for t in range(m.i, m.j)}
    kept = [m for m in mentions if not any(t in taken for t in range(m.i, m.j))]
    return sorted(kept + found, key=lambda m: m.i)


# The settlements a count of a hromada's share names: "12 villages of A".
_SHARE_WORDS = frozenset(["villages", "settlements", "towns", "localities", "hamlets"])


def _past_share(toks: list[Token], start: int) -> int:
    """The first token of "[N] villages of [the]" right before token ``start`` (else ``start``).

    "evacuated 4 settlements of A and 12 villages of B communities": what is counted in each
    hromada stands between the list's items, so the list goes on before the count.
    """
    k = start
    if k >= 1 and toks[k - 1].norm == "the":
        k -= 1
    if not (k >= 2 and toks[k - 1].norm == "of" and toks[k - 2].norm in _SHARE_WORDS):
        return start
    k -= 2
    if k >= 1 and (toks[k - 1].text.isdigit() or toks[k - 1].norm in _COUNT_WORDS):
        k -= 1
    return k


# Counts written as words before a hromada's share ("two villages of A").
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten several some all".split())


def _own_country_follows(m: Mention, toks: list[Token], gaz: Gazetteer) -> bool:
    """Whether a town's own country follows it as the last word of the run ("Odesa Ukraine").

    Copy written for search engines drops the comma of "Odesa, Ukraine"; the country is no
    part of a longer name unless more capitalised words follow ("Kyiv Ukraine Foundation").
    """
    if m.j >= len(toks) or not m.cands:
        return False
    country = toks[m.j]
    if country.joined and m.j + 1 < len(toks) and toks[m.j + 1].cap:
        return False
    codes = {c.place.country_code for c in m.cands if c.place.kind is _POPULATED}
    return any(
        c.place.kind is _COUNTRY and c.place.country_code in codes
        for c in gaz.lookup_key(country.norm)
    )


def _seat_named_hromadas(mentions: list[Mention], gaz: Gazetteer) -> None:
    """Give "X hromada" named by its seat's stem the hromadas whose adjective it is too.

    "Pokrovsk hromada" in a Dnipropetrovsk report is the Pokrovska hromada of that oblast (its
    seat Pokrovske), not only Donetsk's Pokrovsk: the hromadas of an oblast the text names
    where it names not the index's own are readings too, for the context to choose.
    """
    named = {c.place.admin1_code for m in mentions for c in m.cands if c.place.kind is _ADMIN1}
    for m in mentions:
        name, _, unit = m.key.rpartition(" ")
        if unit not in _HROMADA_UNITS or " " in name or not m.cands:
            continue
        if not all(c.place.place_id.startswith("ua2:") for c in m.cands):
            continue
        if named & {c.place.admin1_code for c in m.cands}:
            continue  # the oblast of the index's reading is named: that is the hromada
        have = {c.place.place_id for c in m.cands}
        for key in _hromada_by_skeleton(name, gaz):
            for c in gaz.lookup_key(key):
                if c.place.place_id not in have and c.place.admin1_code in named:
                    have.add(c.place.place_id)
                    m.cands = [*m.cands, c]


def _respelt_strays(listed: list[Mention], toks: list[Token], unit: str, gaz: Gazetteer) -> None:
    """Read respelt a listed hromada whose every reading lies outside the list's oblasts.

    "the Krasnopilska and Khotynska communities": the index's Khotynska is a hromada of
    another oblast, and respelt (Khotinska) one of the oblast the rest of the list lies in.
    A list of neighbouring hromadas names one stretch of border, so that reading is the one.
    """
    codes = [{c.place.admin1_code for c in m.cands} for m in listed]
    for k, m in enumerate(listed):
        others = set().union(*(c for j, c in enumerate(codes) if j != k))
        if codes[k] & others or m.j - m.i != 1:
            continue
        respelt = [
            c
            for key in _respelt_units(toks[m.i].norm, unit, gaz)
            for c in gaz.lookup_key(key)
            if c.place.admin1_code in others
        ]
        if respelt:
            m.cands = respelt


def _unit_before(
    toks: list[Token],
    end: int,
    unit: str,
    gaz: Gazetteer,
    *,
    adjectival: bool = False,
    respell: bool = False,
) -> tuple[int, str] | None:
    """The longest capitalised name ending before token ``end`` that is a ``unit`` with it.

    With ``adjectival``, only a name that is no place by itself. With ``respell`` (a hromada),
    a one-word adjective the index lacks is read respelt, or else kept as an item with no
    place (key ""), so that the list goes on before it.
    """
    for size in range(min(3, end), 0, -1):
        start = end - size
        words = toks[start:end]
        if not all(t.cap for t in words) or not all(t.joined for t in words[:-1]):
            continue
        name = " ".join(t.norm for t in words)
        key = f"{name} {unit}"
        if gaz.has(key) and not (adjectival and gaz.has(name)):
            return start, key
    if not respell or end < 1:
        return None
    if toks[end - 1].cap and gaz.has(seat := toks[end - 1].norm):
        # "the Myropilska, Krasnopilska and Shostka communities": a seat's own name is the
        # town's, and the list goes on before it
        return (end - 1, "") if gaz.has(f"{seat} hromada") else None
    for size in range(min(3, end), 1, -1):
        # "Seredyna-Budska" for the index's Seredyno-Budska: a name in two words respelt
        words = toks[end - size : end]
        if (
            all(t.cap for t in words)
            and all(t.joined for t in words[:-1])
            and (found := _hromada_by_skeleton(" ".join(t.norm for t in words), gaz))
        ):
            return end - size, "|".join(found)
    if _HROMADA_ADJECTIVE.fullmatch(toks[end - 1].text):
        # "Shalyhinska" for the Shalyhynska hromada: "A, B, C communities" names each
        name = toks[end - 1].norm
        if gaz.has(name):
            return None
        if respelt := _respelt_units(name, unit, gaz):
            return end - 1, respelt[0]
        # keys with one skeleton are namesakes in several oblasts: all are read
        return end - 1, "|".join(_hromada_by_skeleton(name, gaz))
    return None


_HROMADA_UNITS = frozenset({"hromada", "community"})
_RAION_WORDS = frozenset({"district", "raion", "rayon"})
# A hromada's adjective as English news writes it: "Krasnopilska", "Seredyno-Budska".
# Russian spelling gives "-skaya", and some write the bare stem: "Miropolskaya",
# "Verkhnyosyrovatsk".
_HROMADA_ADJECTIVE = re.compile(
    r"(?-i:[A-Z])[\w'’-]*s[ck](?:a|e|yi|yy|iy|ii|y|aya|aia|oye|oie|oe|oy|oi)?"
)


# A hromada's adjective down to what every spelling shares: the adjective ending goes, the
# letters transliterations disagree on are folded (г is h or g, х kh or h, й j or i), and i,
# y, e and o are one letter, doubled or not, for Russian keeps o and e where Ukrainian has i
# ("Belopolskaya", Bilopilska; "Miropolskaya", Myropilska, not Mariupolska) and writers
# change a linking vowel ("Velykypysarivska", "Verkhnyosyrovatsk"). A and u stay.
_SKELETON_FOLDS = (("kh", "h"), ("g", "h"), ("j", "i"), ("w", "v"))
_SKELETON_ENDING = re.compile(r"s[ck](?:a|e|yi|yy|iy|ii|y|aya|aia|oye|oie|oe|oy|oi)?$")
_VOWEL_CLASS = str.maketrans("yeoa", "iiii")
_NOT_LETTER = re.compile(r"[^a-z]")
_MIN_SKELETON = 6  # "barska", "boiarska": shorter skeletons are shared by too many hromadas
# Built on first use, once per index: the index's "X community" keys by skeleton.
_HROMADA_SKELETONS: weakref.WeakKeyDictionary[Gazetteer, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary()
)


def _adjective_skeleton(name: str) -> str:
    """``name`` (a normalised hromada adjective) as :data:`_SKELETON_FOLDS` describes."""
    s = _NOT_LETTER.sub("", latin(name))
    for a, b in _SKELETON_FOLDS:
        s = s.replace(a, b)
    s = _SKELETON_ENDING.sub("", s)
    return _DOUBLE_LETTER.sub(r"\1", s.translate(_VOWEL_CLASS))


_DOUBLE_LETTER = re.compile(r"(.)\1+")


def _hromada_by_skeleton(name: str, gaz: Gazetteer) -> list[str]:
    """The "X community" keys of the hromadas whose adjective has ``name``'s skeleton.

    Last resort for an adjective before "community" or "hromada" that neither the index nor
    one i/y swap knows: "Belopolskaya hromada" is the Bilopilska one. Namesakes in several
    oblasts all stay candidates, for the article's oblast to choose.
    """
    skel = _adjective_skeleton(name)
    if len(skel) < _MIN_SKELETON or not _SKELETON_ENDING.search(name.replace(" ", "")):
        return []
    table = _HROMADA_SKELETONS.get(gaz)
    if table is None:
        table = _HROMADA_SKELETONS[gaz] = {}
        for key in gaz.keys_ending(" community"):
            adj = key[: -len(" community")]
            if _SKELETON_ENDING.search(adj.replace(" ", "")):
                table.setdefault(_adjective_skeleton(adj), []).append(key)
    return table.get(skel, [])


def _respelt_units(name: str, unit: str, gaz: Gazetteer) -> list[str]:
    """The unit keys of one-word ``name`` with one i or y swapped that the index holds.

    Transliterations disagree on и, і and ы ("Shalyhinska", "Shalyhynska"), on the
    adjective's ending ("Pokrovsky", "Pokrovskiy" for the index's Pokrovskyi) and on Г, which
    Russian spelling gives as g where Ukrainian is h ("Pologivsky" for Polohivskyi).
    """
    out = []
    if " " in name:
        return out
    for k, ch in enumerate(name):
        if ch in "iy":
            key = f"{name[:k]}{'y' if ch == 'i' else 'i'}{name[k + 1 :]} {unit}"
            if key not in out and gaz.has(key):
                out.append(key)
    if out:
        return out
    ending = _ADJECTIVE_ENDING.search(name)
    stems = {name[: ending.start()] + "skyi"} if ending else set()
    stems |= {s.replace("g", "h") for s in (stems or {name}) if "g" in s}
    for stem in sorted(stems):
        key = f"{stem} {unit}"
        if key not in out and gaz.has(key):
            out.append(key)
    return out


# A district's adjective ending as transliterations write it ("-sky", "-skiy", "-skii").
_ADJECTIVE_ENDING = re.compile(r"s(?:ky|kiy|kii|kij|ki|kyy)$")


def _with_state_abbreviations(
    text: str, toks: list[Token], mentions: list[Mention], gaz: Gazetteer
) -> list[Mention]:
    """Add the US state written as an abbreviation after "Town, " ("Long Island, N.Y.").

    AP style writes some in two parts ("W.Va.", "W. Va."), and some are words or places of
    their own ("Kan", "Minn"): after "Town, " and with their full stop they are the state,
    so such a mention is replaced by the state.
    """
    by_first = {m.i: m for m in mentions}
    out: list[Mention] = []
    taken: set[int] = set()
    for m in mentions:
        if m.i in taken:
            continue
        out.append(m)
        k = m.j
        if k >= len(toks) or text[m.end : toks[k].start].strip() != ",":
            continue
        found = _state_abbreviation(text, toks, k, gaz)
        if found is None:
            continue
        k_end, end, state = found
        occupant = by_first.get(k)
        if occupant is not None and (
            occupant.j > k_end or occupant.admin1_form or text[end - 1] != "."
        ):
            # "Wichita, Kansas City" is a longer name; "Kan" without its stop may be a
            # name of its own, while "Kan." is Kansas.
            continue
        if occupant is not None:
            taken.add(k)
        tok = toks[k]
        abbrev = Mention(k, k_end, tok.start, end, text[tok.start : end], tok.norm, [])
        abbrev.cands = [Candidate(state, 0.0, "alias")]
        abbrev.admin1_form = True
        out.append(abbrev)
    return out


def _state_abbreviation(
    text: str, toks: list[Token], k: int, gaz: Gazetteer
) -> tuple[int, int, Place] | None:
    """The state abbreviated at token ``k``: (end token, end offset, state), or None."""
    tok = toks[k]
    k_end, end, written = k + 1, tok.end, tok.text
    if (
        k + 1 < len(toks)
        and len(tok.text) == 1
        and text[tok.end : toks[k + 1].start] in {".", ". "}
        and toks[k + 1].cap
    ):
        # "W.Va.", "W. Va.": two tokens, written without the space
        k_end, end, written = k + 2, toks[k + 1].end, f"{tok.text}.{toks[k + 1].text}"
    dotted = not written.endswith(".") and text[end : end + 1] == "."
    if dotted:
        written, end = written + ".", end + 1
    code = US_STATE_ABBREVIATIONS.get(written.rstrip(".")) or US_STATE_ABBREVIATIONS.get(written)
    bare = written.rstrip(".")
    if code is None and len(bare) == 2 and bare.isupper():
        code = bare if gaz.admin1(f"US.{bare}") else None  # USPS: "Raleigh, NC"
    state = gaz.admin1(f"US.{code}") if code else None
    return None if state is None else (k_end, end, state)


_HEADS: tuple[object, frozenset[str]] = (None, frozenset())


def _demonym_heads(forms: dict[str, object]) -> frozenset[str]:
    """The first words of the demonym forms (worked out again if the forms are read again)."""
    global _HEADS
    if _HEADS[0] is not forms:
        _HEADS = (forms, frozenset(f.partition(" ")[0] for f in forms))
    return _HEADS[1]


def _demonym_at(text: str, toks: list[Token], i: int, gaz: Gazetteer) -> Mention | None:
    """A demonym or adjectival form starting at token ``i`` ("South Koreans"), if any."""
    forms = demonym_forms()
    if toks[i].norm.partition(" ")[0] not in _demonym_heads(forms):
        return None  # no form starts with this word: most capitals are let go here
    parts: list[str] = []
    found = None
    for j in range(i, min(len(toks), i + DEMONYM_WORDS)):
        if j > i and not toks[j - 1].joined:
            break
        parts.append(toks[j].norm)
        form = forms.get(" ".join(parts))
        if form is not None and toks[j].cap:
            found = (j + 1, form)
    if found is None:
        return None
    end_j, form = found
    cand = resolve_demonym(form, gaz)
    if cand is None:
        return None
    last = toks[end_j - 1]
    key = " ".join(t.norm for t in toks[i:end_j])
    m = Mention(i, end_j, toks[i].start, last.end, text[toks[i].start : last.end], key, [cand])
    m.role = _EMBEDDED if _org_follows(toks, end_j) else form.role
    return m


def _org_follows(toks: list[Token], j: int) -> bool:
    """Whether the capitalised run from token ``j`` names an organisation or unit.

    "Kyiv Independent", "Luhansk Operational Tactical Group", "Athens Police Department",
    "Russian Defence Ministry": a head word (``ORG_HEADS``) ends the run.
    """
    return _org_head(toks, j) is not None


# "Russia attacked the Dnipro with four missiles": a translation's article before the city
# a strike verb hits with its weapons; a river is crossed or shelled across, not struck with
_STRIKE_VERBS = frozenset({"attacked", "struck", "shelled", "hit", "bombed", "targeted"})


def _struck_with(toks: list[Token], i: int, j: int) -> bool:
    """Whether "the <name>" at tokens i..j is the object of a strike verb with its weapon."""
    return (
        i >= 2
        and toks[i - 2].norm in _STRIKE_VERBS
        and toks[i - 2].joined
        and j < len(toks)
        and toks[j].norm == "with"
    )


def _org_head(toks: list[Token], j: int) -> str | None:
    """The head word of the organisation named from token ``j`` on, if any."""
    k = j
    while k < len(toks) and k - j < 5 and toks[k - 1].joined and toks[k].cap:
        if toks[k].norm in ORG_HEADS:
            return toks[k].norm
        k += 1
    return None


def _plain_word(m: Mention, tok: Token) -> bool:
    """Whether a one-word name is an ordinary word whose place is not prominent.

    "Eastern Economic Forum", "Free Press": the word, not the namesake place, starts the name.
    """
    if tok.norm not in GENERIC_WORDS and not common_word(tok.norm):
        return False
    return _town_population(m) < 100_000 and not any(
        c.place.kind is _COUNTRY
        or (tok.norm not in GENERIC_WORDS and c.place.kind in (_ADMIN1, _REGION))
        for c in m.cands
    )


_HYPHEN = re.compile(r"[-‐‑]")
_HYPHEN_PART = re.compile(r"[^-‐‑]+")
# A hyphen joins given names and brands too ("Jean-Pierre", "Mercedes-Benz"): a part counts
# only if it is this prominent.
HYPHEN_PART_MIN_POPULATION = 100_000


def _hyphen_parts(toks: list[Token], i: int, gaz: Gazetteer) -> list[Mention]:
    """Places joined by hyphens in one word: "Washington-Moscow", "EU-Israel", "Egyptian-US".

    Only for a word that names nothing as a whole, and only parts that are a country, a state,
    an abbreviation, a demonym or a big town; the whole word is dropped if any part is not
    such a name ("Logan-Rogersville" is not split into two villages).
    """
    tok = toks[i]
    embedded = _org_follows(toks, i + 1)
    forms = demonym_forms()
    out: list[Mention] = []
    for part in _HYPHEN_PART.finditer(tok.text):
        word = part.group()
        if not word[:1].isupper():
            return []
        key = normalize(word)
        start, end = tok.start + part.start(), tok.start + part.end()
        form = forms.get(key)
        if form is not None:
            cand = resolve_demonym(form, gaz)
            if cand is None:
                return []
            m = Mention(i, i + 1, start, end, word, key, [cand])
            m.role = _EMBEDDED if embedded else form.role
            out.append(m)
            continue
        cands = gaz.lookup_key(key) if gaz.has(key) else []
        if not any(_prominent(c) for c in cands):
            return []
        m = Mention(i, i + 1, start, end, word, key, cands)
        m.role = _EMBEDDED if embedded else _LITERAL
        out.append(m)
    return out if len(out) >= 2 else []


def _prominent(c: Candidate) -> bool:
    kind = c.place.kind
    if c.match == "alias":
        return True
    if kind in (_COUNTRY, _ADMIN1):
        return c.match == "name"
    if kind is _POPULATED and c.place.country_code in THEATRE:
        return c.match == "name"  # front villages paired in bulletins ("Murom-Starytsia")
    return (c.place.population or 0) >= HYPHEN_PART_MIN_POPULATION


def _drop_towns_after_article(m: Mention) -> None:
    """After "the", a region or a sea, not a town: "the Pacific", "the Middle East".

    English gives towns no article (see ``_reject``); countries and admin-1 units are left to
    the scoring, since "the Kyiv government" means the city.
    """
    wide = [c for c in m.cands if c.place.kind in (_REGION, _FEATURE)]
    if wide and len(wide) < len(m.cands):
        m.cands = [c for c in m.cands if c.place.kind is not _POPULATED]


def _after_middle_initial(text: str, toks: list[Token], i: int) -> bool:
    """Whether token ``i`` follows a given name and a middle initial ("Gino D. Bassett")."""
    if i < 2:
        return False
    initial, given = toks[i - 1], toks[i - 2]
    return (
        len(initial.text) == 1
        and initial.text.isupper()
        and text[initial.end : toks[i].start] == ". "
        and given.joined
        and given.cap
    )


def _names_state(m: Mention, toks: list[Token]) -> bool:
    """Whether the name is a country's or an admin-1 unit's own name or abbreviation.

    Not where a word of it is a direction, a landform, a unit word or a given name ("North",
    "City", "Delta", "Virginia Alexander"): those are admin-1 names somewhere in the world.
    """
    words = {t.norm for t in toks[m.i : m.j]}
    if not words.isdisjoint(_NOT_STATE_WORDS):
        return False
    return any(c.place.kind in (_COUNTRY, _ADMIN1) and c.match != "alternate" for c in m.cands)


# English nouns that are some country's admin-1 name ("Delta" State, "Gulf" Province).
_LANDFORMS = frozenset("coast delta gulf mountain valley lakes islands highlands capital".split())
_NOT_STATE_WORDS = GENERIC_WORDS | FIRST_NAMES | PLACE_HEADS | FEATURE_WORDS | _LANDFORMS


def _town_population(m: Mention) -> int:
    """The people of the biggest town among the readings (a region's sum is no fame)."""
    return max(
        (c.place.population or 0 for c in m.cands if c.place.kind is _POPULATED),
        default=0,
    )


def _org_precedes(toks: list[Token], i: int) -> bool:
    """Whether "University of", "Bank of", "Embassy of" stands right before token ``i``."""
    return (
        i >= 2
        and toks[i - 1].norm == "of"
        and toks[i - 2].cap
        and toks[i - 2].norm in ORG_HEADS
        and toks[i - 2].joined
        and toks[i - 1].joined
    )


def _dateline(m: Mention, toks: list[Token], text: str) -> bool:
    """Whether a town in capitals opens a line as a dateline ("SPRINGFIELD, Ill. -", "HUME -").

    Acronyms open lines too ("NATO said"), but a dateline is followed by its comma or dash.
    """
    after = text[m.end : m.end + 3]
    n = len(toks[m.i].text)
    return (
        toks[m.i].initial
        and (
            (n >= 5 and after[:1] == ",")
            or (n >= 4 and after[:2] in {" -", " —", " –"})
            or bool(_WIRE_CREDIT.match(text, m.end))  # "CINCINNATI (AP) --"
        )
        and any(c.place.kind is _POPULATED for c in m.cands)
    )


# A wire service's credit after a dateline's town.
_WIRE_CREDIT = re.compile(r" \((?:AP|Reuters|AFP|UPI|Xinhua|Interfax|TASS|Ukrinform|dpa)\)")


def _governs(m: Mention, toks: list[Token], gaz: Gazetteer) -> bool:
    """Whether a country or capital is the subject of a government's verb ("Kyiv said").

    A place named before "regime" stands for a government too, whatever its kind.
    """
    if m.j >= len(toks) or not toks[m.j - 1].joined:
        return False
    verb = toks[m.j].norm
    if verb == "regime":
        return True  # "the Kiev regime", "the Kyiv regime": the government named for its seat
    if verb in {"has", "had", "have", "will", "would"} and m.j + 1 < len(toks):
        verb = toks[m.j + 1].norm
    if verb not in GOVERNMENT_VERBS:
        return False
    return any(c.place.kind is _COUNTRY or gaz.is_capital(c.place.place_id) for c in m.cands)


# ... and the units named after their seats: "the Nikopol, Pokrovske and Marhanets communities",
# "the A and B settlements", "the C and D villages" (communities named for their seats)
_SECTOR_PLURALS = frozenset(
    {
        "directions",
        "sectors",
        "axes",
        "fronts",
        "areas",
        "communities",
        "hromadas",
        "settlements",
        "villages",
    }
)


def _listed_sector(toks: list[Token], j: int) -> bool:
    """Whether a list of names ending in "directions" or "sectors" follows.

    "the Kupiansk and Lyman directions", "the Kupiansk, Lyman and Pokrovsk sectors": each name
    of the list keeps the article, as a single "the Pokrovsk direction" does.
    """
    k = j
    while k < min(len(toks), j + 12):
        tok = toks[k]
        if tok.norm in _SECTOR_PLURALS:
            return k > j
        if not (tok.cap or tok.norm in {",", "and"}):
            return False
        k += 1
    return False


def _judge(
    text: str,
    m: Mention,
    toks: list[Token],
    headline: set[int],
    persons: set[str],
    gaz: Gazetteer,
    *,
    cyrillic_text: bool = True,
) -> ToponymRole | None:
    """How a recognised name is used here, or None when it is not a place name at all.

    Learns surnames into ``persons`` as it goes. ``cyrillic_text`` False says the text holds
    no Cyrillic letter, so no Russian or Ukrainian force's name can precede the mention.
    """
    if _org_precedes(toks, m.i) and not (m.j - m.i == 1 and _plain_word(m, toks[m.i])):
        return _EMBEDDED
    if cyrillic_text and _FORCE_GROUP.search(text, max(0, m.start - 40), m.start):
        return _EMBEDDED  # "группировка войск «Днепр»": a force's name, no place
    if _WEAPON_AFTER.match(text, m.end):
        return None  # "shelled with Grad multiple rocket launchers": a weapon, no place
    m.role = _LITERAL
    if _reject(text, m, toks, headline, persons, gaz):
        return None
    return m.role


def _aliased(m: Mention) -> bool:
    """Whether a reading of the name comes from our alias table ("the Kremlin", "NYC")."""
    return any(c.match == "alias" for c in m.cands)


def _reject(
    text: str,
    m: Mention,
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
    if single and len(first.norm) < 3 and not _aliased(m):
        return True
    prev = toks[m.i - 1] if m.i > 0 else None
    nxt = toks[m.j] if m.j < len(toks) else None
    if single and first.norm in _ERAS and prev is not None and prev.text.isdigit():
        return True  # "500 B.C." is a year, not British Columbia
    if single and first.text.isupper() and _dateline(m, toks, text):
        return False
    if single and len(first.text) >= 3 and first.text.isupper() and not _aliased(m):
        # An acronym (TASS, NATO), not a town that shares the letters; but a dateline writes
        # prominent cities in capitals ("KYIV, Oct 3 (Reuters) -").
        prominent = any(c.place.kind is _COUNTRY for c in m.cands) or (
            _town_population(m) >= 100_000
        )
        if not (prominent and len(first.text) >= 4):
            return True
    if nxt is not None and last.joined and nxt.norm in FEATURE_WORDS:
        return True
    # The readings are scanned last: a common name has hundreds, and most names have no
    # article before them.
    if (
        single
        and prev is not None
        and prev.joined
        and prev.norm == "the"
        and not (nxt is not None and last.joined and _place_head_at(toks, m.j))
        and _org_head(toks, m.j) is None
        and not _listed_sector(toks, m.j)
        and (
            all(c.place.kind is _POPULATED for c in m.cands)  # towns only
            or all(c.match == "alternate" for c in m.cands)  # or old and foreign names only
        )
        and not _aliased(m)  # our alias table's names take their article ("the Kremlin")
        and not _struck_with(toks, m.i, m.j)
    ):
        # English gives towns no article: "the Dnipro" is the river, "the Volga" too, while
        # "the Donetsk city of ..." and "the Pokrovsk direction" keep theirs, and so does a
        # body named after its town ("the Athens Police Department"), judged below.
        return True
    if prev is not None and prev.joined and prev.norm in TITLES:
        persons.add(last.norm)
        return True
    if (
        prev is not None
        and prev.joined
        and prev.cap
        and any(part in FIRST_NAMES for part in prev.norm.split())
    ):
        persons.add(last.norm)  # "Daria Koval", "Lin-Manuel Miranda": a surname
        return True
    if single and _after_middle_initial(text, toks, m.i):
        persons.add(last.norm)  # "Gino D. Bassett"
        return True
    if m.key in _BODIES_NOT_TOWNS and text[m.end : m.end + 1] != ",":
        return True  # "White House chief of staff": a building for a government
    if single and first.norm in FIRST_NAMES and nxt is not None and last.joined and nxt.cap:
        persons.add(nxt.norm)  # "Daria" before a capitalised word is a given name
        return True
    in_headline = m.i in headline
    after_next = toks[m.j + 1] if m.j + 1 < len(toks) else None
    oblast_follows = after_next is not None and (
        after_next.norm in _CYRILLIC_OBLAST
        # "Гродовка Донецкой Народной Республики", "Невское Луганской Народной Республики"
        or (after_next.norm in _CYRILLIC_REPUBLIC and bool(_CYRILLIC.search(nxt.text)))
    )
    if (
        nxt is not None
        and last.joined
        and nxt.cap
        and not in_headline
        and nxt.norm not in PLACE_HEADS
        and not nxt.initial
        and not oblast_follows  # "Шебекино Белгородской области": a town, then its oblast
        # "the city of Odesa Ukraine": a town, then its own country, the comma left out
        and not _own_country_follows(m, toks, gaz)
        # "in Bakhmut Russian troops seized ...": a side's adjective before a common noun
        # opens the clause's subject, no longer name
        and not (nxt.norm in _SIDE_ADJECTIVES and (after_next is None or not after_next.cap))
    ):
        # "Vladimir Putin", "The New York Times", "Munich Security Conference": a place name
        # inside a longer proper name. The run's next word may be a surname to avoid later,
        # unless it names a place itself ("Eastern Ukraine") or heads an organisation.
        if nxt.norm in _PARTY_MEMBERS and not in_headline:
            # "a Manhattan Democrat", "Oklahoma Republicans": where the politicians are from.
            return False
        head = _org_head(toks, m.j)
        if not single and (last.norm in ADMIN1_SUFFIXES or last.norm in ADMIN2_WORDS):
            # "Laurel County Clerk", "Walker County Fair": a unit's full name is a place
            # whatever title or body follows it.
            m.role = _EMBEDDED
            m.local = head is None or head not in MEDIA_HEADS
            return False
        if head is not None and not (single and _plain_word(m, first)):
            m.role = _EMBEDDED
            # "Paris Public Library", "Chicago Police": a local body is where the story
            # is; a newspaper or broadcaster carries its town's name anywhere.
            m.local = head not in MEDIA_HEADS
            return False
        if not gaz.has(nxt.norm):
            persons.add(nxt.norm)
        if _names_state(m, toks):
            # "the Ukraine Ambassador", "Texas Rangers", "US President Donald Trump": a
            # country or state inside a longer name is still that country or state.
            m.role = _EMBEDDED
            return False
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
        and not (prev.initial and (len(prev.norm) <= 2 or common_word(prev.norm)))
    ):
        if _names_state(m, toks):
            # "Air France", "Bank of Malta"'s "HSBC Bank Malta": no surname, and no reason to
            # drop the country where the article names it on its own.
            m.role = _EMBEDDED
            return False
        persons.add(last.norm)
        return True
    if single and common_word(first.norm) and all(c.match == "alternate" for c in m.cands):
        # "Region", "God", "Chambers": an English word that GeoNames lists only as some
        # place's other name is the word.
        return True
    if (
        single
        and all(c.match == "alternate" for c in m.cands)
        and _town_population(m) < 100_000
        and not any(
            c.place.kind is not _POPULATED or c.place.country_code in THEATRE for c in m.cands
        )
        and not (prev is not None and prev.joined and prev.norm in LOCATIVES)
    ):
        # "Kristina said": a given name that is only some small town's other spelling
        # (Ristiina) is the person, unless a preposition introduces it ("in Kristina").
        # The theatre's towns go by Russian and Ukrainian spellings alike, so there an
        # other spelling is the town ("Kurakhovo").
        return True
    if single and common_word(first.norm):
        # "Most importantly", "Reading the report", "its Western allies": a common word is
        # a place where a preposition introduces it ("in Nice"), or where the place is
        # prominent enough to be written bare ("Washington said", "Crimea"). Word lists
        # count proper nouns too, so prominence, not frequency, decides for big places.
        pop = _town_population(m)
        country = any(c.place.kind is _COUNTRY for c in m.cands)
        modifies = (
            nxt is not None
            and last.joined
            and nxt.norm in RESIDENT_NOUNS
            and english_zipf(first.norm) < RESIDENT_MAX_ZIPF
        )
        if (first.initial or in_headline) and not modifies:
            # Capitals say nothing here: only a country, a big town, a continent-sized
            # region ("Africa", "Europe") or a big state ("Illinois lawmakers") is the
            # place and not the word.
            vast = first.norm not in GENERIC_WORDS and any(
                c.place.kind in (_REGION, _ADMIN1) and (c.place.population or 0) >= 1_000_000
                for c in m.cands
            )
            m.initial_only = not (country or pop >= 500_000 or vast)
            return m.initial_only
        # "in Nice" introduces a place; "Study of War" is a title, where "of" introduces none.
        titled = prev is not None and prev.norm == "of" and m.i >= 2 and toks[m.i - 2].cap
        introduced = prev is not None and prev.joined and prev.norm in LOCATIVES and not titled
        prominent = (
            country
            or pop >= 100_000
            or (
                first.norm not in GENERIC_WORDS
                and any(c.place.kind in (_ADMIN1, _REGION) for c in m.cands)
            )
        )
        rejected = not (introduced or prominent)
        m.initial_only = rejected and (first.initial or in_headline)
        return rejected
    return False
