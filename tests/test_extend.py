"""Growing a taxonomy from Python: extend, merge, custom kinds and categories."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import aitaxonomy as ai
import strategies as sts

BASE = ai.default_taxonomy()
ACME = ai.Organization(id="acme", name="Acme")
ACME_LEGAL = ai.LLM(
    id="acme-legal-7b",
    name="Acme Legal 7B",
    organization="acme",
    techniques=("transformer",),
    domains=("legal",),
    open_weights=True,
    use_cases=("legal_medical_documentation",),
)


@ai.register_kind("medical-llm")
@attrs.frozen(kw_only=True)
class MedicalLLM(ai.LLM):
    """A custom kind with an extra field, as the issue describes."""

    certifications: tuple[str, ...] = ()


def test_issue_contract() -> None:
    tax = BASE.extend(ACME, ACME_LEGAL)
    assert tax.get("acme-legal-7b") == ACME_LEGAL
    assert BASE.get("acme-legal-7b") is None
    rec = ai.choose(task="summarise court rulings", taxonomy=tax, domain="legal")
    assert rec.use_case is not None
    assert rec.use_case.id == "legal_medical_documentation"
    assert rec.candidates[0].model.id == "acme-legal-7b"
    assert "specialised for legal" in rec.candidates[0].reasons


def test_extend_leaves_the_original_alone() -> None:
    before = list(BASE)
    BASE.extend(ACME, ACME_LEGAL)
    assert list(BASE) == before


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        pytest.param(
            (ai.LLM(id="gpt-4", name="Another"),),
            ["duplicate id 'gpt-4' (already used by a model) @ extend(): $[0].id"],
            id="duplicate",
        ),
        pytest.param(
            (ACME_LEGAL,),
            ["unknown organization 'acme' @ extend(): $[0].organization"],
            id="missing-organization",
        ),
        pytest.param(
            (ACME, attrs.evolve(ACME_LEGAL, techniques=("transfomer",))),
            [
                "unknown technique 'transfomer' (did you mean 'transformer'?) "
                "@ extend(): $[1].techniques[0]"
            ],
            id="typo",
        ),
        pytest.param(
            (ACME, "not an entity"),
            ["not an entity: str 'not an entity' @ extend(): $[1]"],
            id="stranger",
        ),
    ],
)
def test_extend_errors_name_the_argument(
    entities: tuple[object, ...], expected: list[str]
) -> None:
    with pytest.raises(ai.TaxonomyError) as info:
        BASE.extend(*entities)  # type: ignore[arg-type]
    assert [str(p) for p in info.value.problems] == expected
    assert "acme" not in BASE


def test_replace() -> None:
    newer = attrs.evolve(BASE.model("gpt-4"), name="GPT-4 (2024)")
    tax = BASE.extend(newer, replace=True)
    assert tax["gpt-4"].name == "GPT-4 (2024)"
    assert len(tax) == len(BASE)
    assert [e.id for e in tax] == [e.id for e in BASE]


def test_replace_is_still_validated() -> None:
    inner = BASE.model(BASE.model("github-copilot").powered_by[0])
    broken = attrs.evolve(inner, powered_by=("github-copilot",))
    with pytest.raises(ai.TaxonomyError, match="powered_by cycle"):
        BASE.extend(broken, replace=True)


def test_merge_of_two_extensions() -> None:
    left = BASE.extend(ACME)
    right = BASE.extend(ai.Organization(id="zeta", name="Zeta"))
    merged = left.merge(right)
    assert {"acme", "zeta"} <= {e.id for e in merged}
    assert len(merged) == len(BASE) + 2


def test_merge_conflict_and_replace() -> None:
    left = BASE.extend(ACME)
    right = BASE.extend(ai.Organization(id="acme", name="Acme Corp"))
    with pytest.raises(ai.TaxonomyError, match=r"duplicate id 'acme'.* @ merge\(\)"):
        left.merge(right)
    assert left.merge(right, replace=True)["acme"].name == "Acme Corp"


def test_merge_takes_a_taxonomy() -> None:
    with pytest.raises(TypeError, match="merge\\(\\) takes a Taxonomy"):
        BASE.merge([ACME])  # type: ignore[arg-type]


@given(sts.taxonomies)
def test_generated_extensions_hold_the_invariants(tax: ai.Taxonomy) -> None:
    """Law: whatever valid models are added, every query still resolves."""
    for model in tax.of_type(ai.AIModel):
        assert tax.category_of(model).id in {"ai-model", "genai", "llm"}
        assert model in tax.models(category=tax.category_of(model))
    assert BASE.get("x-a") is None


# -- custom kinds ----------------------------------------------------------------


def test_custom_kind_keeps_llm_invariants() -> None:
    with pytest.raises(ai.errors.InvalidEntityError, match="an LLM outputs text only"):
        MedicalLLM(id="m", name="M", output_modalities="image")


def test_custom_kind_works_everywhere() -> None:
    med = MedicalLLM(
        id="med-1",
        name="Med One",
        certifications=("iso-13485",),
        use_cases=("legal_medical_documentation",),
        domains=("healthcare",),
    )
    # The article's taxonomy alone, so no catalog model ties with it.
    tax = ai.article_taxonomy().extend(med)
    assert MedicalLLM.KIND == "medical-llm"
    assert med in tax.of_type(ai.LLM)
    assert med in tax.models(category="llm")
    assert tax.category_of("med-1").id == "llm"
    rec = ai.choose(
        task="legal_medical_documentation", taxonomy=tax, domain="healthcare"
    )
    assert rec.candidates[0].model == med
    text = ai.dumps(tax, exclude=ai.article_taxonomy())
    assert 'kind = "medical-llm"' in text
    assert 'certifications = ["iso-13485"]' in text
    again = ai.loads(text, base=ai.article_taxonomy())
    assert again["med-1"] == med
    assert type(again["med-1"]) is MedicalLLM


def test_register_kind_is_idempotent_and_guards_clashes() -> None:
    assert ai.register_kind("medical-llm", MedicalLLM) is MedicalLLM
    with pytest.raises(
        ai.errors.InvalidKindError, match="already registered to MedicalLLM"
    ):

        @ai.register_kind("medical-llm")
        @attrs.frozen(kw_only=True)
        class Other(ai.LLM):
            pass

    with pytest.raises(ai.errors.InvalidKindError, match="already registered as kind"):
        ai.register_kind("medical-llm-2", MedicalLLM)


@pytest.mark.parametrize(
    ("name", "cls", "message"),
    [
        ("Bad Name", MedicalLLM, "is not a lowercase slug"),
        ("plain-class", int, "takes an attrs class derived from an aitaxonomy entity"),
        ("not-attrs", type("NotAttrs", (ai.LLM,), {}), "takes an attrs class"),
    ],
)
def test_register_kind_rejects(name: str, cls: type, message: str) -> None:
    with pytest.raises(ai.errors.InvalidKindError, match=message):
        ai.register_kind(name, cls)


# -- categories as data --------------------------------------------------------


def test_new_category_under_genai() -> None:
    image_gen = ai.Category(
        id="image-generator",
        name="Image generator",
        parent="genai",
        output_modalities=["image"],
    )
    painter = ai.GenAI(
        id="painter",
        name="Painter",
        output_modalities="image",
        category="image-generator",
    )
    tax = BASE.extend(image_gen, painter)
    assert [c.id for c in tax.category_path("image-generator")] == [
        "ai-model",
        "genai",
        "image-generator",
    ]
    assert painter in tax.models(category="genai")
    assert tax.category_of(painter) == image_gen


def test_domain_llm_category_checks_modalities() -> None:
    domain = ai.Category(id="domain-llm", name="Domain LLM", parent="llm")
    tax = BASE.extend(domain, attrs.evolve(ACME_LEGAL, category="domain-llm"), ACME)
    assert tax.category_of("acme-legal-7b").id == "domain-llm"
    with pytest.raises(ai.TaxonomyError, match="allows image, which its parent 'llm'"):
        BASE.extend(attrs.evolve(domain, output_modalities=["image"]))
