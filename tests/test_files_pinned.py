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
            "category 'llm' is under 'llm', but a model of kind 'genai' belongs under 'genai'",
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


def test_nesting_past_what_the_parser_can_read_names_the_file() -> None:
    deep = '{"format": 1, "models": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ai.errors.LimitError) as caught:
        ai.loads(deep, source="deep.json")
    [problem] = caught.value.problems
    assert (problem.file, problem.path) == ("deep.json", "$")
    assert problem.message.startswith("the nesting is over the limit of ")


def test_json_constants_are_refused() -> None:
    text = '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": "A", "parameters": NaN}]}'
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        ai.loads(text, source="nan.json")
    assert [(p.file, p.path, p.message) for p in caught.value.problems] == [
        ("nan.json", "$", "invalid JSON: NaN is not a number JSON allows")
    ]


@pytest.mark.parametrize("text", ['{"format": 1}', b'{"format": 1}'])
def test_max_bytes_is_the_largest_size_that_loads(text: str | bytes) -> None:
    size = len(text)
    assert len(ai.loads(text, limits=ai.Limits(max_bytes=size))) == 0
    with pytest.raises(ai.errors.LimitError, match=f"the input \\({size} bytes\\)"):
        ai.loads(text, limits=ai.Limits(max_bytes=size - 1))


def test_load_says_which_file_and_folder(tmp_path: Any) -> None:
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        ai.load(tmp_path)
    assert [(p.file, p.path, p.message) for p in caught.value.problems] == [
        (str(tmp_path), "$", "no .toml or .json files here")
    ]
    odd = tmp_path / "catalog.yaml"
    odd.write_text("a: 1", "utf-8")
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        ai.load(odd)
    assert [(p.file, p.path, p.message) for p in caught.value.problems] == [
        (
            str(odd),
            "$",
            "cannot tell the format of 'catalog.yaml'; name it .toml or .json, "
            "or pass format=",
        )
    ]


class _Names:
    """Stands in for secrets.token_hex: the given names, then a fresh one each call."""

    def __init__(self, *names: str) -> None:
        self.names, self.calls = list(names), 0

    def __call__(self, _: int) -> str:
        self.calls += 1
        if self.calls > 50:  # a writer that never gives up
            raise AssertionError("the writer keeps picking names")
        return self.names.pop(0) if self.names else f"{self.calls:016x}"


def test_a_writer_never_takes_another_writers_temporary_file(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "catalog.toml"
    theirs = tmp_path / f".catalog.toml.{'a' * 16}.tmp"
    theirs.write_text("another writer's", "utf-8")
    names = _Names("a" * 16)
    monkeypatch.setattr("aitaxonomy._files.secrets.token_hex", names)
    ai.dump(ACME, target)
    assert theirs.read_text("utf-8") == "another writer's"
    assert target.read_text("utf-8") == ai.dumps(ACME)
    assert names.calls == 2


def test_a_writer_gives_up_after_ten_names_taken(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / f".catalog.toml.{'a' * 16}.tmp").write_text("", "utf-8")
    names = _Names(*["a" * 16] * 60)
    monkeypatch.setattr("aitaxonomy._files.secrets.token_hex", names)
    with pytest.raises(FileExistsError):
        ai.dump(ACME, tmp_path / "catalog.toml")
    assert names.calls == 10
    assert not (tmp_path / "catalog.toml").exists()


def test_the_format_given_is_the_format_read() -> None:
    """JSON text named TOML is read as TOML, and refused as such."""
    with pytest.raises(ai.errors.TaxonomyError) as caught:
        ai.loads('{"format": 1}', format="toml", source="x.toml")
    [problem] = caught.value.problems
    assert problem.message.startswith("invalid TOML: ")
    assert problem.file == "x.toml"


def test_files_are_written_in_utf8_whatever_the_locale(tmp_path: Any) -> None:
    """A catalog written under an ASCII locale is still UTF-8, with LF endings."""
    import locale  # noqa: PLC0415
    import sys  # noqa: PLC0415

    if sys.flags.utf8_mode:
        pytest.skip("in UTF-8 mode every file is UTF-8 anyway")
    named = ai.Taxonomy([ai.Organization(id="cafe", name="Café Généreux")])
    target = tmp_path / "catalog.toml"
    saved = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        ai.dump(named, target)
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)
    data = target.read_bytes()
    assert data.decode("utf-8") == ai.dumps(named)
    assert b"\r\n" not in data
