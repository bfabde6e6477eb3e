"""Reading and writing catalog files, pinned exactly.

The loaders promise every problem "with the file and the path inside it":
these cases hold them to it for syntax errors, encodings, limits, versions
and entity problems, by file, path and message together. The writers'
output is pinned byte for byte.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import aitaxonomy as ai

BASE = ai.default_taxonomy()
DEEP = '{"format": 1, "models": [' + "[" * 50 + "]" * 50 + "]}"
RAISE = "pass limits=aitaxonomy.Limits({}=...) to raise it"

CASES: list[tuple[str, str | bytes, dict[str, Any], list[tuple[str, str]]]] = [
    (
        "json syntax",
        '{"format": 1, "models": [',
        {},
        [("line 1, column 26", "invalid JSON: Expecting value")],
    ),
    (
        "toml syntax",
        "format = 1\n[[models]\n",
        {"format": "toml"},
        [
            (
                "line 2, column 9",
                "invalid TOML: Expected ']]' at the end of an array declaration",
            )
        ],
    ),
    (
        "byte-order mark in bytes",
        b'\xef\xbb\xbf{"format": 1}',
        {},
        [("$", "the file starts with a byte-order mark; save it as UTF-8 without one")],
    ),
    (
        "byte-order mark in text",
        '\ufeff{"format": 1}',
        {},
        [("$", "the file starts with a byte-order mark; save it as UTF-8 without one")],
    ),
    ("not UTF-8", b"\xff\xfe", {}, [("$", "not valid UTF-8: byte 0xff at offset 0")]),
    (
        "too deep",
        DEEP,
        {"limits": ai.Limits(max_depth=3)},
        [
            (
                "$",
                "the nesting is over the limit of 3 levels; "
                + RAISE.format("max_depth"),
            )
        ],
    ),
    (
        "too big",
        '{"format": 1}',
        {"limits": ai.Limits(max_bytes=5)},
        [
            (
                "$",
                "the input (13 bytes) is over the limit of 5 bytes; "
                + RAISE.format("max_bytes"),
            )
        ],
    ),
    (
        "newer format",
        '{"format": 2}',
        {},
        [
            (
                "$.format",
                "format 2 is newer than this release reads (1); upgrade aitaxonomy",
            )
        ],
    ),
    (
        "every problem, in order",
        '{"format": 1, "models": ['
        '{"kind": "llm", "id": "a", "name": "A", "organization": "openaii"},'
        '{"kind": "llm", "id": "a", "name": "B"}]}',
        {"base": BASE},
        [
            ("$.models[1].id", "duplicate id 'a' (already used by a model)"),
            (
                "$.models[0].organization",
                "unknown organization 'openaii' (did you mean 'openai'?)",
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_problems_name_file_path_and_message(
    text: str | bytes, options: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        ai.loads(text, source="catalog.json", **options)
    found = [(p.file, p.path, p.message) for p in caught.value.problems]
    assert found == [("catalog.json", path, message) for path, message in expected]


def test_a_replacing_extension_points_at_the_addition() -> None:
    """``extend(..., replace=True)`` checks the additions and says which."""
    bad = attrs.evolve(BASE.model("gpt-4"), organization="nobody")
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        BASE.extend(bad, replace=True)
    [problem] = caught.value.problems
    assert (problem.file, problem.path) == ("extend()", "$[0].organization")
    assert problem.message.startswith("unknown organization 'nobody'")


def test_every_model_is_checked_however_the_first_fails() -> None:
    """A model of an unknown category does not hide the next model's problem:
    the validator reports every problem at once."""
    unknown = ai.GenAI(id="a", name="A", category="nope", output_modalities={"image"})
    wrong = ai.GenAI(id="b", name="B", category="llm", output_modalities={"image"})
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        BASE.extend(unknown, wrong)
    assert [(p.file, p.path, p.message) for p in caught.value.problems] == [
        ("extend()", "$[0].category", "unknown category 'nope'"),
        (
            "extend()",
            "$[1].category",
            "category 'llm' is under 'llm', but a genai belongs under 'genai'",
        ),
        (
            "extend()",
            "$[1].output_modalities",
            "outputs image, which category 'llm' does not allow",
        ),
    ]


ACME = ai.Taxonomy([ai.Organization(id="acme", name="Acme")])


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "json",
            '{\n  "format": 1,\n  "organizations": [\n    {\n      "kind": '
            '"organization",\n      "id": "acme",\n      "name": "Acme"\n    }\n  ]\n}\n',
        ),
        (
            "toml",
            'format = 1\n\n[[organizations]]\nkind = "organization"\nid = "acme"\n'
            'name = "Acme"\n',
        ),
    ],
)
def test_dumps_writes_exactly(fmt: Any, expected: str) -> None:
    """The documented layout: two-space JSON, one table per entity in TOML."""
    assert ai.dumps(ACME, format=fmt) == expected


def test_dump_takes_format_over_the_suffix(tmp_path: Any) -> None:
    target = tmp_path / "catalog.toml"
    ai.dump(ACME, target, format="json")
    assert target.read_text("utf-8") == ai.dumps(ACME, format="json")
    assert ai.load(target, format="json") == ACME
