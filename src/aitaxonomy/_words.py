"""Words: splitting text, folding accents, stemming, and snapping typos.

The stemmer is deliberately mild: it undoes inflection (plurals, ``-ed``,
``-ing``) and folds British spellings into American ones, but never strips a
derivational suffix, so unrelated words stay apart ("them" and "themes",
"store" and "story") and related ones are listed in the data instead
("summary", "summarize"). Other languages are matched on their listed forms,
after the same folding; the English rules leave most of them alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict

__all__ = ["ARROW", "QUOTE", "TypoIndex", "fold", "hyphenated_tokens", "stem", "tokens"]

_TOKEN = re.compile(r"[a-z0-9+#]+(?:[.'][a-z0-9]+)*|[.;:!?\n,&/()\"'\x01]")
ARROW = "->"
"""The token an arrow becomes ("->", "=>", "\u2192"): what stands after it is made."""
_QUOTES = str.maketrans(
    dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a", '"')
)
QUOTE = '"'
"""The token every quotation mark becomes, opening or closing."""
_VOWELS = frozenset("aeiouy")
# British to American, before the suffixes come off, so both spellings meet.
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (
        re.compile(
            r"^(col|fav|behavi|hon|lab|flav|neighb|hum|rum|harb|vap|sav|endeav|arm|od)"
            r"our"
        ),
        r"\1or",
    ),
)
# Words the rules would damage ("news" is not the plural of "new").
_KEEP = frozenset(
    {
        "news",
        "series",
        "business",
        "analysis",
        "always",
        "class",
        "kotlin",
        "rise",
        "advertise",
        "promise",
        "noise",
        "raise",
        "expertise",
        "surprise",
        "exercise",
        "compromise",
        "otherwise",
        "premise",
        "franchise",
        "merchandise",
        "concise",
        "disguise",
        "enterprise",
        "cruise",
        "precise",
        "wise",
        "status",
        "virus",
        "census",
        "corpus",
        "campus",
        "bonus",
        "focus",
        "genus",
        "radius",
        "canvas",
        "alias",
        "atlas",
        "bias",
        "lens",
        "chaos",
        "ethos",
        "pros",
        "cons",
        "yes",
        "thus",
        "plus",
        "minus",
        "gas",
        "bus",
        "process",
        "access",
        "address",
        "less",
        "across",
        "chess",
        "express",
        "glass",
        "pass",
        "mass",
        "boss",
        "loss",
        "dress",
        "thesis",
        "basis",
        "crisis",
        "diagnosis",
        "emphasis",
        "hypothesis",
        "synopsis",
        "axis",
        "tennis",
        "jeans",
        "physics",
        "maths",
        "mathematics",
        "statistics",
        "analytics",
        "economics",
        "ethics",
        "logistics",
        "metrics",
        "graphics",
        "electronics",
        "robotics",
        "genomics",
        "lyrics",
        "does",
        "goes",
        "this",
        "his",
        "its",
        "has",
        "was",
        "is",
        "us",
        "as",
        "during",
        "nothing",
        "something",
        "anything",
        "everything",
        "thing",
        "king",
        "ring",
        "spring",
        "string",
        "sing",
        "bring",
        "wing",
        "ceiling",
        "morning",
        "evening",
        "red",
        "bed",
        "need",
        "seed",
        "speed",
        "feed",
        "shed",
        "wed",
        "embed",
        "hundred",
    }
)


def fold(text: str) -> str:
    """Lower case without accents: "Vídeo" -> "video", "Übersetze" -> "ubersetze".

    Example:
        >>> fold("Résumé de la VIDÉO")
        'resume de la video'
    """
    # casefold() already makes "ß" "ss"; NFKD splits accents off to be dropped
    folded = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return folded.encode("ascii", "ignore").decode()


def tokens(text: str) -> list[str]:
    """Folded words and punctuation marks, in order; hyphens join words.

    Abbreviations lose their dots, so "e.g." does not end a sentence. Every
    quotation mark becomes :data:`QUOTE`; an apostrophe only when it opens or
    closes a quotation, not in "don't" or "the players' scores".

    Example:
        >>> tokens("Text-to-speech for 3.5 e-mails, e.g. tl;dr, then stop.")
        ['text', 'to', 'speech', 'for', '3.5', 'e', 'mails', ',', 'eg', 'tldr', ',',
         'then', 'stop', '.']
        >>> tokens("re-rank 'did it work?' by the players' scores, «vite»")
        ['rerank', '"', 'did', 'it', 'work', '?', '"', 'by', 'the', 'players',
         'scores', ',', '"', 'vite', '"']
        >>> tokens("scans -> text")
        ['scans', '->', 'text']
    """
    return hyphenated_tokens(text)[0]


def hyphenated_tokens(text: str) -> tuple[list[str], frozenset[int]]:
    """:func:`tokens`, and the positions of those joined to the one before by a hyphen.

    Example:
        >>> hyphenated_tokens("study-with-me streams")
        (['study', 'with', 'me', 'streams'], frozenset({1, 2}))
    """
    found, joined = _tokenized(text)
    return list(found), joined


@functools.lru_cache(maxsize=1024)
def _tokenized(text: str) -> tuple[tuple[str, ...], frozenset[int]]:
    # One choose() call reads its text several times (language, steps, use
    # case): tokenise it once.
    if _PLAIN.fullmatch(text):  # most cue phrases: lower-case words and spaces
        return tuple(text.split()), frozenset()
    folded = _ABBREVIATIONS.sub(
        lambda m: m.group(0).replace(".", "").replace(" ", ""),
        fold(_ARROWS.sub(" \x01 ", text.translate(_QUOTES))),
    ).replace("tl;dr", "tldr")
    spaced = folded.replace("-", " ").replace("_", " ")
    found: list[str] = []
    joined: set[int] = set()
    quoting = False
    for match in _TOKEN.finditer(spaced):
        word = match.group(0)
        if word == "\x01":
            found.append(ARROW)
            continue
        if word == "'":
            # a single quote opens before a word and closes after one; a lone
            # apostrophe ("the players' scores") is no quotation mark
            start, end = match.start(), match.end()
            opens = (start == 0 or not spaced[start - 1].isalnum()) and (
                end < len(spaced) and spaced[end].isalnum()
            )
            if not (opens and not quoting) and not quoting:
                continue
            word = QUOTE
        if word == QUOTE:
            quoting = not quoting
        hyphened = match.start() > 0 and folded[match.start() - 1] in "-_"
        if (
            hyphened
            and found
            and found[-1] in _PREFIXES
            and len(found) - 1 not in joined
        ):
            found[-1] += word  # "re-rank" is "rerank", "de-noise" "denoise"
            continue
        if hyphened:
            joined.add(len(found))
        found.append(word)
    return tuple(found), frozenset(joined)


_PLAIN = re.compile(r"[a-z0-9 ]*")
_ARROWS = re.compile(r"-+>|=+>|\u2192|\u27f6|\u21d2")
_PREFIXES = frozenset({"re", "pre", "co", "non", "un", "sub", "de"})
"""Prefixes that join the word after their hyphen: "re-orders" is one word."""
_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|z\. ?b|p\. ?ex|p\. ?ej|bzw|usw|etc|vs|approx|incl|ca|min|max|nr)\."
)


def _measure(stem: str) -> int:
    """Porter's m: how many vowel-consonant runs the stem has."""
    count, previous = 0, False
    for index, letter in enumerate(stem):
        vowel = letter in _VOWELS and not (letter == "y" and index == 0)
        if previous and not vowel:
            count += 1
        previous = vowel
    return count


def _short(stem: str) -> bool:
    """Whether a stem is a short syllable that lost an "e": "writ", "us".

    It ends consonant-vowel-consonant (not w, x, y) with one such run, or is
    a vowel and a consonant.
    """
    if len(stem) == 2:  # noqa: PLR2004
        return stem[0] in _VOWELS and stem[1] not in _VOWELS
    if len(stem) < 3 or _measure(stem) != 1:  # noqa: PLR2004
        return False
    first, middle, last = stem[-3], stem[-2], stem[-1]
    return (
        first not in _VOWELS
        and middle in _VOWELS
        and last not in _VOWELS
        and last not in "wxy"
    )


@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The word without its inflection, spelled the American way.

    Example:
        >>> words = ("summarising", "summarizes", "writing", "themes", "them")
        >>> [stem(w) for w in words]
        ['summariz', 'summariz', 'write', 'theme', 'them']
        >>> [stem(w) for w in ("stories", "store", "images", "classified", "running")]
        ['story', 'store', 'imag', 'classify', 'run']
        >>> [stem(w) for w in ("mp3s", "pdfs", "csvs")]
        ['mp3', 'pdf', 'csv']
    """
    if word.endswith("s") and word[:-1].isalnum() and not word[:-1].isalpha():
        return word[:-1]  # "mp3s": the plural of a file type with a digit in it
    if len(word) <= 3 or word in _KEEP or not word.isalpha():  # noqa: PLR2004
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    word = _plural(word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if any(v in base for v in _VOWELS) and len(base) >= 2:  # noqa: PLR2004
                word = _repair(base)
            break
    if word.endswith("e") and _measure(word[:-1]) > 1:
        word = word[:-1]
    return word


def _plural(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ies", "ied")) and len(word) > 4:  # noqa: PLR2004
        return word[:-3] + "y"
    if word.endswith(("xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        base = word[:-1]
        # "pdfs", "csvs": an abbreviation with no vowel takes an "s" too
        if any(v in base[:-1] for v in _VOWELS) or not any(v in base for v in _VOWELS):
            return base
    return word


def _repair(base: str) -> str:
    """Undo what taking off -ed or -ing did: "creat" -> "create", "runn" -> "run"."""
    if base.endswith(("at", "bl", "iz")):
        return base + "e"
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":  # noqa: PLR2004
        return base[:-1]
    if _short(base):
        return base + "e"
    return base


class TypoIndex:
    """Snaps misspelt words to a vocabulary by deletion neighbourhoods.

    Each vocabulary word is indexed under itself and every form with one
    letter deleted, so a look-up builds the same forms of the typo and meets
    its candidates in a dictionary, instead of comparing against every word.
    Candidates are then checked with an edit distance that counts a swap of
    neighbours as one edit. Words are matched as written (before stemming),
    since a typo can hide a suffix. Only words of six letters or more are
    corrected: a changed letter in a short word usually makes another real
    word ("trial", "trail").
    """

    def __init__(self, vocabulary: set[str]) -> None:
        """Index *vocabulary* (folded words)."""
        self._vocabulary = frozenset(vocabulary)
        # one edit changes a length by one at most: a longer word has no typo
        # here, and finding its deletions would cost its length squared
        self._longest = max(map(len, self._vocabulary), default=0) + 1
        self._index: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= MIN_TYPO_LENGTH - 1 and word.isalpha():
                for form in _deletions(word):
                    self._index[form].add(word)
        self._cache: dict[str, str] = {}
        self._swapped: dict[str, str] = {}
        for word in sorted(vocabulary):
            if MIN_SWAP_LENGTH <= len(word) < MIN_TYPO_LENGTH and word.isalpha():
                for i in range(len(word) - 1):
                    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                    if swapped != word and swapped not in vocabulary:
                        self._swapped.setdefault(swapped, word)

    def snap(self, word: str) -> str:
        """The vocabulary word *word* is a typo of, or *word* itself.

        Words of six letters or more may be one edit away; shorter ones (four
        letters and up) only two neighbouring letters swapped ("lgoo").
        """
        if (
            word in self._vocabulary
            or len(word) < MIN_SWAP_LENGTH
            or len(word) > self._longest
            or not word.isalpha()
        ):
            return word
        if len(word) < MIN_TYPO_LENGTH:
            return self._swapped.get(word, word)
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        candidates: set[str] = set()
        for form in _deletions(word):
            candidates.update(self._index.get(form, ()))
        best = word
        best_key: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = _distance(word, candidate)
            if distance > 1:
                continue
            key = (distance, -_common_prefix(word, candidate), candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        if len(self._cache) < _SNAP_CACHE_LIMIT:
            self._cache[word] = best
        return best


MIN_TYPO_LENGTH = 6
"""The shortest word the typo index corrects by any one edit."""
MIN_SWAP_LENGTH = 4
"""The shortest word corrected when two neighbouring letters are swapped."""
_SNAP_CACHE_LIMIT = 65536


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def _distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters is one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]
