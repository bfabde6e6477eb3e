"""The errors: one home, the base-class promise, pickling, truthful lookups."""

from __future__ import annotations

import concurrent.futures
import copy
import importlib
import pickle
import pkgutil
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
import strategies as sts
from aitaxonomy import adapters, errors

if TYPE_CHECKING:
    from collections.abc import Callable

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


@pytest.mark.parametrize("cls", [c for c in PUBLIC if c is not ai.PluginWarning])
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
    errors.UnknownIdError: errors.UnknownIdError("gtp-4", ("gpt-4",)),
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
        pytest.raises(ai.UnknownIdError) as caught,
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
