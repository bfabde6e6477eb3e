"""Catalog files: load, loads, dump, dumps, limits and malformed input."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from typing import TYPE_CHECKING
from unittest import mock

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy import _files as ai_files

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

BASE = ai.default_taxonomy()
MODELS = """
format = 1

[[models]]
kind = "llm"
id = "one"
name = "One"

[[models]]
kind = "genai"
id = "two"
name = "Two"
output_modalities = ["image"]

[[models]]
kind = "genai"
id = "three"
name = "Three"
output_modalities = ["imgae"]
"""


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_default_round_trips(fmt: str) -> None:
    assert ai.loads(ai.dumps(BASE, format=fmt), format=fmt) == BASE  # type: ignore[arg-type]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(sts.taxonomies, st.sampled_from(["toml", "json"]))
def test_any_valid_taxonomy_round_trips(tax: ai.Taxonomy, fmt: str) -> None:
    """Law: dumps then loads gives back an equal taxonomy, in both formats."""
    assert ai.loads(ai.dumps(tax, format=fmt)) == tax  # type: ignore[arg-type]
    additions = ai.dumps(tax, format=fmt, exclude=BASE)  # type: ignore[arg-type]
    assert ai.loads(additions, base=BASE) == tax


def test_file_and_directory_round_trip(tmp_path: Path) -> None:
    ai.dump(BASE, tmp_path / "catalog.json")
    assert ai.load(tmp_path / "catalog.json") == BASE
    ai.dump(BASE, tmp_path / "tree")
    assert (tmp_path / "tree" / "models" / "gpt-4.toml").is_file()
    assert ai.load(tmp_path / "tree") == BASE
    assert not list(tmp_path.rglob("*.tmp")), "no temporary files left behind"


@contextlib.contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


ADDITION = BASE.extend(ai.Organization(id="acme", name="Acme"))


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002, 0o000])
def test_written_files_get_the_umask(mask: int, tmp_path: Path) -> None:
    """As ``open(path, "w")`` would: 0o666 less the umask, for files and folders."""
    with _umask(mask):
        ai.dump(ADDITION, tmp_path / "one.toml", exclude=BASE)
        ai.dump(ADDITION, tmp_path / "tree", exclude=BASE)
        (tmp_path / "plain.toml").write_text("")
    expected = stat.S_IMODE((tmp_path / "plain.toml").stat().st_mode)
    assert expected == 0o666 & ~mask
    for path in (tmp_path / "one.toml", tmp_path / "tree/organizations/acme.toml"):
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    assert stat.S_IMODE((tmp_path / "tree").stat().st_mode) == 0o777 & ~mask


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mode", [0o600, 0o644, 0o640])
def test_a_replaced_file_keeps_its_mode(mode: int, tmp_path: Path) -> None:
    target = tmp_path / "one.toml"
    target.write_text("old")
    target.chmod(mode)
    with _umask(0o022):
        ai.dump(ADDITION, target, exclude=BASE)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert ai.load(target, base=BASE) == ADDITION


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges")
@pytest.mark.parametrize("exists", [True, False])
def test_writing_through_a_symbolic_link_keeps_the_link(
    tmp_path: Path, exists: bool
) -> None:
    real = tmp_path / "real" / "catalog.toml"
    real.parent.mkdir()
    if exists:
        real.write_text("old")
    link = tmp_path / "catalog.toml"
    link.symlink_to(real)
    ai.dump(ADDITION, link, exclude=BASE)
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert ai.load(real, base=BASE) == ADDITION
    assert sorted(p.name for p in real.parent.iterdir()) == ["catalog.toml"]


def test_one_entity_file_takes_its_id_from_the_name(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "my-model.toml").write_text(
        'format = 1\nkind = "llm"\nname = "Mine"\norganization = "openai"\n'
    )
    (tmp_path / ".hidden.toml").write_text("not even toml [")
    tax = ai.load(tmp_path, base=BASE)
    assert tax.model("my-model").name == "Mine"


def test_the_issue_error_message(tmp_path: Path) -> None:
    path = tmp_path / "mymodels.toml"
    path.write_text(MODELS)
    with pytest.raises(ai.TaxonomyError) as info:
        ai.load(path)
    assert [str(p) for p in info.value.problems] == [
        "unknown modality 'imgae' (did you mean 'image'?); known: text, code, image, "
        f"audio, music, speech, video, embedding, 3d, molecule, table, label, boxes, mask, score, ranking, forecast, action @ {path}: "
        "$.models[2].output_modalities[0]"
    ]


def test_directory_errors_name_each_file(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('format = 1\nkind = "llm"\nid = "a"\nname = 3\n')
    (tmp_path / "b.json").write_text(
        '{"format": 1, "kind": "lml", "id": "b", "name": "B"}'
    )
    with pytest.raises(ai.TaxonomyError) as info:
        ai.load(tmp_path, base=BASE)
    assert [str(p) for p in info.value.problems] == [
        "expected a string, got int 3 @ a.toml: $.name",
        "unknown kind 'lml' (did you mean 'llm'?) @ b.json: $.kind",
    ]


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ai.TaxonomyError, match=r"no \.toml or \.json files"):
        ai.load(tmp_path)


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text("format: 1")
    with pytest.raises(ai.TaxonomyError, match="cannot tell the format"):
        ai.load(path)


@pytest.mark.parametrize(
    ("limits", "text", "message"),
    [
        (ai.Limits(max_bytes=10), '{"format": 1}' + " " * 20, "max_bytes"),
        (
            ai.Limits(max_depth=3),
            '{"format": 1, "models": [{"kind": "llm", '
            '"id": "x", "name": "X", "aliases": ["a"]}]}',
            "max_depth",
        ),
        (
            ai.Limits(max_entities=1),
            '{"format": 1, "organizations": ['
            '{"kind": "organization", "id": "a", "name": "A"}, '
            '{"kind": "organization", "id": "b", "name": "B"}]}',
            "max_entities",
        ),
    ],
)
def test_limits_say_which_and_how_to_raise(
    limits: ai.Limits, text: str, message: str
) -> None:
    with pytest.raises(
        ai.errors.LimitError, match=rf"pass limits=aitaxonomy.Limits\({message}="
    ):
        ai.loads(text, limits=limits)


MALFORMED: list[tuple[str, bytes | str, str]] = [
    ("truncated-toml", "format = 1\n[[models]\n", "invalid TOML"),
    ("truncated-json", '{"format": 1, "models": [', "invalid JSON"),
    ("bom", b"\xef\xbb\xbfformat = 1\n", "byte-order mark"),
    ("invalid-utf8", b'format = 1\nname = "\xff"\n', "not valid UTF-8: byte 0xff"),
    ("json-duplicate-key", '{"format": 1, "format": 1}', "duplicate key 'format'"),
    ("toml-duplicate-key", "format = 1\nformat = 1\n", "invalid TOML"),
    ("json-nan", '{"format": NaN}', "NaN is not a number JSON allows"),
    ("huge-int", '{"format": 1' + "0" * 5000 + "}", "invalid JSON"),
    ("deep-json", "[" * 100_000 + "]" * 100_000, "max_depth"),
    ("deep-toml", "a = " + "[" * 100_000 + "]" * 100_000, "max_depth"),
    ("top-list", "[1, 2]", "expected a table at the top"),
    ("no-format", '{"models": []}', "missing 'format'"),
    ("future-format", '{"format": 99}', "format 99 is newer"),
    ("format-string", '{"format": "1"}', "format must be an integer"),
    ("negative-format", '{"format": -1}', "unknown format -1"),
    ("unknown-group", '{"format": 1, "modles": []}', "did you mean 'models'"),
    ("group-not-list", '{"format": 1, "models": {}}', "expected a list of tables"),
    ("entry-not-table", '{"format": 1, "models": [1]}', "expected a table"),
    (
        "kind-not-string",
        '{"format": 1, "models": [{"kind": 1}]}',
        "kind must be a string",
    ),
    (
        "unknown-kind",
        '{"format": 1, "kind": "robot", "id": "r", "name": "R"}',
        "unknown kind 'robot'",
    ),
    (
        "missing-name",
        '{"format": 1, "kind": "llm", "id": "r"}',
        "required field missing",
    ),
    (
        "bad-id",
        '{"format": 1, "kind": "llm", "id": "R R", "name": "R"}',
        "not a lowercase slug (did you mean 'r-r'?)",
    ),
    (
        "huge-string-id",
        '{"format": 1, "kind": "llm", "id": "' + "a" * 100_000 + '!", "name": "R"}',
        "is 100,001 characters; ids are at most 200",
    ),
    (
        "wrong-list",
        '{"format": 1, "kind": "llm", "id": "r", "name": "R", "aliases": "R1"}',
        "expected a list",
    ),
    (
        "bool-for-list",
        '{"format": 1, "kind": "genai", "id": "r", "name": "R", '
        '"output_modalities": true}',
        "expected a list of modalities",
    ),
    (
        "number-for-modality",
        '{"format": 1, "kind": "genai", "id": "r", "name": "R", '
        '"output_modalities": [1]}',
        "a modality must be a string",
    ),
    (
        "llm-image",
        '{"format": 1, "kind": "llm", "id": "r", "name": "R", '
        '"output_modalities": ["image"]}',
        "an LLM outputs text only",
    ),
    (
        "bad-date",
        '{"format": 1, "kind": "llm", "id": "r", "name": "R", '
        '"released": "2023-02-30x"}',
        "is not a date",
    ),
    (
        "extra-key",
        '{"format": 1, "kind": "llm", "id": "r", "name": "R", "nmae": 1}',
        "unknown key 'nmae'",
    ),
    (
        "dangling",
        '{"format": 1, "kind": "llm", "id": "r", "name": "R", '
        '"powered_by": ["nothing"]}',
        "unknown ai-model 'nothing'",
    ),
    (
        "cycle",
        '{"format": 1, "models": ['
        '{"kind": "genai", "id": "a", "name": "A", "output_modalities": ["text"], '
        '"powered_by": ["b"], "category": "genai"}, '
        '{"kind": "genai", "id": "b", "name": "B", "output_modalities": ["text"], '
        '"powered_by": ["a"]}]}',
        "powered_by cycle: a -> b -> a",
    ),
    (
        "duplicate-ids",
        '{"format": 1, "organizations": ['
        '{"kind": "organization", "id": "a", "name": "A"}, '
        '{"kind": "organization", "id": "a", "name": "B"}]}',
        "duplicate id 'a'",
    ),
    (
        "citation-string",
        '{"format": 1, "kind": "organization", "id": "a", "name": "A", '
        '"provenance": ["x"]}',
        "expected a table (mapping) for Citation",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"),
    [(t, m) for _, t, m in MALFORMED],
    ids=[n for n, _, _ in MALFORMED],
)
def test_malformed_input_raises_a_named_library_error(
    text: str | bytes, message: str
) -> None:
    """Each malformed document raises TaxonomyError naming the problem; nothing else."""
    with pytest.raises(ai.TaxonomyError) as info:
        ai.loads(text, base=BASE if '"dangling"' in str(text) else None)
    assert message in str(info.value)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_loads_raises_only_library_errors(data: str | bytes) -> None:
    """Fuzz: arbitrary text or bytes load, or raise the library's error."""
    with contextlib.suppress(ai.AITaxonomyError):
        ai.loads(data)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300)
@given(
    st.dictionaries(
        st.sampled_from(["format", "models", "kind", "id", "name", "techniques", "x"]),
        _JSON_VALUES,
        max_size=5,
    )
)
def test_structured_garbage_raises_only_library_errors(
    document: dict[str, object],
) -> None:
    """Fuzz: JSON shaped like a catalog, with wrong types anywhere."""
    with contextlib.suppress(ai.AITaxonomyError):
        ai.loads(json.dumps(document), format="json")


def test_unknown_format_keyword() -> None:
    with pytest.raises(ai.errors.InvalidArgumentError, match="unknown format 'yaml'"):
        ai.loads("format = 1", format="yaml")  # type: ignore[arg-type]


# -- schema ----------------------------------------------------------------------


def test_schema_accepts_the_default_catalog_and_rejects_typos() -> None:
    schema = ai.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(json.loads(ai.dumps(BASE, format="json"))))
    single = {"format": 1, "kind": "llm", "id": "x", "name": "X"}
    assert validator.is_valid(single)
    assert not validator.is_valid({**single, "nmae": "typo"})
    assert not validator.is_valid({"format": 1, "models": [{**single, "id": "Bad Id"}]})


# -- duplicate JSON keys ------------------------------------------------------------

_ENTRY = '{"kind": "llm", "id": "a", "name": "A"}'
DUPLICATE_KEYS: list[tuple[str, str, str]] = [
    ("top", '{"format": 1, "format": 1}', "format"),
    ("top-spaced", '{"format" : 1, "models": [], "format"\n:1}', "format"),
    ("group", '{"format": 1, "models": [], "models": []}', "models"),
    (
        "entity",
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "id": "b"}]}',
        "id",
    ),
    (
        "second-entity",
        '{"format": 1, "models": [' + _ENTRY + ', {"kind": "llm", "id": "b", '
        '"name": "B", "name": "C"}]}',
        "name",
    ),
    (
        "single-entity",
        '{"format": 1, "kind": "llm", "id": "a", "name": "A", "id": "a"}',
        "id",
    ),
    (
        "citation",
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": "A", '
        '"provenance": [{"url": "https://x.org", "as_of": "2024", "url": "https://y"}]}]}',
        "url",
    ),
    (
        "under-an-unknown-key",
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": "A", '
        '"extra": {"x": 1, "x": 2}}]}',
        "x",
    ),
    ("in-a-list-of-lists", '{"format": 1, "models": [[{"a": 1, "a": 2}]]}', "a"),
    ("in-a-top-list", '[{"k": 1, "k": 1}]', "k"),
    ("empty-key", '{"": 1, "": 2}', ""),
    ("escaped-spelling", '{"format": 1, "\\u0066ormat": 1}', "format"),
    (
        "values-with-colons",
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": ":",'
        ' "name": "\\u003a", "description": "a\\":b"}]}',
        "name",
    ),
    # The innermost object closes first, so its duplicate is the one named.
    (
        "innermost-first",
        '{"format": 1, "format": 1, "models": [{"kind": "llm", "kind": "llm"}]}',
        "kind",
    ),
    # A duplicate before a syntax error is reported; the parser stops there.
    ("before-a-syntax-error", '{"format": 1, "models": [{"a": 1, "a": 2}, ]}', "a"),
    ("before-nan", '{"models": [{"a": 1, "a": 2}], "format": NaN}', "a"),
]


@pytest.mark.parametrize(
    ("text", "key"),
    [(t, k) for _, t, k in DUPLICATE_KEYS],
    ids=[n for n, _, _ in DUPLICATE_KEYS],
)
def test_duplicate_json_keys_are_found_at_every_level(text: str, key: str) -> None:
    """A key given twice in any JSON object is an error, whatever else is wrong."""
    for data in (text, text.encode()):
        with pytest.raises(ai.TaxonomyError) as info:
            ai.loads(data, base=BASE)
        assert [(p.message, p.path) for p in info.value.problems] == [
            (f"invalid JSON: duplicate key {key!r}", "$")
        ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A syntax error before the object with the duplicate closes wins.
        ('{"a": 1, "a": 2,}', "invalid JSON: Expecting property name"),
        ('{"format": NaN, "a": 1, "a": 2}', "invalid JSON: NaN is not a number"),
    ],
)
def test_errors_before_a_duplicate_key_are_reported_instead(
    text: str, message: str
) -> None:
    with pytest.raises(ai.TaxonomyError) as info:
        ai.loads(text)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].message.startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        # Strings that look like keys to a text scan, but are not duplicates.
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": ":)"}]}',
        '{"format": 1, "models": [{"kind": "llm", "id": "a", "name": " :",'
        ' "description": "\\":\\" x"}]}',
        '{"format" : 1, "models" :[{"kind"\t:"llm","id":"a","name":"A"}]}',
    ],
)
def test_keys_that_look_alike_are_not_duplicates(text: str) -> None:
    assert ai.loads(text, base=BASE)["a"].name.strip()


def _outcome(text: str) -> object:
    try:
        tax = ai.loads(text, base=BASE)
    except ai.TaxonomyError as exc:
        return [type(exc), *exc.problems]
    return ai.dumps(tax, format="json")


_ENTITY_KEYS = st.sampled_from(
    ["kind", "id", "name", "organization", "techniques", "provenance", "url", "as_of"]
)
_LEAVES = st.sampled_from(
    ["llm", "genai", "a", "b", "A", "openai", "diffusion", "https://x.org", "2024"]
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.dictionaries(
            _ENTITY_KEYS,
            st.recursive(
                _LEAVES | st.none() | st.integers(0, 3),
                lambda inner: (
                    st.lists(inner, max_size=2)
                    | st.dictionaries(_ENTITY_KEYS, inner, max_size=3)
                ),
                max_leaves=4,
            ),
            max_size=6,
        ),
        max_size=3,
    ),
    st.integers(0, 3),
)
def test_json_reads_the_same_the_quick_way_and_the_careful_way(
    entries: list[dict[str, object]], repeat_at: int
) -> None:
    """Law: a JSON text loads to the same taxonomy, or the same errors, both ways.

    A key is repeated in one entry when there is one at *repeat_at*.
    """
    text = json.dumps({"format": 1, "models": entries})
    if repeat_at < len(entries) and entries[repeat_at]:
        key = next(iter(entries[repeat_at]))
        start = text.index("{", text.index("[") + 1)
        for _ in range(repeat_at):
            start = text.index("{", start + 1)
        text = text[: start + 1] + f'"{key}": null, ' + text[start + 1 :]
    quick = _outcome(text)
    with mock.patch.object(ai_files, "_read_quickly", return_value=None):
        careful = _outcome(text)
    assert quick == careful


def _organizations(count: int, prefix: str = "o") -> str:
    rows = ", ".join(
        f'{{"kind": "organization", "id": "{prefix}{i}", "name": "O{i}"}}'
        for i in range(count)
    )
    return f'{{"format": 1, "organizations": [{rows}]}}'


@pytest.mark.parametrize("count", [1, 2, 5])
def test_max_entities_is_the_most_a_load_returns(count: int) -> None:
    """Exactly ``max_entities`` entities load; one more is refused, naming the limit."""
    limits = ai.Limits(max_entities=count)
    assert len(ai.loads(_organizations(count), limits=limits)) == count
    with pytest.raises(ai.errors.LimitError) as caught:
        ai.loads(_organizations(count + 1), limits=limits)
    (problem,) = caught.value.problems
    assert problem.message == (
        f"the number of entities ({count + 1}) is over the limit of {count}; "
        "pass limits=aitaxonomy.Limits(max_entities=...) to raise it"
    )


def test_max_entities_counts_a_directory_as_one_load(tmp_path: Path) -> None:
    """Across files: exactly the limit loads; one more names the file past it."""
    (tmp_path / "a.json").write_text(_organizations(2), encoding="utf-8")
    (tmp_path / "b.json").write_text(_organizations(2, "p"), encoding="utf-8")
    assert len(ai.load(tmp_path, limits=ai.Limits(max_entities=4))) == 4
    with pytest.raises(ai.errors.LimitError) as caught:
        ai.load(tmp_path, limits=ai.Limits(max_entities=3))
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        "the number of entities (4) is over the limit of 3;"
    )
    assert problem.file is not None
    assert problem.file.endswith("b.json")
