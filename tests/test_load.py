"""The one load pipeline: every source's problems point at file, path and field.

The packaged data, catalog files and plugins all go through
:func:`aitaxonomy._load.build`; ``kinds=`` and ``limits=`` hold on each.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy._kinds import KindRegistry, default_kinds
from aitaxonomy._load import Document, build, check_depth, shape_of
from aitaxonomy._taxonomy import check
from installed import install

if TYPE_CHECKING:
    from pathlib import Path

ARTICLE = ai.article_taxonomy()
LOST = {"kind": "llm", "id": "lost-7b", "name": "Lost", "organization": "nobody"}
UNKNOWN = "unknown organization 'nobody'"


def _problems(error: pytest.ExceptionInfo[ai.TaxonomyError]) -> list[str]:
    return [str(p) for p in error.value.problems]


# -- one problem, located the same way from every source ------------------------------


def test_a_packaged_style_document_points_at_its_file_and_field() -> None:
    documents = [
        Document(
            "catalog/organizations/acme.toml",
            {"format": 1, "kind": "organization", "id": "acme", "name": "Acme"},
        ),
        Document("catalog/models/lost-7b.toml", {"format": 1, **LOST}),
    ]
    with pytest.raises(ai.TaxonomyError) as info:
        build(documents, base=ARTICLE)
    assert _problems(info) == [
        f"{UNKNOWN} @ catalog/models/lost-7b.toml: $.organization"
    ]


def test_a_file_points_at_its_file_path_and_field(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        '{"format": 1, "organizations": [{"kind": "organization", "id": "acme",'
        ' "name": "Acme"}]}'
    )
    (tmp_path / "b.toml").write_text(
        "format = 1\n"
        '[[models]]\nkind = "llm"\nid = "fine-7b"\nname = "Fine"\n'
        '[[models]]\nkind = "llm"\nid = "lost-7b"\nname = "Lost"\n'
        'organization = "nobody"\n'
    )
    with pytest.raises(ai.TaxonomyError) as info:
        ai.load(tmp_path, base=ARTICLE)
    assert _problems(info) == [f"{UNKNOWN} @ b.toml: $.models[1].organization"]


def test_entities_given_as_a_document_point_at_their_place() -> None:
    fine = ai.LLM(id="fine-7b", name="Fine")
    lost = ai.LLM(id="lost-7b", name="Lost", organization="nobody")
    with pytest.raises(ai.TaxonomyError) as info:
        build([Document("plugin acme", entities=[fine, lost])], base=ARTICLE)
    assert _problems(info) == [f"{UNKNOWN} @ plugin acme: $[1].organization"]


def test_an_installed_plugin_points_at_its_name_and_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = """
    import aitaxonomy as ai

    def entities():
        return [
            ai.LLM(id="fine-7b", name="Fine"),
            ai.LLM(id="lost-7b", name="Lost", organization="nobody"),
        ]
    """
    install(
        tmp_path, "lost-catalog", "lost_catalog", code, "lost = lost_catalog:entities"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ai.TaxonomyError) as info:
        ai.installed_taxonomy(base=ARTICLE)
    assert _problems(info) == [f"{UNKNOWN} @ plugin lost: $[1].organization"]


def test_shapes_are_read_off_the_top_level() -> None:
    assert shape_of({"format": 1, "kind": "llm", "id": "x"}) == (("$", None),)
    assert shape_of(
        {"format": 1, "models": [{}, {}], "techniques": [{}], "odd": 3}
    ) == (("$.models", 2), ("$.techniques", 1))
    assert shape_of(["not", "a", "table"]) == ()


# -- kinds= on every path -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Robot(ai.AIModel):
    """A kind known to one registry only, bound to a category of its own."""

    KIND: ClassVar[str] = "robot"
    CATEGORY: ClassVar[str] = "robot-arms"


ROBOTS = KindRegistry(
    {**{n: default_kinds().cls(n) for n in default_kinds().names()}, "robot": Robot}
)
ARMS = {
    "kind": "category",
    "id": "robot-arms",
    "name": "Robot arms",
    "parent": "ai-model",
}


def test_kinds_name_what_data_may_hold() -> None:
    arm = {"kind": "robot", "id": "arm", "name": "Arm", "output_modalities": ["text"]}
    document = {"format": 1, "models": [arm]}
    with pytest.raises(
        ai.TaxonomyError, match=r"robot.* @ r\.json: \$\.models\[0\]\.kind"
    ):
        build([Document("r.json", document)], base=ARTICLE)
    tax = build(
        [Document("c.json", {"format": 1, **ARMS}), Document("r.json", document)],
        base=ARTICLE,
        kinds=ROBOTS,
    )
    assert type(tax["arm"]) is Robot


def test_kinds_bind_categories_for_entities_given() -> None:
    """A category a registered class stands for holds that class only."""
    arms = ai.Category(id="robot-arms", name="Robot arms", parent="ai-model")
    arm = ai.AIModel(id="arm", name="Arm", category="robot-arms")
    given = [Document("plugin acme", entities=[arms, arm])]
    assert "arm" in build(given, base=ARTICLE)
    with pytest.raises(ai.TaxonomyError) as info:
        build(given, base=ARTICLE, kinds=ROBOTS)
    assert _problems(info) == [
        "category 'robot-arms' is under 'robot-arms', but a model of kind 'ai-model' belongs under "
        "'ai-model' @ plugin acme: $[1].category"
    ]


def test_a_base_entity_keeps_its_id_path() -> None:
    """The base came from no document here: a problem with it names it by id."""
    arms = ai.Category(id="robot-arms", name="Robot arms", parent="ai-model")
    base = ARTICLE.extend(arms, ai.AIModel(id="arm", name="Arm", category="robot-arms"))
    with pytest.raises(ai.TaxonomyError) as info:
        build([Document("more.toml", {"format": 1})], base=base, kinds=ROBOTS)
    assert [p.path for p in info.value.problems] == ["$['arm'].category"]
    assert [p.file for p in info.value.problems] == [None]


# -- limits= on every path ----------------------------------------------------------


def _models(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"kind": "llm", "id": f"m-{i}", "name": f"M {i}"}
        for i in range(start, start + count)
    ]


@pytest.mark.parametrize(
    "documents",
    [
        pytest.param(
            [
                Document(f"m-{i}.toml", {"format": 1, **m})
                for i, m in enumerate(_models(3))
            ],
            id="packaged-style",
        ),
        pytest.param(
            [
                Document("m-0.toml", {"format": 1, "models": _models(1)}),
                Document("m-1.toml", {"format": 1, "models": _models(2, 1)}),
            ],
            id="grouped",
        ),
        pytest.param(
            [
                Document("m-0.toml", entities=[ai.LLM(id="m-0", name="M 0")]),
                Document(
                    "m-1.toml", entities=[ai.LLM(id=f"m-{i}", name="M") for i in (1, 2)]
                ),
            ],
            id="entities-given",
        ),
    ],
)
def test_max_entities_names_the_document_that_went_past_it(
    documents: list[Document],
) -> None:
    assert len(build(documents, base=ARTICLE)) == len(ARTICLE) + 3
    with pytest.raises(ai.errors.LimitError) as info:
        build(documents, base=ARTICLE, limits=ai.Limits(max_entities=len(ARTICLE) + 2))
    (problem,) = info.value.problems
    assert problem.file == documents[-1].file
    assert "max_entities" in problem.message


def test_max_depth_is_reported_for_a_document_with_problems() -> None:
    deep = {"format": 1, **LOST, "note": [[[["deep"]]]]}
    documents = [Document("deep.toml", deep)]
    with pytest.raises(ai.TaxonomyError) as info:
        build(documents, limits=ai.Limits(max_depth=3))
    assert type(info.value) is ai.errors.LimitError
    assert "max_depth" in str(info.value)
    assert [p.file for p in info.value.problems] == ["deep.toml"]
    with pytest.raises(ai.TaxonomyError) as info:
        build(documents)
    assert type(info.value) is ai.TaxonomyError


GROWING = """
import aitaxonomy as ai

def entities():
    return [ai.Organization(id="acme", name="Acme"), ai.LLM(id="acme-7b", name="A")]
"""


def test_installed_taxonomy_takes_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        tmp_path,
        "grow-catalog",
        "grow_catalog",
        GROWING,
        "grow = grow_catalog:entities",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    room = ai.Limits(max_entities=len(ARTICLE) + 2)
    assert "acme-7b" in ai.installed_taxonomy(base=ARTICLE, limits=room)
    tight = ai.Limits(max_entities=len(ARTICLE) + 1)
    with pytest.raises(ai.errors.LimitError, match="plugin grow"):
        ai.installed_taxonomy(base=ARTICLE, limits=tight)
    with pytest.warns(ai.errors.PluginWarning, match="catalog plugin grow left out"):
        assert (
            ai.installed_taxonomy(base=ARTICLE, limits=tight, on_error="warn")
            is ARTICLE
        )
    with pytest.raises(ai.errors.ArgumentTypeError, match="limits must be"):
        ai.installed_taxonomy(limits=3)  # type: ignore[arg-type]


def test_installed_taxonomy_reads_a_plugins_files_within_its_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / "files"
    catalog.mkdir()
    (catalog / "acme.toml").write_text(
        'format = 1\nkind = "organization"\nname = "A"\n'
    )
    code = f"from pathlib import Path\nCATALOG = Path({str(catalog)!r})\n"
    install(
        tmp_path, "path-catalog", "path_catalog", code, "files = path_catalog:CATALOG"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "acme" in ai.installed_taxonomy(base=ARTICLE)
    with pytest.raises(ai.errors.PluginError, match="max_bytes"):
        ai.installed_taxonomy(base=ARTICLE, limits=ai.Limits(max_bytes=10))


# -- ids that look like paths ---------------------------------------------------------

ODD_IDS = st.text(alphabet="ab'\"[]\\.$ ", min_size=1, max_size=8)


@given(st.lists(ODD_IDS, min_size=1, max_size=5, unique=True))
def test_any_id_is_located_by_place_not_by_its_spelling(ids: list[str]) -> None:
    """Law: whatever an id holds (quotes, brackets), its problem is found where it is.

    Ids are slugs when validators run; a path parsed back by regex could be
    fooled by one that is not, a place kept in parts cannot.
    """
    with attrs.validators.disabled():
        lost = [ai.LLM(id=i, name="Lost", organization="nobody") for i in ids]
    fine = ai.Organization(id="fine", name="Fine")
    with pytest.raises(ai.TaxonomyError) as info:
        build([Document("odd.toml", entities=[fine, *lost])], base=ARTICLE)
    assert [(p.file, p.path) for p in info.value.problems] == [
        ("odd.toml", f"$[{n}].organization") for n in range(1, len(ids) + 1)
    ]
    unplaced = check([*ARTICLE, *lost])
    assert [p.path for p in unplaced] == [f"$[{i!r}].organization" for i in ids]


# -- a base is trusted for its links, never for its rules ---------------------------


def test_extending_a_base_checks_only_what_is_added_for_links() -> None:
    """A load on a base finds a bad link among the additions, pointed at."""
    models = [
        {"kind": "llm", "id": f"m{i}", "name": "M", "organization": "openai"}
        for i in range(20)
    ]
    models[7]["organization"] = "openia"
    text = json.dumps({"format": 1, "models": models})
    with pytest.raises(ai.TaxonomyError) as caught:
        ai.loads(text, base=ai.default_taxonomy())
    assert _problems(caught) == [
        "unknown organization 'openia' (did you mean 'openai' or 'pika'?) "
        "@ $.models[7].organization"
    ]


@pytest.mark.usefixtures("fresh_kinds")
def test_a_kind_registered_since_can_break_a_base_and_a_load_says_so() -> None:
    """Registering binds a category to a class: a base model in it breaks a rule."""
    bound = ai.Category(id="test-bound-category", name="Bound", parent="genai")
    painter = ai.GenAI(
        id="test-painter",
        name="Painter",
        output_modalities="image",
        category="test-bound-category",
    )
    base = ai.Taxonomy([*ai.article_taxonomy(), bound, painter])

    @ai.register_kind("test-bound-genai")
    @attrs.frozen(kw_only=True)
    class Bound(ai.GenAI):
        CATEGORY: ClassVar[str] = "test-bound-category"

    with pytest.raises(ai.TaxonomyError, match="test-painter") as caught:
        ai.loads('{"format": 1}', base=base)
    assert (
        "is under 'test-bound-category', but a model of kind 'genai' belongs under 'genai'"
        in str(caught.value)
    )
    assert Bound.KIND == "test-bound-genai"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            [
                {"kind": "category", "id": "c1", "name": "C1", "parent": "c2"},
                {"kind": "category", "id": "c2", "name": "C2", "parent": "c1"},
            ],
            "parent cycle: c1 -> c2 -> c1",
        ),
        (
            [
                {
                    "kind": "job-type",
                    "id": "odd-job",
                    "name": "Odd",
                    "outputs": ["label"],
                    "generative": False,
                    "category": "genai",
                }
            ],
            "a non-generative job belongs outside 'genai'",
        ),
    ],
    ids=["cycle", "job-rule"],
)
def test_a_load_onto_a_base_still_checks_its_additions_rules(
    entries: list[dict[str, object]], message: str
) -> None:
    """The base's own cycles and job rules are skipped; the additions' are not."""
    groups: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        group = "categories" if entry["kind"] == "category" else "job_types"
        groups.setdefault(group, []).append(entry)
    with pytest.raises(ai.TaxonomyError, match=message):
        ai.loads(json.dumps({"format": 1, **groups}), base=ai.default_taxonomy())


# -- limits: exact messages, and both sides of each boundary ------------------------


@pytest.mark.parametrize("document", ["flat", 3, {}, [], {"a": 1}, ["x", None]])
def test_a_flat_document_is_within_any_depth(document: object) -> None:
    check_depth(document, ai.Limits(max_depth=1), "d.toml")


@pytest.mark.parametrize(
    ("document", "depth"),
    [
        ({"a": [1, 2]}, 2),
        ({"a": [1, {"b": [3]}], "c": {}}, 4),
        ([[[[[]]]]], 5),
        ({"a": {"b": 1}, "c": [[{"d": [[]]}]]}, 6),
    ],
)
def test_depth_is_refused_just_past_the_limit(document: object, depth: int) -> None:
    check_depth(document, ai.Limits(max_depth=depth), "d.toml")
    with pytest.raises(ai.errors.LimitError) as info:
        check_depth(document, ai.Limits(max_depth=depth - 1), "d.toml")
    assert info.value.problems == (
        ai.Problem(
            f"the nesting is over the limit of {depth - 1} levels; pass "
            "limits=aitaxonomy.Limits(max_depth=...) to raise it",
            "$",
            "d.toml",
        ),
    )


@pytest.mark.parametrize("given", [True, False])
def test_max_entities_is_exact_on_both_sides(given: bool) -> None:
    models = [{"kind": "llm", "id": f"m-{i}", "name": f"M {i}"} for i in range(3)]
    document = (
        Document(
            "m.toml", entities=[ai.LLM(id=m["id"], name=m["name"]) for m in models]
        )
        if given
        else Document("m.toml", {"format": 1, "models": models})
    )
    room = len(ARTICLE) + 3
    exact = build([document], base=ARTICLE, limits=ai.Limits(max_entities=room))
    assert len(exact) == room
    with pytest.raises(ai.errors.LimitError) as info:
        build([document], base=ARTICLE, limits=ai.Limits(max_entities=room - 1))
    assert info.value.problems == (
        ai.Problem(
            f"the number of entities ({room:,}) is over the limit of {room - 1:,}; pass "
            "limits=aitaxonomy.Limits(max_entities=...) to raise it",
            "$",
            "m.toml",
        ),
    )


def test_documents_read_together_keep_each_ones_place() -> None:
    """Data and entities given, mixed: a problem points at the right file and entry."""
    documents = [
        Document("a.toml", {"format": 1, "models": [_model("a-0"), _model("a-1")]}),
        Document("b.toml", entities=[ai.LLM(id="b-0", name="B")]),
        Document("c.toml", {"format": 1, "models": [LOST]}),
    ]
    with pytest.raises(ai.TaxonomyError) as info:
        build(documents, base=ARTICLE)
    assert [(p.file, p.path) for p in info.value.problems] == [
        ("c.toml", "$.models[0].organization")
    ]
    fine = build(documents[:2], base=ARTICLE)
    assert {"a-0", "a-1", "b-0"} <= {m.id for m in fine.models()}


def _model(id_: str) -> dict[str, str]:
    return {"kind": "llm", "id": id_, "name": id_.upper()}


def test_a_slow_read_names_the_document_past_the_limit() -> None:
    """A kind of the user's own takes the detailed path: the limit still names the file."""
    robots = [
        {
            "kind": "robot",
            "id": f"r-{i}",
            "name": "R",
            "input_modalities": ["text"],
            "output_modalities": ["action"],
        }
        for i in range(2)
    ]
    documents = [
        Document("arms.toml", {"format": 1, "categories": [ARMS]}),
        Document("robots.toml", {"format": 1, "models": robots}),
    ]
    room = len(ARTICLE) + 3
    assert len(build(documents, base=ARTICLE, kinds=ROBOTS)) == room
    with pytest.raises(ai.errors.LimitError) as info:
        build(
            documents,
            base=ARTICLE,
            kinds=ROBOTS,
            limits=ai.Limits(max_entities=room - 1),
        )
    assert [p.file for p in info.value.problems] == ["robots.toml"]
