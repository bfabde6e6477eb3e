"""``choose()``: read the job, apply the article's rules, rank models per step, explain.

The work is split by concept: :mod:`aitaxonomy._reading` reads the task,
:mod:`aitaxonomy._rules` holds and applies the rules, :mod:`aitaxonomy._ranking`
ranks models for a step, and :mod:`aitaxonomy._explain` words the rationale.
This module checks the arguments, lets them win over the text, assembles the
steps, and builds the :class:`Recommendation`.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import threading
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import attrs

from ._catalog import default_taxonomy
from ._data import packaged
from ._entities import LLM, AIModel, Category, GenAI, JobType, Technique, UseCase
from ._errors import did_you_mean, shown, suggest
from ._explain import (
    Reason,
    job_words,
    modalities_text,
    reading_reasons,
    rule_reasons,
    tie_reason,
)
from ._learned import WORD_MODEL, WordModel
from ._modality import Modality, modalities_argument
from ._modality import fits as _fits
from ._ranking import (
    REJECTED_SHOWN,
    REQUIREMENTS,
    Filters,
    Ranked,
    StepNeeds,
    left_out,
    rank,
    scores_of,
)
from ._reading import MATERIAL_MAKERS, Reading, TaskReader, build_reader
from ._rules import Facts, Rule, apply_rules, in_sentence, rules
from ._taxonomy import Taxonomy
from .errors import ArgumentTypeError, InvalidArgumentError, NoMatchError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "Candidate",
    "Reason",
    "Recommendation",
    "Rejection",
    "Rule",
    "Step",
    "choose",
    "rules",
]


@attrs.frozen
class Candidate:
    """A model that can do the job (or a step of it), its score, and why.

    Attributes:
        model: The model.
        score: Fit from 0 to 1; higher is better.
        role: In a job of several steps, what the model is for: ``"llm"``,
            ``"generator"`` or ``"model"`` (non-generative) for one step, or
            ``"all steps"`` for a model that can do every step alone;
            ``None`` in a job of one step.
        reasons: Short phrases that make up the score.
        step: In a job of several steps, the index of the step it is a
            candidate for (``None`` for ``"all steps"``, and in a job of one
            step).
    """

    model: AIModel
    score: float
    role: str | None = None
    reasons: tuple[str, ...] = ()
    step: int | None = None


@attrs.frozen
class Rejection:
    """A model left out, and why (``"does not produce image"``)."""

    model: AIModel
    reason: str


@attrs.frozen
class Step:
    """One step of a job, with its own candidates.

    Attributes:
        job_type: What kind of job the step is, if one was recognised.
        inputs: What it reads.
        outputs: What it makes.
        category: The category the step calls for.
        candidates: Models that can do it, best first.
        candidate_count: How many models can do it in all.
        uses_previous: Whether it works on the previous step's result.
    """

    job_type: JobType | None
    inputs: frozenset[Modality]
    outputs: frozenset[Modality]
    category: Category
    candidates: tuple[Candidate, ...]
    candidate_count: int
    uses_previous: bool = False


@attrs.frozen
class Recommendation:
    """What :func:`choose` recommends, and why.

    Attributes:
        category: The recommended category (``genai``, ``llm`` or ``ai-model``).
        use_case: The matched use case of the article, or ``None``.
        candidates: Models that can do the job, best first. In a job of
            several steps, the best of each step come first (each labelled
            with its step and role), then any model that does every step.
        techniques: Techniques relevant to the job.
        rationale: How the task was read, the rules that fired and how the
            candidates were ranked, in order.
        hybrid: Whether the job needs models of different kinds together.
        confidence: How sure the reading of the task is, 0 to 1 (1 when a
            use case or job type was named exactly, 0 when there was no task).
        outputs: What the job delivers.
        inputs: What it reads.
        rejected: Models left out, and why: the first 50, in taxonomy order.
        matched_terms: The words of the task that chose the use case or job.
        rejected_count: How many models were left out in all.
        candidate_count: How many models fit in all (``limit`` may show fewer).
        job_type: The job type of the job's first step, if one was recognised.
        steps: The job's steps, each with its own candidates.
        language: The language the task was read in (``"en"``, ``"es"``...).
    """

    category: Category
    use_case: UseCase | None
    candidates: tuple[Candidate, ...]
    techniques: tuple[Technique, ...]
    rationale: tuple[Reason, ...]
    hybrid: bool
    confidence: float
    outputs: frozenset[Modality]
    inputs: frozenset[Modality]
    rejected: tuple[Rejection, ...] = ()
    matched_terms: tuple[str, ...] = ()
    rejected_count: int = 0
    candidate_count: int = 0
    job_type: JobType | None = None
    steps: tuple[Step, ...] = ()
    language: str = "en"

    def __str__(self) -> str:
        lines = [
            f"Use {self.category.name} ({self.category.id})"
            + (", hybrid: models of different kinds together" if self.hybrid else "")
        ]
        if self.use_case is not None:
            lines.append(
                f"Use case: {self.use_case.name} (confidence {self.confidence:.2f})"
            )
        for index, step in enumerate(self.steps):
            head = f"Step {index + 1}: " if len(self.steps) > 1 else "Job: "
            top = ", ".join(
                f"{c.model.name} {c.score:.2f}" for c in step.candidates[:5]
            )
            lines.append(
                head
                + job_words(step.job_type, step.inputs, step.outputs)
                + (f"; candidates: {top}" if top else "; no candidates")
            )
        if self.techniques:
            lines.append("Techniques: " + ", ".join(t.name for t in self.techniques))
        lines.append("Why:")
        lines.extend(f"  - {reason}" for reason in self.rationale)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """This recommendation as JSON-ready data, in a documented, stable shape.

        Entities are given by id (candidates by name too), modalities as
        sorted lists of their values, and counts as integers; this is what
        ``aitaxonomy choose --json`` prints. Every field and its type is
        listed under "JSON output" in the command-line docs; fields keep
        their names and types, and new ones may be added.

        Example:
            >>> import aitaxonomy as ai
            >>> rec = ai.choose(task="transcribe our support calls", limit=1)
            >>> data = rec.to_dict()
            >>> data["category"], data["job_type"], data["inputs"], data["outputs"]
            ('ai-model', 'speech-recognition', ['speech'], ['text'])
            >>> [c["id"] for c in data["candidates"]] == [rec.candidates[0].model.id]
            True
            >>> sorted(data["candidates"][0])
            ['id', 'name', 'reasons', 'role', 'score', 'sources', 'step']
        """
        return {
            "category": self.category.id,
            "use_case": _id_of(self.use_case),
            "job_type": _id_of(self.job_type),
            "language": self.language,
            "hybrid": self.hybrid,
            "confidence": self.confidence,
            "outputs": sorted(m.value for m in self.outputs),
            "inputs": sorted(m.value for m in self.inputs),
            "steps": [_step_data(s) for s in self.steps],
            "candidates": [_candidate_data(c) for c in self.candidates],
            "candidate_count": self.candidate_count,
            "techniques": [t.id for t in self.techniques],
            "rationale": [
                {"id": r.id, "text": r.text, "section": r.section}
                for r in self.rationale
            ],
            "rejected": [{"id": r.model.id, "reason": r.reason} for r in self.rejected],
            "rejected_count": self.rejected_count,
            "matched_terms": list(self.matched_terms),
        }


def _id_of(entity: UseCase | JobType | None) -> str | None:
    return None if entity is None else entity.id


def _candidate_data(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.model.id,
        "name": candidate.model.name,
        "score": candidate.score,
        "role": candidate.role,
        "step": candidate.step,
        "reasons": list(candidate.reasons),
        "sources": dict(candidate.model.sources),
    }


def _step_data(step: Step) -> dict[str, Any]:
    return {
        "job_type": _id_of(step.job_type),
        "inputs": sorted(m.value for m in step.inputs),
        "outputs": sorted(m.value for m in step.outputs),
        "category": step.category.id,
        "uses_previous": step.uses_previous,
        "candidate_count": step.candidate_count,
        "candidates": [_candidate_data(c) for c in step.candidates],
    }


@attrs.frozen(cache_hash=True)
class _Options:
    """The validated arguments, hashable for the memo."""

    outputs: frozenset[Modality]
    inputs: frozenset[Modality]
    filters: Filters
    limit: int | None = None


@attrs.frozen
class _Planned:
    """A step as planned, before ranking."""

    job_type: JobType | None
    inputs: frozenset[Modality]
    outputs: frozenset[Modality]
    uses_previous: bool = False
    keeps_previous: bool = False


# -- the reader ---------------------------------------------------------------------

_READERS: weakref.WeakKeyDictionary[Taxonomy, TaskReader] = weakref.WeakKeyDictionary()
_readers_lock = threading.Lock()


def _reader(taxonomy: Taxonomy) -> TaskReader:
    """The task reader for *taxonomy*'s job types and use cases, built once."""
    found = _READERS.get(taxonomy)
    if found is None:
        key = (taxonomy.job_types(), taxonomy.use_cases())
        found = _READERS[taxonomy] = _reader_for(key)
    return found


@functools.lru_cache(maxsize=32)
def _reader_for(key: tuple[tuple[JobType, ...], tuple[UseCase, ...]]) -> TaskReader:
    """One reader per set of job types and use cases, shared by the taxonomies."""
    with _readers_lock:
        from importlib import resources  # noqa: PLC0415

        table = (
            resources.files("aitaxonomy.data").joinpath(WORD_MODEL).read_text("utf-8")
        )
        model = WordModel.from_table(table, [j.id for j in key[0]])
        return build_reader(key[0], key[1], packaged("task_cues.toml"), model=model)


# -- arguments ----------------------------------------------------------------------


def _flag_argument(value: object, name: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ArgumentTypeError(f"{name} must be True, False or None, not {value!r}")
    return value


def _limit_argument(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"limit must be a whole number or None, not {value!r}")
    if value < 1:
        raise InvalidArgumentError(f"limit must be at least 1, not {value}")
    return value


DOMAINS = ("enterprise", "finance", "healthcare", "legal", "science")
"""The industries the article expects domain-specific models for; a
taxonomy's models may name others, which count too."""


def _domain_argument(value: object, taxonomy: Taxonomy) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ArgumentTypeError(f"domain must be a non-empty string, not {value!r}")
    if value in DOMAINS:
        return value
    named = taxonomy._get_index().models_by  # noqa: SLF001  # built once per taxonomy
    if ("domain", value) not in named:
        # a typo would silently rank nothing higher: refuse it instead
        known = sorted({*DOMAINS, *(v for f, v in named if f == "domain")})
        raise InvalidArgumentError(
            f"unknown domain {shown(value)}{did_you_mean(suggest(value, known))}"
            f"; known: {', '.join(known)}"
        )
    return value


def _names_argument(
    value: object, name: str, known: Iterable[str], what: str
) -> frozenset[str]:
    """One name or several, each one of *known*, or an error with a suggestion."""
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Iterable) or isinstance(items, bytes | bytearray):
        raise ArgumentTypeError(
            f"{name} must be a string or an iterable of strings, not "
            f"{type(value).__name__} {shown(value)}"
        )
    found = []
    allowed = frozenset(known)
    for item in items:
        if not isinstance(item, str):
            raise ArgumentTypeError(
                f"{name} entries must be strings, not {type(item).__name__} "
                f"{shown(item)}"
            )
        if item not in allowed:
            raise InvalidArgumentError(
                f"{name}: unknown {what} {shown(item)}"
                f"{did_you_mean(suggest(item, sorted(allowed)))}"
            )
        found.append(item)
    return frozenset(found)


def _number_argument(value: object, name: str, *, whole: bool) -> float | None:
    if value is None:
        return None
    kinds: tuple[type, ...] = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ArgumentTypeError(
            f"{name} must be {'a whole number' if whole else 'a number'} or None, "
            f"not {type(value).__name__} {shown(value)}"
        )
    number = float(cast("float", value))
    if not math.isfinite(number) or number < (1 if whole else 0):
        raise InvalidArgumentError(
            f"{name} must be at least {1 if whole else 0}, not {shown(value)}"
        )
    return cast("float", value)


def _providers(taxonomy: Taxonomy) -> frozenset[str]:
    """What ``providers=`` may name: makers' ids and serving providers.

    Found once per taxonomy: it reads every model.
    """
    memo = taxonomy._memo()  # noqa: SLF001  # the taxonomy's cache of derived values
    found = memo.get(_PROVIDERS)
    if found is None:
        found = memo[_PROVIDERS] = frozenset(
            {o.id for o in taxonomy.organizations()}
            | {m.provider for m in taxonomy.models() if m.provider}
        )
    return cast("frozenset[str]", found)


_PROVIDERS = "providers"  # the memo key of _providers()


def _task_argument(value: object) -> UseCase | JobType | str | None:
    if value is not None and not isinstance(value, UseCase | JobType | str):
        raise ArgumentTypeError(
            "task must be a UseCase, a JobType, an id or name of one, or free text, "
            f"not {type(value).__name__} {value!r}"
        )
    return value


def _constraint(kind: str, value: object) -> str:
    """The rationale's sentence for a constraint of ``choose()``."""
    if kind == "max_price":
        return (
            f"Kept models that cost at most ${value:g} per million input tokens "
            "(or per image), leaving out those whose price is unknown."
        )
    if kind == "min_context":
        return f"Kept models whose context window holds at least {value:,} tokens."
    if kind == "providers":
        return f"Kept models made or served by {', '.join(sorted(value))}."  # type: ignore[call-overload]
    return (
        f"Kept models that {'read images' if value == 'vision' else f'offer {value}'}."
    )


def _known(taxonomy: Taxonomy) -> str:
    return ", ".join(u.id for u in taxonomy.use_cases())


# -- choose ---------------------------------------------------------------------------

_MEMO_LIMIT = 4096
_PICTURED = frozenset({Modality.IMAGE, Modality.VIDEO, Modality.THREE_D})
"""What a written text may be pictured in and still be delivered itself."""
_MEMOS: weakref.WeakKeyDictionary[Taxonomy, dict[object, Recommendation]] = (
    weakref.WeakKeyDictionary()
)


def choose(
    modalities: object = None,
    task: object = None,
    *,
    inputs: object = None,
    taxonomy: Taxonomy | None = None,
    domain: str | None = None,
    open_weights: bool | None = None,
    on_device: bool | None = None,
    limit: int | None = None,
    max_price: float | None = None,
    min_context: int | None = None,
    providers: str | Iterable[str] | None = None,
    requires: str | Iterable[str] | None = None,
) -> Recommendation:
    """Recommend a category and models for a job, step by step, and explain why.

    The task is read for its shape: what goes in, what comes out, how many
    steps, which job type each step is, and whether it needs generative AI
    at all. The arguments win over the text: ``modalities`` is exactly what
    the job must produce and ``inputs`` exactly what it reads; the text fills
    in only what they leave out, and the rationale says where they disagree.

    Args:
        modalities: What the job must produce: a :class:`Modality`, a
            forgiving string (one modality, never split into characters) or
            an iterable of them.
        task: Free text describing the job (in English, Spanish, French,
            German or Portuguese), or a :class:`UseCase` or :class:`JobType`
            (or the id, name or alias of one).
        inputs: What the job reads; every candidate must accept it.
        taxonomy: Where candidates come from; :func:`default_taxonomy` when
            omitted, so extensions count as soon as they are passed in.
        domain: An industry (``"healthcare"``, ``"legal"``...: one of
            ``DOMAINS`` or a domain some model in the taxonomy names); models
            specialised for it rank higher.
        open_weights: ``True`` keeps only models with published weights,
            ``False`` only closed ones; unknown counts as neither.
        on_device: ``True`` keeps only models that run on a local device.
        limit: Return only the best *limit* candidates per step (all of them
            when ``None``); found by score class through the indices, which
            is much faster on a large catalog.
        max_price: Keep models whose price is at most this many US dollars:
            per million input tokens, or per image for image makers. A model
            whose price is unknown is left out, saying so.
        min_context: Keep models whose context window holds at least this
            many tokens (unknown is left out).
        providers: Keep models made or served by these (organisation ids
            such as ``"openai"``, or providers such as ``"azure"``).
        requires: Keep models that can ``"tools"``, ``"reasoning"``,
            ``"structured-output"`` or ``"vision"`` (read images), all given.

    Returns:
        A :class:`Recommendation`.

    Raises:
        ArgumentTypeError: An argument has the wrong type.
        InvalidArgumentError: An argument has a value that cannot be used
            (an unknown modality, an empty task).
        NoMatchError: The task names no recognisable job and no outputs were
            given.

    Example:
        >>> import aitaxonomy as ai
        >>> rec = ai.choose(task="transcribe our support calls")
        >>> rec.category.id, rec.job_type.id
        ('ai-model', 'speech-recognition')
        >>> sorted(m.value for m in rec.inputs), sorted(m.value for m in rec.outputs)
        (['speech'], ['text'])
        >>> ai.choose(modalities=["image"], task="a mascot for our brand").use_case.id
        'art_design'
    """
    tax = default_taxonomy() if taxonomy is None else taxonomy
    if not isinstance(tax, Taxonomy):
        raise ArgumentTypeError(
            f"taxonomy must be a Taxonomy, not {type(tax).__name__}"
        )
    options = _Options(
        outputs=modalities_argument(modalities, "modalities"),
        inputs=modalities_argument(inputs, "inputs"),
        filters=Filters(
            domain=_domain_argument(domain, tax),
            open_weights=_flag_argument(open_weights, "open_weights"),
            on_device=_flag_argument(on_device, "on_device"),
            max_price=_number_argument(max_price, "max_price", whole=False),
            min_context=cast(
                "int | None", _number_argument(min_context, "min_context", whole=True)
            ),
            providers=_names_argument(
                providers, "providers", _providers(tax) if providers else (), "provider"
            ),
            requires=_names_argument(requires, "requires", REQUIREMENTS, "capability"),
        ),
        limit=_limit_argument(limit),
    )
    checked = _task_argument(task)
    # Results are memoised per taxonomy: it is immutable, so they never go stale.
    memo = _MEMOS.get(tax)
    if memo is None:
        memo = _MEMOS.setdefault(tax, {})
    key = (checked, options)
    cached = memo.get(key)
    if cached is not None:
        return cached
    result = _choose(tax, checked, options)
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    memo[key] = result
    return result


def _choose(
    tax: Taxonomy, task: UseCase | JobType | str | None, options: _Options
) -> Recommendation:
    reading, use_case, named, reasons = _resolve(tax, task)
    planned, notes = _plan(tax, reading, use_case, named, options=options, task=task)
    reasons += notes
    jobs = [p.job_type for p in planned]
    facts = Facts(
        use_case=use_case,
        outputs=frozenset(m for p in planned if _generative(p) for m in p.outputs),
        generative=any(_generative(p) for p in planned),
        steps_differ=len({_kind(p) for p in planned}) > 1,
        job=" then ".join(in_sentence(j.name) for j in jobs if j) or "this job",
        made=modalities_text(m for p in planned for m in p.outputs),
    )
    category_id, hybrid, fired = apply_rules(facts)
    reasons += rule_reasons(fired)
    category = tax.get(category_id)
    if not isinstance(category, Category):
        raise InvalidArgumentError(
            f"the taxonomy has no category {category_id!r}"
            f"{did_you_mean(suggest(category_id, [c.id for c in tax.categories()]))}"
        )
    needs = [_needs(p, use_case) for p in planned]
    rankings = [rank(tax, n, options.filters, options.limit) for n in needs]
    steps = tuple(
        _step(tax, p, r, len(planned), index)
        for index, (p, r) in enumerate(zip(planned, rankings, strict=True))
    )
    candidates, everyone = _merge(tax, steps, needs, rankings, options)
    rejected, rejected_count = _rejected(tax, planned, rankings, options)
    reasons += _ranking_reasons(steps, candidates, rejected, rejected_count, options)
    inputs = frozenset().union(*(p.inputs for p in planned if not p.uses_previous))
    outputs = _delivered(planned)
    return Recommendation(
        category=category,
        use_case=use_case,
        candidates=tuple(candidates),
        techniques=_techniques(tax, outputs, candidates),
        rationale=tuple(reasons),
        hybrid=hybrid,
        confidence=_confidence(task, reading, use_case, named),
        outputs=outputs,
        inputs=inputs,
        rejected=tuple(rejected),
        matched_terms=_terms(reading, use_case),
        rejected_count=rejected_count,
        candidate_count=everyone,
        job_type=jobs[0] if jobs else None,
        steps=steps,
        language=reading.language if reading else "en",
    )


# -- reading the task ------------------------------------------------------------------


def _resolve(
    tax: Taxonomy, task: UseCase | JobType | str | None
) -> tuple[Reading | None, UseCase | None, JobType | None, list[Reason]]:
    """The reading of a free-text task, or the use case or job type it names."""
    if task is None:
        return None, None, None, []
    if isinstance(task, UseCase):
        return None, task, None, []
    if isinstance(task, JobType):
        return None, _only_use_case(tax, task), task, []
    if not task.strip():
        raise InvalidArgumentError(
            "task must not be empty; give a description of the job, or a use case "
            f"id: {_known(tax)}"
        )
    named = tax.get(task.strip())
    if isinstance(named, UseCase):
        return None, named, None, []
    if isinstance(named, JobType):
        return None, _only_use_case(tax, named), named, []
    reading = _reader(tax).read(task)
    found = tax.get(reading.use_case) if reading.use_case else None
    use_case = found if isinstance(found, UseCase) else None
    jobs = [_job(tax, s.job_type) for s in reading.steps]
    return reading, use_case, None, reading_reasons(reading, jobs, use_case)


def _only_use_case(tax: Taxonomy, job: JobType) -> UseCase | None:
    owners = [u for u in tax.use_cases() if job.id in u.job_types]
    return owners[0] if len(owners) == 1 else None


def _job(tax: Taxonomy, job_id: str | None) -> JobType | None:
    found = tax.get(job_id) if job_id else None
    return found if isinstance(found, JobType) else None


# -- planning the steps: the arguments win ------------------------------------


def _plan(
    tax: Taxonomy,
    reading: Reading | None,
    use_case: UseCase | None,
    named: JobType | None,
    *,
    options: _Options,
    task: object,
) -> tuple[list[_Planned], list[Reason]]:
    """The job's steps: as read, then changed only where the arguments say so."""
    notes: list[Reason] = []
    if reading is not None:
        planned = [
            _Planned(
                _job(tax, s.job_type),
                s.inputs,
                s.outputs,
                s.uses_previous,
                s.keeps_previous,
            )
            for s in reading.steps
        ]
    elif named is not None:
        planned = [_Planned(named, named.inputs, named.outputs)]
    elif use_case is not None and use_case.job_types:
        first = _job(tax, use_case.job_types[0])
        planned = [_Planned(first, first.inputs, first.outputs)] if first else []
    else:
        planned = []
    if not planned and use_case is not None and not options.outputs:
        planned = [_Planned(None, frozenset(), use_case.produces)]
    given_out, given_in = options.outputs, options.inputs
    if not planned and not given_out:
        if task is None:
            raise NoMatchError(
                "choose() needs modalities=..., a task=..., or both; known use "
                f"cases: {_known(tax)}"
            )
        raise NoMatchError(
            f"no job could be read in the task {shown(task)} and no modalities were "
            "given: say what it must produce (modalities=...), name a job type "
            f"(aitaxonomy list job-types) or a use case: {_known(tax)}"
        )
    if given_out:
        planned = _outputs_win(tax, planned, given_out, given_in, notes)
    if given_in:
        planned = _inputs_win(tax, planned, given_in, notes)
    return planned, notes


def _outputs_win(
    tax: Taxonomy,
    planned: list[_Planned],
    given: frozenset[Modality],
    given_in: frozenset[Modality],
    notes: list[Reason],
) -> list[_Planned]:
    """Keep the steps whose outputs were asked for; add steps for the rest."""
    kept = [p for p in planned if p.outputs <= _widen(given) or _feeds(p, planned)]
    dropped = [p for p in planned if p not in kept]
    if planned and not kept:
        notes.append(
            Reason(
                "arguments-win",
                f"The task reads as {_steps_words(planned)}, but modalities= asks "
                f"for {modalities_text(given)}: the arguments win.",
            )
        )
    elif dropped:
        notes.append(
            Reason(
                "arguments-win",
                f"The task also asks for {modalities_text(_delivered(dropped))}, "
                f"which modalities= ({modalities_text(given)}) leaves out: that "
                "step is dropped.",
            )
        )
    # Make each kept step's outputs what was asked ("audio" -> "speech", "text"
    # -> "code"), and its job type one of that shape.
    kept = [_asked(tax, p, _narrowed(p.outputs, given)) for p in kept]
    made = frozenset(m for p in kept for m in p.outputs)
    missing = frozenset(m for m in given if not _fits(m, made))
    # A step added beside read ones works from text; alone, from what is given.
    beside = bool(kept)
    source = frozenset({Modality.TEXT}) if beside else given_in
    for group in _groups(missing):
        job = _job_for_shape(tax, source, group)
        inputs = source or (job.inputs if job is not None else frozenset())
        kept.append(_Planned(job, inputs, group))
    if missing and beside:
        notes.append(
            Reason(
                "arguments-add",
                f"modalities= also asks for {modalities_text(missing)}, which the "
                f"task does not mention: {_plural(missing)} added.",
            )
        )
    return kept


def _inputs_win(
    tax: Taxonomy,
    planned: list[_Planned],
    given: frozenset[Modality],
    notes: list[Reason],
) -> list[_Planned]:
    """Make the first step's inputs exactly those given, re-picking its job type."""
    first = planned[0]
    read = frozenset(m for m in first.inputs if m is not Modality.TEXT)
    if read and not all(_fits(m, given) for m in read):
        notes.append(
            Reason(
                "arguments-win",
                f"The task reads as taking {modalities_text(first.inputs)}, but "
                f"inputs= gives {modalities_text(given)}: the arguments win.",
            )
        )
    job = first.job_type
    if job is None or not all(_fits(m, job.inputs) for m in given):
        job = _job_for_shape(tax, given, first.outputs) or job
    return [attrs.evolve(first, job_type=job, inputs=given), *planned[1:]]


_SHAPES: weakref.WeakKeyDictionary[
    Taxonomy, dict[tuple[frozenset[Modality], frozenset[Modality]], JobType | None]
] = weakref.WeakKeyDictionary()
"""Per taxonomy, the job type found for each shape: an index, like the facets."""


def _job_for_shape(
    tax: Taxonomy, inputs: frozenset[Modality], outputs: frozenset[Modality]
) -> JobType | None:
    """The usual job type that reads *inputs* (if any) and makes *outputs*.

    Among the job types whose outputs are exactly these (kinds allowed), the
    one that reads every input given, needs the fewest inputs besides, and
    comes first in the data (the data lists the usual job of a shape first).
    """
    # Shapes are few, and a scan of every job type is most of a call that
    # names no task: remember each answer with the taxonomy.
    known = _SHAPES.get(tax)
    if known is None:
        known = _SHAPES.setdefault(tax, {})
    key = (inputs, outputs)
    if key in known:
        return known[key]
    found = _scan_for_shape(tax, inputs, outputs)
    if len(known) > _MEMO_LIMIT:
        known.clear()
    known[key] = found  # another thread may clear it: return our own
    return found


def _scan_for_shape(
    tax: Taxonomy, inputs: frozenset[Modality], outputs: frozenset[Modality]
) -> JobType | None:
    best: tuple[int, int, int] | None = None
    found: JobType | None = None
    for order, job in enumerate(tax.job_types()):
        if not _same_shape(job.outputs, outputs):
            continue
        if not all(_fits(m, job.inputs) for m in inputs):
            continue
        extra = sum(
            1
            for j in job.inputs
            if j is not Modality.TEXT and not any(_fits(m, (j,)) for m in inputs)
        )
        key = (extra, 0 if job.inferable else 1, order)
        if best is None or key < best:
            best, found = key, job
    return found


def _same_shape(job: frozenset[Modality], wanted: frozenset[Modality]) -> bool:
    return all(_fits(w, job) for w in wanted) and all(
        any(_fits(w, (j,)) for w in wanted) for j in job
    )


def _groups(missing: frozenset[Modality]) -> list[frozenset[Modality]]:
    """Outputs no step makes, one step each; audio kinds in one step."""
    return [frozenset({m}) for m in sorted(missing)]


def _feeds(step: _Planned, planned: Sequence[_Planned]) -> bool:
    index = planned.index(step)
    return index + 1 < len(planned) and planned[index + 1].uses_previous


def _widen(modalities: frozenset[Modality]) -> frozenset[Modality]:
    return frozenset(k for m in modalities for k in (*m.kinds(), *m.read_as()))


def _narrowed(
    outputs: frozenset[Modality], given: frozenset[Modality]
) -> frozenset[Modality]:
    """The given outputs a step's outputs can stand for, or its own if none."""
    return frozenset(g for g in given if _fits(g, outputs)) or outputs


def _asked(tax: Taxonomy, step: _Planned, outputs: frozenset[Modality]) -> _Planned:
    job = step.job_type
    if job is None or not _same_shape(job.outputs, outputs):
        job = _job_for_shape(tax, step.inputs, outputs) or job
    return attrs.evolve(step, job_type=job, outputs=outputs)


def _delivered(planned: Sequence[_Planned]) -> frozenset[Modality]:
    """What the job delivers: what each step makes that the next does not use up.

    A text turned into something ("transcribe, then summarise", "a story,
    narrated") is used up; a text pictured ("a post and a picture to go with
    it") is delivered with its picture.
    """
    found: set[Modality] = set()
    for step, after in itertools.zip_longest(planned, planned[1:]):
        used = after is not None and after.uses_previous and not after.keeps_previous
        if used and step.outputs == {Modality.TEXT} and after.outputs <= _PICTURED:
            used = step.job_type is not None and step.job_type.id in MATERIAL_MAKERS
        if not used:
            found |= step.outputs
    return frozenset(found)


def _steps_words(planned: Sequence[_Planned]) -> str:
    return " then ".join(job_words(p.job_type, p.inputs, p.outputs) for p in planned)


def _plural(missing: frozenset[Modality]) -> str:
    return "a step" if len(missing) == 1 else "steps"


def _generative(step: _Planned) -> bool:
    if step.job_type is not None:
        return step.job_type.generative
    return any(m.content for m in step.outputs)


def _kind(step: _Planned) -> str:
    """The kind of model a step needs: an LLM, another generator, or neither."""
    if not _generative(step):
        return "model"
    return "llm" if step.outputs <= {Modality.TEXT} else "generator"


# -- ranking --------------------------------------------------------------------


def _needs(step: _Planned, use_case: UseCase | None) -> StepNeeds:
    job = step.job_type
    if job is not None:
        category = job.category
    elif not _generative(step):
        category = AIModel.CATEGORY
    else:
        category = LLM.CATEGORY if step.outputs <= {Modality.TEXT} else GenAI.CATEGORY
    suited = use_case is not None and (job is None or job.id in use_case.job_types)
    return StepNeeds(
        job_type=job,
        inputs=step.inputs,
        outputs=step.outputs,
        category=category,
        use_case=use_case.id if suited and use_case else None,
        generative=_generative(step),
    )


def _step(
    tax: Taxonomy, planned: _Planned, ranked: Ranked, size: int, index: int
) -> Step:
    needs_category = _needs(planned, None).category
    category = tax.get(needs_category)
    assert isinstance(category, Category)  # noqa: S101  # the built-in categories
    models = tax.models()
    role = _kind(planned) if size > 1 else None
    step = index if size > 1 else None  # built once: the merged list reuses them
    return Step(
        job_type=planned.job_type,
        inputs=planned.inputs,
        outputs=planned.outputs,
        category=category,
        candidates=_candidates(models, ranked.scored, role, step),
        candidate_count=ranked.candidate_count,
        uses_previous=planned.uses_previous,
    )


_MODEL_ID = operator.attrgetter("model.id")


def _candidates(
    models: Sequence[AIModel],
    scored: Sequence[tuple[int, float, tuple[str, ...]]],
    role: str | None,
    step: int | None,
) -> tuple[Candidate, ...]:
    return tuple(
        [Candidate(models[p], score, role, why, step) for p, score, why in scored]
    )


def _merge(
    tax: Taxonomy,
    steps: Sequence[Step],
    needs: Sequence[StepNeeds],
    rankings: Sequence[Ranked],
    options: _Options,
) -> tuple[list[Candidate], int]:
    """One list: a single step's candidates, or each step's best in turn.

    In a job of several steps the first round lists each step's best (so the
    best LLM and the best generator both lead), then the best model that can
    do every step alone, then each step's second best, and so on.
    """
    if len(steps) == 1:
        return list(steps[0].candidates), steps[0].candidate_count
    alone = _alone(tax, needs, rankings, options)
    rounds = itertools.zip_longest(*(s.candidates for s in steps))
    first = [c for c in next(rounds, ()) if c is not None]
    # in turn: each step's best, the best for all steps, each step's next...
    queue = [
        *first,
        *alone[:1],
        *filter(None, itertools.chain.from_iterable(rounds)),
        *alone[1:],
    ]
    ids = list(map(_MODEL_ID, queue))
    earliest = dict(zip(reversed(ids), reversed(queue), strict=True))
    merged = list(map(earliest.__getitem__, dict.fromkeys(ids)))  # each model once
    everyone = len(frozenset().union(*(r.pool for r in rankings)))
    limit = options.limit
    return (merged[:limit] if limit is not None else merged), everyone


def _alone(
    tax: Taxonomy,
    needs: Sequence[StepNeeds],
    rankings: Sequence[Ranked],
    options: _Options,
) -> list[Candidate]:
    """Models that can do every step, by their mean score over the steps."""
    every = frozenset.intersection(*(r.pool for r in rankings))
    if not every:
        return []
    total: dict[int, float] = dict.fromkeys(every, 0.0)
    for step_needs in needs:
        for position, score in scores_of(
            tax, step_needs, options.filters, every
        ).items():
            total[position] += score / len(needs)
    models = tax.models()
    rounded = {p: round(t, 3) for p, t in total.items()}
    recency = tax._get_index().recency  # noqa: SLF001  # ranking's tie-break
    # newest first, then a stable sort: a score's models stay newest first
    ordered = sorted(every, key=recency.__getitem__)
    ordered.sort(key=rounded.__getitem__, reverse=True)
    alone = ("can do every step alone",)
    return [Candidate(models[p], rounded[p], "all steps", alone) for p in ordered]


def _rejected(
    tax: Taxonomy,
    planned: Sequence[_Planned],
    rankings: Sequence[Ranked],
    options: _Options,
) -> tuple[list[Rejection], int]:
    models = tax.models()
    if len(rankings) == 1:
        first = rankings[0]
        return _rejections(models, first.rejected()), first.rejected_count
    anywhere = frozenset().union(*(r.pool for r in rankings))
    outside = sorted(frozenset(range(len(models))) - anywhere)
    needs = _needs(planned[0], None)
    found = left_out(tax, needs, options.filters, outside[:REJECTED_SHOWN])
    return _rejections(models, found, "fits no step: "), len(outside)


def _rejections(
    models: Sequence[AIModel], found: Sequence[tuple[int, str]], prefix: str = ""
) -> list[Rejection]:
    return [Rejection(models[p], prefix + why) for p, why in found]


def _ranking_reasons(
    steps: Sequence[Step],
    candidates: Sequence[Candidate],
    rejected: Sequence[Rejection],
    rejected_count: int,
    options: _Options,
) -> list[Reason]:
    filters = options.filters
    reasons = []
    if options.inputs:
        reasons.append(
            Reason(
                "filter-inputs",
                f"Kept models that read {modalities_text(options.inputs)}.",
            )
        )
    if filters.open_weights is not None:
        reasons.append(
            Reason(
                "filter-open-weights",
                "Kept models whose weights are "
                f"{'published' if filters.open_weights else 'closed'}"
                " (the article's on-device trend relies on published weights).",
                "future-trends",
            )
        )
    if filters.on_device is not None:
        reasons.append(
            Reason(
                "filter-on-device",
                "Kept models that run on a local device.",
                "future-trends",
            )
        )
    for kind, value in filters.constraints():
        reasons.append(
            Reason(f"filter-{kind.replace('_', '-')}", _constraint(kind, value))
        )
    if filters.domain is not None:
        reasons.append(
            Reason(
                "rank-domain",
                f"Models specialised for {filters.domain} rank higher "
                "(the article expects domain-specific models).",
                "future-trends",
            )
        )
    for index, step in enumerate(steps):
        label = f"For step {index + 1}, " if len(steps) > 1 else ""
        if not step.candidates:
            reasons.append(
                Reason(
                    "no-candidates",
                    f"{label}no model in the taxonomy reads "
                    f"{modalities_text(step.inputs)} and produces "
                    f"{modalities_text(step.outputs)} within the filters; add one "
                    "(Taxonomy.extend) or relax the filters.",
                )
            )
            continue
        top = step.candidates[0]
        why = ", ".join(top.reasons) or "it is the best remaining fit"
        tie = ""
        if len(step.candidates) > 1 and step.candidates[1].score == top.score:
            tie = tie_reason(top.model, step.candidates[1].model, top.score)
        reasons.append(
            Reason("rank", f"{label}{top.model.name} ranks first: {why}.{tie}")
        )
    if len(steps) > 1:
        alone = [c for c in candidates if c.role == "all steps"]
        if alone:
            reasons.append(
                Reason(
                    "one-model",
                    f"{alone[0].model.name} can do every step alone "
                    f"({len(alone)} model{'s' if len(alone) != 1 else ''} can).",
                )
            )
    if rejected:
        shown = "; ".join(f"{r.model.name} ({r.reason})" for r in rejected[:6])
        more = f"; and {rejected_count - 6:,} more" if rejected_count > 6 else ""  # noqa: PLR2004
        reasons.append(Reason("rejected", f"Left out: {shown}{more}."))
    return reasons


def _techniques(
    taxonomy: Taxonomy, outputs: Iterable[Modality], candidates: Sequence[Candidate]
) -> tuple[Technique, ...]:
    ids: dict[str, None] = {}
    table = packaged("rules.toml")["techniques"]
    for modality in sorted(outputs):
        for technique_id in table.get(modality.value, ()):
            ids.setdefault(technique_id)
    for candidate in candidates[:3]:
        for technique_id in candidate.model.techniques:
            ids.setdefault(technique_id)
    found = (taxonomy.get(t) for t in ids)
    return tuple(t for t in found if isinstance(t, Technique))


def _confidence(
    task: object,
    reading: Reading | None,
    use_case: UseCase | None,
    named: JobType | None,
) -> float:
    if task is None:
        return 0.0
    if reading is None:
        return 1.0 if (use_case is not None or named is not None) else 0.0
    return reading.confidence


def _terms(reading: Reading | None, use_case: UseCase | None) -> tuple[str, ...]:
    if reading is None:
        return ()
    match = reading.use_case_match
    if use_case is not None and match.use_case == use_case.id:
        return match.terms
    return tuple(dict.fromkeys(t for s in reading.steps for t in s.terms))
