"""Case-insensitive patterns run faster on ASCII text: as case-sensitive twins on its lower case.

Python's ``re`` tries a case-insensitive pattern in full at every position, while a
case-sensitive one skips ahead to a possible first character: on news sentences the twin is
2-4 times faster. On ASCII text the two find the same spans (only ASCII letters fold, and
lower-casing keeps every offset), so callers get the same result, in lower case. The same
holds for text whose other characters have no case (curly quotes, dashes, ©): news copy
is full of those, and they neither fold nor change when lower-cased.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from geo.text.literals import absent, required_literals

__all__ = ["Gated", "ascii_lower", "caseless_lower", "loosened", "lower_twin", "may_hold"]

# What may not appear in a pattern that has a twin: an upper-case ASCII letter (a class such as
# [A-Z] or a literal that a scoped flag keeps case-sensitive) and inline flags, once escapes
# (\W, \S, \B ...) and group names are taken out.
_ESCAPE_OR_NAME = re.compile(
    r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.)"
    r"|\(\?P[<=]\w+>?|\(\?P=\w+\)"
)


def _bare(m: re.Match[str]) -> str:
    # A character written by its code stays, so that "\x41" counts as the "A" it is.
    esc = m.group()
    if esc[:2] in ("\\x", "\\u", "\\U"):
        return chr(int(esc[2:], 16))
    return "N" if esc.startswith("\\N") else ""  # a named character: taken as case-bound


_CASE_BOUND = re.compile(r"[A-Z]|\(\?(?:[aiLmsux]+(?:-[imsx]+)?|-[imsx]+)[:)]")


def lower_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive pattern, for ASCII text in lower case.

    For ASCII ``text``, ``lower_twin(rx).search(text.lower(), pos, endpos)`` matches where
    ``rx.search(text, pos, endpos)`` does, with the same spans and groups lower-cased; likewise
    ``match``, ``finditer`` and ``fullmatch``.

    Raises
    ------
    ValueError
        If ``rx`` is not case-insensitive, or its meaning depends on case (an upper-case
        letter or an inline flag in it): such a pattern has no twin.
    """
    if not rx.flags & re.IGNORECASE:
        raise ValueError(f"{rx.pattern[:60]!r} is case-sensitive already: it needs no twin.")
    bare = _ESCAPE_OR_NAME.sub(_bare, rx.pattern)
    if m := _CASE_BOUND.search(bare):
        raise ValueError(
            f"{rx.pattern[:60]!r} depends on case ({m.group()!r}): it has no lower-case twin."
        )
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


_CASELESS: dict[str, bool] = {}  # a non-ASCII character: whether it has no case
# The caseless characters of news copy (curly quotes, dashes, ellipsis, guillemets, ©, no-break
# spaces, the modifier apostrophe): a text with no other non-ASCII character is answered by
# one scan.
_COMMON_CASELESS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u00a9\u00a0\u202f\u02bc"
_UNCOMMON = re.compile(f"[^\\x00-\\x7f{_COMMON_CASELESS}]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _caseless(ch: str) -> bool:
    found = _CASELESS.get(ch)
    if found is None:
        # No lower or upper case of its own: ``re`` folds it to nothing else (its
        # case-insensitive matching pairs only characters with a case), and ``lower`` keeps it.
        found = _CASELESS[ch] = ch.lower() == ch and ch.upper() == ch
    return found


def caseless_lower(text: str) -> str | None:
    """``text.lower()`` when only ASCII letters of ``text`` have a case, else None.

    Then a twin (:func:`lower_twin`) on the answer finds what its pattern finds in ``text``:
    ASCII text, or text whose other characters are typographic quotes, dashes and the like.
    Letters with a case beyond ASCII (Cyrillic, accented Latin) give None.
    """
    if text.isascii() or _UNCOMMON.search(text) is None:
        return text.lower()
    for ch in set(_NON_ASCII.findall(text)):
        if not _caseless(ch):
            return None
    return text.lower()


def may_hold(words: tuple[str, ...], low: str | None) -> bool:
    """Whether a text may hold a match of a pattern whose every match holds one of ``words``.

    ``low``: the text's :func:`caseless_lower` (None: it may, as far as this can tell); the
    words in lower case, read off the pattern (:attr:`Gated.words`,
    :func:`geo.text.literals.required_literals` of its :func:`lower_twin`). No words: it may.
    """
    return low is None or not words or not absent(words, low, 0, len(low))


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """The pattern's top-level alternatives ("a|b(c|d)" gives "a", "b(c|d)"), or None.

    Escapes and character classes are skipped; None for a pattern this cannot read with
    certainty (an unbalanced bracket or parenthesis), which is then left as it is.
    """
    parts, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            # a class ends at the first "]" that is not its first character (or after "^")
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            if j >= n:
                return None
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return None
    parts.append(pattern[start:])
    return parts


def loosened(rx: re.Pattern[str]) -> re.Pattern[str]:
    r"""A pattern that matches wherever ``rx`` does, and perhaps elsewhere: a gate for ``rx``.

    A word boundary that opens an alternative is left out: ``re`` then skips ahead to a
    possible first character instead of trying the whole pattern at every position (``\bX``
    is found where ``X`` is, so no match of ``rx`` is lost). Whatever it cannot loosen with
    certainty, it returns as it is.
    """
    if rx.flags & re.VERBOSE:
        return rx  # spaces and comments: not read here
    parts = _top_level_alternatives(rx.pattern)
    if parts is None or not any(part.startswith("\\b") for part in parts):
        return rx
    try:
        return re.compile(
            "|".join(part[2:] if part.startswith("\\b") else part for part in parts), rx.flags
        )
    except re.error:
        return rx


_LAST: tuple[str, str | None] = ("", "")


def ascii_lower(text: str) -> str | None:
    """:func:`caseless_lower` of ``text``; the last answer is remembered.

    A long text is asked about once per sentence: the one-entry memory (by identity, so
    equal copies are not compared) makes that one lower-casing per text. (The name is older
    than the curly quotes it now lets through.)
    """
    global _LAST
    last = _LAST  # one read: another thread may replace it, never half of it
    if last[0] is text:
        return last[1]
    low = caseless_lower(text)
    _LAST = (text, low)
    return low


_LAST_GATED: tuple[str, str | None] = ("", None)


def _gate_lower(text: str) -> str | None:
    # By identity: an article is in ascii_lower's memory while its sentences are read, and a
    # sentence is asked by several gated patterns in a row.
    global _LAST_GATED
    last = _LAST
    if last[0] is text:
        return last[1]
    last = _LAST_GATED
    if last[0] is text:
        return last[1]
    low = caseless_lower(text)
    _LAST_GATED = (text, low)
    return low


def _folded_words(rx: re.Pattern[str]) -> tuple[str, ...]:
    """Words every match of the case-insensitive ``rx`` holds in some case, in lower case.

    Read off the pattern taken case-sensitively: matching without case changes which letters
    a literal meets, not which literals a match must hold. On the lower case of a text where
    only ASCII letters have a case (:func:`caseless_lower`) such a word then appears in lower
    case wherever a match holds it (no other letter folds to an ASCII one there). Words with
    other letters are not asked (empty then).
    """
    try:
        words = required_literals(re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)) or ()
    except re.error:  # pragma: no cover - a pattern valid with the flag is valid without
        return ()
    if not all(w.isascii() for w in words):
        return ()
    return tuple(sorted({w.lower() for w in words}))


class Gated:
    """A pattern that asks cheaper questions first whether it matches at all.

    Most sentences hold no match for most patterns. A case-insensitive pattern asks its
    lower-case twin (on the text's lower case, where only ASCII letters have a case:
    :func:`caseless_lower`), which says so several times faster; before the twin, and for a
    case-sensitive pattern before the pattern, the words every match contains are looked for
    (:func:`geo.text.literals.required_literals`, read off the pattern), faster still.
    Where these find something, or the text has other cased letters, the pattern itself runs:
    matches, groups and their case are the pattern's own. A case-insensitive pattern whose
    meaning depends on case (no twin: "[A-Z]" in it) asks only for its words, in lower case,
    on the lower case. ``Gated(rx)`` answers ``search``, ``match`` and ``finditer`` as ``rx``
    does; ``rx`` is the pattern, for anything else.
    """

    __slots__ = ("folded", "rx", "twin", "words")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.twin: re.Pattern[str] | None = None
        self.words: tuple[str, ...] = ()
        self.folded = False  # the words are looked for on the lower case (no twin)
        if not rx.flags & re.IGNORECASE:
            # No twin needed: the words are looked for in the text as it is.
            self.words = tuple(sorted(required_literals(rx) or ()))
            return
        try:
            # Loosened: the twin only ever says "no match here", so it may find more.
            self.twin = loosened(lower_twin(rx))
        except ValueError:  # it depends on case: only its words can be asked first
            self.words = _folded_words(rx)
            self.folded = True
            return
        self.words = tuple(sorted(required_literals(self.twin) or ()))

    def _none(self, text: str, pos: int, endpos: int, *, anchored: bool = False) -> bool:
        # Asked thousands of times per article, and most often shut by the words: attributes
        # and the article's lower case (by identity, as _gate_lower asks first) are read once,
        # into locals, and the words are looked for here (geo.text.literals.absent inline).
        twin, words = self.twin, self.words
        if twin is None and not self.folded:
            if not words:
                return False
            low: str | None = text
        else:
            if twin is None and not words:
                return False
            last = _LAST
            low = last[1] if last[0] is text else _gate_lower(text)
            if low is None:
                return False
        if words:
            # as re reads a slice: a negative bound is 0 (see absent)
            seg = low if pos <= 0 and endpos >= len(low) else low[max(pos, 0) : max(endpos, 0)]
            for w in words:
                if w in seg:
                    break
            else:
                return True
        if twin is None:
            return False
        if anchored:
            return twin.match(low, pos, endpos) is None
        return twin.search(low, pos, endpos) is None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``rx.search``; None at once where a cheaper question finds nothing."""
        if self._none(text, pos, endpos):
            return None
        return self.rx.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``rx.match``; None at once where a cheaper question finds nothing there."""
        if self._none(text, pos, endpos, anchored=True):
            return None
        return self.rx.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``rx.fullmatch``; None at once where a cheaper question finds no match at ``pos``."""
        if self._none(text, pos, endpos, anchored=True):
            return None  # no match at ``pos`` at all: no full one either
        return self.rx.fullmatch(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``rx.finditer``; nothing at once where a cheaper question finds nothing."""
        if self._none(text, pos, endpos):
            return iter(())
        return self.rx.finditer(text, pos, endpos)
