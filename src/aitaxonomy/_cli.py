"""The ``aitaxonomy`` command: a thin layer over the public Python API.

It imports nothing private: what it prints comes from ``aitaxonomy`` itself
(``Recommendation.to_dict()``, ``Entity.to_dict()``, ``edges()``,
``export()``, ``dump()``), so the command and the library cannot drift
apart. Installed plugins' catalogs count unless ``--no-plugins`` says not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
import warnings
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import aitaxonomy as ai

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main"]

WIDTH = 80
"""Where prose wraps when stdout is not a terminal, and help always."""
_NARROWEST = 40
"""Prose wraps no narrower than this, however narrow the terminal."""
_LIST_KINDS: dict[str, type[ai.Entity]] = {
    "models": ai.AIModel,
    "techniques": ai.Technique,
    "use-cases": ai.UseCase,
    "job-types": ai.JobType,
    "categories": ai.Category,
    "organizations": ai.Organization,
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
    """How stdout looks: colour and fitting to a width on a terminal only.

    Piped or redirected output is never cut, so ``| grep`` sees every field,
    and has no colour. Prose (reasons, the rationale) wraps at the
    terminal's width, or at 80 columns off a terminal, which loses nothing.
    """

    def __init__(self, stream: IO[str]) -> None:
        tty = stream.isatty()
        self.on = (
            tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        )
        self.width: int | None = shutil.get_terminal_size().columns if tty else None

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text

    def bold(self, text: str) -> str:
        return self(text, "1")

    def id(self, text: str) -> str:
        return self(text, "36")

    def fit(self, line: str) -> str:
        """*line* cut to the terminal's width; whole when not on a terminal."""
        if self.width is None or len(line) <= self.width:
            return line
        return line[: max(self.width - 1, 0)] + "…"

    def wrap(self, text: str, indent: str = "", first: str | None = None) -> str:
        """*text* as lines of the terminal's width (80 columns off a terminal)."""
        lines = textwrap.wrap(
            text,
            max(self.width or WIDTH, _NARROWEST),
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_on_hyphens=False,
            break_long_words=False,  # a URL split in two is lost to grep
        )
        return "\n".join(lines or [first or indent]) + "\n"


def _modality(value: str) -> ai.Modality:
    try:
        return ai.Modality.parse(value)
    except ai.AITaxonomyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _taxonomy(args: argparse.Namespace) -> ai.Taxonomy:
    """The taxonomy a command reads: the base, then each ``--catalog`` on top."""
    taxonomy = _base(args)
    for path in args.catalog or ():
        taxonomy = ai.load(path, base=taxonomy)
    return taxonomy


def _base(args: argparse.Namespace) -> ai.Taxonomy:
    """The default taxonomy and, unless ``--no-plugins``, the installed plugins."""
    if args.no_plugins:
        return ai.default_taxonomy()
    # A broken plugin that some other package installed should not stop every
    # command: it is left out, and stderr says which and how to leave all out.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ai.errors.PluginWarning)
        taxonomy = ai.installed_taxonomy(on_error="warn")
    for warning in caught:
        if issubclass(warning.category, ai.errors.PluginWarning):
            sys.stderr.write(
                f"aitaxonomy: warning: {warning.message}\n"
                "  (left out; --no-plugins leaves out every plugin)\n"
            )
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return taxonomy


# -- choose --------------------------------------------------------------------


def _cmd_choose(args: argparse.Namespace, style: _Style) -> int:
    if not args.modality and not args.task:
        raise _UsageError("choose needs --modality, --task, or both")
    rec = ai.choose(
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
        _print_json(rec.to_dict())
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
        for c in step.candidates:
            out.write(f"  {c.score:4.2f}  {style.id(c.model.name)}\n")
            if c.reasons:
                out.write(style.wrap("; ".join(c.reasons), " " * 8))
            if c.model.sources:  # how to call it
                calls = ", ".join(f"{k} {v}" for k, v in c.model.sources.items())
                out.write(style.wrap(calls, " " * 8, " " * 8 + "call: "))
        if not step.candidates:
            out.write("  (no candidates)\n")
    alone = [c for c in rec.candidates if c.role == "all steps"]
    if alone:
        out.write("\n" + style.bold("Every step alone") + "\n")
        for c in alone:
            out.write(f"  {c.score:4.2f}  {style.id(c.model.name)}\n")
    if rec.techniques:
        out.write("\n" + style.bold("Techniques") + "\n")
        out.write(style.wrap(", ".join(t.name for t in rec.techniques), "  "))
    out.write("\n" + style.bold("Why") + "\n")
    for reason in rec.rationale:
        source = f" [{reason.section}]" if reason.section else ""
        out.write(style.wrap(f"{reason.text}{source}", "    ", f"  - {reason.id}: "))
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
    if cls is ai.AIModel:
        found: Sequence[ai.Entity] = taxonomy.models(
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
        _print_json([e.to_dict() for e in found])
        return 0
    width = max((len(e.id) for e in found), default=2)
    for entity in found:
        detail = _summary(taxonomy, entity)
        line = style.fit(f"{entity.id.ljust(width)}  {entity.name}  {detail}".rstrip())
        shown = line[: len(entity.id)]
        sys.stdout.write(style.id(shown) + line[len(shown) :] + "\n")
    if not found:
        sys.stderr.write("nothing matches\n")
    return 0


def _summary(taxonomy: ai.Taxonomy, entity: ai.Entity) -> str:
    if isinstance(entity, ai.AIModel):
        outputs = ",".join(sorted(entity.output_modalities)) or "-"
        return f"[{entity.category_id}] -> {outputs}"
    if isinstance(entity, ai.UseCase):
        return f"[{entity.category}]"
    if isinstance(entity, ai.Technique) and entity.part_of:
        return f"(part of {taxonomy[entity.part_of].name})"
    if isinstance(entity, ai.Category) and entity.parent:
        return f"(under {entity.parent})"
    return ""


def _links(taxonomy: ai.Taxonomy, entity: ai.Entity) -> dict[str, list[str]]:
    """Entities that point at *entity*, by how the link reads from it."""
    incoming: dict[str, list[str]] = {}
    for edge in ai.edges(taxonomy, organizations=True):
        if edge.target == entity.id:
            incoming.setdefault(edge.inverse, []).append(edge.source)
    return incoming


def _cmd_show(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    entity = taxonomy[args.id]
    links = _links(taxonomy, entity)
    data = entity.to_dict()
    if args.json:
        _print_json({**data, "linked_from": links})
        return 0
    out = sys.stdout
    out.write(
        style.bold(f"{entity.name}") + f"  ({data['kind']} {style.id(entity.id)})\n"
    )
    if isinstance(entity, ai.AIModel):
        path = " > ".join(c.name for c in taxonomy.category_path(entity.category_id))
        out.write(f"  category: {path}\n")
    for key, value in data.items():
        if key in ("kind", "id", "name", "provenance"):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        out.write(style.wrap(text, "      ", f"  {key}: "))
    for relation, ids in links.items():
        out.write(style.wrap(", ".join(ids), "      ", f"  {relation}: "))
    if entity.provenance:
        out.write("  sources:\n")
        for citation in entity.provenance:
            where = citation.section and f"article section {citation.section}"
            where = where or f"{citation.url} (read {citation.as_of})"
            covers = f" for {', '.join(citation.covers)}" if citation.covers else ""
            out.write(style.wrap(f"{where}{covers}", "      ", "    - "))
    return 0


def _tree_data(taxonomy: ai.Taxonomy, category: ai.Category) -> dict[str, Any]:
    children = [c for c in taxonomy.categories() if c.parent == category.id]
    return {
        "id": category.id,
        "name": category.name,
        "models": [
            m.id for m in taxonomy.of_type(ai.AIModel) if m.category_id == category.id
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
            sys.stdout.write(style.wrap(names, pad + "    ", pad + "  · "))
        for child in node["children"]:
            draw(child, depth + 1)

    for tree in trees:
        draw(tree, 0)
    return 0


def _cmd_compare(args: argparse.Namespace, style: _Style) -> int:
    taxonomy = _taxonomy(args)
    table = taxonomy.comparison(*args.categories)
    if args.json:
        _print_json(table.to_dict())
        return 0
    # One block per feature keeps every line within the width.
    names = [c.name for c in table.categories]
    width = max(len(n) for n in names)
    for label, values in table.rows:
        sys.stdout.write(style.bold(label) + "\n")
        for name, value in zip(names, values, strict=True):
            sys.stdout.write(
                style.wrap(value, " " * (width + 4), f"  {name.ljust(width)}  ")
            )
    return 0


# -- validate, export ----------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, style: _Style) -> int:
    base = None if args.standalone else _base(args)
    problems: list[ai.Problem] = []
    for path in args.paths:
        try:
            ai.load(path, base=base)
        except ai.TaxonomyError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(ai.Problem(exc.strerror or str(exc), "$", str(path)))
    if args.json:
        _print_json(
            {
                "valid": not problems,
                "problems": [p.to_dict() for p in problems],
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
    text = ai.export(
        _taxonomy(args), "json" if args.json else args.format, path=args.output
    )
    if not args.output:
        sys.stdout.write(text)
    return 0


_ADAPTERS = {
    "litellm": "from_litellm",
    "models-dev": "from_models_dev",
    "openrouter": "from_openrouter",
}


def _cmd_import(args: argparse.Namespace, style: _Style) -> int:
    from collections import Counter  # noqa: PLC0415

    from aitaxonomy import adapters  # noqa: PLC0415  # only this command needs them

    try:
        data = json.loads(Path(args.file).read_bytes())
    except json.JSONDecodeError as exc:
        raise ai.TaxonomyError(
            [ai.Problem(f"invalid JSON: {exc.msg}", f"line {exc.lineno}", args.file)]
        ) from None
    except UnicodeDecodeError as exc:
        said = f"not UTF-8: byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"
        raise ai.TaxonomyError([ai.Problem(said, "$", args.file)]) from None
    except RecursionError:
        said = "invalid JSON: nested too deeply to read"
        raise ai.TaxonomyError([ai.Problem(said, "$", args.file)]) from None
    result = getattr(adapters, _ADAPTERS[args.source])(data, as_of=args.as_of)
    if args.output:
        base = _base(args)
        # What the import adds: models the base already holds are folded into
        # them in memory, but a catalog file holds only the new entities.
        added = [e for e in result.taxonomy(base) if e.id not in base]
        ai.dump(base.extend(*added), args.output, exclude=base)
    if args.json:
        _print_json(result.to_dict())
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
            sys.stdout.write(style.wrap(reason, " " * 10, f"  {count:>6}  "))
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
        help="add a catalog file or directory to the taxonomy (repeatable)",
    )
    _plugins_flag(parser)
    _json_flag(parser)


def _plugins_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-plugins",
        action="store_true",
        help="leave out the catalogs of installed plugins",
    )


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
        "--version", action="version", version=f"aitaxonomy {ai.__version__}"
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
    _plugins_flag(validate)
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
    _plugins_flag(importing)
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
    id, a task that matches nothing), 2 for usage errors. Output into a pipe
    that closes early (``| head``) ends quietly with 0, as Unix tools do.
    """
    try:
        status = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled
    except BrokenPipeError:
        _discard_stdout()
        return 0
    return status


def _run(argv: Sequence[str] | None) -> int:
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
    except (ai.AITaxonomyError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        sys.stderr.write(f"aitaxonomy: error: {exc}\n")
        return 1


def _discard_stdout() -> None:
    """Point stdout at the null device, so the flush at exit has nowhere to fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # not a file descriptor: run in process, no flush
        pass
