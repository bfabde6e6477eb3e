"""Reading a job description: its steps, and each step's job type, inputs and outputs.

The reader works in four passes, every word it knows coming from
``task_cues.toml`` and the job types' own cues:

1. **Language.** Marker words and each language's vocabulary pick English,
   Spanish, French, German or Portuguese; that language's words are added to
   the English ones (people write "podcast" and "OCR" in any language).
2. **Steps.** Connectors split the text: "then" and its kin start a step that
   works on the previous one's result; "with", "plus" and their kin add
   another deliverable; "and" or a comma before a new job verb starts a step.
   Sentences without a connector stay one step.
3. **Direction.** Each modality named ("this photo", "a jingle") is an input
   or an output of its step, decided by the nearest preposition, the verb
   that governs it, a job noun right after it, a determiner, and last the
   noun's habit. A modality can also be only the topic ("a post about
   videos") or the purpose ("music for videos"), and then it is neither.
4. **Job type.** Each job type scores its cues found in the step, plus how
   well its shape fits the inputs and outputs found; the best wins, and
   fills in what the words left unsaid ("transcribe this" reads speech).

Function words (prepositions, determiners, connectors, pronouns) are matched
as written; content words by their stem (:func:`aitaxonomy._words.stem`).
"""

from __future__ import annotations

import functools
import math
import threading
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._modality import Modality
from ._modality import fits as _fits
from ._words import ARROW, QUOTE, TypoIndex, hyphenated_tokens, stem, tokens

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ._entities import JobType, UseCase
    from ._learned import WordModel
    from ._tasks import TaskMatch, TaskMatcher

from ._tasks import MATCH_THRESHOLD

__all__ = ["Mention", "ReadStep", "Reading", "TaskReader"]

_T = TypeVar("_T")

ENGLISH = "en"
_REACH = 8
"""How far back (in words) a preposition or verb governs a modality."""
_NEGATION_REACH = 3
# What a fitting or contradicting modality is worth against the cues when the
# job type is decided, and the least score that names a job type.
_FITS = 1.0
_FITS_AS_TEXT = 0.3
_NEAR = 0.2
"""What a modality loses when the job's is a broader or narrower kind of it."""
_CONTRADICTS = 1.6
_MISSING_CONTENT = 0.9
_MISSING = {Modality.CODE: 0.8, Modality.TABLE: 0.8, Modality.MOLECULE: 0.8}
"""What a job loses when an input it cannot do without is not named: a job
that reads code or a table almost always says so."""
_MISSING_OUTPUT = 0.2
_LEAST = 0.35
_MATERIAL = 0.5
_SHAPE_CUE = 0.25
_EXAMPLE = 0.25
_BY_ROLE = "made by the step's verb"
_READ_BY_ROLE = "read by the step's verb"
_USUALLY_GIVEN = "usually given"
_BY_VERB = frozenset({_BY_ROLE, _READ_BY_ROLE})
"""Directions read from the step's verb alone."""
_GIVEN_BEFORE = "told of before the request"
_READ_OFF = "the text the last step read off it"
_USUALLY_MADE = "usually made"
_NEW_ONE = "a new one"
_AFTER_IT = " after it"
_WRITTEN_IN = "written in it"
_TOO_LITTLE = frozenset({_BY_ROLE, _USUALLY_MADE})
"""Directions too weak to make a content noun a deliverable of its own."""
_QUESTION = 1.0
_NAMED = 2.0
"""The cue weight that names a job on its own, with no verb ("genre")."""
_LEARNED = 4.0
"""The most the word model (:mod:`aitaxonomy._learned`) adds to a job type."""
_CONFIDENT = 8.0
"""Word-model evidence from which a job type gets all of :data:`_LEARNED`."""
_FIT_MEMO_LIMIT = 4096
_UNPROMPTED = 1.0
"""What a job that reads nothing loses when no word asks for it."""
_FULL_SAYING = 6
"""How many words a step needs before the word model counts in full."""
_ALONE = 22.0
_ALONE_RATIO = 2.2
"""Word-model evidence that names a job with no cue: this much, and this many
times the runner-up's."""
_TRUST = 20.0
_TRUST_RATIO = 1.6
_TRUSTED = 6.0
"""Word-model evidence this strong and one-sided (this much, this many times
the runner-up's) adds :data:`_TRUSTED` more to its job type: on the
evaluation's tune and dev splits the model's pick is then nearly always
right, more often than the cues'."""
_PAIR = 6.0
"""What "en -> es" or "English to Spanish" says for translation."""
"""What a question mark says for the job families that answer questions."""
_WRONG_WAY_CUE = 0.5
"""The weight of a job cue naming a modality read the other way round."""
"""The weight of a job cue among examples: "a 'customers also liked' row"."""
"""The weight of a job cue that names a modality of the job's own shape."""
"""The weight of a job cue that is also a modality noun ("emails", "chat" in
"chat logs"): it names the material more than the job."""

_BREAKS = frozenset({".", ";", "!", "?", "\n"})
_PUNCTUATION = frozenset({*_BREAKS, ",", ":", "&", "/", "(", ")", QUOTE})
_UNKEYED = _PUNCTUATION - {"/"}
"""Marks a cue is matched without: a slash stays ("pass/fail", "yes/no")."""
_UNDERSTANDING = frozenset(
    {"video-understanding", "audio-understanding", "image-captioning"}
)
"""Job types that describe what they see or hear in words of their own."""
_WRITING = "text-generation"
_DATA_WRITING = "table-to-text"
_WRITINGS = frozenset({_WRITING, "summarization"})
"""Jobs that write prose: after "then", on numbers just made, a report on them."""
_NUMBERS = frozenset({Modality.FORECAST, Modality.SCORE, Modality.TABLE})
"""Results a text written from them is a report on the data about."""
_ADDED = "a deliverable added ('plus', 'as well as')"
_FINDINGS = frozenset({Modality.LABEL, Modality.SCORE, Modality.BOXES, Modality.MASK})
"""Results of finding or sorting things: what a later step may work on."""
_VERDICTS = frozenset({Modality.LABEL, Modality.SCORE})
"""Results a step pointing back at them reads as words ("based on that")."""
_SHORTEST_VERB = 4
"""The fewest letters left of a verb once its pronoun comes off ("leer")."""
_SHORTEST_STEM = 3
"""The fewest letters left of a verb form once its ending is off ("lee" no)."""
_COMPOUND_PART = 3
"""The fewest letters of either part of a compound word ("Tiefen|karte")."""
_BRIDGE = 3
"""The most words between "and" and the verb of a new step ("and have it read")."""
_PARTICLES = frozenset({"out", "up", "down", "aloud", "through", "off", "over", "back"})
"""English particles a phrasal verb's cue may stand apart from ("read ... out")."""
_PARTICLE_GAP = 3
"""The most words between a verb and its particle ("read the summary out")."""
_SCOPE = 6
"""How far past a scope's first word ("for the urgent ones") its verb may be."""
_THEN = 12.0
"""Word-model evidence that names the job of a step after "then" with no cue."""
_SORTED_REACH = 8
"""How far before "into" a sorting verb may stand ("sort emails coming in into")."""
_EXAMPLE_ITEM = 4
"""The most words an item of a list of examples has ("billing, outage, other")."""
_LISTED = 3
"""The fewest items of one word each that make a list of examples."""
_JOINERS = frozenset(
    {",", "&", "/", "and", "or", "y", "o", "et", "ou", "und", "oder", "e"}
)
_CONTENT_NAMES = frozenset(m.value for m in Modality if m.content)
_READABLE = _CONTENT_NAMES | {"table", "none"}
_ITEM = 12
"""The most words a line of a list has; a longer line is prose."""
_OPENS_ITEM = frozenset({"\n", ":", ".", ";", "(", "-"})
"""What a list's first number may follow ("Steps: 1. ...", a new line)."""
_AND = frozenset({"and", ",", "y", "et", "und", "e", "plus", "pis"})
"""Words joining clauses ("pis" is Quebec French for "and then")."""
_AGENT = "agent"
_CONVERSATIONAL = frozenset({"chat", "voice-chat", "multimodal-chat", _AGENT})
# assistants that answer in more than text: what they answer in is theirs
_TALKERS = frozenset({"voice-chat", "multimodal-chat", "any-to-any"})
MATERIAL_MAKERS = frozenset({"speech-recognition", "ocr", "translation"})
"""Jobs whose text is material for the next step: a transcript, a translation."""
# what is made by rendering a text: voiced, or set to music
_RENDERED = frozenset({Modality.SPEECH, Modality.MUSIC})
_RELATIVE = frozenset(
    {"that", "which", "to", "que", "qui", "das", "die", "der", "welche"}
)
# Where a modality named points, by the words before it (task_cues.toml
# [directions] and each language's lists of the same names).
_DIRECTIONS = (
    "input",
    "output",
    "purpose",
    "topic",
    "style",
    "given",
    "new",
    "training",
    "quantity",
    "into",
    "written_in",
    "infinitive",
    "article",
)
# Kinds of lexicon entry matched on the words as written, not their stems.
_AS_WRITTEN = frozenset({*_DIRECTIONS, "negation", "back", "link", "request", "apart"})


@attrs.frozen
class Mention:
    """A modality named in a job description, and which way it points.

    Attributes:
        modality: The modality named.
        direction: ``"in"`` (the job reads it), ``"out"`` (the job makes it),
            ``"topic"`` (what made content is about), ``"purpose"`` (what the
            result is for) or ``"unknown"``; only the first two shape the job.
        text: The words as written.
        why: What decided the direction (``"'from'"``, ``"verb 'transcribe'"``,
            ``"usually given"``...).
    """

    modality: Modality
    direction: str
    text: str
    why: str


@attrs.frozen
class ReadStep:
    """One step of a job as read from its description.

    Attributes:
        job_type: The id of the job type.
        inputs: What the step reads.
        outputs: What it makes.
        uses_previous: Whether it works on the previous step's result.
        keeps_previous: Whether it reads the material the previous step
            sorted or found things in, whose results are delivered too
            ("sort the photos, and on the faulty ones mark the crack").
        terms: The cues that chose the job type, as written.
        mentions: The modalities named in the step.
        score: The winning job type's score.
    """

    job_type: str
    inputs: frozenset[Modality]
    outputs: frozenset[Modality]
    uses_previous: bool = False
    keeps_previous: bool = False
    terms: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    score: float = 0.0


@attrs.frozen
class Reading:
    """Everything read from a job description.

    Attributes:
        steps: The job's steps, in order (empty when no job was recognised).
        language: The language it is written in (``"en"``, ``"es"``...).
        use_case: The matched use case id, or ``None``.
        use_case_match: The use-case matcher's result.
        set_aside: ``(use case, job type)`` when the words suggested a use
            case that the job's steps are not instances of.
        mentions: Every modality named, step by step.
    """

    steps: tuple[ReadStep, ...]
    language: str
    use_case: str | None
    use_case_match: TaskMatch
    set_aside: tuple[str, str] | None = None

    @property
    def inputs(self) -> frozenset[Modality]:
        """What the job reads: every step's inputs but those fed by a step."""
        return frozenset().union(*(s.inputs for s in self.steps if not s.uses_previous))

    @property
    def outputs(self) -> frozenset[Modality]:
        """What the job delivers: outputs not only fed to the next step."""
        found: set[Modality] = set()
        for index, step in enumerate(self.steps):
            after = self.steps[index + 1] if index + 1 < len(self.steps) else None
            if after is None or not after.uses_previous or after.keeps_previous:
                found |= step.outputs
        return frozenset(found)

    @property
    def confidence(self) -> float:
        """How sure the reading is, 0 to 1: the surest of its job and use case."""
        jobs = max((1 - math.exp(-s.score / 3) for s in self.steps), default=0.0)
        use_case = self.use_case_match.confidence if self.use_case else 0.0
        return round(min(1.0, max(jobs, use_case)), 3)


@attrs.frozen
class _Entry:
    """One phrase of the lexicon, and what finding it means."""

    key: tuple[str, ...]
    kind: str
    value: str
    text: str
    weight: float = 1.0
    forms: tuple[str, ...] = attrs.field(init=False)
    """Each word's verb-like ending ("ing", "ed" or ""), for nouns."""

    @forms.default
    def _forms(self) -> tuple[str, ...]:
        if self.kind != "noun":
            return ()
        return tuple(_verbal(w) for w in tokens(self.text) if w not in _UNKEYED)


@functools.lru_cache(maxsize=65536)
def _key(text: str, kind: str) -> tuple[str, ...]:
    words = [w for w in tokens(text) if w not in _UNKEYED]
    if kind in _AS_WRITTEN:
        return tuple(words)
    return tuple(stem(w) for w in words)


class _Lexicon:
    """Every phrase of one language set, indexed by its first word or stem."""

    def __init__(
        self,
        entries: Iterable[_Entry],
        *,
        snap: bool,
        clitics: Iterable[str] = (),
        compounds: bool = False,
        inflections: Sequence[tuple[str, str]] = (),
        known: Callable[[str], bool] | None = None,
        separable: Iterable[str] = (),
        auxiliaries: Iterable[str] = (),
        strong: Mapping[str, str] | None = None,
        elisions: Iterable[str] = (),
    ) -> None:
        self.compounds = compounds
        # French: "l'affiche" is "affiche" with its article run into it
        self.elisions = tuple(elisions)
        # German: separable prefixes a participle's "ge" may follow, the
        # auxiliaries of a passive that show a word before them is one, and
        # the strong participles' cores, which no rule derives ("schrieben")
        self.separable = tuple(sorted(separable, key=len, reverse=True))
        self.auxiliaries = frozenset(auxiliaries)
        self.strong = dict(strong or {})
        self.inflections = inflections
        self.known = known
        # longest first, so "selo" comes off before "lo"
        self.clitics = tuple(sorted(set(clitics), key=len, reverse=True))
        self.written: dict[str, list[_Entry]] = defaultdict(list)
        self.stemmed: dict[str, list[_Entry]] = defaultdict(list)
        vocabulary: set[str] = set()
        for entry in entries:
            if not entry.key:
                continue
            table = self.written if entry.kind in _AS_WRITTEN else self.stemmed
            table[entry.key[0]].append(entry)
            if entry.kind not in _AS_WRITTEN:
                vocabulary.update(w for w in tokens(entry.text) if w.isalpha())
        self.stems = frozenset(
            s for es in self.stemmed.values() for e in es for s in e.key
        )
        # words matched as written ("catchy") are known: no typo of another
        self.as_written = frozenset(
            w for es in self.written.values() for e in es for w in e.key
        )
        self.nouns = frozenset(
            e.key[0]
            for es in self.stemmed.values()
            for e in es
            if e.kind == "noun" and len(e.key) == 1
        )
        self.typos = TypoIndex(vocabulary if snap else set())
        # each first word's entries by their whole key: a few look-ups a word
        self.keyed = tuple(_by_key(table) for table in (self.written, self.stemmed))
        # a verb and its particle ("read out"), found with words between them
        phrasal: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
        for found in self.stemmed.values():
            for e in found:
                if len(e.key) == 2 and e.key[1] in _PARTICLES and e.kind != "noun":  # noqa: PLR2004
                    phrasal[e.key[0]].append((e.key[1], e))
        self.phrasal: Mapping[str, Sequence[tuple[str, _Entry]]] = dict(phrasal)

    def participle(self, word: str) -> str | None:
        """The stem of the infinitive a German participle is of, if known.

        "entfernt" is "entfernen", "zusammengefasst" "zusammenfassen",
        "abgetippt" "abtippen", "beantwortet" "beantworten", "umgewandelt"
        "umwandeln": a weak participle ends in "-t" or "-et", and its "ge"
        stands first or after a separable prefix. A strong one ("erkannt",
        "mitgeschrieben") is found by its core in :attr:`strong`.
        """
        if len(word) <= _SHORTEST_VERB:
            return None
        prefix = next((p for p in self.separable if word.startswith(p + "ge")), "")
        rest = word[len(prefix) :]
        cores = [rest[2:]] if rest.startswith("ge") else []
        cores.append(rest)  # "erkannt", "beschrieben": no "ge"
        bases = []
        for core in cores:
            # "beschrieben", "erkannt": an inseparable prefix before the core
            bases += [
                prefix + core[: len(core) - len(inner)] + infinitive
                for inner, infinitive in self.strong.items()
                if core.endswith(inner)
            ]
            if core.endswith("t"):
                body = core[:-1]
                bases.append(prefix + body + "en")
                if body.endswith("e"):  # "beantwortet"
                    bases.append(prefix + body[:-1] + "en")
                if body.endswith(("el", "er")):  # "umgewandelt", "geandert"
                    bases.append(prefix + body + "n")
        for base in bases:
            if stem(base) in self.stems:
                return stem(base)
        return None

    def stem(self, word: str, *, before_clitic: bool = False) -> str:
        """The stem of *word*, or of the lexicon word it misspells.

        A verb with a pronoun on it ("clasificarlas", "resumirlo") is found
        by its infinitive; one written before a hyphened pronoun
        ("traduzi-las") may have lost its final "r".
        """
        found = stem(word)
        if found in self.stems or word in self.as_written:
            return found
        for elided in self.elisions:
            if word.startswith(elided) and len(word) > len(elided) + 1:
                return self.stem(word[len(elided) :])
        bases = [word + "r"] if before_clitic else []
        bases += [
            word[: -len(clitic)]
            for clitic in self.clitics
            if word.endswith(clitic) and len(word) - len(clitic) >= _SHORTEST_VERB
        ]
        # "se detecten", "que la traduzca": a verb form is found by its infinitive
        bases += [
            base[: len(base) - len(ending)] + infinitive
            for base in (word, *bases)
            for ending, infinitive in self.inflections
            if base.endswith(ending) and len(base) - len(ending) >= _SHORTEST_STEM
        ]
        for base in bases:
            if stem(base) in self.stems:
                return stem(base)
        if self.compounds:
            head = self._head(word)
            if head is not None:
                return head
        snapped = self.typos.snap(word)
        if (
            self.known is not None
            and len(snapped) == len(word)
            and sorted(snapped) != sorted(word)
            and self.known(found)
        ):
            # a word the examples use, one letter off another: "remote" is no
            # "remove". A letter left out or two swapped stay typos.
            return found
        return stem(snapped)

    def _head(self, word: str) -> str | None:
        """The modality noun a compound ends with: "Kamerabildern" is "Bildern".

        German compounds name their kind last, so the longest known noun
        ending (of a few letters at least) says what the whole word is. Only
        nouns: a job word at the end of a compound is mostly chance
        ("Speisekarten" ends in "Arten", species).
        """
        for start in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1):
            found = stem(word[start:])
            if found in self.nouns:
                return found
        return None


@attrs.frozen
class _Hit:
    start: int
    end: int
    entry: _Entry
    example: bool = False
    """Whether it stands among examples (a quotation, a list of labels)."""


class _Segment:
    """A stretch of words read as one step, with what was found in it."""

    def __init__(self, start: int, end: int, link: str) -> None:
        self.start = start
        self.end = end
        self.link = link  # "start", "then", "also", "and" or "sentence"
        self.mentions: list[Mention] = []
        self.jobs: dict[str, float] = defaultdict(float)
        self.terms: dict[str, list[str]] = defaultdict(list)
        self.role: str | None = None  # of its first verb
        self.back = False
        # what the previous step hands on to a step that works on its result
        self.carried: frozenset[Modality] = frozenset()
        self.learned: dict[str, float] = {}  # the word model's, beside the cues
        self.sure = False  # the word model alone names a job
        self.decided: tuple[str | None, float] | None = None  # _decide's, cached
        # material named again that the previous step already read off
        self.read_off: list[Mention] = []
        self.asks = False  # it says what is wanted ("we'd like", "can you")
        self.added = False  # opened by "plus", "as well as": its noun is made
        self.verb: tuple[str, ...] = ()  # the stems of its first verb
        self.leads = False  # a verb of its own comes before what it names
        self.commands = False  # the part opens with its verb, a command
        self.told = False  # under a heading that tells ("Context: ...")
        self.converts = False  # that verb gets the text out of what it is handed
        self.apart = False  # "separately": not working on the last step's result

    def as_context(self) -> None:
        """Keep only what the segment names: its words name no job."""
        self.jobs.clear()
        self.terms.clear()
        self.learned = {}
        self.sure = False
        self.role = None
        self.mentions = [
            attrs.evolve(m, direction="in", why=_GIVEN_BEFORE)
            if m.direction in {"out", "unknown"} and m.modality.content
            else m
            for m in self.mentions
        ]
        self.decided = None

    def take_verb(self, verb: _Hit | None, noun: _Hit | None) -> None:
        """Set the role, verb and lead from the first verb and noun."""
        # "a post with an image": what another deliverable names is made.
        self.role = (
            verb.entry.value if verb else ("make" if self.link == "also" else None)
        )
        self.verb = verb.entry.key if verb else ()
        # "and also explain it": a verb leads; "plus the caption to post
        # with it": the thing added leads, its verb only says what it is for
        self.leads = verb is not None and (noun is None or verb.start < noun.start)
        # "caption every photo": a verb opening the part asks for the step
        self.commands = verb is not None and verb.start == self.start

    def absorb(self, other: _Segment) -> None:
        self.decided = None
        self.sure = self.sure or other.sure
        self.end = max(self.end, other.end)
        for job, score in other.learned.items():
            self.learned[job] = max(self.learned.get(job, 0.0), score)
        self.mentions += other.mentions
        for job, score in other.jobs.items():
            self.jobs[job] += score
            self.terms[job] += other.terms[job]
        self.role = self.role or other.role
        self.leads = self.leads or other.leads
        self.converts = self.converts or other.converts
        self.back = self.back or other.back
        # a request taken in stays one: a later sentence does not make it context
        self.asks = self.asks or other.asks

    @property
    def inputs(self) -> set[Modality]:
        return {m.modality for m in self.mentions if m.direction == "in"}

    @property
    def outputs(self) -> set[Modality]:
        return {m.modality for m in self.mentions if m.direction == "out"}


class TaskReader:
    """Reads job descriptions against a taxonomy's job types and use cases.

    Built once per set of job types and use cases (``choose()`` caches it per
    taxonomy); reading is pure, and safe to share between threads once built.
    """

    def __init__(
        self,
        job_types: Sequence[JobType],
        use_cases: Sequence[UseCase],
        cues: Mapping[str, Any],
        matchers: Callable[[str], TaskMatcher],
        model: WordModel | None = None,
    ) -> None:
        """Index *job_types* and the cues; *matchers* makes a language's matcher.

        *model*, when given, adds what example descriptions teach to the cues.
        """
        self._model = model
        self._jobs = {j.id: j for j in job_types}
        self._order = {j.id: i for i, j in enumerate(job_types)}
        self._shapes = tuple(
            _Shape.of(job, order) for order, job in enumerate(job_types)
        )
        self._unprompted = frozenset(j.id for j in job_types if not j.inputs)
        self._writes_no_code = frozenset(
            j.id for j in job_types if Modality.CODE not in j.outputs
        )
        # jobs that hear: a video they are named for is heard, not watched
        self._hearing = frozenset(
            j.id
            for j in job_types
            if any(m.is_a(Modality.AUDIO) for m in j.inputs)
            and Modality.VIDEO not in j.inputs
        )
        self._watching = frozenset(
            j.id for j in job_types if Modality.VIDEO in j.inputs
        )
        # shapes read repeat (text in, text out...): their fits are kept
        self._fit_memo: dict[object, Mapping[str, float]] = {}
        self._use_cases = {u.id: u for u in use_cases}
        self._matchers = matchers
        self._packs: dict[str, Mapping[str, Any]] = {
            ENGLISH: cues,
            **cues.get("languages", {}),
        }
        self._english: list[_Entry] | None = None
        # Each language's lexicon and use-case matcher are built when a text in
        # it is first read: most readers only ever see English.
        self._lexicons: dict[str, _Lexicon] = {}
        self._matched: dict[str, TaskMatcher] = {}
        self._lock = threading.Lock()
        self._markers = {
            code: frozenset(w for m in pack.get("markers", ()) for w in tokens(m))
            for code, pack in self._packs.items()
            if code != ENGLISH
        }
        steps = cues.get("steps", {})

        def grammar(code: str, pack: Mapping[str, Any], name: str) -> frozenset[str]:
            # English keeps its grammar under [steps]; a language at its top
            return frozenset((steps if code == ENGLISH else pack).get(name, ()))

        self._clauses = {
            code: _Clauses(
                phrases=_by_first_word(
                    tuple(tokens(w))
                    for w in (
                        *steps.get("purpose", ()),
                        *pack.get("purpose_clauses", ()),
                    )
                ),
                openers=grammar(code, pack, "purpose_openers"),
                modals=grammar(code, pack, "purpose_modals"),
                obliging=grammar(code, pack, "obliging_modals"),
                bridges=grammar(code, pack, "bridges"),
                scopes=grammar(code, pack, "scopes"),
                objects=grammar(code, pack, "objects"),
                items=grammar(code, pack, "items"),
                participle_endings=tuple(
                    sorted(grammar(code, pack, "participle_endings"))
                ),
                asking_headings=frozenset(
                    tuple(tokens(w)) for w in grammar(code, pack, "asking_headings")
                ),
                telling_headings=frozenset(
                    tuple(tokens(w)) for w in grammar(code, pack, "telling_headings")
                ),
                relatives=grammar(code, pack, "relatives"),
                accompanying=frozenset(
                    tuple(tokens(w)) for w in grammar(code, pack, "accompanying")
                ),
                passives=grammar(code, pack, "passives"),
                beside_passives=grammar(code, pack, "beside_passives"),
                verb_final=bool(pack.get("verb_final", False)),
            )
            for code, pack in self._packs.items()
        }
        pairs = cues.get("language_pairs", {})
        self._pairs = _Pairs(
            job=pairs.get("job", ""),
            names=frozenset(pairs.get("names", ())),
            joiners=frozenset(pairs.get("joiners", ())),
        )
        self._converters: dict[Modality, str] = {
            Modality(given): str(job)
            for given, job in cues.get("converters", {}).items()
        }
        self._converting = {
            code: frozenset(
                tuple(stem(w) for w in tokens(phrase))
                for phrase in grammar(code, pack, "converting")
            )
            for code, pack in self._packs.items()
        }
        families_of: dict[str, set[str]] = defaultdict(set)
        for family, spec in cues.get("families", {}).items():
            for member in spec["jobs"]:
                families_of[member].add(family)
        self._families_of = {j: frozenset(f) for j, f in families_of.items()}
        self._asking = frozenset(
            job
            for spec in cues.get("families", {}).values()
            if spec.get("questions", False)
            for job in spec["jobs"]
            if job in self._jobs
        )
        self._example_openers = {
            code: _by_first_word(
                tuple(tokens(w))
                for w in (*steps.get("examples", ()), *pack.get("examples", ()))
            )
            for code, pack in self._packs.items()
        }
        # "sort the emails into complaints, questions and other": the classes
        self._sorting = {
            code: _Sorting(
                frozenset(stem(w) for w in grammar(code, pack, "sorting")),
                grammar(code, pack, "sorted_into"),
            )
            for code, pack in self._packs.items()
        }
        self._owners, self._marker_owners = self._language_evidence(cues)

    # -- the lexicon --

    def _lexicon(self, code: str) -> _Lexicon:
        def build() -> _Lexicon:
            pack = self._packs[code]
            return _Lexicon(
                self._entries(code),
                snap=code == ENGLISH,
                clitics=pack.get("clitics", ()),
                compounds=bool(pack.get("compounds", False)),
                inflections=_inflections(pack.get("inflections", ())),
                separable=pack.get("separable_prefixes", ()),
                auxiliaries=pack.get("passive_auxiliaries", ()),
                strong=pack.get("strong_participles", {}),
                elisions=pack.get("elisions", ()),
                known=self._model.knows if self._model is not None else None,
            )

        return self._once(self._lexicons, code, build)

    def _matcher(self, code: str) -> TaskMatcher:
        return self._once(self._matched, code, lambda: self._matchers(code))

    def _once(self, cache: dict[str, _T], code: str, build: Callable[[], _T]) -> _T:
        """*cache*'s value for *code*, built by the first thread that asks."""
        found = cache.get(code)
        if found is None:
            with self._lock:
                found = cache.get(code)
                if found is None:
                    found = cache[code] = build()
        return found

    def _entries(self, code: str) -> list[_Entry]:
        if self._english is None:  # every language has the English words: once
            self._english = self._pack_entries(self._packs[ENGLISH], base=True)
        entries = self._english
        if code != ENGLISH:  # English content words count in any language, not its
            entries = [e for e in entries if e.kind not in _AS_WRITTEN]  # grammar
        owners: list[tuple[tuple[str, ...], Sequence[str]]] = [
            ((j.id,), j.cues) for j in self._jobs.values()
        ]
        owners += self._families(self._packs[ENGLISH].get("families", {}), cues=True)
        own: set[str] = set()  # the language's own words, never false friends
        if code != ENGLISH:
            pack = self._packs[code]
            native = self._pack_entries(pack, base=False)
            entries += native
            own.update(e.text for e in native)
            natives: list[tuple[tuple[str, ...], Sequence[str]]] = [
                ((job,), words)
                for job, words in pack.get("jobs", {}).items()
                if job in self._jobs
            ]
            natives += self._families(pack.get("families", {}), cues=False)
            own.update(w for _, words in natives for w in words)
            owners += natives
        entries += self._job_entries(owners)
        if code != ENGLISH:
            # "redacte" is Spanish "redactar", to write: not English "redact";
            # only borrowed English words go, the language's own stay
            friends = {stem(w) for w in self._packs[code].get("false_friends", ())}
            entries = [e for e in entries if e.text in own or friends.isdisjoint(e.key)]
        nouns = {
            e.key for e in entries if e.kind == "noun" and e.value.startswith("text:")
        }
        return [
            attrs.evolve(e, weight=e.weight * _MATERIAL)
            if e.kind == "job" and e.key in nouns
            else e
            for e in entries
        ]

    @staticmethod
    def _pack_entries(pack: Mapping[str, Any], *, base: bool) -> list[_Entry]:
        def words(kind: str, value: str, items: Iterable[str]) -> list[_Entry]:
            return [_Entry(_key(w, kind), kind, value, w) for w in items]

        directions = pack.get("directions", {}) if base else pack
        verbs = pack.get("verbs", {}) if base else pack
        steps = pack.get("steps", {}) if base else pack
        about = directions.get("about", ()) if base else pack.get("about", ())
        back = directions.get("back", ()) if base else pack.get("back", ())
        entries = words("negation", "", pack.get("negations", ()))
        for kind in _DIRECTIONS:
            entries += words(kind, kind, directions.get(kind, ()))
        for role in ("make", "use", "change", "rank", "predict", "train"):
            entries += words("verb", role, verbs.get(role, ()))
        entries += words("about", "", about)
        entries += words("back", "", back)
        for link in ("then", "also"):
            entries += words("link", link, steps.get(link, ()))
        entries += words("request", "", steps.get("requests", ()))
        entries += words("apart", "", steps.get("apart", ()))
        for modality, spec in pack.get("nouns", {}).items():
            if not isinstance(
                spec, Mapping
            ):  # a language's nouns: data shapes are made
                habit = "either" if modality in _READABLE else "output"
                entries += words("noun", f"{modality}:{habit}", spec)
                continue
            for habit, items in spec.items():
                entries += words("noun", f"{modality}:{habit}", items)
        return entries

    def _families(
        self, families: Mapping[str, Any], *, cues: bool
    ) -> list[tuple[tuple[str, ...], Sequence[str]]]:
        """Each family's known members and its cues (a language gives cues only)."""
        english = self._packs[ENGLISH].get("families", {})
        found = []
        for family, spec in families.items():
            words = spec.get("cues", ()) if cues else spec
            members = tuple(
                j for j in english.get(family, {}).get("jobs", ()) if j in self._jobs
            )
            if members:
                found.append((members, words))
        return found

    def _job_entries(
        self, owners: Iterable[tuple[tuple[str, ...], Sequence[str]]]
    ) -> list[_Entry]:
        """Job cues, from job types (one member) and families (several).

        A cue is worth more the fewer owners share it, and the longer it is. A
        family's cue counts once for the family, so "classify" is as telling as
        any word a single job owns, and leaves the choice of member to the
        shape of the job.
        """
        found = [
            (members, w, _key(w, "job")) for members, words in owners for w in words
        ]
        spread: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for members, _, key in found:
            spread[key].add(members)
        count = max(len(self._jobs), 1)
        entries: dict[tuple[str, tuple[str, ...]], _Entry] = {}
        for members, text, key in found:
            if not key:
                continue
            weight = (1 + 0.5 * (len(key) - 1)) * math.log(1 + count / len(spread[key]))
            for job in members:
                # a cue both a job's own and its family's counts once
                if (job, key) not in entries or entries[job, key].weight < weight:
                    entries[job, key] = _Entry(key, "job", job, text, weight)
        return list(entries.values())

    # -- reading --

    def _language_evidence(
        self, cues: Mapping[str, Any]
    ) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Which languages each telling word, and each marker word, belongs to.

        A language's words are its verbs and nouns and the words of its job
        cues; English counts only its verbs, since its nouns ("python",
        "podcast", "csv") are written the same in every language. A word that
        English shares with another language tells nothing.
        """
        owners: dict[str, set[str]] = defaultdict(set)
        english_verbs: set[str] = set()
        for code, pack in self._packs.items():
            english = code == ENGLISH
            for entry in self._pack_entries(pack, base=english):
                if entry.kind in {"verb", "noun"}:
                    owners[entry.key[0]].add(code)
                    if english and entry.kind == "verb":
                        english_verbs.add(entry.key[0])
            if not english:
                cue_words = [
                    *(w for ws in pack.get("jobs", {}).values() for w in ws),
                    *(w for ws in pack.get("families", {}).values() for w in ws),
                ]
                for cue in cue_words:
                    for word in tokens(cue):
                        owners[stem(word)].add(code)
        telling = {
            word: frozenset(codes)
            for word, codes in owners.items()
            if len(word) > 3  # noqa: PLR2004
            and (ENGLISH not in codes or (codes == {ENGLISH} and word in english_verbs))
        }
        markers: dict[str, set[str]] = defaultdict(set)
        for code, pack in self._packs.items():
            listed = (
                cues.get("markers", ()) if code == ENGLISH else pack.get("markers", ())
            )
            for marker in listed:
                for word in tokens(marker):
                    markers[word].add(code)
        return telling, {w: frozenset(c) for w, c in markers.items()}

    def language(self, text: str) -> str:
        """The language *text* is written in, by its marker words and vocabulary.

        Each marker word ("este", "diese") and each word of a language's
        vocabulary counts for the languages that have it, shared evenly
        ("migrar" is half Spanish, half Portuguese); English wins ties, so a
        short English task stays English.
        """
        counts: dict[str, float] = defaultdict(float)
        for word in tokens(text):
            if word in _PUNCTUATION:
                continue
            for table, key in ((self._marker_owners, word), (self._owners, stem(word))):
                codes = table.get(key, ())
                for code in codes:
                    counts[code] += 1 / len(codes)
        best, best_count = ENGLISH, counts[ENGLISH]
        for code in self._packs:
            if counts[code] > best_count:
                best, best_count = code, counts[code]
        return best

    def read(self, text: str) -> Reading:
        """Read *text*: its language, steps and use case."""
        code = self.language(text)
        lexicon = self._lexicon(code)
        words, hyphenated = hyphenated_tokens(text)
        clitics = frozenset(lexicon.clitics)
        stems = [
            w
            if w in _PUNCTUATION
            else lexicon.stem(
                w,
                before_clitic=i + 1 in hyphenated
                and i + 1 < len(words)
                and words[i + 1] in clitics,
            )
            for i, w in enumerate(words)
        ]
        if lexicon.auxiliaries:
            # "soll entfernt werden": before a passive's auxiliary, a verb;
            # "zuerst entfernt und dann ... ersetzt werden": before "und" too,
            # when an auxiliary closes the sentence. "Erkannt und markiert
            # werden" is one verb phrase: the second participle stands for it.
            closing = False
            for i in range(len(words) - 2, -1, -1):
                after = words[i + 1]
                if after in _BREAKS:
                    closing = False
                elif after in lexicon.auxiliaries:
                    closing = True
                if after in lexicon.auxiliaries or (
                    closing
                    and after in _AND
                    and i + 3 < len(words)
                    and words[i + 3] not in lexicon.auxiliaries
                ):
                    stems[i] = lexicon.participle(words[i]) or stems[i]
        hits = _hits(words, stems, lexicon)
        clauses = self._clauses[code]
        headings = _headings(words, clauses)
        examples = (
            _examples(
                words, hits, self._example_openers[code], self._sorting[code], stems
            )
            | _what_code_does(words, hits)
            | frozenset(i for start, end, _ in headings for i in range(start, end))
        )
        hits = [
            attrs.evolve(h, example=True) if h.start in examples else h for h in hits
        ]
        negated = _negated(hits)
        segments = _segments(words, hits, hyphenated, clauses, examples)
        verbal = _final_verbs(words, stems, hits) if clauses.verb_final else frozenset()
        asking = [h.start for h in hits if h.entry.kind == "request"]
        described = _described(words, hits, segments, clauses) | _postnominal(
            words, hits, clauses.participle_endings
        )
        converting = self._converting[code]
        apart = [h.start for h in hits if h.entry.kind == "apart"]
        for segment in segments:
            self._fill(segment, words, hits, negated | described, verbal)
            segment.converts = segment.verb in converting
            segment.apart = any(segment.start <= i < segment.end for i in apart)
            if any(segment.start <= i < segment.end for i in described):
                segment.back = True  # the items an earlier step picked out
            self._learn(segment, words, examples)
            segment.asks = any(segment.start <= i < segment.end for i in asking)
            for start, end, kind in headings:
                if segment.start <= start < segment.end or start < segment.start < end:
                    segment.asks = segment.asks or kind == "asks"
                    segment.told = kind == "tells"
        steps = self._steps(segments)
        match = self._matcher(code).match(text)
        use_case, set_aside = self._use_case(match, steps)
        return Reading(tuple(steps), code, use_case, match, set_aside)

    def _fill(
        self,
        segment: _Segment,
        words: Sequence[str],
        hits: Sequence[_Hit],
        negated: frozenset[int],
        verbal: frozenset[int] = frozenset(),
    ) -> None:
        """Find the segment's job cues, verb, back-references and modalities.

        A word at *verbal* positions is the clause's verb, not a noun:
        German "anhand der Stammdaten vorhersagen" predicts from the data.
        """
        inside = [h for h in hits if segment.start <= h.start and h.end <= segment.end]
        # "the scanned receipts": a participle says the material exists; it
        # is not what the step does
        participles = {h.start for h in inside if h.entry.kind == "given"}
        # "from the discharge summaries": a job word that ends a longer noun
        # names the material, not what the step does
        headed = {
            h.end - 1 for h in inside if h.entry.kind == "noun" and h.end - h.start > 1
        }
        verbs = [
            h
            for h in inside
            if h.entry.kind == "verb"
            and h.start not in negated
            and not h.example
            and h.start not in participles
            and not (h.end - h.start == 1 and h.start in headed)
        ]
        nouns = _heads(
            _longest(
                h
                for h in inside
                if h.entry.kind == "noun" and not h.example and h.start not in verbal
            )
        )
        segment.take_verb(verbs[0] if verbs else None, nouns[0] if nouns else None)
        spans = [(n.start, n.end) for n in nouns]
        directions: dict[int, tuple[str, str]] = {}
        scene = _Scene(nouns, inside, segment, words)
        for noun in nouns:
            habit = noun.entry.value.split(":")[1]
            directions[noun.start] = _Direction(noun, scene).find(habit)
        directions.update(_added(segment, nouns, verbs))
        zone = _topic_zone(nouns, directions, inside, segment, words)
        found: dict[str, list[tuple[float, _Hit]]] = defaultdict(list)
        written = any(  # text this step makes: its language is no translation
            directions[n.start][0] == "out" and n.entry.value.startswith("text:")
            for n in nouns
        )
        for hit in inside:
            entry = hit.entry
            if hit.start in negated:
                continue
            if entry.kind == "back":
                segment.back = True
            if entry.kind != "job" or hit.start in zone:
                continue  # "a clip of a robot walking": the robot is no job
            within = any(
                s <= hit.start and hit.end <= e and e - s > hit.end - hit.start
                for s, e in spans
            )
            weight = entry.weight * (_MATERIAL if within else 1)
            if hit.example:
                weight *= _EXAMPLE
            if (
                segment.role == "make"
                and entry.value == self._pairs.job
                and self._pairs.names.intersection(entry.key)
                and written
            ):
                weight *= _SHAPE_CUE  # "write the descriptions in French"
            found[entry.value].append(
                (weight * self._shaped(hit, nouns, directions), hit)
            )
        if self._pairs.job in self._jobs and self._pairs.found(
            words[segment.start : segment.end]
        ):
            segment.jobs[self._pairs.job] += _PAIR
            segment.terms[self._pairs.job].append("a pair of languages")
        if (
            segment.end < len(words)
            and words[segment.end] == "?"
            and segment.link != "also"  # "... and a song with his name in it?"
        ):
            # a question about something given: the families that answer one
            for job in self._asking:
                segment.jobs[job] += _QUESTION
        for job, weighed in found.items():
            # a cue counts once, and cues that overlap ("ask questions about",
            # "questions") count as their heaviest
            taken: set[int] = set()
            said: set[tuple[str, ...]] = set()
            for weight, hit in sorted(weighed, key=lambda w: (-w[0], w[1].start)):
                span = set(range(hit.start, hit.end))
                if span & taken or hit.entry.key in said:
                    continue
                taken |= span
                said.add(hit.entry.key)
                segment.jobs[job] += weight
                segment.terms[job].append(" ".join(words[hit.start : hit.end]))
        for noun in nouns:
            name = noun.entry.value.split(":")[0]
            if noun.start in negated or name == "none":
                continue
            direction, why = directions[noun.start]
            segment.mentions.append(
                Mention(
                    Modality(name),
                    direction,
                    " ".join(words[noun.start : noun.end]),
                    why,
                )
            )

    def _learn(
        self, segment: _Segment, words: Sequence[str], examples: frozenset[int]
    ) -> None:
        """What the word model says of the segment's words, beside its cues.

        The best job type gets up to :data:`_LEARNED`, the others their share
        of it; weak evidence (under :data:`_CONFIDENT`) counts in proportion.
        It weighs between job types but names no job by itself, unless its
        evidence is strong and points one way (:data:`_ALONE`,
        :data:`_ALONE_RATIO`): text with no cue and nothing made ("hello
        there", "set up a Kafka cluster") is still no job. Stronger still
        (:data:`_TRUST`), it outweighs a stray cue: "tell me what this
        script does" explains code, though "tell me" asks a question.
        """
        if self._model is None or segment.link == "also":
            return  # "with a header image": the noun says what is made
        said = [
            words[i]
            for i in range(segment.start, segment.end)
            if i not in examples and words[i] not in _PUNCTUATION
        ]
        scores = self._model.scores(said)
        if not scores:
            return
        # a few words ("a header image") say little about the job: less weight
        scale = _LEARNED / max(*scores.values(), _CONFIDENT)
        scale *= min(1.0, len(said) / _FULL_SAYING)
        best, second = [*sorted(scores.values(), reverse=True), 0.0][:2]
        segment.sure = best >= _ALONE and best >= _ALONE_RATIO * second
        if segment.link == "then":
            # "..., then get the text out": "then" says a step follows, so
            # less evidence names its job
            segment.sure = best >= _THEN and best >= _TRUST_RATIO * second
        segment.learned = {
            job: score * scale for job, score in scores.items() if job in self._jobs
        }
        if best >= _TRUST and best >= _TRUST_RATIO * second and segment.learned:
            top = max(segment.learned, key=segment.learned.__getitem__)
            segment.learned[top] += _TRUSTED

    def _shaped(
        self,
        hit: _Hit,
        nouns: Sequence[_Hit],
        directions: Mapping[int, tuple[str, str]],
    ) -> float:
        """What a job cue that names a modality is still worth, 0 to 1.

        "3d model" is made by text-to-3d and image-to-3d alike: once it is read
        as an output, what is read as the input decides between them, so the
        cue counts little. Read the wrong way for the job ("explain these
        videos" for text-to-video), it counts nothing: the shape has spoken.
        """
        job = self._jobs[hit.entry.value]
        for noun in nouns:
            # the cue is the noun, inside it, or holds it ("marketing copy")
            if noun.start < hit.end and hit.start < noun.end:
                name = noun.entry.value.split(":")[0]
                direction = directions[noun.start][0]
                if direction in {"topic", "purpose"}:
                    return _SHAPE_CUE  # "recommend songs": what is ranked, not made
                if name in {"none", "text"} or direction not in {"in", "out"}:
                    return 1.0
                side = job.inputs if direction == "in" else job.outputs
                return _SHAPE_CUE if _fits(Modality(name), side) else _WRONG_WAY_CUE
        return 1.0

    # -- job types and steps --

    def _decide(self, segment: _Segment) -> tuple[str | None, float]:
        """The best job type for a segment, and its score."""
        if segment.decided is None:
            segment.decided = self._best(segment)
        return segment.decided

    def _best(self, segment: _Segment) -> tuple[str | None, float]:
        scores = self._scores(segment)
        best = max(scores, key=scores.__getitem__, default=None)
        if best is None:
            return None, -math.inf
        best_score = scores[best]
        if best_score < _LEAST or not (
            (
                segment.jobs
                if segment.link != "also"
                else segment.jobs.get(best, 0.0) > 0
            )
            or self._outputs(segment)
            or segment.sure
        ):
            # a deliverable added ("and also ...") names what it is: a cue of
            # another job, or nothing made, is too little to add a step
            return None, best_score
        if best in self._converters.values() and segment.jobs.get(best, 0.0) < _NAMED:
            # "summarise the whiteboard photo": the job named reads text, and
            # reading the text off the photo is a step before it, not the job
            named = [
                job
                for job, weight in segment.jobs.items()
                if weight >= 2 * _NAMED and self._jobs[job].inputs == {Modality.TEXT}
            ]
            if named:
                job = max(named, key=scores.__getitem__)
                return job, scores[job]
        return best, best_score

    @staticmethod
    def _outputs(segment: _Segment) -> set[Modality]:
        """What the segment makes, with what its verb implies when it names nothing.

        "Get rid of the power lines in my photos": what is changed comes back
        as it went in, photos. "Recommend songs": a ranking of them.
        """
        if segment.outputs:
            return segment.outputs
        if segment.role == "rank" and any(  # "recommend songs": a ranking of them
            m.direction == "topic" for m in segment.mentions
        ):
            return {Modality.RANKING}
        if segment.role != "change":
            return segment.outputs
        return {m for m in segment.inputs if m.content and m is not Modality.TEXT}

    def _scores(self, segment: _Segment) -> dict[str, float]:
        """Every job type's score for a segment: its cues, and how its shape fits."""
        named_in = segment.inputs
        seen_in = frozenset(
            m for m in named_in | segment.carried if m is not Modality.TEXT
        )
        fits = self._fits(
            seen_in, frozenset(self._outputs(segment)), named_in | segment.carried
        )
        scores = dict(fits)
        watched = max((segment.jobs.get(j, 0.0) for j in self._watching), default=0.0)
        for job, weight in segment.jobs.items():
            if job in scores:
                scores[job] += weight
                if (
                    job in self._hearing
                    and weight > watched
                    and Modality.VIDEO in seen_in
                ):
                    # "subtitle our videos": what is said in them is heard,
                    # when the words name a job that hears, not one that watches
                    scores[job] += _CONTRADICTS + _FITS_AS_TEXT
        for job in self._unprompted:
            # every request is itself a prompt: making something from nothing
            # takes words that say so ("no prompt", "random samples")
            if segment.jobs.get(job, 0.0) <= 0:
                scores[job] -= _UNPROMPTED
        # the word model weighs in even against a shape read wrong
        for job, weight in segment.learned.items():
            scores[job] += weight
        if any(m.why.startswith(_WRITTEN_IN) for m in segment.mentions):
            # "a bot in Python": what is asked for is code, whatever it does
            for job in self._writes_no_code:
                scores[job] -= _CONTRADICTS
        return scores

    def _fits(
        self,
        seen_in: frozenset[Modality],
        seen_out: frozenset[Modality],
        named_in: set[Modality],
    ) -> Mapping[str, float]:
        """What the shape read is worth to each job type, worked out once a shape."""
        text_read = Modality.TEXT in named_in
        key = (seen_in, seen_out, text_read)
        found = self._fit_memo.get(key)
        if found is not None:
            return found
        fits: dict[str, float] = {}
        for shape in self._shapes:
            score = -shape.order
            for m in seen_out:
                score += shape.out_fit[m]
            for m in seen_in:
                score += shape.in_fit[m]
            if text_read and not shape.reads_text:
                score -= _CONTRADICTS  # "from these transcripts": text is read
            for satisfied, penalty in shape.needs_in:
                if not satisfied & seen_in:
                    score -= penalty
            for satisfied in shape.needs_out:
                if not satisfied & seen_out:
                    score -= _MISSING_OUTPUT
            fits[shape.job] = score
        if len(self._fit_memo) < _FIT_MEMO_LIMIT:
            self._fit_memo[key] = fits
        return fits

    def _steps(self, segments: list[_Segment]) -> list[ReadStep]:
        steps: list[ReadStep] = []
        for segment in self._parts(segments):
            if steps and segment.link in {"then", "and"}:
                self._read_off(steps[-1], segment)
            named = {m for m in segment.inputs if m.content and m is not Modality.TEXT}
            if steps and self._carries(steps[-1], segment) and not named:
                segment.carried = _handed_on(steps[-1])
                segment.decided = None
            elif steps and segment.link == "also" and not named:
                # "for each photo, alt text plus an answer to 'is the logo
                # visible?'": a deliverable added is made of the same material
                shared = steps[-1].inputs - {Modality.TEXT}
                if shared and self._reads_only_text(segment):
                    segment.carried = shared
                    segment.decided = None
            if steps and self._names_the_result(steps[-1], segment):
                # "then write a memo explaining the forecast": the forecast
                # is the last step's result, not this step's job
                segment.jobs.pop(steps[-1].job_type, None)
                segment.decided = None
            job, score = self._decide(segment)
            if (
                (job == _WRITING or (job in _WRITINGS and segment.link == "then"))
                and segment.carried
                and steps[-1].outputs & _NUMBERS
            ):
                job = _DATA_WRITING  # writing on the forecast just made
            if job is None:
                job = self._converting_job(segment, steps[-1] if steps else None)
            if job is None:
                continue
            first = self._converter(segment, self._jobs[job])
            if first is not None and not (
                steps and steps[-1].job_type == first.job_type
            ):
                steps.append(first)  # unless the last step is that one already
            step = self._step(segment, job, score, steps[-1] if steps else None)
            if first is not None:  # it reads what its converter read off
                step = attrs.evolve(step, uses_previous=True)
            if steps and self._answered_by(steps[-1], step, segment):
                continue  # "... it answers out loud": the voice bot's own answer
            if steps and self._shares_object(steps[-1], step, segment):
                steps[-1] = attrs.evolve(
                    step,
                    uses_previous=steps[-1].uses_previous,
                    terms=(*steps[-1].terms, *step.terms),
                )
            elif steps and (
                step.job_type == steps[-1].job_type
                or (
                    not segment.apart
                    and not segment.outputs
                    and _written_up(steps[-1], step)
                )
                or self._part_of_conversation(steps[-1], step, segment)
                or self._same_action(steps[-1], step, segment)
            ):
                steps[-1] = _merge(steps[-1], step)
            else:
                steps.append(step)
            extra = self._leftover(segment, self._jobs[job])
            if extra is not None:
                steps.append(extra)
        return self._agent_work(_lent_back(steps))

    def _names_the_result(self, previous: ReadStep, segment: _Segment) -> bool:
        """Whether *segment* names the last step's job only as its result.

        After "then", a step that makes something its verb names ("write a
        memo") and names the last step's job ("explaining the forecast")
        writes about that result; it does not do that job again.
        """
        made = segment.outputs
        return (
            segment.link == "then"
            and segment.role == "make"
            and previous.job_type in segment.jobs
            and bool(made)
            and not any(_fits(m, self._jobs[previous.job_type].outputs) for m in made)
        )

    def _reads_only_text(self, segment: _Segment) -> bool:
        """Whether *segment* asks about something, naming nothing but text."""
        job = self._decide(segment)[0]
        return (
            job is not None
            and job in self._asking
            and self._jobs[job].inputs <= {Modality.TEXT}
        )

    def _carries(self, previous: ReadStep, segment: _Segment) -> bool:
        """Whether *segment* works on what *previous* hands on.

        After "then" or a word pointing back; after "and" too when the last
        step only analysed its material ("forecast demand and write a note":
        the note is on the numbers).
        """
        if segment.apart or (segment.link == "also" and not segment.leads):
            # "and separately ...": the material, not the result; "plus a
            # jingle to go with it": made beside it, not from it
            return False
        if segment.link == "then" or segment.back:
            return True
        before = self._jobs.get(previous.job_type or "")
        return segment.link == "and" and before is not None and not before.generative

    def _reads_off(self, segment: _Segment) -> bool:
        """Whether *segment*'s verb gets the text out of material it names.

        "An app that reads the words off the photo": OCR, though no cue says so.
        """
        return segment.converts and self._converter_for(segment.inputs) is not None

    def _converts(self, before: _Segment, segment: _Segment) -> bool:
        """Whether *segment* gets the text out of what *before*'s job handles."""
        job = self._decide(before)[0]
        if not segment.converts or segment.link not in {"then", "and"} or job is None:
            return False
        handled = self._jobs[job].inputs | self._jobs[job].outputs
        return self._converter_for(handled) is not None

    def _converting_job(
        self, segment: _Segment, previous: ReadStep | None
    ) -> str | None:
        """The converter a step naming no job stands for, from its verb.

        "..., then read their plates": read off the images the last step
        handed on. Only a verb that gets text out of things counts, and only
        when it is handed something a converter reads.
        """
        if not segment.converts:
            return None
        handed = segment.inputs | segment.carried
        if previous is not None:
            handed |= _handed_on(previous)
        return self._converter_for(handed)

    @staticmethod
    def _read_off(previous: ReadStep, segment: _Segment) -> None:
        """Let a step after a transcript or OCR read the text, not the recording.

        "Transcribe the calls, then classify each call by reason": the calls
        named again are what was transcribed; the classifier reads the text.
        """
        if previous.job_type not in MATERIAL_MAKERS:
            return
        read = previous.inputs - {Modality.TEXT}
        named = [m for m in segment.mentions if m.direction == "in"]
        if not named or not all(
            m.modality is Modality.TEXT or any(_fits(m.modality, {r}) for r in read)
            for m in named
        ):
            return
        segment.read_off = [m for m in named if m.modality is not Modality.TEXT]
        segment.mentions = [m for m in segment.mentions if m not in segment.read_off]
        if segment.read_off:  # what it reads is the text the last step made
            said = segment.read_off[0].text
            segment.mentions.append(Mention(Modality.TEXT, "in", said, _READ_OFF))
        segment.back = True
        segment.decided = None

    def _parts(self, segments: list[_Segment]) -> list[_Segment]:
        """The segments that are steps, each holding the words lent to it."""
        # A sentence without a connector goes on with the same step.
        parts = self._without_purposes(segments)
        if any(s.told for s in parts) and any(
            not s.told and self._supported(s) for s in parts
        ):
            for segment in parts:
                if segment.told:
                    segment.as_context()  # "Context: ...": what there is
        joined: list[_Segment] = []
        for segment in parts:
            if joined and segment.link == "sentence":
                if (
                    segment.asks
                    and not any(s.asks for s in joined)
                    and not joined[0].commands
                    and (self._supported(segment) or self._reads_off(segment))
                ):
                    # "I make up bedtime stories. I'd like them read aloud":
                    # what comes before, all its parts, only tells what there
                    # is, unless it gives commands ("Caption every photo. Can
                    # you also write a tweet?")
                    for before in joined:
                        before.as_context()
                joined[-1].absorb(segment)
            else:
                joined.append(segment)
        # A part with no job of its own, or no verb and nothing made, lends what
        # it names to its neighbour; after "then", a job its words name is
        # enough ("..., then tell me what genre the song is"), and anywhere a
        # job its words name twice over ("an assistant that chats with
        # travellers and also speaks each answer": the assistant is a step).
        kept: list[_Segment] = []
        lender: _Segment | None = None  # a first part that only lends its words
        converting: list[_Segment] = []  # parts that only get the text out
        for segment in joined:
            job = self._decide(segment)[0]
            said = job is not None and segment.jobs.get(job, 0.0) >= _NAMED
            if job is None and (
                (kept and self._converts(kept[-1], segment))
                # "an app that reads the words off the photo and then ..."
                or self._reads_off(segment)
            ):
                kept.append(segment)  # "..., then read their plates"
                converting.append(segment)
                continue
            if job is None or (
                len(joined) > 1
                and segment.role is None
                and not segment.outputs
                and not (segment.link == "then" and (said or segment.sure))
                and segment.jobs.get(job, 0.0) < 2 * _NAMED
            ):
                if kept:
                    kept[-1].absorb(segment)
                else:
                    segment.link = "start"
                    kept.append(segment)
                    lender = segment
                continue
            lent = bool(kept) and kept[-1] is lender and segment.link != "then"
            if kept and (
                lent
                or (self._decide(kept[-1])[0] is None and kept[-1] not in converting)
            ):
                # "on the scanned receipts, ask ...": the material is the ask's
                segment.absorb(kept.pop())
            elif (
                kept and segment.link == "also" and self._same_output(kept[-1], segment)
            ):
                kept[-1].absorb(segment)  # "answers with a voice": a format, not a step
                continue
            kept.append(segment)
        return kept

    def _agent_work(self, steps: list[ReadStep]) -> list[ReadStep]:
        """An agent does the reading and writing steps around it itself.

        "Automation that reads my inbox, spots meeting requests and replies":
        one agent, not an analysis step and then an agent.
        """
        agents = [s for s in steps if s.job_type == _AGENT]
        if not agents or len(steps) == 1:
            return steps
        agent = agents[0]
        merged = agent
        kept: list[ReadStep] = []
        for step in steps:
            if step is agent:
                continue
            own = self._jobs[step.job_type]
            if own.inputs <= {Modality.TEXT} and not any(
                m.content and m is not Modality.TEXT for m in own.outputs
            ):
                merged = _merge(merged, step)
            else:
                kept.append(step)
        place = steps.index(agent)
        before = [s for s in kept if steps.index(s) < place]
        return [*before, merged, *(s for s in kept if s not in before)]

    def _shares_object(
        self, previous: ReadStep, step: ReadStep, segment: _Segment
    ) -> bool:
        """Whether *previous* is a bare verb that shares *step*'s object.

        "Detectar e contar o gado": two verbs of one family before one object
        are one job, the one the object makes clear.
        """
        return (
            segment.link == "and"
            and not previous.mentions
            and not previous.uses_previous
            and self._kin(previous, step)
        )

    def _kin(self, first: ReadStep, second: ReadStep) -> bool:
        """Whether two steps' job types belong to one family (classify, edit...)."""
        return bool(
            self._families_of.get(first.job_type, frozenset())
            & self._families_of.get(second.job_type, frozenset())
        )

    def _same_action(
        self, previous: ReadStep, step: ReadStep, segment: _Segment
    ) -> bool:
        """Whether *step* only says again what the previous step does.

        "Ask about the scanned invoices and get the answer", "find and locate
        the dents": two job types of one family, on the same material, joined
        by "and" or a new sentence, are one job said twice.
        """
        if segment.link not in {"and", "sentence"} or segment.apart:
            return False  # "and separately flag the comments": a job of its own
        if step.uses_previous and not step.outputs <= previous.outputs:
            return False  # it makes something new of the result
        if {m for m in segment.inputs if m is not Modality.TEXT} - previous.inputs:
            return False  # it names material of its own
        return self._kin(previous, step)

    def _converter(self, segment: _Segment, job: JobType) -> ReadStep | None:
        """A step that turns what the words give into what the job reads.

        "Snap the menu and get it in English": translation reads text, the
        words give a photo, so reading the text off it comes first. Only for
        the modalities ``task_cues.toml [converters]`` names.
        """
        reads_text = job.inputs == {Modality.TEXT}
        writes_content = any(m.content and m is not Modality.TEXT for m in job.outputs)
        if not reads_text or writes_content or Modality.TEXT in segment.inputs:
            return None
        if job.id == _AGENT:
            return None  # "book the meetings": what an agent handles, its tools read
        for mention in segment.mentions:
            modality = mention.modality
            if (
                mention.direction != "in"
                or mention.why in _BY_VERB
                or _fits(modality, job.inputs)
            ):
                continue  # what is usually given ("a screenshot") counts
            if any(
                score > 0 and _fits(modality, self._jobs[other].inputs)
                for other, score in segment.jobs.items()
            ):
                continue  # a job the words name reads it: the choice was close
            converter = self._converter_for({modality})
            if converter is not None:
                found = self._jobs[converter]
                return ReadStep(
                    job_type=converter,
                    inputs=_refine(found.inputs, {modality}),
                    outputs=found.outputs,
                    terms=(),
                    mentions=tuple(
                        m for m in segment.mentions if m.modality is modality
                    ),
                )
        return None

    def _converter_for(self, modalities: Iterable[Modality]) -> str | None:
        """The job that gets the text out of one of *modalities*, if any."""
        for given, converter in self._converters.items():
            if converter in self._jobs and any(m.is_a(given) for m in modalities):
                return converter
        return None

    def _without_purposes(self, segments: list[_Segment]) -> list[_Segment]:
        """Drop purpose clauses ("so editors can find them"), unless they hold the job.

        In "clone my voice so I can make voiceovers by typing the script" the
        clause before says too little: the purpose says what is made.
        """
        kept: list[_Segment] = []
        sentence: list[_Segment] = []
        for segment in segments:
            if segment.link in {"start", "sentence"}:
                sentence = []
            if segment.link == "purpose":
                if any(self._supported(s) for s in sentence):
                    continue
                segment.link = "and"
            sentence.append(segment)
            kept.append(segment)
        return kept

    def _supported(self, segment: _Segment) -> bool:
        """Whether a segment names a job by its words, not by its nouns alone.

        Its cues, what it makes, or evidence enough (:data:`_CONFIDENT`) in
        all its words together ("something that marks every person and city
        in wire stories") say so.
        """
        job, score = self._decide(segment)
        return job is not None and (
            segment.jobs.get(job, 0.0) > 0
            or bool(segment.outputs)
            or score >= _CONFIDENT
        )

    def _leftover(self, segment: _Segment, job: JobType) -> ReadStep | None:
        """A step for content the segment names as made that its job does not make.

        "A chatbot that generates images": the images are a deliverable too.
        """
        # a habit or the step's verb alone is too little to add a step, and so
        # is a job noun after it ("bei Neuaufnahmen brauche ich")
        said = {
            m.modality
            for m in segment.mentions
            if m.direction == "out"
            and m.why not in _TOO_LITTLE
            and not m.why.endswith(_AFTER_IT)
        }
        # what the job reads is no extra deliverable: in "make the old photos
        # blink" the photos are animated, not made
        talks = job.id in _CONVERSATIONAL  # "a chatbot that generates images"
        if Modality.RANKING in job.outputs:
            return None  # "pick songs for every listener": what is ranked
        left = {
            m
            for m in said
            if m.content
            and m is not Modality.TEXT
            and not _fits(m, job.outputs)
            and (talks or not _fits(m, job.inputs))
        }
        if not left:
            return None
        other = _Segment(segment.start, segment.end, "also")
        other.mentions = [
            m for m in segment.mentions if m.direction == "out" and m.modality in left
        ]
        found, score = self._decide(other)
        if found is None:
            return None
        return self._step(other, found, score, None)

    def _same_output(self, previous: _Segment, segment: _Segment) -> bool:
        """Whether everything *segment* makes, *previous*'s job makes already."""
        job = self._decide(previous)[0]
        outputs = segment.outputs
        return (
            job is not None
            and bool(outputs)
            and all(_fits(m, self._jobs[job].outputs) for m in outputs)
        )

    def _part_of_conversation(
        self, previous: ReadStep, step: ReadStep, segment: _Segment
    ) -> bool:
        """Whether *step* is one more thing an assistant or agent does.

        "A voice bot that talks to callers and answers simple questions" is one
        job: answering is what the bot does, not a step after it.
        """
        if previous.job_type == _AGENT:
            return segment.link in {"and", "also", "then"}
        job = self._jobs[step.job_type]
        return (
            previous.job_type in _CONVERSATIONAL
            and segment.link in {"and", "also"}
            and all(m.modality is Modality.TEXT for m in segment.mentions)
            and job.outputs == {Modality.TEXT}
            and job.inputs <= {Modality.TEXT}
        )

    @staticmethod
    def _answered_by(previous: ReadStep, step: ReadStep, segment: _Segment) -> bool:
        """Whether *step* only says what an assistant's answers are made of.

        A voice or multimodal assistant answers in speech or pictures itself:
        "visitors ask out loud, it answers out loud" is no speech step.
        """
        return (
            previous.job_type in _TALKERS
            and segment.link in {"and", "also", "sentence"}
            and all(any(_fits(m, {o}) for o in previous.outputs) for m in step.outputs)
        )

    def _works_for(self, previous: ReadStep, job: JobType, *, then: bool) -> bool:
        """Whether what *previous* makes is only material for *job*.

        It is, even when the job's verb makes something new. A transcript or
        a forecast is worked on ("transcribe the calls and draft the note",
        "forecast sales and write a commentary"), and so is a label after
        "then" ("find who will churn, then draft an email"); after "and" a
        label is a result ("sort the emails, and for the urgent ones draft a
        reply"). Text voiced or set to music is material too ("write the
        lyrics and compose the melody").
        """
        before = self._jobs[previous.job_type]
        if before.id in MATERIAL_MAKERS or job.outputs & _RENDERED:
            return True
        if then and _edits(before):
            # "sharpen the photos, then caption each": what is made after an
            # edit is made from the edited material; after "and also" the
            # edit is a deliverable beside it ("fix it and also explain it")
            return True
        return not before.generative and (then or Modality.LABEL not in before.outputs)

    def _step(
        self, segment: _Segment, job_id: str, score: float, previous: ReadStep | None
    ) -> ReadStep:
        job = self._jobs[job_id]
        # a job that reads the material itself after all reads it as named
        again = {m.modality for m in segment.read_off}
        seen_in = {m for m in segment.inputs | again if _fits(m, job.inputs)}
        seen_out = {m for m in segment.outputs if _fits(m, job.outputs)}
        # what it found or labelled points into what it read: "find each
        # apple, then say if it is ripe" classifies the apples found
        handed = _handed_on(previous) if previous is not None else frozenset()
        if segment.back and previous is not None and previous.outputs & _VERDICTS:
            # "decide whether it is damaged, then reply based on that": the
            # verdict, said in words, is what the text is written from
            handed |= {Modality.TEXT}
        # the words themselves are a text prompt: a job that reads a picture
        # and a prompt is fed by the picture alone ("then put it on a counter")
        needs = job.inputs - {Modality.TEXT} or job.inputs
        fed = previous is not None and all(
            any(_fits(m, {need}) for m in handed) for need in needs
        )
        named = seen_in - {Modality.TEXT}
        edited = (
            previous is not None
            and segment.link == "then"
            and _edits(self._jobs[previous.job_type])
        )
        chained = (
            fed
            and segment.link != "also"
            # "then turn that picture into a video": what it names is the result
            and (
                not named
                or (
                    # "clean up the audio, then transcribe the recordings":
                    # after an edit, the material named is the edited one
                    (segment.back or edited)
                    and all(any(_fits(m, {h}) for h in handed) for m in named)
                )
            )
            and not segment.apart  # "and separately write up ...": the material
            and (segment.back or segment.link in {"then", "and"})
            and (
                segment.back
                or segment.role != "make"
                or (
                    previous is not None
                    and self._works_for(previous, job, then=segment.link == "then")
                )
            )
        )
        keeps = False
        if chained:
            assert previous is not None  # noqa: S101  # fed implies it
            inputs = frozenset(m for m in handed if _fits(m, job.inputs))
            # what it found or sorted stays a result when the next step, not
            # said to follow it, analyses the same material again; writing
            # about it uses it up
            keeps = (
                previous.outputs <= _FINDINGS
                and segment.link != "then"
                and segment.role != "make"
                and inputs <= previous.inputs
            )
        else:
            inputs = _refine(job.inputs, seen_in)
        # A job that changes something keeps its kind: cleaned speech is speech.
        kept = {m for m in inputs if any(m.is_a(o) for o in job.outputs & job.inputs)}
        return ReadStep(
            job_type=job_id,
            inputs=inputs,
            outputs=_refine(job.outputs, seen_out | kept),
            uses_previous=chained,
            keeps_previous=keeps,
            terms=tuple(dict.fromkeys(segment.terms.get(job_id, ()))),
            mentions=(*segment.mentions, *segment.read_off),
            score=round(score, 3),
        )

    def _use_case(
        self, match: TaskMatch, steps: Sequence[ReadStep]
    ) -> tuple[str | None, tuple[str, str] | None]:
        """The use case: the best-scoring one the job's steps are instances of.

        A use case whose words scored but whose job types the steps are not
        is set aside. Where no use case scored enough, a generative job type
        that only one use case covers makes the job an instance of it; a
        non-generative one needs the use case's own words (the article's
        recommendations are of music and video, not of everything).
        """
        jobs = [s.job_type for s in steps]
        if not jobs:
            return match.use_case, None
        if match.use_case is not None and self._covers(match.use_case, jobs):
            return match.use_case, None
        for use_case_id, score in match.scores:
            if score < MATCH_THRESHOLD / 2:
                break
            if self._covers(use_case_id, jobs):
                return use_case_id, None
        for job in jobs:
            owners = [u.id for u in self._use_cases.values() if job in u.job_types]
            if len(owners) == 1 and self._jobs[job].generative:
                return owners[0], None
        return None, ((match.use_case, jobs[0]) if match.use_case else None)

    def _covers(self, use_case_id: str, jobs: Sequence[str]) -> bool:
        use_case = self._use_cases.get(use_case_id)
        return use_case is not None and bool(set(jobs) & set(use_case.job_types))


class _Scene:
    """A segment's words and hits, indexed once for every noun's direction."""

    def __init__(
        self,
        nouns: Sequence[_Hit],
        inside: Sequence[_Hit],
        segment: _Segment,
        words: Sequence[str],
    ) -> None:
        self.nouns, self.inside = nouns, inside
        self.segment, self.words = segment, words
        self.ends: dict[int, dict[str, _Hit]] = defaultdict(dict)
        self.starts: dict[int, list[_Hit]] = defaultdict(list)
        for hit in inside:
            if hit.entry.kind not in {"noun", "job"}:
                self.ends[hit.end].setdefault(hit.entry.kind, hit)
            self.starts[hit.start].append(hit)
        self.nouns_by_end = {h.end: h for h in nouns}
        self.outputs = [h for h in inside if h.entry.kind == "output"]


class _Direction:
    """Works out which way one named modality points (see the module docstring)."""

    def __init__(self, noun: _Hit, scene: _Scene) -> None:
        self.noun, self.scene = noun, scene
        self.nouns, self.inside = scene.nouns, scene.inside
        self.segment, self.words = scene.segment, scene.words
        self.ends, self.nouns_by_end = scene.ends, scene.nouns_by_end
        self.starts = scene.starts

    def said(self, hit: _Hit) -> str:
        return " ".join(self.words[hit.start : hit.end])

    def find(self, habit: str) -> tuple[str, str]:
        noun = self.noun
        # "text to speech", "turn X into Y": a modality turned into another is read.
        after = self.starts.get(noun.end, ())
        turned = any(self._into(h) for h in after) and any(
            noun.end < n.start <= noun.end + 3 for n in self.nouns
        )
        turned = turned or any(  # "photo of my fridge -> recipes"
            self.words[i] == ARROW and i in self.starts
            for i in range(noun.end, min(noun.end + _REACH // 2 + 1, len(self.words)))
        )
        if turned:
            return "in", f"turned into another with '{self.words[noun.end]}'"
        formed = self._made_as()
        if formed is not None:
            return formed
        given = new = False
        position = noun.start
        floor = max(self.segment.start, noun.start - _REACH)
        while position > floor:
            kinds = self.ends.get(position, {})
            # nothing ends here: no preposition or verb to govern the noun
            found = self._governed(kinds) if kinds else None
            if found is not None:
                return found
            given = given or "given" in kinds
            new = new or "new" in kinds
            joiner = position - 1
            other = self.nouns_by_end.get(joiner)
            if other is not None and self.words[joiner] in _JOINERS:
                # coordinated modalities point the same way: "audio and video files"
                return _Direction(other, self.scene).find(
                    other.entry.value.split(":")[1]
                )
            if self.words[joiner] in _AND and other is None:
                break  # "photos of a vase and get a 3D model": another clause
            if self.words[joiner] == ":" and "verb" not in self.ends.get(joiner, {}):
                break  # "For the launch: a blog post": the list starts afresh
            if self.words[joiner] in _RELATIVE and self._made_code(joiner):
                # "a script that renames photos": what the code works on is its topic
                return "topic", "what the code to write works on"
            if position in self.nouns_by_end and position != noun.start:
                break  # another modality stands between: no verb reaches past it
            position -= 1
        for hit in after:  # a job noun right after it: "podcast transcription"
            if hit.entry.kind == "verb":
                # "interviews recorded in Spanish": a participle after it says
                # the material exists, as "recorded interviews" does
                made = hit.entry.value == "make" and _verbal(self.said(hit)) != "ed"
                return ("out" if made else "in"), f"'{self.said(hit)}'{_AFTER_IT}"
            if hit.entry.kind == "purpose" and self.segment.role is None and not given:
                # "text for an ad and a poster": with no verb, what is for
                # something is what is asked for
                return "out", f"for something ('{self.said(hit)}')"
        return _habit(given=given, new=new, habit=habit, role=self.segment.role)

    def _into(self, hit: _Hit) -> bool:
        """Whether *hit* turns one thing into another here.

        Spanish "en", German "in" say "into" only after a verb that changes
        something ("convertir los resúmenes en vectores") or makes it, in a
        form ("gravar as respostas em áudio").
        """
        return hit.entry.kind == "output" or (
            hit.entry.kind == "into" and self.segment.role in {"change", "make"}
        )

    def _made_as(self) -> tuple[str, str] | None:
        """The direction "out" when a phrase around the noun names the form made."""
        noun = self.noun
        for hit in self.scene.outputs:
            if hit.start < noun.start and noun.end <= hit.end:
                # "en voz alta", "in audio": the noun is part of a phrase that
                # says what is made
                return "out", f"'{self.said(hit)}'"
        written = self.ends.get(noun.start, {}).get("written_in")
        if (
            written is not None
            and (self.segment.role == "make" or self._asks_for_new())
            and noun.entry.value.startswith("code:")
            # "docs for every function in code": "in" belongs to the noun before
            and written.start not in self.nouns_by_end
        ):
            # "build a signup form in React": what it is written in is made
            return "out", f"{_WRITTEN_IN} ('{self.said(written)}')"
        return None

    def _asks_for_new(self) -> bool:
        """Whether the step, with no verb, asks for something new.

        "A scraper in Python" asks for code as "write a scraper in Python"
        does: a step that opens on an article for something new is a request.
        """
        return self.segment.role is None and any(
            h.entry.kind == "new" for h in self.starts.get(self.segment.start, ())
        )

    def _infinitive(self, hit: _Hit) -> bool:
        """Whether "to" here marks a verb the reader does not know.

        "Able to send a photo": a word no cue knows, then an article
        (`[directions] infinitive`, `article`), is a verb and its object;
        the photo is not what "to" turns something into.
        """
        after = hit.end
        return (
            any(
                h.entry.kind == "infinitive" and h.start == hit.start
                for h in self.inside
            )
            and after + 1 < len(self.words)
            and self.words[after].isalpha()
            and not any(
                h.start <= after < h.end and h.entry.kind not in {"given", "new"}
                for h in self.inside
            )
            and any(
                h.entry.kind == "article" and h.start == after + 1 for h in self.inside
            )
        )

    def _made_code(self, position: int) -> bool:
        """Whether code to be written ends right before *position*."""
        other = self.nouns_by_end.get(position)
        if other is None or not other.entry.value.startswith("code:"):
            return False
        found = _Direction(other, self.scene)
        return found.find(other.entry.value.split(":")[1])[0] == "out"

    def _governed(self, kinds: Mapping[str, _Hit]) -> tuple[str, str] | None:
        """The direction a preposition or verb ending here gives, if any."""
        if "quantity" in kinds:
            return None  # "a set of icons": no preposition, read on to the verb
        if "style" in kinds:
            return "topic", f"a style ('{self.said(kinds['style'])}')"
        verb = kinds.get("verb")
        into = kinds.get("into")
        if (
            into is not None
            and self._into(into)
            and any(
                self.segment.start <= n.start
                and n.end <= into.start
                # a verb that makes: right after what it makes ("gravar as
                # respostas em áudio"), not anywhere ("lo que se dice en el video")
                and (self.segment.role != "make" or into.start - n.end <= 1)
                for n in self.nouns
            )
        ):
            return "out", f"'{self.said(into)}' after what is turned"
        if (
            "output" in kinds
            and not (verb and verb.start < kinds["output"].start)
            and not self._infinitive(kinds["output"])
        ):
            if self._about_before(kinds["output"]):
                # "Fragen zu Lehrvideos": what a question or note is about is given
                return "in", f"'{self.said(kinds['output'])}' after a noun about it"
            return "out", f"'{self.said(kinds['output'])}'"
        if "given" in kinds and verb is not None:
            # "recorded calls", "scanned letters": a participle says it exists
            return "in", f"given ('{self.said(kinds['given'])}')"
        return self._by_preposition(kinds) or self._by_verb(verb)

    def _by_preposition(self, kinds: Mapping[str, _Hit]) -> tuple[str, str] | None:
        """The direction a preposition gives, by what stands before it."""
        head = None
        for kind in ("purpose", "topic", "input"):
            if kind in kinds:
                head = self._head(kinds[kind])
                break
        if "purpose" in kinds:
            if head == "about":
                return "in", f"'{self.said(kinds['purpose'])}' after a noun about it"
            return "purpose", f"'{self.said(kinds['purpose'])}'"
        topical = head in {"make", "made"} or (
            head is None and self.segment.role == "make"
        )
        if "topic" in kinds and topical:
            return "topic", f"'{self.said(kinds['topic'])}' after something made"
        if "training" in kinds and self.segment.role == "train":
            # "train a GAN on our photos": what it learns from, not its input
            return "topic", f"what is trained on ('{self.said(kinds['training'])}')"
        if "input" in kinds and not self._determiner(kinds, head):
            if head == "made":
                return "topic", f"'{self.said(kinds['input'])}' after something made"
            return "in", f"'{self.said(kinds['input'])}'"
        return None

    def _determiner(self, kinds: Mapping[str, _Hit], head: str | None) -> bool:
        """Whether a word both preposition and article is the article here.

        "Des bruitages pour un film": at the start, with nothing before it,
        French "des" is an article, not "of the".
        """
        return (
            "new" in kinds
            and head is None
            and kinds["input"].start == self.segment.start
        )

    def _by_verb(self, verb: _Hit | None) -> tuple[str, str] | None:
        """The direction a governing verb gives: made, read, or ranked items."""
        if verb is None:
            return None
        role = verb.entry.value
        if role == "rank":  # "recommend songs": the items ranked, not read
            return "topic", f"the items '{self.said(verb)}' ranks"
        if role == "predict":  # "forecast sales": the quantity, not the data
            return "topic", f"what '{self.said(verb)}' predicts"
        return ("out" if role == "make" else "in"), f"verb '{self.said(verb)}'"

    def _about_before(self, prep: _Hit) -> bool:
        """Whether a noun about something ends right before *prep* ("Fragen zu")."""
        return any(
            hit.entry.kind == "about" and hit.end == prep.start for hit in self.inside
        )

    def _head(self, prep: _Hit) -> str | None:
        """What stands right before a preposition.

        A noun about something (``"about"``), a verb (its role), or content
        that is made (``"made"``).
        """
        for hit in self.inside:  # "a caption for", "a short caption for"
            if hit.entry.kind == "about" and prep.start - 2 <= hit.end <= prep.start:
                return "about"
        for hit in self.inside:
            if hit.end == prep.start and hit.entry.kind == "verb":
                return hit.entry.value
        before = self.nouns_by_end.get(prep.start)
        if before is not None and before.entry.value.endswith(":output"):
            return "made"
        return None


def _habit(*, given: bool, new: bool, habit: str, role: str | None) -> tuple[str, str]:
    """The direction from a determiner, the noun's habit, or the step's verb."""
    if given:
        return "in", "given ('this', 'our'...)"
    if habit == "input":
        return "in", _USUALLY_GIVEN
    if habit == "output":
        return "out", _USUALLY_MADE
    if new and role is None:
        return "out", _NEW_ONE
    if role == "make":
        return "out", _NEW_ONE if new else _BY_ROLE
    if role in {"use", "change", "predict"}:
        return "in", _READ_BY_ROLE
    return "unknown", "no clue"


def _by_key(
    table: Mapping[str, Sequence[_Entry]],
) -> dict[str, tuple[tuple[int, dict[tuple[str, ...], list[_Entry]]], ...]]:
    """For each first word, its entries by key, grouped by the key's length."""
    found: dict[str, tuple[tuple[int, dict[tuple[str, ...], list[_Entry]]], ...]] = {}
    for first, entries in table.items():
        lengths: dict[int, dict[tuple[str, ...], list[_Entry]]] = defaultdict(dict)
        for entry in entries:
            lengths[len(entry.key)].setdefault(entry.key, []).append(entry)
        found[first] = tuple(sorted(lengths.items()))
    return found


def _hits(words: Sequence[str], stems: Sequence[str], lexicon: _Lexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    written, stemmed = lexicon.keyed
    tables = ((written, words), (stemmed, stems))
    for start in range(len(words)):
        for table, sequence in tables:
            for length, keys in table.get(sequence[start], ()):
                end = start + length
                entries = keys.get(tuple(sequence[start:end]))
                if entries is None:
                    continue  # the common case: checked before building anything
                hits.extend(
                    _Hit(start, end, entry)
                    for entry in entries
                    if (
                        _same_forms(words[start:end], entry)
                        if entry.kind == "noun"
                        else entry.kind != "verb" or not words[end - 1].endswith("ings")
                    )
                )
        if stems[start] in lexicon.phrasal:
            hits.extend(_separated(words, stems, lexicon.phrasal, start))
    return hits


def _separated(
    words: Sequence[str],
    stems: Sequence[str],
    phrasal: Mapping[str, Sequence[tuple[str, _Entry]]],
    start: int,
) -> list[_Hit]:
    """Phrasal verbs with their object between: "read the summary out".

    A cue of a verb and its particle ("read out", "type up") is found with
    up to :data:`_PARTICLE_GAP` words between the two.
    """
    found: list[_Hit] = []
    for particle, entry in phrasal.get(stems[start], ()):
        for end in range(start + 2, min(start + 2 + _PARTICLE_GAP, len(words))):
            if words[end] in _PUNCTUATION:
                break
            if stems[end] == particle:
                found.append(_Hit(start, end + 1, entry))
                break
    return found


def _same_forms(words: Sequence[str], entry: _Entry) -> bool:
    """Whether *words* are the noun of *entry*, not a verb form of its stem.

    "Called" is no "call" and "record" no "recording": a noun takes a plural,
    never "-ed", and its "-ing" is part of it or not there at all.
    """
    return all(
        _verbal(word) == form for word, form in zip(words, entry.forms, strict=False)
    )


def _verbal(word: str) -> str:
    for suffix in ("ings", "ing", "ed"):
        if word.endswith(suffix):
            return suffix.rstrip("s")
    return ""


@attrs.frozen
class _Sorting:
    """How a language says what something is sorted into.

    Attributes:
        verbs: Stems of verbs that sort ("sort", "classify").
        into: Words after which such a verb names its classes ("into").
    """

    verbs: frozenset[str]
    into: frozenset[str]

    def opens(self, words: Sequence[str], stems: Sequence[str], index: int) -> bool:
        """Whether the classes of a sorting verb start after *index*."""
        if words[index] not in self.into:
            return False
        for before in range(index - 1, max(index - _SORTED_REACH, -1), -1):
            if words[before] in _BREAKS:
                return False
            if stems[before] in self.verbs:
                return True
        return False


def _examples(
    words: Sequence[str],
    hits: Sequence[_Hit],
    openers: Mapping[str, Sequence[tuple[str, ...]]],
    sorting: _Sorting | None = None,
    stems: Sequence[str] = (),
) -> frozenset[int]:
    """Where the words give examples, not the job: read past them.

    A quotation ("questions like 'did anyone object?'"), a parenthesis, a
    list after a colon ("by reason: billing, outage, other"), after "e.g."
    or after a sorting verb's "into" ("sort them into dogs, cats and other
    animals") names content, labels or sample questions; a job word in it
    ("object", "moving", "notes") is not the job. A parenthesis or list with
    a verb in it is part of the job description after all ("Workflow:
    transcribe, then...").
    """
    verbs = {h.start for h in hits if h.entry.kind == "verb"}
    links = {
        h.start for h in hits if h.entry.kind == "link" and h.entry.value == "then"
    }
    sources = frozenset(h.start for h in hits if h.entry.kind == "input")
    found: set[int] = set()
    quote: int | None = None
    for index, word in enumerate(words):
        if word != QUOTE:
            continue
        if quote is None:
            quote = index
        else:
            found.update(range(quote, index + 1))
            quote = None
    index = 0
    while index < len(words):
        word = words[index]
        start = None
        sorted_into = (
            word not in {"(", ":"}
            and sorting is not None
            and sorting.opens(words, stems, index)
        )
        listing = word in {"(", ":"} or sorted_into
        if listing:
            start = index + 1
        else:
            for phrase in openers.get(word, ()):
                if tuple(words[index : index + len(phrase)]) == phrase:
                    start = index + len(phrase)
                    break
        if start is None:
            index += 1
            continue
        end = start
        closing = ")" if word == "(" else None
        while end < len(words) and words[end] not in _BREAKS and end not in links:
            if words[end] == closing or (closing is None and words[end] == "("):
                break
            if sorted_into and end in sources:
                break  # "as toxic or not from their graphs": the classes end
            end += 1
        zone = range(start, end)
        listed = not listing or _short_items(words[start:end])
        said = verbs & set(zone)
        items = {i for i in zone if words[i] not in _JOINERS}
        acting = (
            set()  # "(squat, deadlift, bench, clean)": items, though one is a verb
            if listing and _single_words(words[start:end]) and items - said
            else _acting(words, said, start, end, classes=sorted_into)
        )
        if zone and listed and not acting:
            found.update(zone)
            if closing is not None and end < len(words):
                found.add(end)
            index = max(end, index + 1)
        else:
            index += 1
    return frozenset(found)


def _added(
    segment: _Segment,
    nouns: Sequence[_Hit],
    verbs: Sequence[_Hit],
) -> dict[int, tuple[str, str]]:
    """The deliverable "plus the caption" adds is made, whatever its article."""
    if not segment.added or not nouns or any(v.start < nouns[0].start for v in verbs):
        return {}
    return {nouns[0].start: ("out", _ADDED)}


def _described(
    words: Sequence[str],
    hits: Sequence[_Hit],
    segments: Sequence[_Segment],
    clauses: _Clauses,
) -> frozenset[int]:
    """Job words in a passive relative clause after a step's own verb.

    "Write a report for each clip that gets flagged": the clip was flagged
    by an earlier step; this one writes. Such a word says which items the
    step is for, so it counts neither as its verb nor as a cue of its job.
    An active clause is left alone: "build an app that translates menus"
    names the job.
    """
    if not clauses.relatives:
        return frozenset()
    verbs = sorted(h.start for h in hits if h.entry.kind == "verb" and not h.example)
    starts = {h.start for h in hits if h.entry.kind in {"verb", "job"}}
    auxiliaries = clauses.passives | clauses.beside_passives
    found: set[int] = set()
    for segment in segments:
        for index in range(segment.start, segment.end):
            if words[index] not in clauses.relatives or not any(
                segment.start <= v < index for v in verbs
            ):
                continue
            ahead, passive = index + 1, False
            while ahead < segment.end and words[ahead] in auxiliaries:
                passive = passive or words[ahead] in clauses.passives
                ahead += 1
            # "that gets flagged", not "that is translating" nor "that has
            # translated": a passive's auxiliary, then no "-ing" form
            if passive and ahead in starts and _verbal(words[ahead]) != "ing":
                found.add(ahead)
    return frozenset(found)


def _inflections(pairs: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``"en:ar"`` pairs (a verb form's ending, its infinitive's), longest first."""
    found = []
    for pair in pairs:
        ending, _, infinitive = pair.partition(":")
        found.append((ending, infinitive))
    return tuple(sorted(found, key=lambda p: -len(p[0])))


def _by_first_word(
    phrases: Iterable[tuple[str, ...]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """*phrases* by their first word, longest first: each word looks up its own."""
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in set(phrases):
        if phrase:
            found[phrase[0]].append(phrase)
    return {w: tuple(sorted(ps, key=lambda p: (-len(p), p))) for w, ps in found.items()}


def _short_items(words: Sequence[str]) -> bool:
    """Whether *words* are a list of short items, as after a colon or "into"."""
    items = [len(group) for group in _split_items(words)]
    return len(items) > 1 and all(0 < n <= _EXAMPLE_ITEM for n in items)


def _acting(
    words: Sequence[str], verbs: set[int], start: int, end: int, *, classes: bool
) -> set[int]:
    """The verbs that make a list part of the job description after all.

    Classes may be named by verbs' nouns ("orders, questions"): among them
    only a verb that opens an item with words after it is a step ("... and
    reply to the rest").
    """
    if not classes:
        return verbs
    return {
        v
        for v in verbs
        if v + 1 < end
        and words[v + 1] not in _JOINERS
        and (v == start or words[v - 1] in _JOINERS)
    }


def _single_words(words: Sequence[str]) -> bool:
    """Whether *words* list three or more items of one word each.

    "(squat, deadlift, bench, clean)": a word in such a list is an item,
    though it may be a verb elsewhere.
    """
    items = _split_items(words)
    return len(items) >= _LISTED and all(len(item) == 1 for item in items)


def _split_items(words: Sequence[str]) -> list[list[str]]:
    """The items of a list, split at commas, slashes and "and"/"or"."""
    items: list[list[str]] = [[]]
    for word in words:
        if word in _JOINERS:
            items.append([])
        else:
            items[-1].append(word)
    return [i for i in items if i] or [[]]


def _negated(hits: Sequence[_Hit]) -> frozenset[int]:
    negated: set[int] = set()
    for hit in hits:
        if hit.entry.kind == "negation":
            negated.update(range(hit.end, hit.end + _NEGATION_REACH))
    return frozenset(negated)


@attrs.frozen
class _Shape:
    """A job type's shape, tabulated for scoring: what each modality named is worth.

    Reading scores every job type for every step; the fits are worked out
    once per job type instead of on every call.
    """

    job: str
    order: float
    out_fit: Mapping[Modality, float]
    in_fit: Mapping[Modality, float]
    reads_text: bool
    needs_in: tuple[tuple[frozenset[Modality], float], ...]
    needs_out: tuple[frozenset[Modality], ...]

    @classmethod
    def of(cls, job: JobType, order: int) -> _Shape:
        def satisfying(need: Modality) -> frozenset[Modality]:
            return frozenset(m for m in Modality if _fits(m, {need}))

        return cls(
            job=job.id,
            # earlier in the data: the usual one, when nothing else decides
            order=order * 1e-4,
            out_fit={m: _fit_score(m, job.outputs) for m in Modality},
            in_fit={m: _fit_score(m, job.inputs) for m in Modality},
            reads_text=_fits(Modality.TEXT, job.inputs),
            needs_in=tuple(
                (satisfying(need), _MISSING.get(need, _MISSING_CONTENT))
                for need in sorted(job.inputs)
                if need is not Modality.TEXT
            ),
            needs_out=tuple(
                satisfying(need)
                for need in sorted(job.outputs)
                if need.content and need is not Modality.TEXT
            ),
        )


@attrs.frozen
class _Pairs:
    """Two languages joined ("en -> es", "English into Spanish"): a translation."""

    job: str
    names: frozenset[str]
    joiners: frozenset[str]

    def found(self, words: Sequence[str]) -> bool:
        """Whether *words* join two different languages."""
        return any(
            words[i] in self.names
            and words[i + 1] in self.joiners
            and words[i + 2] in self.names
            and words[i] != words[i + 2]
            for i in range(len(words) - 2)
        )


@attrs.frozen
class _Clauses:
    """How a language opens purpose clauses and joins steps with "and".

    Attributes:
        phrases: Phrases that open a purpose clause ("so that"), by their
            first word.
        openers: Words that open one when a modal follows ("so ... can").
        modals: Those modals.
        obliging: Modals that make "so ..." a request, not a purpose ("so
            every clip should get tagged").
        bridges: Words that may stand between "and" and the verb of a new
            step ("and have it narrated", "y luego lo traduce").
        scopes: Words opening a phrase that may stand there too, saying
            which items the step is for ("and for the urgent ones draft").
        objects: Words that open a verb's object ("the", "everyone"): an
            unknown word between "and" and one of them is a verb.
        verb_final: Whether the verb ends its clause (German: "den Text
            erkennen und ins Englische übersetzen").
        relatives: Relative words ("that", "which").
        passives: Auxiliaries of a passive after a relative word ("that gets
            flagged").
        beside_passives: Words that may stand beside them ("that has already
            been flagged").
        accompanying: The "with" of the connectors that add a deliverable,
            which adds one only next to another ("a post with an image").
        items: Words that name a numbered item ("step 1: ...").
        participle_endings: Endings of a participle that, right after a
            noun, says which items ("fotos tiradas com o celular").
        asking_headings: Headings before a colon that say what is wanted.
        telling_headings: Headings before a colon that only tell what there is.
    """

    phrases: Mapping[str, Sequence[tuple[str, ...]]]
    openers: frozenset[str]
    modals: frozenset[str]
    obliging: frozenset[str] = frozenset()
    bridges: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    verb_final: bool = False
    relatives: frozenset[str] = frozenset()
    passives: frozenset[str] = frozenset()
    beside_passives: frozenset[str] = frozenset()
    accompanying: frozenset[tuple[str, ...]] = frozenset()
    items: frozenset[str] = frozenset()
    participle_endings: tuple[str, ...] = ()
    asking_headings: frozenset[tuple[str, ...]] = frozenset()
    telling_headings: frozenset[tuple[str, ...]] = frozenset()
    heading_starts: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @heading_starts.default
    def _heading_starts(self) -> frozenset[str]:
        # most sentences open with no heading: one look-up rules them out
        return frozenset(
            h[0] for h in self.asking_headings | self.telling_headings if h
        )

    def heading(self, words: Sequence[str], start: int) -> tuple[str, int] | None:
        """The kind and end of a heading before a colon at *start*, if any.

        "Ask: ...", "Goal: ..." say what is wanted; "Context: ...",
        "Background: ..." only tell what there is.
        """
        if start >= len(words) or words[start] not in self.heading_starts:
            return None
        for kind, headings in (
            ("asks", self.asking_headings),
            ("tells", self.telling_headings),
        ):
            for heading in headings:
                end = start + len(heading)
                if tuple(words[start:end]) == heading and words[end : end + 1] == [":"]:
                    return kind, end + 1
        return None

    def at(self, words: Sequence[str], index: int) -> int | None:
        """The end of a purpose opener at *index*, if one starts there."""
        for phrase in self.phrases.get(words[index], ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return index + len(phrase)
        if words[index] in self.openers:  # "so" ... "can", three words at most
            for ahead in range(index + 1, min(index + 5, len(words))):
                if words[ahead] in self.obliging or words[ahead] in _PUNCTUATION:
                    break
                if words[ahead] in self.modals:
                    return ahead + 1
        return None


def _connectors(
    words: Sequence[str],
    hits: Sequence[_Hit],
    hyphenated: frozenset[int],
    clauses: _Clauses,
    examples: frozenset[int],
) -> dict[int, tuple[str, int]]:
    """Where each connector between steps starts: its kind and its end."""
    content = [
        h
        for h in hits
        if h.entry.kind == "noun" and h.entry.value.split(":")[0] in _CONTENT_NAMES
    ]
    content_ends = {h.end for h in content}
    fresh = frozenset(h.start for h in hits if h.entry.kind == "new")
    links: dict[int, tuple[str, int]] = {}
    verbs = {h.start for h in hits if h.entry.kind == "verb"}
    for hit in hits:
        if hit.entry.kind != "link" or hit.start in hyphenated or hit.end in hyphenated:
            continue
        # "a post with an image" adds a deliverable; "talks with shoppers" does
        # not. "Plus" and "as well as" add one wherever it follows.
        kind = hit.entry.value
        if (
            kind == "also"
            and not content_ends & {hit.start, hit.start - 1}
            and not _coordinated(words, content, fresh, hit.start, hit.end)
        ):
            if (
                hit.entry.key in clauses.accompanying
                or hit.end in verbs
                or not (
                    _coordinated(words, content, None, hit.start, hit.end)
                    # "who spoke when plus a transcript": a job named before,
                    # a new deliverable after
                    or (
                        hit.end in fresh
                        and any(
                            h.end <= hit.start for h in hits if h.entry.kind == "job"
                        )
                        and any(
                            hit.end <= h.start <= hit.end + _BRIDGE for h in content
                        )
                    )
                )
            ):
                continue
            kind = "plus"  # what follows is made, though "the" stands before it
        elif (
            kind == "also"
            and hit.entry.key in clauses.accompanying
            and not any(hit.end <= h.start <= hit.end + _BRIDGE for h in content)
        ):
            continue  # "my call with the timber supplier": no deliverable follows
        current = links.get(hit.start)
        if current is None or current[1] < hit.end:
            links[hit.start] = (kind, hit.end)
    known = {i for h in hits for i in range(h.start, h.end)}
    verb_ends = {h.end for h in hits if h.entry.kind == "verb"}
    claimed: set[int] = set()  # verbs whose verb-final clause has its "und"
    opened = 0  # where the sentence began
    for index, word in enumerate(words):
        if word in _BREAKS:
            opened = index + 1
        if word not in _AND or index in links or {index - 1, index + 1} <= examples:
            continue  # "like 'oak, 180 cm, black legs'": inside an example
        if word == "," and not any(opened <= v < index for v in verbs):
            continue  # "From each note, pull out ...": a phrase put first, no step
        verb = (
            _clause_verb(words, index, verb_ends, links) if clauses.verb_final else None
        )
        if verb in claimed:
            continue  # "ins Englische und Französische": inside the clause
        if word != "," and _coordinated(words, content, fresh, index, index + 1):
            links[index] = ("also", index + 1)
        elif _starts_step(words, index, verbs=verbs, known=known, clauses=clauses) or (
            verb is not None
        ):
            links[index] = ("and", index + 1)
        else:
            continue
        if verb is not None:
            claimed.add(verb)
    return links


def _what_code_does(words: Sequence[str], hits: Sequence[_Hit]) -> frozenset[int]:
    """Where a relative clause says what code is to do: read past it.

    "A script that goes through the folder, finds the date in each file and
    renames it": its verbs are what the script does, one job, not steps,
    and its job words are the script's topic. The clause ends at its
    sentence's end, at "then", or where a verb in its bare form takes the
    request up again ("..., and explain each line").
    """
    making = [
        h.start for h in hits if h.entry.kind == "verb" and h.entry.value == "make"
    ]
    # code asked for ("write a script that ..."), not code given ("I inherited
    # a script that runs ..."): a verb that makes stands before it in its sentence
    code_ends = {
        h.end
        for h in hits
        if h.entry.kind == "noun"
        and h.entry.value.startswith("code:")
        and any(
            m < h.start and not any(w in _BREAKS for w in words[m : h.start])
            for m in making
        )
    }
    then = {h.start for h in hits if h.entry.kind == "link" and h.entry.value == "then"}
    verbs = {h.start for h in hits if h.entry.kind == "verb"}
    found: set[int] = set()
    for index, word in enumerate(words):
        if word in _RELATIVE and index in code_ends:
            end = index + 1
            while end < len(words) and words[end] not in _BREAKS and end not in then:
                if words[end] in _AND and _bids(words, verbs, end + 1):
                    break
                end += 1
            found.update(range(index, end))
    return frozenset(found)


def _bids(words: Sequence[str], verbs: set[int], index: int) -> bool:
    """Whether a verb in its bare form follows: "explain", not "explains"."""
    for at in range(index, min(index + 2, len(words))):
        if at in verbs:
            word = words[at]
            return not word.endswith("s") or word.endswith("ss")  # "process"
    return False


def _coordinated(
    words: Sequence[str],
    content: Sequence[_Hit],
    fresh: frozenset[int] | None,
    index: int,
    after: int,
) -> bool:
    """Whether a new deliverable follows the connector, and another stands before it.

    "A newsletter for our members plus a banner image": the connector joins
    two deliverables, though words stand between them. With *fresh*, the
    one after must be new ("a", "some"); with ``None``, any will do.
    """
    return (
        (fresh is None or after in fresh)
        and any(after < h.start <= after + _BRIDGE for h in content)
        and any(
            h.end <= index and not any(words[k] in _BREAKS for k in range(h.end, index))
            for h in content
        )
    )


def _segments(
    words: Sequence[str],
    hits: Sequence[_Hit],
    hyphenated: frozenset[int],
    clauses: _Clauses,
    examples: frozenset[int],
) -> list[_Segment]:
    """Split the words at connectors and sentence ends; drop purpose clauses."""
    links = _connectors(
        words, [h for h in hits if not h.example], hyphenated, clauses, examples
    )
    if words.count(ARROW) > 1:
        # "recordings -> transcript -> sentiment per call": a pipeline, each
        # arrow a step working on the last one's result
        links.update({i: ("then", i + 1) for i, w in enumerate(words) if w == ARROW})
    segments: list[_Segment] = []
    start, link, index = 0, "start", 0
    in_purpose = False  # a purpose clause runs to the end of its sentence
    verbs = {h.start for h in hits if h.entry.kind == "verb" and not h.example}
    listing = False  # "Deliverables:" and a new line: each line is an item
    numbered = _numbered(words, clauses.items)
    while index < len(words):
        item = numbered.get(index)
        if item is not None:
            # "1) tag each ticket 2) draft a reply", "step 1: ... step 2: ...":
            # a numbered item is a step
            if index > start:
                segments.append(_Segment(start, index, link))
            link = "and" if segments else link
            start, index, in_purpose = item, item, False
            continue
        if words[index] in _BREAKS:
            if index > start:
                segments.append(_Segment(start, index, link))
            start, link, listing = _after_break(words, index, verbs, listing=listing)
            index, in_purpose = start, False
            continue
        clause = None if in_purpose else clauses.at(words, index)
        if clause is not None:
            if index > start:
                segments.append(_Segment(start, index, link))
            # "so that I can then search them": a next step, not a purpose
            then = next(
                (
                    links[i][1]
                    for i in range(clause, min(clause + _BRIDGE, len(words)))
                    if links.get(i, ("",))[0] == "then"
                    and words[i - 1] in clauses.modals
                ),
                None,
            )
            if then is not None:
                start, index, link = then, then, "then"
                continue
            start, index, link, in_purpose = clause, clause, "purpose", True
            continue
        found = None if in_purpose else links.get(index)
        if found is not None:
            if index > start:
                segments.append(_Segment(start, index, link))
            start, index, link = found[1], found[1], found[0]
            continue
        index += 1
    if start < len(words):
        segments.append(_Segment(start, len(words), link))
    for segment in segments:
        if segment.link == "plus":
            segment.link, segment.added = "also", True
    return segments


def _after_break(
    words: Sequence[str], index: int, verbs: set[int], *, listing: bool
) -> tuple[int, str, bool]:
    """Where the words after a break start, their link, and whether a list goes on.

    A numbered line ("2. refactor it") is an item, and so is every line of
    a list opened by a colon ("Deliverables:" and then one per line); the
    bullets themselves are gone with the punctuation. An item with a verb
    is a step, one without a deliverable.
    """
    start = index + 1
    if words[index] != "\n":
        return start, "sentence", listing
    if words[index - 1 : index] == ["\n"]:
        return start, "sentence", False  # a blank line ends the list
    listing = listing or words[index - 1 : index] == [":"]
    line = next((i for i in range(start, len(words)) if words[i] == "\n"), len(words))
    if not listing or start >= len(words) or line - start > _ITEM:
        return start, "sentence", False  # a line that long is no item
    return start, "and" if verbs & set(range(start, start + 3)) else "plus", True


def _numbered(words: Sequence[str], items: frozenset[str]) -> dict[int, int]:
    """Where each numbered item's marker starts, and where its words start.

    "1. classify ... 2. write ...", "1) ... 2) ...", "step 1: ... step 2:
    ...": numbers counted up from 1, each before ".", ")" or ":", with the
    word that names an item ("step") taken in. A lone "1." or "Python 3."
    counts nothing.
    """
    found: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    expected = 1
    for index, word in enumerate(words[:-1]):
        if not word.isdigit() or words[index + 1] not in {".", ")", ":"}:
            continue
        number = int(word)
        if number not in {expected, 1}:
            continue
        if number == 1 and not (
            index == 0 or words[index - 1] in items or words[index - 1] in _OPENS_ITEM
        ):
            continue  # "we are on version 1.": no list starts inside a sentence
        if number == 1:
            if len(run) > 1:
                found.update(run)
            run, expected = [], 1
        first = index - 1 if index and words[index - 1] in items else index
        run.append((first, index + 2))
        expected += 1
    if len(run) > 1:
        found.update(run)
    return found


def _starts_step(
    words: Sequence[str],
    index: int,
    *,
    verbs: set[int],
    known: set[int],
    clauses: _Clauses,
) -> bool:
    """Whether the "and" (or comma) at *index* opens a step with a verb of its own.

    The verb comes next, after a few bridging words ("and have it
    narrated") or after a scope ("and for the urgent ones draft"); in a
    verb-final language :func:`_clause_verb` finds it at the clause's end.
    """
    ahead = index + 1
    bridges = clauses.bridges
    while ahead < len(words) and words[ahead] in bridges and ahead <= index + _BRIDGE:
        ahead += 1
    if ahead in verbs:
        return True
    if (
        words[index] != ","
        and ahead + 1 < len(words)
        and ahead not in known
        and words[ahead].isalpha()
        and words[ahead] not in clauses.objects
        and words[ahead + 1] in clauses.objects
    ):
        return True  # "and send everyone a summary": a verb the reader does not know
    if words[index] != "," and ahead < len(words) and words[ahead] in clauses.scopes:
        # "and for the urgent ones draft a reply": a scope, then the verb; after
        # a bare comma "for" is a purpose ("..., for a clerk to review")
        for after in range(ahead + 1, min(ahead + _SCOPE, len(words))):
            if after in verbs:
                return True
            if words[after] in _PUNCTUATION:
                break
    return False


def _clause_verb(
    words: Sequence[str],
    index: int,
    verb_ends: set[int],
    links: Mapping[int, tuple[str, int]],
) -> int | None:
    """Where the verb of a verb-final clause opened at *index* ends, if any.

    "und sie ins Englische und Französische übersetzen": an "und" inside the
    clause joins two words, and the verb still ends the sentence.
    """
    end = index + 1
    while end < len(words) and not (
        words[end] in _AND or words[end] in _BREAKS or end in links
    ):
        end += 1
    if end > index + 1 and end in verb_ends:
        return end
    while end < len(words) and words[end] in _AND and words[end] != ",":
        end += 1
        while end < len(words) and not (
            words[end] in _AND or words[end] in _BREAKS or end in links
        ):
            end += 1
        if end in verb_ends and (end == len(words) or words[end] in _BREAKS):
            return end
    return None


def _final_verbs(
    words: Sequence[str], stems: Sequence[str], hits: Sequence[_Hit]
) -> frozenset[int]:
    """Where a verb ends its clause, in a language whose verbs go last.

    Only a word that is the verb itself: a compound read by its last part
    ("Monatszahlen") is a noun.
    """
    return frozenset(
        h.start
        for h in hits
        if h.entry.kind == "verb"
        and stem(words[h.start]) == stems[h.start]
        and (h.end == len(words) or words[h.end] in _BREAKS or words[h.end] in _AND)
    )


def _heads(nouns: Sequence[_Hit]) -> list[_Hit]:
    """The head of each run of adjacent nouns.

    In "podcast transcript" the transcript is the thing; the podcast only
    says which one. A head of a broader kind takes the narrower kind its
    modifier names: "podcast recordings" are speech, "music files" music.
    """
    heads: list[_Hit] = []
    run: list[_Hit] = []
    for index, noun in enumerate(nouns):
        run.append(noun)
        if index + 1 < len(nouns) and nouns[index + 1].start == noun.end:
            continue
        head = noun
        name, _, habit = noun.entry.value.partition(":")
        for modifier in run[:-1]:
            narrow = modifier.entry.value.split(":")[0]
            if (
                narrow in _CONTENT_NAMES
                and name in _CONTENT_NAMES
                and narrow != name
                and Modality(narrow).is_a(name)
            ):
                entry = attrs.evolve(noun.entry, value=f"{narrow}:{habit}")
                head = attrs.evolve(noun, entry=entry)
        heads.append(head)
        run = []
    return heads


def _topic_zone(
    nouns: Sequence[_Hit],
    directions: Mapping[int, tuple[str, str]],
    inside: Sequence[_Hit],
    segment: _Segment,
    words: Sequence[str],
) -> range:
    """Where words describe the content of a picture, clip or recording.

    "A clip of a robot walking": the robot is what the clip shows, not the
    job. After something made, the rest of the step is its topic; after
    something read ("photos of a sculpture into a 3D model"), only the words
    up to the next preposition.
    """
    for noun in nouns:
        name = noun.entry.value.split(":")[0]
        direction = directions[noun.start][0]
        if name not in _CONTENT_NAMES or name == "text":
            continue
        colon = next(
            (
                i
                for i in range(noun.end, min(noun.end + 2, segment.end))
                if words[i] == ":"
            ),
            None,
        )
        if direction == "out" and colon is not None:
            return range(colon, segment.end)  # "a few logo ideas: a loaf with ..."
        for hit in inside:
            if hit.start != noun.end:
                continue
            if direction == "out" and hit.entry.kind in {"topic", "purpose"}:
                return range(hit.start, segment.end)
            if direction == "in" and hit.entry.kind == "topic":
                stops = [
                    h.start
                    for h in inside
                    if h.start >= hit.end
                    and h.entry.kind in {"input", "output", "purpose", "verb"}
                ]
                stops += [
                    i
                    for i in range(hit.end, segment.end)
                    if words[i] in _PUNCTUATION or words[i] in _RELATIVE
                ]
                end = min(stops, default=segment.end)
                return range(hit.start, end)
    return range(segment.end, segment.end)


def _longest(hits: Iterable[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longest first: "customer reviews" over "reviews"."""
    chosen: list[_Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            chosen.append(hit)
            taken |= span
    return sorted(chosen, key=lambda h: h.start)


def _fit_score(modality: Modality, shape: Iterable[Modality]) -> float:
    """What one modality named in a step says for a job of this shape."""
    if modality in shape:
        return _FITS
    if any(modality.is_a(m) or m.is_a(modality) for m in shape):
        return _FITS - _NEAR  # speech for a job that makes any audio: close
    if _fits(modality, shape):  # code or a table where the job takes text
        return _FITS_AS_TEXT
    return -_CONTRADICTS


def _refine(shape: frozenset[Modality], seen: set[Modality]) -> frozenset[Modality]:
    """A job's modalities, each replaced by the narrower ones the words named."""
    found: set[Modality] = set()
    for need in shape:
        narrower = [m for m in seen if m.is_a(need) and m is not need]
        found.update(narrower or [need])
    return frozenset(found)


def _written_up(previous: ReadStep, step: ReadStep) -> bool:
    """Whether *step* only writes down what *previous* saw or heard.

    "Watch the inspection videos and write what you see": a model that
    understands video writes that itself.
    """
    return (
        previous.job_type in _UNDERSTANDING
        and step.job_type == _WRITING
        and step.inputs <= {Modality.TEXT} | previous.inputs
    )


def _narrowest(modalities: frozenset[Modality]) -> frozenset[Modality]:
    """*modalities* without those a narrower one among them stands for.

    One part of a step named the calls (speech), another only said "listen"
    (audio): the step reads speech.
    """
    return frozenset(
        m for m in modalities if not any(o is not m and o.is_a(m) for o in modalities)
    )


def _headings(words: Sequence[str], clauses: _Clauses) -> list[tuple[int, int, str]]:
    """Headings at the start of a sentence: where each starts, ends, and its kind."""
    found = []
    for start in range(len(words)):
        if start and words[start - 1] not in _BREAKS and words[start - 1] != "]":
            continue
        heading = clauses.heading(words, start)
        if heading is not None:
            found.append((start, heading[1], heading[0]))
    return found


def _postnominal(
    words: Sequence[str], hits: Sequence[_Hit], endings: tuple[str, ...]
) -> frozenset[int]:
    """Participles right after a noun: they say which items, not what to do.

    "Fotos tiradas com o celular" are photos taken with a phone; "tiradas"
    is no "take out" of the step.
    """
    if not endings:
        return frozenset()
    ends = {h.end for h in hits if h.entry.kind == "noun"}
    return frozenset(
        h.start
        for h in hits
        if h.entry.kind == "verb"
        and h.start in ends
        and words[h.start].endswith(endings)
    )


def _lent_back(steps: list[ReadStep]) -> list[ReadStep]:
    """Steps that name no material take the narrower kind the next one names.

    "Who spoke when, plus a full transcript, for our board meetings": the
    recordings named at the end are what both steps read.
    """
    for index in range(len(steps) - 1):
        step, after = steps[index], steps[index + 1]
        if after.uses_previous or any(
            m.direction == "in" and m.modality.content for m in step.mentions
        ):
            continue
        named = {
            m.modality
            for m in after.mentions
            if m.direction == "in" and m.modality.content and m.modality in after.inputs
        }
        # only one narrower kind is lent: two ("podcasts and music tracks")
        # leave the broader kind as it is
        narrower = {
            kept: [n for n in named if n is not kept and n.is_a(kept)]
            for kept in step.inputs
        }
        if any(len(found) == 1 for found in narrower.values()):
            inputs = frozenset(
                found[0] if len(found) == 1 else kept
                for kept, found in narrower.items()
            )
            steps[index] = attrs.evolve(step, inputs=inputs)
    return steps


def _edits(job: JobType) -> bool:
    """Whether *job* changes its material and hands back the same kind."""
    return bool((job.inputs & job.outputs) - {Modality.TEXT})


def _handed_on(step: ReadStep) -> frozenset[Modality]:
    """What a step hands to one that works on its result.

    Content it made ("generate an image, then animate it": the image), or,
    when it only found or labelled something ("find each apple, then say if
    it is ripe"), what it read.
    """
    made = frozenset(m for m in step.outputs if m.content)
    return made or step.inputs


def _merge(first: ReadStep, second: ReadStep) -> ReadStep:
    """One step that does what both do.

    An assistant or agent keeps its own shape: answering is what a voice bot
    does ("visitors ask and hear an answer"), and what an agent reads and
    writes along the way ("grab the prices, update the sheet") goes through
    its tools.
    """
    kept = first.job_type in _CONVERSATIONAL
    taken = kept or second.uses_previous
    return attrs.evolve(
        first,
        inputs=_narrowest(first.inputs | (frozenset() if taken else second.inputs)),
        outputs=_narrowest(first.outputs | (frozenset() if kept else second.outputs)),
        terms=tuple(dict.fromkeys((*first.terms, *second.terms))),
        mentions=first.mentions + second.mentions,
        score=max(first.score, second.score),
    )


def build_reader(
    job_types: Sequence[JobType],
    use_cases: Sequence[UseCase],
    cues: Mapping[str, Any],
    *,
    model: WordModel | None = None,
) -> TaskReader:
    """A reader for *job_types* and *use_cases*: one use-case matcher a language.

    *model*, when given, adds what example descriptions teach to the cues.
    """
    from ._tasks import TaskMatcher  # noqa: PLC0415

    packs = {ENGLISH: {}, **cues.get("languages", {})}

    def matcher(code: str) -> TaskMatcher:
        pack = packs[code]
        return TaskMatcher(
            [
                (
                    u.id,
                    (*u.keywords, *pack.get("use_cases", {}).get(u.id, ())),
                    (u.name, *u.aliases),
                )
                for u in use_cases
            ],
            cues,
        )

    return TaskReader(
        job_types,
        use_cases,
        cues,
        matcher,
        model=model if model and model.size else None,
    )
