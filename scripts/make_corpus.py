"""Write the malformed-input corpus in tests/corpus/ (regenerate after format changes).

    python scripts/make_corpus.py

Each case is a file that must fail to load with a TaxonomyError. Its expected
message fragment, chosen here by what the case breaks, goes in
tests/corpus/expected.json; tests/test_reliability.py loads every file and
checks the error. Bad choose() arguments are in tests/corpus/choose.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus"

MODEL: dict[str, Any] = {
    "kind": "genai",
    "id": "corpus-model",
    "name": "Corpus model",
    "organization": "openai",
    "input_modalities": ["text"],
    "output_modalities": ["image"],
    "techniques": ["diffusion"],
    "use_cases": ["art_design"],
    "powered_by": ["dall-e"],
    "domains": ["design"],
    "open_weights": False,
    "on_device": False,
    "released": "2024-01",
    "product": False,
    "parameters": 1000,
    "license": "MIT",
    "provider": "openai",
    "aliases": ["Corpus"],
    "description": "A model for the corpus.",
    "provenance": [{"url": "https://example.org/m", "as_of": "2026-11-28"}],
}
WRONG_VALUES: dict[str, Any] = {
    "int": 7,
    "float": 1.5,
    "bool": True,
    "list": [1],
    "table": {"a": 1},
    "null": None,
}
EXPECTED_FOR_FIELD = {
    "kind": "kind must be a string",
    "id": "",
    "name": "",
    "input_modalities": "",
    "output_modalities": "",
}


def document(*models: dict[str, Any], **groups: Any) -> dict[str, Any]:
    """A catalog document holding *models*."""
    return {"format": 1, "models": list(models), **groups}


def toml_text(data: dict[str, Any]) -> str:
    """*data* written as TOML, by the library's own writer."""
    from aitaxonomy._toml import dumps_toml  # noqa: PLC0415

    return dumps_toml(data)


def cases() -> dict[str, tuple[bytes, str]]:  # noqa: C901, PLR0912, PLR0915  # a table
    """Every case: file name -> (bytes, expected message fragment)."""
    out: dict[str, tuple[bytes, str]] = {}

    def add(name: str, data: bytes | str | dict[str, Any], expect: str) -> None:
        if isinstance(data, dict):
            data = json.dumps(data)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        out[name] = (raw, expect)

    valid_json = json.dumps(document(MODEL), indent=1)
    valid_toml = toml_text(document(MODEL))
    # Truncations at every tenth of the file.
    for step in range(1, 30):
        cut = len(valid_json) * step // 30
        add(f"truncated-json-{step:02d}.json", valid_json[:cut], "invalid JSON")
    for step in range(1, 30):
        cut = len(valid_toml) * step // 30
        text = valid_toml[:cut]
        add(f"truncated-toml-{step:02d}.toml", text, "")
    # Every field, every wrong type.
    for field in MODEL:
        for label, value in WRONG_VALUES.items():
            if field in {"open_weights", "on_device"} and label in {"null", "bool"}:
                continue  # true, false, or null for "unknown": all valid
            if (field, label) in {("product", "bool"), ("parameters", "int")}:
                continue  # the right type: valid
            if (
                field
                in {"organization", "released", "license", "provider", "parameters"}
                and label == "null"
            ):
                continue  # an optional field set to null: valid
            broken = {**MODEL, field: value}
            add(f"type-{field}-{label}.json", document(broken), "")
    # Each field removed where it is required.
    for field in ("kind", "id", "name"):
        broken = {k: v for k, v in MODEL.items() if k != field}
        expect = "missing 'kind'" if field == "kind" else "required field missing"
        add(f"missing-{field}.json", document(broken), expect)
    # Strings where lists belong (never split into characters).
    for field in ("input_modalities", "techniques", "aliases", "provenance"):
        add(
            f"string-for-list-{field}.json",
            document({**MODEL, field: "x"}),
            "expected a list",
        )
    # Bad values of the right type.
    bad_values: list[tuple[str, Any, str]] = [
        ("id", "Not A Slug", "not a lowercase slug"),
        ("id", "", "not a lowercase slug"),
        ("id", "a" * 300, "ids are at most 200"),
        ("id", "-x", "not a lowercase slug"),
        ("id", "x//y", "not a lowercase slug"),
        ("name", "   ", "must not be empty"),
        ("released", "2024-13", "is not a date"),
        ("released", "2024-02-30x", "is not a date"),
        ("released", "yesterday", "is not a date"),
        ("parameters", 0, "positive whole number"),
        ("parameters", -5, "positive whole number"),
        ("parameters", 10**18, "is it a typo"),
        ("input_modalities", ["smell"], "unknown modality 'smell'"),
        ("input_modalities", ["imgae"], "did you mean 'image'"),
        ("output_modalities", ["embedding"], "generative AI produces content"),
        ("techniques", ["a", "a"], "more than once"),
        ("techniques", ["Bad Id"], "not a lowercase slug"),
        ("aliases", [""], "non-empty strings"),
        ("provenance", [{"url": "https://x.org"}], "needs as_of"),
        (
            "provenance",
            [{"url": "http://x.org", "as_of": "2026-01-01"}],
            "https:// address",
        ),
        ("provenance", [{}], "needs an article section or a url"),
        ("provenance", [{"section": "intro", "colour": "red"}], "unknown key 'colour'"),
        ("provenance", ["article"], "expected a table (mapping) for Citation"),
    ]
    for index, (field, value, expect) in enumerate(bad_values):
        add(
            f"value-{index:02d}-{field}.json", document({**MODEL, field: value}), expect
        )
    for modality in ("image", "audio", "music", "speech", "video", "code", "embedding"):
        llm = {**MODEL, "kind": "llm", "output_modalities": ["text", modality]}
        add(f"llm-outputs-{modality}.json", document(llm), "an LLM outputs text only")
    add(
        "llm-without-text-input.json",
        document(
            {
                **MODEL,
                "kind": "llm",
                "input_modalities": ["image"],
                "output_modalities": ["text"],
            }
        ),
        "input_modalities lack text",
    )
    # Unknown keys and kinds.
    for key in ("nmae", "outputs", "Organization", "id ", "x" * 100):
        add(
            f"unknown-key-{len(out)}.json", document({**MODEL, key: "v"}), "unknown key"
        )
    for kind in ("lml", "GenAI", "model", "", "llm ", "technique"):
        expect = "does not belong in this list" if kind == "technique" else "kind"
        add(f"unknown-kind-{len(out)}.json", document({**MODEL, "kind": kind}), expect)
    for group in ("modles", "Models", "entities", "model"):
        add(f"unknown-group-{group}.json", {"format": 1, group: [MODEL]}, "unknown key")
    # Format versions.
    for version, expect in (
        (2, "is newer"),
        (99, "is newer"),
        (0, "unknown format"),
        (-1, "unknown format"),
        ("1", "must be an integer"),
        (1.0, "must be an integer"),
        (True, "must be an integer"),
        (None, "missing 'format'"),
    ):
        data = (
            {"models": [MODEL]}
            if version is None
            else {"format": version, "models": [MODEL]}
        )
        add(f"format-{len(out)}.json", data, expect)
    # References that do not resolve, and of the wrong kind.
    dangling = [
        ("organization", "nobody", "unknown organization 'nobody'"),
        ("organization", "opneai", "did you mean 'openai'"),
        ("techniques", ["difusion"], "did you mean 'diffusion'"),
        ("use_cases", ["art"], "unknown use-case 'art'"),
        ("powered_by", ["gpt-5000"], "unknown ai-model 'gpt-5000'"),
        ("powered_by", ["openai"], "is a organization, not a ai-model"),
        ("category", "llm", "is under 'llm', but a genai"),
        ("category", "robots", "unknown category 'robots'"),
        ("provenance", [{"section": "chapter-9"}], "unknown section 'chapter-9'"),
    ]
    for index, (field, value, expect) in enumerate(dangling):
        add(f"dangling-{index}-{field}.json", document({**MODEL, field: value}), expect)

    # Cycles.
    def genai(model_id: str, *powered_by: str) -> dict[str, Any]:
        return {
            "kind": "genai",
            "id": model_id,
            "name": model_id,
            "output_modalities": ["text"],
            "powered_by": list(powered_by),
        }

    add("cycle-self.json", document(genai("a", "a")), "powered_by cycle: a -> a")
    add(
        "cycle-two.json", document(genai("a", "b"), genai("b", "a")), "powered_by cycle"
    )
    add(
        "cycle-three.json",
        document(genai("a", "b"), genai("b", "c"), genai("c", "a")),
        "powered_by cycle: a -> b -> c -> a",
    )
    add(
        "cycle-techniques.json",
        {
            "format": 1,
            "techniques": [
                {"kind": "technique", "id": "t1", "name": "T1", "part_of": "t2"},
                {"kind": "technique", "id": "t2", "name": "T2", "part_of": "t1"},
            ],
        },
        "part_of cycle",
    )
    add(
        "cycle-categories.json",
        {
            "format": 1,
            "categories": [
                {"kind": "category", "id": "c1", "name": "C1", "parent": "c2"},
                {"kind": "category", "id": "c2", "name": "C2", "parent": "c1"},
            ],
        },
        "parent cycle",
    )
    # Duplicate ids: with the packaged data, within a file, across kinds.
    add(
        "duplicate-with-default.json",
        document({**MODEL, "id": "gpt-4"}),
        "duplicate id 'gpt-4'",
    )
    add("duplicate-in-file.json", document(MODEL, MODEL), "duplicate id 'corpus-model'")
    add(
        "duplicate-across-kinds.json",
        {
            "format": 1,
            "models": [MODEL],
            "organizations": [
                {"kind": "organization", "id": "corpus-model", "name": "X"}
            ],
        },
        "duplicate id 'corpus-model'",
    )
    add(
        "duplicate-json-key.json",
        '{"format": 1, "models": [{"kind": "genai", "id": "a", "id": "b"}]}',
        "duplicate key 'id'",
    )
    add("duplicate-toml-key.toml", "format = 1\nformat = 2\n", "invalid TOML")
    # Encodings.
    for index, position in enumerate(range(0, len(valid_json), len(valid_json) // 24)):
        raw = valid_json.encode()
        add(
            f"invalid-utf8-{index:02d}.json",
            raw[:position] + b"\xff\xfe\xc3" + raw[position:],
            "not valid UTF-8",
        )
    add("bom-utf8.json", b"\xef\xbb\xbf" + valid_json.encode(), "byte-order mark")
    add("bom-utf8.toml", b"\xef\xbb\xbf" + valid_toml.encode(), "byte-order mark")
    add("utf16.json", valid_json.encode("utf-16"), "not valid UTF-8")
    add("nul-bytes.toml", b"format = 1\x00\n", "invalid TOML")
    # Numbers and sizes.
    add("huge-int-json.json", '{"format": 1' + "0" * 5000 + "}", "invalid JSON")
    add("nan.json", '{"format": NaN}', "not a number JSON allows")
    add("infinity.json", '{"format": Infinity}', "not a number JSON allows")
    add("huge-float.json", document({**MODEL, "parameters": 1e400}), "")
    add(
        "huge-string-name.json",
        document({**MODEL, "name": 7, "description": "x" * 10**6}),
        "expected a string",
    )
    # Nesting.
    for depth in (40, 100, 1000, 100_000):
        add(
            f"deep-json-{depth}.json",
            '{"format": 1, "x": ' + "[" * depth + "]" * depth + "}",
            "",
        )
        add(
            f"deep-toml-{depth}.toml",
            "format = 1\nx = " + "[" * depth + "]" * depth,
            "",
        )
    # Shapes.
    shapes: list[tuple[str, object, str]] = [
        ("top-list", [MODEL], "expected a table at the top"),
        ("top-string", "catalog", "expected a table at the top"),
        ("top-number", 3, "expected a table at the top"),
        ("group-table", {"format": 1, "models": {"a": MODEL}}, "expected a list"),
        ("entry-string", {"format": 1, "models": ["x"]}, "expected a table"),
        ("entry-list", {"format": 1, "models": [[MODEL]]}, "expected a table"),
        ("entry-null", {"format": 1, "models": [None]}, "expected a table"),
        ("empty-object", {}, "missing 'format'"),
    ]
    for name, shape, expect in shapes:
        add(f"shape-{name}.json", json.dumps(shape), expect)
    add("empty.toml", "", "missing 'format'")
    add("empty.json", "", "invalid JSON")
    add("whitespace.json", "   \n", "invalid JSON")
    add("toml-not-toml.toml", "this is : not toml", "invalid TOML")
    add("json-trailing-comma.json", '{"format": 1,}', "invalid JSON")
    add("yaml-tag.toml", "format = !!python/object:os.system 1", "invalid TOML")
    add("pickle.json", b"\x80\x04\x95", "not valid UTF-8")
    return out


CHOOSE = [
    ({}, "NoMatchError"),
    ({"modalities": []}, "NoMatchError"),
    ({"modalities": "smell"}, "InvalidArgumentError"),
    ({"modalities": ["text", "smell"]}, "InvalidArgumentError"),
    ({"modalities": 3}, "ArgumentTypeError"),
    ({"modalities": [3]}, "ArgumentTypeError"),
    ({"modalities": [None]}, "ArgumentTypeError"),
    ({"modalities": {"a": 1}}, "InvalidArgumentError"),
    ({"task": ""}, "InvalidArgumentError"),
    ({"task": "   "}, "InvalidArgumentError"),
    ({"task": 42}, "ArgumentTypeError"),
    ({"task": ["write code"]}, "ArgumentTypeError"),
    ({"task": {"x": 1}}, "ArgumentTypeError"),
    ({"task": "hello there, how are you today"}, "NoMatchError"),
    ({"task": "zzzz qqqq"}, "NoMatchError"),
    ({"inputs": "smell", "modalities": "text"}, "InvalidArgumentError"),
    ({"inputs": 5, "modalities": "text"}, "ArgumentTypeError"),
    ({"modalities": "text", "open_weights": "yes"}, "ArgumentTypeError"),
    ({"modalities": "text", "on_device": 1}, "ArgumentTypeError"),
    ({"modalities": "text", "domain": ""}, "ArgumentTypeError"),
    ({"modalities": "text", "domain": 7}, "ArgumentTypeError"),
]


def main() -> int:
    """Rewrite tests/corpus/ from scratch."""
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    import aitaxonomy as ai  # noqa: PLC0415

    expected = {}
    for name, (raw, expect) in sorted(cases().items()):
        (OUT / name).write_bytes(raw)
        try:  # a truncation can land on a line break and stay valid: drop it
            ai.load(OUT / name, base=ai.default_taxonomy())
        except ai.TaxonomyError:
            expected[name] = expect
        else:
            (OUT / name).unlink()
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    (OUT / "choose.json").write_text(
        json.dumps([{"kwargs": k, "error": e} for k, e in CHOOSE], indent=1) + "\n"
    )
    print(f"{len(expected)} malformed catalogs, {len(CHOOSE)} bad choose() calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
