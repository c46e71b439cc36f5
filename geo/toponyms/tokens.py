"""Words of a text with what toponym recognition needs to know of them, and the mentions.

Tokens carry offsets, the normalised form, capitals, sentence starts and possessives; a
Mention is a recognised name before resolution. ``english_zipf`` says how common a word is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from geo.places.names import normalize
from geo.records import Candidate, ToponymRole
from geo.toponyms.zipf import zipf_frequency

__all__ = ["Mention", "Token", "best_reading", "common_word", "english_zipf", "tokenize"]

_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿА-яЁёЇїІіЄєҐґЎў"
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}"  # U.S., U.K.
    rf"|[{_LETTERS}0-9]+(?:['’ʼ][{_LETTERS}]+|[-‐‑][{_LETTERS}0-9]+)*"
)
# The same words, split out with the text between them ("", word, gap, word, ..., gap): one
# C call gives every word and, by the lengths, its offset, where ``finditer`` builds a match
# object per word and two method calls read it.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_SENTENCE_END = re.compile(r"[.!?:;\n]['\"’”)\]]*\s*[“\"‘'(\[«]*$")
# Lower-case parts that belong inside a hyphenated name ("Rostov-on-Don", "Komsomolsk-na-Amure").
_HYPHEN_JOINERS = frozenset(["on", "na", "sur", "upon", "am", "en", "de", "la", "le", "du"])
_OPENERS = " \t\n“\"‘'([«"
_PARTY_TAGS = frozenset(["D", "R", "I"])  # US party letters before a home town
_CYRILLIC = re.compile(r"[А-яЁёЇїІіЄєҐґ]")
_ABBREVIATED = frozenset(["st", "mt"])  # "St. Louis", "Mt. Hood": joined past the stop


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


# What a word's own letters say of its token, by the word as the pattern matched it: the
# shift of its start, its end from that start, its text, normal form, capital, possessive,
# and whether it is "St"/"Mt". News text repeats its words, so each is read once (a plain
# dict: far fewer steps per token than reading it again, or than a cached call per part).
_WordInfo = tuple[int, int, str, str, bool, bool, bool]
_WORDS: dict[str, _WordInfo] = {}
_MAX_WORDS = 262144


def _word_info(raw: str) -> _WordInfo:
    start, end, word = 0, len(raw), raw
    poss = len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ"
    if poss:
        end -= 2
        word = word[:-2]
    cap = word[0].isupper()
    if cap and "-" in word:
        # "Moscow-backed", "Russian-occupied": the name is the part before the hyphen.
        head, _, tail = word.rpartition("-")
        if tail[:1].islower() and tail not in _HYPHEN_JOINERS:
            end = len(head)
            word = head
            poss = False
        elif head in _PARTY_TAGS and tail[:1].isupper():
            # "Sen. Ford, D-Charleston": a legislator's party, then the home town.
            start = len(head) + 1
            word = tail
    norm = normalize(word)
    info = (start, end, word, norm, cap, poss, norm in _ABBREVIATED)
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
    _WORDS[raw] = info
    return info


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets, possessives split off."""
    toks: list[Token] = []
    append = toks.append
    known = _WORDS.get
    sentence_end = _SENTENCE_END.search
    # One pass: each token settles whether the one before is joined to it, so no second
    # walk over the list (tokenising is a tenth of geoparsing; most tokens are lower case).
    prev: Token | None = None
    joinable = -10  # where the token before ends, when it may join this one (no possessive)
    abbreviated = False  # the token before is "St" or "Mt", joined across its full stop
    parts = _TOKEN_SPLIT.split(text)
    at = len(parts[0])  # where the word ``parts[k]`` starts
    for k in range(1, len(parts), 2):
        raw = parts[k]
        shift, end, word, norm, cap, poss, abbr = known(raw) or _word_info(raw)
        s = at + shift
        # Only capitalised words can start a name, so only they need the sentence check.
        initial = cap and (
            (s < 8 and not text[:s].strip(_OPENERS))
            or sentence_end(text, max(0, s - 6), s) is not None
        )
        tok = Token(s, at + end, word, norm, cap, initial, poss)
        # ``joined`` is False unless set here; locals, not the token before's attributes.
        gap = s - joinable
        if gap == 1:
            prev.joined = text[joinable] == " "
        elif gap == 2 and abbreviated:
            prev.joined = text[joinable:s] == ". "
        append(tok)
        prev = tok
        joinable = -10 if poss else at + end
        abbreviated = abbr
        at += len(raw) + len(parts[k + 1])
    return toks


@dataclass
class Mention:
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
    street: bool = False  # "Orchard Street": placed at its town after resolution
    local: bool = False  # embedded in a local body's name ("Paris Public Library")
    near: bool = False  # a place-like word the index lacks: near-spellings only (toponyms.near)
    # Rejected only because a sentence's first capital says nothing: kept if the same name is
    # read as a place elsewhere in the article (one sense per article).
    initial_only: bool = False
    role: ToponymRole = ToponymRole.LITERAL
    scores: list[float] = field(default_factory=list)


def best_reading(m: Mention) -> int | None:
    """The index of the mention's best-scored reading (the first of equals), None if none."""
    n = len(m.cands)
    if not n:
        return None
    scores = m.scores
    if len(scores) == n:
        # What ``max`` by key over the indices gives, in two C loops instead of n key calls.
        return scores.index(max(scores))
    return max(range(n), key=scores.__getitem__)


@functools.lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 3 is once per million words)."""
    return zipf_frequency(word)


def common_word(word: str) -> bool:
    """Whether a word is common English in lower case ("most", "nice", "reading")."""
    return english_zipf(word) >= 3.3
