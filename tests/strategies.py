"""Hypothesis strategies for aitaxonomy's values, shared by the property tests."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

import aitaxonomy as ai

_SEGMENT = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)


def _join(parts: list[str]) -> st.SearchStrategy[str]:
    gaps = len(parts) - 1
    return st.lists(st.sampled_from("-_."), min_size=gaps, max_size=gaps).map(
        lambda seps: (
            parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))
        )
    )


ids = st.lists(_SEGMENT, min_size=1, max_size=3).flatmap(_join)
"""Valid lowercase slugs such as ``gpt-4`` or ``a1_b.c``."""

names = st.text(min_size=1, max_size=20).filter(str.strip)
texts = st.text(max_size=30)
modalities = st.frozensets(st.sampled_from(list(ai.Modality)), max_size=4)
generative_modalities = st.frozensets(
    st.sampled_from([m for m in ai.Modality if m.content]), max_size=4
)
non_text_outputs = st.frozensets(st.sampled_from(list(ai.Modality)), min_size=1).filter(
    lambda s: s != {ai.Modality.TEXT}
)
id_tuples = st.lists(ids, max_size=3, unique=True).map(tuple)
dates = st.one_of(
    st.none(),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.integers(1000, 9999).map(str),
)
flags = st.one_of(st.none(), st.booleans())

citations = st.one_of(
    st.builds(ai.Citation, section=ids, note=texts),
    st.builds(
        ai.Citation,
        url=_SEGMENT.map(lambda s: f"https://example.org/{s}"),
        as_of=st.dates().map(lambda d: d.isoformat()),
        covers=st.lists(_SEGMENT, max_size=2).map(tuple),
    ),
)


def _model_kwargs(
    outputs: st.SearchStrategy[frozenset[ai.Modality]],
) -> dict[str, object]:
    return {
        "id": ids,
        "name": names,
        "aliases": st.lists(names, max_size=2).map(tuple),
        "description": texts,
        "provenance": st.lists(citations, max_size=2).map(tuple),
        "organization": st.one_of(st.none(), ids),
        "techniques": id_tuples,
        "use_cases": id_tuples,
        "powered_by": id_tuples,
        "domains": id_tuples,
        "open_weights": flags,
        "on_device": flags,
        "released": dates,
        "product": st.booleans(),
        "input_modalities": modalities,
        "output_modalities": outputs,
        "job_types": id_tuples,
    }


ai_models = st.builds(ai.AIModel, **_model_kwargs(modalities))  # type: ignore[arg-type]
genai_models = st.builds(ai.GenAI, **_model_kwargs(generative_modalities))  # type: ignore[arg-type]
llms = st.builds(
    ai.LLM,
    **{  # type: ignore[arg-type]
        **_model_kwargs(st.just(frozenset({ai.Modality.TEXT}))),
        "input_modalities": modalities.map(lambda s: s | {ai.Modality.TEXT}),
    },
)
techniques = st.builds(
    ai.Technique, id=ids, name=names, part_of=st.one_of(st.none(), ids)
)
use_cases = st.builds(
    ai.UseCase,
    id=ids,
    name=names,
    category=ids,
    produces=modalities,
    examples=id_tuples,
    keywords=st.lists(names, max_size=3).map(tuple),
    job_types=id_tuples,
)
job_types = st.builds(
    ai.JobType,
    id=ids,
    name=names,
    inputs=modalities,
    outputs=generative_modalities.filter(bool),
    generative=st.just(True),  # noqa: FBT003  # outputs above are content
    category=ids,
    pipeline_tags=id_tuples,
    cues=st.lists(names, max_size=3).map(tuple),
    inferable=st.booleans(),
    group=texts,
) | st.builds(
    ai.JobType,
    id=ids,
    name=names,
    inputs=modalities,
    outputs=modalities.filter(bool),
    generative=st.just(False),  # noqa: FBT003
    category=ids,
)
categories = st.builds(
    ai.Category,
    id=ids,
    name=names,
    parent=st.one_of(st.none(), ids),
    output_modalities=modalities,
    examples=id_tuples,
    key_features=st.lists(names, max_size=2).map(tuple),
    primary_function=texts,
)
organizations = st.builds(ai.Organization, id=ids, name=names, url=st.none())
trends = st.builds(
    ai.Trend, id=ids, name=names, implies=st.lists(names, max_size=2).map(tuple)
)
sections = st.builds(ai.Section, id=ids, name=names, number=st.integers(0, 50))

entities = st.one_of(
    ai_models,
    genai_models,
    llms,
    techniques,
    use_cases,
    job_types,
    categories,
    organizations,
    trends,
    sections,
)
"""Any valid entity of a built-in kind (references need not resolve)."""


def _base_ids(kind: type[ai.Entity]) -> list[str]:
    return sorted(e.id for e in ai.default_taxonomy().of_type(kind))


def _extension_model(cls: type[ai.GenAI], outputs: st.SearchStrategy[Any]) -> Any:
    pick = st.lists
    return st.builds(
        cls,
        id=ids.map(lambda s: f"x-{s}"),
        name=names,
        aliases=pick(names, max_size=2).map(tuple),
        description=texts,
        organization=st.one_of(st.none(), st.sampled_from(_base_ids(ai.Organization))),
        techniques=pick(
            st.sampled_from(_base_ids(ai.Technique)), max_size=2, unique=True
        ).map(tuple),
        use_cases=pick(
            st.sampled_from(_base_ids(ai.UseCase)), max_size=2, unique=True
        ).map(tuple),
        powered_by=pick(
            st.sampled_from(_base_ids(ai.AIModel)), max_size=2, unique=True
        ).map(tuple),
        domains=id_tuples,
        open_weights=flags,
        on_device=flags,
        released=dates,
        product=st.booleans(),
        output_modalities=outputs,
        provenance=pick(citations.filter(lambda c: c.section is None), max_size=2).map(
            tuple
        ),
    )


extension_models = st.one_of(
    _extension_model(ai.GenAI, generative_modalities.filter(bool)),
    _extension_model(ai.LLM, st.just(frozenset({ai.Modality.TEXT}))),
)
"""Models that validly extend the default taxonomy (their links resolve)."""

taxonomies = st.lists(extension_models, max_size=5, unique_by=lambda m: m.id).map(
    lambda models: ai.default_taxonomy().extend(*models)
)
"""Valid taxonomies: the default one plus a few generated models."""
