"""The errors: one home, the base-class promise, pickling, truthful lookups."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import importlib
import inspect
import pickle
import pkgutil
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy import adapters, errors
from aitaxonomy._data import packaged

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

TAX = ai.default_taxonomy()

# -- one home --------------------------------------------------------------------------

MODULES = [
    importlib.import_module(info.name)
    for info in pkgutil.walk_packages(ai.__path__, prefix="aitaxonomy.")
    if not info.name.endswith("__main__")
]


def _defined_in(module: object) -> list[type[BaseException]]:
    """The exception and warning classes *module* itself defines."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseException)
        and value.__module__ == errors.__name__
    ]


CLASSES = sorted(_defined_in(errors), key=lambda cls: cls.__qualname__)
PUBLIC = [cls for cls in CLASSES if not cls.__name__.startswith("_")]


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set()
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        found |= {sub, *_subclasses(sub)}
    return found


def test_every_library_error_lives_in_the_errors_module() -> None:
    """With every module imported, no error or warning class is defined elsewhere."""
    assert MODULES  # the walk imported the package's modules
    library = {
        cls
        for cls in _subclasses(ai.AITaxonomyError) | _subclasses(Warning)
        if cls.__module__.startswith("aitaxonomy")
    }
    assert library
    assert {cls.__module__ for cls in library} == {"aitaxonomy.errors"}
    assert set(PUBLIC) <= {getattr(errors, name) for name in errors.__all__}


def test_errors_all_is_every_public_class() -> None:
    assert sorted(errors.__all__) == sorted(
        [cls.__name__ for cls in PUBLIC] + ["Problem"]
    )


@pytest.mark.parametrize("name", sorted(errors.__all__))
def test_top_level_names_are_the_same_objects(name: str) -> None:
    """``aitaxonomy.X is aitaxonomy.errors.X`` wherever both exist."""
    if name in ai.__all__:
        assert getattr(ai, name) is getattr(errors, name)


def test_every_exported_error_is_in_the_errors_module() -> None:
    for name in ai.__all__:
        value = getattr(ai, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert value is getattr(errors, name)
    assert adapters.AdapterError is errors.AdapterError


@pytest.mark.parametrize("cls", [c for c in PUBLIC if c is not ai.errors.PluginWarning])
def test_every_error_is_a_library_error_and_a_builtin(cls: type) -> None:
    """The base catches it all; a builtin base keeps older ``except`` clauses."""
    assert issubclass(cls, ai.AITaxonomyError)
    if cls is not ai.AITaxonomyError:
        assert issubclass(cls, ValueError | TypeError | LookupError | RuntimeError)


def test_the_message_helpers_stay_private() -> None:
    for name in ("suggest", "shown", "did_you_mean", "article"):
        assert not hasattr(errors, name)
        assert name not in ai.__all__


# -- pickling --------------------------------------------------------------------------

_PROBLEMS = (
    ai.Problem("unknown organization 'acme'", "$.models[0].organization", "a.toml"),
    ai.Problem("duplicate id 'x'", "$[1].id"),
)

# One instance of every class in aitaxonomy.errors, built as the library builds
# them; test_examples_cover_every_class fails when a new class has none.
EXAMPLES: dict[type[BaseException], BaseException] = {
    errors.AITaxonomyError: errors.AITaxonomyError("something went wrong"),
    errors.AdapterError: errors.AdapterError(
        "LiteLLM's map is a JSON object, not list"
    ),
    errors.ArgumentTypeError: errors.ArgumentTypeError("limit must be a whole number"),
    errors.InvalidArgumentError: errors.InvalidArgumentError(
        "limit must be at least 1"
    ),
    errors.InvalidEntityError: errors.InvalidEntityError(
        "'pix': an LLM outputs text only", field="output_modalities"
    ),
    errors._EntityTypeError: errors._EntityTypeError(
        "id must be a string, not int", field="id"
    ),
    errors.InvalidKindError: errors.InvalidKindError("kind name 'X' is not a slug"),
    errors.InvalidModalityError: errors.InvalidModalityError("unknown modality 'x'"),
    errors._WrongTypeError: errors._WrongTypeError("a modality must be a string"),
    errors.LimitError: errors.LimitError([ai.Problem("the input is over the limit")]),
    errors.NoMatchError: errors.NoMatchError("no job could be read in the task"),
    errors.PluginError: errors.PluginError("acme = acme:entities", "failed: boom"),
    errors.PluginWarning: errors.PluginWarning("catalog plugin acme: failed"),
    errors.TaxonomyError: errors.TaxonomyError(_PROBLEMS),
    errors.UnknownIdError: errors.UnknownIdError(
        "openai", ("openai-o1",), expected="model", actual="organisation"
    ),
    errors.UnknownKindError: errors.UnknownKindError("lmm", ("llm",)),
    errors._RuleError: errors._RuleError("unknown key 'whn'", "$.rules[0].whn"),
}


def _raised(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except ai.AITaxonomyError as exc:
        return exc
    raise AssertionError("expected an error")  # pragma: no cover


# Errors as the library raises them, causes, notes and all.
RAISED = {
    "wrong kind": lambda: TAX.model("openai"),
    "unknown id": lambda: TAX["gtp-4"],
    "many problems": lambda: ai.loads("format = 1\n[[models]]\nkind = 'llm'\n"),
    "limit": lambda: ai.loads("format = 1", limits=ai.Limits(max_bytes=1)),
    "entity": lambda: ai.LLM(id="x", name="X", output_modalities={"image"}),
    "entity type": lambda: ai.LLM(id=3, name="X"),  # type: ignore[arg-type]
    "modality type": lambda: ai.Modality.parse(3),
    "choose": lambda: ai.choose(limit=0),
    "kind": lambda: ai.register_kind("Bad Name", ai.LLM),
    "pipeline tag": lambda: adapters.pipeline_tag("text-to-imge"),
}


def test_examples_cover_every_class() -> None:
    assert set(EXAMPLES) == set(CLASSES)
    assert all(type(example) is cls for cls, example in EXAMPLES.items())


def _round_trip(error: BaseException, protocol: int | None = None) -> Any:
    return pickle.loads(pickle.dumps(error, protocol))  # noqa: S301  # our own bytes


def _assert_same(before: BaseException, after: BaseException) -> None:
    assert type(after) is type(before)
    assert str(after) == str(before)
    assert repr(after) == repr(before)
    assert after.args == before.args
    assert vars(after) == vars(before)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_class_survives_pickling(cls: type, protocol: int) -> None:
    before = EXAMPLES[cls]
    _assert_same(before, _round_trip(before, protocol))


@pytest.mark.parametrize("call", RAISED.values(), ids=list(RAISED))
def test_raised_errors_survive_pickling_and_copying(
    call: Callable[[], object],
) -> None:
    before = _raised(call)
    for after in (
        _round_trip(before),
        copy.copy(before),
        copy.deepcopy(before),
    ):
        _assert_same(before, after)


def test_notes_survive_pickling() -> None:
    before = errors.PluginError("acme = acme:entities", "failed")
    before.add_note("while loading the default taxonomy")
    after = _round_trip(before)
    assert after.__notes__ == ["while loading the default taxonomy"]


def _look_up_in_a_worker(key: str) -> object:
    return ai.default_taxonomy().model(key)


def test_an_error_raised_in_a_worker_process_arrives_whole() -> None:
    """What multiprocessing needs: the worker's error, re-raised here, unchanged."""
    expected = _raised(lambda: TAX.model("openai"))
    with (
        concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool,
        pytest.raises(ai.errors.UnknownIdError) as caught,
    ):
        pool.submit(_look_up_in_a_worker, "openai").result()
    assert str(caught.value) == str(expected)
    assert vars(caught.value) == vars(expected)


_messages = st.text(max_size=40)
_problems = st.builds(
    ai.Problem, _messages, _messages, st.none() | st.text(min_size=1, max_size=10)
)
_instances = st.one_of(
    st.builds(errors.InvalidEntityError, _messages, field=st.none() | _messages),
    st.builds(
        errors.UnknownIdError,
        _messages,
        st.lists(sts.ids, max_size=3).map(tuple),
        label=_messages,
        expected=st.none() | _messages,
        actual=st.none() | _messages,
    ),
    st.builds(
        errors.UnknownKindError, _messages, st.lists(sts.ids, max_size=3).map(tuple)
    ),
    st.builds(errors.TaxonomyError, st.lists(_problems, max_size=5)),
    st.builds(errors.LimitError, st.lists(_problems, max_size=2)),
    st.builds(errors.PluginError, _messages, _messages),
    st.builds(errors._RuleError, _messages, st.none() | _messages),
    st.builds(errors.InvalidArgumentError, _messages),
    st.builds(errors.ArgumentTypeError, _messages),
)


@given(error=_instances, protocol=st.integers(0, pickle.HIGHEST_PROTOCOL))
def test_any_message_and_attributes_survive_pickling(
    error: BaseException, protocol: int
) -> None:
    _assert_same(error, _round_trip(error, protocol))


@given(problems=st.lists(_problems, max_size=5))
def test_taxonomy_error_lists_each_problem_once(problems: list[ai.Problem]) -> None:
    error = _round_trip(ai.TaxonomyError(problems))
    assert error.problems == tuple(problems)
    lines = str(error).split("\n  ")
    assert lines[0].startswith(f"{len(problems)} problem")
    assert lines[1:] == [str(p) for p in problems]


# -- every raise is a library error -------------------------------------------------

_T = TAX


def _unwritable() -> ai.Taxonomy:
    """A taxonomy holding a value no catalog format can hold, as a custom kind may."""
    odd = ai.LLM(id="odd", name="Odd")
    object.__setattr__(odd, "name", dt.date(2020, 1, 1))  # past the validators
    return ai.article_taxonomy().extend(odd)


def _dump_into(path: Path) -> None:
    ai.dump(TAX, path / "out.toml", format="yaml")  # type: ignore[arg-type]


# (call, the builtin it also is, what the message must quote)
BAD_CALLS: dict[str, tuple[Callable[[Path], object], type[Exception], str]] = {
    "export format": (lambda _: ai.export(_T, "svg"), ValueError, "'svg'"),  # type: ignore[arg-type]
    "export typo": (lambda _: ai.export(_T, "jsn"), ValueError, "did you mean 'json'"),  # type: ignore[arg-type]
    "export taxonomy": (lambda _: ai.export([], "json"), TypeError, "list"),  # type: ignore[arg-type]
    "models domain": (lambda _: _T.models(domain=["legal"]), TypeError, "['legal']"),  # type: ignore[arg-type]
    "dumps exclude ids": (
        lambda _: ai.dumps(_T, exclude=["gpt-4"]),  # type: ignore[arg-type]
        TypeError,
        "['gpt-4']",
    ),
    "dump path": (lambda _: ai.dump(_T, 1), TypeError, "int 1"),  # type: ignore[arg-type]
    "limits type": (lambda _: ai.Limits(max_bytes="x"), TypeError, "'x'"),  # type: ignore[arg-type]
    "limits bool": (lambda _: ai.Limits(max_depth=True), TypeError, "True"),
    "limits zero": (lambda _: ai.Limits(max_entities=0), ValueError, "not 0"),
    "merge": (lambda _: _T.merge([]), TypeError, "not list []"),  # type: ignore[arg-type]
    "stale word": (lambda _: _T.stale("soon"), ValueError, "'soon'"),
    "stale month": (lambda _: _T.stale("2026-13"), ValueError, "'2026-13'"),
    "stale type": (lambda _: _T.stale(20261201), ValueError, "20261201"),  # type: ignore[arg-type]
    "on_error": (
        lambda _: ai.installed_taxonomy(on_error="ignore"),  # type: ignore[arg-type]
        ValueError,
        "'ignore'",
    ),
    "dumps taxonomy": (lambda _: ai.dumps([]), TypeError, "not list []"),  # type: ignore[arg-type]
    "dumps format": (lambda _: ai.dumps(_T, format="yaml"), ValueError, "'yaml'"),  # type: ignore[arg-type]
    "dump format": (_dump_into, ValueError, "'yaml'"),
    "dump taxonomy": (lambda p: ai.dump({}, p / "x.toml"), TypeError, "dict {}"),  # type: ignore[arg-type]
    "loads format": (
        lambda _: ai.loads("format = 1", format="tomll"),  # type: ignore[arg-type]
        ValueError,
        "did you mean 'toml'",
    ),
    "load format": (
        lambda p: ai.load(p, format="yml"),  # type: ignore[arg-type]
        ValueError,
        "'yml'",
    ),
    "loads text": (lambda _: ai.loads(42), TypeError, "int 42"),  # type: ignore[arg-type]
    "loads limits": (
        lambda _: ai.loads("format = 1", limits=5),  # type: ignore[arg-type]
        TypeError,
        "int 5",
    ),
    "load path": (lambda _: ai.load(42), TypeError, "int 42"),  # type: ignore[arg-type]
    "taxonomy entities": (lambda _: ai.Taxonomy(42), TypeError, "int 42"),  # type: ignore[arg-type]
    "getitem type": (lambda _: _T[42], TypeError, "not int 42"),  # type: ignore[index]
    "models output type": (
        lambda _: _T.models(output=1),  # type: ignore[arg-type]
        TypeError,
        "output must be a modality or an iterable of modalities, not int 1",
    ),
    "models input modality": (
        lambda _: _T.models(input="imgae"),
        ValueError,
        "input: unknown modality 'imgae' (did you mean 'image'?)",
    ),
    "entity id list": (
        lambda _: ai.GenAI(id="x", name="X", techniques=1),  # type: ignore[arg-type]
        TypeError,
        "techniques must be a string or a list of strings, not int 1",
    ),
    "edges taxonomy": (lambda _: ai.edges(1), TypeError, "int 1"),  # type: ignore[arg-type]
    "models filter type": (
        lambda _: _T.models(technique=42),  # type: ignore[arg-type]
        TypeError,
        "int 42",
    ),
    "checked_on type": (
        lambda _: _T.checked_on(42),  # type: ignore[arg-type]
        TypeError,
        "entity must be an entity or the id of one, not int 42",
    ),
    "model type": (
        lambda _: _T.model(3),  # type: ignore[arg-type]
        TypeError,
        "model must be a model or the id of one, not int 3",
    ),
    "category_path type": (
        lambda _: _T.category_path(3),  # type: ignore[arg-type]
        TypeError,
        "category must be a category or the id of one, not int 3",
    ),
    "choose limit": (lambda _: ai.choose("text", limit=0), ValueError, "0"),
    "of_type": (lambda _: _T.of_type((ai.LLM, 42)), TypeError, "int 42"),  # type: ignore[arg-type]
    "loads base": (lambda _: ai.loads("format = 1", base=[]), TypeError, "list []"),  # type: ignore[arg-type]
    "load base": (lambda p: ai.load(p, base={}), TypeError, "dict {}"),  # type: ignore[arg-type]
    "plugins base": (lambda _: ai.installed_taxonomy(base=42), TypeError, "int 42"),  # type: ignore[arg-type]
    "pipeline_tag": (lambda _: adapters.pipeline_tag(42), TypeError, "int 42"),  # type: ignore[arg-type]
    "dumps toml": (lambda _: ai.dumps(_unwritable()), TypeError, "entity 'odd'"),
    "dumps json": (
        lambda _: ai.dumps(_unwritable(), format="json"),
        TypeError,
        "entity 'odd'",
    ),
}


@pytest.mark.parametrize(
    ("call", "builtin", "quoted"), BAD_CALLS.values(), ids=list(BAD_CALLS)
)
def test_bad_calls_raise_library_errors_naming_the_value(
    call: Callable[[Path], object],
    builtin: type[Exception],
    quoted: str,
    tmp_path: Path,
) -> None:
    (tmp_path / "a.toml").write_text("format = 1\n", "utf-8")
    with pytest.raises(ai.AITaxonomyError) as caught:
        call(tmp_path)
    assert isinstance(caught.value, builtin)
    assert quoted in str(caught.value)


def test_a_bad_format_is_an_argument_error_not_a_data_error() -> None:
    """The format keyword is the caller's mistake, not the document's."""
    with pytest.raises(ai.errors.InvalidArgumentError) as caught:
        ai.loads("format = 1", format="yaml")  # type: ignore[arg-type]
    assert not isinstance(caught.value, ai.TaxonomyError)


def test_stale_still_takes_partial_dates() -> None:
    assert _T.stale("2026") == _T.stale("2026-01") == _T.stale("2026-01-01")
    assert _T.stale(dt.date(2026, 1, 1)) == _T.stale("2026-01-01")


# -- lookups of the wrong kind -------------------------------------------------------

_KINDS: dict[str, type[ai.Entity]] = {
    "model": ai.AIModel,
    "category": ai.Category,
    "technique": ai.Technique,
    "use case": ai.UseCase,
    "organisation": ai.Organization,
    "job type": ai.JobType,
}

# (call, the message's start, what was wanted, what the id is)
WRONG_KIND: dict[str, tuple[Callable[[], object], str, str, str]] = {
    "model": (
        lambda: _T.model("openai"),
        "'openai' is an organisation, not a model",
        "model",
        "organisation",
    ),
    "model by name": (
        lambda: _T.model("OpenAI"),
        "'OpenAI' is an organisation, not a model",
        "model",
        "organisation",
    ),
    "category_of": (
        lambda: _T.category_of("genai"),
        "'genai' is a category, not a model",
        "model",
        "category",
    ),
    "job_types_of": (
        lambda: _T.job_types_of("transformer"),
        "'transformer' is a technique, not a model",
        "model",
        "technique",
    ),
    "comparison": (
        lambda: _T.comparison("genai", "gpt-4"),
        "'gpt-4' is a model, not a category",
        "category",
        "model",
    ),
    "category_path": (
        lambda: _T.category_path("gpt-4"),
        "'gpt-4' is a model, not a category",
        "category",
        "model",
    ),
    "category_path entity": (
        lambda: _T.category_path(_T["openai"]),  # type: ignore[arg-type]
        "'openai' is an organisation, not a category",
        "category",
        "organisation",
    ),
    "models technique": (
        lambda: _T.models(technique="openai"),
        "'openai' is an organisation, not a technique",
        "technique",
        "organisation",
    ),
    "models category": (
        lambda: _T.models(category="gpt-4"),
        "'gpt-4' is a model, not a category",
        "category",
        "model",
    ),
    "models use_case": (
        lambda: _T.models(use_case="diffusion"),
        "'diffusion' is a technique, not a use case",
        "use case",
        "technique",
    ),
    "models organization": (
        lambda: _T.models(organization="gpt-4"),
        "'gpt-4' is a model, not an organisation",
        "organisation",
        "model",
    ),
    "models job_type": (
        lambda: _T.models(job_type="llm"),
        "'llm' is a category, not a job type",
        "job type",
        "category",
    ),
    "models entity": (
        lambda: _T.models(technique=_T["openai"]),  # type: ignore[arg-type]
        "'openai' is an organisation, not a technique",
        "technique",
        "organisation",
    ),
}


@pytest.mark.parametrize(
    ("call", "start", "expected", "actual"), WRONG_KIND.values(), ids=list(WRONG_KIND)
)
def test_wrong_kind_lookups_say_what_the_id_is(
    call: Callable[[], object], start: str, expected: str, actual: str
) -> None:
    with pytest.raises(ai.errors.UnknownIdError) as caught:
        call()
    error = caught.value
    assert str(error).startswith(start)
    assert (error.expected, error.actual) == (expected, actual)
    assert all(isinstance(_T[s], _KINDS[expected]) for s in error.suggestions)


# (call, the bad id, what was wanted, a suggestion it must make)
UNKNOWN: dict[str, tuple[Callable[[], object], str, str, str | None]] = {
    "model": (lambda: _T.model("gtp-4"), "gtp-4", "model", "gpt-4"),
    "comparison": (lambda: _T.comparison("genia"), "genia", "category", "genai"),
    "category_path": (lambda: _T.category_path("lml"), "lml", "category", None),
    "category_path close": (lambda: _T.category_path("lm"), "lm", "category", "llm"),
    "models category": (
        lambda: _T.models(category="genia"),
        "genia",
        "category",
        "genai",
    ),
    "models technique": (
        lambda: _T.models(technique="difusion"),
        "difusion",
        "technique",
        "diffusion",
    ),
    "models by name": (
        lambda: _T.models(technique="Diffusion"),
        "Diffusion",
        "technique",
        "diffusion",
    ),
    "models organization": (
        lambda: _T.models(organization="opnai"),
        "opnai",
        "organisation",
        "openai",
    ),
}


@pytest.mark.parametrize(
    ("call", "key", "expected", "hint"), UNKNOWN.values(), ids=list(UNKNOWN)
)
def test_unknown_ids_suggest_ids_of_the_kind_asked_for(
    call: Callable[[], object], key: str, expected: str, hint: str | None
) -> None:
    with pytest.raises(ai.errors.UnknownIdError) as caught:
        call()
    error = caught.value
    assert str(error).startswith(f"no {expected} with id {key!r}")
    assert (error.id, error.expected, error.actual) == (key, expected, None)
    assert all(isinstance(_T[s], _KINDS[expected]) for s in error.suggestions)
    if hint is not None:
        assert hint in error.suggestions


def test_category_path_of_an_unknown_id_says_what_was_meant() -> None:
    """Not a TypeError: the lookup error every other query gives, with a hint."""
    with pytest.raises(
        ai.errors.UnknownIdError,
        match=r"^no category with id 'lm' \(did you mean 'llm'\?\)$",
    ):
        _T.category_path("lm")


_FILTERS: dict[str, type[ai.Entity]] = {
    "category": ai.Category,
    "technique": ai.Technique,
    "use_case": ai.UseCase,
    "organization": ai.Organization,
    "job_type": ai.JobType,
}


def _above(entity_id: str | None, parent: Callable[[Any], str | None]) -> set[str]:
    """The id and every id above it, following *parent*."""
    seen: set[str] = set()
    while entity_id is not None and entity_id not in seen:
        seen.add(entity_id)
        entity_id = parent(_T[entity_id])
    return seen


def _reference(facet: str, key: str) -> tuple[str, ...]:
    """The models a filter should keep, worked out the slow way."""
    keep: Callable[[ai.AIModel], bool]
    if facet == "category":
        keep = lambda m: key in _above(m.category_id, lambda c: c.parent)  # noqa: E731
    elif facet == "technique":
        keep = lambda m: any(  # noqa: E731
            key in _above(t, lambda t: t.part_of) for t in m.techniques
        )
    elif facet == "use_case":
        keep = lambda m: key in m.use_cases  # noqa: E731
    elif facet == "organization":
        keep = lambda m: m.organization == key  # noqa: E731
    else:
        keep = lambda m: key in {j.id for j in _T.job_types_of(m)}  # noqa: E731
    return tuple(m.id for m in _T.of_type(ai.AIModel) if keep(m))


@given(
    facet=st.sampled_from(sorted(_FILTERS)),
    entity=st.sampled_from([e for e in TAX if not isinstance(e, ai.AIModel)])
    | st.sampled_from(TAX.of_type(ai.AIModel)),
)
def test_models_filters_keep_their_kind_and_refuse_the_rest(
    facet: str, entity: ai.Entity
) -> None:
    """An id of the filter's kind gives what it always gave; any other id raises."""
    if isinstance(entity, _FILTERS[facet]):
        found = _T.models(**{facet: entity.id})
        assert tuple(m.id for m in found) == _reference(facet, entity.id)
        assert _T.models(**{facet: entity}) == found  # type: ignore[arg-type]
    else:
        with pytest.raises(ai.errors.UnknownIdError, match=f"^{entity.id!r} is an? "):
            _T.models(**{facet: entity.id})


def test_signature_of_unknown_id_error_is_unchanged() -> None:
    """Callers that build the error themselves keep working."""
    params = inspect.signature(ai.errors.UnknownIdError).parameters
    assert list(params)[:3] == ["id", "suggestions", "label"]
    assert str(ai.errors.UnknownIdError("x")) == "no entity with id 'x'"
    assert str(ai.errors.UnknownIdError("x", ("y",), label="unknown thing")) == (
        "unknown thing 'x' (did you mean 'y'?)"
    )


# -- read-only packaged data ----------------------------------------------------------


def _mutable_parts(value: Any, path: str = "$") -> list[str]:
    """Where *value* holds a list, dict, set or unfrozen attrs instance."""
    if isinstance(value, list | dict | set | bytearray):
        return [path]
    if isinstance(value, MappingProxyType):
        return [
            p for k, v in value.items() for p in _mutable_parts(v, f"{path}[{k!r}]")
        ]
    if isinstance(value, tuple | frozenset):
        return [
            p for i, v in enumerate(value) for p in _mutable_parts(v, f"{path}[{i}]")
        ]
    if attrs.has(type(value)):
        found = [] if attrs.fields(type(value)) and _frozen(value) else [path]
        return found + [
            p
            for field in attrs.fields(type(value))
            for p in _mutable_parts(getattr(value, field.name), f"{path}.{field.name}")
        ]
    return []


def _frozen(value: Any) -> bool:
    field = attrs.fields(type(value))[0].name
    try:
        setattr(value, field, getattr(value, field))
    except attrs.exceptions.FrozenInstanceError:
        return True
    return False


PACKAGED: dict[str, Callable[[], object]] = {
    "rules()": ai.rules,
    "vocabulary()": adapters.vocabulary,
    "pipeline_tags()": adapters.pipeline_tags,
    "rules.toml": lambda: packaged("rules.toml"),
    "task_cues.toml": lambda: packaged("task_cues.toml"),
    "vocabulary.toml": lambda: packaged("vocabulary.toml"),
}


@pytest.mark.parametrize("source", PACKAGED.values(), ids=list(PACKAGED))
def test_packaged_data_is_immutable_all_the_way_down(
    source: Callable[[], object],
) -> None:
    assert _mutable_parts(source()) == []


def _mutations() -> dict[str, Callable[[], object]]:
    # The rule that makes a text-only job an LLM's, as in the review.
    rule = next(r for r in ai.rules() if r.id == "text-only-defaults-to-llm")
    rules: Any = ai.rules()
    quotes: Any = rule.quotes
    outputs: Any = rule.when.outputs_only
    assert outputs  # the mutation below has something to remove
    tags: Any = adapters.pipeline_tags()
    vocabulary: Any = adapters.vocabulary()
    return {
        "rule.when": lambda: setattr(rule, "when", ai.rules()[0].when),
        "condition": lambda: setattr(rule.when, "outputs_only", None),
        "rule.category": lambda: setattr(rule, "category", "genai"),
        "rules()[0]": lambda: rules.__setitem__(0, rule),
        "rule.quotes[0]": lambda: quotes.__setitem__(0, ""),
        "outputs_only set": lambda: outputs.discard(ai.Modality.TEXT),
        "tags[tag]": lambda: tags.__setitem__("text-to-image", tags["image-to-text"]),
        "tags.pop": lambda: tags.pop("text-to-image"),
        "tag.outputs": lambda: setattr(tags["text-to-image"], "outputs", frozenset()),
        "vocabulary[key]": lambda: vocabulary.__setitem__("huggingface", {}),
        "vocabulary table": lambda: vocabulary["huggingface"]["tags"].clear(),  # noqa: PLW0108
    }


@pytest.mark.parametrize("mutate", sorted(_mutations()))
def test_packaged_values_refuse_mutation(mutate: str) -> None:
    with pytest.raises((TypeError, AttributeError)):
        _mutations()[mutate]()


def test_a_refused_mutation_changes_no_later_choice() -> None:
    """The review's case: rules edited in place changed every later choose()."""
    # A different limit each time keeps choose()'s memo out of it; the
    # category and the rules that fire do not depend on it.
    before = ai.choose(modalities="text", limit=3)
    for mutate in _mutations().values():
        with pytest.raises((TypeError, AttributeError)):
            mutate()
    after = ai.choose(modalities="text", limit=4)
    assert after.category.id == before.category.id == "llm"
    assert [r.id for r in after.rationale] == [r.id for r in before.rationale]
    assert adapters.pipeline_tag("text-to-image").outputs == {ai.Modality.IMAGE}


def test_the_rules_are_the_same_objects_each_time() -> None:
    """Read once and shared: safe only because they cannot change."""
    assert ai.rules() is ai.rules()
    assert adapters.pipeline_tags() is adapters.pipeline_tags()
    assert all(hash(rule) == hash(copy.deepcopy(rule)) for rule in ai.rules())
