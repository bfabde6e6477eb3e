"""The decision rules, typed and read-only, and how they are applied to a job."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from ._data import packaged
from ._errors import did_you_mean, suggest
from ._modality import Modality, to_modalities
from .errors import Problem, TaxonomyError, _RuleError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ._entities import UseCase

__all__ = ["Condition", "Facts", "Rule", "apply_rules", "rules"]


@attrs.frozen
class Condition:
    """What must hold of a job for a rule to fire; unset parts are not tested.

    Attributes:
        use_case: The category the matched use case favours, or ``"none"``.
        generative: Whether some step needs generative AI.
        non_text: Whether some generated output is not text.
        outputs_only: Every generated output is one of these (and there is one).
        outputs_any: Some generated output is one of these.
        steps_differ: Whether the steps need different kinds of model.
    """

    use_case: str | None = None
    generative: bool | None = None
    non_text: bool | None = None
    outputs_only: frozenset[Modality] | None = None
    outputs_any: frozenset[Modality] | None = None
    steps_differ: bool | None = None

    def holds(self, facts: Facts) -> bool:
        """Whether every part that is set holds of *facts*."""
        made = facts.outputs
        if self.use_case is not None and self.use_case != (
            "none" if facts.use_case is None else facts.use_case.category
        ):
            return False
        if self.generative is not None and self.generative is not facts.generative:
            return False
        if self.non_text is not None and self.non_text is not any(
            m is not Modality.TEXT for m in made
        ):
            return False
        if self.outputs_only is not None and not (made and made <= self.outputs_only):
            return False
        if self.outputs_any is not None and made.isdisjoint(self.outputs_any):
            return False
        return self.steps_differ is None or self.steps_differ is facts.steps_differ


@attrs.frozen
class Rule:
    """One decision rule, as stored in the package's data.

    Attributes:
        id: Its stable id, quoted in every rationale it adds.
        order: Its place in the evaluation order.
        when: The condition that makes it fire.
        says: The sentence it adds (with ``{non_text}``, ``{use_case}``,
            ``{job}`` and ``{made}`` filled in).
        section: The article section it comes from; ``None`` for the
            library's own rules.
        quotes: The article's own words it encodes.
        basis: Why the library holds a rule the article does not state.
        category: The category it recommends, if any.
        hybrid: Whether it calls for models of different kinds together.
        excludes: Categories it rules out.
    """

    id: str
    order: int
    when: Condition
    says: str
    section: str | None = None
    quotes: tuple[str, ...] = ()
    basis: str | None = None
    category: str | None = None
    hybrid: bool = False
    excludes: tuple[str, ...] = ()


@attrs.frozen
class Facts:
    """What the rules test: the job as read.

    Attributes:
        use_case: The matched use case, if any.
        outputs: What the job's generative steps make.
        generative: Whether some step needs generative AI.
        steps_differ: Whether the steps need different kinds of model.
        job: How the job reads in words ("speech recognition").
        made: What the job makes, in words ("text", "labels").
    """

    use_case: UseCase | None
    outputs: frozenset[Modality]
    generative: bool
    steps_differ: bool = False
    job: str = "this job"
    made: str = "its result"


_FILE = "rules.toml"
_CONDITIONS = frozenset(attrs.fields_dict(Condition))
_KEYS = frozenset(attrs.fields_dict(Rule))


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The decision rules, in evaluation order.

    The values are immutable: a rule cannot be changed by a caller.

    Example:
        >>> import aitaxonomy as ai
        >>> [r.id for r in ai.rules()][:3]
        ['non-generative-job', 'llm-outputs-text-only', 'genai-use-case']
        >>> ai.rules()[1].section, ai.rules()[0].section
        ('what-are-llms', None)

    Raises:
        TaxonomyError: The packaged rules are malformed (names the rule and key).
    """
    loaded: list[Rule] = []
    problems: list[Problem] = []
    for index, raw in enumerate(packaged(_FILE)["rules"]):
        where = f"$.rules[{index}]"
        try:
            loaded.append(_rule(raw, where))
        except _RuleError as exc:
            problems.append(Problem(str(exc), exc.path or where, _FILE))
    if problems:
        raise TaxonomyError(problems)
    return tuple(sorted(loaded, key=lambda r: r.order))


def _rule(raw: Mapping[str, Any], where: str) -> Rule:
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        hint = did_you_mean(suggest(unknown[0], _KEYS))
        raise _RuleError(f"unknown key {unknown[0]!r}{hint}", f"{where}.{unknown[0]}")
    when = raw.get("when", {})
    strange = sorted(set(when) - _CONDITIONS)
    if strange:
        hint = did_you_mean(suggest(strange[0], _CONDITIONS))
        raise _RuleError(
            f"unknown condition {strange[0]!r}{hint}", f"{where}.when.{strange[0]}"
        )
    parts: dict[str, Any] = {
        key: to_modalities(value) if key.startswith("outputs_") else value
        for key, value in when.items()
    }
    condition = Condition(**parts)
    if (raw.get("section") is None) == (raw.get("basis") is None):
        raise _RuleError(
            "a rule cites an article section or states its basis, not both"
        )
    return Rule(
        id=raw["id"],
        order=raw["order"],
        when=condition,
        says=raw["says"],
        section=raw.get("section"),
        quotes=tuple(raw.get("quotes", ())),
        basis=raw.get("basis"),
        category=raw.get("category"),
        hybrid=raw.get("hybrid", False),
        excludes=tuple(raw.get("excludes", ())),
    )


def apply_rules(facts: Facts) -> tuple[str, bool, list[tuple[Rule, str]]]:
    """The category, whether the job is hybrid, and each fired rule with its sentence.

    Example:
        >>> import aitaxonomy as ai
        >>> facts = Facts(None, frozenset({ai.Modality.IMAGE}), generative=True)
        >>> category, hybrid, fired = apply_rules(facts)
        >>> category, hybrid, [rule.id for rule, _ in fired]
        ('genai', False, ['llm-outputs-text-only', 'multimodal-defaults-to-genai'])
    """
    outputs = facts.outputs
    category = "genai" if outputs - {Modality.TEXT} else "llm"
    if not facts.generative:
        category = "ai-model"
    hybrid = False
    excluded: set[str] = set()
    fired: list[tuple[Rule, str]] = []
    non_text = ", ".join(sorted(m.value for m in outputs if m is not Modality.TEXT))
    for rule in rules():
        if not rule.when.holds(facts):
            continue
        if rule.category is not None and rule.category not in excluded:
            category = rule.category
        excluded.update(rule.excludes)
        hybrid = hybrid or rule.hybrid
        use_case = facts.use_case
        text = rule.says.format(
            non_text=non_text or "nothing but text",
            use_case=in_sentence(use_case.name) if use_case else "this job",
            job=facts.job,
            made=facts.made,
        )
        fired.append((rule, text))
    return category, hybrid, fired


def in_sentence(name: str) -> str:
    """A title for use mid-sentence: "Code generation" -> "code generation".

    Names whose second letter is upper case start with an acronym and stay.

    Example:
        >>> in_sentence("Code generation"), in_sentence("OCR")
        ('code generation', 'OCR')
    """
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]
