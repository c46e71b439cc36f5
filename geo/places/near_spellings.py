"""Near-spellings: a press spelling the index lacks, matched to the theatre's settlements.

News transliterates Ukrainian and Russian names many ways (Zhelanne/Zhelannoe, Synkivka/
Sinkivka, kh/h, i/y, -e/-o/-oye); the index holds the usual ones, and rapidfuzz finds the rest
among the settlements of Ukraine and Russia's border oblasts. Only weak evidence: the geoparser
decides when to ask and how far to trust the answer (geo.toponyms.near).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import sys
import unicodedata
import weakref
from dataclasses import dataclass
from pathlib import Path

from geo.config import cache_dir
from geo.places.gazetteer import Gazetteer
from geo.places.gazetteer_cache import atomic_write, mark_used, remove_stale
from geo.places.names import normalize
from geo.records import PlaceKind

__all__ = [
    "MIN_LENGTH",
    "MIN_RATIO",
    "NearMatch",
    "latin",
    "load_table",
    "near_spellings",
    "nominatives",
    "prepare",
    "respellings",
    "romanised",
    "skeleton",
    "table_path",
    "ukrainian_forms",
]

MIN_LENGTH = 5  # shorter names have too many neighbours one letter away
MIN_RATIO = 88.0  # rapidfuzz ratio of the skeletons, 0-100
# Russia's border oblasts (Belgorod, Bryansk, Kursk); all of Ukraine's are searched.
RU_BORDER_OBLASTS = frozenset(["RU.09", "RU.10", "RU.41"])

# Letters the transliterations disagree on, folded to one: Ukrainian г is Latin h, Russian g
# ("Vugledar"); х is kh or h; и/й/ы/і are y, i or j; Ukrainian є is ie where Russian е is e
# ("Sievierodonetsk", "Severodonetsk"); doubled letters come and go.
_FOLDS = (("kh", "h"), ("g", "h"), ("y", "i"), ("j", "i"), ("w", "v"), ("ie", "e"))
_DOUBLES = re.compile(r"(.)\1+")
# Neuter and adjectival endings differ between the languages (Kurakhove, Kurakhovo,
# Kurakhovoye): the stem is what stays.
_ENDING = re.compile(r"(?:oie|oe|ie|e|o)$")


def skeleton(key: str) -> str:
    """The part of a normalised name that survives any transliteration ("selidov")."""
    s = key.replace(" ", "")
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return _ENDING.sub("", _DOUBLES.sub(r"\1", s))


# Russian forms of Ukrainian names that no fold reaches, on skeletons: Russian ё (yo) is
# Ukrainian е ("Novosyolovskoye", Novoselivske), and a closed syllable's o or e is Ukrainian i
# ("Sinkovka", Synkivka; "-ovskoye", -ivske; "Novogrodovka", Novohrodivka).
_RU_TO_UK = (
    (re.compile(r"io"), "e"),
    (re.compile(r"[oe]v(?=s?k)"), "iv"),
)


# Letter groups one outlet writes one way and the next another, with the ending kept: the
# Ukrainian щ is shch, sch or sh ("Khorosche", Khoroshe); ї after a vowel is yi, i or ji
# ("Sofiyivka", Sofiivka), which the folds turn into a run of i made one below. Other doubled
# letters stay: an extra one ("Vuhledarr") is as often a typo, left to the near search.
_CLUSTERS = (("shch", "sh"), ("sch", "sh"))
_I_RUN = re.compile(r"i{2,}")


# Cyrillic letters as the press romanises them, Russian and Ukrainian alike (the folds then
# make г/х, и/ы/й/і one letter); soft and hard signs are dropped, as the KMU names drop them.
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "",
        "ы": "y", "э": "e", "ю": "iu", "я": "ia", "ё": "io",
    }
)  # fmt: skip


def latin(key: str) -> str:
    """A normalised name in Latin letters: Cyrillic romanised, anything else as it is."""
    return key.translate(_CYRILLIC)


def romanised(key: str) -> str:
    """The letters of a normalised name that every romanisation agrees on ("horoshe").

    Stricter than :func:`skeleton`: the ending and doubled consonants stay, so it tells
    Rozhkovichi from a Rozhkovicha, and "Novo-Mykhailivka" (normalised with a space) meets
    Novomykhailivka. A Cyrillic name is romanised first ("Плосчанка" is "Ploschanka").
    """
    s = latin(key).replace(" ", "")
    for a, b in _CLUSTERS + _FOLDS:
        s = s.replace(a, b)
    return _I_RUN.sub("i", s)


# Russian forms of Ukrainian names, on a word's romanised letters with its ending kept. A
# Russian adjectival ending is the Ukrainian one ("Vodyanoye", Vodiane; "Velikaya", Velyka;
# "Sukhoy", Sukhyi), as are "-ovo"/"-ino" (Kurakhove, Ocheretyne); ё is е ("Novosyolovka").
_RU_ENDINGS = ((re.compile(r"oe$"), "e"), (re.compile(r"aia$"), "a"), (re.compile(r"oi$"), "i"))
_RU_NEUTER = re.compile(r"(?<=[vn])o$")
# Where Ukrainian may have i for a Russian o or e (the letter varies by word, so each is a
# choice, not a rule): before -v(s)k ("Grigorovka", Hryhorivka; "Pokrovsk" keeps its o), in a
# closed syllable ("Volnoye", Vilne; "Chasov Yar", Chasiv Yar; "Svetloye", Svitle); the
# Russian "Ale-" of Oleksandrivka, Oleksiivka; and two roots' old letter (below).
_VOWEL_SITES = re.compile(r"[oe](?=v(?:s?k))|[oe](?=[^aeiou](?:[^aeiou]|$))")
# Roots whose Russian e is Ukrainian i in any syllable (the old letter ѣ): "Belaya Gora" is
# Bila Hora, "Belogorovka" Bilohorivka, "Lesnoye" Lisne.
_YAT_ROOTS = ("bel", "les")
_ALE = re.compile(r"((?:novo|staro)?)ale")  # "Aleksandrovka", "Novoaleksandrovka"
# Russian -еевка is Ukrainian -іївка ("Kleshcheyevka", Klishchiivka; "Sergeyevka",
# Serhiivka): romanised, "eev" is "iiv", a run of i that romanised names hold as one.
_EEV = re.compile(r"e+(?=v)")
# A Russian e before a consonant that a Ukrainian name writes i (the old letter ѣ of roots
# the list above does not hold: "Kleshch-", Klishch-). Asked only where the closed-syllable
# sites found no form the index holds (respellings), so it is the last choice.
_ANY_E = re.compile(r"e(?=[^aeiou])")
# The Russian prefix раз-/рас- is Ukrainian роз- ("Razdolnoye", Rozdolne; "Razdolovka",
# Rozdolivka), after Novo-/Staro- too.
_RAZ = re.compile(r"((?:novo|staro)?)ra(?=[zs])")
_VARIANT_CAP = 128  # choices per word; a long name's later sites are left as they are


def _word_forms(word: str) -> set[str]:
    """The romanised Ukrainian forms a Russian spelling of one word may stand for."""
    base = word.replace("io", "e")
    for pattern, repl in _RU_ENDINGS:
        base = pattern.sub(repl, base)
    starts = {word, base, _RU_NEUTER.sub("e", base)}
    out = set()
    for start in starts:
        forms = {start}
        if ale := _ALE.match(start):
            forms.add(ale.group(1) + "ole" + start[ale.end() :])
        if start.startswith(_YAT_ROOTS):
            forms.add(start[0] + "i" + start[2:])
        if raz := _RAZ.match(start):
            forms.add(raz.group(1) + "ro" + start[raz.end() :])
        for m in _VOWEL_SITES.finditer(start):
            if len(forms) * 2 > _VARIANT_CAP:
                break
            k = m.start()
            forms |= {f[:k] + "i" + f[k + 1 :] for f in forms}
        out |= forms
    return out


def _yat_forms(forms: set[str]) -> set[str]:
    """``forms`` with -eev- as -iv- and any e before a consonant as i, a run of i as one."""
    out = set()
    for start in forms:
        start = _EEV.sub(lambda m: "i" if len(m.group()) > 1 else m.group(), start)
        more = {start}
        for m in _ANY_E.finditer(start):
            if len(more) * 2 > _VARIANT_CAP:
                break
            k = m.start()
            more |= {f[:k] + "i" + f[k + 1 :] for f in more}
        out |= {_I_RUN.sub("i", f) for f in more}
    return out


def ukrainian_forms(key: str) -> set[str]:
    """The romanised (:func:`romanised`) Ukrainian forms a Russian spelling may stand for.

    Each word is respelt on its own ("Volnoye Pole" is Vilne Pole), and the words joined as
    :func:`romanised` joins them. The spelling itself is among the forms.
    """
    words = [romanised(w) for w in key.split()]
    forms = {""}
    for w in words:
        forms = {f + g for f in forms for g in _word_forms(w)}
        if len(forms) > _VARIANT_CAP:
            forms = set(sorted(forms)[:_VARIANT_CAP])
    return forms


def ukrainian_skeleton(skel: str) -> str:
    """The skeleton of the Ukrainian form of a Russian spelling's skeleton ("sinkovka")."""
    for pattern, repl in _RU_TO_UK:
        skel = pattern.sub(repl, skel)
    return skel


@dataclass(frozen=True, slots=True)
class NearMatch:
    """A settlement whose name is a near-spelling of the query."""

    index: int  # the gazetteer's place index (``Gazetteer.place``)
    ratio: float  # rapidfuzz ratio of the two skeletons, 0-100


class _Skeletons:
    """The theatre's settlement names as skeletons, per admin-1 unit."""

    def __init__(self, gaz: Gazetteer | None) -> None:
        self.by_a1: dict[str, tuple[list[str], list[int]]] = {}
        self.by_skeleton: dict[str, dict[str, list[int]]] = {}
        self.romanised: dict[str, dict[str, list[int]]] = {}
        if gaz is not None:
            self._build(gaz)

    def _build(self, gaz: Gazetteer) -> None:
        kinds, ccs, a1s = gaz.column("kind"), gaz.column("country_code"), gaz.column("admin1_code")
        names = gaz.column("name")
        settlement = PlaceKind.POPULATED_PLACE.value
        # Per unit: skeleton and romanised name -> place indexes (ascending), for
        # respellings' exact match without a scan of the unit's settlements.
        for i, kind in enumerate(kinds):
            if kind != settlement:
                continue
            cc, a1 = ccs[i], a1s[i]
            if not a1 or not (cc == "UA" or a1 in RU_BORDER_OBLASTS):
                continue
            skels, idx = self.by_a1.setdefault(a1, ([], []))
            key = normalize(names[i])
            skels.append(skeleton(key))
            idx.append(i)
            self.by_skeleton.setdefault(a1, {}).setdefault(skels[-1], []).append(i)
            self.romanised.setdefault(a1, {}).setdefault(romanised(key), []).append(i)


_built: weakref.WeakKeyDictionary[Gazetteer, _Skeletons] = weakref.WeakKeyDictionary()


def near_spellings(
    gaz: Gazetteer, key: str, *, admin1: set[str] | frozenset[str], limit: int = 5
) -> list[NearMatch]:
    """Settlements of the given admin-1 units whose name is a near-spelling of ``key``.

    Parameters
    ----------
    gaz
        The index; its settlement skeletons are built on first use (tens of milliseconds).
    key
        A normalised name (:func:`geo.places.names.normalize`) that the index does not hold.
    admin1
        The units to search: the article's geography. Units outside the theatre hold none.
    limit
        At most this many matches, best first.

    Returns
    -------
    list of NearMatch
        Matches with ``ratio >= MIN_RATIO``; empty for names shorter than ``MIN_LENGTH``.
    """
    if len(key) < MIN_LENGTH or not admin1:
        return []
    table = _table(gaz)
    from rapidfuzz import fuzz, process

    query = skeleton(key)
    out: list[NearMatch] = []
    for code in sorted(admin1):
        found = table.by_a1.get(code)
        if found is None:
            continue
        skels, idx = found
        for _, ratio, k in process.extract(
            query, skels, scorer=fuzz.ratio, score_cutoff=MIN_RATIO, limit=limit
        ):
            out.append(NearMatch(idx[k], float(ratio)))
    out.sort(key=lambda m: -m.ratio)
    return out[:limit]


def respellings(
    gaz: Gazetteer, key: str, *, admin1: set[str] | frozenset[str], same: bool = False
) -> list[int]:
    """Settlements of the given units whose name is the Ukrainian form of a Russian spelling.

    Unlike :func:`near_spellings` the match is exact once respelt (``ukrainian_skeleton``), so
    it is as good as an alternate name: "Sinkovka" is Synkivka, "Novosyolovskoye" Novoselivske.
    With ``same``, names with the query's own skeleton count too ("Progress" for Prohres).
    A name equal to the query once both are :func:`romanised` counts as well: it differs
    only in letters the romanisations disagree on ("Rozhkovichi", "Ploschanka",
    "Novo-Mykhailivka"), ending included, so it is no looser than an alternate name.
    Last, a name equal to one of the query's :func:`ukrainian_forms` counts: the Russian
    spelling of a Ukrainian name ("Vodyanoye" for Vodiane, "Volnoye Pole" for Vilne Pole).

    Returns
    -------
    list of int
        The gazetteer's place indexes; empty when respelling changes nothing or finds none.
    """
    if len(key) < MIN_LENGTH or not admin1:
        return []
    table = _table(gaz)
    skel = skeleton(latin(key))
    target = ukrainian_skeleton(skel)
    out: list[int] = []
    if target != skel or same:
        targets = {skel, target} if same else {target}
        for code in sorted(admin1):
            named = table.by_skeleton.get(code, {})
            # in the unit's own order, as a scan of its settlements would find them
            out += sorted(i for t in targets for i in named.get(t, ()))
    if not out:
        letters = romanised(key)
        for code in sorted(admin1):
            out += table.romanised.get(code, {}).get(letters, ())
    if not out:
        # The Russian form of the name: "Vodyanoye", "Galitsynovka", "Volnoye Pole".
        uk_forms = ukrainian_forms(latin(key))  # for the -еевка and ѣ readings below too
        forms = sorted(uk_forms)
        for code in sorted(admin1):
            names = table.romanised.get(code, {})
            out += [i for f in forms for i in names.get(f, ())]
    if not out:
        # -еевка and the old letter ѣ in any root ("Kleshcheyevka", Klishchiivka): the
        # Russian e is i where the syllable rule above does not reach it.
        # (uk_forms is set: this runs only where the forms above found nothing)
        forms = sorted(_yat_forms(uk_forms) - uk_forms)
        for code in sorted(admin1):
            names = table.romanised.get(code, {})
            out += [i for f in forms for i in names.get(f, ())]
    return out


# A name left in an oblique case by a translation from Ukrainian or Russian: "Svesy" is the
# genitive of Svesa, "Tykhi" a case of Tykhe (the skeleton drops the final e), "Avdiivky"
# of Avdiivka. On skeletons, where y and i are one letter.
_OBLIQUE = re.compile(r"i$")
_NOMINATIVE_ENDINGS = ("a", "")


def nominatives(gaz: Gazetteer, key: str, *, admin1: set[str] | frozenset[str]) -> list[int]:
    """Settlements of the given units whose name is the nominative of an oblique-case ``key``.

    Weaker than :func:`respellings`: an ending in -y or -i is also a plural or a stem's own
    letter, so the caller trusts these no more than near-spellings.

    Returns
    -------
    list of int
        The gazetteer's place indexes; empty unless ``key`` ends in -y or -i.
    """
    if len(key) < MIN_LENGTH or not admin1:
        return []
    skel = skeleton(key)
    if not _OBLIQUE.search(skel):
        return []
    stem = skel[:-1]
    targets = {stem + end for end in _NOMINATIVE_ENDINGS}
    table = _table(gaz)
    out = []
    for code in sorted(admin1):
        skels, idx = table.by_a1.get(code, ((), ()))
        out += [i for s, i in zip(skels, idx, strict=True) if s in targets]
    return out


def _table(gaz: Gazetteer) -> _Skeletons:
    table = _built.get(gaz)
    if table is None:
        table = _built[gaz] = load_table(gaz)
    return table


# The table kept in the cache folder beside the index it is built from: building it costs
# every fresh process (a `geo ingest`, each spawned worker) about half a second of CPU, reading
# it back a twentieth of that. Named by a hash of all that decides its content: the index (its
# key already covers the source of names.py, whose folding this module uses), this module's
# source, the Python that reads it (marshal's format, str.lower) and the Unicode version. Bump
# TABLE_FORMAT when its layout changes.
TABLE_FORMAT = 1
TABLE_PREFIX = "near-spellings-"
TABLE_SUFFIX = ".marshal"


def table_path(gaz: Gazetteer, *, cache: Path | None = None) -> Path | None:
    """Where the gazetteer's skeleton table is kept; None for an index held only in memory."""
    key = gaz.saved_key
    if key is None:
        return None
    h = hashlib.sha256(
        f"format={TABLE_FORMAT};index={key};python={sys.version};marshal={marshal.version};"
        f"unicode={unicodedata.unidata_version}".encode()
    )
    h.update(Path(__file__).read_bytes())
    return (cache or cache_dir()) / f"{TABLE_PREFIX}{h.hexdigest()[:16]}{TABLE_SUFFIX}"


def _read_table(path: Path) -> _Skeletons | None:
    try:
        parts = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, or damaged: built again
    if not (
        isinstance(parts, tuple) and len(parts) == 3 and all(isinstance(p, dict) for p in parts)
    ):
        return None
    table = _Skeletons(None)
    table.by_a1, table.by_skeleton, table.romanised = parts
    return table


def load_table(gaz: Gazetteer, *, cache: Path | None = None) -> _Skeletons:
    """The gazetteer's skeleton table, read from the cache folder or built (and saved there)."""
    path = table_path(gaz, cache=cache)
    if path is None:
        return _Skeletons(gaz)
    table = _read_table(path)
    if table is not None:
        mark_used(path)
        return table
    table = _Skeletons(gaz)
    with contextlib.suppress(OSError):  # a read-only cache: built again next time
        atomic_write(path, marshal.dumps((table.by_a1, table.by_skeleton, table.romanised)))
        # as for the index: another checkout may still read its own table
        remove_stale(path, [f"{TABLE_PREFIX}*{TABLE_SUFFIX}"], f".{TABLE_PREFIX}*.tmp")
    return table


def prepare(gaz: Gazetteer) -> None:
    """Build the index's settlement skeletons now rather than on first use.

    Before analysis workers are forked, so that they share one copy instead of each building
    its own (a few tenths of a second each).
    """
    _table(gaz)
    import rapidfuzz.process  # noqa: F401 - loaded once, here, for the same reason
