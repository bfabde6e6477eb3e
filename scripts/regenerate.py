"""Regenerate the docs' generated files; run after changing the data or the CLI.

python scripts/regenerate.py          # rewrite them
python scripts/regenerate.py --check  # exit 1 if any is stale (the tests do this)
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

import aitaxonomy as ai
from aitaxonomy import _catalog
from aitaxonomy._catalog import toml_documents
from aitaxonomy._cli import main as cli
from aitaxonomy._kinds import default_kinds

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "docs"
DATA = ROOT / "src" / "aitaxonomy" / "data"
SNAPSHOT = DATA / "snapshot.json"
COMMANDS = ("choose", "list", "show", "tree", "compare", "validate", "export", "import")


os.environ["COLUMNS"] = "80"  # argparse wraps help to the terminal; fix it

# The docs are made from the TOML files, not from the snapshot they are about
# to replace: a stale snapshot would otherwise take one more run to show.
_catalog.ignore_snapshot()


def _help(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli([*args, "--help"])
    return out.getvalue()


def _snapshot() -> str:
    sources = [
        {"file": name, "document": document}
        for name, document in toml_documents(("jobs", "article", "catalog"))
    ]
    return (
        json.dumps(
            {"format": 1, "sources": sources}, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
    )


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell or "-" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _vocabulary_tables() -> str:
    """Markdown tables of vocabulary.toml, the data the adapters run on."""
    from aitaxonomy.adapters import pipeline_tags, vocabulary  # noqa: PLC0415

    data = vocabulary()
    lite, dev, router = data["litellm"], data["models_dev"], data["openrouter"]
    parts = [
        "### LiteLLM `mode`\n",
        _table(
            ["mode", "kind", "inputs", "outputs"],
            [
                [
                    f"`{m}`",
                    "generator" if s["kind"] == "generator" else "AIModel",
                    ", ".join(s["inputs"]),
                    ", ".join(s["outputs"]),
                ]
                for m, s in lite["modes"].items()
            ]
            + [
                [f"`{m}`", f"skipped: {why}", "", ""]
                for m, why in lite["not_models"].items()
            ],
        ),
    ]
    parts += [
        "\n### LiteLLM modalities and flags\n",
        _table(
            ["LiteLLM", "aitaxonomy"],
            [[f"`{k}`", v] for k, v in lite["modalities"].items()]
            + [
                [f"`{flag}: true`", ", ".join(f"{d} {m}" for d, m in adds.items())]
                for flag, adds in lite["flags"].items()
            ],
        ),
    ]
    parts += [
        "\n### models.dev modalities\n",
        _table(
            ["models.dev", "aitaxonomy"],
            [[f"`{k}`", v] for k, v in dev["modalities"].items()],
        ),
    ]
    parts += [
        "\n### OpenRouter modalities\n",
        _table(
            ["OpenRouter", "direction", "aitaxonomy"],
            [[f"`{k}`", "input", v] for k, v in router["input_modalities"].items()]
            + [
                [
                    f"`{k}`",
                    "output",
                    (
                        s.get("modality", "no modality")
                        + (" (not generative)" if s.get("kind") == "ai-model" else "")
                    ),
                ]
                for k, s in router["output_modalities"].items()
            ],
        ),
    ]
    parts += [
        "\n### Hugging Face `pipeline_tag`\n",
        _table(
            ["tag", "domain", "inputs", "outputs", "kind", "use case"],
            [
                [
                    f"`{t.tag}`",
                    t.domain,
                    ", ".join(sorted(t.inputs)),
                    ", ".join(sorted(t.outputs)),
                    t.kind.KIND,
                    t.use_case or "",
                ]
                for t in pipeline_tags().values()
            ],
        ),
    ]
    return "".join(parts)


def _json_type(schema: dict[str, Any]) -> str:
    """A property's type in words: "string or null", "array of `candidate`"."""
    ref = schema.get("$ref", "")
    if ref:
        return (
            "catalog entry" if ref.startswith("catalog") else f"`{ref.split('/')[-1]}`"
        )
    kinds = schema.get("type", "any")
    if isinstance(kinds, list):
        return " or ".join(kinds)
    if kinds == "array":
        return "array of " + _json_type(schema["items"])
    if kinds == "object" and isinstance(schema.get("additionalProperties"), dict):
        return "object of " + _json_type(schema["additionalProperties"])
    return str(kinds)


def _json_tables() -> str:
    """One table of fields per command's JSON, from docs/cli-output.schema.json."""
    schema = json.loads((HERE / "cli-output.schema.json").read_text("utf-8"))
    parts = []
    pending = list(schema["$defs"].items())
    while pending:
        name, definition = pending.pop(0)
        parts.append(f"\n### `{name}`\n\n{definition['description']}\n")
        if definition.get("type") == "array":
            parts.append(f"\nAn array of {_json_type(definition['items'])}.\n")
        properties = definition.get("properties", {})
        if not properties:
            continue
        rows, inside = [], []
        for field, spec in properties.items():
            inner = spec.get("items", {})
            if "properties" in inner:  # an object described in place: its own table
                inside.append((f"{name}.{field}[]", inner))
                kind = f"array of `{name}.{field}[]`"
            else:
                kind = _json_type(spec)
            rows.append([f"`{field}`", kind, spec["description"]])
        parts.append("\n" + _table(["field", "type", "meaning"], rows))
        pending[:0] = inside
    return "".join(parts).lstrip("\n")


def _job_type_tables() -> str:
    """The job types, by what they work on, from the packaged data."""
    tax = ai.default_taxonomy()
    use_cases: dict[str, list[str]] = {}
    for use_case in tax.use_cases():
        for job_id in use_case.job_types:
            use_cases.setdefault(job_id, []).append(use_case.id)
    groups: dict[str, list[ai.JobType]] = {}
    for job in tax.job_types():
        groups.setdefault(job.group, []).append(job)
    parts = []
    for group, jobs in groups.items():
        parts.append(f"\n## {group[:1].upper()}{group[1:]}\n")
        parts.append(
            _table(
                [
                    "id",
                    "job",
                    "reads",
                    "makes",
                    "generative",
                    "category",
                    "models",
                    "pipeline tags",
                    "article use cases",
                ],
                [
                    [
                        f"`{j.id}`",
                        j.name,
                        ", ".join(sorted(m.value for m in j.inputs)),
                        ", ".join(sorted(m.value for m in j.outputs)),
                        "yes" if j.generative else "no",
                        j.category,
                        str(len(tax.models(job_type=j))),
                        ", ".join(f"`{t}`" for t in j.pipeline_tags),
                        ", ".join(use_cases.get(j.id, [])),
                    ]
                    for j in jobs
                ],
            )
        )
    return "".join(parts).lstrip("\n")


def _kind_tables() -> str:
    """The built-in kinds with their fields, and every link field, from the classes."""
    registry = default_kinds()
    common = {f.name for f in attrs.fields(ai.Entity)}
    kinds = [
        [
            f"`{name}`",
            f"`{registry.cls(name).__name__}`",
            ", ".join(
                f"`{f.name}`"
                for f in attrs.fields(registry.cls(name))
                if f.name not in common
            )
            or "(none)",
        ]
        for name in registry.builtin_names()
    ]
    seen: set[tuple[str, str]] = set()
    rows = []
    for cls in (*(registry.cls(n) for n in registry.builtin_names()), ai.Citation):
        for declared in ai.links(cls):
            owner = next(
                c.__name__
                for c in reversed(cls.__mro__)
                if attrs.has(c) and declared.field in {f.name for f in attrs.fields(c)}
            )
            if (owner, declared.field) in seen:
                continue
            seen.add((owner, declared.field))
            rows.append(
                [
                    f"`{owner}.{declared.field}`",
                    " or ".join(f"`{k}`" for k in declared.to),
                    "list" if declared.many else "one",
                    f"{declared.relation} / {declared.inverse}",
                    ", ".join(
                        word
                        for word, on in (
                            ("edge", declared.edge),
                            ("acyclic", declared.acyclic),
                        )
                        if on
                    )
                    or "-",
                ]
            )
    modalities = ", ".join(f"`{m.value}`" for m in ai.Modality)
    return (
        _table(["kind", "class", "fields beyond the common ones"], kinds)
        + "\nLink fields, as the classes declare them (`aitaxonomy.links`):\n\n"
        + _table(["field", "points at", "ids", "reads / inverse", "shown as"], rows)
        + f"\nModalities: {modalities}.\n"
    )


def _curated() -> list[ai.AIModel]:
    article = ai.article_taxonomy()
    return [m for m in ai.default_taxonomy().models() if m.id not in article]


_CLAIM = re.compile(
    r"A curated catalog of [\d,]+\s+notable real-world models \(\d{4} to \d{4}\)"
)


def _readme() -> str:
    """The README, its claim about the catalog (count, span of years) from the data."""
    text = (ROOT / "README.md").read_text("utf-8")
    models = _curated()
    years = sorted(m.released[:4] for m in models if m.released)
    claim = (
        f"A curated catalog of {len(models):,}\nnotable real-world models "
        f"({years[0]} to {years[-1]})"
    )
    found = _CLAIM.search(text)
    if found is None:
        raise SystemExit("README.md no longer states the catalog's size and span")
    return text[: found.start()] + claim + text[found.end() :]


def _catalog_stats() -> str:
    """The curated catalog counted by category, job type, output, year, weights...

    ... and domain: the docs' catalog page shows these, never typed by hand.
    """
    tax = ai.default_taxonomy()
    models = _curated()

    def counted(title: str, keys: list[str]) -> str:
        rows = [[k, f"{n:,}"] for k, n in sorted(Counter(keys).items())]
        return f"\n**{title}**\n\n" + _table(["", "models"], rows)

    weights = {True: "open", False: "closed", None: "unknown"}
    facts = {
        (m.id, field): False for m in models for c in m.provenance for field in c.covers
    }
    for m in models:
        for c in m.provenance:
            if c.primary or c.section:
                facts.update(((m.id, field), True) for field in c.covers)
    share = sum(facts.values()) / len(facts)
    return (
        f"{len(models):,} curated models, {len(tax.models()):,} with the article's. "
        f"{share:.1%} of their {len(facts):,} cited facts (a field of a model a "
        "citation covers) have a primary source: the maker's page, paper, model "
        "card or repository (`scripts/mark_sources.py` marks each citation).\n"
        + counted("By category", [m.category_id for m in models])
        + counted(
            "By job type (stated, or implied by modalities)",
            [j.id for m in models for j in tax.job_types_of(m)],
        )
        + counted("By output", [o.value for m in models for o in m.output_modalities])
        + counted("By year released", [(m.released or "unknown")[:4] for m in models])
        + counted("By weights", [weights[m.open_weights] for m in models])
        + counted("By domain", [d for m in models for d in m.domains] or ["(none)"])
        + counted(
            "By where it runs",
            ["on device" if m.on_device else "not marked" for m in models],
        )
    )


def _word_model() -> str:
    """The word model, learned from the packaged example descriptions."""
    import tomllib  # noqa: PLC0415

    from aitaxonomy._learned import EXAMPLES, WordModel  # noqa: PLC0415

    examples = tomllib.loads((DATA / EXAMPLES).read_text("utf-8"))["example"]
    jobs = [j.id for j in ai.default_taxonomy().job_types()]
    return WordModel(((e["job"], e["text"]) for e in examples), jobs).table()


def generated() -> dict[Path, str]:
    """Each generated file and the text it should hold."""
    from aitaxonomy._learned import WORD_MODEL  # noqa: PLC0415

    files = {
        SNAPSHOT: _snapshot(),
        DATA / WORD_MODEL: _word_model(),
        HERE / "catalog.schema.json": json.dumps(
            ai.json_schema(builtin_only=True), indent=2
        )
        + "\n",
        HERE / "_generated" / "taxonomy.mmd": ai.export(
            ai.default_taxonomy(), "mermaid"
        ),
        HERE / "_generated" / "help.txt": _help(),
        HERE / "_generated" / "vocabulary.md": _vocabulary_tables(),
        HERE / "_generated" / "job-types.md": _job_type_tables(),
        HERE / "_generated" / "kinds.md": _kind_tables(),
        HERE / "_generated" / "catalog-stats.md": _catalog_stats(),
        ROOT / "README.md": _readme(),
        HERE / "_generated" / "cli-json.md": _json_tables(),
    }
    for command in COMMANDS:
        files[HERE / "_generated" / f"help-{command}.txt"] = _help(command)
    return files


def main() -> int:
    """Rewrite the generated files, or with --check list the stale ones."""
    stale = [
        path
        for path, text in generated().items()
        if not path.exists() or path.read_text("utf-8") != text
    ]
    if "--check" in sys.argv:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, text in generated().items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
