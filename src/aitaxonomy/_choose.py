"""``choose()``: the article's decision rules, applied and explained."""

from __future__ import annotations

import functools
import heapq
import itertools
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._catalog import default_taxonomy
from ._entities import LLM, AIModel, Category, Technique, UseCase
from ._errors import AITaxonomyError, did_you_mean, suggest
from ._modality import Modality, to_modalities
from ._tasks import TaskMatch, TaskMatcher
from ._taxonomy import Taxonomy, newest_first

__all__ = [
    "ArgumentTypeError",
    "Candidate",
    "InvalidArgumentError",
    "NoMatchError",
    "Reason",
    "Recommendation",
    "Rejection",
    "Rule",
    "choose",
    "rules",
]


class InvalidArgumentError(AITaxonomyError, ValueError):
    """An argument to :func:`choose` has a value it cannot use."""


class ArgumentTypeError(AITaxonomyError, TypeError):
    """An argument to :func:`choose` has the wrong type."""


class NoMatchError(InvalidArgumentError):
    """The task matched no use case and no output modality was given."""


@attrs.frozen
class Rule:
    """One decision rule, as stored in the package's data.

    Attributes:
        id: Its stable id, quoted in every rationale it adds.
        order: Its place in the evaluation order.
        section: The article section it comes from.
        when: The conditions that make it fire (see ``rules.toml``).
        category: The category it recommends, if any.
        hybrid: Whether it calls for an LLM and a generator together.
        excludes: Categories it rules out.
        says: The sentence it adds, with ``{non_text}`` and ``{use_case}``
            filled in.
    """

    id: str
    order: int
    section: str
    when: Mapping[str, Any]
    says: str
    category: str | None = None
    hybrid: bool = False
    excludes: tuple[str, ...] = ()


@attrs.frozen
class Reason:
    """A line of a rationale: which rule or step, what it concluded, and where from.

    Attributes:
        id: The rule id (or a step such as ``"rank"``, ``"filter-inputs"``).
        text: One sentence, in plain words.
        section: The article section behind it, when there is one.
    """

    id: str
    text: str
    section: str | None = None

    def __str__(self) -> str:
        source = f" [{self.section}]" if self.section else ""
        return f"{self.id}: {self.text}{source}"


@attrs.frozen
class Candidate:
    """A model that can do the job, with its score and why it ranks where it does.

    Attributes:
        model: The model.
        score: Fit from 0 to 1; higher is better.
        role: ``"llm"`` or ``"generator"`` in a hybrid recommendation, else ``None``.
        reasons: Short phrases that make up the score.
    """

    model: AIModel
    score: float
    role: str | None = None
    reasons: tuple[str, ...] = ()


@attrs.frozen
class Rejection:
    """A model left out, and why (``"no image output"``)."""

    model: AIModel
    reason: str


@attrs.frozen
class Recommendation:
    """What :func:`choose` recommends, and why.

    Attributes:
        category: The recommended category (``genai``, ``llm`` or ``ai-model``).
        use_case: The matched use case, or ``None``.
        candidates: Models that can do it, best first.
        techniques: Techniques relevant to the job.
        rationale: The rules that fired and the ranking steps, in order.
        hybrid: Whether the job needs an LLM and a non-text generator together.
        confidence: How sure the task match is, 0 to 1 (1 when the use case
            was named exactly, 0 when there was no task).
        outputs: What the application must produce.
        inputs: What it must accept.
        rejected: Models left out, and why: the first 50, in taxonomy order.
        matched_terms: The cues in the task text that chose the use case.
        rejected_count: How many models were left out in all.
        candidate_count: How many models fit in all (``limit`` may show fewer).
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

    def __str__(self) -> str:
        lines = [
            f"Use {self.category.name} ({self.category.id})"
            + (", hybrid: an LLM plus a generator" if self.hybrid else "")
        ]
        if self.use_case is not None:
            lines.append(
                f"Use case: {self.use_case.name} (confidence {self.confidence:.2f})"
            )
        if self.candidates:
            top = ", ".join(
                f"{c.model.name} {c.score:.2f}" for c in self.candidates[:5]
            )
            lines.append(f"Candidates: {top}")
        if self.techniques:
            lines.append("Techniques: " + ", ".join(t.name for t in self.techniques))
        lines.append("Why:")
        lines.extend(f"  - {reason}" for reason in self.rationale)
        return "\n".join(lines)


@attrs.frozen(cache_hash=True)
class _Options:
    """The validated arguments that filter and rank, hashable for the memo."""

    outputs: frozenset[Modality]
    inputs: frozenset[Modality]
    domain: str | None
    open_weights: bool | None
    on_device: bool | None
    limit: int | None = None


@attrs.frozen
class _Job:
    """What the rules decided the job is, as the ranking needs it."""

    category: str
    hybrid: bool
    use_case: UseCase | None
    wanted: frozenset[Modality]
    strict: bool
    """Every wanted output is required (False: any one of them will do)."""


# -- data -------------------------------------------------------------------


@functools.cache
def _data() -> tuple[
    tuple[Rule, ...], Mapping[str, tuple[str, ...]], Mapping[str, Any]
]:
    import tomllib  # noqa: PLC0415  # loaded on first use only
    from importlib import resources  # noqa: PLC0415

    root = resources.files("aitaxonomy.data")
    with root.joinpath("rules.toml").open("rb") as handle:
        rules_doc = tomllib.load(handle)
    with root.joinpath("task_cues.toml").open("rb") as handle:
        cues = tomllib.load(handle)
    loaded = tuple(
        sorted(
            (
                Rule(
                    id=r["id"],
                    order=r["order"],
                    section=r["section"],
                    when=_parse_when(r["id"], r["when"]),
                    says=r["says"],
                    category=r.get("category"),
                    hybrid=r.get("hybrid", False),
                    excludes=tuple(r.get("excludes", ())),
                )
                for r in rules_doc["rules"]
            ),
            key=lambda r: r.order,
        )
    )
    techniques = {k: tuple(v) for k, v in rules_doc["techniques"].items()}
    return loaded, techniques, cues


def rules() -> tuple[Rule, ...]:
    """The decision rules, in evaluation order.

    Example:
        >>> import aitaxonomy as ai
        >>> [r.id for r in ai.rules()][:2]
        ['llm-outputs-text-only', 'genai-use-case']
    """
    return _data()[0]


_matchers_lock = threading.Lock()


def _matcher(taxonomy: Taxonomy) -> TaskMatcher:
    memo = taxonomy._memo()  # noqa: SLF001  # the taxonomy's own cache
    found = memo.get("task-matcher")
    if found is None:
        key = tuple(
            (u.id, u.keywords, (u.name, *u.aliases)) for u in taxonomy.use_cases()
        )
        found = memo["task-matcher"] = _matcher_for(key)
    assert isinstance(found, TaskMatcher)  # noqa: S101
    return found


@functools.lru_cache(maxsize=32)
def _matcher_for(
    use_cases: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...],
) -> TaskMatcher:
    """One matcher per set of use cases, shared by every taxonomy holding them."""
    with _matchers_lock:
        return TaskMatcher(use_cases, _data()[2])


# -- arguments ----------------------------------------------------------------


def _modalities_argument(value: object, name: str) -> frozenset[Modality]:
    if value is None:
        return frozenset()
    if isinstance(value, bytes | bytearray) or not isinstance(
        value, str | Modality | Iterable
    ):
        raise ArgumentTypeError(
            f"{name} must be a modality or an iterable of modalities, not "
            f"{type(value).__name__} {value!r}"
        )
    try:
        return to_modalities(value)
    except TypeError as exc:
        raise ArgumentTypeError(f"{name}: {exc}") from None
    except ValueError as exc:
        raise InvalidArgumentError(f"{name}: {exc}") from None


def _known_use_cases(taxonomy: Taxonomy) -> str:
    return ", ".join(u.id for u in taxonomy.use_cases())


def _resolve_task(
    task: UseCase | str | None, taxonomy: Taxonomy
) -> tuple[UseCase | None, float, TaskMatch | None]:
    if task is None:
        return None, 0.0, None
    if isinstance(task, UseCase):
        return task, 1.0, None
    if not task.strip():
        raise InvalidArgumentError(
            "task must not be empty; give a description of the job, or a use case "
            f"id: {_known_use_cases(taxonomy)}"
        )
    named = taxonomy.get(task.strip())
    if isinstance(named, UseCase):
        return named, 1.0, None
    match = _matcher(taxonomy).match(task)
    if match.use_case is None:
        return None, match.confidence, match
    found = taxonomy[match.use_case]
    assert isinstance(found, UseCase)  # noqa: S101
    return found, match.confidence, match


# -- rules --------------------------------------------------------------------


def _holds(rule: Rule, use_case: UseCase | None, outputs: frozenset[Modality]) -> bool:
    non_text = any(m is not Modality.TEXT for m in outputs)
    for key, expected in rule.when.items():
        if key == "use_case":
            actual = "none" if use_case is None else use_case.category
            if actual != expected:
                return False
        elif key == "use_case_id":
            if use_case is None or use_case.id != expected:
                return False
        elif key == "non_text":
            if non_text is not expected:
                return False
        elif key == "outputs_only":
            if not outputs or not outputs <= expected:
                return False
        elif not outputs & expected:  # outputs_any; _parse_when allows no other
            return False
    return True


_CONDITIONS = frozenset(
    {"use_case", "use_case_id", "non_text", "outputs_only", "outputs_any"}
)


def _parse_when(rule_id: str, when: Mapping[str, Any]) -> Mapping[str, Any]:
    """Check a rule's conditions once, at load, and parse its modality lists."""
    unknown = set(when) - _CONDITIONS
    if unknown:
        first = min(unknown)
        raise InvalidArgumentError(
            f"rule {rule_id!r}: unknown condition {first!r}"
            f"{did_you_mean(suggest(first, _CONDITIONS))}"
        )
    return {
        key: to_modalities(value) if key.startswith("outputs_") else value
        for key, value in when.items()
    }


def _apply_rules(
    use_case: UseCase | None, outputs: frozenset[Modality]
) -> tuple[str, bool, list[Reason]]:
    category = "genai" if outputs - {Modality.TEXT} else "llm"
    hybrid = False
    excluded: set[str] = set()
    reasons = []
    non_text = ", ".join(sorted(m.value for m in outputs if m is not Modality.TEXT))
    for rule in rules():
        if not _holds(rule, use_case, outputs):
            continue
        excluded.update(rule.excludes)
        if rule.category is not None and rule.category not in excluded - {
            rule.category
        }:
            category = rule.category
        hybrid = hybrid or rule.hybrid
        text = rule.says.format(
            non_text=non_text or "nothing but text",
            use_case=_in_sentence(use_case.name) if use_case else "this job",
        )
        reasons.append(Reason(rule.id, text, rule.section))
    return category, hybrid, reasons


# -- candidates ---------------------------------------------------------------


def _none_of(modalities: Iterable[Modality]) -> str:
    names = sorted(m.value for m in modalities)
    if len(names) == 1:
        return f"no {names[0]} output"
    return "produces none of " + ", ".join(names)


def _in_sentence(name: str) -> str:
    """A title for use mid-sentence: "Code generation" -> "code generation".

    Names whose second letter is upper case start with an acronym and stay.
    """
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _flag_filter(
    model: AIModel, name: str, wanted: bool | None, label: str
) -> str | None:
    if wanted is None:
        return None
    actual = getattr(model, name)
    if actual is None:
        return f"{label} unknown"
    if actual is not wanted:
        return f"{label}: {'yes' if actual else 'no'}"
    return None


_REJECTED_SHOWN = 50
"""How many left-out models a recommendation lists; it counts them all."""


def _rank(
    taxonomy: Taxonomy,
    options: _Options,
    *,
    category: str,
    hybrid: bool,
    use_case: UseCase | None,
    outputs: frozenset[Modality],
) -> tuple[list[Candidate], list[Rejection], int, int]:
    job = _Job(
        category=category,
        hybrid=hybrid,
        use_case=use_case,
        wanted=outputs or (use_case.produces if use_case else frozenset()),
        strict=bool(outputs) and not hybrid,
    )
    models = taxonomy._get_index().models  # noqa: SLF001  # query order
    pool = _pool(taxonomy, options, job)
    if pool is not None and options.limit is not None:
        return _top(taxonomy, options, job, pool, options.limit)
    candidates: list[Candidate] = []
    left_out: list[tuple[int, str]] = []
    for position in range(len(models)) if pool is None else sorted(pool):
        model = models[position]
        reason = _why_not(model, options, job)
        if reason is not None:
            left_out.append((position, reason))
            continue
        candidates.append(_score(taxonomy, model, job, options.domain))
    rejected_count = len(left_out)
    if pool is not None:
        # Models outside the pool fail a filter: count them all, but work out
        # the reason only for the first few that a recommendation lists.
        rejected_count += len(models) - len(pool)
        outside = itertools.islice(
            (i for i in range(len(models)) if i not in pool), _REJECTED_SHOWN
        )
        left_out.extend(
            (i, _why_not(models[i], options, job) or "filtered out") for i in outside
        )
    left_out.sort()
    rejected = [Rejection(models[i], why) for i, why in left_out[:_REJECTED_SHOWN]]
    # Equal fits: the newer model first (an undated one last), then by id.
    candidates.sort(
        key=lambda c: (-c.score, newest_first(c.model.released), c.model.id)
    )
    total = len(candidates)
    return candidates[: options.limit], rejected, rejected_count, total


def _top(
    taxonomy: Taxonomy, options: _Options, job: _Job, pool: frozenset[int], limit: int
) -> tuple[list[Candidate], list[Rejection], int, int]:
    """The best *limit* candidates, found by score class instead of scoring all.

    A score depends only on a few facets (suits the use case, exact category,
    domain, takes text, the set of outputs), so the pool splits into classes
    of equal score through the indices. Classes are taken best first, and
    within equal scores models are taken in recency order, as the full
    ranking does; only the models kept are scored. The pool is exact here:
    every member passes the filters.
    """
    index = taxonomy._get_index()  # noqa: SLF001
    facets, recency, models = index.models_by, index.recency, index.models
    none: frozenset[int] = frozenset()
    features = [
        (
            0.4,
            facets.get(("use_case", job.use_case.id), none) if job.use_case else none,
        ),
        (0.1, facets.get(("category_exact", job.category), none)),
        (0.1, facets.get(("domain", options.domain), none) if options.domain else none),
        (0.05, facets.get(("input", "text"), none)),
    ]
    # Score every class on paper first: (output set, and which of the four
    # facets hold). Only the classes that can reach the top are materialised,
    # each by intersecting its sets smallest first.
    plans: dict[float, list[tuple[str, tuple[bool, ...]]]] = {}
    for facet, key in facets:
        if facet != "outputs":
            continue
        coverage, focus = _output_parts(key, job)
        for flags in itertools.product((True, False), repeat=len(features)):
            score = 0.4 if flags[0] else 0.0  # in _score's order, to round alike
            score += coverage
            score += focus
            for (weight, _), held in zip(features[1:], flags[1:], strict=True):
                score += weight if held else 0.0
            plans.setdefault(round(min(score, 1.0), 3), []).append((key, flags))
    chosen: list[Candidate] = []
    for score in sorted(plans, reverse=True):
        members: set[int] = set()
        for key, flags in plans[score]:
            members |= _members(pool, facets[("outputs", key)], features, flags)
        if members:
            best = _newest(members, limit - len(chosen), recency, index.by_recency)
            chosen.extend(
                _score(taxonomy, models[i], job, options.domain) for i in best
            )
        if len(chosen) >= limit:
            break
    rejected_count = len(models) - len(pool)
    outside = itertools.islice(
        (i for i in range(len(models)) if i not in pool), _REJECTED_SHOWN
    )
    rejected = [
        Rejection(models[i], _why_not(models[i], options, job) or "filtered out")
        for i in outside
    ]
    return chosen, rejected, rejected_count, len(pool)


def _newest(
    members: set[int], count: int, place: tuple[int, ...], order: tuple[int, ...]
) -> list[int]:
    """The *count* members that come first in recency order.

    A large class is met early by walking the global order; a small one is
    cheaper to sort.
    """
    if len(members) * 8 < len(order):
        return heapq.nsmallest(count, members, key=place.__getitem__)
    return list(itertools.islice((i for i in order if i in members), count))


def _members(
    pool: frozenset[int],
    outputs: frozenset[int],
    features: list[tuple[float, frozenset[int]]],
    flags: tuple[bool, ...],
) -> frozenset[int]:
    """Pool members with these outputs that hold exactly the *flags* facets."""
    held = sorted(
        [
            pool,
            outputs,
            *(having for (_, having), f in zip(features, flags, strict=True) if f),
        ],
        key=len,
    )
    found = held[0].intersection(*held[1:])
    for (_, having), flag in zip(features, flags, strict=True):
        if not flag and found:
            found = found - having
    return found


def _output_parts(key: str, job: _Job) -> tuple[float, float]:
    """The coverage and focus parts of a score, for a set of outputs (see _score)."""
    outputs = frozenset(Modality(m) for m in key.split(",")) if key else frozenset()
    wanted = job.wanted
    if not wanted:
        return 0.0, 0.0
    produced = [m for m in wanted if not outputs.isdisjoint(m.kinds())]
    coverage = 0.25 * (len(produced) / len(wanted))
    focus = 0.15 * (len(produced) / len(outputs)) if outputs else 0.0
    return coverage, focus


def _pool(taxonomy: Taxonomy, options: _Options, job: _Job) -> frozenset[int] | None:
    """Positions of the models that may pass the filters; None for all of them.

    Always a superset of the candidates (the filters run again on it), found
    with the taxonomy's facet indices so a large catalog is not scanned.
    """
    facets = taxonomy._get_index().models_by  # noqa: SLF001
    none: frozenset[int] = frozenset()

    def having(facet: str, value: str) -> frozenset[int]:
        return facets.get((facet, value), none)

    wanted, use_case = job.wanted, job.use_case
    pool: frozenset[int] | None = None
    non_text = [m for m in wanted if m is not Modality.TEXT]
    if job.hybrid:
        llms = having("category", "llm") & (
            having("use_case", use_case.id) if use_case else none
        )
        pool = llms.union(*(having("output", m.value) for m in non_text))
    elif job.strict:
        pool = frozenset.intersection(*(having("output", m.value) for m in wanted))
    elif wanted:
        pool = frozenset().union(*(having("output", m.value) for m in wanted))
    elif job.category == "llm":
        pool = having("output", "text")
    for modality in options.inputs:
        found = having("input", modality.value)
        pool = found if pool is None else pool & found
    for flag in ("open_weights", "on_device"):
        value = getattr(options, flag)
        if value is not None:
            found = having(flag, str(value).lower())
            pool = found if pool is None else pool & found
    return pool


def _why_not(model: AIModel, options: _Options, job: _Job) -> str | None:
    """Why *model* cannot do the job, or None when it can."""
    wanted, strict, hybrid, use_case = job.wanted, job.strict, job.hybrid, job.use_case
    reason = None
    missing = [m for m in sorted(wanted) if not model.produces(m)]
    if hybrid:
        # Two parts: LLMs suited to the use case, and generators of the rest.
        if isinstance(model, LLM):
            if use_case is None or use_case.id not in model.use_cases:
                reason = "an LLM not suited to this use case"
        elif not any(model.produces(m) for m in wanted if m is not Modality.TEXT):
            reason = _none_of(m for m in wanted if m is not Modality.TEXT)
    elif strict and missing:
        reason = f"no {missing[0].value} output"
    elif not strict and wanted and len(missing) == len(wanted):
        reason = _none_of(wanted)
    elif not wanted and job.category == "llm" and not model.produces(Modality.TEXT):
        reason = "no text output"
    if reason is None:
        lacks = [m for m in sorted(options.inputs) if not model.accepts(m)]
        if lacks:
            reason = f"does not accept {lacks[0].value} input"
    reason = reason or _flag_filter(
        model, "open_weights", options.open_weights, "open weights"
    )
    return reason or _flag_filter(model, "on_device", options.on_device, "on-device")


def _score(
    taxonomy: Taxonomy, model: AIModel, job: _Job, domain: str | None
) -> Candidate:
    category, use_case, wanted = job.category, job.use_case, job.wanted
    reasons = []
    score = 0.0
    if use_case is not None and use_case.id in model.use_cases:
        score += 0.4
        reasons.append(f"suited to {_in_sentence(use_case.name)}")
    produced = [m for m in wanted if model.produces(m)]
    if wanted:
        coverage = len(produced) / len(wanted)
        score += 0.25 * coverage
        if coverage == 1:
            reasons.append("produces " + ", ".join(sorted(m.value for m in wanted)))
        if model.output_modalities:
            focus = len(produced) / len(model.output_modalities)
            score += 0.15 * focus
            if focus == 1:
                reasons.append("specialised in it")
    if model.category_id == category:
        score += 0.1
        reasons.append(f"in {taxonomy[category].name}")
    if domain is not None and domain in model.domains:
        score += 0.1
        reasons.append(f"specialised for {domain}")
    if model.accepts(Modality.TEXT):
        # A job described in words is prompted in words; label- or
        # noise-driven generators (BigGAN, StyleGAN) rank after prompt-able ones.
        score += 0.05
        reasons.append("takes a text prompt")
    role = None
    if job.hybrid:
        role = "llm" if isinstance(model, LLM) else "generator"
    return Candidate(model, round(min(score, 1.0), 3), role, tuple(reasons))


def _techniques(
    taxonomy: Taxonomy, outputs: Iterable[Modality], candidates: list[Candidate]
) -> tuple[Technique, ...]:
    ids: dict[str, None] = {}
    table = _data()[1]
    for modality in sorted(outputs):
        for technique_id in table.get(modality.value, ()):
            ids.setdefault(technique_id)
    for candidate in candidates[:3]:
        for technique_id in candidate.model.techniques:
            ids.setdefault(technique_id)
    found = (taxonomy.get(t) for t in ids)
    return tuple(t for t in found if isinstance(t, Technique))


# -- choose ---------------------------------------------------------------------


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
) -> Recommendation:
    """Recommend a category and models for a job, and explain why.

    Args:
        modalities: What the application must produce: a :class:`Modality`,
            a forgiving string (one modality, never split into characters) or
            an iterable of them.
        task: A :class:`UseCase`, a use-case id, name or alias, or free text
            describing the job. Modalities the text mentions ("a picture")
            count as requested outputs.
        inputs: What the application must accept; models that cannot are
            left out.
        taxonomy: Where candidates come from; :func:`default_taxonomy` when
            omitted, so extensions count as soon as they are passed in.
        domain: An industry (``"healthcare"``, ``"legal"``...); models
            specialised for it rank higher.
        open_weights: ``True`` keeps only models with published weights,
            ``False`` only closed ones; unknown counts as neither.
        on_device: ``True`` keeps only models that run on a local device.
        limit: Return only the best *limit* candidates (all of them when
            ``None``). On a large catalog this is much faster: the best are
            found by score class through the indices, not by scoring all.

    Returns:
        A :class:`Recommendation`.

    Raises:
        ArgumentTypeError: An argument has the wrong type.
        InvalidArgumentError: An argument has a value that cannot be used
            (an unknown modality, an empty task).
        NoMatchError: Neither modalities nor a recognisable task were given.

    Example:
        >>> import aitaxonomy as ai
        >>> rec = ai.choose(modalities=["image"], task="a mascot for our brand")
        >>> rec.category.id, rec.use_case.id
        ('genai', 'art_design')
        >>> ai.choose(modalities="text", task="digest of today's news").category.id
        'llm'
    """
    tax = default_taxonomy() if taxonomy is None else taxonomy
    if not isinstance(tax, Taxonomy):
        raise ArgumentTypeError(
            f"taxonomy must be a Taxonomy, not {type(tax).__name__}"
        )
    options = _Options(
        outputs=_modalities_argument(modalities, "modalities"),
        inputs=_modalities_argument(inputs, "inputs"),
        domain=_domain_argument(domain),
        open_weights=_flag_argument(open_weights, "open_weights"),
        on_device=_flag_argument(on_device, "on_device"),
        limit=_limit_argument(limit),
    )
    checked_task = _task_argument(task)
    # Results are memoised per taxonomy: it is immutable, so they never go stale.
    memo = tax._memo()  # noqa: SLF001
    key = ("choose", checked_task, options)
    cached = memo.get(key)
    if isinstance(cached, Recommendation):
        return cached
    result = _choose(tax, checked_task, options)
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    memo[key] = result
    return result


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


def _domain_argument(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ArgumentTypeError(f"domain must be a non-empty string, not {value!r}")
    return value


def _task_argument(value: object) -> UseCase | str | None:
    if value is not None and not isinstance(value, UseCase | str):
        raise ArgumentTypeError(
            f"task must be a UseCase, a use-case id or free text, not "
            f"{type(value).__name__} {value!r}"
        )
    return value


_MEMO_LIMIT = 4096


def _choose(
    tax: Taxonomy, task: UseCase | str | None, options: _Options
) -> Recommendation:
    outputs = options.outputs
    use_case, confidence, match = _resolve_task(task, tax)
    reasons: list[Reason] = []
    mentioned = match.outputs if match is not None else frozenset()
    if match is not None:
        for override_id, why in match.suppressed:
            reasons.append(Reason(override_id, f"The task {why}."))
        if use_case is not None:
            reasons.append(
                Reason(
                    "match-task",
                    f"The task reads as {_in_sentence(use_case.name)} "
                    f"(matched: {', '.join(match.terms)}; "
                    f"confidence {confidence:.2f}).",
                )
            )
        elif match.non_generative:
            reasons.append(
                Reason(
                    "not-generative",
                    "The task reads as a non-generative job "
                    f"({', '.join(match.non_generative)}); "
                    "no use case of the article fits.",
                )
            )
        else:
            reasons.append(
                Reason(
                    "no-match",
                    "No use case matched the task well; "
                    "say what it must produce (modalities=...) for a better answer.",
                )
            )
    requested = outputs | mentioned
    if mentioned - outputs:
        reasons.append(
            Reason(
                "task-outputs",
                "The task asks for "
                + ", ".join(sorted(m.value for m in mentioned - outputs))
                + " output.",
            )
        )
    if not requested and use_case is None:
        hint = ""
        if match is not None and match.non_generative:
            hint = (
                " It reads as a non-generative job ("
                + ", ".join(match.non_generative)
                + ")."
            )
        if task is None:
            raise NoMatchError(
                "choose() needs modalities=..., a task=..., or both; known use "
                f"cases: {_known_use_cases(tax)}"
            )
        raise NoMatchError(
            f"no use case matches the task {task!r} and no modalities were given."
            f"{hint} Pass modalities=... or one of the use cases: "
            f"{_known_use_cases(tax)}"
        )
    rule_outputs = requested or (use_case.produces if use_case else frozenset())
    if use_case is not None and not requested and use_case.category == "llm":
        rule_outputs = frozenset({Modality.TEXT})
    category_id, hybrid, fired = _apply_rules(use_case, rule_outputs)
    reasons.extend(fired)
    category = tax.get(category_id)
    if not isinstance(category, Category):
        raise InvalidArgumentError(
            f"the taxonomy has no category {category_id!r}"
            f"{did_you_mean(suggest(category_id, [c.id for c in tax.categories()]))}"
        )
    candidates, rejected, rejected_count, candidate_count = _rank(
        tax,
        options,
        category=category_id,
        hybrid=hybrid,
        use_case=use_case,
        outputs=requested,
    )
    reasons.extend(_ranking_reasons(candidates, rejected, rejected_count, options))
    return Recommendation(
        category=category,
        use_case=use_case,
        candidates=tuple(candidates),
        techniques=_techniques(tax, rule_outputs, candidates),
        rationale=tuple(reasons),
        hybrid=hybrid,
        confidence=confidence if task is not None else 0.0,
        outputs=rule_outputs,
        inputs=options.inputs,
        rejected=tuple(rejected),
        matched_terms=match.terms if match is not None else (),
        rejected_count=rejected_count,
        candidate_count=candidate_count,
    )


def _ranking_reasons(
    candidates: list[Candidate],
    rejected: list[Rejection],
    rejected_count: int,
    options: _Options,
) -> list[Reason]:
    inputs, domain = options.inputs, options.domain
    open_weights, on_device = options.open_weights, options.on_device
    reasons = []
    if inputs:
        reasons.append(
            Reason(
                "filter-inputs",
                "Kept models that accept "
                + ", ".join(sorted(m.value for m in inputs))
                + ".",
            )
        )
    if open_weights is not None:
        reasons.append(
            Reason(
                "filter-open-weights",
                "Kept models whose weights are "
                f"{'published' if open_weights else 'closed'}"
                " (the article's on-device trend relies on published weights).",
                "future-trends",
            )
        )
    if on_device is not None:
        reasons.append(
            Reason(
                "filter-on-device",
                "Kept models that run on a local device.",
                "future-trends",
            )
        )
    if domain is not None:
        reasons.append(
            Reason(
                "rank-domain",
                f"Models specialised for {domain} rank higher "
                "(the article expects domain-specific models).",
                "future-trends",
            )
        )
    if candidates:
        top = candidates[0]
        why = ", ".join(top.reasons) or "it is the best remaining fit"
        tie = (
            " Equal scores go to the newer model."
            if len(candidates) > 1 and candidates[1].score == top.score
            else ""
        )
        reasons.append(Reason("rank", f"{top.model.name} ranks first: {why}.{tie}"))
    else:
        reasons.append(
            Reason("rank", "No model in the taxonomy fits every constraint.")
        )
    if rejected:
        shown = "; ".join(f"{r.model.name} ({r.reason})" for r in rejected[:6])
        more = f"; and {rejected_count - 6:,} more" if rejected_count > 6 else ""  # noqa: PLR2004
        reasons.append(Reason("rejected", f"Left out: {shown}{more}."))
    return reasons
