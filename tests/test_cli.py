"""The command line, run as users run it: a real process, exit codes, streams."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import aitaxonomy as ai
from aitaxonomy._cli import _Style

SCRIPT = shutil.which("aitaxonomy", path=str(Path(sys.executable).parent))
COMMAND = [SCRIPT] if SCRIPT else [sys.executable, "-m", "aitaxonomy"]


def run(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # our own command with test arguments
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        encoding="utf-8",
    )


def test_console_script_is_installed() -> None:
    assert SCRIPT is not None, "the aitaxonomy script is missing from the environment"


def test_choose_report() -> None:
    result = run("choose", "--modality", "image", "--task", "a mascot for our brand")
    assert result.returncode == 0
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("Use Generative AI (genai)\n")
    assert "Use case: AI-powered art and design (art_design)" in out
    top = ai.choose(modalities="image", task="a mascot for our brand").candidates[0]
    assert f"  {top.score:4.2f}  {top.model.name}\n" in out
    assert "Diffusion model" in out
    assert "llm-outputs-text-only" in out
    assert "[when-to-use-genai]" in out
    assert "\033[" not in out, "no colour when stdout is not a terminal"
    assert max(map(len, out.splitlines())) <= 80


def test_choose_json_matches_the_python_api() -> None:
    result = run(
        "choose", "-m", "text", "-t", "digest of today's news articles", "--json"
    )
    assert result.returncode == 0
    data = json.loads(result.stdout)
    rec = ai.choose(modalities="text", task="digest of today's news articles", limit=5)
    assert data["category"] == rec.category.id == "llm"
    assert [c["id"] for c in data["candidates"]] == [c.model.id for c in rec.candidates]
    assert [r["id"] for r in data["rationale"]] == [r.id for r in rec.rationale]


def test_choose_options_as_flags() -> None:
    args = ("choose", "-m", "text", "--input", "image", "--open-weights", "--json")
    data = json.loads(run(*args).stdout)
    assert data["inputs"] == ["image"]
    assert data["candidates"]
    for candidate in data["candidates"]:
        model = _TAX.model(candidate["id"])
        assert model.open_weights is True
        assert model.accepts("image")
    reasons = {r["id"] for r in data["rationale"]}
    assert {"filter-inputs", "filter-open-weights"} <= reasons


_TAX = ai.default_taxonomy()


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
    ],
)
def test_list(args: tuple[str, ...], expected: list[str]) -> None:
    text = run(*args)
    assert text.returncode == 0
    assert [line.split()[0] for line in text.stdout.splitlines()] == expected
    data = json.loads(run(*args, "--json").stdout)
    assert [e["id"] for e in data] == expected


def test_show_with_links_and_sources() -> None:
    out = run("show", "transformer").stdout
    assert "concepts: tokenization, attention" in out
    assert "used by:" in out
    assert "gpt-4" in out
    data = json.loads(run("show", "DALL·E", "--json").stdout)
    assert data["id"] == "dall-e"
    assert data["linked_from"]["powers"] == ["chatgpt", "microsoft-copilot"]
    assert "sources:" in run("show", "gpt-4").stdout


def test_tree_and_compare() -> None:
    tree = run("tree").stdout
    assert tree.splitlines()[0] == "AI model [ai-model]"
    assert "Large language model [llm]" in tree
    data = json.loads(run("tree", "--json").stdout)
    llms = [m.id for m in _TAX.of_type(ai.AIModel) if m.category_id == "llm"]
    assert data[0]["children"][0]["children"][0]["models"] == llms
    compare = run("compare")
    assert compare.stdout.startswith("Primary function\n")
    assert max(map(len, compare.stdout.splitlines())) <= 80
    rows = json.loads(run("compare", "--json").stdout)["rows"]
    assert rows[0]["feature"] == "Primary function"


GOOD = 'format = 1\n[[models]]\nkind = "llm"\nid = "mine"\nname = "Mine"\norganization = "openai"\n'
BAD = 'format = 1\n[[models]]\nkind = "llm"\nid = "mine"\nname = "Mine"\noutput_modalities = ["imgae"]\n'


def test_validate(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD)
    ok = run("validate", str(good))
    assert (ok.returncode, ok.stdout) == (0, f"valid: {good}\n")
    wrong = run("validate", str(good), str(bad))
    assert wrong.returncode == 1
    assert (
        f"{bad}: $.models[0].output_modalities[0]: unknown modality 'imgae'"
        in wrong.stdout
    )
    data = json.loads(run("validate", str(bad), "--json").stdout)
    assert data["valid"] is False
    assert data["problems"][0]["path"] == "$.models[0].output_modalities[0]"
    missing = run("validate", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1
    assert "No such file" in missing.stdout


def test_catalog_option(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)
    out = run("list", "models", "--category", "llm", "--catalog", str(path)).stdout
    assert "mine" in out.split()
    rec = json.loads(
        run(
            "choose", "-m", "text", "--catalog", str(path), "--json", "--top", "500"
        ).stdout
    )
    assert "mine" in [c["id"] for c in rec["candidates"]]


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "json", "jsonld", "markdown"])
def test_export(fmt: str, tmp_path: Path) -> None:
    result = run("export", "--format", fmt)
    assert result.returncode == 0
    assert result.stdout == ai.export(ai.default_taxonomy(), fmt)  # type: ignore[arg-type]
    if fmt in ("json", "jsonld"):
        json.loads(result.stdout)
    target = tmp_path / f"graph.{fmt}"
    assert run("export", "--format", fmt, "-o", str(target)).stdout == ""
    assert target.read_text("utf-8") == result.stdout


def test_export_json_flag_is_the_json_graph() -> None:
    assert json.loads(run("export", "--json").stdout)["nodes"]


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
        (("choose", "--task", "chat", "--top", "0"), 2, "must be at least 1"),
        (("list", "--org", "nope"), 1, "no entity with id 'nope'"),
        (("export", "--catalog", "/no/such/file.toml"), 1, "No such file"),
    ],
)
def test_user_mistakes(args: tuple[str, ...], status: int, message: str) -> None:
    result = run(*args)
    assert result.returncode == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_help_version_and_module_entry() -> None:
    help_text = run("--help").stdout
    assert "examples:" in help_text
    assert "aitaxonomy choose" in help_text
    assert max(map(len, help_text.splitlines())) <= 80
    assert run("--version").stdout == f"aitaxonomy {ai.__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "aitaxonomy", "tree"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert module.returncode == 0
    assert module.stdout == run("tree").stdout
    for command in ("choose", "list", "show", "tree", "compare", "validate", "export"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert max(map(len, result.stdout.splitlines())) <= 80, command


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
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert (_Style(Stream()).bold("x") != "x") is coloured


def test_import(tmp_path: Path) -> None:
    source = tmp_path / "litellm.json"
    source.write_text(
        json.dumps(
            {
                "gpt-x": {"mode": "chat", "litellm_provider": "openai"},
                "paint-x": {"mode": "image_generation"},
                "search-x": {"mode": "search"},
            }
        )
    )
    out = tmp_path / "catalog"
    result = run(
        "import", "litellm", str(source), "-o", str(out), "--as-of", "2026-11-28"
    )
    assert result.returncode == 0
    assert result.stdout.startswith("2 mapped, 1 skipped\n")
    assert "a search service, not a model" in result.stdout
    assert run("validate", str(out)).returncode == 0
    data = json.loads(run("import", "litellm", str(source), "--json").stdout)
    assert data["counts"] == {"genai": 1, "llm": 1, "skipped": 1}
    assert data["skipped"] == [
        {"key": "search-x", "reason": "a search service, not a model"}
    ]
    listed = run("list", "models", "--catalog", str(out), "--output", "image").stdout
    assert "litellm/paint-x" in listed
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    broken = run("import", "litellm", str(bad))
    assert broken.returncode == 1
    assert "invalid JSON" in broken.stderr
