"""Link the curated models to their ids in LiteLLM, models.dev and OpenRouter.

python scripts/link_sources.py          # write ``sources`` into the catalog files
python scripts/link_sources.py --check  # exit 1 if a file would change

A model is linked to a catalog's id only where the catalog's own data shows the
match: the entry's maker (LiteLLM's provider, models.dev's provider, the author
in an OpenRouter id) is the model's organisation, and the entry's model name is
the model's id, name or an alias, spelled as an id (``GPT-4o`` -> ``gpt-4o``).
Nothing is matched by similarity. Each link cites the catalog file it came
from, with the day that file was published or read.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from aitaxonomy._entities import normalise_id
from aitaxonomy.adapters import vocabulary

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "aitaxonomy" / "data"
FIXTURES = ROOT.parent / "shared" / "fixtures"

# The catalog files, and the citation each link gets: read on READ, from a copy
# of the data that the note dates.
READ = "2026-12-02"
CATALOGS = {
    "litellm": (
        "litellm-model-map-1.110.2.json",
        "https://github.com/BerriAI/litellm/blob/v1.110.2/model_prices_and_context_window.json",
        "LiteLLM 1.110.2's model map",
    ),
    "models.dev": (
        "models-dev-api-2026-08-22.json",
        "https://models.dev/api.json",
        "models.dev's api.json as served on 2026-08-22",
    ),
    "openrouter": (
        "openrouter-models-2026-05-15.json",
        "https://openrouter.ai/api/v1/models",
        "OpenRouter's model list as served on 2026-05-15",
    ),
}
# LiteLLM names the serving provider; these providers are the maker itself.
LITELLM_MAKERS = {
    "openai": "openai",
    "anthropic": "anthropic",
    "gemini": "google",
    "mistral": "mistral-ai",
    "deepseek": "deepseek",
    "xai": "xai",
    "cohere_chat": "cohere",
    "cohere": "cohere",
    "moonshot": "moonshot-ai",
    "perplexity": "perplexity",
}


_DATED = re.compile(r"-(?:20\d{6}|20\d{2}-\d{2}-\d{2})$")


def _key(name: str) -> str:
    """A model name as the matching compares it: an id, dots and dashes alike."""
    return re.sub(r"[._]", "-", normalise_id(name))


class _Table(dict[tuple[str, str], str]):
    """(maker, name) -> id, where an undated id wins over a dated snapshot."""

    def add(self, maker: str, name: str, key: str) -> None:
        name = _key(name)
        undated = _DATED.sub("", name)
        self.setdefault((maker, name), key)
        if undated != name and (maker, undated) not in self:
            self.dated[(maker, undated)] = key

    def __init__(self) -> None:
        super().__init__()
        self.dated: dict[tuple[str, str], str] = {}

    def find(self, maker: str, name: str) -> str | None:
        return self.get((maker, name)) or self.dated.get((maker, name))


def _entries() -> dict[str, _Table]:
    """Per catalog: (maker, model name as an id) -> the id its API takes."""
    words = vocabulary()
    found: dict[str, _Table] = {c: _Table() for c in CATALOGS}
    litellm = json.loads((FIXTURES / CATALOGS["litellm"][0]).read_text("utf-8"))
    for key, entry in litellm.items():
        if not isinstance(entry, dict) or "/" in key:
            continue  # a prefixed key is a host's deployment, not the maker's id
        maker = LITELLM_MAKERS.get(str(entry.get("litellm_provider")))
        if maker:
            found["litellm"].add(maker, key, key)
    models_dev = json.loads((FIXTURES / CATALOGS["models.dev"][0]).read_text("utf-8"))
    makers = words["models_dev"]["organizations"]
    for provider, record in models_dev.items():
        maker = makers.get(provider)
        for model in (record.get("models") or {}) if maker else ():
            found["models.dev"].add(maker, model, f"{provider}/{model}")
            stated = record["models"][model].get("open_weights")
            if isinstance(stated, bool):
                OPEN_WEIGHTS[f"{provider}/{model}"] = stated
    router = json.loads((FIXTURES / CATALOGS["openrouter"][0]).read_text("utf-8"))
    authors = words["openrouter"]["organizations"]
    for entry in router["data"]:
        author, _, model = str(entry.get("id", "")).partition("/")
        maker = authors.get(author)
        if maker and model and ":" not in model:
            found["openrouter"].add(maker, model, entry["id"])
    return found


def _names(model: dict[str, Any]) -> list[str]:
    return [
        _key(n) for n in (model["id"], model.get("name", ""), *model.get("aliases", ()))
    ]


def _links(model: dict[str, Any], entries: dict[str, _Table]) -> dict[str, str]:
    maker = model.get("organization")
    links: dict[str, str] = {}
    for catalog, table in entries.items():
        for name in _names(model):
            key = table.find(maker, name) if maker else None
            if key is not None:
                links[catalog] = key
                break
    return links


def _inline(links: dict[str, str]) -> str:
    parts = []
    for catalog, key in links.items():
        name = (
            catalog if re.fullmatch(r"[A-Za-z0-9_-]+", catalog) else json.dumps(catalog)
        )
        parts.append(f"{name} = {json.dumps(key)}")
    return "{ " + ", ".join(parts) + " }"


def _citation(catalogs: list[str], open_weights: bool) -> str:
    """The citations of *catalogs*: one for the ids, one for what a catalog copies.

    A catalog is the primary source of its own ids, and a secondary one of
    a maker's facts it copies (``open_weights``).
    """
    lines = []
    for catalog in catalogs:
        _, url, note = CATALOGS[catalog]
        lines.append(
            f'  {{ url = "{url}", as_of = "{READ}", covers = ["sources"], '
            f'note = "{note}", primary = true }},'
        )
        if open_weights and catalog == "models.dev":
            lines.append(
                f'  {{ url = "{url}", as_of = "{READ}", covers = ["open_weights"], '
                f'note = "{note}", primary = false }},'
            )
    return "\n".join(lines)


OPEN_WEIGHTS: dict[str, bool] = {}
"""models.dev's ``open_weights`` by its id, for the models it is linked to."""
_STATED = "  # as models.dev states"
_MODELS_DEV = '"https://models.dev/api.json"'
_STATED_COVER = 'covers = ["open_weights"], note = "models.dev'


def _rewrite(text: str, model_id: str, links: dict[str, str]) -> str:
    """Put ``sources`` after the model's id line, and its citations in provenance.

    Where the model's file leaves ``open_weights`` unset and models.dev
    states it, it is written too (marked, so a rerun can tell it from the
    catalog's own facts), and the models.dev citation covers it.
    """
    lines = text.split("\n")
    start = lines.index(f'id = "{model_id}"')
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("[[")),
        len(lines),
    )
    block = [
        line
        for line in lines[start:end]
        if not line.startswith("sources = ") and not line.endswith(_STATED)
    ]
    block = [
        line
        for line in block
        if not (
            line.startswith("  { url")
            and ('"sources"' in line or (_MODELS_DEV in line and _STATED_COVER in line))
        )
    ]
    stated = OPEN_WEIGHTS.get(links.get("models.dev", ""))
    if stated is not None and any(line.startswith("open_weights = ") for line in block):
        stated = None  # the catalog states it already
    if links:
        block.insert(1, f"sources = {_inline(links)}")
        if stated is not None:
            block.insert(2, f"open_weights = {str(stated).lower()}{_STATED}")
        closing = max(i for i, line in enumerate(block) if line == "]")
        block.insert(closing, _citation(list(links), stated is not None))
    return "\n".join([*lines[:start], *block, *lines[end:]])


def main() -> int:
    """Write (or, with ``--check``, compare) every catalog file's links."""
    check = "--check" in sys.argv[1:]
    entries = _entries()
    stale = []
    files = sorted((DATA / "catalog" / "models").glob("*.toml"))
    files.append(DATA / "article" / "models.toml")
    linked = 0
    for path in files:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
        models = data.get("models", [data] if "kind" in data else [])
        new = text
        for model in models:
            links = _links(model, entries)
            linked += bool(links)
            new = _rewrite(new, model["id"], links)
        tomllib.loads(new)  # still TOML
        if new != text:
            stale.append(path)
            if not check:
                path.write_text(new, "utf-8")
    print(
        f"{linked} models linked; {len(stale)} files {'stale' if check else 'written'}"
    )
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
