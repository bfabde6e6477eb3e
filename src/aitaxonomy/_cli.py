"""The ``aitaxonomy`` command: a thin layer over the public Python API."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from ._catalog import default_taxonomy
from ._entities import (
    AIModel,
    Category,
    Entity,
    JobType,
    Organization,
    Technique,
    UseCase,
)
from ._errors import AITaxonomyError, Problem, TaxonomyError
from ._modality import Modality
from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._choose import Candidate, Recommendation
    from ._export import ExportFormat
    from ._taxonomy import Taxonomy

__all__ = ["main"]

WIDTH = 80
_LIST_KINDS: dict[str, type[Entity]] = {
    "models": AIModel,
    "techniques": Technique,
    "use-cases": UseCase,
    "job-types": JobType,
    "categories": Category,
    "organizations": Organization,
}


class _Exit(Exception):  # noqa: N818  # a control-flow signal, not an error
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Formatter(argparse.HelpFormatter):
    """Help that fits 80 columns; indented example lines are kept as written."""

    def __init__(self, prog: str) -> None:
        width = min(shutil.get_terminal_size().columns, WIDTH) - 2
        super().__init__(prog, width=width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n  " in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as status 2 without a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise _Exit(2)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


class _Style:
    """ANSI styling on a terminal only, and never with NO_COLOR set."""

    def __init__(self, stream: IO[str]) -> None:
        self.on = (
            stream.isatty()
            and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb"
        )

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text

    def bold(self, text: str) -> str:
        return self(text, "1")

    def dim(self, text: str) -> str:
        return self(text, "2")

    def id(self, text: str) -> str:
        return self(text, "36")


def _modality(value: str) -> Modality:
    try:
        return Modality.parse(value)
    except AITaxonomyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first or indent]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _entity_data(entity: Entity) -> dict[str, Any]:
    from ._convert import entity_to_data  # noqa: PLC0415

    return entity_to_data(entity)


def _taxonomy(args: argparse.Namespace) -> Taxonomy:
    from ._files import load  # noqa: PLC0415

    base = default_taxonomy()
    taxonomy = base
    for path in args.catalog or ():
        taxonomy = load(path, base=taxonomy)
    return taxonomy


# -- choose --------------------------------------------------------------------


def _candidate_data(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.model.id,
        "name": c.model.name,
        "score": c.score,
        "role": c.role,
        "step": c.step,
        "reasons": list(c.reasons),
    }


def _recommendation_data(rec: Recommendation) -> dict[str, Any]:
    return {
        "category": rec.category.id,
        "use_case": rec.use_case.id if rec.use_case else None,
        "job_type": rec.job_type.id if rec.job_type else None,
        "language": rec.language,
        "hybrid": rec.hybrid,
        "confidence": rec.confidence,
        "outputs": sorted(m.value for m in rec.outputs),
        "inputs": sorted(m.value for m in rec.inputs),
        "steps": [
            {
                "job_type": s.job_type.id if s.job_type else None,
                "inputs": sorted(m.value for m in s.inputs),
                "outputs": sorted(m.value for m in s.outputs),
                "category": s.category.id,
                "uses_previous": s.uses_previous,
                "candidate_count": s.candidate_count,
                "candidates": [_candidate_data(c) for c in s.candidates],
            }
            for s in rec.steps
        ],
        "candidates": [_candidate_data(c) for c in rec.candidates],
        "techniques": [t.id for t in rec.techniques],
        "rationale": [
            {"id": r.id, "text": r.text, "section": r.section} for r in rec.rationale
        ],
        "rejected": [{"id": r.model.id, "reason": r.reason} for r in rec.rejected],
        "matched_terms": list(rec.matched_terms),
    }


def _cmd_choose(args: argparse.Namespace, style: _Style) -> int:
    from ._choose import choose  # noqa: PLC0415

    if not args.modality and not args.task:
        raise _UsageError("choose needs --modality, --task, or both")
    rec = choose(
        modalities=args.modality or None,
        task=args.task,
        inputs=args.input or None,
        taxonomy=_taxonomy(args),
        domain=args.domain,
        open_weights=args.open_weights,
        on_device=args.on_device,
        limit=args.top,
    )
    for reason in rec.rationale:
        if reason.id == "no-candidates":
            sys.stderr.write(f"aitaxonomy: no candidates: {reason.text}\n")
    if args.json:
        _print_json(_recommendation_data(rec))
        return 0
    out = sys.stdout
    headline = f"{rec.category.name} ({rec.category.id})"
    if rec.hybrid:
        headline += ": models of different kinds together"
    out.write(style.bold(f"Use {headline}") + "\n")
    if rec.use_case is not None:
        out.write(
            f"Use case: {rec.use_case.name} ({rec.use_case.id}), "
            f"confidence {rec.confidence:.2f}\n"
        )
    out.write(
        f"Reads: {', '.join(sorted(rec.inputs)) or '-'}; "
        f"makes: {', '.join(sorted(rec.outputs)) or '-'}\n"
    )
    for index, step in enumerate(rec.steps):
        label = f"Step {index + 1}" if len(rec.steps) > 1 else "Job"
        job = f"{step.job_type.name} ({step.job_type.id})" if step.job_type else "-"
        shape = f"{', '.join(sorted(step.inputs))} -> {', '.join(sorted(step.outputs))}"
        out.write("\n" + style.bold(f"{label}: {job}") + f"  {shape}\n")
        for c in step.candidates[: args.top]:
            out.write(f"  {c.score:4.2f}  {style.id(c.model.name)}\n")
            if c.reasons:
                out.write("\n".join(_wrap("; ".join(c.reasons), " " * 8)) + "\n")
        if not step.candidates:
            out.write("  (no candidates)\n")
    alone = [c for c in rec.candidates if c.role == "all steps"]
    if alone:
        out.write("\n" + style.bold("Every step alone") + "\n")
        for c in alone[: args.top]:
            out.write(f"  {c.score:4.2f}  {style.id(c.model.name)}\n")
    if rec.techniques:
        out.write("\n" + style.bold("Techniques") + "\n")
        out.write(
            "\n".join(_wrap(", ".join(t.name for t in rec.techniques), "  ")) + "\n"
        )
    out.write("\n" + style.bold("Why") + "\n")
    for reason in rec.rationale:
        source = f" [{reason.section}]" if reason.section else ""
        lines = _wrap(f"{reason.text}{source}", "    ", f"  - {reason.id}: ")
        out.write("\n".join(lines) + "\n")
    return 0


# -- list, show, tree, compare -------------------------------------------------


def _cmd_list(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    cls = _LIST_KINDS[args.kind]
    model_filters = (
        args.output,
        args.input,
        args.technique,
        args.category,
        args.org,
        args.use_case,
        args.domain,
    )
    if cls is AIModel:
        found: Sequence[Entity] = taxonomy.models(
            output=args.output or None,
            input=args.input or None,
            technique=args.technique,
            category=args.category,
            organization=args.org,
            use_case=args.use_case,
            domain=args.domain,
        )
    elif any(f for f in model_filters):
        raise _UsageError(
            "the filters --output, --input, --technique, --category, "
            "--org, --use-case and --domain apply to models only"
        )
    else:
        found = taxonomy.of_type(cls)
    if args.json:
        _print_json([_entity_data(e) for e in found])
        return 0
    width = max((len(e.id) for e in found), default=2)
    for entity in found:
        detail = _summary(taxonomy, entity)
        line = _fit(
            f"{entity.id.ljust(width)}  {entity.name}  {detail}".rstrip(), WIDTH
        )
        sys.stdout.write(style.id(entity.id) + line[len(entity.id) :] + "\n")
    if not found:
        sys.stderr.write("nothing matches\n")
    return 0


def _summary(taxonomy: Taxonomy, entity: Entity) -> str:
    if isinstance(entity, AIModel):
        outputs = ",".join(sorted(entity.output_modalities)) or "-"
        return f"[{entity.category_id}] -> {outputs}"
    if isinstance(entity, UseCase):
        return f"[{entity.category}]"
    if isinstance(entity, Technique) and entity.part_of:
        return f"(part of {taxonomy[entity.part_of].name})"
    if isinstance(entity, Category) and entity.parent:
        return f"(under {entity.parent})"
    return ""


def _links(taxonomy: Taxonomy, entity: Entity) -> dict[str, list[str]]:
    """Entities that point at *entity*, by relation."""
    from ._export import edges  # noqa: PLC0415

    incoming: dict[str, list[str]] = {}
    labels = {
        "is a": "members",
        "uses": "used by",
        "suits": "suited models",
        "powered by": "powers",
        "part of": "concepts",
        "favours": "use cases",
        "made by": "models",
    }
    for edge in edges(taxonomy, organizations=True):
        if edge.target == entity.id:
            incoming.setdefault(labels[edge.relation], []).append(edge.source)
    return incoming


def _cmd_show(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    entity = taxonomy[args.id]
    links = _links(taxonomy, entity)
    data = _entity_data(entity)
    if args.json:
        _print_json({**data, "linked_from": links})
        return 0
    out = sys.stdout
    out.write(
        style.bold(f"{entity.name}") + f"  ({data['kind']} {style.id(entity.id)})\n"
    )
    if isinstance(entity, AIModel):
        path = " > ".join(c.name for c in taxonomy.category_path(entity.category_id))
        out.write(f"  category: {path}\n")
    for key, value in data.items():
        if key in ("kind", "id", "name", "provenance"):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        out.write("\n".join(_wrap(text, "      ", f"  {key}: ")) + "\n")
    for relation, ids in links.items():
        out.write("\n".join(_wrap(", ".join(ids), "      ", f"  {relation}: ")) + "\n")
    if entity.provenance:
        out.write("  sources:\n")
        for citation in entity.provenance:
            where = citation.section and f"article section {citation.section}"
            where = where or f"{citation.url} (read {citation.as_of})"
            covers = f" for {', '.join(citation.covers)}" if citation.covers else ""
            out.write("\n".join(_wrap(f"{where}{covers}", "      ", "    - ")) + "\n")
    return 0


def _tree_data(taxonomy: Taxonomy, category: Category) -> dict[str, Any]:
    children = [c for c in taxonomy.categories() if c.parent == category.id]
    return {
        "id": category.id,
        "name": category.name,
        "models": [
            m.id for m in taxonomy.of_type(AIModel) if m.category_id == category.id
        ],
        "children": [_tree_data(taxonomy, c) for c in children],
    }


def _cmd_tree(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    roots = [c for c in taxonomy.categories() if c.parent is None]
    trees = [_tree_data(taxonomy, r) for r in roots]
    if args.json:
        _print_json(trees)
        return 0

    def draw(node: dict[str, Any], depth: int) -> None:
        pad = "  " * depth
        sys.stdout.write(f"{pad}{style.bold(node['name'])} [{style.id(node['id'])}]\n")
        if node["models"]:
            names = ", ".join(taxonomy[m].name for m in node["models"])
            sys.stdout.write("\n".join(_wrap(names, pad + "    ", pad + "  · ")) + "\n")
        for child in node["children"]:
            draw(child, depth + 1)

    for tree in trees:
        draw(tree, 0)
    return 0


def _cmd_compare(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    table = taxonomy.comparison(*args.categories)
    if args.json:
        _print_json(
            {
                "categories": [c.id for c in table.categories],
                "rows": [
                    {"feature": label, "values": list(v)} for label, v in table.rows
                ],
            }
        )
        return 0
    # One block per feature keeps every line within 80 columns.
    names = [c.name for c in table.categories]
    width = max(len(n) for n in names)
    for label, values in table.rows:
        sys.stdout.write(style.bold(label) + "\n")
        for name, value in zip(names, values, strict=True):
            lines = _wrap(value, " " * (width + 4), f"  {name.ljust(width)}  ")
            sys.stdout.write("\n".join(lines) + "\n")
    return 0


# -- validate, export ----------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, style: _Style) -> int:
    from ._files import load  # noqa: PLC0415

    problems: list[Problem] = []
    for path in args.paths:
        try:
            load(path, base=None if args.standalone else default_taxonomy())
        except TaxonomyError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(Problem(exc.strerror or str(exc), "$", str(path)))
    if args.json:
        _print_json(
            {
                "valid": not problems,
                "problems": [
                    {"file": p.file, "path": p.path, "message": p.message}
                    for p in problems
                ],
            }
        )
    else:
        for problem in problems:
            where = f"{problem.file}: {problem.path}" if problem.file else problem.path
            sys.stdout.write(f"{style(where, '31')}: {problem.message}\n")
        if not problems:
            sys.stdout.write(f"valid: {', '.join(args.paths)}\n")
    return 1 if problems else 0


def _cmd_export(args: argparse.Namespace, style: _Style) -> int:
    del style
    from ._export import export  # noqa: PLC0415

    fmt: ExportFormat = "json" if args.json else args.format
    text = export(_taxonomy(args), fmt)
    if args.output:
        from ._files import _write  # noqa: PLC0415

        _write(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


_ADAPTERS = {
    "litellm": "from_litellm",
    "models-dev": "from_models_dev",
    "openrouter": "from_openrouter",
}


def _cmd_import(args: argparse.Namespace, style: _Style) -> int:
    from collections import Counter  # noqa: PLC0415

    from . import adapters  # noqa: PLC0415
    from ._files import dump  # noqa: PLC0415

    try:
        data = json.loads(Path(args.file).read_bytes())
    except json.JSONDecodeError as exc:
        raise TaxonomyError(
            [Problem(f"invalid JSON: {exc.msg}", f"line {exc.lineno}", args.file)]
        ) from None
    result = getattr(adapters, _ADAPTERS[args.source])(data, as_of=args.as_of)
    if args.output:
        base = default_taxonomy()
        dump(base.extend(*result.entities), args.output, exclude=base)
    if args.json:
        _print_json(
            {
                "counts": result.counts(),
                "skipped": [{"key": k, "reason": r} for k, r in result.skipped],
                "notes": [{"key": k, "message": m} for k, m in result.notes],
            }
        )
        return 0
    counts = result.counts()
    mapped = sum(v for k, v in counts.items() if k != "skipped")
    sys.stdout.write(style.bold(f"{mapped} mapped, {counts['skipped']} skipped") + "\n")
    for kind, count in counts.items():
        if kind != "skipped":
            sys.stdout.write(f"  {kind:<9} {count}\n")
    reasons = Counter(reason for _, reason in result.skipped)
    if reasons:
        sys.stdout.write("skipped because:\n")
        for reason, count in reasons.most_common():
            sys.stdout.write(
                "\n".join(_wrap(reason, " " * 10, f"  {count:>6}  ")) + "\n"
            )
    if result.notes:
        sys.stdout.write(f"{len(result.notes)} notes on fields left out (see --json)\n")
    if args.output:
        sys.stdout.write(f"written to {args.output}\n")
    return 0


class _UsageError(Exception):
    """A combination of options that makes no sense: status 2."""


# -- parser --------------------------------------------------------------------

_EPILOG = """\
examples:
  aitaxonomy choose --modality image --task "a mascot for our brand"
  aitaxonomy choose --task "summarise court rulings" --domain legal --json
  aitaxonomy list models --output image --technique diffusion
  aitaxonomy show gpt-4
  aitaxonomy tree
  aitaxonomy compare
  aitaxonomy validate mymodels.toml
  aitaxonomy export --format mermaid -o taxonomy.mmd
  aitaxonomy import litellm model_prices_and_context_window.json -o catalog/
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        action="append",
        metavar="PATH",
        help="add a catalog file or directory to the default taxonomy (repeatable)",
    )
    _json_flag(parser)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON on stdout, and nothing else"
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="aitaxonomy",
        description="Which kind of AI, and which models, fit a job: the GenAI vs "
        "LLM taxonomy from the command line.",
        epilog=_EPILOG,
    )
    parser.add_argument(
        "--version", action="version", version=f"aitaxonomy {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    choose = sub.add_parser(
        "choose",
        help="recommend a category and models for a job",
        description="Recommend a category and models for a job, and explain why.",
        epilog="example:\n"
        '  aitaxonomy choose --modality image --task "a mascot for our brand"',
    )
    choose.add_argument(
        "--modality",
        "-m",
        action="append",
        type=_modality,
        metavar="M",
        help="an output the job must produce (repeatable)",
    )
    choose.add_argument(
        "--task", "-t", help="the job: free text, or a use-case or job-type id"
    )
    choose.add_argument(
        "--input",
        "-i",
        action="append",
        type=_modality,
        metavar="M",
        help="an input the models must accept (repeatable)",
    )
    choose.add_argument("--domain", help="rank models for this domain first (legal...)")
    weights = choose.add_mutually_exclusive_group()
    weights.add_argument(
        "--open-weights",
        dest="open_weights",
        action="store_const",
        const=True,
        help="only models with published weights",
    )
    weights.add_argument(
        "--closed-weights",
        dest="open_weights",
        action="store_const",
        const=False,
        help="only models without published weights",
    )
    choose.add_argument(
        "--on-device",
        action="store_const",
        const=True,
        help="only models that run on a local device",
    )
    choose.add_argument(
        "--top",
        type=_at_least_one,
        default=5,
        metavar="N",
        help="how many candidates to find and print per step (default 5)",
    )
    _common(choose)
    choose.set_defaults(handler=_cmd_choose)

    listing = sub.add_parser(
        "list",
        help="list entities, with filters for models",
        description="List entities of one kind; models can be filtered.",
        epilog="example:\n"
        "  aitaxonomy list models --output image --technique diffusion",
    )
    listing.add_argument(
        "kind",
        nargs="?",
        default="models",
        choices=list(_LIST_KINDS),
        metavar="KIND",
        help="what to list: " + ", ".join(_LIST_KINDS) + " (default models)",
    )
    listing.add_argument(
        "--output",
        action="append",
        type=_modality,
        metavar="M",
        help="models that produce M (repeatable: all of them)",
    )
    listing.add_argument(
        "--input",
        action="append",
        type=_modality,
        metavar="M",
        help="models that accept M (repeatable)",
    )
    listing.add_argument("--technique", help="models built with this technique")
    listing.add_argument("--category", help="models in this category (or below it)")
    listing.add_argument("--org", help="models made by this organisation")
    listing.add_argument("--use-case", help="models suited to this use case")
    listing.add_argument("--domain", help="models specialised for this domain")
    _common(listing)
    listing.set_defaults(handler=_cmd_list)

    show = sub.add_parser(
        "show",
        help="everything about one entity and its links",
        description="Show one entity, its fields, links and sources.",
    )
    show.add_argument("id", help="an id, name or alias (e.g. gpt-4, 'DALL·E')")
    _common(show)
    show.set_defaults(handler=_cmd_show)

    tree = sub.add_parser(
        "tree",
        help="the category hierarchy with its models",
        description="The category hierarchy with its models.",
    )
    _common(tree)
    tree.set_defaults(handler=_cmd_tree)

    compare = sub.add_parser(
        "compare",
        help="the article's GenAI vs LLM table",
        description="The article's comparison table.",
    )
    compare.add_argument(
        "categories",
        nargs="*",
        metavar="CATEGORY",
        help="categories to compare (default: genai llm)",
    )
    _common(compare)
    compare.set_defaults(handler=_cmd_compare)

    _add_file_commands(sub)
    return parser


def _add_file_commands(sub: Any) -> None:
    """The commands that read or write files: validate, import, export."""
    validate = sub.add_parser(
        "validate",
        help="check catalog files; exit 1 if any is invalid",
        description="Check catalog files against the format and the invariants, "
        "as additions to the default taxonomy. Prints every problem with its file "
        "and path; exit status 0 when valid, 1 when not.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument(
        "--standalone",
        action="store_true",
        help="check each file on its own, not against the default",
    )
    _json_flag(validate)
    validate.set_defaults(handler=_cmd_validate)

    importing = sub.add_parser(
        "import",
        help="read LiteLLM, models.dev or OpenRouter data into a catalog",
        description="Map another catalog's JSON to aitaxonomy entities and report "
        "what was mapped and what was skipped, and why.",
        epilog="example:\n"
        "  aitaxonomy import litellm model_prices_and_context_window.json "
        "-o catalog/",
    )
    importing.add_argument("source", choices=list(_ADAPTERS))
    importing.add_argument("file", metavar="FILE", help="the source's JSON file")
    importing.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="write the mapped entities as a catalog (a .toml/.json file, or a "
        "directory of one file per entity)",
    )
    importing.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the day the data was read; cited by every entity",
    )
    _json_flag(importing)
    importing.set_defaults(handler=_cmd_import)

    export = sub.add_parser(
        "export",
        help="write the taxonomy graph (mermaid, dot, json, jsonld, markdown)",
        description="Write the taxonomy graph for docs and other tools.",
    )
    export.add_argument(
        "--format",
        "-f",
        default="mermaid",
        metavar="FORMAT",
        choices=["mermaid", "dot", "json", "jsonld", "markdown"],
        help="mermaid (default), dot, json, jsonld or markdown",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write here, not stdout")
    _common(export)
    export.set_defaults(handler=_cmd_export)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0 on success, 1 when the input is wrong (an invalid catalog, an unknown
    id, a task that matches nothing), 2 for usage errors.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace, _Style], int] | None = getattr(
            args, "handler", None
        )
        if handler is None:
            parser.print_help()
            return 0
        return handler(args, _Style(sys.stdout))
    except _Exit as exc:
        return exc.status
    except _UsageError as exc:
        sys.stderr.write(f"aitaxonomy: error: {exc}\n")
        return 2
    except BrokenPipeError:  # piped into `head`: stop quietly, as Unix tools do
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123  # flushed at exit
        return 0
    except (AITaxonomyError, OSError) as exc:
        sys.stderr.write(f"aitaxonomy: error: {exc}\n")
        return 1
