"""Literal strings a pattern's every match contains: a cheap "no match here" before the pattern.

Most sentences hold no match for most patterns. Where every match of a pattern must contain
one of a few words ("between", "killed" or "wounded"), looking for those words says "no
match" several times faster than the regular expression engine, which tries the pattern at
every position where its first character could start. The words are read off the parsed
pattern (``re._parser``), never written by hand, so they cannot drift from the pattern.
"""

from __future__ import annotations

import re
import re._parser as _sre  # the parser behind re.compile; Python 3.11 names it so

__all__ = ["absent", "required_literals"]

# A gate of many words costs more than it saves, and one of short words is rarely shut.
_MAX_WORDS = 12
_MIN_LENGTH = 3

_LITERAL = _sre.LITERAL
_BRANCH = _sre.BRANCH
_SUBPATTERN = _sre.SUBPATTERN
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


# Words in most sentences of news copy: a set holding one of them rarely shuts the gate, so
# any set without them is preferred (even one of shorter words).
_COMMON = frozenset(
    {"the", "and", "for", "was", "were", "with", "from", "that", "has", "have", "had", "are"}
    | {"his", "her", "its", "their", "they", "which", "who", "said", "been", "this", "not"}
    | {"after", "first", "early", "also", "about", "into", "over", "more", "other"}
    | {"when", "will", "would", "could", "there", "them", "than", "then", "some", "only"}
)


def _rank(words: frozenset[str]) -> tuple[bool, bool, int, int]:
    # Words long enough to be asked at all, then none of them common, then the longest
    # shortest word, then the fewest words.
    shortest = min(map(len, words))
    return (shortest >= _MIN_LENGTH, _COMMON.isdisjoint(words), shortest, -len(words))


def _best(options: list[frozenset[str]], limit: int = _MAX_WORDS) -> frozenset[str] | None:
    # The set whose shortest word is longest shuts the gate most often; fewer words cost less.
    usable = [o for o in options if o and len(o) <= limit]
    if not usable:
        return None
    return max(usable, key=_rank)


def _either(alternatives: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Sets for a branch, given each alternative's sets: one word of each alternative's set.

    Each alternative's own best set, joined, may hold too many words or common ones, where
    sets of other words of the alternatives would not ("at the start of the war" and "after
    invading" hold "start" and "after", and also "war" or "invading"): for each bound on the
    shortest word, each alternative gives its set of the fewest words above the bound; and
    one set is joined from the sets adding fewest words to those already taken.
    """
    if not alternatives or any(not opts for opts in alternatives):
        return []
    out = [frozenset().union(*(max(opts, key=_rank) for opts in alternatives))]
    bounds = sorted({min(map(len, o)) for opts in alternatives for o in opts}, reverse=True)
    for bound in bounds:
        picks = []
        for opts in alternatives:
            fit = [o for o in opts if min(map(len, o)) >= bound and _COMMON.isdisjoint(o)]
            if not fit:
                break
            picks.append(min(fit, key=lambda o: (len(o), -min(map(len, o)))))
        else:
            out.append(frozenset().union(*picks))
    # ... and one that takes, in turn, the set adding fewest words to those taken already
    # (alternatives that share their words give few: "after the start of the war", "since
    # its invasion" both hold "war" or "invasion")
    taken: frozenset[str] = frozenset()
    for opts in alternatives:
        fit = [o for o in opts if min(map(len, o)) >= _MIN_LENGTH and _COMMON.isdisjoint(o)]
        if not fit:
            break
        taken |= min(fit, key=lambda o: (len(o - taken), len(o), -min(map(len, o))))
    else:
        out.append(taken)
    return out


def _lead(items: list) -> str:
    """The literal characters a sequence starts with ("" if none)."""
    out = []
    for op, arg in items:
        if op is not _LITERAL:
            break
        out.append(chr(arg))
    return "".join(out)


def _options(items: list) -> list[frozenset[str]]:
    """Sets of words, each such that every match of the sequence ``items`` holds one of it."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _LITERAL:
            run.append(chr(arg))
            continue
        if run:  # consecutive literal characters match as one word
            word = "".join(run)
            options.append(frozenset({word}))
            run = []
            if op is _BRANCH:
                # The parser takes the common start out of an alternation ("was|were" is "w"
                # then "as|ere"): the run joined to each alternative's own start is a word.
                leads = [_lead(list(alt)) for alt in arg[1]]
                if all(leads):
                    options.append(frozenset(word + lead for lead in leads))
        if op is _SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if add_flags or del_flags:
                continue  # scoped flags ("(?i:may)") may fold case: nothing read from it
            options.extend(_options(list(body)))
        elif op is _ATOMIC:
            options.extend(_options(list(arg)))
        elif op in _REPEATS and op is not None:
            low, _high, body = arg
            if low >= 1:
                options.extend(_options(list(body)))
        elif op is _BRANCH:
            # one of the alternatives matches: each must give words, and any of them will do
            options.extend(_either([_options(list(alt)) for alt in arg[1]]))
        # else: classes, any character, anchors, lookarounds, back references: no word of
        # their own (a lookaround may read text outside the slice searched)
    if run:
        options.append(frozenset({"".join(run)}))
    return options


def _required(items: list, limit: int = _MAX_WORDS) -> frozenset[str] | None:
    """Words one of which every match of the sequence ``items`` contains, or None."""
    return _best(_options(items), limit)


def required_literals(
    rx: re.Pattern[str], *, max_words: int = _MAX_WORDS, min_length: int = _MIN_LENGTH
) -> frozenset[str] | None:
    """Words of which every match of the case-sensitive ``rx`` contains at least one.

    None where no such set of at most ``max_words`` words (12: a gate of more costs more than
    it saves, unless its pattern is dear), each at least ``min_length`` characters long (3:
    shorter ones are rarely missing, unless looked for in a few words), can be read from the
    pattern: then every text may hold a match, as far as this can tell.

    Raises
    ------
    ValueError
        If ``rx`` is case-insensitive (a literal then matches other strings): ask about its
        lower-case twin on lower-cased text instead (:func:`geo.text.casefold.lower_twin`).
    """
    if rx.flags & re.IGNORECASE:
        raise ValueError(f"{rx.pattern[:60]!r} folds case: its literals are not required as such.")
    try:
        parsed = _sre.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python: read nothing, gate nothing
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None  # a global inline "(?i)"
    found = _required(list(parsed), max_words)
    if found is None or min(map(len, found)) < min_length:
        return None
    # A word that holds another ("death toll", "toll") is found wherever the shorter one is.
    return frozenset(w for w in found if not any(v != w and v in w for v in found))


def absent(words: tuple[str, ...], text: str, pos: int, endpos: int) -> bool:
    """Whether no word of ``words`` lies wholly in ``text[pos:endpos]``, as ``re`` reads a slice.

    ``re`` takes a negative ``pos`` or ``endpos`` as 0, where a slice would count from the
    end: they are clamped first.
    """
    # "in" costs less than "find" with bounds, and a plain loop less than a generator: this is
    # asked thousands of times per article. A slice is copied once for all the words.
    if pos > 0 or endpos < len(text):
        text = text[max(pos, 0) : max(endpos, 0)]
    for w in words:  # noqa: SIM110 - the loop, not all() over a generator, is the point
        if w in text:
            return False
    return True
