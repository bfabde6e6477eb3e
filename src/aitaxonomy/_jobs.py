"""Which job types a model can do: stated, reached through its use cases, or implied.

A model *can do* a job type when it reads every input of the job and writes
every output (:meth:`~aitaxonomy.Modality.read_as`,
:meth:`~aitaxonomy.Modality.written_as`). It is *linked* to a job type when,
besides, one of these holds:

- its data states the job type (``job_types``);
- one of its use cases is an instance of the job type, and it makes the job's
  outputs itself (a music generator suited to creative content is not
  thereby a sound-effects model);
- it states no job types, the job type is :attr:`~aitaxonomy.JobType.inferable`,
  the model is generative exactly when the job is, its modalities fit, and
  no narrower inferable job type fits it as well: a music generator makes
  music, not sound effects, though music is a kind of audio (unless it also
  declares plain audio output).

The last rule is what lets an imported model with nothing but modalities be
found for its job: a speech-to-text :class:`~aitaxonomy.AIModel` is a speech
recogniser, an embedding model serves search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._entities import AIModel, GenAI, JobType, UseCase

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ._modality import Modality

__all__ = ["JobLinker", "can_do", "reads_all", "writes_all"]


def reads_all(inputs: frozenset[Modality], needed: Iterable[Modality]) -> bool:
    """Whether a model taking *inputs* can be handed every modality *needed*."""
    return all(not inputs.isdisjoint(m.read_as()) for m in needed)


def writes_all(outputs: frozenset[Modality], needed: Iterable[Modality]) -> bool:
    """Whether a model producing *outputs* can be asked for every one *needed*."""
    return all(not outputs.isdisjoint(m.written_as()) for m in needed)


def can_do(model: AIModel, job: JobType) -> bool:
    """Whether *model*'s modalities fit *job* both ways.

    Example:
        >>> import aitaxonomy as ai
        >>> tax = ai.default_taxonomy()
        >>> can_do(tax.model("whisper"), tax["speech-recognition"])
        True
        >>> can_do(tax.model("whisper"), tax["text-to-speech"])
        False
    """
    return reads_all(model.input_modalities, job.inputs) and writes_all(
        model.output_modalities, job.outputs
    )


def _makes_itself(outputs: frozenset[Modality], needed: Iterable[Modality]) -> bool:
    """Each output is produced as such, or written as text: not only a kind of it."""
    return all(
        m in outputs or not outputs.isdisjoint(m.written_as() - m.kinds())
        for m in needed
    )


def _narrower(job: JobType, other: JobType) -> bool:
    """Whether *other* is *job* with some outputs narrowed to a kind of them."""
    if other.inputs != job.inputs or other.outputs == job.outputs:
        return False
    return all(any(m.is_a(b) for b in job.outputs) for m in other.outputs)


class JobLinker:
    """Links models to job types, memoised by the parts of a model that matter.

    Catalogs repeat a few shapes many times (thousands of text-to-text chat
    models), so each distinct ``(kind, inputs, outputs, stated, use cases)``
    is worked out once.
    """

    def __init__(
        self, job_types: Iterable[JobType], use_cases: Mapping[str, UseCase]
    ) -> None:
        """Prepare for the taxonomy's *job_types* and its *use_cases* by id."""
        self._jobs = {j.id: j for j in job_types}
        self._use_cases = use_cases
        self._memo: dict[object, frozenset[str]] = {}

    def links(self, model: AIModel) -> frozenset[str]:
        """The ids of the job types *model* is linked to."""
        key = (
            isinstance(model, GenAI),
            model.input_modalities,
            model.output_modalities,
            model.job_types,
            model.use_cases,
        )
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._work_out(model)
        return found

    def _work_out(self, model: AIModel) -> frozenset[str]:
        inputs, outputs = model.input_modalities, model.output_modalities
        linked = {j for j in model.job_types if j in self._jobs}
        for use_case_id in model.use_cases:
            use_case = self._use_cases.get(use_case_id)
            if use_case is None:
                continue
            linked.update(
                j
                for j in use_case.job_types
                if j in self._jobs
                and can_do(model, self._jobs[j])
                and _makes_itself(outputs, self._jobs[j].outputs)
            )
        if not model.job_types:
            generative = isinstance(model, GenAI)
            fitting = [
                job
                for job in self._jobs.values()
                if job.inferable
                and job.generative is generative
                and reads_all(inputs, job.inputs)
                and writes_all(outputs, job.outputs)
            ]
            linked.update(
                job.id
                for job in fitting
                if not any(
                    _narrower(job, other) and not job.outputs <= outputs
                    for other in fitting
                )
            )
        return frozenset(linked)
