"""The explanation of a recommendation: one :class:`Reason` per step of the decision.

Reasons come from four places, in the order a rationale lists them: how the
task was read, what the caller's arguments changed, the rules that fired
(with the article section, or the library's basis), and how the candidates
were ranked (filters, ties, empty lists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._rules import in_sentence
from ._taxonomy import newest_first

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ._entities import AIModel, JobType, UseCase
    from ._modality import Modality
    from ._reading import Reading
    from ._rules import Rule

__all__ = ["Reason", "modalities_text", "reading_reasons", "rule_reasons", "tie_reason"]

_LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese"}


@attrs.frozen
class Reason:
    """A line of a rationale: which rule or step, what it concluded, and where from.

    Attributes:
        id: The rule id, or a step of the decision (``"read-job"``, ``"rank"``).
        text: One sentence, in plain words.
        section: The article section behind it, when the article states it;
            ``None`` for the library's own reasoning.
    """

    id: str
    text: str
    section: str | None = None

    def __str__(self) -> str:
        source = f" [{self.section}]" if self.section else ""
        return f"{self.id}: {self.text}{source}"


def modalities_text(modalities: Iterable[Modality]) -> str:
    """Modalities in words: "speech", "image and text", "nothing".

    Example:
        >>> from aitaxonomy import Modality
        >>> modalities_text([Modality.TEXT, Modality.IMAGE])
        'image and text'
    """
    names = sorted(m.value for m in modalities)
    if not names:
        return "nothing"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def job_words(
    job: JobType | None, inputs: Iterable[Modality], outputs: Iterable[Modality]
) -> str:
    """A step in words: "speech recognition (speech in, text out)"."""
    shape = f"{modalities_text(inputs)} in, {modalities_text(outputs)} out"
    return f"{in_sentence(job.name)} ({shape})" if job else shape


def reading_reasons(
    reading: Reading,
    jobs: Sequence[JobType | None],
    use_case: UseCase | None,
) -> list[Reason]:
    """How a free-text task was read: language, use case, steps, what was set aside."""
    reasons = []
    language = _LANGUAGES.get(reading.language)
    if language is not None:
        reasons.append(Reason("read-language", f"The task is written in {language}."))
    for override_id, why in reading.use_case_match.suppressed:
        reasons.append(Reason(override_id, f"The task {why}."))
    match = reading.use_case_match
    if use_case is not None:
        terms = match.terms if match.use_case == use_case.id else ()
        how = (
            f"matched: {', '.join(terms)}"
            if terms
            else "its job type belongs to that use case"
        )
        reasons.append(
            Reason(
                "match-task",
                f"The task reads as {in_sentence(use_case.name)} ({how}; "
                f"confidence {reading.confidence:.2f}).",
            )
        )
    if reading.set_aside is not None:
        suggested, clash = reading.set_aside
        reasons.append(
            Reason(
                "set-aside",
                f"The words suggest the use case {suggested!r}, but the job reads "
                f"as {clash!r}, which that use case does not cover.",
            )
        )
    for index, (step, job) in enumerate(zip(reading.steps, jobs, strict=True)):
        said = [
            f"{m.text!r} is {'read' if m.direction == 'in' else 'made'} ({m.why})"
            for m in step.mentions
            if m.direction in {"in", "out"}
        ]
        cues = f"cues: {', '.join(step.terms)}" if step.terms else "from its shape"
        evidence = "; ".join([cues, *said])
        first = (
            "The task reads as" if len(reading.steps) == 1 else (f"Step {index + 1} is")
        )
        chained = (
            ", working on the previous step's result" if step.uses_previous else ""
        )
        reasons.append(
            Reason(
                "read-job",
                f"{first} {job_words(job, step.inputs, step.outputs)}{chained} "
                f"({evidence}).",
            )
        )
    return reasons


def rule_reasons(fired: Iterable[tuple[Rule, str]]) -> list[Reason]:
    """One reason per fired rule, citing its article section when it has one."""
    return [Reason(rule.id, text, rule.section) for rule, text in fired]


def tie_reason(first: AIModel, second: AIModel, score: float) -> str:
    """What separates two candidates of equal score, or that nothing does."""
    if (
        first.released
        and second.released
        and newest_first(first.released) != newest_first(second.released)
    ):
        return (
            f" {second.name} ties with it at {score:.2f}; {first.name} is newer "
            f"({first.released} against {second.released})."
        )
    if first.released and not second.released:
        return (
            f" {second.name} ties with it at {score:.2f}; {first.name} has a known "
            "release date and it does not."
        )
    return (
        f" {second.name} ties with it at {score:.2f} and nothing separates them; "
        "they are listed by id."
    )
