"""The command line, in process through ``main(argv)``; one real process per command."""

from __future__ import annotations

import ast
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jsonschema
import pytest
import referencing

import aitaxonomy as ai
from aitaxonomy import _cli as cli_module
from aitaxonomy._cli import _Style, main
from installed import install

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SCRIPT = shutil.which("aitaxonomy", path=str(Path(sys.executable).parent))
COMMAND = [SCRIPT] if SCRIPT else [sys.executable, "-m", "aitaxonomy"]
DOCS = Path(__file__).resolve().parent.parent / "docs"
_TAX = ai.default_taxonomy()
COMMANDS = ("choose", "list", "show", "tree", "compare", "validate", "import", "export")


class Result(NamedTuple):
    status: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """``main(argv)`` in this process: its status, stdout and stderr."""

    def run(*args: str) -> Result:
        status = main(list(args))
        out, err = capsys.readouterr()
        return Result(status, out, err)

    return run


def process(
    *args: str, command: list[str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as users run it: a real process."""
    return subprocess.run(  # noqa: S603  # our own command with test arguments
        [*(command or COMMAND), *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        cwd=cwd,
    )


def test_console_script_is_installed() -> None:
    assert SCRIPT is not None, "the aitaxonomy script is missing from the environment"


def test_the_command_imports_the_public_api_only() -> None:
    """A thin layer: ``_cli`` reaches the library as users do, never its privates."""
    tree = ast.parse(Path(cli_module.__file__).read_text("utf-8"))
    imported = []  # dotted names: the module, then each name taken from it
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative to the aitaxonomy package
                module = "aitaxonomy" + (f".{module}" if module else "")
            imported += [f"{module}.{alias.name}" for alias in node.names]
    ours = [name for name in imported if name.split(".")[0] == "aitaxonomy"]
    assert ours, "it imports the library"
    private = [n for n in ours if any(p.startswith("_") for p in n.split("."))]
    assert not private
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "ai"
    }
    assert used <= set(ai.__all__), used - set(ai.__all__)


# -- choose --------------------------------------------------------------------


def test_choose_report(cli: Callable[..., Result]) -> None:
    result = cli("choose", "--modality", "image", "--task", "a mascot for our brand")
    assert (result.status, result.err) == (0, "")
    out = result.out
    assert out.startswith("Use Generative AI (genai)\n")
    assert "Use case: AI-powered art and design (art_design)" in out
    top = ai.choose(modalities="image", task="a mascot for our brand").candidates[0]
    assert f"  {top.score:4.2f}  {top.model.name}\n" in out
    assert "Diffusion model" in out
    assert "llm-outputs-text-only" in out
    assert "[when-to-use-genai]" in out
    assert "\033[" not in out, "no colour when stdout is not a terminal"
    assert max(map(len, out.splitlines())) <= 80, "prose wraps at 80 columns"


def test_choose_json_matches_the_python_api(cli: Callable[..., Result]) -> None:
    task = "digest of today's news articles"
    data = json.loads(cli("choose", "-m", "text", "-t", task, "--json").out)
    rec = ai.choose(modalities="text", task=task, limit=5)
    assert data == rec.to_dict()
    assert data["category"] == "llm"


def test_choose_options_as_flags(cli: Callable[..., Result]) -> None:
    args = ("choose", "-m", "text", "--input", "image", "--open-weights", "--json")
    data = json.loads(cli(*args).out)
    assert data["inputs"] == ["image"]
    assert data["candidates"]
    for candidate in data["candidates"]:
        model = _TAX.model(candidate["id"])
        assert model.open_weights is True
        assert model.accepts("image")
    reasons = {r["id"] for r in data["rationale"]}
    assert {"filter-inputs", "filter-open-weights"} <= reasons


@pytest.mark.parametrize(
    ("args", "top"),
    [
        (("-m", "text", "-t", "a chatbot for our shop"), 1),
        (("-m", "image", "-t", "a mascot for our brand"), 3),
        (("-t", "transcribe the interview, then summarise it"), 2),
        (("-m", "text"), 12),
        (("-m", "text"), None),
    ],
)
def test_top_is_the_limit_choose_is_given(
    args: tuple[str, ...],
    top: int | None,
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--top N`` asks ``choose()`` for N (5 by default), not for all to cut later."""
    calls: list[dict[str, Any]] = []
    real = ai.choose

    def spy(*a: Any, **kw: Any) -> ai.Recommendation:
        calls.append(kw)
        return real(*a, **kw)

    monkeypatch.setattr(ai, "choose", spy)
    flags = () if top is None else ("--top", str(top))
    limit = 5 if top is None else top
    data = json.loads(cli("choose", *args, *flags, "--json").out)
    assert [call["limit"] for call in calls] == [limit]
    assert len(data["candidates"]) <= limit
    assert all(len(step["candidates"]) <= limit for step in data["steps"])
    expected = real(**calls[0])
    assert data == expected.to_dict()
    text = cli("choose", *args, *flags).out
    # A candidate line starts with its score (0.65); a wrapped reason can start
    # with a version number ("4.5 ties with it"), which is no candidate.
    shown = [line for line in text.splitlines() if re.match(r"\s*\d\.\d\d\s", line)]
    assert len(shown) == sum(len(s.candidates) for s in expected.steps) + sum(
        c.role == "all steps" for c in expected.candidates
    )


# -- list, show, tree, compare -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("list", "models", "--output", "image", "--technique", "diffusion"),
            [m.id for m in _TAX.models(output="image", technique="diffusion")],
        ),
        (
            ("list", "models", "--category", "llm", "--input", "image"),
            [m.id for m in _TAX.models(category="llm", input="image")],
        ),
        (
            ("list", "models", "--org", "openai", "--output", "code"),
            [m.id for m in _TAX.models(organization="openai", output="code")],
        ),
        (("list", "use-cases"), [u.id for u in _TAX.use_cases()]),
        (("list", "categories"), ["ai-model", "genai", "llm"]),
        (("list",), [m.id for m in _TAX.models()]),
    ],
)
def test_list(
    args: tuple[str, ...], expected: list[str], cli: Callable[..., Result]
) -> None:
    text = cli(*args)
    assert text.status == 0
    assert [line.split()[0] for line in text.out.splitlines()] == expected
    data = json.loads(cli(*args, "--json").out)
    assert [e["id"] for e in data] == expected
    assert data == [_TAX[i].to_dict() for i in expected]


def _summary(model: ai.AIModel) -> str:
    return f"[{model.category_id}] -> {','.join(sorted(model.output_modalities))}"


def test_list_is_never_cut_when_piped(cli: Callable[..., Result]) -> None:
    """``| grep`` sees every field of every line, however long."""
    lines = cli("list", "models").out.splitlines()
    models = _TAX.models()
    width = max(len(m.id) for m in models)
    assert lines == [f"{m.id.ljust(width)}  {m.name}  {_summary(m)}" for m in models], (
        "whole lines"
    )
    assert max(map(len, lines)) > 80, "some lines are longer than a terminal"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], _Terminal]:
    """stdout as a terminal of a given width (colour off, to measure lines)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def make(columns: int) -> _Terminal:
        monkeypatch.setenv("COLUMNS", str(columns))
        stream = _Terminal()
        monkeypatch.setattr(sys, "stdout", stream)
        return stream

    return make


@pytest.mark.parametrize("columns", [50, 72, 100, 200])
def test_a_terminal_gets_lines_of_its_width(
    columns: int, terminal: Callable[[int], _Terminal]
) -> None:
    stream = terminal(columns)
    assert main(["list", "models"]) == 0
    lines = stream.getvalue().splitlines()
    assert max(map(len, lines)) <= columns
    piped = [
        f"{m.id.ljust(max(len(x.id) for x in _TAX.models()))}  {m.name}  {_summary(m)}"
        for m in _TAX.models()
    ]
    for line, whole in zip(lines, piped, strict=True):
        assert line == (whole if len(whole) <= columns else whole[: columns - 1] + "…")
    stream = terminal(columns)
    assert main(["choose", "-m", "image", "-t", "a mascot for our brand"]) == 0
    prose = [
        line
        for line in stream.getvalue().splitlines()
        if line.startswith(("  - ", "    "))  # reasons and the rationale
    ]
    assert columns - 20 < max(map(len, prose)) <= columns, "prose fills the width"


def test_show_with_links_and_sources(cli: Callable[..., Result]) -> None:
    out = cli("show", "transformer").out
    assert "concepts: tokenization, attention" in out
    assert "used by:" in out
    assert "gpt-4" in out
    data = json.loads(cli("show", "DALL·E", "--json").out)
    assert data["id"] == "dall-e"
    assert "powers" not in data.get("linked_from", {})  # ChatGPT and Copilot moved on
    assert {k: v for k, v in data.items() if k != "linked_from"} == _TAX[
        "dall-e"
    ].to_dict()
    gpt5 = json.loads(cli("show", "GPT-5", "--json").out)
    assert gpt5["linked_from"]["powers"] == ["microsoft-copilot"]
    assert "sources:" in cli("show", "gpt-4").out


@pytest.mark.parametrize("entity", ["genai", "transformer", "openai", "gpt-5"])
def test_show_links_are_the_edges_into_it(
    entity: str, cli: Callable[..., Result]
) -> None:
    data = json.loads(cli("show", entity, "--json").out)
    edges = [e for e in ai.edges(_TAX, organizations=True) if e.target == entity]
    assert edges, "every example is linked to"
    assert sorted(
        (label, source) for label, ids in data["linked_from"].items() for source in ids
    ) == sorted((e.inverse, e.source) for e in edges)


def test_tree_and_compare(cli: Callable[..., Result]) -> None:
    tree = cli("tree").out
    assert tree.splitlines()[0] == "AI model [ai-model]"
    assert "Large language model [llm]" in tree
    data = json.loads(cli("tree", "--json").out)
    llms = [m.id for m in _TAX.of_type(ai.AIModel) if m.category_id == "llm"]
    assert data[0]["children"][0]["children"][0]["models"] == llms
    compare = cli("compare")
    assert compare.out.startswith("Primary function\n")
    assert max(map(len, compare.out.splitlines())) <= 80
    rows = json.loads(cli("compare", "--json").out)["rows"]
    assert rows[0]["feature"] == "Primary function"


# -- validate, export, import --------------------------------------------------

GOOD = 'format = 1\n[[models]]\nkind = "llm"\nid = "mine"\nname = "Mine"\norganization = "openai"\n'
BAD = 'format = 1\n[[models]]\nkind = "llm"\nid = "mine"\nname = "Mine"\noutput_modalities = ["imgae"]\n'


def test_validate(tmp_path: Path, cli: Callable[..., Result]) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD)
    ok = cli("validate", str(good))
    assert (ok.status, ok.out) == (0, f"valid: {good}\n")
    wrong = cli("validate", str(good), str(bad))
    assert wrong.status == 1
    assert (
        f"{bad}: $.models[0].output_modalities[0]: unknown modality 'imgae'"
        in wrong.out
    )
    data = json.loads(cli("validate", str(bad), "--json").out)
    assert data["valid"] is False
    assert data["problems"][0]["path"] == "$.models[0].output_modalities[0]"
    missing = cli("validate", str(tmp_path / "nope.toml"))
    assert missing.status == 1
    assert "No such file" in missing.out


def test_catalog_option(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)
    out = cli("list", "models", "--category", "llm", "--catalog", str(path)).out
    assert "mine" in out.split()
    rec = json.loads(
        cli(
            "choose", "-m", "text", "--catalog", str(path), "--json", "--top", "500"
        ).out
    )
    assert "mine" in [c["id"] for c in rec["candidates"]]


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "json", "jsonld", "markdown"])
def test_export(fmt: str, tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("export", "--format", fmt)
    assert result.status == 0
    assert result.out == ai.export(_TAX, fmt)  # type: ignore[arg-type]
    if fmt in ("json", "jsonld"):
        json.loads(result.out)
    target = tmp_path / f"graph.{fmt}"
    assert cli("export", "--format", fmt, "-o", str(target)).out == ""
    assert target.read_text("utf-8") == result.out


def test_export_json_flag_is_the_json_graph(cli: Callable[..., Result]) -> None:
    assert json.loads(cli("export", "--json").out)["nodes"]


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    old = os.umask(0o022)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(old)


LITELLM = {
    "gpt-x": {"mode": "chat", "litellm_provider": "openai"},
    "paint-x": {"mode": "image_generation"},
    "search-x": {"mode": "search"},
}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o077])
def test_written_files_get_the_umask(
    mask: int,
    tmp_path: Path,
    cli: Callable[..., Result],
    umask: Callable[[int], None],
) -> None:
    """As ``open(path, "w")`` would make them: not 0o600 whatever the umask."""
    source = tmp_path / "litellm.json"
    source.write_text(json.dumps(LITELLM))
    umask(mask)
    assert cli("export", "-o", str(tmp_path / "graph.mmd")).status == 0
    assert (
        cli("import", "litellm", str(source), "-o", str(tmp_path / "one.toml"))[0] == 0
    )
    assert cli("import", "litellm", str(source), "-o", str(tmp_path / "tree"))[0] == 0
    written = [
        tmp_path / "graph.mmd",
        tmp_path / "one.toml",
        *(tmp_path / "tree").rglob("*.toml"),
    ]
    assert len(written) == 4
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path
    assert not list(tmp_path.rglob("*.tmp")), "written atomically, nothing left over"


def test_import(tmp_path: Path, cli: Callable[..., Result]) -> None:
    source = tmp_path / "litellm.json"
    source.write_text(json.dumps(LITELLM))
    out = tmp_path / "catalog"
    result = cli(
        "import", "litellm", str(source), "-o", str(out), "--as-of", "2026-11-28"
    )
    assert result.status == 0
    assert result.out.startswith("2 mapped, 1 skipped\n")
    assert "a search service, not a model" in result.out
    assert cli("validate", str(out)).status == 0
    data = json.loads(cli("import", "litellm", str(source), "--json").out)
    assert data["counts"] == {"genai": 1, "llm": 1, "skipped": 1}
    assert data["skipped"] == [
        {"key": "search-x", "reason": "a search service, not a model"}
    ]
    listed = cli("list", "models", "--catalog", str(out), "--output", "image").out
    assert "litellm/paint-x" in listed
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    broken = cli("import", "litellm", str(bad))
    assert broken.status == 1
    assert "invalid JSON" in broken.err


# -- installed plugins ---------------------------------------------------------

PLUGIN = """
import aitaxonomy as ai

def entities():
    return [
        ai.Organization(id="acme", name="Acme"),
        ai.LLM(id="acme-7b", name="Acme 7B", organization="acme"),
    ]
"""
BROKEN = """
def entities():
    raise RuntimeError("the catalog server is down")
"""


def _install(root: Path, name: str, code: str) -> None:
    module = f"cli_plugin_{name}"
    install(root, module, module, code, f"{name} = {module}:entities")


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "acme", PLUGIN)
    monkeypatch.syspath_prepend(str(site))
    return site


@pytest.mark.parametrize(
    "args",
    [
        ("list", "models", "--org", "acme"),
        ("list", "organizations"),
        ("show", "acme-7b"),
        ("tree",),
        ("export", "--format", "json"),
        ("choose", "-m", "text", "--top", "500", "--json"),
    ],
)
def test_installed_plugins_count_unless_left_out(
    args: tuple[str, ...], plugin: Path, cli: Callable[..., Result]
) -> None:
    del plugin
    included = cli(*args)
    assert (included.status, included.err) == (0, "")
    assert "acme-7b" in included.out or "Acme" in included.out
    left_out = cli(*args, "--no-plugins")
    assert "acme-7b" not in left_out.out
    assert "Acme" not in left_out.out


def test_catalogs_and_validation_build_on_the_plugins(
    plugin: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    del plugin
    mine = tmp_path / "mine.toml"
    mine.write_text(GOOD.replace('"openai"', '"acme"'))
    assert cli("validate", str(mine)).status == 0
    without = cli("validate", str(mine), "--no-plugins")
    assert without.status == 1
    assert "$.models[0].organization: unknown organization 'acme'" in without.out
    listed = cli("list", "models", "--org", "acme", "--catalog", str(mine))
    assert sorted(line.split()[0] for line in listed.out.splitlines()) == [
        "acme-7b",
        "mine",
    ]


def test_a_broken_plugin_is_left_out_with_a_warning(
    plugin: Path, cli: Callable[..., Result]
) -> None:
    _install(plugin, "broken", BROKEN)
    result = cli("list", "models", "--org", "acme")
    assert result.status == 0
    assert result.out.split()[0] == "acme-7b", "the other plugins still count"
    assert result.err.startswith("aitaxonomy: warning: catalog plugin broken = ")
    assert "RuntimeError: the catalog server is down" in result.err
    assert "--no-plugins" in result.err
    quiet = cli("list", "models", "--no-plugins")
    assert (quiet.status, quiet.err) == (0, "")


# -- the documented JSON shape -------------------------------------------------

SCHEMA = json.loads((DOCS / "cli-output.schema.json").read_text("utf-8"))
_REGISTRY = referencing.Registry().with_resources(
    [
        (SCHEMA["$id"], referencing.Resource.from_contents(SCHEMA)),
        (ai.json_schema()["$id"], referencing.Resource.from_contents(ai.json_schema())),
    ]
)


def _shape(name: str) -> jsonschema.Draft202012Validator:
    schema = {"$ref": f"{SCHEMA['$id']}#/$defs/{name}"}
    return jsonschema.Draft202012Validator(schema, registry=_REGISTRY)


@pytest.mark.parametrize(
    "args",
    [
        ("choose", "-m", "image", "-t", "a mascot for our brand"),
        ("choose", "-t", "transcribe the interview, then summarise it"),
        ("choose", "-t", "a podcast episode with a picture for it", "--top", "1"),
        ("choose", "-m", "molecule", "--on-device"),
        ("list", "models"),
        ("list", "categories"),
        ("list", "use-cases"),
        ("list", "job-types"),
        ("list", "techniques"),
        ("list", "organizations"),
        ("show", "gpt-4"),
        ("show", "transformer"),
        ("show", "genai"),
        ("tree",),
        ("compare",),
        ("compare", "genai", "llm", "ai-model"),
        ("export",),
    ],
)
def test_json_output_has_the_documented_shape(
    args: tuple[str, ...], cli: Callable[..., Result]
) -> None:
    data = json.loads(cli(*args, "--json").out)
    errors = list(_shape(args[0]).iter_errors(data))
    assert not errors, errors[0].message
    if args[0] == "show":
        entity = {k: v for k, v in data.items() if k != "linked_from"}
        assert not list(_shape("entity").iter_errors(entity))


def test_validate_and_import_json_have_the_documented_shape(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "good.toml").write_text(GOOD)
    (tmp_path / "bad.toml").write_text(BAD)
    (tmp_path / "litellm.json").write_text(json.dumps(LITELLM))
    for args, name in [
        (("validate", str(tmp_path / "good.toml")), "validate"),
        (("validate", str(tmp_path / "bad.toml"), str(tmp_path / "no")), "validate"),
        (("import", "litellm", str(tmp_path / "litellm.json")), "import"),
    ]:
        data = json.loads(cli(*args, "--json").out)
        assert not list(_shape(name).iter_errors(data)), args


def test_the_documented_shape_is_strict() -> None:
    """A field the docs do not list fails the check above: it cannot slip in."""
    data = ai.choose(task="transcribe our support calls", limit=1).to_dict()
    assert not list(_shape("choose").iter_errors(data))
    for broken in (
        {**data, "undocumented": 1},
        {**data, "candidates": [{**data["candidates"][0], "extra": True}]},
        {k: v for k, v in data.items() if k != "rejected_count"},
        {**data, "confidence": "high"},
    ):
        assert list(_shape("choose").iter_errors(broken))


# -- mistakes, help, colour ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("choose", "--modality", "smell"), 2, "unknown modality 'smell'"),
        (("choose",), 2, "choose needs --modality, --task, or both"),
        (("list", "bogus"), 2, "invalid choice: 'bogus'"),
        (("list", "techniques", "--output", "image"), 2, "apply to models only"),
        (("frobnicate",), 2, "invalid choice: 'frobnicate'"),
        (("show", "gtp-4"), 1, "no entity with id 'gtp-4' (did you mean 'gpt-4'"),
        (("choose", "--task", "zzzz qqqq"), 1, "no job could be read"),
        (("choose", "--task", "chat", "--top", "0"), 2, "must be at least 1, not 0"),
        (("choose", "--task", "chat", "--top", "-3"), 2, "must be at least 1, not -3"),
        (("choose", "--task", "chat", "--top", "2.5"), 2, "not a whole number: '2.5'"),
        (("choose", "--task", "chat", "--top", "all"), 2, "not a whole number: 'all'"),
        (("list", "--org", "nope"), 1, "no organisation with id 'nope'"),
        (("export", "--catalog", "/no/such/file.toml"), 1, "No such file"),
    ],
)
def test_user_mistakes(
    args: tuple[str, ...], status: int, message: str, cli: Callable[..., Result]
) -> None:
    result = cli(*args)
    assert result.status == status
    assert message in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"a": "caf\xe9"}', "not UTF-8: byte 0xe9 at offset 10"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ', "invalid JSON"),
    ],
)
def test_an_unreadable_import_is_an_error_not_a_traceback(
    content: bytes, message: str, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    source = tmp_path / "source.json"
    source.write_bytes(content)
    result = cli("import", "litellm", str(source))
    assert result.status == 1
    assert message in result.err
    assert str(source) in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(("target", "names"), [("", "no file"), (".", "no file")])
def test_export_to_no_file_is_refused(
    target: str, names: str, cli: Callable[..., Result]
) -> None:
    result = cli("export", "--format", "mermaid", "-o", target)
    assert result.status == 1
    assert f"it names {names}" in result.err


def test_export_to_a_directory_is_refused(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    result = cli("export", "--format", "mermaid", "-o", str(tmp_path))
    assert result.status == 1
    assert "it names a directory" in result.err
    assert list(tmp_path.iterdir()) == []


def test_piped_prose_never_splits_a_word(cli: Callable[..., Result]) -> None:
    """A word longer than a line (a URL) stays whole, so grep finds it."""
    out = cli("show", "text-generation").out
    urls = re.findall(r"https?://\S+", json.dumps(_TAX["text-generation"].to_dict()))
    long_urls = [u.rstrip('",') for u in urls if len(u) > 80]
    assert long_urls, "text-generation cites a source with a long URL"
    for url in long_urls:
        assert url in out


def test_help_and_version(cli: Callable[..., Result]) -> None:
    help_text = cli("--help").out
    assert "examples:" in help_text
    assert "aitaxonomy choose" in help_text
    assert max(map(len, help_text.splitlines())) <= 80
    assert cli().out == help_text
    assert cli("--version").out == f"aitaxonomy {ai.__version__}\n"
    for command in COMMANDS:
        result = cli(command, "--help")
        assert result.status == 0
        assert max(map(len, result.out.splitlines())) <= 80, command
        assert "--json" in result.out
        assert "--no-plugins" in result.out


@pytest.mark.parametrize(
    ("tty", "env", "coloured"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (False, {}, False),
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_colour_only_on_a_terminal(
    tty: bool, env: dict[str, str], coloured: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "123")
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    style = _Style(Stream())
    assert (style.bold("x") != "x") is coloured
    assert style.width == (123 if tty else None), "width fitting on a terminal only"


# -- pipes and real processes --------------------------------------------------


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        del text
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_quietly_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["list", "models"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("args", [("list", "categories"), ("list", "models")])
def test_a_closed_pipe_ends_quietly(args: tuple[str, ...]) -> None:
    """``aitaxonomy list | head -1``: a small output fails at the last flush, a
    large one while writing; both end with 0 and nothing on stderr."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with subprocess.Popen(  # noqa: S603  # our own command
        [*COMMAND, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()  # before the first write: it must meet a closed pipe
        err = proc.stderr.read()
    assert (proc.returncode, err) == (0, b"")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "good.toml").write_text(GOOD)
    (tmp_path / "litellm.json").write_text(json.dumps(LITELLM))
    return tmp_path


_SMOKE = [
    ("choose", "-m", "image", "-t", "a mascot for our brand"),
    ("list", "models", "--json"),
    ("show", "gpt-4"),
    ("tree",),
    ("compare",),
    ("validate", "good.toml"),
    ("import", "litellm", "litellm.json"),
    ("export", "--format", "dot"),
]


@pytest.mark.parametrize("args", _SMOKE, ids=lambda args: args[0])
def test_each_command_runs_as_a_real_process(
    args: tuple[str, ...],
    files: Path,
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One smoke test per command: the installed script (or ``python -m``)
    prints what ``main()`` prints in process."""
    # One of them runs as ``python -m aitaxonomy``, the rest as the script.
    command = [sys.executable, "-m", "aitaxonomy"] if args[0] == "tree" else None
    real = process(*args, command=command, cwd=files)
    assert (real.returncode, real.stderr) == (0, "")
    monkeypatch.chdir(files)
    assert real.stdout == cli(*args).out
    assert real.stdout


def test_every_command_has_its_smoke_test() -> None:
    assert {p[0] for p in _SMOKE} == set(COMMANDS)
