"""Ranking: which models can do a step of a job, and in what order.

A model is a candidate for a step when it reads every input of the step and
writes every output (:meth:`~aitaxonomy.Modality.read_as`,
:meth:`~aitaxonomy.Modality.written_as`), passes the filters, and, for a step
that needs generative AI, is generative or is linked to the step's job type.

Its score is the sum of the weights in ``rules.toml [scoring]`` for the facts
that hold of it: linked to the job type, suited to the use case, in the
category the step calls for, specialised for the domain, and a share of
``focus`` for how much of what it makes the step needs. One function computes
a score, for the full ranking and for the best-*N* search alike; the search
finds the best *N* by score class through the taxonomy's indices instead of
scoring every model, which on a large catalog is much faster.
"""

from __future__ import annotations

import heapq
import itertools
import operator
import weakref
from typing import TYPE_CHECKING

import attrs

from ._data import packaged
from ._entities import AIModel, GenAI, JobType, UseCase, price_of
from ._modality import Modality

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from collections.abc import Set as AbstractSet

    from ._taxonomy import Taxonomy

__all__ = [
    "REQUIREMENTS",
    "Filters",
    "Ranked",
    "StepNeeds",
    "left_out",
    "rank",
    "scores_of",
    "weights",
    "why_not",
]

REJECTED_SHOWN = 50
"""How many left-out models a ranking lists; it counts them all."""
_NONE: frozenset[int] = frozenset()


def weights() -> Mapping[str, float]:
    """The scoring weights, from ``rules.toml [scoring]``.

    Example:
        >>> sum(weights().values())
        1.0
    """
    found: Mapping[str, float] = packaged("rules.toml")["scoring"]
    return found


@attrs.frozen(cache_hash=True)
class StepNeeds:
    """What a step of a job needs of a model, as ranking sees it.

    Attributes:
        job_type: The step's job type, if one was found.
        inputs: What the model must read.
        outputs: What it must produce.
        category: The category the step calls for (models in it score more).
        use_case: The use case whose models score more here, if any.
        generative: Whether a generative model is needed (one linked to the
            job type does too).
    """

    job_type: JobType | None
    inputs: frozenset[Modality]
    outputs: frozenset[Modality]
    category: str
    use_case: str | None = None
    generative: bool = False


@attrs.frozen(cache_hash=True)
class Filters:
    """The caller's filters and preferences (see :func:`~aitaxonomy.choose`)."""

    domain: str | None = None
    open_weights: bool | None = None
    on_device: bool | None = None
    max_price: float | None = None
    min_context: int | None = None
    providers: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()

    def constraints(self) -> list[tuple[str, object]]:
        """The constraints given, as ``(kind, value)`` for :meth:`_Facets.meeting`."""
        found: list[tuple[str, object]] = []
        if self.max_price is not None:
            found.append(("max_price", self.max_price))
        if self.min_context is not None:
            found.append(("min_context", self.min_context))
        if self.providers:
            found.append(("providers", self.providers))
        found.extend(("requires", need) for need in sorted(self.requires))
        return found


REQUIREMENTS = ("tools", "reasoning", "structured-output", "vision")
"""What ``choose(requires=...)`` takes: the capabilities, and ``vision``
(reads images)."""


def _meets(model: AIModel, kind: str, value: object) -> bool:
    if kind == "max_price":
        price = price_of(model)
        return price is not None and price <= value  # type: ignore[operator]
    if kind == "min_context":
        return model.context_window is not None and model.context_window >= value  # type: ignore[operator]
    if kind == "providers":
        return bool({model.organization, model.provider} & value)  # type: ignore[operator]
    if value == "vision":
        return model.reads(Modality.IMAGE)
    return value in model.capabilities


def _unmet(model: AIModel, kind: str, value: object) -> str:
    """Why *model* fails the constraint (``_meets`` said it does)."""
    if kind == "max_price":
        price = price_of(model)
        if price is None:
            return "price unknown"
        return f"costs ${price:g}, over ${value:g}"
    if kind == "min_context":
        if model.context_window is None:
            return "context window unknown"
        return f"context window {model.context_window:,}, under {value:,}"
    if kind == "providers":
        return f"not from {', '.join(sorted(value))}"  # type: ignore[call-overload]
    return "does not read images" if value == "vision" else f"no {value}"


@attrs.frozen
class Ranked:
    """A step's ranking: positions of models in the taxonomy's model order.

    Attributes:
        scored: ``(position, score, reasons)``, best first.
        rejected_count: How many models were left out in all.
        candidate_count: How many models fit in all.
        pool: Every position that fits.
    """

    scored: tuple[tuple[int, float, tuple[str, ...]], ...]
    rejected_count: int
    candidate_count: int
    pool: frozenset[int]
    _why: Callable[[], tuple[tuple[int, str], ...]]

    def rejected(self) -> tuple[tuple[int, str], ...]:
        """``(position, reason)`` for the first models left out.

        Worked out only when asked: a job of several steps explains its
        left-out models once, for all steps.
        """
        return self._why()


class _Facets:
    """The taxonomy's model indices, and unions of them, cached per taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        index = taxonomy._get_index()  # noqa: SLF001  # the index is built there once
        self.models: Sequence[AIModel] = index.models
        self.by: Mapping[tuple[str, str], frozenset[int]] = index.models_by
        self.recency: Sequence[int] = index.recency
        self.by_recency: Sequence[int] = index.by_recency
        self.everyone = frozenset(range(len(index.models)))
        self._unions: dict[tuple[str, Modality], frozenset[int]] = {}
        self._meeting: dict[tuple[str, object], frozenset[int]] = {}
        # A model from a catalog that has no use cases (it has source ids and
        # states none) earns the use case's weight through its job types, so
        # imported models compete with curated ones; a curated model's use
        # cases were chosen, so it earns it only by stating one.
        self.unstated = frozenset(
            i for i, m in enumerate(self.models) if m.sources and not m.use_cases
        )
        self.use_case_jobs: Mapping[str, tuple[str, ...]] = {
            u.id: u.job_types for u in taxonomy.of_type(UseCase)
        }
        self._generative: dict[str | None, frozenset[int]] = {}
        self._plans: dict[
            object, Mapping[float, list[tuple[frozenset[int], tuple[bool, ...]]]]
        ] = {}

    def having(self, facet: str, value: str) -> frozenset[int]:
        return self.by.get((facet, value), _NONE)

    def meeting(self, kind: str, value: object) -> frozenset[int]:
        """Models that meet a constraint of ``choose()``, found once per value."""
        key = (kind, value)
        found = self._meeting.get(key)
        if found is None:
            found = self._meeting[key] = frozenset(
                i for i, m in enumerate(self.models) if _meets(m, kind, value)
            )
        return found

    def suited_by_job(self, use_case: str) -> frozenset[int]:
        """Catalog models stating no use case whose job types are *use_case*'s."""
        jobs = self.use_case_jobs.get(use_case, ())
        return self.unstated & frozenset().union(
            *(self.having("job_type", j) for j in jobs)
        )

    def reading(self, modality: Modality) -> frozenset[int]:
        """Models that can be handed *modality*."""
        return self._union("input_is", modality, modality.read_as())

    def writing(self, modality: Modality) -> frozenset[int]:
        """Models that can be asked for *modality*."""
        return self._union("output_is", modality, modality.written_as())

    def plans(
        self,
        features: Sequence[_Feature],
        focus: Callable[[frozenset[Modality]], float],
        needed: frozenset[Modality],
    ) -> Mapping[float, list[tuple[frozenset[int], tuple[bool, ...]]]]:
        """Score classes: each score, with the outputs classes and features giving it.

        They depend only on the features' weights, which features any model
        holds, and the outputs the step needs, so they are worked out once
        for each such combination, not on every call.
        """
        possible = tuple(bool(f.members) for f in features)
        key = (tuple(f.weight for f in features), possible, needed)
        found = self._plans.get(key)
        if found is not None:
            return found
        plans: dict[float, list[tuple[frozenset[int], tuple[bool, ...]]]] = {}
        for (facet, value), outputs_class in self.by.items():
            if facet != "outputs":
                continue
            outputs = (
                frozenset(Modality(m) for m in value.split(","))
                if value
                else frozenset()
            )
            share = focus(outputs)
            for flags in itertools.product((True, False), repeat=len(features)):
                # a feature no model holds makes an empty class: skip it
                if any(on and not can for on, can in zip(flags, possible, strict=True)):
                    continue
                held = (f.weight for f, on in zip(features, flags, strict=True) if on)
                plans.setdefault(_value(held, share), []).append((outputs_class, flags))
        self._plans[key] = plans
        return plans

    def generative(self, job_type: str | None) -> frozenset[int]:
        """Generative models, and models linked to *job_type*, by position."""
        found = self._generative.get(job_type)
        if found is None:
            linked = self.having("job_type", job_type) if job_type else _NONE
            found = self._generative[job_type] = (
                self.having("category", GenAI.CATEGORY) | linked
            )
        return found

    def _union(
        self, facet: str, modality: Modality, members: Iterable[Modality]
    ) -> frozenset[int]:
        key = (facet, modality)
        found = self._unions.get(key)
        if found is None:
            found = self._unions[key] = frozenset().union(
                *(self.having(facet, m.value) for m in members)
            )
        return found


_FACETS: weakref.WeakKeyDictionary[Taxonomy, _Facets] = weakref.WeakKeyDictionary()


def _facets(taxonomy: Taxonomy) -> _Facets:
    found = _FACETS.get(taxonomy)
    if found is None:
        found = _FACETS[taxonomy] = _Facets(taxonomy)
    return found


@attrs.frozen
class _Feature:
    """A yes-or-no fact worth a weight, with the phrase that says it held."""

    weight: float
    members: frozenset[int]
    says: str


_SECOND = operator.itemgetter(1)


def rank(
    taxonomy: Taxonomy, needs: StepNeeds, filters: Filters, limit: int | None = None
) -> Ranked:
    """Rank the models of *taxonomy* for a step; the best *limit* only if given."""
    facets = _facets(taxonomy)
    pool = _pool(facets, needs, filters)
    features = _features(facets, needs, filters)
    focus = _focus(needs)
    if limit is None:
        scored = _all(facets, pool, features, focus)
    else:
        scored = _best(facets, pool, features, focus, limit=limit, needed=needs.outputs)
    rejected_count = len(facets.models) - len(pool)

    def why() -> tuple[tuple[int, str], ...]:
        outside = sorted(facets.everyone - pool)[:REJECTED_SHOWN]
        return left_out(taxonomy, needs, filters, outside)

    return Ranked(tuple(scored), rejected_count, len(pool), pool, why)


def _all(
    facets: _Facets,
    pool: frozenset[int],
    features: Sequence[_Feature],
    focus: Callable[[frozenset[Modality]], float],
) -> list[tuple[int, float, tuple[str, ...]]]:
    """Every model of *pool*, scored and sorted.

    A score depends only on which features hold and on the model's outputs,
    so the pool is split into those classes by set operations, and each
    class is scored once, not each model.
    """
    parts: list[tuple[frozenset[int], tuple[_Feature, ...]]] = [(pool, ())]
    for feature in features:
        if feature.members:
            parts = [
                (members, held)
                for whole, had in parts
                for members, held in (
                    (whole & feature.members, (*had, feature)),
                    (whole - feature.members, had),
                )
                if members
            ]
    part_of: dict[int, int] = {}
    for index, (members, _) in enumerate(parts):
        part_of.update(dict.fromkeys(members, index))
    models = facets.models
    classes: dict[tuple[int, frozenset[Modality]], tuple[float, tuple[str, ...]]] = {}
    scored = []
    for p in sorted(pool, key=facets.recency.__getitem__):  # newest first
        outputs = models[p].output_modalities
        key = (part_of[p], outputs)
        found = classes.get(key)
        if found is None:
            found = classes[key] = _scored(parts[key[0]][1], outputs, focus)
        scored.append((p, *found))
    # a stable sort: models of one score stay newest first
    scored.sort(key=_SECOND, reverse=True)
    return scored


def scores_of(
    taxonomy: Taxonomy, needs: StepNeeds, filters: Filters, positions: Iterable[int]
) -> dict[int, float]:
    """The scores of the models at *positions* for a step, however ranked."""
    facets = _facets(taxonomy)
    features = _features(facets, needs, filters)
    scored = _all(facets, frozenset(positions), features, _focus(needs))
    return {p: score for p, score, _ in scored}


def _pool(facets: _Facets, needs: StepNeeds, filters: Filters) -> frozenset[int]:
    """Positions of the models that can do the step and pass the filters."""
    sets = [facets.reading(m) for m in needs.inputs]
    sets += [facets.writing(m) for m in needs.outputs]
    if needs.generative:
        sets.append(facets.generative(needs.job_type.id if needs.job_type else None))
    for flag in ("open_weights", "on_device"):
        value = getattr(filters, flag)
        if value is not None:
            sets.append(facets.having(flag, str(value).lower()))
    sets.extend(facets.meeting(kind, value) for kind, value in filters.constraints())
    if not sets:
        return facets.everyone
    sets.sort(key=len)
    return sets[0].intersection(*sets[1:])


def _features(facets: _Facets, needs: StepNeeds, filters: Filters) -> list[_Feature]:
    table = weights()
    job, use_case, domain = needs.job_type, needs.use_case, filters.domain
    return [
        _Feature(
            table["job_type"],
            facets.having("job_type", job.id) if job else _NONE,
            f"does {job.name[:1].lower()}{job.name[1:]}" if job else "",
        ),
        _Feature(
            table["use_case"],
            facets.having("use_case", use_case) if use_case else _NONE,
            "suited to the use case",
        ),
        _Feature(
            table["use_case"],
            facets.suited_by_job(use_case) if use_case else _NONE,
            "suited to the use case by its job types (its catalog has none)",
        ),
        _Feature(
            table["category"],
            facets.having("category_exact", needs.category),
            f"in the category the job calls for ({needs.category})",
        ),
        _Feature(
            table["domain"],
            facets.having("domain", domain) if domain else _NONE,
            f"specialised for {domain}",
        ),
    ]


def _focus(needs: StepNeeds) -> Callable[[frozenset[Modality]], float]:
    """The share of a model's outputs the step needs: 1 for a specialist."""
    serving = frozenset(m for need in needs.outputs for m in need.written_as())

    def share(outputs: frozenset[Modality]) -> float:
        if not outputs or not needs.outputs:
            return 0.0
        return len(outputs & serving) / len(outputs)

    return share


def _value(held: Iterable[float], focus: float) -> float:
    """A score from the weights of the facts that hold and the focus share."""
    return round(min(sum(held) + weights()["focus"] * focus, 1.0), 3)


def _score(
    model: AIModel,
    position: int,
    features: Sequence[_Feature],
    focus: Callable[[frozenset[Modality]], float],
) -> tuple[float, tuple[str, ...]]:
    held = [f for f in features if position in f.members]
    return _scored(held, model.output_modalities, focus)


def _scored(
    held: Sequence[_Feature],
    outputs: frozenset[Modality],
    focus: Callable[[frozenset[Modality]], float],
) -> tuple[float, tuple[str, ...]]:
    """The score and its reasons, from the features that hold and the outputs."""
    share = focus(outputs)
    reasons = [f.says for f in held]
    if share == 1:
        reasons.append("specialised in the output")
    return _value([f.weight for f in held], share), tuple(reasons)


def _best(
    facets: _Facets,
    pool: frozenset[int],
    features: Sequence[_Feature],
    focus: Callable[[frozenset[Modality]], float],
    *,
    limit: int,
    needed: frozenset[Modality],
) -> list[tuple[int, float, tuple[str, ...]]]:
    """The best *limit* of *pool*, by score class: only the models kept are scored.

    A score depends only on which features hold and on the set of outputs, so
    the pool splits into classes of equal score through the indices. Classes
    are taken best first and, within one, models newest first, as the full
    ranking orders them.
    """
    plans = facets.plans(features, focus, needed)
    chosen: list[tuple[int, float, tuple[str, ...]]] = []
    shared: dict[tuple[int, ...], frozenset[int]] = {}
    for score in sorted(plans, reverse=True):
        members: set[int] = set()
        for outputs_class, flags in plans[score]:
            members |= _members(pool, outputs_class, features, flags, shared)
        if members:
            for position in _newest(
                members, limit - len(chosen), facets.recency, facets.by_recency
            ):
                model = facets.models[position]
                chosen.append((position, *_score(model, position, features, focus)))
        if len(chosen) >= limit:
            break
    return chosen


def _members(
    pool: frozenset[int],
    outputs_class: frozenset[int],
    features: Sequence[_Feature],
    flags: tuple[bool, ...],
    shared: dict[tuple[int, ...], frozenset[int]],
) -> frozenset[int]:
    """Pool members of an outputs class that hold exactly the *flags* features.

    The sets are intersected smallest first, and each partial intersection
    is kept in *shared*: classes of one call share most of theirs.
    """
    held = sorted(
        [
            pool,
            outputs_class,
            *(f.members for f, on in zip(features, flags, strict=True) if on),
        ],
        key=len,
    )
    found = held[0]
    key: tuple[int, ...] = (id(found),)
    for other in held[1:]:
        if not found:
            return found
        key = (*key, id(other))
        cached = shared.get(key)
        if cached is None:
            cached = shared[key] = found & other
        found = cached
    for feature, on in zip(features, flags, strict=True):
        if not on and found:
            found = found - feature.members
    return found


def _newest(
    members: AbstractSet[int], count: int, place: Sequence[int], order: Sequence[int]
) -> list[int]:
    """The *count* members that come first in recency order.

    A large class is met early by walking the global order; a small one is
    cheaper to sort.
    """
    if len(members) * 8 < len(order):
        return heapq.nsmallest(count, members, key=place.__getitem__)
    return list(itertools.islice((i for i in order if i in members), count))


def left_out(
    taxonomy: Taxonomy, needs: StepNeeds, filters: Filters, positions: Iterable[int]
) -> tuple[tuple[int, str], ...]:
    """Why each model at *positions* is no candidate.

    :func:`why_not`, through the indices: the common reasons cost a set
    difference per check, not a look-up per model.
    """
    facets = _facets(taxonomy)
    unread = [(m.value, facets.reading(m)) for m in sorted(needs.inputs)]
    unmade = [(m.value, facets.writing(m)) for m in sorted(needs.outputs)]
    checks = [(f"does not read {v}", s) for v, s in unread]
    checks += [(f"does not produce {v}", s) for v, s in unmade]
    order = list(positions)
    # the first check a model fails names it: one set difference per check
    reasons: dict[int, str] = {}
    unexplained = set(order)
    for said, members in checks:
        for position in unexplained - members:
            reasons[position] = said
        unexplained &= members
    return tuple(
        (p, reasons.get(p) or why_not(facets.models[p], needs, filters)) for p in order
    )


def why_not(model: AIModel, needs: StepNeeds, filters: Filters) -> str:
    """Why *model* is not a candidate for the step ("does not read speech")."""
    unread = sorted(m.value for m in needs.inputs if not model.reads(m))
    if unread:
        return f"does not read {unread[0]}"
    unmade = sorted(m.value for m in needs.outputs if not model.writes(m))
    if unmade:
        return f"does not produce {unmade[0]}"
    if needs.generative and not isinstance(model, GenAI):
        return "not generative, and not known to do this job"
    for flag, label in (("open_weights", "open weights"), ("on_device", "on-device")):
        wanted = getattr(filters, flag)
        actual = getattr(model, flag)
        if wanted is not None and actual is not wanted:
            return (
                f"{label} unknown"
                if actual is None
                else (f"{label}: {'yes' if actual else 'no'}")
            )
    for kind, value in filters.constraints():
        if not _meets(model, kind, value):
            return _unmet(model, kind, value)
    return "filtered out"
