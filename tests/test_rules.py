"""The decision rules: each condition part, the loader's errors, and how rules combine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

import aitaxonomy as ai
from aitaxonomy import _rules
from aitaxonomy._rules import Condition, Facts, Rule, apply_rules, in_sentence

if TYPE_CHECKING:
    from collections.abc import Iterator

M = ai.Modality
TEXT, IMAGE, CODE = M.TEXT, M.IMAGE, M.CODE


def _use_case(id_: str) -> ai.UseCase:
    found = ai.default_taxonomy()[id_]
    assert isinstance(found, ai.UseCase)
    return found


def _facts(
    outputs: set[ai.Modality],
    *,
    use_case: str | None = None,
    generative: bool = True,
    steps_differ: bool = False,
) -> Facts:
    return Facts(
        _use_case(use_case) if use_case else None,
        frozenset(outputs),
        generative=generative,
        steps_differ=steps_differ,
    )


# -- Condition.holds: each part, on both sides --------------------------------------


@pytest.mark.parametrize(
    ("condition", "facts", "holds"),
    [
        (Condition(), _facts(set()), True),
        (Condition(use_case="genai"), _facts({IMAGE}, use_case="art_design"), True),
        (Condition(use_case="llm"), _facts({IMAGE}, use_case="art_design"), False),
        (Condition(use_case="none"), _facts({TEXT}), True),
        (Condition(use_case="none"), _facts({TEXT}, use_case="art_design"), False),
        (Condition(use_case="genai"), _facts({TEXT}), False),
        (Condition(generative=True), _facts({TEXT}), True),
        (Condition(generative=True), _facts({TEXT}, generative=False), False),
        (Condition(generative=False), _facts(set(), generative=False), True),
        (Condition(generative=False), _facts({TEXT}), False),
        (Condition(non_text=True), _facts({TEXT, IMAGE}), True),
        (Condition(non_text=True), _facts({TEXT}), False),
        (Condition(non_text=False), _facts({TEXT}), True),
        (Condition(non_text=False), _facts(set()), True),
        (Condition(non_text=False), _facts({CODE}), False),
        (Condition(outputs_only=frozenset({TEXT})), _facts({TEXT}), True),
        (Condition(outputs_only=frozenset({TEXT})), _facts({TEXT, IMAGE}), False),
        # "and there is one": nothing made is not "only text"
        (Condition(outputs_only=frozenset({TEXT})), _facts(set()), False),
        (Condition(outputs_only=frozenset({TEXT, IMAGE})), _facts({IMAGE}), True),
        (Condition(outputs_any=frozenset({CODE})), _facts({TEXT, CODE}), True),
        (Condition(outputs_any=frozenset({CODE})), _facts({TEXT}), False),
        (Condition(outputs_any=frozenset({CODE})), _facts(set()), False),
        (Condition(steps_differ=True), _facts({TEXT}, steps_differ=True), True),
        (Condition(steps_differ=True), _facts({TEXT}), False),
        (Condition(steps_differ=False), _facts({TEXT}), True),
        (Condition(steps_differ=False), _facts({TEXT}, steps_differ=True), False),
        # every part that is set must hold, not just one of them
        (
            Condition(use_case="genai", non_text=True),
            _facts({TEXT}, use_case="art_design"),
            False,
        ),
        (
            Condition(use_case="genai", non_text=True),
            _facts({IMAGE}, use_case="art_design"),
            True,
        ),
        (Condition(generative=True, steps_differ=True), _facts({TEXT}), False),
    ],
)
def test_a_condition_holds_when_every_part_set_holds(
    condition: Condition, facts: Facts, holds: bool
) -> None:
    assert condition.holds(facts) is holds


# -- the packaged rules, and the loader's errors ------------------------------------


def test_packaged_rules_fire_on_their_facts() -> None:
    """Every packaged rule fires on some job, and cites where it comes from."""
    by_id = {r.id: r for r in ai.rules()}
    assert by_id["non-generative-job"].when == Condition(generative=False)
    assert by_id["llm-outputs-text-only"].excludes == ("llm",)
    assert by_id["text-only-defaults-to-llm"].when.outputs_only == frozenset({TEXT})
    assert by_id["code-is-genai"].when.outputs_any == frozenset({CODE})
    assert by_id["hybrid-llm-and-generator"].hybrid is True
    assert by_id["llm-use-case"].hybrid is False
    assert by_id["hybrid-llm-and-generator"].quotes
    assert by_id["steps-need-different-models"].category is None


@pytest.fixture
def packaged_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """Rules the loader reads instead of the packaged ones (the cache cleared)."""
    raw: list[dict[str, Any]] = []
    monkeypatch.setattr(_rules, "packaged", lambda _name: {"rules": raw})
    _rules.rules.cache_clear()
    yield raw
    _rules.rules.cache_clear()


def _rule(**extra: Any) -> dict[str, Any]:
    return {"id": "r", "order": 1, "says": "s", "basis": "ours", **extra}


def test_the_loader_reads_each_key(packaged_rules: list[dict[str, Any]]) -> None:
    packaged_rules.extend(
        [
            _rule(
                id="late",
                order=9,
                when={"outputs_any": ["image"], "steps_differ": True},
                hybrid=True,
                excludes=["llm"],
                category="genai",
            ),
            _rule(id="early", order=2, basis=None, section="conclusion", quotes=["q"]),
        ]
    )
    early, late = ai.rules()
    assert early == Rule(
        id="early",
        order=2,
        when=Condition(),
        says="s",
        section="conclusion",
        quotes=("q",),
    )
    assert late == Rule(
        id="late",
        order=9,
        when=Condition(outputs_any=frozenset({IMAGE}), steps_differ=True),
        says="s",
        basis="ours",
        category="genai",
        hybrid=True,
        excludes=("llm",),
    )


@pytest.mark.parametrize(
    ("rule", "message", "path"),
    [
        (
            _rule(categroy="llm"),
            "unknown key 'categroy' (did you mean 'category'?)",
            "$.rules[1].categroy",
        ),
        (_rule(zzz=1), "unknown key 'zzz'", "$.rules[1].zzz"),
        (
            _rule(when={"non_txt": True}),
            "unknown condition 'non_txt' (did you mean 'non_text'?)",
            "$.rules[1].when.non_txt",
        ),
        (
            _rule(section="conclusion"),
            "a rule cites an article section or states its basis, not both",
            "$.rules[1]",
        ),
        (
            _rule(basis=None),
            "a rule cites an article section or states its basis, not both",
            "$.rules[1]",
        ),
    ],
)
def test_a_malformed_rule_is_named_with_its_place(
    packaged_rules: list[dict[str, Any]], rule: dict[str, Any], message: str, path: str
) -> None:
    packaged_rules.extend([_rule(id="fine"), rule, _rule(id="also", zzz=2)])
    with pytest.raises(ai.TaxonomyError) as caught:
        ai.rules()
    # every malformed rule is reported at once, each where it is
    assert caught.value.problems == (
        ai.Problem(message, path, "rules.toml"),
        ai.Problem("unknown key 'zzz'", "$.rules[2].zzz", "rules.toml"),
    )


# -- how fired rules combine -------------------------------------------------------


def test_a_category_an_earlier_rule_excluded_is_not_taken(
    packaged_rules: list[dict[str, Any]],
) -> None:
    """The category comes from the last fired rule no earlier rule excluded."""
    packaged_rules.extend(
        [
            _rule(id="no-llm", order=1, category="genai", excludes=["llm"]),
            _rule(id="llm", order=2, category="llm", says="{job} makes {made}"),
            _rule(id="other", order=3, when={"generative": False}, category="x"),
        ]
    )
    category, hybrid, fired = apply_rules(
        Facts(None, frozenset({TEXT}), generative=True, job="a job", made="words")
    )
    assert (category, hybrid) == ("genai", False)
    assert [(rule.id, text) for rule, text in fired] == [
        ("no-llm", "s"),
        ("llm", "a job makes words"),
    ]


def test_a_rule_that_excludes_its_own_category_only_binds_later_rules(
    packaged_rules: list[dict[str, Any]],
) -> None:
    packaged_rules.extend(
        [
            _rule(id="a", order=1, category="genai"),
            _rule(id="b", order=2, category="llm", excludes=["genai"]),
            _rule(id="c", order=3, category="genai", hybrid=True),
            _rule(id="d", order=4),
        ]
    )
    category, hybrid, _ = apply_rules(_facts({TEXT}))
    assert (category, hybrid) == ("llm", True)


@pytest.mark.parametrize(
    ("facts", "category"),
    [
        (_facts({TEXT}), "llm"),
        (_facts({TEXT, IMAGE}), "genai"),
        (_facts(set(), generative=False), "ai-model"),
        (_facts({IMAGE}, generative=False), "ai-model"),
    ],
)
@pytest.mark.usefixtures("packaged_rules")
def test_without_rules_the_category_follows_the_outputs(
    facts: Facts, category: str
) -> None:
    assert apply_rules(facts) == (category, False, [])


@pytest.mark.parametrize(
    ("facts", "sentence"),
    [
        (_facts({TEXT, IMAGE, M.VIDEO}), "image, video | this job"),
        (
            _facts({TEXT}, use_case="language_translation"),
            "nothing but text | language translation",
        ),
        (_facts({IMAGE}, use_case="art_design"), "image | AI-powered art and design"),
    ],
)
def test_a_rules_sentence_fills_in_the_job(
    packaged_rules: list[dict[str, Any]], facts: Facts, sentence: str
) -> None:
    packaged_rules.append(_rule(says="{non_text} | {use_case}"))
    ((_, text),) = apply_rules(facts)[2]
    assert text == sentence


@pytest.mark.parametrize(
    ("name", "mid_sentence"),
    [
        ("Code generation", "code generation"),
        ("OCR", "OCR"),
        ("AI", "AI"),
        ("Ai", "ai"),
        ("AI-powered art", "AI-powered art"),
        ("A", "a"),
        ("", ""),
        ("x", "x"),
    ],
)
def test_in_sentence(name: str, mid_sentence: str) -> None:
    assert in_sentence(name) == mid_sentence
